/**
 * Whether a change to a criteria schema lets more ideas through. A pull request may edit a stage's criteria along
 * with the ideas that then pass them; `ideas diff` judges the ideas by the base's criteria, and reports the edit
 * itself: each keyword that now accepts more (a loosening, which a reviewer must decide on) or less (a tightening).
 *
 * Deciding whether one JSON Schema accepts a subset of another is hard in general, so the comparison is keyword by
 * keyword and conservative: a change is a tightening only when it is on a short list of changes that can only ask
 * more (a name made required, a bound raised, a type narrowed, a schema added where nothing else answered for the same
 * values), in a part of the schema where asking more cannot let more through (schema-reach.ts: not under `not`, `if`
 * or `oneOf`). Anything else counts as a loosening, with the reason it cannot be shown to tighten: a new property
 * that takes a name out of `additionalProperties`' reach, a `prefixItems` entry out of `items`', an `if` changed, an
 * unknown keyword, `anyOf` rewritten. Text meant for people (`x-title`, `description`) is neither.
 */
import { canonical } from './canonical.js';
import { escapePointerToken, unescapePointerToken } from '../json-pointer.js';
import { schemaReach } from './schema-reach.js';

export type SchemaChangeKind = 'loosened' | 'tightened' | 'text';

/**
 * Why a change that may only ask more still counts as a loosening: `exempts`, it takes names or items out of the reach
 * of another keyword (`additionalProperties`, `items`); `condition`, it changes an `if`; `inverted`, it is under a
 * keyword that may turn "more" round (`not`, `if`, `oneOf`, a `contains` counted by `maxContains`); `reference`, a
 * `$ref` uses it from such a place, or a `$ref` in the criteria cannot be followed from one; `unevaluated`, the base's
 * criteria use `unevaluatedProperties` or `unevaluatedItems` and the change may alter what they count as evaluated;
 * `unknown`, the keyword, or this change to it, is not one known to only ask more.
 */
export type UnprovenReason = 'exempts' | 'condition' | 'inverted' | 'reference' | 'unevaluated' | 'unknown';

export interface SchemaChange {
  kind: SchemaChangeKind;
  /** Where in the head's schema, as a JSON pointer; for something removed, where it was in the base's. */
  pointer: string;
  /** The keyword that changed (`required`, `minLength`, …). */
  keyword: string;
  /** The field the keyword is about, as a dotted path (`test_plan`, `budget.total`); '' for the whole idea. */
  field: string;
  /** The values before and after, short and as JSON; null when absent. */
  from: string | null;
  to: string | null;
  /** For a loosening that is one because it cannot be shown to tighten, why; absent for one that plainly accepts more. */
  reason?: UnprovenReason;
}

/** Words for people, which do not change what an idea must meet. */
const TEXT = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'x-title',
  'x-description',
  'x-message',
  '$schema',
]);
/** A lower bound: a higher one, or a new one, accepts less. (`minContains` is 1 when absent: see walk.) */
const LOWER = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties']);
/** An upper bound: a lower one, or a new one, accepts less. */
const UPPER = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains']);
/** A restriction that is either there or not: adding it accepts less, removing or changing it may accept more. */
const EXACT = new Set(['const', 'pattern', 'format', 'multipleOf', 'contentMediaType', 'contentEncoding']);
/** Marks on fields that decide what is published: dropping one shows more. */
const MARKS = new Set(['x-personal', 'x-aggregate']);
/** Keywords whose value is a map of names to schemas, each compared as a schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/**
 * Keywords whose value is one schema that a value (or the part of it the keyword picks) must also meet: a stricter one
 * accepts less. (`contains` and `if` are not: how many items match, and which values `then` applies to, may go either
 * way.)
 */
const SUBSCHEMAS = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'then',
  'else',
]);
/** Keywords that, added where there were none, only ever ask more of a value. */
const ADDED_TIGHTENS = new Set(['not', 'oneOf', '$ref']);
/**
 * Keywords that say, besides what they ask, which properties or items they have evaluated: `unevaluatedProperties`
 * and `unevaluatedItems` check only the rest, so any change to these may exempt values from them.
 */
const ANNOTATING = new Set([
  '',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'unevaluatedProperties',
  'unevaluatedItems',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
  'else',
  '$ref',
  '$dynamicRef',
]);

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Record<string, Json>, k: string): Json =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/** A value as it shows in a finding: JSON, cut short. */
function short(v: Json): string | null {
  if (v === undefined) return null;
  const s = canonical(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** Whether a schema constrains anything at all: `true`, `{}` and words alone accept every value. */
function constrains(schema: Json): boolean {
  if (schema === true || schema === undefined) return false;
  if (!isObject(schema)) return true;
  return Object.keys(schema).some((k) => !TEXT.has(k));
}

function typeSet(v: Json): Set<string> | null {
  if (typeof v === 'string') return new Set([v]);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return new Set(v as string[]);
  return null;
}

/** Every value of `a` is in `b`, compared as canonical JSON. */
function subset(a: readonly Json[], b: readonly Json[]): boolean {
  const known = new Set(b.map(canonical));
  return a.every((x) => known.has(canonical(x)));
}

/**
 * Where a schema marks values public: its `x-public: true` markings, and those of the schemas its `$ref`s within the
 * same document lead to. A part added to the criteria that holds more of them publishes a field (one that was hidden,
 * as no schema classified it, or one added now), whatever else it asks: that lets more out, and is a loosening.
 */
function publicMarks(value: Json, root: Json): Set<Json> {
  const marks = new Set<Json>();
  const seen = new Set<Json>();
  const visit = (v: Json, depth: number): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 256) return;
    seen.add(v);
    if (!isObject(v)) {
      if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
      return;
    }
    if (own(v, 'x-public') === true) marks.add(v);
    for (const k of ['$ref', '$dynamicRef']) {
      const ref = own(v, k);
      if (typeof ref === 'string') visit(resolveLocal(ref, root), depth + 1);
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(value, 0);
  return marks;
}

/** The part of the document a `$ref` within it names (`#/json/pointer` or `#anchor`); undefined for any other. */
function resolveLocal(ref: string, root: Json): Json {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return findAnchor(root, fragment, new Set());
  let node: Json = root;
  for (const part of fragment.slice(1).split('/')) {
    const key = unescapePointerToken(part);
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? own(node, key) : undefined;
  }
  return node;
}

function findAnchor(node: Json, name: string, seen: Set<Json>): Json {
  if (node === null || typeof node !== 'object' || seen.has(node)) return undefined;
  seen.add(node);
  if (isObject(node) && (own(node, '$anchor') === name || own(node, '$dynamicAnchor') === name)) return node;
  for (const x of Array.isArray(node) ? node : Object.values(node)) {
    const found = findAnchor(x, name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The other criteria of a registry, at base and at head: a `$ref` in any of them may lead into the one compared. */
export interface RegistrySchemas {
  base: readonly Json[];
  head: readonly Json[];
}

/** The changes between two criteria schemas; none when they are the same. */
export function compareSchemas(
  base: Json,
  head: Json,
  registry: RegistrySchemas = { base: [], head: [] },
): SchemaChange[] {
  const [before, after] = [schemaReach(base), schemaReach(head)];
  const all = [base, head, ...registry.base, ...registry.head];
  const c: Comparison = {
    out: [],
    roots: { base, head },
    everywhere: all.some((s) => schemaReach(s).stray) ? 'reference' : null,
    unevaluated: [base, ...registry.base].some((s) => schemaReach(s).unevaluated),
    reach: (pointer) => before.at(pointer) ?? after.at(pointer),
  };
  walk(c, base, head, '', '');
  return c.out;
}

interface Roots {
  base: Json;
  head: Json;
}

interface Comparison {
  out: SchemaChange[];
  roots: Roots;
  /** Why no change in this comparison can be shown to tighten, whatever it is; null when some can. */
  everywhere: UnprovenReason | null;
  /** The base's criteria use `unevaluatedProperties` or `unevaluatedItems`. */
  unevaluated: boolean;
  /** Why asking more at a part of the schema (the same pointer at base and head) may let more through. */
  reach: (pointer: string) => UnprovenReason | null;
}

/** A change found, before it is judged against where it is. */
interface Found {
  kind: SchemaChangeKind;
  keyword: string;
  field: string;
  from: Json;
  to: Json;
  /** Where the change is (the keyword, or the entry under it). */
  at: string;
  /** The schema object the keyword belongs to. */
  owner: string;
  reason?: UnprovenReason;
}

/** Whether `to` (a part of head) marks public what `from` (the same part in base) did not. */
function publishesMore(from: Json, to: Json, roots: Roots): boolean {
  const before = publicMarks(from, roots.base);
  const after = publicMarks(to, roots.head);
  return [...after].some((m) => ![...before].some((b) => canonical(b) === canonical(m)));
}

/**
 * Records a change. One that looks like a tightening (or asks nothing) is one only where asking more cannot let more
 * through, and where no `unevaluated*` keyword may count differently what it leaves to them; a part added that marks
 * a field public publishes it, whatever it asks.
 */
function record(c: Comparison, f: Found): void {
  const change = (kind: SchemaChangeKind, keyword = f.keyword, reason = f.reason): SchemaChange => ({
    kind,
    pointer: f.at,
    keyword,
    field: f.field,
    from: short(f.from),
    to: short(f.to),
    ...(reason ? { reason } : {}),
  });
  if (f.kind === 'loosened' || TEXT.has(f.keyword)) {
    c.out.push(change(f.kind));
    return;
  }
  if (publishesMore(f.from, f.to, c.roots)) {
    c.out.push(change('loosened', 'x-public', undefined));
    return;
  }
  // Marks decide what is published, not who passes: where they stand does not turn them round.
  const why = MARKS.has(f.keyword)
    ? null
    : (c.everywhere ?? c.reach(f.owner) ?? (c.unevaluated && ANNOTATING.has(f.keyword) ? 'unevaluated' : null));
  c.out.push(why ? change('loosened', f.keyword, why) : change(f.kind));
}

/** The same JSON, or both absent: `canonical` writes an absent value as `null`, and `const: null` is not nothing. */
const same = (a: Json, b: Json) => (a === undefined) === (b === undefined) && canonical(a) === canonical(b);

function walk(c: Comparison, b: Json, h: Json, pointer: string, field: string): void {
  if (same(b, h)) return;
  const note = (kind: SchemaChangeKind, keyword: string, from: Json, to: Json, at: string, reason?: UnprovenReason) =>
    record(c, { kind, keyword, field, from, to, at, owner: pointer, ...(reason ? { reason } : {}) });
  if (!isObject(b) || !isObject(h)) {
    // Boolean schemas, or something that is not a schema: `true` accepts everything, `false` nothing.
    note(b === true || h === false ? 'tightened' : 'loosened', '', b, h, pointer);
    return;
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(h)])].sort();
  for (const k of keys) {
    const bv = own(b, k);
    const hv = own(h, k);
    if (same(bv, hv)) continue;
    const at = `${pointer}/${escapePointerToken(k)}`;
    const judge = (kind: SchemaChangeKind, reason?: UnprovenReason) => note(kind, k, bv, hv, at, reason);
    if (TEXT.has(k)) judge('text');
    // A field's public marking, changed either way, is the council's to see; what it shows, commands/diff.ts weighs.
    else if (k === 'x-public') judge('loosened');
    else if (MARKS.has(k)) judge(bv === true && hv !== true ? 'loosened' : 'tightened');
    else if (k === 'required') required(c, bv, hv, at, pointer, field);
    else if (k === 'minContains') {
      // Absent, it is 1: `minContains: 0` added lets an array through that has no item `contains` accepts.
      const [was, now] = [bv ?? 1, hv ?? 1];
      judge(typeof was === 'number' && typeof now === 'number' && now >= was ? 'tightened' : 'loosened');
    } else if (LOWER.has(k) || UPPER.has(k)) {
      const lower = LOWER.has(k);
      const tighter =
        bv === undefined
          ? typeof hv === 'number'
          : typeof bv === 'number' && typeof hv === 'number' && (lower ? hv > bv : hv < bv);
      judge(tighter ? 'tightened' : 'loosened');
    } else if (EXACT.has(k)) judge(bv === undefined ? 'tightened' : 'loosened');
    else if (k === 'uniqueItems') judge(hv === true ? 'tightened' : 'loosened');
    else if (k === 'enum') {
      const tighter = bv === undefined ? Array.isArray(hv) : Array.isArray(bv) && Array.isArray(hv) && subset(hv, bv);
      judge(tighter ? 'tightened' : 'loosened');
    } else if (k === 'type') {
      const [bs, hs] = [typeSet(bv), typeSet(hv)];
      const within = (t: string) => !!bs && (bs.has(t) || (t === 'integer' && bs.has('number')));
      const tighter = bv === undefined ? hs !== null : !!bs && !!hs && [...hs].every(within);
      judge(tighter ? 'tightened' : 'loosened');
    } else if (k === 'dependentRequired') judge(requiresMore(bv, hv) ? 'tightened' : 'loosened');
    else if (SCHEMA_MAPS.has(k)) schemaMap(c, k, b, h, pointer, field);
    else if (k === 'prefixItems') prefixItems(c, b, h, pointer, field);
    else if (k === 'contains') {
      // Added, it asks for an item it accepts (or as many as minContains says); changed, schema-reach.ts knows
      // whether a stricter one asks more (it does not when maxContains caps how many may match).
      if (bv === undefined) judge('tightened');
      else if (hv === undefined) judge('loosened');
      else walk(c, bv, hv, at, `${field}[]`);
    } else if (k === 'if') judge('loosened', 'condition');
    else if (SUBSCHEMAS.has(k)) {
      if (bv === undefined) judge(constrains(hv) ? 'tightened' : 'text');
      else if (hv === undefined) judge(constrains(bv) ? 'loosened' : 'text');
      else walk(c, bv, hv, at, k === 'items' ? `${field}[]` : field);
    } else if (k === 'allOf' && Array.isArray(hv) && (bv === undefined || (Array.isArray(bv) && subset(bv, hv)))) {
      judge('tightened');
    } else if (
      k === 'anyOf' &&
      Array.isArray(hv) &&
      hv.length > 0 &&
      (bv === undefined || (Array.isArray(bv) && subset(hv, bv)))
    ) {
      judge('tightened');
    } else if ((k === 'allOf' || k === 'anyOf') && Array.isArray(bv) && Array.isArray(hv) && bv.length === hv.length) {
      // The same alternatives or conditions, one by one: each asks more, or the change is found inside it.
      bv.forEach((x, i) => walk(c, x, hv[i], `${at}/${i}`, field));
    } else if (bv === undefined && ADDED_TIGHTENS.has(k) && constrains(hv)) judge('tightened');
    else judge('loosened', 'unknown');
  }
}

/** Every name `bv` makes another name require, `hv` does too (`dependentRequired`). */
function requiresMore(bv: Json, hv: Json): boolean {
  if (!isObject(hv)) return false;
  if (bv === undefined) return true;
  if (!isObject(bv)) return false;
  return Object.entries(bv).every(([name, needs]) => {
    const now = own(hv, name);
    return Array.isArray(needs) && Array.isArray(now) && subset(needs, now);
  });
}

function required(c: Comparison, bv: Json, hv: Json, at: string, owner: string, field: string): void {
  const names = (v: Json) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const [was, now] = [names(bv), names(hv)];
  const child = (name: string) => (field ? `${field}.${name}` : name);
  const note = (kind: SchemaChangeKind, field: string, from: Json, to: Json) =>
    record(c, { kind, keyword: 'required', field, from, to, at, owner });
  if ((bv !== undefined && !Array.isArray(bv)) || (hv !== undefined && !Array.isArray(hv))) {
    note('loosened', field, bv, hv);
    return;
  }
  // One change per field, so that each criterion dropped is its own finding.
  for (const name of was.filter((n) => !now.includes(n))) note('loosened', child(name), true, undefined);
  for (const name of now.filter((n) => !was.includes(n))) note('tightened', child(name), undefined, true);
}

function schemaMap(
  c: Comparison,
  k: string,
  b: Record<string, Json>,
  h: Record<string, Json>,
  owner: string,
  field: string,
): void {
  const [bv, hv] = [own(b, k), own(h, k)];
  const at = `${owner}/${escapePointerToken(k)}`;
  const note = (f: Omit<Found, 'keyword' | 'owner'>) => record(c, { ...f, keyword: k, owner });
  if ((bv !== undefined && !isObject(bv)) || (hv !== undefined && !isObject(hv))) {
    note({ kind: 'loosened', field, from: bv, to: hv, at, reason: 'unknown' });
    return;
  }
  const bm = isObject(bv) ? bv : {};
  const hm = isObject(hv) ? hv : {};
  const child = (name: string) => (k === 'properties' ? (field ? `${field}.${name}` : name) : field);
  // A name in `properties`, or one a pattern matches, is no longer the `additionalProperties` schema's to check: a new
  // one lets through what that schema refused (`additionalProperties: false` and any property not listed).
  const exempts = (k === 'properties' || k === 'patternProperties') && constrains(own(b, 'additionalProperties'));
  for (const name of [...new Set([...Object.keys(bm), ...Object.keys(hm)])].sort()) {
    const [bs, hs] = [own(bm, name), own(hm, name)];
    const where = `${at}/${escapePointerToken(name)}`;
    if (hs === undefined) {
      // A field's criteria removed: whatever they asked of the field, nothing now does.
      note({ kind: constrains(bs) ? 'loosened' : 'text', at, field: child(name), from: bs, to: undefined });
    } else if (bs === undefined) {
      if (exempts && hs !== false)
        note({ kind: 'loosened', at: where, field: child(name), from: undefined, to: hs, reason: 'exempts' });
      else
        note({ kind: constrains(hs) ? 'tightened' : 'text', at: where, field: child(name), from: undefined, to: hs });
    } else walk(c, bs, hs, where, child(name));
  }
}

/**
 * `prefixItems` checks the first items, one schema each, and `items` only those after them: an entry added takes its
 * item out of `items`' reach. Entries that stay are compared one by one.
 */
function prefixItems(
  c: Comparison,
  b: Record<string, Json>,
  h: Record<string, Json>,
  owner: string,
  field: string,
): void {
  const [bv, hv] = [own(b, 'prefixItems'), own(h, 'prefixItems')];
  const at = `${owner}/prefixItems`;
  const note = (f: Omit<Found, 'keyword' | 'owner' | 'field'>) =>
    record(c, { ...f, keyword: 'prefixItems', owner, field });
  const was = bv === undefined ? [] : bv;
  if (!Array.isArray(was) || !Array.isArray(hv) || hv.length < was.length) {
    note({ kind: 'loosened', at, from: bv, to: hv, reason: 'unknown' });
    return;
  }
  was.forEach((x, i) => walk(c, x, hv[i], `${at}/${i}`, `${field}[]`));
  if (hv.length === was.length) return;
  const added = hv.slice(was.length);
  const exempts = constrains(own(b, 'items')) && added.some((x) => x !== false);
  note({
    kind: exempts ? 'loosened' : 'tightened',
    at: `${at}/${was.length}`,
    from: undefined,
    to: added,
    ...(exempts ? { reason: 'exempts' as const } : {}),
  });
}
