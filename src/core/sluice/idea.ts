import type { Stage } from './config.js';
import type { FrontMatter } from '../front-matter/front-matter.js';
import { nullProtoDeep } from '../safe-object.js';
import { detach } from '../front-matter/detach.js';
import { scalarText } from '../field-text.js';
import { isIsoDate } from '../criteria/date-format.js';

/**
 * An idea's fields as read from its file, without its text: all `ideas list` and `ideas report` need. The stage is
 * the folder's; the fields are the front matter's, untouched.
 */
export interface IdeaFields {
  id: string | null;
  title: string | null;
  created: string | null;
  carrier: string | null;
  coach: string | null;
  unit: string | null;
  challenge: string | null;
  tags: string[];
  /** Every field of the front matter as written. */
  data: Record<string, unknown>;
  stage: Stage;
  /** Relative to the registry root, with forward slashes. */
  path: string;
  abs: string;
}

/**
 * What `ideas list` shows of an idea: its fields without the rest of its front matter, and the money granted to it.
 * A list keeps this for every idea, not the whole front matter, and so does its cache: a fraction of the memory.
 */
export interface IdeaSummary extends Omit<IdeaFields, 'data'> {
  /** The sum of the amounts in the idea's history. */
  granted: number;
}

/**
 * An IdeaSummary without where the idea is, as the cache keeps it for a file: its values in a list, in this order.
 * A list is a quarter smaller than the same values under their names (`ideas list` at 10,000 ideas: its cache 3.4
 * to 2.6 MB, deserialized in 34 ms instead of 50, a second run's peak 84 to 82 MB).
 */
export type SummaryCells = [
  id: string | null,
  title: string | null,
  created: string | null,
  carrier: string | null,
  coach: string | null,
  unit: string | null,
  challenge: string | null,
  tags: string[],
  granted: number,
];

/** An idea as read from its file: its fields and the Markdown text after its front matter. */
export interface Idea extends IdeaFields {
  body: string;
}

export interface HistoryEntry {
  date: string;
  action: string;
  from?: string;
  to?: string;
  by?: string;
  /** A decision: the council members who declared a conflict of interest (jäv) and took no part. */
  conflicts?: string;
  note?: string;
  decision?: string;
  amount?: number;
  forced?: boolean;
  field?: string;
  old?: unknown;
  new?: unknown;
}

function tagsOf(d: Record<string, unknown>): string[] {
  return Array.isArray(d.tags) ? d.tags.filter((x): x is string => typeof x === 'string') : [];
}

/** The fields every view of an idea shows, from its front matter `d`. */
function described(d: Record<string, unknown>) {
  return {
    id: scalarText(d.id),
    title: scalarText(d.title),
    created: scalarText(d.created),
    carrier: scalarText(d.carrier),
    coach: scalarText(d.coach),
    unit: scalarText(d.unit),
    challenge: scalarText(d.challenge),
    tags: tagsOf(d),
  };
}

export function toIdeaFields(d: Record<string, unknown>, stage: Stage, path: string, abs: string): IdeaFields {
  // The readers give mappings without a prototype; one that comes back from the cache (v8.deserialize) has one.
  const data = Object.getPrototypeOf(d) === null ? d : nullProtoDeep(d);
  return Object.assign(described(data), { data, stage, path, abs });
}

/** scalarText(), copied out of the file's text (detach). */
function kept(value: unknown): string | null {
  const s = scalarText(value);
  return s === null ? null : detach(s);
}

/** What `ideas list` keeps of front matter `d`: see IdeaSummary. */
export function summaryCells(d: Record<string, unknown>): SummaryCells {
  // described()'s fields, without the object it makes: this runs for each of 10,000 files in a first `ideas list`.
  // Each a copy: the file's text is let go as soon as its cells are taken.
  return [
    kept(d.id),
    kept(d.title),
    kept(d.created),
    kept(d.carrier),
    kept(d.coach),
    kept(d.unit),
    kept(d.challenge),
    tagsOf(d).map(detach),
    grantedIn(d),
  ];
}

export function toIdeaSummary(cells: SummaryCells, stage: Stage, path: string, abs: string): IdeaSummary {
  // By index: a destructuring goes through the array's iterator, which code not yet optimized runs object by object.
  return {
    stage,
    path,
    abs,
    id: cells[0],
    title: cells[1],
    created: cells[2],
    carrier: cells[3],
    coach: cells[4],
    unit: cells[5],
    challenge: cells[6],
    tags: cells[7],
    granted: cells[8],
  };
}

export function toIdea(fm: Pick<FrontMatter, 'data' | 'body'>, stage: Stage, path: string, abs: string): Idea {
  // Assigned onto the fields, not spread into a fresh object: a spread cost ~10 µs an idea, four times as much.
  return Object.assign(toIdeaFields(fm.data, stage, path, abs), { body: fm.body });
}

/**
 * The actions an idea's history starts with, in its first entry and nowhere else: made here, imported from a file,
 * adopted from another member.
 */
export function isStartAction(action: unknown): action is 'created' | 'imported' | 'adopted' {
  return action === 'created' || action === 'imported' || action === 'adopted';
}

/**
 * Whether the history entry at `index` starts the idea again in a stage: a start action after the first entry, which
 * a report would count as entering that stage with no move, decision or gate behind it (`history/start-again`, said
 * by validate of a whole file and by diff of the entries a change appends). An `imported` entry without a stage is a
 * spreadsheet's update of the idea, which `ideas import` writes.
 */
export function startsAgain(entry: { action?: unknown; to?: unknown }, index: number): boolean {
  return index > 0 && isStartAction(entry.action) && typeof entry.to === 'string';
}

export function historyOf(idea: IdeaFields): readonly HistoryEntry[] {
  return historyIn(idea.data);
}

/**
 * The entries of a history: the list itself when every item is one, as nearly always. A report or a site asks for an
 * idea's history several times, and a copy each time was ~10 MB of garbage at 10,000 ideas; read-only, so that no
 * caller changes the idea's own list.
 */
function historyIn(d: Record<string, unknown>): readonly HistoryEntry[] {
  const h = d.history;
  if (!Array.isArray(h)) return [];
  return h.every(isHistoryEntry) ? (h as HistoryEntry[]) : h.filter(isHistoryEntry);
}

/** An item of `history` that is an entry (a mapping), as every reader of the history takes them. */
function isHistoryEntry(e: unknown): e is HistoryEntry {
  return e !== null && typeof e === 'object' && !Array.isArray(e);
}

/**
 * `value` when it is a calendar date as the criteria's `date` format checks it (YYYY-MM-DD, a day the month has), else
 * null: the one test every count of days, order of stays and period of a report puts a date to, so that a date
 * `ideas validate` refuses (`31.05.2025`, `2025-02-30`) is never read as some other day.
 */
export function calendarDate(value: unknown): string | null {
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}

/**
 * Whole days from a calendar date to today; null when the date is not one (calendarDate), or lies in the future
 * wherever on earth (latestToday): validate's created/future, which `ideas list` showed as 0 days old.
 */
export function daysSince(date: string | null, today: Date): number | null {
  const day = calendarDate(date);
  if (day === null) return null;
  const then = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // latestToday's day, as a number: `ideas list --json` asks this of each of 10,000 ideas.
  if (then > Math.floor((today.getTime() + LATEST_OFFSET_MS) / 86_400_000) * 86_400_000) return null;
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.max(0, Math.round((now - then) / 86_400_000));
}

/**
 * The date the idea came into its current stage: that of the last history entry that led there (null when that entry's
 * date is not a calendar date), else its creation's.
 */
export function enteredStageOn(idea: IdeaFields): string | null {
  const history = historyOf(idea);
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (e && e.to === idea.stage.key) return calendarDate(e.date);
  }
  return calendarDate(idea.created);
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** How far ahead of UTC the clock already is somewhere (Kiribati, UTC+14): a date there is not yet "the future". */
const LATEST_OFFSET_MS = 14 * 3_600_000;

/** The latest date it is anywhere on earth at `now`: a date after it lies in the future wherever it was written. */
export function latestToday(now: Date): string {
  return isoDate(new Date(now.getTime() + LATEST_OFFSET_MS));
}

/**
 * Whether `created` is a date after `today` (YYYY-MM-DD; latestToday, so that no time zone's today is taken for the
 * future): no idea is made in the future, and one that says it was is counted in no report up to today, while its
 * stage counts it in (a typo in a spreadsheet's cell, a web edit).
 */
export function createdAfter(created: unknown, today: string): created is string {
  return typeof created === 'string' && isIsoDate(created) && created > today;
}

/** The money granted to an idea: the sum of the amounts in its history. */
export function grantedAmount(idea: IdeaFields | IdeaSummary): number {
  return 'granted' in idea ? idea.granted : grantedIn(idea.data);
}

function grantedIn(d: Record<string, unknown>): number {
  // historyIn's entries, in their order, without the array it makes.
  const h = d.history;
  if (!Array.isArray(h)) return 0;
  let sum = 0;
  for (let i = 0; i < h.length; i++) {
    const e: unknown = h[i];
    if (isHistoryEntry(e)) sum += grantOf(e);
  }
  return sum;
}

/**
 * What a history entry grants: its amount where that is a number above 0 on an entry dated with a calendar date, as
 * the criteria accept it; else nothing. The one rule `ideas list --funds`, export, report, the site and the region
 * count money by: an amount on a date validate refuses, or below 0, was counted by some and not by others (found
 * from outside).
 */
export function grantOf(e: { amount?: unknown; date?: unknown }): number {
  const amount = e.amount;
  return typeof amount === 'number' && Number.isFinite(amount) && amount > 0 && calendarDate(e.date) !== null
    ? amount
    : 0;
}
