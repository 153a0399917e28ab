/**
 * What an edit of an idea's fields may change, and which changes the council must see in the idea's history: the
 * rules `ideas edit` obeys, and `ideas import` where a row updates an idea already there. The fields the tool keeps
 * itself (the id, the day the idea came in, the history, and what the base schema marks readOnly) are never changed.
 * Who carries and who coaches an idea, its amounts and decisions are what the council relies on: each change of one
 * is written as an `assigned` entry (as `ideas assign` writes it), with the old and the new value. Any other edit is
 * seen in git.
 */
import { ownValue } from '../safe-object.js';
import { isIsoDate } from '../criteria/date-format.js';
import { createdAfter } from './idea.js';
import { isAmountField } from './value-words.js';

type Schema = Record<string, unknown>;

/**
 * A field the tool keeps itself, which no edit changes: `id`, `created` (read, never rewritten: `ideas diff` reports
 * a change of it), `history` (appended to by the tool, never rewritten), and whatever the base schema marks readOnly
 * (the related ideas, the idea an adopted one is based on).
 */
export function isKeptField(name: string, base: Schema): boolean {
  if (name === 'id' || name === 'created' || name === 'history') return true;
  const own = ownValue(base.properties, name) as Schema | undefined;
  return own?.readOnly === true;
}

/**
 * Whether setting `created` from `old` to `next` on `today` sets a broken date right: one that is no date (`7/12
 * 2026`, typed in a web editor) or lies after today, to a date that is not after today. The one change of a kept
 * field an edit may make; it is written into the history (see planFieldEdit), and `ideas diff` says it as a repair.
 */
export function repairsCreated(old: unknown, next: unknown, today: string): boolean {
  return createdBroken(old, today) && typeof next === 'string' && isIsoDate(next) && next <= today;
}

/** Whether an idea's `created` is no date, or one after `today`: a date to set right (repairsCreated). */
export function createdBroken(created: unknown, today: string): boolean {
  return typeof created !== 'string' || !isIsoDate(created) || createdAfter(created, today);
}

/** The fields whose changes go into the history: the carrier, the coach, amounts and decisions, or `x-council`. */
export function isCouncilField(name: string, schema: Schema): boolean {
  if (schema['x-council'] === true) return true;
  if (schema['x-council'] === false) return false;
  if (name === 'carrier' || name === 'coach') return true;
  return isAmountField(name) || /(?:^|_)(?:decision|beslut)s?(?:_|$)/i.test(name);
}

export interface FieldChange {
  field: string;
  /** The value before; undefined when the idea had none. */
  old: unknown;
  /** The value after; undefined when the field is removed. */
  new: unknown;
}

/** The changes that change something: a value set to what it was, or a missing field removed, is no change. */
export function fieldChanges(data: Record<string, unknown>, wanted: ReadonlyMap<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of wanted) {
    const old = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
    if (sameValue(old, value)) continue;
    out.push({ field, old, new: value });
  }
  return out;
}

/** Values read from YAML or typed from a flag: plain data, compared by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The history entries of the changes the council must see, in the order of the changes. */
export function councilEntries(
  changes: readonly FieldChange[],
  schemaOf: (field: string) => Schema,
  date: string,
  by: string | undefined,
): Record<string, unknown>[] {
  return changes
    .filter((c) => isCouncilField(c.field, schemaOf(c.field)))
    .map((c) => assignedEntry(date, c.field, c.old, c.new, by));
}

/**
 * The history entry of a field set on an idea (`assigned`): `ideas assign`, the council's `--set` and answers, and
 * the changes of an edit the council must see all write it so. A field that had no value has no `old`; one removed
 * has `new: null`.
 */
export function assignedEntry(
  date: string,
  field: string,
  old: unknown,
  value: unknown,
  by: string | undefined,
): Record<string, unknown> {
  const entry: Record<string, unknown> = { date, action: 'assigned', field };
  if (old !== undefined && old !== null) entry.old = old;
  entry.new = value === undefined ? null : value;
  if (by) entry.by = by;
  return entry;
}

/** What an edit's rules need of the registry's schemas. */
export interface EditRules {
  /** The base schema of an idea: which fields the tool keeps. */
  base: Schema;
  /** A field's schema as every schema that names it describes it: whether the council must see its changes. */
  schemaOf: (field: string) => Schema;
  /** The latest date `created` may be set right to (latestToday): the entry's date otherwise. */
  latest?: string;
}

/** An edit's changes held to the rules: those it may not make, and the history entries of those it makes. */
export interface FieldEditPlan {
  /** Changes of fields the tool keeps: none of them may be made, and an edit with one is refused whole. */
  kept: FieldChange[];
  /** The `assigned` entries of the changes the council must see, to append after the edit. */
  entries: Record<string, unknown>[];
}

/** The one rule for every edit of an idea already there: `ideas edit`, and an import's row that updates one. */
export function planFieldEdit(
  changes: readonly FieldChange[],
  rules: EditRules,
  date: string,
  by: string | undefined,
): FieldEditPlan {
  const repair = (c: FieldChange) => c.field === 'created' && repairsCreated(c.old, c.new, rules.latest ?? date);
  const kept = changes.filter((c) => isKeptField(c.field, rules.base) && !repair(c));
  if (kept.length > 0) return { kept, entries: [] };
  // A date set right is in the history as the council's fields are: who changed it, from what.
  const schemaOf = (field: string) => (field === 'created' ? { 'x-council': true } : rules.schemaOf(field));
  return { kept, entries: councilEntries(changes, schemaOf, date, by) };
}
