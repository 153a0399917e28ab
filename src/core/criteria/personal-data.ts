/**
 * Personal data in public outputs. An idea is a public document (allmän handling), but some of its fields are
 * about people: the schemas mark them `x-personal` (names, contact details: left out of every public output unless
 * asked for) or `x-aggregate` (such as a team's gender composition: only ever shown summed over a group large
 * enough that no one can be singled out). Reports, exports and the static site all take their data through
 * `publicData`, so the safe default lives in one place.
 */
import { nullObject } from '../safe-object.js';

type Schema = Record<string, unknown>;

/** Field paths: `carrier`, `contact.email` for a nested property, `history[].by` for a property of a list's items. */
export interface FieldClasses {
  personal: ReadonlySet<string>;
  aggregate: ReadonlySet<string>;
}

export interface Disclosure {
  /** The output is internal (`--include-personal`): personal and aggregate-only fields stay in. */
  includePersonal: boolean;
}

const MAX_DEPTH = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A local reference such as `#/$defs/historyEntry`, resolved in the schema that holds it. */
function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/'))
    target = isRecord(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isRecord(target) ? { ...target, ...schema } : schema;
}

/**
 * Which fields hold personal data, from the base schema and every stage's criteria: a field marked in any of them
 * is marked, since an idea moves through all the stages.
 */
export function classifyFields(schemas: readonly Schema[]): FieldClasses {
  const personal = new Set<string>();
  const aggregate = new Set<string>();
  const walk = (schema: Schema, root: Schema, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const s = resolve(schema, root);
    if (path !== '') {
      if (s['x-personal'] === true) personal.add(path);
      if (s['x-aggregate'] === true) aggregate.add(path);
    }
    if (isRecord(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties))
        if (isRecord(sub)) walk(sub, root, path ? `${path}.${name}` : name, depth + 1);
    }
    if (isRecord(s.items)) walk(s.items, root, `${path}[]`, depth + 1);
  };
  for (const schema of schemas) walk(schema, schema, '', 0);
  return { personal, aggregate };
}

/** Whether a top-level field may be shown per idea in a public output. */
export function isPublicField(name: string, classes: FieldClasses, disclosure: Disclosure): boolean {
  if (disclosure.includePersonal) return true;
  return !classes.personal.has(name) && !classes.aggregate.has(name);
}

/** The fields that are only ever shown summed: the top-level ones marked `x-aggregate`. */
export function aggregateFields(classes: FieldClasses): string[] {
  return [...classes.aggregate].filter((p) => !p.includes('.') && !p.includes('[]'));
}

/**
 * An idea's front matter as a public output may show it: a copy without the fields marked `x-personal` or
 * `x-aggregate`, at any depth (the `by` of each history entry, too), unless the output is internal.
 */
export function publicData(
  data: Record<string, unknown>,
  classes: FieldClasses,
  disclosure: Disclosure,
): Record<string, unknown> {
  const hidden = (path: string) =>
    !disclosure.includePersonal && (classes.personal.has(path) || classes.aggregate.has(path));
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH * 4) return null;
    if (Array.isArray(value)) return value.map((v) => copy(v, `${path}[]`, depth + 1));
    if (!isRecord(value)) return value;
    const out = nullObject();
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      if (!hidden(p)) out[key] = copy(v, p, depth + 1);
    }
    return out;
  };
  return copy(data, '', 0) as Record<string, unknown>;
}
