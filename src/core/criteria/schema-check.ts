/**
 * JSON Schema checks as the domain sees them: the keywords criteria may use, the options ajv runs with, and ajv's
 * errors in plain words. The package's schemas, the validators compiled from them and ajv itself are loaded by
 * io/schemas.ts; the core is handed validators (or a CompileSchema) and loads nothing.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Lang, Localized, MessageKey, Params } from '../i18n/i18n.js';
import { orWords, t } from '../i18n/i18n.js';
import { ownValue } from '../safe-object.js';
import { escapePointerToken, unescapePointerToken } from '../json-pointer.js';

export type Validator = ValidateFunction;

/**
 * The validator, answering again without a second check when it is given the object it was given last: `ideas site`
 * shows each idea against two stages, and checked it against the base schema twice (10,000 checks of 20,000).
 */
export function rememberingLast(validate: Validator): Validator {
  let last: unknown;
  let answer = false;
  let errors: ValidateFunction['errors'] = null;
  let asked = false;
  const remembering = ((data: unknown) => {
    if (!asked || data !== last) {
      asked = true;
      last = data;
      answer = validate(data) as boolean;
      errors = validate.errors;
    }
    remembering.errors = errors;
    return answer;
  }) as Validator;
  return remembering;
}

/** Compiles a schema (a registry's criteria, or one field's) into a validator; throws for a schema that is not valid. */
export type CompileSchema = (schema: unknown, cacheKey: string) => Validator;

/** The extension keywords that criteria schemas may use for labels and messages. */
export const LABEL_KEYWORDS = ['x-title', 'x-description', 'x-message'] as const;
/**
 * The markings of personal data (see personal-data.ts). Each must be `true` or `false`: a marking written as the
 * text "true" would otherwise be read as no marking at all.
 */
export const MARKING_KEYWORDS = ['x-public', 'x-personal', 'x-aggregate'] as const;
/**
 * Marks a field as part of the spread kit (src/core/region/spread.ts): what another municipality needs to reuse the
 * idea. A stage requires the kit by listing its fields in `required`, like any criterion.
 */
export const SPREAD_KEYWORD = 'x-spread';
export const EXTENSION_KEYWORDS = [...LABEL_KEYWORDS, ...MARKING_KEYWORDS, SPREAD_KEYWORD] as const;

export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
} as const;

export interface BaseValidators {
  config: Validator;
  idea: Validator;
  /** JSON Schema draft 2020-12's meta-schema. */
  meta: Validator;
}

export type BaseValidatorName = keyof BaseValidators;

export const META_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The longest text the `url` format checks: ajv-formats' pattern for it backtracks in time quadratic in the text
 * (a second for 90,000 characters), and no address people type is this long.
 */
export const URL_FORMAT_MAX_LENGTH = 2048;

/** One schema problem, in plain words, with the JSON pointer of the value it is about. */
export interface SchemaProblem {
  pointer: string;
  /** The top-level field, such as `coach` for /coach or /history/2/date. */
  field: string;
  keyword: string;
  message: Localized;
}

/**
 * Turns ajv's errors into plain words: the field's label from its schema (`x-title` in the language, or `title`),
 * the field's name in brackets, and what is wrong, or the schema's own `x-message` when it has one.
 */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  if (!errors) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  // A value of the wrong kind ("ja" typed for yes, a number for a text) is said as that, and once: not in the
  // criterion's own words (which say what a right value of the right kind lacks: "Närmsta chef har inte ställt sig
  // bakom idén"), nor again by the keywords the wrong kind breaks besides (`const: true`, `minLength`).
  const wrongKind = new Set<string>();
  for (const e of errors) if (e.keyword === 'type' && !INNER.test(e.schemaPath)) wrongKind.add(e.instancePath);
  for (const e of errors) {
    // Errors inside alternatives repeat what the anyOf/oneOf error says once, and so do those of the values a
    // `contains` tried and of a field name `propertyNames` refused; `if` only points at `then`.
    if (INNER.test(e.schemaPath) || e.keyword === 'if') continue;
    if (e.keyword !== 'type' && wrongKind.has(e.instancePath) && !MISSING_PROPERTY.has(e.keyword)) continue;
    const named = namedProperty(e);
    const pointer = named === null ? e.instancePath : `${e.instancePath}/${escapePointerToken(named)}`;
    const subject = subjectSchema(e);
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fieldName = pointer.split('/')[1] ?? '';
    const label = (lang: Lang) => fieldLabel(subject, pointer, lang);
    const custom = e.keyword === 'type' ? null : localizedKeyword(subject, 'x-message');
    // The field in brackets, where there is one: a value checked alone (a prompt's answer) has none to name.
    const where = pointer === '' ? '' : ` [${displayPointer(pointer)}]`;
    const message: Localized = custom
      ? {
          sv: `${custom.sv}${limitNote(e, custom.sv, 'sv')}${where}`,
          en: `${custom.en}${limitNote(e, custom.en, 'en')}${where}`,
        }
      : NOT_ALLOWED.has(e.keyword)
        ? { sv: problemText(e, 'sv'), en: problemText(e, 'en') }
        : {
            sv: `${label('sv')}: ${problemText(e, 'sv')}`,
            en: `${label('en')}: ${problemText(e, 'en')}`,
          };
    out.push({ pointer, field: fieldName, keyword: e.keyword, message });
  }
  return out;
}

/** Words that state a bound of each kind: a message with them gives its limit already ("minst två partner"). */
const AT_LEAST = { sv: /\bminst\b/i, en: /\bat least\b/i };
const AT_MOST = { sv: /\bhögst\b/i, en: /\bat most\b/i };
const MORE_THAN = { sv: /\b(?:större|mer|fler) än\b/i, en: /\b(?:greater|more) than\b/i };
const LESS_THAN = { sv: /\b(?:mindre|färre) än\b/i, en: /\b(?:less|fewer) than\b/i };
const MULTIPLE = { sv: /multipel/i, en: /multiple/i };

/**
 * The keywords whose limit a criterion's own message may leave out: the parameter ajv gives it in, its words, and
 * the words that would say it in a message.
 */
const LIMITS: Readonly<Record<string, { param: string; words: MessageKey; said: Record<Lang, RegExp> }>> = {
  minLength: { param: 'limit', words: 'p.limit.minLength', said: AT_LEAST },
  maxLength: { param: 'limit', words: 'p.limit.maxLength', said: AT_MOST },
  minItems: { param: 'limit', words: 'p.limit.minItems', said: AT_LEAST },
  maxItems: { param: 'limit', words: 'p.limit.maxItems', said: AT_MOST },
  minProperties: { param: 'limit', words: 'p.limit.minProperties', said: AT_LEAST },
  maxProperties: { param: 'limit', words: 'p.limit.maxProperties', said: AT_MOST },
  minimum: { param: 'limit', words: 'p.limit.minimum', said: AT_LEAST },
  maximum: { param: 'limit', words: 'p.limit.maximum', said: AT_MOST },
  exclusiveMinimum: { param: 'limit', words: 'p.limit.exclusiveMinimum', said: MORE_THAN },
  exclusiveMaximum: { param: 'limit', words: 'p.limit.exclusiveMaximum', said: LESS_THAN },
  multipleOf: { param: 'multipleOf', words: 'p.limit.multipleOf', said: MULTIPLE },
};

/** Lower bounds of a count, which at 1 only say that the value is empty: what a message such as "saknas" says. */
const COUNTS = new Set(['minLength', 'minItems', 'minProperties']);

/**
 * The limit a criterion's own message (`x-message`) does not give, in brackets after it: "Planen för testet saknas
 * eller är för kort (minst 20 tecken)", where the message alone left a coordinator to guess how long. Nothing when the
 * message gives a bound of its own (the number, or words such as "minst två"), or when the limit is a count of 1,
 * which an empty value breaks.
 */
function limitNote(e: ErrorObject, custom: string, lang: Lang): string {
  const known = Object.hasOwn(LIMITS, e.keyword) ? LIMITS[e.keyword] : undefined;
  const limit = known === undefined ? undefined : (e.params as Record<string, unknown>)[known.param];
  if (known === undefined || typeof limit !== 'number' || !Number.isFinite(limit)) return '';
  if (COUNTS.has(e.keyword) && limit <= 1) return '';
  if (known.said[lang].test(custom)) return '';
  const words = t(lang, known.words, { limit });
  return hasNumber(custom, limit, words) ? '' : ` (${words})`;
}

/** Whether `text` names `limit` already, as a number of its own (20, not 200 or 1.20) or as the words would. */
function hasNumber(text: string, limit: number, words: string): boolean {
  if (text.includes(words)) return true;
  const digits = String(limit);
  for (let at = text.indexOf(digits); at !== -1; at = text.indexOf(digits, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + digits.length);
    if (
      !/[\d.,]/.test(before) &&
      !/\d/.test(after) &&
      !/[.,]\d/.test(text.slice(at + digits.length, at + digits.length + 2))
    )
      return true;
  }
  return false;
}

const INNER = /\/(?:(?:anyOf|oneOf)\/\d+|contains|propertyNames)\//;

/** Keywords whose message names the field itself, so it goes without the field's label in front. */
const NOT_ALLOWED = new Set(['additionalProperties', 'unevaluatedProperties']);

/**
 * Whether a problem is a field the value may not have at all: removing it is the fix, no value would do. A problem
 * whose keyword is not known (undefined) is not one.
 */
export function isUnwanted(problem: { keyword?: string | undefined }): boolean {
  const { keyword } = problem;
  return keyword !== undefined && (NOT_ALLOWED.has(keyword) || keyword === 'false schema');
}

/** Keywords about a property the value lacks, which their `missingProperty` names. */
const MISSING_PROPERTY = new Set(['required', 'dependentRequired', 'dependencies']);

/**
 * The property an error is about, where it is not the value at the error's instancePath but one inside it: the
 * field a `required` or `dependentRequired` misses, one an object may not have, a field name that is not allowed.
 */
function namedProperty(e: ErrorObject): string | null {
  const p = e.params as Record<string, unknown>;
  if (MISSING_PROPERTY.has(e.keyword)) return String(p.missingProperty);
  switch (e.keyword) {
    case 'additionalProperties':
      return String(p.additionalProperty);
    case 'unevaluatedProperties':
      return String(p.unevaluatedProperty);
    case 'propertyNames':
      return String(p.propertyName);
    default:
      return null;
  }
}

/**
 * A pointer as people read a field's path: `history.2.date`. People count history entries from 1, as every message
 * that names an entry does; the pointer itself (in --json, and for line numbers) stays JSON Pointer, from 0.
 */
function displayPointer(pointer: string): string {
  // A top-level field without an escape, as most are, is its name.
  if (pointer.indexOf('/', 1) === -1 && !pointer.includes('~')) return pointer.slice(1);
  return pointer
    .slice(1)
    .split('/')
    .map(unescapePointerToken)
    .map((s, i, all) => (i === 1 && all[0] === 'history' && /^\d+$/.test(s) ? String(Number(s) + 1) : s))
    .join('.');
}

/** The schema of the value an error is about: for `required`, the missing property's own schema. */
function subjectSchema(e: ErrorObject): Record<string, unknown> | null {
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  if (!parent) return null;
  if (MISSING_PROPERTY.has(e.keyword)) {
    return (
      (ownValue(parent.properties, String(e.params.missingProperty)) as Record<string, unknown> | undefined) ?? null
    );
  }
  return parent;
}

function localizedKeyword(schema: Record<string, unknown> | null, keyword: string): Localized | null {
  const value = schema?.[keyword];
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as Localized).sv === 'string' &&
    typeof (value as Localized).en === 'string'
  ) {
    return value as Localized;
  }
  return null;
}

/** `/history/<i>/<key>`: a key of one history entry, which a message names by the entry's number, from 1. */
const HISTORY_KEY = /^\/history\/(\d+)\/([^/]+)$/;

export function fieldLabel(schema: Record<string, unknown> | null, pointer: string, lang: Lang): string {
  const entry = HISTORY_KEY.exec(pointer);
  if (entry)
    return t(lang, 'p.historyEntryKey', { n: Number(entry[1]) + 1, key: unescapePointerToken(entry[2] ?? '') });
  const name = displayPointer(pointer) || '(front matter)';
  const title =
    localizedKeyword(schema, 'x-title')?.[lang] ?? (typeof schema?.title === 'string' ? schema.title : null);
  return title ? `${title} [${name}]` : name;
}

function problemText(e: ErrorObject, lang: Lang): string {
  const p = e.params as Record<string, unknown>;
  const say = (key: MessageKey, params: Params = {}) => t(lang, key, params);
  switch (e.keyword) {
    case 'required':
      return say('p.required');
    case 'type': {
      const types = String(p.type).split(',');
      return say('p.type', {
        type: orWords(
          types.map((ty) => typeWord(ty, lang)),
          lang,
        ),
      });
    }
    case 'enum':
      return say('p.enum', { values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const':
      return p.allowedValue === true ? say('p.constTrue') : say('p.const', { value: JSON.stringify(p.allowedValue) });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return say(`p.${e.keyword}`, { limit: Number(p.limit) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minProperties':
    case 'maxProperties':
      return say(`p.${e.keyword}`, { limit: Number(p.limit) });
    case 'multipleOf':
      return say('p.multipleOf', { limit: Number(p.multipleOf) });
    case 'contains':
      return p.maxContains === undefined
        ? say('p.contains', { min: Number(p.minContains) })
        : say('p.containsBetween', { min: Number(p.minContains), max: Number(p.maxContains) });
    case 'propertyNames':
      return say('p.propertyName', { name: String(p.propertyName) });
    case 'not':
      return say('p.not');
    case 'false schema':
      return say('p.false');
    case 'dependentRequired':
    case 'dependencies':
      return say('p.dependentRequired', { property: String(p.property) });
    case 'unevaluatedItems':
    case 'additionalItems':
    case 'items':
      return say('p.maxItems', { limit: Number(p.limit) });
    case 'uniqueItems':
      return say('p.uniqueItems');
    case 'pattern':
      return say('p.pattern', { pattern: String(p.pattern) });
    case 'format': {
      const f = String(p.format);
      const known = ['date', 'date-time', 'email', 'uri'].includes(f);
      return say('p.format', { format: known ? t(lang, `format.${f}` as MessageKey) : f });
    }
    case 'additionalProperties':
      return say('p.additional', { property: String(p.additionalProperty) });
    case 'unevaluatedProperties':
      return say('p.additional', { property: String(p.unevaluatedProperty) });
    case 'anyOf':
    case 'oneOf':
      return say('p.anyOf');
    default:
      // A keyword without words of its own (ajv's message is English): named as the schema has it.
      return say('p.other', { keyword: e.keyword });
  }
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

function typeWord(type: string, lang: Lang): string {
  return JSON_TYPES.has(type) ? t(lang, `type.${type}` as MessageKey) : type;
}
