/**
 * What a closed gate tells its reader to run: one `ideas edit <id> --set field=<value>` per field it misses, the
 * same from `move`, `decide` and `review`. A record (`team_gender: {women, men}`) gets a line for each key it asks
 * for (`--set team_gender.women=<whole number>`); a list of records, or a value a `const` or `enum` makes a mapping or
 * a list, cannot be given on a command line, so its line says where to write it instead. A field the idea may not
 * have at all gets `--unset field`.
 */
import { ideaWord, shellCommand } from '../shell/quote.js';
import { isRecordSchema, recordFields, type FieldSpec } from '../criteria/fields.js';
import { isUnwanted, type SchemaProblem } from '../criteria/schema-check.js';
import { t, type Lang } from '../i18n/i18n.js';

type Schema = Record<string, unknown>;

/** The fields of a registry as `--set` knows them: the names it takes, and each one's question. */
export interface SettableFields {
  settable: readonly string[];
  spec: (name: string) => FieldSpec;
}

/** A value's placeholder in the registry's language: what kind of value the field takes. */
function valuePlaceholder(spec: FieldSpec, lang: Lang): string {
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
  return shellCommand(['--set', setText(spec, lang)]);
}

/**
 * `name=<placeholder>` for `--set`: the field, and what kind of value it takes in the registry's language; for a yes
 * or no that the criteria take one answer of (`"const": true`, a manager's support), that answer, as the gate needs
 * it: `<ja|nej>` offered an answer that never opens the gate.
 */
function setText(spec: FieldSpec, lang: Lang): string {
  const only = spec.schema.const;
  if (spec.kind === 'confirm' && typeof only === 'boolean') return `${spec.name}=${t(lang, only ? 'yes' : 'no')}`;
  return `${spec.name}=<${valuePlaceholder(spec, lang)}>`;
}

/** What a gate found wrong with one field: where, and the keyword it fails when known. */
type Problem = Pick<SchemaProblem, 'field' | 'pointer'> & { keyword?: string | undefined };

/**
 * How one field is put right: the `--set` names it takes, a field to remove (one the idea may not have at all, which
 * no value would do for), or, when no flag can do it, the words that say where.
 */
type FieldFix = { names: string[] } | { unset: string } | { words: 'gate.fixInFile' | 'gate.fixPartsInFile' };

function fieldFix(m: Problem, fields: SettableFields): FieldFix | null {
  if (isUnwanted(m))
    // `--unset` names a top-level field only.
    return m.field && m.pointer.split('/').length === 2 ? { unset: m.field } : null;
  if (!m.field || !fields.settable.includes(m.field)) return null;
  const schema = fields.spec(m.field).schema;
  const items = (schema.items ?? {}) as Schema;
  if (isRecordSchema(schema)) {
    // A key the problem points into (`/team_gender/women`), or else every key the record asks for.
    const inner = m.pointer.split('/')[2];
    const keys = recordFields(schema).map((k) => `${m.field}.${k}`);
    const named = inner !== undefined ? keys.filter((k) => k === `${m.field}.${inner}`) : [];
    return { names: (named.length > 0 ? named : keys).filter((k) => fields.settable.includes(k)) };
  }
  if (items.type === 'object') return { words: 'gate.fixInFile' };
  if (schema.type === 'object' || structuredValues(schema)) return { words: 'gate.fixPartsInFile' };
  return { names: [m.field] };
}

/** The words above a gate's fix lines: they remove a field, too, when the gate finds one the idea may not have. */
export function fixHeading(missing: readonly Problem[]): 'gate.fixWith' | 'gate.fixWithRemove' {
  return missing.some(isUnwanted) ? 'gate.fixWithRemove' : 'gate.fixWith';
}

/** `ideas [-C <dir>] edit <id>`: the start of every line these print. */
export function editCommand(idea: { id: string | null; path: string }, where: { registryFlag?: string }): string[] {
  return ['ideas', ...(where.registryFlag ? ['-C', where.registryFlag] : []), 'edit', ideaWord(idea)];
}

/**
 * The lines that fill in what a gate misses, to be run as printed: a command per field (per key of a record), and
 * for a list of records the words that say where to write it (`file` is the idea's file as the reader finds it).
 */
export function gateFixes(
  missing: readonly Problem[],
  idea: { id: string | null; path: string },
  fields: SettableFields,
  lang: Lang,
  where: { registryFlag?: string; file: string },
  /** Whether a field no command can fill (a list of records) gets its line in words; validate's findings say it. */
  inWords = true,
): string[] {
  const head = shellCommand(editCommand(idea, where));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of missing) {
    const fix = fieldFix(m, fields);
    if (!fix) continue;
    const lines =
      'words' in fix
        ? inWords
          ? [t(lang, fix.words, { field: m.field, file: where.file })]
          : []
        : commandTails(fix, fields, lang).map((tail) => `${head} ${tail}`);
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
  }
  return out;
}

/**
 * What follows `ideas edit <id>` in each line that puts one field right, quoted: `--set` for each name, or
 * `--unset`. The words of a line are quoted one by one and joined by spaces, so a line is its head's text and this.
 */
function commandTails(fix: Exclude<FieldFix, { words: string }>, fields: SettableFields, lang: Lang): string[] {
  return 'names' in fix
    ? fix.names.map((name) => shellCommand(['--set', setText(fields.spec(name), lang)]))
    : [shellCommand(['--unset', fix.unset])];
}

/**
 * The first of gateFixes's lines for one problem, without lines in words: what `ideas validate` shows with each of
 * thousands of findings. What follows the idea's id depends on the problem alone, so it is worked out once for each
 * pointer, keyword and field; the start of the line once for each idea in a row.
 */
export function firstFix(
  fields: SettableFields,
  lang: Lang,
  registryFlag?: string,
): (problem: Problem, idea: { id: string | null; path: string }) => string | null {
  const tails = new Map<string, Map<string | undefined, Map<string, string | null>>>();
  const where = registryFlag === undefined ? {} : { registryFlag };
  let named: string | undefined;
  let head = '';
  return (problem, idea) => {
    let byKeyword = tails.get(problem.pointer);
    if (!byKeyword) tails.set(problem.pointer, (byKeyword = new Map()));
    let byField = byKeyword.get(problem.keyword);
    if (!byField) byKeyword.set(problem.keyword, (byField = new Map()));
    let tail = byField.get(problem.field);
    if (tail === undefined) {
      const fix = fieldFix(problem, fields);
      tail = fix && !('words' in fix) ? (commandTails(fix, fields, lang)[0] ?? null) : null;
      byField.set(problem.field, tail);
    }
    if (tail === null) return null;
    const name = idea.id ?? idea.path;
    if (name !== named) {
      named = name;
      head = shellCommand(editCommand(idea, where));
    }
    return `${head} ${tail}`;
  };
}

/**
 * The `--set` flags that give what a gate misses, for a command that makes the idea (`ideas adopt`): one per field
 * (per key of a record) that a flag can give, in the order found.
 */
export function gateSetFlags(missing: readonly Problem[], fields: SettableFields, lang: Lang): string[] {
  const names = new Set<string>();
  for (const m of missing) {
    const fix = fieldFix(m, fields);
    if (fix && 'names' in fix) for (const name of fix.names) names.add(name);
  }
  return [...names].flatMap((name) => ['--set', setText(fields.spec(name), lang)]);
}
