/**
 * An override: the council (or a coordinator) moved an idea past a closed gate, and its history says so with
 * `forced: true`. That is a decision, not a mistake in the file: until the idea leaves the stage it was forced into,
 * what its criteria lack is reported as a warning naming who overrode and when (an error under `validate --strict`),
 * and `ideas report` lists it. One definition, read by validate, report and anything else that asks.
 */
import type { HistoryEntry } from './idea.js';
import { shownText } from '../field-text.js';

export interface Override {
  /** The stage the idea was forced into. */
  stage: string;
  /** The index of the history entry that forced it. */
  index: number;
  date: string | null;
  by: string | null;
  /** `moved` or `decided` (a forced approval). */
  action: string;
}

/**
 * The override an idea stands on in `stage`, the stage it stands in, from its history: the last history entry that
 * led somewhere, when it led to that stage and says `forced: true` (the boolean; a text "true" is no record of a
 * decision). Null when the idea entered its stage through an open gate, or has left the stage it was forced into.
 */
export function overrideIn(history: readonly HistoryEntry[], stage: string): Override | null {
  const index = history.findLastIndex((e) => typeof e.to === 'string');
  const last = history[index];
  if (!last || last.to !== stage || last.forced !== true) return null;
  return {
    stage,
    index,
    date: shownText(last.date),
    by: shownText(last.by),
    action: shownText(last.action) ?? 'moved',
  };
}
