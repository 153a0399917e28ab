/**
 * Whether a change to a criteria schema lets more ideas through. A pull request may edit a stage's criteria along
 * with the ideas that then pass them; `ideas diff` judges the ideas by the base's criteria, and reports the edit
 * itself: each keyword that now accepts more (a loosening, which a reviewer must decide on) or less (a tightening).
 *
 * Deciding whether one JSON Schema accepts a subset of another is hard in general, so the comparison is keyword by
 * keyword and conservative: a change it cannot show to be a tightening (an unknown keyword, `anyOf` rewritten, a
 * `$ref` pointed elsewhere) counts as a loosening. Text meant for people (`x-title`, `description`) is neither.
 */
import { canonical } from './canonical.js';
import { escapePointerToken, unescapePointerToken } from '../json-pointer.js';

export type SchemaChangeKind = 'loosened' | 'tightened' | 'text';

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
/** A lower bound: a higher one, or a new one, accepts less. */
const LOWER = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains']);
/** An upper bound: a lower one, or a new one, accepts less. */
const UPPER = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains']);
/** A restriction that is either there or not: adding it accepts less, removing or changing it may accept more. */
const EXACT = new Set(['const', 'pattern', 'format', 'multipleOf', 'contentMediaType', 'contentEncoding']);
/** Marks on fields that decide what is published: dropping one shows more. */
const MARKS = new Set(['x-personal', 'x-aggregate']);
/** Keywords whose value is a map of names to schemas, each compared as a schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is one schema that a value must also meet: a stricter one accepts less. */
const SUBSCHEMAS = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'propertyNames',
  'contains',
  'then',
  'else',
]);

/** Keywords that, added where there were none, only ever ask more of a value. Any other change is a loosening. */
const ADDED_TIGHTENS = new Set(['not', 'allOf', 'anyOf', 'oneOf', 'dependentRequired', 'prefixItems', '$ref']);

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

/** The changes between two criteria schemas; none when they are the same. */
export function compareSchemas(base: Json, head: Json): SchemaChange[] {
  const out: SchemaChange[] = [];
  walk(base, head, '', '', out, { base, head });
  return out;
}

interface Roots {
  base: Json;
  head: Json;
}

/** Whether `to` (a part of head) marks public what `from` (the same part in base) did not. */
function publishesMore(from: Json, to: Json, roots: Roots): boolean {
  const before = publicMarks(from, roots.base);
  const after = publicMarks(to, roots.head);
  return [...after].some((m) => ![...before].some((b) => canonical(b) === canonical(m)));
}

/** The same JSON, or both absent: `canonical` writes an absent value as `null`, and `const: null` is not nothing. */
const same = (a: Json, b: Json) => (a === undefined) === (b === undefined) && canonical(a) === canonical(b);

function walk(b: Json, h: Json, pointer: string, field: string, out: SchemaChange[], roots: Roots): void {
  if (same(b, h)) return;
  const add = (kind: SchemaChangeKind, keyword: string, from: Json, to: Json, at = pointer) =>
    out.push(
      kind !== 'loosened' && !TEXT.has(keyword) && publishesMore(from, to, roots)
        ? { kind: 'loosened', pointer: at, keyword: 'x-public', field, from: short(from), to: short(to) }
        : { kind, pointer: at, keyword, field, from: short(from), to: short(to) },
    );
  if (!isObject(b) || !isObject(h)) {
    // Boolean schemas, or something that is not a schema: `true` accepts everything, `false` nothing.
    if (b === true || h === false) add('tightened', '', b, h);
    else add('loosened', '', b, h);
    return;
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(h)])].sort();
  for (const k of keys) {
    const bv = own(b, k);
    const hv = own(h, k);
    if (same(bv, hv)) continue;
    const at = `${pointer}/${escapePointerToken(k)}`;
    if (TEXT.has(k)) add('text', k, bv, hv, at);
    else if (MARKS.has(k)) add(bv === true && hv !== true ? 'loosened' : 'tightened', k, bv, hv, at);
    else if (k === 'required') required(bv, hv, at, field, out);
    else if (LOWER.has(k) || UPPER.has(k)) {
      const lower = LOWER.has(k);
      const tighter =
        bv === undefined
          ? typeof hv === 'number'
          : typeof bv === 'number' && typeof hv === 'number' && (lower ? hv > bv : hv < bv);
      add(tighter ? 'tightened' : 'loosened', k, bv, hv, at);
    } else if (EXACT.has(k)) add(bv === undefined ? 'tightened' : 'loosened', k, bv, hv, at);
    else if (k === 'uniqueItems') add(hv === true ? 'tightened' : 'loosened', k, bv, hv, at);
    else if (k === 'enum') {
      const tighter = bv === undefined ? Array.isArray(hv) : Array.isArray(bv) && Array.isArray(hv) && subset(hv, bv);
      add(tighter ? 'tightened' : 'loosened', k, bv, hv, at);
    } else if (k === 'type') {
      const [bs, hs] = [typeSet(bv), typeSet(hv)];
      const within = (t: string) => !!bs && (bs.has(t) || (t === 'integer' && bs.has('number')));
      const tighter = bv === undefined ? hs !== null : !!bs && !!hs && [...hs].every(within);
      add(tighter ? 'tightened' : 'loosened', k, bv, hv, at);
    } else if (SCHEMA_MAPS.has(k)) schemaMap(k, bv, hv, at, field, out, roots);
    else if (SUBSCHEMAS.has(k)) {
      if (bv === undefined) add(constrains(hv) ? 'tightened' : 'text', k, bv, hv, at);
      else if (hv === undefined) add(constrains(bv) ? 'loosened' : 'text', k, bv, hv, at);
      else walk(bv, hv, at, k === 'items' || k === 'contains' ? `${field}[]` : field, out, roots);
    } else if (k === 'allOf' && Array.isArray(bv) && Array.isArray(hv) && bv.length === hv.length) {
      bv.forEach((x, i) => walk(x, hv[i], `${at}/${i}`, field, out, roots));
    } else if (k === 'allOf' && Array.isArray(hv) && (bv === undefined || (Array.isArray(bv) && subset(bv, hv)))) {
      add('tightened', k, bv, hv, at);
    } else if (k === 'anyOf' && Array.isArray(bv) && Array.isArray(hv) && subset(hv, bv) && hv.length > 0) {
      add('tightened', k, bv, hv, at);
    } else add(bv === undefined && ADDED_TIGHTENS.has(k) && constrains(hv) ? 'tightened' : 'loosened', k, bv, hv, at);
  }
}

function required(bv: Json, hv: Json, at: string, field: string, out: SchemaChange[]): void {
  const names = (v: Json) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const [was, now] = [names(bv), names(hv)];
  const child = (name: string) => (field ? `${field}.${name}` : name);
  if ((bv !== undefined && !Array.isArray(bv)) || (hv !== undefined && !Array.isArray(hv))) {
    out.push({ kind: 'loosened', pointer: at, keyword: 'required', field, from: short(bv), to: short(hv) });
    return;
  }
  // One change per field, so that each criterion dropped is its own finding.
  for (const name of was.filter((n) => !now.includes(n)))
    out.push({ kind: 'loosened', pointer: at, keyword: 'required', field: child(name), from: 'true', to: null });
  for (const name of now.filter((n) => !was.includes(n)))
    out.push({ kind: 'tightened', pointer: at, keyword: 'required', field: child(name), from: null, to: 'true' });
}

function schemaMap(k: string, bv: Json, hv: Json, at: string, field: string, out: SchemaChange[], roots: Roots): void {
  const bm = isObject(bv) ? bv : {};
  const hm = isObject(hv) ? hv : {};
  if ((bv !== undefined && !isObject(bv)) || (hv !== undefined && !isObject(hv))) {
    out.push({ kind: 'loosened', pointer: at, keyword: k, field, from: short(bv), to: short(hv) });
    return;
  }
  const child = (name: string) => (k === 'properties' ? (field ? `${field}.${name}` : name) : field);
  for (const name of [...new Set([...Object.keys(bm), ...Object.keys(hm)])].sort()) {
    const [bs, hs] = [own(bm, name), own(hm, name)];
    const where = `${at}/${escapePointerToken(name)}`;
    if (hs === undefined) {
      // A field's criteria removed: whatever they asked of the field, nothing now does.
      if (constrains(bs))
        out.push({ kind: 'loosened', pointer: at, keyword: k, field: child(name), from: short(bs), to: null });
      else out.push({ kind: 'text', pointer: at, keyword: k, field: child(name), from: short(bs), to: null });
    } else if (bs === undefined) {
      const published = publishesMore(undefined, hs, roots);
      out.push({
        kind: published ? 'loosened' : constrains(hs) ? 'tightened' : 'text',
        pointer: where,
        keyword: published ? 'x-public' : k,
        field: child(name),
        from: null,
        to: short(hs),
      });
    } else walk(bs, hs, where, child(name), out, roots);
  }
}
