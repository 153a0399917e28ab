/**
 * The header of an exported CSV in the registry's language: a coordinator opens the file in Excel and reads
 * "Idéns namn", "Steg" and "Beviljat belopp", not `title`, `stage` and `granted`. `ideas import` reads those
 * headers back (in either language), as it reads the keys.
 *
 * A field's label is its schema's `x-title`; a nested column is its field's label and its part's (`Team: Kvinnor`);
 * the columns the program makes have labels of their own. A label is used only where the import would read it as
 * the same column as its key: a label two columns share, or one that names another field, gives way to the key.
 */
import type { RegistryConfig } from '../sluice/config.js';
import { t, type Lang, type Localized } from '../i18n/i18n.js';
import { columnRole, schemaAt, type KnownFields } from './import-rows.js';
import { canonical } from '../history/canonical.js';

type Schema = Record<string, unknown>;

function titleOf(schema: Schema, lang: Lang): string | null {
  const title = schema['x-title'] as Partial<Localized> | undefined;
  const text = title?.[lang] ?? (typeof schema.title === 'string' ? schema.title : undefined);
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/** A column's label in one language, or null when it has none (the key is shown). */
function columnLabel(key: string, schemas: readonly Schema[], config: RegistryConfig, lang: Lang): string | null {
  if (key === 'stage') return t(lang, 'csv.col.stage');
  if (key === 'granted') return t(lang, 'csv.col.granted');
  if (key === 'body') return t(lang, 'csv.col.body');
  if (key.startsWith('entered.')) {
    const stage = config.stages.find((s) => s.key === key.slice('entered.'.length));
    return stage ? t(lang, 'csv.col.entered', { stage: stage.label[lang] }) : null;
  }
  const [field, ...path] = key.split('.') as [string, ...string[]];
  const top = titleOf(schemaAt(field, [], schemas), lang);
  if (path.length === 0) return top;
  const parts = path.map((_, i) => titleOf(schemaAt(field, path.slice(0, i + 1), schemas), lang) ?? path[i]);
  return `${top ?? field}: ${parts.join(': ')}`;
}

/**
 * The headers, other than the fields' own labels (which the import finds through the schemas), that an export may
 * write, in both languages, lower case, each with the column it stands for.
 */
export function headerAliases(schemas: readonly Schema[], config: RegistryConfig): Map<string, string> {
  const out = new Map<string, string>();
  const clash = new Set<string>();
  const keys = new Set(['stage', 'granted', 'body', ...config.stages.map((s) => `entered.${s.key}`)]);
  // The parts of the fields that are objects: the columns an export makes of them.
  for (const schema of schemas) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [field, p] of Object.entries(props))
      if (p && typeof p.properties === 'object' && p.properties !== null)
        for (const part of Object.keys(p.properties)) keys.add(`${field}.${part}`);
  }
  for (const key of keys)
    for (const lang of ['sv', 'en'] as const) {
      const label = columnLabel(key, schemas, config, lang)?.toLowerCase();
      if (!label || label === key.toLowerCase()) continue;
      if (out.has(label) && out.get(label) !== key) clash.add(label);
      else out.set(label, key);
    }
  for (const label of clash) out.delete(label);
  return out;
}

function roleText(header: string, known: KnownFields): string {
  try {
    return canonical(columnRole(header, known));
  } catch {
    return 'refused';
  }
}

/** The export's header row: each column's label where the import reads it back as that column, else its key. */
export function exportHeader(
  columns: readonly string[],
  schemas: readonly Schema[],
  config: RegistryConfig,
  lang: Lang,
  known: KnownFields,
): string[] {
  // Labels no other column has; of those, the ones the import reads as their own column, and as no other's key.
  return labelledHeader(columns, (key) => columnLabel(key, schemas, config, lang)).map((label, i) => {
    const key = columns[i] as string;
    if (label === key) return key;
    const another = columns.some((c) => c !== key && c.toLowerCase() === label.toLowerCase());
    return !another && roleText(label, known) === roleText(key, known) ? label : key;
  });
}

/** A column's label in `lang` (a field's `x-title`, the program's own columns' words), or null where it has none. */
export function columnLabelIn(
  schemas: readonly Schema[],
  config: RegistryConfig,
  lang: Lang,
): (key: string) => string | null {
  return (key) => columnLabel(key, schemas, config, lang);
}

/**
 * Each column's label, and its key where it has none or where another column has the same label: the header of a
 * file for people only, never read back (`ideas region export`), and what exportHeader narrows further.
 */
export function labelledHeader(columns: readonly string[], labelOf: (key: string) => string | null): string[] {
  const labels = columns.map((key) => labelOf(key) ?? key);
  const count = new Map<string, number>();
  for (const l of labels) count.set(l.toLowerCase(), (count.get(l.toLowerCase()) ?? 0) + 1);
  return columns.map((key, i) => {
    const label = labels[i] as string;
    return count.get(label.toLowerCase()) === 1 ? label : key;
  });
}
