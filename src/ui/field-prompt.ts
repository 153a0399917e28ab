/**
 * One question for one field, made from its schema: its title as the question, its `x-description` as help, an
 * enum (or the registry's challenges) as a list of choices, a yes/no as a confirm, a list of enums as checkboxes,
 * anything else as a text input checked against the field's schema while the prompt is open. `ideas new`, `ideas
 * edit` and a closed gate in `ideas move` ask the same way.
 */
import { typeFlagValue, type FieldSpec } from '../core/criteria/fields.js';
import { describeErrors, fieldLabel, type CompileSchema, type Validator } from '../core/criteria/schema-check.js';
import { isIdeasError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n/i18n.js';
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
export function fieldQuestion(spec: FieldSpec, lang: Lang): string {
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
  const label = fieldQuestion(spec, lang);
  // One parenthesis after the question: optional (or needed for a stage ahead), and comma-separated for a list.
  const list = spec.kind === 'list';
  const note = spec.required
    ? list
      ? t(lang, 'prompt.list')
      : ''
    : neededFor
      ? t(lang, list ? 'prompt.neededAheadList' : 'prompt.neededAhead', { stage: neededFor })
      : t(lang, list ? 'prompt.optionalList' : 'prompt.optional');
  const question = note ? `${label} ${note}` : label;
  const help = fieldHelp(spec, lang);
  const check = fieldCheck(spec, lang, compile);
  switch (spec.kind) {
    case 'select': {
      const choices = spec.choices.map((c) => ({ value: c.value, name: c.label }));
      if (!spec.required) choices.push({ value: '', name: t(lang, 'prompt.skip') });
      const chosen = await prompter.select({
        message: label,
        choices,
        help,
        ...(typeof current === 'string' && spec.choices.some((c) => c.value === current) ? { default: current } : {}),
      });
      return chosen === '' ? undefined : chosen;
    }
    case 'confirm':
      // A yes is a statement of fact (the nearest manager backs the idea): never made by Enter alone. Without an
      // answer in the file, Enter says no; with one, it keeps it.
      return prompter.confirm({
        message: label,
        help,
        default: typeof current === 'boolean' ? current : false,
      });
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
