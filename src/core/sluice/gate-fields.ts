/**
 * The fields a gate is missing, as questions: what the idea council completes in `ideas review` before it decides
 * (and what an editor of ideas can offer). Made from the target stage's criteria and the base idea schema, as the
 * questions of `ideas new` are (core/criteria/fields.ts): an enum or the config's challenges give choices, a boolean
 * a yes or no, and `x-description` is the help shown with the question.
 */
import { fieldSpec, typeFlagValue, type FieldSpec } from '../criteria/fields.js';
import { describeErrors, fieldLabel, type CompileSchema, type Validator } from '../criteria/schema-check.js';
import { IdeasError } from '../errors.js';
import type { Lang } from '../i18n/i18n.js';
import { ownValue } from '../safe-object.js';
import type { RegistryConfig } from './config.js';
import type { Gate } from './gate.js';

type Schema = Record<string, unknown>;

/** Fields the tool keeps itself, never asked for. */
const SYSTEM_FIELDS = new Set(['id', 'created', 'history', 'related', 'basedOn']);

export interface GateField {
  spec: FieldSpec;
  /** The field's title in the language, without the field's name in brackets: "Idécoach". */
  label: string;
  /** The schema's `x-description` in the language, shown as help with the question. */
  help: string | null;
  /** What the gate says is wrong with it. */
  problem: string;
  /** The idea's value now (absent, or one the gate refuses). */
  current: unknown;
}

function localized(schema: Schema, keyword: string, lang: Lang): string | null {
  const v = ownValue(schema, keyword);
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const text = ownValue(v, lang);
    if (typeof text === 'string') return text;
  }
  return null;
}

/** A field's title for a question: `x-title` (or `title`) in the language, or else its name. */
function fieldQuestionLabel(spec: FieldSpec, lang: Lang): string {
  return fieldLabel(spec.schema, `/${spec.name}`, lang).replace(/ \[[^\]]*\]$/, '');
}

/** One field as a question, whether or not a gate asks for it (a council may also change the coach, say). */
export function fieldQuestion(
  name: string,
  base: Schema,
  criteria: Schema | undefined,
  config: RegistryConfig,
  lang: Lang,
  data: Record<string, unknown>,
  problem = '',
): GateField {
  const spec = fieldSpec(name, base, criteria ? [criteria] : [], config, lang, true);
  return {
    spec,
    label: fieldQuestionLabel(spec, lang),
    help: localized(spec.schema, 'x-description', lang),
    problem,
    current: ownValue(data, name),
  };
}

/**
 * The top-level fields a closed gate asks for, in the order of its checklist: one question each, made from
 * the target's criteria (`criteria`) over the base schema. Problems that no answer to a field can mend (a move the
 * config does not allow, a nested value, a system field, a read-only one) are left out.
 */
export function gateFields(
  gate: Gate,
  base: Schema,
  criteria: Schema | undefined,
  config: RegistryConfig,
  lang: Lang,
  data: Record<string, unknown>,
): GateField[] {
  const out: GateField[] = [];
  for (const m of gate.missing) {
    const name = m.field;
    const topLevel = m.pointer === `/${name}`;
    if (!name || !topLevel || SYSTEM_FIELDS.has(name) || out.some((f) => f.spec.name === name)) continue;
    const question = fieldQuestion(
      name,
      base,
      criteria,
      config,
      lang,
      data,
      m.message[lang].replace(/ \[[^\]]*\]$/, ''),
    );
    if (question.spec.schema.readOnly === true) continue;
    out.push(question);
  }
  // In the order the gate's checklist shows them: the criteria's required fields, then its other properties.
  const order = [
    ...(Array.isArray(criteria?.required) ? (criteria.required as unknown[]) : []),
    ...Object.keys((criteria?.properties ?? {}) as object),
  ];
  const rank = (f: GateField) => (order.includes(f.spec.name) ? order.indexOf(f.spec.name) : order.length);
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * An answer typed at a question, as the field's value: typed by the field's schema (`ja` is true, `40 000` a
 * number) and checked against it, compiled by `compile` (io/schemas.ts's compileCriteria). Returns the value, or
 * the problem in plain words.
 */
export function readFieldAnswer(
  spec: FieldSpec,
  raw: string | boolean | string[],
  lang: Lang,
  compile: CompileSchema,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value =
      typeof raw === 'boolean'
        ? raw
        : spec.kind === 'text' || spec.kind === 'select'
          ? typeFlagValue(spec, [typeof raw === 'string' ? raw.trim() : raw.join(',')])
          : typeFlagValue(spec, typeof raw === 'string' ? [raw] : raw);
  } catch (e) {
    return { ok: false, problem: e instanceof IdeasError ? e.messageIn(lang) : String(e) };
  }
  const problem = schemaProblem(spec, value, lang, compile);
  return problem === null ? { ok: true, value } : { ok: false, problem };
}

function schemaProblem(spec: FieldSpec, value: unknown, lang: Lang, compile: CompileSchema): string | null {
  let validate: Validator;
  try {
    validate = compile(spec.schema, `gate-field:${spec.name}:${JSON.stringify(spec.schema)}`);
  } catch {
    // A field's schema that does not compile alone (a $ref to its document): the gate checks it when the idea moves.
    return null;
  }
  if (validate(value)) return null;
  const first = describeErrors(validate.errors)[0];
  return first ? first.message[lang].replace(/ \[[^\]]*\]$/, '').replace(/^[^:]*: /, '') : null;
}
