/**
 * What a closed gate tells its reader to run: one `ideas edit <id> --set field=<value>` per field it misses, the
 * same from `move`, `decide` and `review`. A record (`team_gender: {women, men}`) gets a line for each key it asks
 * for (`--set team_gender.women=<whole number>`); a list of records, or a value a `const` or `enum` makes a mapping or
 * a list, cannot be given on a command line, so its line says where to write it instead.
 */
import { isRecordSchema, recordFields, type FieldSpec } from '../criteria/fields.js';
import type { SchemaProblem } from '../criteria/schema-check.js';
import { t, type Lang } from '../i18n/i18n.js';
import { shellCommand } from '../shell/quote.js';

type Schema = Record<string, unknown>;

/** The fields of a registry as `--set` knows them: the names it takes, and each one's question. */
export interface SettableFields {
  settable: readonly string[];
  spec: (name: string) => FieldSpec;
}

/** A value's placeholder in the registry's language: what kind of value the field takes. */
export function valuePlaceholder(spec: FieldSpec, lang: Lang): string {
  if (spec.choices.length > 0) {
    // By their labels, which `--set` takes as well as the keys (a challenge's): people know them by those.
    const values = spec.choices.map((c) => c.label);
    const shown = values.length <= 6 ? values.join(', ') : `${values.slice(0, 6).join(', ')}, …`;
    return t(lang, 'value.choice', { choices: shown });
  }
  switch (spec.kind) {
    case 'confirm':
      return t(lang, 'value.yesNo');
    case 'integer':
      return t(lang, 'value.integer');
    case 'number':
      return t(lang, 'value.number');
    case 'list':
    case 'checkbox':
      return t(lang, 'value.list');
    default:
      return t(lang, 'value.text');
  }
}

/** A `const` or `enum` whose value is a mapping or a list: no `--set` text can be it. */
function structuredValues(schema: Schema): boolean {
  const values = [schema.const, ...(Array.isArray(schema.enum) ? (schema.enum as unknown[]) : [])];
  return values.some((v) => v !== null && typeof v === 'object');
}

/**
 * How to give a field as a flag, for the error that names every missing answer: the same placeholder as a gate's fix
 * lines (in the registry's language, a choice by its labels), quoted to be pasted into a shell.
 */
export function flagFor(spec: FieldSpec, lang: Lang): string {
  if (spec.name === 'title') return shellCommand(['--title', `<${t(lang, 'value.text')}>`]);
  return shellCommand(['--set', `${spec.name}=<${valuePlaceholder(spec, lang)}>`]);
}

/**
 * The lines that fill in what a gate misses, to be run as printed: a command per field (per key of a record), and
 * for a list of records the words that say where to write it (`file` is the idea's file as the reader finds it).
 */
export function gateFixes(
  missing: readonly Pick<SchemaProblem, 'field' | 'pointer'>[],
  idea: { id: string | null; path: string },
  fields: SettableFields,
  lang: Lang,
  where: { registryFlag?: string; file: string },
  /** Whether a field no command can fill (a list of records) gets its line in words; validate's findings say it. */
  inWords = true,
): string[] {
  const head = ['ideas', ...(where.registryFlag ? ['-C', where.registryFlag] : []), 'edit', idea.id ?? idea.path];
  const set = (name: string) =>
    shellCommand([...head, '--set', `${name}=<${valuePlaceholder(fields.spec(name), lang)}>`]);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of missing) {
    if (!m.field || !fields.settable.includes(m.field)) continue;
    const schema = fields.spec(m.field).schema;
    const items = (schema.items ?? {}) as Schema;
    let lines: string[];
    if (isRecordSchema(schema)) {
      // A key the problem points into (`/team_gender/women`), or else every key the record asks for.
      const inner = m.pointer.split('/')[2];
      const keys = recordFields(schema).map((k) => `${m.field}.${k}`);
      const named = inner !== undefined ? keys.filter((k) => k === `${m.field}.${inner}`) : [];
      lines = (named.length > 0 ? named : keys).filter((k) => fields.settable.includes(k)).map(set);
    } else if (items.type === 'object') {
      lines = inWords ? [t(lang, 'gate.fixInFile', { field: m.field, file: where.file })] : [];
    } else if (schema.type === 'object' || structuredValues(schema)) {
      lines = inWords ? [t(lang, 'gate.fixPartsInFile', { field: m.field, file: where.file })] : [];
    } else lines = [set(m.field)];
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
  }
  return out;
}
