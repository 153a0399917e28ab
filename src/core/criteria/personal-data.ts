/**
 * Personal data in public outputs. An idea is a public document (allmän handling), but some of its fields are about
 * people. Public outputs (the site, an export without `--include-personal`, a report's breakdowns) are built from an
 * allowlist: a value is shown only when a schema marks it `x-public`, and no schema marks it `x-personal` (names,
 * contact details) or `x-aggregate` (such as a team's gender composition: only ever shown summed over a group large
 * enough that no one can be singled out). A field nobody classified, a key no schema describes, a field declared
 * without a marking: all stay out. An earlier denylist let a personal field through when its marking sat where the
 * walk did not look (inside `allOf`); with an allowlist, a marking the walk misses hides a field, never shows one.
 *
 * The rules:
 * - Markings are read wherever a schema of the registry (the base schema and every stage's criteria: an idea moves
 *   through them all) applies to a value: `properties`, `patternProperties`, `additionalProperties`, `items`,
 *   `prefixItems`, and in place through `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `dependentSchemas` and
 *   `$ref` (into `$defs`, to an `$anchor`, or to another schema of the registry by its URI), cycles included.
 *   Conditions are not evaluated, so what `if`/`then`/`else` and `dependentSchemas` mark can only hide: a field
 *   marked `x-public` in a `then` is not public (it would be for every idea, whatever the `if` says of each), one
 *   marked `x-personal` there is personal.
 * - Personal and aggregate beat public: a value marked `x-personal` anywhere is personal, whatever else says public.
 * - A public field's parts come along when a schema names them and does not mark them personal: a public object
 *   keeps the keys its `properties` name, and loses a personal one and every other key, those a `patternProperties`
 *   pattern or `additionalProperties` covers among them (`additionalProperties: true` allows a key, it does not
 *   describe it for publication): such a key is shown only where that schema marks it `x-public` itself. A list keeps
 *   the items its `items` describe.
 * - Markings that cannot be pinned to a value (`not`, `contains`, `unevaluatedProperties`, `unevaluatedItems`, a
 *   `patternProperties` pattern that is not a valid regular expression) hide what they might cover, and never show.
 *   A `$ref` the walk cannot follow hides everything under it.
 * - The history's `old` and `new` (an `assigned` entry) hold another field's values: they are shown only when that
 *   field is public, and filtered as it is.
 *
 * Reports, exports and the static site all take their data through `publicData`, so the rule lives in one place.
 */
import { SCHEMA_LIST, SCHEMA_MAP, ONE_SCHEMA } from './schema-bundle.js';
import { isRecord, nullObject, nullObjectFrom } from '../safe-object.js';
import { unescapePointerToken } from '../json-pointer.js';
import { linearRegExp, type LinearRegExp } from './linear-regexp.js';

type Schema = Record<string, unknown>;

/** A schema of the registry and the URI it is known by (its `$id`, or the file it was read from), for `$ref`s. */
export interface SchemaSource {
  schema: unknown;
  uri: string | null;
}

/** What the schemas say of one value. */
export interface FieldClass {
  /** Some schema describes it (declares it, or a pattern or `additionalProperties` covers it). */
  described: boolean;
  /**
   * A schema names it: a key in `properties`, or an item of a list. Only a named part of a public value is public
   * with it; one a pattern or `additionalProperties` covers must be marked itself.
   */
  named: boolean;
  public: boolean;
  personal: boolean;
  aggregate: boolean;
}

export interface Disclosure {
  /** The output is internal (`--include-personal`): personal and aggregate-only fields stay in. */
  includePersonal: boolean;
}

/** One schema that applies to a value; `trusted` is false where only hiding markings count. */
interface Applicator {
  schema: Schema;
  trusted: boolean;
}

const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** `true` is the schema that allows anything: it describes without marking. `false` and the rest describe nothing. */
const EMPTY: Schema = Object.freeze({}) as Schema;
const asSchema = (value: unknown): Schema | null => (value === true ? EMPTY : isRecord(value) ? value : null);

/**
 * What a `$ref` the walk cannot resolve stands for: personal, and so is every key and item under it, however deep.
 * An allowlist alone does not cover it: the value may be marked public beside the reference (`{"x-public": true,
 * "$ref": …}`) while the target, which ajv applies, marks it personal.
 */
const UNRESOLVED: Schema = { 'x-personal': true };
UNRESOLVED.additionalProperties = UNRESOLVED;
UNRESOLVED.items = UNRESOLVED;
Object.freeze(UNRESOLVED);

const MAX_DEPTH = 64;

/** The schemas of a registry, indexed for `$ref`: documents by URI, anchors, and the base URI of every subschema. */
class SchemaIndex {
  readonly resources = new Map<string, Schema>();
  readonly anchors = new Map<string, Schema>();
  readonly baseOf = new WeakMap<Schema, string>();
  /** Every schema with a `$dynamicAnchor`, by its name: a `$dynamicRef` may land on any of them. */
  readonly dynamic = new Map<string, Schema[]>();
  /**
   * URIs and anchors given to more than one schema (two files with one `$id`, or `shared` and `./shared`): which one
   * ajv takes depends on its own rules and the order it met them, so a reference to one is not followed.
   */
  private readonly ambiguous = new Set<string>();
  private readonly regexes = new Map<string, LinearRegExp | null>();

  add(schema: Schema, uri: string): void {
    this.define(this.resources, stripFragment(uri), schema);
    this.index(schema, uri, new Set());
  }

  private define(map: Map<string, Schema>, key: string, schema: Schema): void {
    const known = map.get(key);
    if (known !== undefined && known !== schema) this.ambiguous.add(key);
    else map.set(key, schema);
  }

  private index(node: unknown, base: string, seen: Set<unknown>): void {
    if (!isRecord(node) || seen.has(node)) return;
    seen.add(node);
    const id = own(node, '$id');
    if (typeof id === 'string') {
      const resolved = resolveUri(id, base);
      if (resolved !== null) {
        base = stripFragment(resolved);
        this.define(this.resources, base, node);
      }
    }
    this.baseOf.set(node, base);
    for (const keyword of ['$anchor', '$dynamicAnchor']) {
      const anchor = own(node, keyword);
      if (typeof anchor === 'string') this.define(this.anchors, `${base}#${anchor}`, node);
    }
    const dynamicAnchor = own(node, '$dynamicAnchor');
    if (typeof dynamicAnchor === 'string') {
      const list = this.dynamic.get(dynamicAnchor) ?? [];
      list.push(node);
      this.dynamic.set(dynamicAnchor, list);
    }
    for (const [key, value] of Object.entries(node)) {
      if (ONE_SCHEMA.has(key) || SCHEMA_LIST.has(key)) {
        for (const sub of Array.isArray(value) ? value : [value]) this.index(sub, base, seen);
      } else if (SCHEMA_MAP.has(key) && isRecord(value)) {
        for (const sub of Object.values(value)) this.index(sub, base, seen);
      }
    }
  }

  /** The schema a `$ref` (or `$dynamicRef`) points at, or null when it points outside the registry's schemas. */
  resolve(ref: string, from: Schema): Schema | null {
    const base = this.baseOf.get(from);
    const target = base === undefined ? null : resolveUri(ref, base);
    if (target === null) return null;
    const hash = target.indexOf('#');
    const doc = hash === -1 ? target : target.slice(0, hash);
    // The fragment is split at its slashes before it is decoded, as ajv reads it: `a%2Fb` is one key, `a/b`.
    const fragment = hash === -1 ? '' : target.slice(hash + 1);
    const root = this.resources.get(doc);
    if (root === undefined || this.ambiguous.has(doc)) return null;
    if (fragment === '') return root;
    if (!fragment.startsWith('/')) {
      const name = decoded(fragment);
      const key = `${doc}#${name}`;
      return name === null || this.ambiguous.has(key) ? null : (this.anchors.get(key) ?? null);
    }
    let node: unknown = root;
    for (const part of fragment.slice(1).split('/')) {
      const text = decoded(part);
      if (text === null) return null;
      const key = unescapePointerToken(text);
      if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
      else node = isRecord(node) ? own(node, key) : undefined;
    }
    return asSchema(node);
  }

  /**
   * A `patternProperties` pattern as ajv reads it (Unicode, on the same linear-time engine as the criteria's checks:
   * JavaScript's own backtracks, and `^(a|a)+$` took an export a minute for one key of thirty `a`s); null when it
   * is not a valid regular expression, or not one that engine can match.
   */
  pattern(source: string): LinearRegExp | null {
    if (!this.regexes.has(source)) {
      let re: LinearRegExp | null;
      try {
        re = linearRegExp(source);
      } catch {
        re = null;
      }
      this.regexes.set(source, re);
    }
    return this.regexes.get(source) ?? null;
  }
}

/** Where relative `$id`s of a registry's schemas resolve, all in one place, as ajv resolves them. */
const RELATIVE_IDS = 'https://criteria.ideas.invalid/';

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function resolveUri(ref: string, base: string): string | null {
  try {
    return new URL(ref, base).href;
  } catch {
    return null;
  }
}

function stripFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

/** A place in an idea's front matter, and the schemas that apply to the value there. Its children are made as asked. */
class Place {
  readonly cls: FieldClass;
  private readonly keys = new Map<string, Place>();
  private readonly indexes = new Map<number, Place>();
  private prefixLength: number | undefined;

  constructor(
    private readonly index: SchemaIndex,
    readonly applicators: readonly Applicator[],
    markings: boolean,
    named: boolean,
  ) {
    const trusted = applicators.filter((a) => a.trusted);
    const marked = (a: Applicator, keyword: string) => markings && own(a.schema, keyword) === true;
    this.cls = {
      described: trusted.length > 0,
      named: named && trusted.length > 0,
      public: trusted.some((a) => marked(a, 'x-public')),
      personal: applicators.some((a) => marked(a, 'x-personal')),
      aggregate: applicators.some((a) => marked(a, 'x-aggregate')),
    };
  }

  /** The value under a key of an object here. */
  key(name: string): Place {
    let place = this.keys.get(name);
    if (place) return place;
    const found: Applicator[] = [];
    let named = false;
    for (const { schema: s, trusted } of this.applicators) {
      let matched = false;
      const properties = own(s, 'properties');
      if (isRecord(properties) && Object.hasOwn(properties, name)) {
        matched = true;
        named ||= trusted;
        push(found, properties[name], trusted);
      }
      const patterns = own(s, 'patternProperties');
      if (isRecord(patterns)) {
        for (const [source, sub] of Object.entries(patterns)) {
          const re = this.index.pattern(source);
          // A pattern ajv could not read either: its markings may hide every key, never show one.
          if (re === null) push(found, sub, false);
          else if (re.test(name)) {
            matched = true;
            push(found, sub, trusted);
          }
        }
      }
      if (!matched) {
        if (own(s, 'additionalProperties') !== undefined) push(found, own(s, 'additionalProperties'), trusted);
        else push(found, own(s, 'unevaluatedProperties'), false);
      }
    }
    place = new Place(this.index, expand(this.index, found), true, named);
    this.keys.set(name, place);
    return place;
  }

  /** The value at an index of a list here. */
  item(i: number): Place {
    // Past every prefixItems list, all items have the same schemas: one place serves them all.
    this.prefixLength ??= Math.max(
      0,
      ...this.applicators.map(({ schema: s }) => {
        const prefix = own(s, 'prefixItems') ?? own(s, 'items');
        return Array.isArray(prefix) ? prefix.length : 0;
      }),
    );
    i = Math.min(i, this.prefixLength);
    let place = this.indexes.get(i);
    if (place) return place;
    const found: Applicator[] = [];
    for (const { schema: s, trusted } of this.applicators) {
      const items = own(s, 'items');
      // draft 2020-12's prefixItems, or draft 7's items as a list.
      const prefix = own(s, 'prefixItems') ?? (Array.isArray(items) ? items : undefined);
      if (Array.isArray(prefix) && i < prefix.length) push(found, prefix[i], trusted);
      else if (items !== undefined && !Array.isArray(items)) push(found, items, trusted);
      else if (Array.isArray(items) && own(s, 'additionalItems') !== undefined)
        push(found, own(s, 'additionalItems'), trusted);
      else push(found, own(s, 'unevaluatedItems'), false);
      push(found, own(s, 'contains'), false);
    }
    place = new Place(this.index, expand(this.index, found), true, true);
    this.indexes.set(i, place);
    return place;
  }
}

function push(into: Applicator[], value: unknown, trusted: boolean): void {
  const schema = asSchema(value);
  if (schema) into.push({ schema, trusted });
}

/** The schemas that apply in place: through allOf, anyOf, oneOf, if/then/else, dependentSchemas, not and $ref. */
function expand(index: SchemaIndex, start: readonly Applicator[]): Applicator[] {
  const out: Applicator[] = [];
  const seen = new Map<Schema, Set<boolean>>();
  const stack = [...start];
  while (stack.length > 0) {
    const a = stack.pop() as Applicator;
    const marks = seen.get(a.schema) ?? new Set<boolean>();
    if (marks.has(a.trusted)) continue;
    marks.add(a.trusted);
    seen.set(a.schema, marks);
    out.push(a);
    const s = a.schema;
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const list = own(s, keyword);
      if (Array.isArray(list)) for (const sub of list) push(stack, sub, a.trusted);
    }
    // What applies only under a condition (which this walk does not evaluate) may hide, never show: a field made
    // public in a `then` would be public for every idea, whatever its `if` says of each.
    for (const keyword of ['if', 'then', 'else']) push(stack, own(s, keyword), false);
    for (const keyword of ['dependentSchemas', 'dependencies']) {
      const map = own(s, keyword);
      // draft 7's `dependencies` also maps names to lists of names, which push() passes over.
      if (isRecord(map)) for (const sub of Object.values(map)) push(stack, sub, false);
    }
    push(stack, own(s, 'not'), false);
    for (const keyword of ['$ref', '$dynamicRef', '$recursiveRef']) {
      const ref = own(s, keyword);
      if (typeof ref !== 'string') continue;
      const target = index.resolve(ref, s);
      // A reference this walk cannot follow (ajv may follow it, by rules of its own): whatever the target marks is
      // unknown, so everything under it counts as personal.
      push(stack, target ?? UNRESOLVED, target ? a.trusted : false);
      // A dynamic reference lands where the evaluation's scope says, which this walk does not track: any schema with
      // that dynamic anchor may be the one, so their markings may hide (never show) what lies here.
      if (keyword === '$dynamicRef') {
        const name = ref.slice(ref.indexOf('#') + 1);
        for (const candidate of index.dynamic.get(name) ?? []) push(stack, candidate, false);
      }
    }
  }
  return out;
}

/** Which values of an idea's front matter are public, personal or aggregate-only, from all of a registry's schemas. */
export interface FieldClasses {
  /** The class of a top-level field. */
  field(name: string): FieldClass;
  /** The top-level fields the schemas declare, in the order first met. */
  declared(): string[];
  /**
   * Whether a top-level field is a list wherever the schemas declare it: a schema (or an `allOf` of one) gives it
   * `type: array`, and none lets it be anything else. A value of another kind there is one validate refuses.
   */
  list(name: string): boolean;
}

/** The front matter as a whole, for each classification: the filter walks down from it. */
const roots = new WeakMap<FieldClasses, Place>();

function rootOf(classes: FieldClasses): Place {
  const root = roots.get(classes);
  if (!root) throw new Error('FieldClasses not made by classifyFields');
  return root;
}

/** The classes of every field, from schemas known by no URI but their own `$id`s (see classifySources). */
export function classifyFields(schemas: readonly unknown[]): FieldClasses {
  return classifySources(schemas.map((schema) => ({ schema, uri: null })));
}

/**
 * The classes of every field, from the base schema and every stage's criteria. Cheap to make: a place's schemas are
 * gathered the first time a value there is asked about.
 */
export function classifySources(sources: readonly SchemaSource[]): FieldClasses {
  const index = new SchemaIndex();
  const tops: Applicator[] = [];
  sources.forEach((source, n) => {
    const schema = asSchema(source.schema);
    if (!schema) return;
    const id = own(schema, '$id');
    // ajv knows a schema by its `$id` as written, and resolves a relative one (`"shared"`) and every `$ref` to it
    // against the other relative ones, never against the file's place: the same here, in a space of their own.
    const uri = (typeof id === 'string' ? resolveUri(id, RELATIVE_IDS) : null) ?? source.uri ?? `urn:ideas:schema:${n}`;
    index.add(schema, uri);
    tops.push({ schema, trusted: true });
  });
  // The front matter as a whole is not a field: a marking at a schema's root says nothing of its fields.
  const root = new Place(index, expand(index, tops), false, false);
  const classes: FieldClasses = {
    field: (name) => root.key(name).cls,
    list: (name) => {
      // A declaration without a type (one that only marks the field, or asks for a number of items) says nothing.
      const typed = tops.flatMap(({ schema }) => declaredTypes(schema, name)).filter((t) => t.length > 0);
      return typed.length > 0 && typed.every((t) => t.every((x) => x === 'array'));
    },
    declared: () => {
      const names: string[] = [];
      for (const { schema, trusted } of root.applicators) {
        const properties = own(schema, 'properties');
        if (trusted && isRecord(properties))
          for (const n of Object.keys(properties)) if (!names.includes(n)) names.push(n);
      }
      return names;
    },
  };
  roots.set(classes, root);
  return classes;
}

/**
 * The types each declaration of a top-level field in a schema gives it (an empty list for one that gives none), from
 * the schema's own `properties` and those of the schemas in its `allOf`: what every idea it applies to must meet.
 */
function declaredTypes(schema: Schema, name: string, depth = 0): string[][] {
  if (depth > MAX_DEPTH) return [[]];
  const out: string[][] = [];
  const properties = own(schema, 'properties');
  if (isRecord(properties) && Object.hasOwn(properties, name)) {
    const field = asSchema(properties[name]);
    const type = field ? own(field, 'type') : undefined;
    out.push(typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : []);
  }
  const all = own(schema, 'allOf');
  if (Array.isArray(all))
    for (const sub of all) {
      const s = asSchema(sub);
      if (s) out.push(...declaredTypes(s, name, depth + 1));
    }
  return out;
}

/** Whether a value of this class may be shown in a public output, its parent being shown (`inherited`) or not. */
function shown(cls: FieldClass, inherited: boolean): boolean {
  return cls.described && !cls.personal && !cls.aggregate && (cls.public || (inherited && cls.named));
}

/** Whether a top-level field may be shown per idea in a public output. */
export function isPublicField(name: string, classes: FieldClasses, disclosure: Disclosure): boolean {
  return disclosure.includePersonal || shown(classes.field(name), false);
}

/**
 * The fields that are only ever shown summed: the top-level ones marked `x-aggregate`, declared or in `keys`, and
 * not marked `x-personal` too (personal beats aggregate, as it beats public: such a field is not shown at all).
 */
export function aggregateFields(classes: FieldClasses, keys: Iterable<string> = []): string[] {
  const names = new Set([...classes.declared(), ...keys]);
  return [...names].filter((n) => classes.field(n).aggregate && !classes.field(n).personal).sort();
}

/**
 * Whether a key of an aggregate-only record may be summed as a column of a public report: one a schema names in
 * `properties` and does not mark personal. Any other key (a person's name typed where `women` should be, or one a
 * pattern or `additionalProperties` lets in) is no column of a public output, whatever its value.
 */
export function summableKey(field: string, key: string, classes: FieldClasses): boolean {
  const cls = rootOf(classes).key(field).key(key).cls;
  return cls.named && !cls.personal;
}

const OMIT = Symbol('omit');

/**
 * A value as a public output may show it, or OMIT. A list or mapping that loses nothing is the value itself, not a
 * copy (a mapping only when it has no prototype, as the readers make them): a site's 10,000 ideas hold their
 * histories' entries once, where copies of them outlived the young generation and were copied again by each
 * collection. Nothing changes a value once read, so the two may share it.
 */
function publicValue(value: unknown, place: Place, inherited: boolean, depth: number): unknown {
  if (!shown(place.cls, inherited) || depth > MAX_DEPTH) return OMIT;
  if (Array.isArray(value)) return publicItems(value, (i) => place.item(i), depth);
  if (isRecord(value)) {
    // The copy is made at the first key whose value is omitted or changed (at once for a mapping with a prototype),
    // with the keys before it; until then the mapping itself is the answer. Written key by key into a mapping
    // without a prototype, where a `__proto__` key stays a key.
    let out = Object.getPrototypeOf(value) === null ? null : nullObject();
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const v = value[key];
      const x = publicValue(v, place.key(key), true, depth + 1);
      if (out === null && x !== v) {
        out = nullObject();
        for (let j = 0; j < i; j++) out[keys[j] as string] = value[keys[j] as string];
      }
      if (out !== null && x !== OMIT) out[key] = x;
    }
    return out ?? value;
  }
  return value;
}

/** The items of a list as a public output may show them: the list itself when none is omitted or changed. */
function publicItems(
  items: readonly unknown[],
  placeOf: (i: number) => Place,
  depth: number,
  change: (shown: unknown, item: unknown) => unknown = (x) => x,
): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const x = publicValue(item, placeOf(i), true, depth + 1);
    const y = x === OMIT ? OMIT : change(x, item);
    if (out === null && y !== item) out = items.slice(0, i);
    if (out !== null && y !== OMIT) out.push(y);
  }
  return out ?? (items as unknown[]);
}

/** One top-level field of an idea as a public output may show it; undefined when it may not. */
export function publicField(data: Record<string, unknown>, name: string, classes: FieldClasses): unknown {
  if (!Object.hasOwn(data, name)) return undefined;
  const raw = data[name];
  const place = rootOf(classes).key(name);
  if (name === 'history' && Array.isArray(raw)) {
    if (!shown(place.cls, false)) return undefined;
    return publicItems(
      raw,
      (i) => place.item(i),
      0,
      (x, entry) => (isRecord(x) && isRecord(entry) ? withAssignment(x, entry, classes) : x),
    );
  }
  const value = publicValue(raw, place, false, 0);
  return value === OMIT ? undefined : value;
}

/**
 * An `assigned` history entry holds the old and new values of the field it names, which the history's own schema
 * cannot classify (the same keys hold every field's values): they are shown as that field would be, or not at all.
 */
function withAssignment(
  shownEntry: Record<string, unknown>,
  entry: Record<string, unknown>,
  classes: FieldClasses,
): Record<string, unknown> {
  // An entry that assigns nothing is shown as it was.
  if (!Object.hasOwn(entry, 'old') && !Object.hasOwn(entry, 'new')) return shownEntry;
  // The entry's other keys as they were shown, copied once (a rest and a spread copied them twice).
  const out = nullObject();
  for (const key of Object.keys(shownEntry)) if (key !== 'old' && key !== 'new') out[key] = shownEntry[key];
  const field = own(entry, 'field');
  if (typeof field !== 'string' || !shown(classes.field(field), false)) return out;
  const place = rootOf(classes).key(field);
  for (const key of ['old', 'new'] as const) {
    if (!Object.hasOwn(entry, key)) continue;
    const x = publicValue(entry[key], place, false, 1);
    if (x !== OMIT) out[key] = x;
  }
  return out;
}

function copyAll(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => copyAll(v, depth + 1));
  if (!isRecord(value)) return value;
  return nullObjectFrom(Object.entries(value).map(([k, v]) => [k, copyAll(v, depth + 1)] as const));
}

/**
 * An idea's front matter as a public output may show it: a copy with only what the schemas classify public (see
 * above), or, for an internal output, all of it.
 */
export function publicData(
  data: Record<string, unknown>,
  classes: FieldClasses,
  disclosure: Disclosure,
): Record<string, unknown> {
  if (disclosure.includePersonal) return copyAll(data, 0) as Record<string, unknown>;
  const out = nullObject();
  for (const key of Object.keys(data)) {
    const value = publicField(data, key, classes);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
