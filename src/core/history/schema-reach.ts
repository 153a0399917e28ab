/**
 * How each part of a criteria schema bears on what an idea must meet. A part that asks more makes the whole ask more
 * only when every way the schema reaches it keeps that sense: `properties`, `items`, `allOf`, `anyOf`, `then` and the
 * like do; `not`, `if`, `oneOf`, a `contains` counted by `maxContains`, and `dependencies` may turn it round (a
 * stricter `not` lets more through); a part under `$defs` counts only through the `$ref`s that use it, and takes their
 * sense. criteria-diff.ts asks this before it calls a change a tightening.
 *
 * The keywords are draft 2020-12's, as ajv applies them (io/schemas.ts). A `$ref` this module cannot follow (to
 * another file, by `$dynamicRef`, under a nested `$id`) may lead anywhere, even into another criteria file: from a
 * part that keeps the sense it does no harm, from any other part it makes every change unprovable (`stray`).
 */
import { escapePointerToken, unescapePointerToken } from '../json-pointer.js';

/** Why asking more at a part may let more ideas through: a keyword that turns it round, or a `$ref` from such a part. */
export type Reach = 'inverted' | 'reference';

export interface SchemaReach {
  /** Why asking more in the schema at `pointer` may let more through; null when it can only let less through. */
  at(pointer: string): Reach | null;
  /** A `$ref` that cannot be followed from where asking more may let more through: it could lead to any part. */
  stray: boolean;
  /** The schema uses `unevaluatedProperties` or `unevaluatedItems`, whose reach other keywords' matches decide. */
  unevaluated: boolean;
}

type Json = unknown;
/** How a keyword applies the schemas under it: keeping the sense of "more", maybe turning it, or not at all. */
type Step = 'keeps' | 'turns' | 'unused';

/** Keywords whose value is one schema. `contains` keeps the sense unless `maxContains` counts its matches. */
const ONE: ReadonlyMap<string, Step> = new Map<string, Step>([
  ['additionalProperties', 'keeps'],
  ['items', 'keeps'],
  ['unevaluatedProperties', 'keeps'],
  ['unevaluatedItems', 'keeps'],
  ['propertyNames', 'keeps'],
  ['then', 'keeps'],
  ['else', 'keeps'],
  ['not', 'turns'],
  ['if', 'turns'],
]);
/** Keywords whose value is a list of schemas: one more match of a `oneOf` alternative may fail it. */
const LIST: ReadonlyMap<string, Step> = new Map<string, Step>([
  ['allOf', 'keeps'],
  ['anyOf', 'keeps'],
  ['prefixItems', 'keeps'],
  ['items', 'keeps'],
  ['oneOf', 'turns'],
]);
/** Keywords whose value maps names to schemas. */
const MAP: ReadonlyMap<string, Step> = new Map<string, Step>([
  ['properties', 'keeps'],
  ['patternProperties', 'keeps'],
  ['dependentSchemas', 'keeps'],
  ['dependencies', 'turns'],
  ['$defs', 'unused'],
  ['definitions', 'unused'],
]);

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSchema = (v: Json): boolean => isObject(v) || typeof v === 'boolean';
const own = (o: Record<string, Json>, k: string): Json => (Object.hasOwn(o, k) ? o[k] : undefined);

interface Part {
  parent: string | null;
  step: Step;
}

const known = new WeakMap<object, SchemaReach>();

/** How each part of `schema` bears on the whole; computed once for each schema object. */
export function schemaReach(schema: Json): SchemaReach {
  if (schema === null || typeof schema !== 'object') return analyse(schema);
  let reach = known.get(schema);
  if (!reach) known.set(schema, (reach = analyse(schema)));
  return reach;
}

function analyse(schema: Json): SchemaReach {
  const parts = new Map<string, Part>();
  /** An anchor's part; null for a name two parts claim. */
  const anchors = new Map<string, string | null>();
  const refs: { site: string; ref: string | null }[] = [];
  let nestedId = false;
  let unevaluated = false;
  // By a stack rather than recursion: a criteria file is input, and may nest deeper than the call stack goes.
  const stack: [Json, string, string | null, Step][] = [[schema, '', null, 'keeps']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, pointer, parent, step] = next;
    parts.set(pointer, { parent, step });
    if (!isObject(node)) continue;
    if (pointer !== '' && own(node, '$id') !== undefined) nestedId = true;
    if (own(node, 'unevaluatedProperties') !== undefined || own(node, 'unevaluatedItems') !== undefined)
      unevaluated = true;
    for (const k of ['$anchor', '$dynamicAnchor']) {
      const name = own(node, k);
      if (typeof name === 'string') anchors.set(name, anchors.has(name) ? null : pointer);
    }
    const ref = own(node, '$ref');
    if (ref !== undefined) refs.push({ site: pointer, ref: typeof ref === 'string' ? ref : null });
    for (const k of ['$dynamicRef', '$recursiveRef'])
      if (own(node, k) !== undefined) refs.push({ site: pointer, ref: null });
    const child = (v: Json, at: string, how: Step) => {
      if (isSchema(v)) stack.push([v, at, pointer, how]);
    };
    for (const [k, v] of Object.entries(node)) {
      const at = `${pointer}/${escapePointerToken(k)}`;
      if (k === 'contains') child(v, at, own(node, 'maxContains') === undefined ? 'keeps' : 'turns');
      else if (Array.isArray(v)) {
        const how = LIST.get(k);
        if (how) v.forEach((x, i) => child(x, `${at}/${i}`, how));
      } else if (ONE.has(k)) child(v, at, ONE.get(k) as Step);
      else if (MAP.has(k) && isObject(v))
        for (const [name, x] of Object.entries(v)) child(x, `${at}/${escapePointerToken(name)}`, MAP.get(k) as Step);
    }
  }

  const target = (ref: string): string | null => {
    if (nestedId || !ref.startsWith('#')) return null;
    let fragment: string;
    try {
      fragment = decodeURIComponent(ref.slice(1));
    } catch {
      return null;
    }
    if (fragment === '' || fragment.startsWith('/'))
      return fragment
        .split('/')
        .map((t, i) => (i === 0 ? t : escapePointerToken(unescapePointerToken(t))))
        .join('/');
    return anchors.get(fragment) ?? null;
  };
  const refsTo = new Map<string, string[]>();
  const unfollowed: string[] = [];
  // A $ref into something that is no schema here (a map of properties, a keyword's data): ajv would read it as a
  // schema in its own right, with a sense this module does not know.
  let intoUnknown = false;
  for (const { site, ref } of refs) {
    const to = ref === null ? null : target(ref);
    if (to === null) unfollowed.push(site);
    else if (!parts.has(to)) intoUnknown = true;
    else refsTo.set(to, [...(refsTo.get(to) ?? []), site]);
  }

  // Each part is as bad as the worst way to it: a parent that turns the sense or is bad itself, a $ref from a bad
  // part. Repeated until nothing changes, as $refs may run in cycles; a part reached by no way is harmless.
  const bad = new Map<string, Reach>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [pointer, { parent, step }] of parts) {
      if (bad.has(pointer)) continue;
      let why: Reach | null = null;
      if (parent !== null && step === 'turns') why = 'inverted';
      else if (parent !== null && step === 'keeps') why = bad.get(parent) ?? null;
      if (why === null && (refsTo.get(pointer) ?? []).some((site) => bad.has(site))) why = 'reference';
      if (why !== null) {
        bad.set(pointer, why);
        changed = true;
      }
    }
  }
  return {
    at: (pointer) => (parts.has(pointer) ? (bad.get(pointer) ?? null) : 'reference'),
    stray: intoUnknown || unfollowed.some((site) => bad.has(site)),
    unevaluated,
  };
}
