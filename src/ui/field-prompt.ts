/**
 * One question for one field, made from its schema: its title as the question, its `x-description` as help, an
 * enum (or the registry's challenges) as a list of choices, a yes/no as j/n typed, a list of enums as checkboxes,
 * anything else as a text input checked against the field's schema while the prompt is open. `ideas new`, `ideas
 * edit`, a closed gate in `ideas move` and the completion of an idea in `ideas review` ask the same way.
 *
 * Enter alone never records an answer nobody gave: on an optional field it skips (a choice's skip comes first and is
 * the default; a yes or no without one in the file is undefined), and a required yes or no has no default at all.
 * Where the file has an answer, Enter keeps it, as a text input keeps its default.
 */
import { recordParts, typeFlagValue, type FieldSpec } from '../core/criteria/fields.js';
import { describeErrors, fieldLabel, type CompileSchema, type Validator } from '../core/criteria/schema-check.js';
import { isIdeasError } from '../core/errors.js';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import type { Prompter } from './prompter.js';

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A field's `x-description` (or `description`) in the language, for the help under its question. */
export function fieldHelp(spec: FieldSpec, lang: Lang): string | undefined {
  const x = spec.schema['x-description'] as Record<string, unknown> | undefined;
  const own = x && typeof x === 'object' ? x[lang] : undefined;
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  return typeof spec.schema.description === 'string' ? spec.schema.description : undefined;
}

/** The field's title as a question, without its `[name]`. */
export function questionTitle(spec: FieldSpec, lang: Lang): string {
  return fieldLabel(spec.schema, `/${spec.name}`, lang).replace(/ \[[^\]]*\]$/, '');
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A value as a text input shows it as its default: a list comma-separated, a number as written. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // A list of objects or lists has no text form to offer (and its items, without a prototype, no String()).
  if (Array.isArray(value)) return value.every(isScalar) ? value.map(String).join(', ') : undefined;
  if (typeof value === 'object') return undefined;
  return String(value);
}

/**
 * Asks for one field; `current` is the idea's value, offered as the default. Answers are checked against the field's
 * schema as compiled by `compile` (io/schemas.ts's compileCriteria, handed in by the command). Returns the typed
 * answer, or undefined when an optional field was skipped.
 */
export async function askField(
  prompter: Prompter,
  spec: FieldSpec,
  lang: Lang,
  compile: CompileSchema,
  current?: unknown,
  /** The stages ahead whose gates need the field, by their labels: said instead of "optional". */
  neededFor?: string,
): Promise<unknown> {
  // A record (a team's gender composition: women, men, other) has no text form: each of its keys is asked for in turn,
  // under the record's name, as `--set team_gender.women=3` sets it. Undefined when every key was skipped.
  const parts = recordParts(spec);
  if (parts.length > 0) {
    const had = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
    const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const title = questionTitle(spec, lang);
    for (const part of parts) {
      const key = part.name.slice(spec.name.length + 1);
      const was = Object.hasOwn(had, key) ? (had as Record<string, unknown>)[key] : undefined;
      const named = { ...part, schema: { ...part.schema, 'x-title': recordPartTitle(title, part, lang) } };
      const answer = await askField(prompter, named, lang, compile, was, neededFor);
      if (answer !== undefined) record[key] = answer;
    }
    return Object.keys(record).length > 0 ? record : undefined;
  }
  const label = questionTitle(spec, lang);
  const question = `${label} ${questionNote(spec, lang, neededFor)}`.trim();
  const help = fieldHelp(spec, lang);
  const check = fieldCheck(spec, lang, compile);
  switch (spec.kind) {
    case 'select': {
      const choices = spec.choices.map((c) => ({ value: c.value, name: c.label }));
      // Skipping first, and where the cursor starts: Enter on an optional choice writes nothing, as on a text.
      if (!spec.required) choices.unshift({ value: '', name: t(lang, 'prompt.skip') });
      const kept = typeof current === 'string' && spec.choices.some((c) => c.value === current) ? current : undefined;
      const chosen = await prompter.select({
        message: spec.required ? label : question,
        choices,
        help,
        ...(kept !== undefined ? { default: kept } : spec.required ? {} : { default: '' }),
      });
      return chosen === '' ? undefined : chosen;
    }
    case 'confirm': {
      // A yes or no is a statement of fact (the nearest manager backs the idea): typed, never made by Enter alone.
      // Enter skips an optional one, is refused on a required one, and keeps an answer the file has.
      const words = { yes: t(lang, 'yes'), no: t(lang, 'no') };
      const raw = await prompter.input({
        message: question,
        help,
        ...(typeof current === 'boolean' ? { default: current ? words.yes : words.no } : {}),
        validate: (v) => {
          if (v.trim() === '' && !spec.required) return true;
          return typeof typeFlagValueSafe(spec, v, lang) === 'boolean' ? true : t(lang, 'prompt.yesOrNo', words);
        },
      });
      return raw.trim() === '' ? undefined : typeFlagValue(spec, [raw]);
    }
    case 'checkbox': {
      const had = Array.isArray(current) ? current.filter(isScalar).map(String) : [];
      return prompter.checkbox({
        message: label,
        help,
        choices: spec.choices.map((c) => ({ value: c.value, name: c.label, checked: had.includes(c.value) })),
        required: spec.required,
      });
    }
    case 'list': {
      const raw = await prompter.input({
        message: question,
        help,
        default: asText(current),
        validate: (v) => check(typeFlagValueSafe(spec, v, lang)),
      });
      return typeFlagValue(spec, [raw]);
    }
    case 'integer':
    case 'number': {
      const raw = await prompter.input({
        message: question,
        help,
        default: asText(current),
        validate: (v) => (v.trim() === '' && !spec.required ? true : check(typeFlagValueSafe(spec, v, lang))),
      });
      return raw.trim() === '' ? undefined : typeFlagValue(spec, [raw]);
    }
    default: {
      const raw = await prompter.input({
        message: question,
        help,
        default: asText(current),
        required: spec.required,
        validate: (v) => (v.trim() === '' && !spec.required ? true : check(v.trim())),
      });
      return raw.trim() === '' ? undefined : raw.trim();
    }
  }
}

/** A record's key asked for on its own: "Teamets könsfördelning: Kvinnor". */
function recordPartTitle(record: string, part: FieldSpec, lang: Lang): Record<Lang, string> {
  const own = questionTitle(part, lang);
  const text = `${record}: ${own}`;
  return { sv: text, en: text };
}

/**
 * The one parenthesis after a question: optional (or needed for a stage ahead; Enter skips), and comma-separated for
 * a list or j/n for a yes or no. Empty for a required field that needs no such word.
 */
function questionNote(spec: FieldSpec, lang: Lang, neededFor: string | undefined): string {
  const form = spec.kind === 'list' ? 'list' : spec.kind === 'confirm' ? 'yesNo' : 'plain';
  if (spec.required) return form === 'list' ? t(lang, 'prompt.list') : form === 'yesNo' ? t(lang, 'prompt.yesNo') : '';
  if (neededFor)
    return t(
      lang,
      form === 'list' ? 'prompt.neededAheadList' : form === 'yesNo' ? 'prompt.neededAheadYesNo' : 'prompt.neededAhead',
      { stage: neededFor },
    );
  return t(
    lang,
    form === 'list' ? 'prompt.optionalList' : form === 'yesNo' ? 'prompt.optionalYesNo' : 'prompt.optional',
  );
}

function typeFlagValueSafe(spec: FieldSpec, raw: string, lang: Lang): unknown {
  try {
    return typeFlagValue(spec, [raw]);
  } catch (e) {
    return { invalid: isIdeasError(e) ? e.text[lang] : String(e) };
  }
}

/** Checks one answer against its field's schema while the prompt is open, so a wrong answer is asked again. */
function fieldCheck(spec: FieldSpec, lang: Lang, compile: CompileSchema): (value: unknown) => string | true {
  let validate: Validator | null = null;
  try {
    validate = compile(spec.schema, `field:${spec.name}:${JSON.stringify(spec.schema)}`);
  } catch {
    validate = null;
  }
  return (value) => {
    if (value !== null && typeof value === 'object' && 'invalid' in value) return String(value.invalid);
    if (spec.required && isEmpty(value)) return t(lang, 'prompt.requiredAnswer');
    if (!validate || validate(value)) return true;
    const problem = describeErrors(validate.errors)[0];
    return problem ? problem.message[lang].replace(/^[^:]*: /, '') : true;
  };
}
