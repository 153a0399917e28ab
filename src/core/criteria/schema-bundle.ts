/**
 * One self-contained JSON Schema (draft 2020-12) from several: each part goes into `$defs` under a name, the root
 * requires all of them (`allOf`), and every `$ref` is rewritten to point inside the document, so that an editor or
 * a validator can use the file alone, without fetching or resolving anything.
 */
import type { Lang, Localized } from '../i18n/i18n.js';
import { nullObject } from '../safe-object.js';
import { escapePointerToken } from '../json-pointer.js';

export interface SchemaPart {
  /** Its name in `$defs`. */
  name: string;
  schema: Record<string, unknown>;
  /**
   * The URI the part is known by (its `$id`, or where it was read from), for references between parts: what a
   * relative reference in it is resolved against.
   */
  uri: string | null;
  /** Where the part was read from, when that is not `uri` (a file with an `$id`): a reference by file name finds it too. */
  file?: string | null;
  /**
   * A part only other parts refer to (another stage's criteria, named by a `$ref`): in `$defs`, not required by the
   * root.
   */
  referencedOnly?: boolean;
}

export interface BundleOptions {
  title: string;
  description: string;
  /** `title` and `description` from `x-title` and `x-description` in this language, which editors show on hover. */
  lang: Lang;
}

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas (draft 2020-12 and 7). */
export const ONE_SCHEMA: ReadonlySet<string> = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
]);
export const SCHEMA_LIST: ReadonlySet<string> = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
export const SCHEMA_MAP: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

export function bundleSchemas(parts: readonly SchemaPart[], opts: BundleOptions): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const part of parts) {
    const { $schema: _schema, $id: _id, ...rest } = part.schema;
    defs[part.name] = rewrite(rest, part, parts, opts.lang);
  }
  return {
    $schema: DRAFT_2020_12,
    title: opts.title,
    description: opts.description,
    allOf: parts.filter((p) => p.referencedOnly !== true).map((p) => ({ $ref: defPointer(p.name) })),
    $defs: defs,
  };
}

function defPointer(name: string): string {
  return `#/$defs/${encodeURIComponent(escapePointerToken(name))}`;
}

/** A reference, pointed inside the bundle; one that names no part (an anchor, an unknown URI) stays as written. */
export function rebaseRef(ref: string, from: SchemaPart, parts: readonly SchemaPart[]): string {
  const hash = ref.indexOf('#');
  const target = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let part: SchemaPart | undefined;
  if (target === '') {
    part = from;
  } else {
    let absolute: string;
    try {
      absolute = new URL(target, from.uri ?? undefined).href;
    } catch {
      return ref;
    }
    part = parts.find((p) => knownBy(p, absolute));
  }
  if (!part) return ref;
  if (fragment === '') return defPointer(part.name);
  // A plain-name fragment is an $anchor, which keeps its meaning inside the bundle.
  if (!fragment.startsWith('/')) return `#${fragment}`;
  return `${defPointer(part.name)}${fragment}`;
}

/** Whether a part is the one an absolute URI (without its fragment) names: by its `uri` or the file it was read from. */
function knownBy(part: SchemaPart, absolute: string): boolean {
  for (const uri of [part.uri, part.file])
    if (uri !== null && uri !== undefined && new URL(uri).href.replace(/#.*$/, '') === absolute) return true;
  return false;
}

/**
 * `roots`, and those of `others` that they refer to by a `$ref`, directly or through each other: what a bundle of the
 * roots needs to be whole. Every `$ref` with a text value is followed, wherever it stands (one inside `const` or
 * `enum` data too, which can only add a part no reference uses).
 */
export function withReferenced(roots: readonly SchemaPart[], others: readonly SchemaPart[]): SchemaPart[] {
  const all = [...roots, ...others];
  const taken = new Set<SchemaPart>(roots);
  const queue = [...roots];
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    for (const ref of refsIn(part.schema)) {
      const hash = ref.indexOf('#');
      const target = hash === -1 ? ref : ref.slice(0, hash);
      if (target === '') continue;
      let absolute: string;
      try {
        absolute = new URL(target, part.uri ?? undefined).href;
      } catch {
        continue;
      }
      const found = all.find((p) => knownBy(p, absolute));
      if (found && !taken.has(found)) {
        taken.add(found);
        queue.push(found);
      }
    }
  }
  return all.filter((p) => taken.has(p));
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  return out;
}

/** A schema with its references rebased and its labels in `lang`; other keywords' values are kept as they are. */
function rewrite(node: unknown, part: SchemaPart, parts: readonly SchemaPart[], lang: Lang): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const sub = (value: unknown) => rewrite(value, part, parts, lang);
  const schema = node as Record<string, unknown>;
  const out = nullObject();
  const title = localized(schema['x-title'], lang);
  if (title !== null) out.title = title;
  const description = localized(schema['x-description'], lang);
  if (description !== null) out.description = description;
  for (const [key, value] of Object.entries(schema)) {
    if (key in out) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = rebaseRef(value, part, parts);
    else if (ONE_SCHEMA.has(key)) out[key] = Array.isArray(value) ? value.map(sub) : sub(value);
    else if (SCHEMA_LIST.has(key) && Array.isArray(value)) out[key] = value.map(sub);
    else if (SCHEMA_MAP.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // draft 7's `dependencies` also maps names to lists of names, which sub() keeps as they are.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, sub(schema)]));
    } else out[key] = value;
  }
  return out;
}

function localized(value: unknown, lang: Lang): string | null {
  if (value === null || typeof value !== 'object') return null;
  const text = (value as Partial<Localized>)[lang];
  return typeof text === 'string' ? text : null;
}

/** Keywords whose values are data, not schemas: left as they are. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * A schema of the program's own with `title` and `description` in `lang` wherever `x-title` and `x-description`
 * give them, the x- keywords kept: what bundleSchemas does to a registry's schemas, for one that needs no bundling
 * (`ideas schema --region`).
 */
export function withLabels(node: unknown, lang: Lang): unknown {
  if (Array.isArray(node)) return node.map((n) => withLabels(n, lang));
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  const labels: Record<string, string | null> = {
    title: localized(schema['x-title'], lang),
    description: localized(schema['x-description'], lang),
  };
  const out = nullObject();
  // In the schema's own order: a label where the schema has it, else just before the x- keyword it comes from.
  for (const [key, value] of Object.entries(schema)) {
    const label = key === 'x-title' ? 'title' : key === 'x-description' ? 'description' : null;
    if (label !== null && labels[label] !== null && !(label in out)) out[label] = labels[label];
    if (key in out) continue;
    if ((key === 'title' || key === 'description') && labels[key] !== null) out[key] = labels[key];
    else out[key] = key.startsWith('x-') || DATA_KEYWORDS.has(key) ? value : withLabels(value, lang);
  }
  return out;
}
