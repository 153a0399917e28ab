/**
 * An idea's path through the stages, read from its history: one stay per stage it stood in, with the dates it came
 * and went. Every entry with a `to` (created, imported, moved, a decision that moved it) starts a stay; an entry
 * whose `to` is the stage the idea already stands in changes nothing.
 */
import { calendarDate, historyOf, type IdeaFields } from '../sluice/idea.js';

export interface Stay {
  stage: string;
  /** ISO date it came into the stage; null when no history says (a file moved by hand). */
  entered: string | null;
  /** ISO date it left the stage; null while it is still there, or when no history says. */
  left: string | null;
}

/**
 * The stays in order. An idea whose history starts with a move (its creation not recorded) stood in that move's
 * `from` stage since it was created. When the last stay is not the stage of the folder (a file moved by hand, which
 * `validate` warns about), the folder wins: the idea stands there now, since a date no one recorded.
 */
export function staysOf(idea: IdeaFields): Stay[] {
  const moves = historyOf(idea)
    .map((e, i) => ({ e, i, date: calendarDate(e.date) }))
    .filter((m): m is typeof m & { date: string } => m.date !== null && typeof m.e.to === 'string' && m.e.to !== '')
    // The history is written in order; sorting by date (stably) only guards against a hand-edited one.
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const created = calendarDate(idea.created);
  const stays: Stay[] = [];
  const first = moves[0];
  if (
    first &&
    first.e.action !== 'created' &&
    first.e.action !== 'imported' &&
    first.e.action !== 'adopted' &&
    typeof first.e.from === 'string' &&
    created !== null &&
    created <= first.date
  ) {
    stays.push({ stage: first.e.from, entered: created, left: null });
  }
  for (const { e, date } of moves) {
    const to = e.to as string;
    const current = stays[stays.length - 1];
    if (current && current.stage === to) continue;
    if (current) current.left = date;
    stays.push({ stage: to, entered: date, left: null });
  }
  const last = stays[stays.length - 1];
  if (!last) return [{ stage: idea.stage.key, entered: created, left: null }];
  if (last.stage !== idea.stage.key) stays.push({ stage: idea.stage.key, entered: null, left: null });
  return stays;
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / 86_400_000);
}

/**
 * A date's milliseconds, each date worked out once: a report over 10,000 ideas asks for the same few thousand dates
 * tens of thousands of times. At most MAX_DATES are kept, a bound on what a hostile history can make it hold.
 */
function msOf(date: string): number {
  let ms = knownDates.get(date);
  if (ms === undefined) {
    ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    if (knownDates.size < MAX_DATES) knownDates.set(date, ms);
  }
  return ms;
}

const knownDates = new Map<string, number>();
const MAX_DATES = 20_000;

/** The stay an idea stood in on a day, or null when it did not exist yet (or no history says). */
export function stayOn(stays: readonly Stay[], date: string): Stay | null {
  let found: Stay | null = null;
  for (const s of stays) if (s.entered !== null && s.entered <= date) found = s;
  if (found && found.left !== null && found.left <= date) {
    // Left on or before the day without a later dated stay: the next stay (moved by hand) holds it, date unknown.
    const next = stays[stays.indexOf(found) + 1];
    return next ?? null;
  }
  return found;
}
