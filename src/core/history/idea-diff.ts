/**
 * What a change does to a sluice, between two revisions, and which of its rules the change breaks. Ideas are
 * matched by their id, never by git's rename detection, which loses a file that is moved and edited in the same
 * commit (git sees a deletion and an addition once the text differs enough).
 *
 * The base decides the rules: `next`, `allowDelete`, `funding` and the criteria are the base's config's, so that a
 * change cannot loosen a rule and use the looser rule at once. Each side's config says which stage a folder is, so
 * an idea whose stage changes because the config changed has moved, and needs its history entry like any move.
 * An idea's id is the one its parsed front matter gives, never one guessed from its text or its file's name.
 */
import { decisionWord, isDecision } from '../sluice/decision.js';
import { councilMembers, sameName } from '../sluice/conflict.js';
import { councilAmountWords, councilCommand, councilLeadsInto, recordingCommand } from '../sluice/transition.js';
import { ideaWord, shellQuote } from '../shell/quote.js';
import { stageByKey, type RegistryConfig, type Stage } from '../sluice/config.js';
import { assignedWords } from '../sluice/value-words.js';
import { stageWord } from '../sluice/stage-lookup.js';
import { compareFindings, type Finding, type Severity } from '../finding.js';
import { MATTER_FIRST_LINE, readFrontMatter, type FrontMatterResult } from '../front-matter/front-matter.js';
import type { Gate } from '../sluice/gate.js';
import { t, type Lang, type MessageKey, type Params } from '../i18n/i18n.js';
import { ID_PATTERN } from '../sluice/id.js';
import { calendarDate, isoDate, isStartAction, latestToday, startsAgain, toIdea, type Idea } from '../sluice/idea.js';
import { repairsCreated } from '../sluice/idea-edit.js';
import { YamlPositions } from '../front-matter/positions.js';
import { formatAmount } from './minutes.js';
import { canonical } from './canonical.js';
import { byPath } from '../path-order.js';
import { scalarText } from '../field-text.js';

export { canonical } from './canonical.js';

/** One side of a comparison, as the user named it and as git resolved it. */
export interface RevisionSide {
  ref: string | null;
  commit: string | null;
  /** The commit is the merge base of `ref` and HEAD (or of the range's two ends). */
  mergeBase: boolean;
  worktree: boolean;
}

/** A file of the ideas folder at one revision: its path relative to the registry root, with forward slashes. */
export interface SnapshotFile {
  path: string;
  bytes: Uint8Array;
  /** Where it is on disk, for the working tree; empty for a file of a commit. */
  abs?: string;
}

/** A file's parse, shared by the two revisions when the file is the same at both: each blob is parsed once. */
interface Parse {
  result?: FrontMatterResult;
  /** Its id alone (see SnapshotIdea.id). */
  id?: string | null;
}

/** Why a file's id cannot be read, for the finding that says so. */
export interface IdProblem {
  message: MessageKey;
  params: Params;
}

/** An idea file at one revision, parsed when first asked. */
export class SnapshotIdea {
  private parse: Parse = {};
  private built: Idea | null | undefined;
  private located: YamlPositions | undefined;

  constructor(
    readonly path: string,
    readonly stage: Stage,
    readonly bytes: Uint8Array,
    private readonly abs: string,
  ) {}

  get frontMatter(): FrontMatterResult {
    return (this.parse.result ??= readFrontMatter(this.bytes));
  }

  /** The same file, byte for byte, at the other revision: its parse is this one's. */
  shareParse(other: SnapshotIdea): void {
    this.parse = other.parse;
    this.built = undefined;
  }

  /** Null when the file cannot be read as an idea. */
  get idea(): Idea | null {
    if (this.built === undefined) {
      const fm = this.frontMatter;
      this.built = fm.ok ? toIdea(fm, this.stage, this.path, this.abs) : null;
    }
    return this.built;
  }

  /**
   * The id of the parsed front matter, when it is text of an id's form; never a guess from the text or the name.
   * Every file's id pairs the two revisions, but only a file that changed is read whole: for the others the front
   * matter is read without the text after it, and only the id is kept (a diff of 10,000 ideas held all of them).
   */
  get id(): string | null {
    if (this.parse.id === undefined) {
      const fm = this.parse.result ?? readFrontMatter(this.bytes, { body: false });
      const value = fm.ok ? fm.data.id : undefined;
      // A copy, which does not hold on to the front matter's text it was cut from.
      this.parse.id = typeof value === 'string' && ID_PATTERN.test(value) ? ` ${value}`.slice(1) : null;
    }
    return this.parse.id;
  }

  /** Why the id cannot be read; null when it can, or when the file cannot be read at all. */
  get idProblem(): IdProblem | null {
    const idea = this.idea;
    if (!idea || this.id !== null) return null;
    const value = Object.prototype.hasOwnProperty.call(idea.data, 'id') ? idea.data.id : undefined;
    if (value === undefined || value === null) return { message: 'f.idMissing', params: {} };
    if (typeof value !== 'string') return { message: 'f.idNotText', params: { value: shortJson(value) } };
    return { message: 'f.idMalformed', params: { value: value.length > 60 ? `${value.slice(0, 59)}…` : value } };
  }

  /** Where a JSON pointer into the front matter is in the file. */
  position(pointer: string, preferKey = false): { line: number; column: number } | null {
    const fm = this.frontMatter;
    if (!fm.ok) return null;
    this.located ??= new YamlPositions(fm.matter, MATTER_FIRST_LINE);
    return this.located.find(pointer, preferKey);
  }
}

/** The registry at one revision: its config, which maps folders to stages, and its ideas. */
export interface Snapshot {
  config: RegistryConfig;
  ideas: SnapshotIdea[];
}

/** The ideas among a revision's files: those directly in a stage folder. The rest is validate's. */
export function readSnapshot(config: RegistryConfig, files: readonly SnapshotFile[]): Snapshot {
  const prefix = `${config.ideasDir}/`;
  const ideas: SnapshotIdea[] = [];
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const parts = file.path.slice(prefix.length).split('/');
    if (parts.length !== 2) continue;
    const [folder = '', name = ''] = parts;
    const stage = config.stages.find((s) => s.folder === folder);
    if (stage && name) ideas.push(new SnapshotIdea(file.path, stage, file.bytes, file.abs ?? ''));
  }
  return { config, ideas };
}

/** An idea removed from the registry before the base revision, found in git's log of deleted paths. */
export interface DeletedIdea {
  id: string;
  path: string;
  /** The commit that deleted it. */
  commit: string;
  /** The idea as it was just before, or null when it could not be read. */
  idea: Idea | null;
}

export interface DiffOptions {
  lang: Lang;
  /** The base revision as people call it (`main`, a short commit), for hints. */
  baseName: string;
  /** Whether an idea at head, standing in `from`, meets the criteria of `to`: the base's stages and criteria. */
  gate: (idea: Idea, from: Stage, to: Stage) => Gate | null;
  /** Now: no entry may be dated after today, wherever on earth it already is. */
  now: Date;
  /** Ideas deleted before base whose ids come back at head (only those ids are asked for). */
  deletedBefore?: readonly DeletedIdea[];
  /** The two revisions' files by id, when already paired (see pairIdeas). */
  pairs?: Pairs;
  /** A field's label in `lang`, for findings that quote an entry naming a field: its key without one. */
  fieldLabel?: (field: string) => string;
  /** The head's challenges: a challenge an entry sets is said by its label, as `ideas show` says it. */
  challenges?: RegistryConfig['challenges'];
}

export interface IdeaRef {
  id: string;
  title: string | null;
  stage: Stage;
  path: string;
}

export interface MoveStep {
  from: string;
  to: string;
  date: string | null;
  forced: boolean;
}

export interface IdeaMove {
  id: string;
  title: string | null;
  path: string;
  /** Where the idea was at the base; null for a new idea that moved on from where it was created. */
  previousPath: string | null;
  from: Stage;
  to: Stage;
  /** The moves the new history entries record, in order; several when the idea went through more than one gate. */
  steps: MoveStep[];
  forced: boolean;
  /** Whether the idea at head meets the criteria of the stage it moved into; null when it cannot be read. */
  gate: Gate | null;
}

export interface DecisionAdded {
  id: string;
  title: string | null;
  path: string;
  date: string | null;
  action: string | null;
  decision: string | null;
  amount: number | null;
  from: string | null;
  to: string | null;
  by: string | null;
  /** Who declared jäv and took no part, as the entry names them. */
  conflicts: string | null;
  note: string | null;
  forced: boolean;
}

export interface FieldDiff {
  field: string;
  /** Null when the field was absent. */
  old: unknown;
  new: unknown;
}

export interface IdeaChange {
  id: string;
  title: string | null;
  path: string;
  fields: FieldDiff[];
  bodyChanged: boolean;
  /**
   * The entries the change adds to the history that no other list shows (the moves and the decisions and funds have
   * lists of their own): assignments, edits, imports. Each as written, and in words with its date.
   */
  history: { entry: unknown; words: string }[];
}

export interface IdeaDiff {
  added: IdeaRef[];
  removed: IdeaRef[];
  moved: IdeaMove[];
  decisions: DecisionAdded[];
  changed: IdeaChange[];
  findings: Finding[];
}

type Entry = Record<string, unknown>;

const asEntry = (v: unknown): Entry | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Entry) : null;
const field = (v: unknown, key: string): unknown => asEntry(v)?.[key];

function shortJson(v: unknown): string {
  const s = canonical(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** An idea's history as written: every element, objects or not, at its index in the file. */
function historyIn(idea: Idea): readonly unknown[] {
  const h = idea.data.history;
  return Array.isArray(h) ? h : [];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return Buffer.compare(a, b) === 0;
}

/**
 * The lines of a front matter from its `history` key to its end, as written (line ends aside); null when there is no
 * front matter or no such key. For a file that does not parse, whose history cannot be read as entries.
 */
function historyLines(bytes: Uint8Array): string[] | null {
  const lines = new TextDecoder()
    .decode(bytes)
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[0]?.replace(/^\uFEFF/, '') !== '---') return null;
  const close = lines.indexOf('---', 1);
  const matter = lines.slice(1, close === -1 ? lines.length : close);
  const at = matter.findIndex((l) => /^(?:history|"history"|'history')\s*:/.test(l));
  return at === -1 ? null : matter.slice(at);
}

/** A calendar date written as YYYY-MM-DD. */
function isDate(v: unknown): v is string {
  return calendarDate(v) !== null;
}

/**
 * Whether two ideas with one id are different ideas: every sign of identity that both carry (`created`, and the
 * date and action of the first history entry) differs. One changed sign alone is an edit, which other rules judge.
 */
export function isOtherIdea(a: Idea | null, b: Idea | null): boolean {
  if (!a || !b) return false;
  // By the day: a writer that makes every date a timestamp (js-yaml's dump of gray-matter's read writes 2026-03-14 as
  // 2026-03-14T00:00:00.000Z) changed the idea's dates, which its own rules say, not the idea it is.
  const signs = (i: Idea) => {
    const first = asEntry(historyIn(i)[0]);
    const date = first ? scalarText(first.date) : null;
    return [dayOf(i.created), first ? `${dayOf(date)}|${scalarText(first.action)}` : null];
  };
  const [sa, sb] = [signs(a), signs(b)];
  let compared = 0;
  for (let k = 0; k < sa.length; k++) {
    if (sa[k] === null || sb[k] === null) continue;
    if (sa[k] === sb[k]) return false;
    compared++;
  }
  return compared > 0;
}

/** A date, or the day of a timestamp (`2026-03-14T00:00:00.000Z` gives 2026-03-14); any other text as it is. */
function dayOf(text: string | null): string | null {
  return text !== null && /^\d{4}-\d{2}-\d{2}[Tt ]/.test(text) ? text.slice(0, 10) : text;
}

/** The members a history entry's `by` or `conflicts` names: a text of names separated by commas, or a list of them. */
function memberNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => councilMembers(scalarText(v) ?? ''));
  return councilMembers(scalarText(value) ?? '');
}

/** A history entry that moves the idea: it leads to a stage, and is not the idea's start. */
function isMoveEntry(e: unknown): boolean {
  const x = asEntry(e);
  return !!x && typeof x.to === 'string' && !isStartAction(x.action);
}

/** The files of one id at both revisions, each base file with the head file that continues it, if any. */
interface IdFiles {
  /** In the base's order of paths. */
  pairs: [base: SnapshotIdea, head: SnapshotIdea][];
  /** Base files no head file continues. */
  gone: SnapshotIdea[];
  /** Head files that continue no base file, in order of paths. */
  extra: SnapshotIdea[];
}

/**
 * Every file of an id at base is matched with one at head: the same path, then the same idea, then the next left.
 * Every file is compared, not one per id: an id the base already had in two files (a registry `ideas validate`
 * fails) had its second file rewritten or deleted unseen when only the first was.
 */
function matchFiles(base: readonly SnapshotIdea[], head: readonly SnapshotIdea[]): IdFiles {
  const left = [...head];
  const match = new Map<SnapshotIdea, SnapshotIdea>();
  const take = (test: (b: SnapshotIdea, h: SnapshotIdea) => boolean) => {
    for (const b of base) {
      if (match.has(b)) continue;
      const at = left.findIndex((h) => test(b, h));
      const h = at === -1 ? undefined : left.splice(at, 1)[0];
      if (h) match.set(b, h);
    }
  };
  take((b, h) => h.path === b.path);
  take((b, h) => !!h.idea && !!b.idea && !isOtherIdea(h.idea, b.idea));
  take(() => true);
  const pairs: IdFiles['pairs'] = [];
  const gone: SnapshotIdea[] = [];
  for (const b of base) {
    const h = match.get(b);
    if (h) pairs.push([b, h]);
    else gone.push(b);
  }
  return { pairs, gone, extra: left };
}

function groupById(ideas: readonly SnapshotIdea[], noId: SnapshotIdea[]): Map<string, SnapshotIdea[]> {
  const out = new Map<string, SnapshotIdea[]>();
  for (const i of [...ideas].sort(byPath)) {
    const id = i.id;
    if (id === null) {
      noId.push(i);
      continue;
    }
    const list = out.get(id);
    if (list) list.push(i);
    else out.set(id, [i]);
  }
  return out;
}

/** The files of both revisions by id, and those whose id cannot be read. */
export interface Pairs {
  base: Map<string, SnapshotIdea[]>;
  head: Map<string, SnapshotIdea[]>;
  baseNoId: SnapshotIdea[];
  headNoId: SnapshotIdea[];
  /** Head's files that are at the same path, byte for byte, at the base. */
  unchanged: Set<SnapshotIdea>;
}

/**
 * The files of both revisions by the ids their front matter gives. A file with the same path and bytes at both is
 * parsed once, for both; every file is parsed, since only its parsed front matter says what its id is.
 */
export function pairIdeas(base: Snapshot, head: Snapshot): Pairs {
  const before = new Map(base.ideas.map((i) => [i.path, i]));
  const unchanged = new Set<SnapshotIdea>();
  for (const h of head.ideas) {
    const b = before.get(h.path);
    if (b && sameBytes(b.bytes, h.bytes)) {
      h.shareParse(b);
      unchanged.add(h);
    }
  }
  const baseNoId: SnapshotIdea[] = [];
  const headNoId: SnapshotIdea[] = [];
  return {
    base: groupById(base.ideas, baseNoId),
    head: groupById(head.ideas, headNoId),
    baseNoId,
    headNoId,
    unchanged,
  };
}

/** How a history was rewritten: the first base entry that head no longer has where it was. */
export interface HistoryRewrite {
  index: number;
  kind: 'edited' | 'removed' | 'reordered';
}

/** Base's history must be a prefix of head's: the audit trail of the council's decisions is append-only. */
export function findHistoryRewrite(base: readonly unknown[], head: readonly unknown[]): HistoryRewrite | null {
  const b = base.map(canonical);
  const h = head.map(canonical);
  const index = b.findIndex((entry, i) => h[i] !== entry);
  if (index === -1) return null;
  const remaining = [...h];
  const lost = b.filter((entry) => {
    const at = remaining.indexOf(entry);
    if (at === -1) return true;
    remaining.splice(at, 1);
    return false;
  });
  if (lost.length === 0) return { index, kind: 'reordered' };
  // The entry in its place is one base does not have: that entry was changed (whatever changed in it, its date
  // too), not removed. An entry of base's in its place, or none, means base's entry is gone.
  const now = h[index];
  return { index, kind: now !== undefined && !b.includes(now) ? 'edited' : 'removed' };
}

/** What changed in a history entry, key by key in the entry's order: `date: 2026-02-01 → 2026-02-03, by: – → Eva`. */
function entryChanges(was: unknown, now: unknown): string {
  const a = was !== null && typeof was === 'object' ? (was as Record<string, unknown>) : {};
  const b = now !== null && typeof now === 'object' ? (now as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const shown = (o: Record<string, unknown>, k: string) => {
    if (!Object.hasOwn(o, k)) return '–';
    const v = o[k];
    return typeof v === 'string' && v.length <= 60 && v.trim() !== '' ? v : shortJson(v);
  };
  return keys
    .filter(
      (k) => canonical(Object.hasOwn(a, k) ? a[k] : undefined) !== canonical(Object.hasOwn(b, k) ? b[k] : undefined),
    )
    .map((k) => `${k}: ${shown(a, k)} → ${shown(b, k)}`)
    .join(', ');
}

/** The entries of head's history that base's does not have, with their index in head's. */
export function newEntries(base: readonly unknown[], head: readonly unknown[]): { entry: unknown; index: number }[] {
  const out: { entry: unknown; index: number }[] = [];
  if (findHistoryRewrite(base, head) === null) {
    for (let i = base.length; i < head.length; i++) out.push({ entry: head[i], index: i });
    return out;
  }
  // A rewritten history: the entries base does not have, less those that are base's lost entries edited (the same
  // date and action), which the rewrite finding names and which must not count as new moves or decisions.
  const remaining = base.map(canonical);
  const unmatched: { entry: unknown; index: number }[] = [];
  head.forEach((entry, index) => {
    const at = remaining.indexOf(canonical(entry));
    if (at === -1) unmatched.push({ entry, index });
    else remaining.splice(at, 1);
  });
  const lost = base.map((entry, index) => ({ entry, index })).filter((e) => remaining.includes(canonical(e.entry)));
  const same = (a: unknown, b: unknown, k: string) => scalarText(field(a, k)) === scalarText(field(b, k));
  for (const x of unmatched) {
    // Base's lost entry in the same place (changed in place, its date or action too), else one of the same date
    // and action (changed and moved).
    let edited = lost.findIndex((e) => e.index === x.index);
    if (edited === -1)
      edited = lost.findIndex((e) => same(e.entry, x.entry, 'date') && same(e.entry, x.entry, 'action'));
    if (edited === -1) out.push(x);
    else lost.splice(edited, 1);
  }
  return out;
}

function fieldChanges(base: Record<string, unknown>, head: Record<string, unknown>): FieldDiff[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => k !== 'history');
  return keys
    .filter((k) => canonical(base[k] ?? null) !== canonical(head[k] ?? null))
    .map((k) => ({ field: k, old: base[k] ?? null, new: head[k] ?? null }));
}

const normalizeBody = (body: string) => body.replace(/\r\n/g, '\n');

/** Where a walk through a history's new entries ended. */
interface Walk {
  steps: MoveStep[];
  /** The stage the last move led to, or the start. */
  current: string;
  /** The last move entry, and whether it was forced. */
  last: { index: number; forced: boolean } | null;
}

export function diffSnapshots(base: Snapshot, head: Snapshot, opts: DiffOptions): IdeaDiff {
  const { lang } = opts;
  // The base's config is the rules; head's only says which stage each of head's folders is.
  const rules = base.config;
  const today = isoDate(opts.now);
  const latest = latestToday(opts.now);
  const out: IdeaDiff = { added: [], removed: [], moved: [], decisions: [], changed: [], findings: [] };
  const stageOf = (key: string) => stageByKey(rules, key) ?? stageByKey(head.config, key);
  // A stage the base does not have is named with its key too: its label may be one the base gives another stage.
  const label = (key: string) => {
    const known = stageByKey(rules, key)?.label[lang];
    if (known !== undefined) return known;
    const other = stageByKey(head.config, key)?.label[lang];
    return other !== undefined && other !== key ? `${other} (${key})` : key;
  };

  const finding = (
    at: SnapshotIdea,
    pointer: string | null,
    rule: string,
    message: MessageKey,
    hint: MessageKey,
    params: Params = {},
    severity: Severity = 'error',
  ) => {
    // A finding about the whole history (an entry missing) lands on its key, not on its first entry.
    const pos = pointer !== null ? at.position(pointer, pointer === '/history') : null;
    out.findings.push({
      file: at.path,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      rule,
      severity,
      message: t(lang, message, params),
      // A hint's command names the idea, quoted for the shell, so that it runs as printed.
      hint: t(lang, hint, { idArg: shellQuote(ideaWord({ id: at.idea?.id ?? null, path: at.path })), ...params }),
    });
  };
  /** A history entry in words, as `ideas show` says it: "flyttad Förädling → Test". */
  const describe = (value: unknown): string => {
    const e = asEntry(value);
    if (!e) return value === undefined ? '–' : shortJson(value);
    const to = label(scalarText(e.to) ?? '?');
    if (e.action === 'moved') return t(lang, 'history.moved', { from: label(scalarText(e.from) ?? '?'), to });
    // An import's row that updated an idea already there leads nowhere.
    if (e.action === 'imported' && e.to === undefined) return t(lang, 'history.importedUpdate');
    if (isStartAction(e.action)) return t(lang, `history.${e.action}`, { to });
    if (e.action === 'decided')
      return t(lang, 'history.decided', {
        decision: isDecision(e.decision) ? decisionWord(e.decision, lang) : (scalarText(e.decision) ?? '?'),
      });
    // In the words every screen uses: yes or no, a list joined, a challenge by its label, an amount as money.
    if (e.action === 'assigned')
      return assignedWords(e, lang, {
        fieldLabel: (f) => opts.fieldLabel?.(f) ?? f,
        challenges: opts.challenges ?? [],
      });
    if (e.action === 'edited') return t(lang, 'history.edited');
    return scalarText(e.action) ?? '–';
  };
  const ref = (i: SnapshotIdea, id: string): IdeaRef => ({
    id,
    title: i.idea?.title ?? null,
    stage: i.stage,
    path: i.path,
  });
  /** The amount an entry grants, when it is a number. */
  const amountOf = (e: Record<string, unknown>): number | null =>
    typeof e.amount === 'number' && Number.isFinite(e.amount) ? e.amount : null;
  /** Whether an entry is among the decisions and funds (addDecisions): it has a decision, or an amount. */
  const decidesOrFunds = (e: Record<string, unknown>): boolean =>
    typeof e.decision === 'string' || amountOf(e) !== null;
  /** Whether the diff lists an entry among the moves or the decisions and funds. */
  const listedElsewhere = (entry: unknown): boolean => {
    const e = asEntry(entry);
    return e !== null && (e.action === 'moved' || decidesOrFunds(e));
  };
  const addDecisions = (i: SnapshotIdea, id: string, entries: { entry: unknown }[]) => {
    for (const { entry } of entries) {
      const e = asEntry(entry);
      if (!e || !decidesOrFunds(e)) continue;
      const amount = amountOf(e);
      out.decisions.push({
        id,
        title: i.idea?.title ?? null,
        path: i.path,
        date: scalarText(e.date),
        action: scalarText(e.action),
        decision: scalarText(e.decision),
        amount,
        from: scalarText(e.from),
        to: scalarText(e.to),
        by: scalarText(e.by),
        conflicts: scalarText(e.conflicts),
        note: scalarText(e.note),
        forced: e.forced === true,
      });
    }
  };

  /**
   * Walks the entries a change appends, from the stage `start` and after the date `lastDate`: each is dated in
   * order and not after today, each move leaves the stage the idea was in for one of its next stages (by the base's
   * config), money is granted only by a move into a stage that grants it, and every override is listed.
   */
  const walk = (
    h: SnapshotIdea,
    start: string,
    entries: { entry: unknown; index: number }[],
    lastDate: string | null,
  ): Walk => {
    const steps: MoveStep[] = [];
    let current = start;
    let previous = lastDate;
    let last: Walk['last'] = null;
    /** Each move's entry and stages, for the gates of the stages the idea passed through. */
    const moves: { index: number; from: string; to: string; forced: boolean }[] = [];
    for (const { entry, index } of entries) {
      const e = asEntry(entry) ?? {};
      const n = index + 1;
      const at = (key: string) => `/history/${index}/${key}`;
      if (!isDate(e.date)) {
        finding(h, at('date'), 'history/date-invalid', 'f.historyDateInvalid', 'h.historyDate', {
          n,
          date: e.date === undefined ? '–' : shortJson(e.date),
        });
      } else if (e.date > latest) {
        finding(h, at('date'), 'history/date-future', 'f.historyDateFuture', 'h.historyDate', {
          n,
          date: e.date,
          today,
        });
      } else {
        if (previous !== null && e.date < previous)
          finding(h, at('date'), 'history/date-order', 'f.historyDateOrder', 'h.historyDate', {
            n,
            date: e.date,
            previous,
          });
        if (previous === null || e.date > previous) previous = e.date;
      }
      // An idea starts once: an entry that starts it again in a stage is no move, and moves nothing (see startsAgain).
      if (startsAgain(e, index))
        finding(h, at('action'), 'history/start-again', 'f.historyStartAgain', 'h.historyStartAgain', {
          n,
          action: scalarText(e.action) ?? '',
        });
      const forced = e.forced === true;
      const move = isMoveEntry(e);
      const to = move ? (e.to as string) : current;
      if (move) {
        const from = scalarText(e.from);
        if (from !== current) {
          finding(h, `/history/${index}`, 'move/history-mismatch', 'f.moveFromMismatch', 'h.moveFromMismatch', {
            entryFrom: from ? label(from) : '–',
            entryTo: label(to),
            current: label(current),
          });
        } else if (!stageByKey(rules, to)) {
          // A stage only head's config has: no rule of the base leads there, forced or not.
          finding(h, at('to'), 'move/not-next', 'f.moveUnknownStage', 'h.moveNotNext', {
            to: label(to),
            base: opts.baseName,
          });
        } else {
          const stage = stageByKey(rules, current);
          if (stage && !stage.next.includes(to) && !forced) {
            finding(h, at('to'), 'move/not-next', 'f.moveNotNext', 'h.moveNotNext', {
              from: label(current),
              to: label(to),
              next: stage.next.map(label).join(', ') || '–',
            });
          }
        }
        // The council decides on moves into its stages (the base's `council: true`): such an entry is its decision.
        const into = stageByKey(rules, to);
        // Where the idea had stood by the base's history and the moves this change appends before this one: an entry
        // the change adds that is no move (`from: test` in a note) says nothing (ledBack).
        const before = h.idea ? historyIn(h.idea).slice(0, index) : [];
        if (into?.council === true && !councilLeadsInto(e.decision, stageByKey(rules, current), into, rules, before))
          finding(h, `/history/${index}`, 'decision/council', 'f.moveNoDecision', 'h.moveNoDecision', {
            n,
            to: label(to),
          });
        steps.push({ from: from ?? current, to, date: scalarText(e.date), forced });
        moves.push({ index, from: current, to, forced });
        last = { index, forced };
      }
      if (forced)
        finding(
          h,
          at('forced'),
          'move/forced',
          'f.moveForced',
          'h.moveForced',
          { n, from: label(move ? (scalarText(e.from) ?? current) : current), to: label(to) },
          'warning',
        );
      // Approving, parking and rejecting move the idea, in the entry that records the decision: one that moves nothing
      // says the council decided what the folder does not show (found from outside: such an entry passed, exit 0).
      // Only sending an idea back leaves it where it is.
      if (!move && isDecision(e.decision) && e.decision !== 'return')
        finding(h, `/history/${index}`, 'decision/no-move', 'f.decisionNoMove', 'h.decisionNoMove', {
          n,
          decision: decisionWord(e.decision, lang),
        });
      // A decision whose members all declared jäv has no one who took it, and a member who declared jäv takes no part
      // in it: `ideas decide` and `review` refuse the one and leave the member out of `by` in the other. `by` and
      // `conflicts` name members separated by commas (a list of names is read as well); a blank `by` names no one.
      const conflicted = typeof e.decision === 'string' ? memberNames(e.conflicts) : [];
      if (conflicted.length > 0) {
        const deciders = memberNames(e.by);
        const both = deciders.filter((d) => conflicted.some((c) => sameName(c, d)));
        if (deciders.length === 0)
          finding(h, `/history/${index}`, 'decision/no-decider', 'f.decisionNoDecider', 'h.decisionNoDecider', {
            n,
            conflicts: conflicted.join(', '),
          });
        else if (both.length > 0)
          finding(h, at('by'), 'decision/conflicted', 'f.decisionConflicted', 'h.decisionConflicted', {
            n,
            names: both.join(', '),
          });
      }
      if (e.amount !== undefined && e.amount !== null) {
        const amount = typeof e.amount === 'number' ? formatAmount(e.amount, lang) : shortJson(e.amount);
        if (typeof e.decision === 'string' && e.decision !== 'approve')
          finding(h, at('amount'), 'decision/unfunded', 'f.amountNotApproved', 'h.amountUnfunded', {
            n,
            amount,
            decision: decisionWord(e.decision, lang),
          });
        else if (!move)
          finding(h, at('amount'), 'decision/unfunded', 'f.amountNoMove', 'h.amountUnfunded', { n, amount });
        else if (stageByKey(rules, to)?.funding !== true)
          finding(h, at('amount'), 'decision/unfunded', 'f.amountUnfunded', 'h.amountUnfunded', {
            n,
            amount,
            stage: label(to),
          });
      }
      current = to;
    }
    // Every stage passed on the way has its gate too (arrive checks the last move's): a move on through a funding
    // stage whose criteria the idea never met is no less a move past its gate. Checked on the idea as it is now.
    for (const m of moves.slice(0, -1)) {
      const from = stageByKey(rules, m.from);
      const into = stageByKey(rules, m.to);
      const gate = !m.forced && h.idea && from && into ? opts.gate(h.idea, from, into) : null;
      if (gate && gate.missing.length > 0)
        finding(h, `/history/${m.index}`, 'move/gate-closed', 'f.moveGateClosed', 'h.moveGateClosed', {
          to: label(m.to),
          missing: gate.missing.map((p) => p.message[lang]).join('; '),
        });
    }
    return { steps, current, last };
  };

  /**
   * A move a file was given by hand, into its folder's stage: whether the council decides on it (by the base's rules),
   * and the command that writes its entry otherwise.
   */
  const byHand = (h: SnapshotIdea, force: boolean) => {
    const into = stageByKey(rules, h.stage.key) ?? h.stage;
    const idea = { id: h.idea?.id ?? null, path: h.path };
    // Into a stage the council decides on, only its decision records the move (`ideas move` refuses one there, forced
    // or not: found by a newcomer, whom the hint sent to a command that then refused).
    return {
      council: into.council === true,
      command:
        into.council === true
          ? `${councilCommand(ideaWord(idea), into, rules)[lang]}${force ? ' --force' : ''}`
          : recordingCommand(idea, into, force),
    };
  };

  /**
   * Where a walk must end: in the stage of the idea's folder. A move into a stage whose criteria the idea does not
   * meet is one `ideas move` refuses, unless forced. Returns the gate of the last stage the idea entered.
   */
  const arrive = (h: SnapshotIdea, start: string, w: Walk): Gate | null => {
    const from = stageByKey(rules, start);
    const to = stageByKey(rules, h.stage.key);
    const gate = h.idea && from && to && start !== h.stage.key ? opts.gate(h.idea, from, to) : null;
    // Every rule the arrival breaks, at once: a move no entry records, the stage it skipped, the gate it passed.
    const unrecorded = w.current !== h.stage.key;
    if (!w.last && start !== h.stage.key) {
      const hand = byHand(h, false);
      finding(
        h,
        '/history',
        'move/missing-history',
        'f.moveNoHistory',
        hand.council ? 'h.moveNoHistoryCouncil' : 'h.moveNoHistory',
        {
          from: label(start),
          to: h.stage.label[lang],
          fromKey: start,
          toKey: h.stage.key,
          toWord: shellQuote(stageWord(head.config.stages, h.stage, lang)),
          amount: councilAmountWords(h.stage, lang),
          command: hand.command,
        },
      );
    } else if (w.last && unrecorded) {
      const hand = byHand(h, false);
      finding(
        h,
        `/history/${w.last.index}/to`,
        'move/history-mismatch',
        'f.moveToMismatch',
        hand.council ? 'h.moveMismatchCouncil' : 'h.moveMismatch',
        {
          last: label(w.current),
          to: h.stage.label[lang],
          toKey: h.stage.key,
          toWord: shellQuote(stageWord(head.config.stages, h.stage, lang)),
          amount: councilAmountWords(h.stage, lang),
          command: hand.command,
        },
      );
    }
    // The move no entry records is checked as one that an entry records would be: it may skip no stage.
    const was = stageByKey(rules, w.current);
    if (unrecorded && was && stageByKey(rules, h.stage.key) && !was.next.includes(h.stage.key)) {
      // Moved by hand past a stage: `ideas move` records it only as a forced move into the folder's stage.
      finding(h, '/history', 'move/not-next', 'f.moveNotNext', 'h.moveNotNextByHand', {
        from: label(w.current),
        to: label(h.stage.key),
        next: was.next.map(label).join(', ') || '–',
        command: byHand(h, true).command,
      });
    }
    const forced = w.last?.forced === true && !unrecorded;
    if (gate && gate.missing.length > 0 && !forced) {
      const hand = byHand(h, true);
      finding(
        h,
        w.last ? `/history/${w.last.index}` : '/history',
        'move/gate-closed',
        'f.moveGateClosed',
        // A move made by hand, which no entry records yet: `ideas move` writes its entry, forced past the gate, or
        // into the council's stage, the council's decision.
        !unrecorded ? 'h.moveGateClosed' : hand.council ? 'h.moveGateClosedByHandCouncil' : 'h.moveGateClosedByHand',
        {
          to: label(h.stage.key),
          missing: gate.missing.map((p) => p.message[lang]).join('; '),
          toKey: h.stage.key,
          toWord: shellQuote(stageWord(head.config.stages, h.stage, lang)),
          amount: councilAmountWords(h.stage, lang),
          command: hand.command,
        },
      );
    }
    return gate;
  };

  /**
   * The record an idea already had, kept: its history only grows (an entry edited, removed or reordered is
   * history/rewritten), and its `created` stays. `earlier` is the idea at `where` (the base, or the commit before
   * the one that deleted it).
   */
  const audit = (h: SnapshotIdea, earlier: Idea, where: string) => {
    if (!h.idea) return;
    const bh = historyIn(earlier);
    const hh = historyIn(h.idea);
    const rewrite = findHistoryRewrite(bh, hh);
    if (rewrite) {
      const entry = bh[rewrite.index];
      const key: MessageKey =
        rewrite.kind === 'edited'
          ? 'f.historyEdited'
          : rewrite.kind === 'removed'
            ? 'f.historyRemoved'
            : 'f.historyReordered';
      const pointer = rewrite.index < hh.length ? `/history/${rewrite.index}` : '/history';
      const params = {
        n: rewrite.index + 1,
        date: scalarText(field(entry, 'date')) ?? '–',
        action: describe(entry),
        base: where,
      };
      if (rewrite.kind === 'edited')
        finding(h, pointer, 'history/rewritten', 'f.historyChanged', 'h.historyRewritten', {
          ...params,
          changes: entryChanges(entry, hh[rewrite.index]),
        });
      else finding(h, pointer, 'history/rewritten', key, 'h.historyRewritten', params);
    }
    // The day an idea came in is part of its record, as its first history entry is: it is read, never rewritten,
    // but for a date that was broken (no date, or after today) set right, as `ideas edit` may: for the reviewer.
    if ((earlier.created ?? null) !== (h.idea.created ?? null)) {
      const params = { old: earlier.created ?? '–', new: h.idea.created ?? '–' };
      if (repairsCreated(earlier.created, h.idea.created, latest))
        finding(h, '/created', 'idea/created-repaired', 'f.createdRepaired', 'h.createdRepaired', params, 'warning');
      else finding(h, '/created', 'idea/created-changed', 'f.createdChanged', 'h.createdChanged', params);
    }
  };

  const added = (h: SnapshotIdea, id: string) => {
    out.added.push(ref(h, id));
    const idea = h.idea;
    if (!idea) return;
    const history = historyIn(idea);
    const entries = history.map((entry, index) => ({ entry, index }));
    addDecisions(h, id, entries);
    // A new idea starts where it was created (in the first stage) or imported (naming its source); from there it
    // may only have gone on by moves that this change shows, each checked like any other.
    const first = asEntry(history[0]);
    const firstStage = rules.stages[0]?.key ?? h.stage.key;
    const started = first && isStartAction(first.action) && typeof first.to === 'string';
    const start = started ? (first.to as string) : firstStage;
    const source = typeof first?.source === 'string' ? first.source.trim() : '';
    // An adoption may have come through its stage's gate forced (`ideas adopt --force`), as a move may.
    const banned =
      first?.action === 'adopted' ? ['from', 'decision', 'amount'] : ['from', 'decision', 'amount', 'forced'];
    const clean = !!first && banned.every((k) => !Object.prototype.hasOwnProperty.call(first, k));
    const valid =
      started &&
      clean &&
      ((first.action === 'created' && start === firstStage) ||
        ((first.action === 'imported' || first.action === 'adopted') && source !== '' && !!stageByKey(rules, start)));
    if (!valid) {
      finding(h, history.length > 0 ? '/history/0' : '/history', 'idea/start', 'f.ideaStart', 'h.ideaStart', {
        first: label(firstStage),
        entry: describe(history[0]),
      });
    } else if (start !== firstStage) {
      finding(
        h,
        '/history/0',
        'idea/imported',
        'f.ideaImported',
        'h.ideaImported',
        { stage: label(start), source: source.length > 80 ? `${source.slice(0, 79)}…` : source },
        'warning',
      );
    }
    const w = walk(h, start, entries, null);
    const later = entries.slice(1).filter(({ entry }) => {
      const e = asEntry(entry);
      return !!e && (isMoveEntry(e) || e.decision !== undefined || e.amount !== undefined);
    });
    if (later.length > 0)
      finding(
        h,
        `/history/${later[0]?.index ?? 1}`,
        'idea/new-history',
        'f.ideaNewHistory',
        'h.ideaNewHistory',
        { count: later.length, stage: h.stage.label[lang] },
        'warning',
      );
    const gate = arrive(h, start, w);
    if (start !== h.stage.key)
      out.moved.push({
        id,
        title: idea.title,
        path: h.path,
        previousPath: null,
        from: stageOf(start) ?? h.stage,
        to: h.stage,
        steps: w.steps,
        forced: w.steps.some((s) => s.forced),
        gate,
      });
    // The same idea back after it was deleted: its record is the one it had then, and only grows from there.
    const back = opts.deletedBefore?.find((d) => d.id === id && d.idea !== null && !isOtherIdea(d.idea, idea));
    if (back?.idea) audit(h, back.idea, `${back.commit.slice(0, 7)}^`);
    const gone = opts.deletedBefore?.find((d) => d.id === id && (d.idea === null || isOtherIdea(d.idea, idea)));
    if (gone)
      finding(h, '/id', 'id/reused', 'f.idReusedDeleted', 'h.idReused', {
        id,
        path: gone.path,
        commit: gone.commit.slice(0, 7),
      });
  };

  const removed = (b: SnapshotIdea, id: string) => {
    out.removed.push(ref(b, id));
    if (rules.allowDelete === true) return;
    out.findings.push({
      file: b.path,
      line: null,
      column: null,
      rule: 'idea/removed',
      severity: 'error',
      message: t(lang, 'f.ideaRemoved', { id, title: b.idea?.title ?? '–' }),
      // The file is gone where the hint is read: it is restored from the base before it is parked.
      hint: t(lang, 'h.ideaRemoved', {
        base: shellQuote(opts.baseName),
        file: shellQuote(b.path),
        idArg: shellQuote(ideaWord({ id, path: b.path })),
        reason: shellQuote(t(lang, 'h.parkReason')),
      }),
    });
  };

  const pairs = opts.pairs ?? pairIdeas(base, head);
  const { base: baseById, head: headById } = pairs;

  // Files whose id cannot be read: a change that touches one (or gives it another stage) cannot be checked.
  const headPaths = new Set(head.ideas.map((i) => i.path));
  const basePaths = new Map(base.ideas.map((i) => [i.path, i]));
  for (const h of pairs.headNoId) {
    const b = basePaths.get(h.path);
    if (b && pairs.unchanged.has(h) && b.stage.key === h.stage.key) continue;
    const fm = h.frontMatter;
    const problem = h.idProblem;
    if (!fm.ok) {
      out.findings.push({
        file: h.path,
        line: fm.line,
        column: null,
        rule: 'diff/unreadable',
        severity: 'error',
        message: t(lang, 'f.diffUnreadable'),
        hint: t(lang, 'h.diffUnreadable'),
      });
    } else if (problem) finding(h, '/id', 'id/unreadable', problem.message, 'h.idUnreadable', problem.params);
  }
  for (const b of pairs.baseNoId) if (!headPaths.has(b.path)) removed(b, '–');

  // An id changed in its file (a web editor's `id:` line): the same idea, not one removed and one new. A hint to park
  // the "removed" one would have parked an idea no one meant to. Its id is set back, whatever else changed.
  const headAt = new Map(head.ideas.map((i) => [i.path, i]));
  const renumbered = new Map<SnapshotIdea, string>();
  /** The base's files of those ideas: not removed. */
  const renumberedFrom = new Set<SnapshotIdea>();
  for (const [id, files] of baseById) {
    if (headById.has(id)) continue;
    for (const b of files) {
      const h = headAt.get(b.path);
      if (h?.id && h.id !== id && !baseById.has(h.id) && !renumbered.has(h)) {
        renumbered.set(h, id);
        renumberedFrom.add(b);
      }
    }
  }
  for (const [h, old] of renumbered)
    finding(h, '/id', 'id/changed', 'f.idChanged', 'h.idChanged', {
      old,
      new: h.id ?? '–',
      base: shellQuote(opts.baseName),
      file: shellQuote(h.path),
    });

  // A file whose id could not be read at the base (it did not parse, or its id was written wrong) that reads with one
  // here: the same idea mended, never a new one (found from outside: a branch that mended such a file also raised a
  // past amount from 100,000 to 900,000, and diff called it a new idea whose history held that decision, exit 0).
  const mended = new Map<SnapshotIdea, SnapshotIdea>();
  for (const b of pairs.baseNoId) {
    const h = headAt.get(b.path);
    if (h && h.id !== null && !renumbered.has(h)) mended.set(h, b);
  }
  /** A mended file whose base did not parse: its history as written must be the base's, line for line. */
  const mendedUnread = (b: SnapshotIdea, h: SnapshotIdea) => {
    const kept = historyLines(b.bytes);
    const now = historyLines(h.bytes);
    const same = kept !== null && now !== null && kept.length === now.length && kept.every((l, i) => l === now[i]);
    if (same)
      finding(
        h,
        null,
        'diff/base-unreadable',
        'f.diffBaseMended',
        'h.diffBaseMended',
        { base: opts.baseName },
        'warning',
      );
    else
      finding(h, '/history', 'diff/base-unreadable', 'f.diffBaseUnreadable', 'h.diffBaseUnreadable', {
        base: opts.baseName,
      });
  };

  const ids = [...new Set([...baseById.keys(), ...headById.keys()])].sort();
  for (const id of ids) {
    const { pairs: matched, gone, extra } = matchFiles(baseById.get(id) ?? [], headById.get(id) ?? []);
    // The file that keeps the id: the one that continues the base's first file, or a new idea's first. A copy the
    // base already had is matched by its path and compared as any file is; only a file new to the id is a duplicate.
    const keeper = matched[0]?.[1] ?? extra[0];
    for (const other of extra) {
      if (other === keeper || !keeper) continue;
      finding(other, '/id', 'id/duplicate', 'f.duplicateId', 'h.duplicateId', { id, other: keeper.path });
      out.added.push(ref(other, id));
    }
    if (matched.length === 0 && keeper && !renumbered.has(keeper)) {
      const b = mended.get(keeper);
      if (!b) added(keeper, id);
      // Read at the base but for its id: compared as the same file is.
      else if (b.idea) matched.push([b, keeper]);
      else mendedUnread(b, keeper);
    }
    for (const b of gone) {
      // Still there, but its id cannot be read at head: not removed; the file's own finding says what to mend. Still
      // there with another id: the finding above.
      if (!pairs.headNoId.some((x) => x.path === b.path) && !renumberedFrom.has(b)) removed(b, id);
    }
    for (const [b, h] of matched) {
      // The same file in the same stage: nothing to check (and nothing to read whole). The same file in another stage
      // (the config changed which stage its folder is) is a move like any other, and needs its history entry.
      if (pairs.unchanged.has(h) && b.path === h.path && b.stage.key === h.stage.key) continue;
      if (!b.idea || !h.idea) continue;
      if (isOtherIdea(b.idea, h.idea)) {
        out.removed.push(ref(b, id));
        out.added.push(ref(h, id));
        finding(h, '/id', 'id/reused', 'f.idReused', 'h.idReused', {
          id,
          where: opts.baseName,
          title: b.idea.title ?? '–',
          created: b.idea.created ?? '–',
        });
        continue;
      }
      const bh = historyIn(b.idea);
      const hh = historyIn(h.idea);
      audit(h, b.idea, opts.baseName);
      const entries = newEntries(bh, hh);
      addDecisions(h, id, entries);
      // New entries follow the last one already there, the one a reader of the history takes for the latest.
      const lastDate =
        [...bh]
          .reverse()
          .map((e) => field(e, 'date'))
          .find(isDate) ?? null;
      const w = walk(h, b.stage.key, entries, lastDate);
      const gate = arrive(h, b.stage.key, w);
      const fields = fieldChanges(b.idea.data, h.idea.data);
      const bodyChanged = normalizeBody(b.idea.body) !== normalizeBody(h.idea.body);
      const history = entries
        .filter(({ entry }) => !listedElsewhere(entry))
        .map(({ entry }) => {
          const note = scalarText(field(entry, 'note'));
          const words = `${scalarText(field(entry, 'date')) ?? '–'} ${describe(entry)}${note ? `: ${note}` : ''}`;
          return { entry, words };
        });
      if (fields.length > 0 || bodyChanged || history.length > 0)
        out.changed.push({ id, title: h.idea.title, path: h.path, fields, bodyChanged, history });
      // The last assignment a change writes of a field says what the field now holds: a history that says the
      // carrier became Eva while the file still says Anna is a record no one can trust.
      const assigned = new Map<string, { entry: Record<string, unknown>; index: number }>();
      for (const { entry, index } of entries) {
        const e = asEntry(entry);
        if (e?.action === 'assigned' && typeof e.field === 'string') assigned.set(e.field, { entry: e, index });
      }
      for (const [name, { entry, index }] of assigned) {
        const value = Object.hasOwn(h.idea.data, name) ? h.idea.data[name] : null;
        if (canonical(entry.new ?? null) === canonical(value ?? null)) continue;
        finding(h, `/history/${index}`, 'history/assigned-mismatch', 'f.assignedMismatch', 'h.assignedMismatch', {
          field: opts.fieldLabel?.(name) ?? name,
          said: shortJson(entry.new ?? null),
          value: shortJson(value ?? null),
        });
      }
      if (b.stage.key !== h.stage.key) {
        out.moved.push({
          id,
          title: h.idea.title,
          path: h.path,
          previousPath: b.path,
          from: b.stage,
          to: h.stage,
          steps: w.steps,
          forced: w.steps.some((s) => s.forced),
          gate,
        });
      }
    }
  }
  const byId = <T extends { id: string; path: string }>(a: T, b: T) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : byPath(a, b);
  out.added.sort(byId);
  out.removed.sort(byId);
  out.moved.sort(byId);
  out.decisions.sort((a, b) =>
    (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : byId(a, b),
  );
  out.findings.sort(compareFindings);
  return out;
}
