/**
 * The questions of `ideas new`, generated from the first stage's schema (the base schema plus its criteria): a
 * string gives a text input, an enum a select, a boolean a confirm, an array of enums a checkbox. The same
 * description types the values given with `--set key=value`.
 */
import type { RegistryConfig } from '../sluice/config.js';
import { IdeasError } from '../errors.js';
import type { Lang } from '../i18n/i18n.js';
import { isRecord, ownValue } from '../safe-object.js';
import { fieldLabel } from './schema-check.js';

type Schema = Record<string, unknown>;

export type FieldKind = 'text' | 'number' | 'integer' | 'select' | 'confirm' | 'checkbox' | 'list';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  schema: Schema;
  /** For select and checkbox; `aliases` are other spellings that mean the value (a challenge's labels). */
  choices: { value: string; label: string; aliases?: string[] }[];
}

/** Fields set by the tool, never asked for. */
const SYSTEM_FIELDS = new Set(['id', 'created', 'history', 'related', 'basedOn']);
/** Base fields offered at intake even when no stage requires them; coach and contact come later in the sluice. */
const INTAKE_FIELDS = ['carrier', 'unit', 'challenge', 'tags'];

function properties(schema: Schema | undefined): Record<string, Schema> {
  const p = schema?.properties;
  return p && typeof p === 'object' ? (p as Record<string, Schema>) : {};
}

function requiredOf(schema: Schema | undefined): string[] {
  return Array.isArray(schema?.required)
    ? (schema.required as unknown[]).filter((x): x is string => typeof x === 'string')
    : [];
}

/** A field's schema, where the criteria's own definition adds to the base one. */
function mergedSchema(name: string, base: Schema, criteria: Schema[]): Schema {
  // Only a property the schema defines itself: `constructor` is no field because every object has one.
  let out: Schema = { ...((ownValue(properties(base), name) as Schema | undefined) ?? {}) };
  for (const c of criteria) {
    const own = ownValue(properties(c), name) as Schema | undefined;
    if (own) out = { ...out, ...own };
  }
  return out;
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The choices an enum offers, as text. An enum that holds objects or lists (as `const`/`enum` may compare data) is
 * not a list of choices: the field is asked as text and its schema checks the answer. Such values come from parsed
 * JSON without a prototype, which String() cannot even convert.
 */
function enumOf(schema: Schema): string[] | null {
  if (!Array.isArray(schema.enum)) return null;
  const values: unknown[] = schema.enum;
  return values.every(isScalar) ? values.map(String) : null;
}

function kindOf(schema: Schema): FieldKind {
  const type = schema.type;
  if (type === 'boolean' || typeof schema.const === 'boolean') return 'confirm';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'array') {
    const items = (schema.items ?? {}) as Schema;
    return enumOf(items) ? 'checkbox' : 'list';
  }
  return enumOf(schema) ? 'select' : 'text';
}

/**
 * A field's schema by its name, or by `record.key` for a key of a record (a field whose schema is an object with
 * properties, such as `team_gender.women`): the key's own schema inside the record's.
 */
function schemaOf(name: string, base: Schema, criteria: Schema[]): Schema {
  const dot = name.indexOf('.');
  if (dot === -1) return mergedSchema(name, base, criteria);
  const record = mergedSchema(name.slice(0, dot), base, criteria);
  return { ...((ownValue(properties(record), name.slice(dot + 1)) as Schema | undefined) ?? {}) };
}

export function fieldSpec(
  name: string,
  base: Schema,
  criteria: Schema[],
  config: RegistryConfig,
  lang: Lang,
  required: boolean,
): FieldSpec {
  const spec = specOf(name, schemaOf(name, base, criteria), required);
  if (name === 'challenge' && config.challenges.length > 0 && spec.kind === 'text') {
    spec.kind = 'select';
    spec.choices = config.challenges.map((c) => ({
      value: c.id,
      // People choose by the label; the key is for files and flags (and is accepted there as well as the labels).
      label: c.label[lang],
      aliases: [c.label.sv, c.label.en],
    }));
  }
  return spec;
}

/** A field of this schema: its kind, and for a select or a checkbox the values of its enum as its choices. */
function specOf(name: string, schema: Schema, required: boolean): FieldSpec {
  const kind = kindOf(schema);
  const values = kind === 'select' ? enumOf(schema) : kind === 'checkbox' ? enumOf((schema.items ?? {}) as Schema) : [];
  return { name, kind, required, schema, choices: (values ?? []).map((v) => ({ value: v, label: v })) };
}

/**
 * A record's keys as fields of their own (`team_gender.women`, `team_gender.men`, ...), in its schema's order, each
 * required when the record is and its schema requires the key: what a prompt asks one at a time, as `--set` sets
 * them. Empty for a field that is no record.
 */
export function recordParts(spec: FieldSpec): FieldSpec[] {
  if (!isRecordSchema(spec.schema)) return [];
  const required = new Set(requiredOf(spec.schema));
  return Object.entries(properties(spec.schema)).map(([key, raw]) =>
    specOf(`${spec.name}.${key}`, isRecord(raw) ? { ...raw } : {}, spec.required && required.has(key)),
  );
}

/** The fields `ideas new` asks for, in order: the title, then what the first stage requires, then the rest. */
export function intakeFields(base: Schema, firstCriteria: Schema, config: RegistryConfig, lang: Lang): FieldSpec[] {
  const required = new Set([...requiredOf(base), ...requiredOf(firstCriteria)]);
  const names: string[] = [];
  const add = (n: string) => {
    if (!SYSTEM_FIELDS.has(n) && !names.includes(n)) names.push(n);
  };
  add('title');
  for (const n of requiredOf(base)) add(n);
  for (const n of requiredOf(firstCriteria)) add(n);
  for (const n of INTAKE_FIELDS) add(n);
  for (const n of Object.keys(properties(firstCriteria))) add(n);
  return names
    .filter((n) => n === 'title' || required.has(n) || !isReadOnly(mergedSchema(n, base, [firstCriteria])))
    .map((n) => fieldSpec(n, base, [firstCriteria], config, lang, required.has(n)));
}

function isReadOnly(schema: Schema): boolean {
  return schema.readOnly === true;
}

/** Every field a `--set` may name: the base fields and every stage's criteria fields, less the system ones. */
export function settableFields(base: Schema, allCriteria: Schema[]): string[] {
  const names = new Set<string>();
  for (const s of [base, ...allCriteria])
    for (const n of Object.keys(properties(s))) if (!SYSTEM_FIELDS.has(n)) names.add(n);
  return [...names];
}

/** Whether a field's schema is a record: an object whose keys its schema names (`team_gender: {women, men}`). */
export function isRecordSchema(schema: Schema): boolean {
  return schema.type === 'object' && Object.keys(properties(schema)).length > 0;
}

/**
 * The keys of the records among the settable fields, as `--set` names them: `team_gender.women`. A record cannot be
 * typed on a command line as a whole; each of its keys can, as a field of its own.
 */
export function recordKeys(base: Schema, allCriteria: Schema[]): string[] {
  const out: string[] = [];
  for (const name of settableFields(base, allCriteria)) {
    const schema = mergedSchema(name, base, allCriteria);
    if (isRecordSchema(schema)) for (const key of Object.keys(properties(schema))) out.push(`${name}.${key}`);
  }
  return out;
}

/** The keys of a record a gate asks for: those it requires, or else all it names. */
export function recordFields(schema: Schema): string[] {
  const required = requiredOf(schema).filter((k) => Object.hasOwn(properties(schema), k));
  return required.length > 0 ? required : Object.keys(properties(schema));
}

/**
 * Values given by name, with a record's keys (`team_gender.women`) folded into their record: the idea's record as
 * it is (or the one given for it), with those keys set, or removed where the value is undefined. Other names pass
 * as they are, in order.
 */
export function foldRecordKeys(
  values: ReadonlyMap<string, unknown>,
  data: Record<string, unknown>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, value] of values) {
    const dot = name.indexOf('.');
    if (dot === -1) {
      out.set(name, value);
      continue;
    }
    const field = name.slice(0, dot);
    const had = out.has(field) ? out.get(field) : ownValue(data, field);
    const record: Record<string, unknown> =
      had !== null && typeof had === 'object' && !Array.isArray(had) ? { ...(had as Record<string, unknown>) } : {};
    const key = name.slice(dot + 1);
    if (value === undefined) delete record[key];
    else Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    out.set(field, Object.keys(record).length > 0 ? record : undefined);
  }
  return out;
}

const TRUE = new Set(['true', 'yes', 'ja', 'y', 'j', '1']);
const FALSE = new Set(['false', 'no', 'nej', 'n', '0']);

/**
 * Types the raw texts of `--set name=...` (given once, or several times for a list) by the field's schema. The one
 * reading of a value that flags, prompts and spreadsheet cells share (import-rows.ts calls it too), so that all
 * three agree: a choice matches whatever its case (the schema's spelling is stored), a challenge may be given by
 * its label, and a number is read as Swedes write it (see parseNumberText), `from` a person or a table.
 */
export function typeFlagValue(spec: FieldSpec, raw: string[], from: NumberSource = 'typed'): unknown {
  // The field by its label, with its name in brackets, as every finding names one.
  const field = () => ({
    sv: fieldLabel(spec.schema, `/${spec.name}`, 'sv'),
    en: fieldLabel(spec.schema, `/${spec.name}`, 'en'),
  });
  const fail = (problem: string): never => {
    throw new IdeasError('INVALID_ANSWER', 'err.invalidAnswer', { field: field(), problem });
  };
  const choose = (value: string): string => {
    if (spec.choices.length === 0) return value;
    const found = matchChoice(spec.choices, value);
    // Named as people choose them: by their labels in the registry's language (taken here as well as the keys).
    // Each choice as it may be given: by its label, or by its id where that is another word (a challenge's).
    const named = spec.choices.map((c) => (c.label === c.value ? c.label : `${c.label} (${c.value})`));
    return found ?? fail(`"${value}" (${named.join(', ')})`);
  };
  const number = (value: string, integer: boolean): number => {
    const n = parseNumberText(value, from);
    if (n === null || (integer && !Number.isInteger(n)))
      throw new IdeasError('INVALID_ANSWER', integer ? 'err.notAnInteger' : 'err.notANumber', {
        field: field(),
        value,
      });
    return n;
  };
  if (spec.kind === 'list' || spec.kind === 'checkbox') {
    const items = raw
      .flatMap((r) => r.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(choose);
    const itemType = ((spec.schema.items ?? {}) as Schema).type;
    if (itemType === 'integer' || itemType === 'number') return items.map((s) => number(s, itemType === 'integer'));
    return items;
  }
  if (raw.length > 1) fail(`given ${raw.length} times`);
  const value = (raw[0] ?? '').trim();
  switch (spec.kind) {
    case 'confirm': {
      const v = value.toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      return fail(`"${value}" (true/false, ja/nej)`);
    }
    case 'integer':
    case 'number':
      return number(value, spec.kind === 'integer');
    case 'select':
      return choose(value);
    default:
      return value;
  }
}

/** The choice a text names: its value or one of its aliases, whatever the case; null when none. */
function matchChoice(choices: FieldSpec['choices'], text: string): string | null {
  const exact = choices.find((c) => c.value === text);
  if (exact) return exact.value;
  const lower = text.trim().toLocaleLowerCase('sv');
  const found = choices.find(
    (c) =>
      c.value.toLocaleLowerCase('sv') === lower || (c.aliases ?? []).some((a) => a.toLocaleLowerCase('sv') === lower),
  );
  return found ? found.value : null;
}

// Spaces that group thousands: a space, a no-break space (what Excel and Word put there), a narrow no-break space
// and a thin space.
const NUMBER_TEXT = /^([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:[.,](\d+))?$/;
const GROUPS = /[ \u00a0\u202f\u2009]/g;
const CURRENCY = /[\s\u00a0\u202f\u2009]*(?:kr\.?|kronor|sek|:-)$/i;

/**
 * One to three digits, a point or a comma, and exactly three digits: `30.000` is thirty thousand to many who write
 * it, and thirty to Number(); `1,500` the same the other way. Neither reading is taken from a person.
 */
const TWO_READINGS = /^[-\u2212]?\d{1,3}[.,]\d{3}$/;

/**
 * Where a number's text comes from: typed by a person (a flag, a prompt), or a cell of a table (a CSV file), which
 * a program wrote with its decimal separator (`ideas export` writes 2.125 as `2,125` in Swedish).
 */
export type NumberSource = 'typed' | 'table';

/**
 * A number as a Swede writes it: `45000`, `45 000`, `45 000 kr`, `45 000:-`, `45,5` or `45.5`; null for anything
 * else. Number() alone would take `1e6`, `0x10` and ` ` (0), which no one means as an amount. Typed by a person,
 * `30.000`, which reads two ways (TWO_READINGS), is refused rather than guessed: a grant read as 30 kr was meant as
 * 30 000. In a table's cell it is a decimal, as the program that wrote it meant.
 */
/** An amount of money as a person types it (parseNumberText): none below zero, nor a "-0". */
export function parseAmountText(text: string): number | null {
  const n = parseNumberText(text);
  if (n === null || n < 0 || Object.is(n, -0)) return null;
  // At most 15 digits, which every number holds exactly: 9 007 199 254 740 993 was written as ...992.
  const digits = text.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length <= MAX_AMOUNT_DIGITS ? n : null;
}

/** The most digits an amount may have: what a double holds exactly, whatever the digits. */
const MAX_AMOUNT_DIGITS = 15;

export function parseNumberText(text: string, from: NumberSource = 'typed'): number | null {
  const s = text.trim().replace(CURRENCY, '').trim();
  if (from === 'typed' && TWO_READINGS.test(s)) return null;
  const m = NUMBER_TEXT.exec(s);
  if (!m) return null;
  const whole = (m[2] as string).replace(GROUPS, '');
  const n = Number(`${m[1] ? '-' : ''}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}`);
  return Number.isFinite(n) ? n : null;
}
