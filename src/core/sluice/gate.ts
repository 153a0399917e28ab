import type { RegistryConfig, Stage } from './config.js';
import type { IdeaFields } from './idea.js';
import { challengeProblem } from './challenge.js';
import { orWords, t, type MessageKey } from '../i18n/i18n.js';
import { describeErrors, fieldLabel, type SchemaProblem, type Validator } from '../criteria/schema-check.js';
import { escapePointerToken } from '../json-pointer.js';
import { isRecord } from '../safe-object.js';

/** Whether an idea may move from its stage into another, and what is missing if not. */
export interface Gate {
  from: Stage;
  to: Stage;
  /** The config lists `to` among the stage's next stages. */
  allowed: boolean;
  /** What the idea lacks to stand in `to`, in plain words, each naming its field. */
  missing: SchemaProblem[];
  open: boolean;
}

export function checkGate(
  idea: IdeaFields,
  to: Stage,
  config: RegistryConfig,
  base: Validator,
  criteria: Validator | undefined,
): Gate {
  const from = idea.stage;
  const allowed = from.next.includes(to.key);
  const missing = missingFor(idea.data, config, base, criteria);
  return { from, to, allowed, missing, open: allowed && missing.length === 0 };
}

/**
 * What a front matter lacks to stand in a stage: what the base schema and the stage's criteria find (each said once),
 * and the challenge rule. The gate of a move, and the gate an imported idea enters its stage through.
 */
export function missingFor(
  data: Record<string, unknown>,
  config: RegistryConfig,
  base: Validator,
  criteria: Validator | undefined,
): SchemaProblem[] {
  const missing: SchemaProblem[] = [];
  if (!base(data)) missing.push(...describeErrors(base.errors));
  if (criteria && !criteria(data)) {
    const seen = new Set(missing.map((m) => m.pointer));
    for (const p of describeErrors(criteria.errors)) if (!seen.has(p.pointer)) missing.push(p);
  }
  const challenge = challengeProblem(config, data);
  if (challenge)
    missing.push({ pointer: '/challenge', field: 'challenge', keyword: 'enum', message: challenge.message });
  return missing;
}

/** The stage an approval leads to: the first of the stage's next stages, which the config lists forward first. */
export function forwardStage(stage: Stage, config: RegistryConfig): Stage | undefined {
  const key = stage.next[0];
  return key === undefined ? undefined : config.stages.find((s) => s.key === key);
}

/**
 * What a screen says of one criterion: `met` only when the idea gives a value and the value meets it; `not-met` when
 * the criterion finds a problem (a required field missing, a value that breaks it); `not-given` when an optional
 * field is empty, which is neither. Every screen (site, review, show) asks this one function, so none shows a check
 * mark for a field no one filled in.
 */
export type CriterionStatus = 'met' | 'not-met' | 'not-given';

export interface ChecklistItem {
  field: string;
  label: string;
  status: CriterionStatus;
  /** What is wrong, when not met. */
  problem: string | null;
  /**
   * The field's schema in the gate's criteria, when it names the field's parts (`properties`, `items`): a screen shows
   * a record's keys by the titles it gives them.
   */
  schema?: Record<string, unknown>;
  /**
   * A criterion on a field a public output does not show (personal, aggregate-only, or a key no schema makes
   * public): it says nothing, not even the field's name or whether it is met, which would tell of its value (a
   * carrier's age under a minimum). A public checklist counts such items, and lists none.
   */
  withheld?: true;
}

/** A criterion a public output does not show: see ChecklistItem.withheld. */
const WITHHELD: ChecklistItem = { field: '', label: '', status: 'not-given', problem: null, withheld: true };

/** Whether a field holds a value: not absent, null, blank text, an empty list or an empty mapping. */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isGiven);
  if (typeof value === 'object') return Object.values(value).some(isGiven);
  return true;
}

/** The status of one criterion, from the idea's value for its field and whether the criterion found a problem. */
export function criterionStatus(value: unknown, problem: boolean): CriterionStatus {
  return problem ? 'not-met' : isGiven(value) ? 'met' : 'not-given';
}

/** How a checklist names a field: from the schema that names it, else the base schema's property (gateChecklist). */
export type FieldLabeler = (schema: Record<string, unknown> | null, field: string) => string;

/**
 * A checklist's field labels in `lang`: the schema's own title where it has one, else the base schema's
 * (`baseSchema`, schemas/idea.schema.json). Each label is found once per schema, as a screen of 10,000 ideas asks
 * for the same few again and again.
 */
export function fieldLabeler(baseSchema: Record<string, unknown>, lang: 'sv' | 'en'): FieldLabeler {
  const baseProps = (baseSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const found = new Map<Record<string, unknown> | null, Map<string, string>>();
  return (schema, field) => {
    const known = found.get(schema) ?? new Map<string, string>();
    found.set(schema, known);
    const own = schema?.['x-title'] || schema?.title ? schema : null;
    const label =
      known.get(field) ??
      fieldLabel(own ?? (Object.hasOwn(baseProps, field) ? (baseProps[field] ?? null) : null), `/${field}`, lang);
    known.set(field, label);
    return label;
  };
}

/** What a checklist knows of one criterion before it looks at an idea: made once per schema and labeler. */
interface Criterion {
  field: string;
  label: string;
  required: boolean;
  schema: Record<string, unknown> | null;
}

/**
 * The criteria a schema names, in checklist order (the required fields, then the rest of its properties), with their
 * labels: the same for every idea that stands at the gate, so made once for each schema (a site shows two checklists
 * for each of 10,000 ideas, against seven schemas).
 */
const criteriaOf = new WeakMap<FieldLabeler, WeakMap<Record<string, unknown>, Criterion[]>>();
const NO_CRITERIA: Record<string, unknown> = {};

function criteriaIn(criteriaSchema: Record<string, unknown> | undefined, label: FieldLabeler): Criterion[] {
  const schema = criteriaSchema ?? NO_CRITERIA;
  let bySchema = criteriaOf.get(label);
  if (!bySchema) criteriaOf.set(label, (bySchema = new WeakMap()));
  const known = bySchema.get(schema);
  if (known) return known;
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const names = [...new Set([...required, ...Object.keys(props)])];
  const made = names.map((field): Criterion => {
    const own = Object.prototype.hasOwnProperty.call(props, field) ? (props[field] ?? null) : null;
    return { field, label: label(own, field), required: required.includes(field), schema: own };
  });
  bySchema.set(schema, made);
  return made;
}

/** Keywords whose problem names a key of the idea's own (one the schema does not name): input, not a label. */
const NAMES_INPUT_KEY = new Set(['additionalProperties', 'unevaluatedProperties', 'propertyNames']);

/**
 * What a public output (`ideas site`) shows of each field: whether a top-level field is shown there at all, and
 * whether its public copy is the whole of it (nothing below it left out: a personal part of a public mapping, a key
 * no schema marks public).
 */
export interface ChecklistDisclosure {
  shown(field: string): boolean;
  whole(field: string): boolean;
}

/**
 * Every criterion of a gate, met or not: the fields the target's criteria name, and any other problem found.
 *
 * `disclosure`, for a public output (`ideas site`). A criterion on a field that is not shown says only that it is
 * there, not whether it is met nor what is wrong (the words of a check may quote a value: a key of a personal
 * mapping that a pattern refuses; "too young" says an age); nor does one on a field shown in part, whose problem may
 * lie in the part left out (a personal age in a public team). A problem found outside the criteria on such a field
 * is not named by the field either (the field is a key of the idea's, `propertyNames` or `additionalProperties` at
 * the top). A problem below a shown field is said in words of its own, which name no key, limit or message: its
 * place is a path of the idea's own keys.
 */
export function gateChecklist(
  gate: Gate,
  data: Record<string, unknown>,
  criteriaSchema: Record<string, unknown> | undefined,
  lang: 'sv' | 'en',
  label: FieldLabeler,
  disclosure?: ChecklistDisclosure,
): ChecklistItem[] {
  const hidden = (field: string) => disclosure !== undefined && !(disclosure.shown(field) && disclosure.whole(field));
  const criteria = criteriaIn(criteriaSchema, label);
  const items: ChecklistItem[] = criteria.map(({ field, label, required, schema }): ChecklistItem => {
    if (hidden(field)) return WITHHELD;
    const problem = gate.missing.find((m) => m.field === field);
    const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
    // An empty value (`field:` in YAML) is no value: not given, or not met when the criteria require one.
    if (value === null) {
      return required
        ? { field, label, status: 'not-met', problem: t(lang, 'criterion.emptyRequired') }
        : { field, label, status: 'not-given', problem: null };
    }
    // A value of the wrong kind (a number for a text, "yes" for yes or no) says so, whatever the field's x-message.
    if (schema && gate.missing.some((m) => m.pointer === `/${field}` && m.keyword === 'type')) {
      return {
        field,
        label,
        status: 'not-met',
        problem: t(lang, 'criterion.wrongType', { expected: typeWords(schema, lang) }),
      };
    }
    const text = problem ? problemWords(problem, lang, disclosure !== undefined) : null;
    return {
      field,
      label,
      status: criterionStatus(value, problem !== undefined),
      problem: text,
      ...(schema && (isRecord(schema.properties) || isRecord(schema.items)) ? { schema } : {}),
    };
  });
  const withheld = new Set<string>();
  for (const m of gate.missing) {
    if (criteria.some((c) => c.field === m.field)) continue;
    if (hidden(m.field)) {
      // One for each field, whatever it breaks.
      if (!withheld.has(m.field)) items.push(WITHHELD);
      withheld.add(m.field);
    } else
      items.push({
        field: m.field,
        label: m.field || '–',
        status: 'not-met',
        problem: (disclosure && publicWords(m, lang)) ?? m.message[lang],
      });
  }
  return items;
}

/**
 * What is wrong with a criterion's field, without the field's label and pointer that the checklist shows already; in a
 * public output (`public`), without a key of the idea's own.
 */
function problemWords(problem: SchemaProblem, lang: 'sv' | 'en', isPublic: boolean): string | null {
  const words = isPublic ? publicWords(problem, lang) : null;
  if (words !== null) return words;
  return problem.message[lang].replace(/ \[[^\]]*\]$/, '').replace(/^[^:]*\[[^\]]*\]: /, '');
}

/**
 * The words a public page says for a problem instead of its own, which name nothing: when it names a key of the
 * idea's own, or lies below the field, where its place (`budget.Lön Anna Berg`) is made of the idea's keys and its
 * message may describe a part that is not shown. Null when it is about the shown field's value as a whole, whose own
 * words (the field's label and the criterion's message) may stand.
 */
function publicWords(problem: SchemaProblem, lang: 'sv' | 'en'): string | null {
  if (NAMES_INPUT_KEY.has(problem.keyword)) return t(lang, 'criterion.keyNotAllowed');
  if (problem.pointer !== `/${escapePointerToken(problem.field)}`) return t(lang, 'criterion.innerNotMet');
  return null;
}

const TYPE_WORDS = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** The kinds of value a field's schema takes, in words: "a number", "text or a list". */
function typeWords(schema: Record<string, unknown>, lang: 'sv' | 'en'): string {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (x): x is string => typeof x === 'string' && TYPE_WORDS.has(x),
  );
  return orWords(
    types.map((x) => t(lang, `type.${x}` as MessageKey)),
    lang,
  );
}
