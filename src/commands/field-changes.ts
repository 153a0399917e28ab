/**
 * Fields set on an idea on the council's word (`ideas review`, `ideas decide --set`): each written with the least
 * change, as `ideas assign` writes a coach, with one `assigned` history entry per field that changed.
 */
import type { Ctx } from '../context.js';
import { appendHistoryEntry, setField } from '../core/front-matter/front-matter-edit.js';
import { isoDate, type Idea } from '../core/sluice/idea.js';
import { assignedEntry, type FieldChange } from '../core/sluice/idea-edit.js';
import { ownValue } from '../core/safe-object.js';
import { editText, readIdeaText, rewriteIdea, type WriteOutcome } from '../io/idea-write.js';
import type { Registry } from '../io/registry.js';

export type { FieldChange };

/** A value typed by the field's schema: text, a number, yes or no, a list, or a record. */
type FieldValue = unknown;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes the values that differ from the idea's, with their history entries, in one write; nothing when none do. */
export async function writeFieldChanges(
  registry: Registry,
  idea: Idea,
  values: readonly { field: string; value: FieldValue }[],
  by: string | undefined,
  ctx: Ctx,
  commitMessage: string | null = null,
): Promise<{ changes: FieldChange[]; outcome: WriteOutcome | null }> {
  const before = readIdeaText(idea);
  let text = before;
  const changes: FieldChange[] = [];
  for (const { field, value } of values) {
    const old = ownValue(idea.data, field);
    if (same(old, value)) continue;
    text = editText(idea, () => setField(text, field, value));
    const entry = assignedEntry(isoDate(ctx.clock()), field, old, value, by);
    text = editText(idea, () => appendHistoryEntry(text, entry));
    changes.push({ field, old: old ?? null, new: value });
  }
  if (changes.length === 0) return { changes, outcome: null };
  return { changes, outcome: await rewriteIdea(registry, idea, before, text, ctx.env, commitMessage) };
}
