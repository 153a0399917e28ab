/**
 * What `ideas edit` changes, and which changes the council must see in the idea's history. Who carries and who
 * coaches an idea, its amounts and decisions are what the council relies on: each change of one is written as an
 * `assigned` entry (as `ideas assign` writes it), with the old and the new value. Any other edit is seen in git.
 */

type Schema = Record<string, unknown>;

/** The fields whose changes go into the history: the carrier, the coach, amounts and decisions, or `x-council`. */
export function isCouncilField(name: string, schema: Schema): boolean {
  if (schema['x-council'] === true) return true;
  if (schema['x-council'] === false) return false;
  if (name === 'carrier' || name === 'coach') return true;
  return /(?:^|_)(?:amount|budget|belopp|decision|beslut)s?(?:_|$)/i.test(name);
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
    .map((c) => {
      const entry: Record<string, unknown> = { date, action: 'assigned', field: c.field };
      if (c.old !== undefined && c.old !== null) entry.old = c.old;
      entry.new = c.new === undefined ? null : c.new;
      if (by) entry.by = by;
      return entry;
    });
}
