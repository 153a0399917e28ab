/**
 * What a change does to a sluice, between two revisions, and which of its rules the change breaks. Ideas are
 * matched by their id, never by git's rename detection, which loses a file that is moved and edited in the same
 * commit (git sees a deletion and an addition once the text differs enough).
 */
import { isDecision } from '../sluice/decision.js';
import { stageByFolder, stageByKey, type RegistryConfig, type Stage } from '../sluice/config.js';
import { compareFindings, type Finding } from '../finding.js';
import { MATTER_FIRST_LINE, readFrontMatter } from '../front-matter/front-matter.js';
import type { Gate } from '../sluice/gate.js';
import { t, type Lang, type MessageKey, type Params } from '../i18n/i18n.js';
import { ID_PATTERN, idFromFileName } from '../sluice/id.js';
import { historyOf, toIdea, type HistoryEntry, type Idea } from '../sluice/idea.js';
import { YamlPositions } from '../front-matter/positions.js';

/** A file of the ideas folder at one revision: its path relative to the registry root, with forward slashes. */
/** One side of a comparison, as the user named it and as git resolved it. */
export interface RevisionSide {
  ref: string | null;
  commit: string | null;
  /** The commit is the merge base of `ref` and HEAD (or of the range's two ends). */
  mergeBase: boolean;
  worktree: boolean;
}

export interface SnapshotFile {
  path: string;
  bytes: Uint8Array;
  /** Where it is on disk, for the working tree; empty for a file of a commit. */
  abs?: string;
}

const decoder = new TextDecoder();

/**
 * An idea file at one revision. It is parsed only when asked: in a large registry most files are the same at both
 * revisions, and reading their YAML would cost more than the rest of the diff.
 */
export class SnapshotIdea {
  private parsed: Idea | null | undefined;

  constructor(
    readonly path: string,
    readonly stage: Stage,
    readonly bytes: Uint8Array,
    private readonly abs: string,
  ) {}

  /** Null when the file cannot be read as an idea. */
  get idea(): Idea | null {
    if (this.parsed === undefined) {
      const fm = readFrontMatter(this.bytes);
      this.parsed = fm.ok ? toIdea(fm, this.stage, this.path, this.abs) : null;
    }
    return this.parsed;
  }

  /** The front matter's id, or when it has none or cannot be read, the id the file name claims; null without either. */
  get id(): string | null {
    return this.idea?.id?.trim() || idFromFileName(this.path.slice(this.path.lastIndexOf('/') + 1));
  }

  /**
   * The id from its own `id:` line, without parsing the YAML, when the line is that simple; else the exact id.
   * Only for files that are the same at both revisions, whose id matters only to spot another file taking it.
   */
  get quickId(): string | null {
    const head = decoder.decode(this.bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
    const end = head.search(/\n---\r?(\n|$)/);
    const lines =
      head.startsWith('---') && end !== -1
        ? [...head.slice(0, end).matchAll(/^id:[ \t]*(["']?)([^\s"'#]+)\1[ \t]*(?:#.*)?\r?$/gm)]
        : [];
    const value = lines.length === 1 ? (lines[0]?.[2] ?? '') : '';
    return ID_PATTERN.test(value) ? value : this.id;
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
    const stage = stageByFolder(config, folder);
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
  /** Whether an idea at head, standing in `from`, meets the criteria of `to`: head's criteria. */
  gate: (idea: Idea, from: Stage, to: Stage) => Gate;
  /** Ideas deleted before base whose ids come back at head (only those ids are asked for). */
  deletedBefore?: readonly DeletedIdea[];
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
  previousPath: string;
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
  note: string | null;
  forced: boolean;
}

export interface FieldChange {
  field: string;
  /** Null when the field was absent. */
  old: unknown;
  new: unknown;
}

export interface IdeaChange {
  id: string;
  title: string | null;
  path: string;
  fields: FieldChange[];
  bodyChanged: boolean;
}

export interface IdeaDiff {
  added: IdeaRef[];
  removed: IdeaRef[];
  moved: IdeaMove[];
  decisions: DecisionAdded[];
  changed: IdeaChange[];
  findings: Finding[];
}

/** A value as canonical JSON, keys sorted: two history entries are the same when these are. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * Whether two ideas with one id are different ideas: every sign of identity that both carry (`created`, and the
 * date and action of the first history entry) differs. One changed sign alone is an edit, which other rules judge.
 */
export function isOtherIdea(a: Idea | null, b: Idea | null): boolean {
  if (!a || !b) return false;
  const signs = (i: Idea) => {
    const first = historyOf(i)[0];
    return [i.created, first ? `${str(first.date)}|${str(first.action)}` : null];
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

/** A history entry that moves the idea: it leads to a stage, and is not the idea's start. */
function isMoveEntry(e: HistoryEntry): boolean {
  return typeof e.to === 'string' && e.action !== 'created' && e.action !== 'imported';
}

/** Of several files with one id, the one that continues the base's idea: same path, then same idea, then first. */
function primary(list: SnapshotIdea[], base: SnapshotIdea | undefined): SnapshotIdea | undefined {
  if (!base) return list[0];
  return (
    list.find((x) => x.path === base.path) ??
    list.find((x) => x.idea && base.idea && !isOtherIdea(x.idea, base.idea)) ??
    list[0]
  );
}

function groupById(
  ideas: readonly SnapshotIdea[],
  idOf: (i: SnapshotIdea) => string | null,
): Map<string, SnapshotIdea[]> {
  const out = new Map<string, SnapshotIdea[]>();
  for (const i of [...ideas].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const id = idOf(i);
    if (id === null) continue;
    const list = out.get(id);
    if (list) list.push(i);
    else out.set(id, [i]);
  }
  return out;
}

/**
 * The ideas of both revisions by id. A file with the same path and bytes at both is unchanged, and keeps the id
 * its `id:` line gives without a parse; every other file is read.
 */
export function ideasById(
  base: Snapshot,
  head: Snapshot,
): { base: Map<string, SnapshotIdea[]>; head: Map<string, SnapshotIdea[]> } {
  const before = new Map(base.ideas.map((i) => [i.path, i]));
  const unchanged = new Set<SnapshotIdea>();
  for (const h of head.ideas) {
    const b = before.get(h.path);
    if (b && sameBytes(b.bytes, h.bytes)) unchanged.add(h).add(b);
  }
  const idOf = (i: SnapshotIdea) => (unchanged.has(i) ? i.quickId : i.id);
  return { base: groupById(base.ideas, idOf), head: groupById(head.ideas, idOf) };
}

/** How a history was rewritten: the first base entry that head no longer has where it was. */
export interface HistoryRewrite {
  index: number;
  kind: 'edited' | 'removed' | 'reordered';
}

/** Base's history must be a prefix of head's: the audit trail of the council's decisions is append-only. */
export function findHistoryRewrite(
  base: readonly HistoryEntry[],
  head: readonly HistoryEntry[],
): HistoryRewrite | null {
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
  const was = base[index];
  const now = head[index];
  const edited =
    was !== undefined && now !== undefined && str(was.date) === str(now.date) && str(was.action) === str(now.action);
  return { index, kind: edited || h.length > b.length ? 'edited' : 'removed' };
}

/** The entries of head's history that base's does not have, with their index in head's. */
export function newEntries(
  base: readonly HistoryEntry[],
  head: readonly HistoryEntry[],
): { entry: HistoryEntry; index: number }[] {
  const out: { entry: HistoryEntry; index: number }[] = [];
  if (findHistoryRewrite(base, head) === null) {
    for (let i = base.length; i < head.length; i++) out.push({ entry: head[i] as HistoryEntry, index: i });
    return out;
  }
  // A rewritten history: the entries base does not have, less those that are base's lost entries edited (the same
  // date and action), which the rewrite finding names and which must not count as new moves or decisions.
  const remaining = base.map(canonical);
  const unmatched: { entry: HistoryEntry; index: number }[] = [];
  head.forEach((entry, index) => {
    const at = remaining.indexOf(canonical(entry));
    if (at === -1) unmatched.push({ entry, index });
    else remaining.splice(at, 1);
  });
  const lost = base.filter((e) => remaining.includes(canonical(e)));
  for (const x of unmatched) {
    const edited = lost.findIndex((e) => str(e.date) === str(x.entry.date) && str(e.action) === str(x.entry.action));
    if (edited === -1) out.push(x);
    else lost.splice(edited, 1);
  }
  return out;
}

function fieldChanges(base: Record<string, unknown>, head: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => k !== 'history');
  return keys
    .filter((k) => canonical(base[k] ?? null) !== canonical(head[k] ?? null))
    .map((k) => ({ field: k, old: base[k] ?? null, new: head[k] ?? null }));
}

const normalizeBody = (body: string) => body.replace(/\r\n/g, '\n');

export function diffSnapshots(base: Snapshot, head: Snapshot, opts: DiffOptions): IdeaDiff {
  const { lang } = opts;
  const config = head.config;
  const out: IdeaDiff = { added: [], removed: [], moved: [], decisions: [], changed: [], findings: [] };
  const label = (key: string) => (stageByKey(config, key) ?? stageByKey(base.config, key))?.label[lang] ?? key;

  const finding = (
    at: SnapshotIdea,
    pointer: string | null,
    rule: string,
    message: MessageKey,
    hint: MessageKey,
    params: Params = {},
  ) => {
    // A finding about the whole history (an entry missing) lands on its key, not on its first entry.
    const pos =
      pointer !== null && at.idea
        ? new YamlPositions(at.idea.matter, MATTER_FIRST_LINE).find(pointer, pointer === '/history')
        : null;
    out.findings.push({
      file: at.path,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      rule,
      severity: 'error',
      message: t(lang, message, params),
      hint: t(lang, hint, params),
    });
  };
  /** A history entry in words, as `ideas show` says it: "flyttad Förädling → Test". */
  const describe = (e: HistoryEntry | undefined): string => {
    const to = label(str(e?.to) ?? '?');
    const decision = isDecision(e?.decision) ? e.decision : undefined;
    if (e?.action === 'moved') return t(lang, 'history.moved', { from: label(str(e.from) ?? '?'), to });
    if (e?.action === 'created' || e?.action === 'imported') return t(lang, `history.${e.action}`, { to });
    if (e?.action === 'decided')
      return t(lang, 'history.decided', {
        decision: decision ? t(lang, `decision.${decision}`) : (str(e.decision) ?? '?'),
      });
    if (e?.action === 'assigned')
      return t(lang, 'history.assignedField', { field: str(e.field) ?? '?', value: str(e.new) ?? '' });
    return str(e?.action) ?? '–';
  };
  const ref = (i: SnapshotIdea, id: string): IdeaRef => ({
    id,
    title: i.idea?.title ?? null,
    stage: i.stage,
    path: i.path,
  });
  const addDecisions = (i: SnapshotIdea, id: string, entries: { entry: HistoryEntry }[]) => {
    for (const { entry: e } of entries) {
      const amount = typeof e.amount === 'number' && Number.isFinite(e.amount) ? e.amount : null;
      if (typeof e.decision !== 'string' && amount === null) continue;
      out.decisions.push({
        id,
        title: i.idea?.title ?? null,
        path: i.path,
        date: str(e.date),
        action: str(e.action),
        decision: str(e.decision),
        amount,
        from: str(e.from),
        to: str(e.to),
        by: str(e.by),
        note: str(e.note),
        forced: e.forced === true,
      });
    }
  };

  /** Walks the new move entries from `start`: each must leave the stage the idea was in, for one of its next stages. */
  const checkMoves = (
    h: SnapshotIdea,
    start: string,
    entries: { entry: HistoryEntry; index: number }[],
  ): MoveStep[] => {
    const steps: MoveStep[] = [];
    let current = start;
    const moves = entries.filter((x) => isMoveEntry(x.entry));
    for (const { entry, index } of moves) {
      const to = entry.to as string;
      const from = str(entry.from);
      if (from !== current) {
        finding(h, `/history/${index}`, 'move/history-mismatch', 'f.moveFromMismatch', 'h.moveMismatch', {
          entryFrom: from ? label(from) : '–',
          entryTo: label(to),
          current: label(current),
        });
      } else {
        const stage = stageByKey(config, current);
        if (stage && !stage.next.includes(to) && entry.forced !== true) {
          finding(h, `/history/${index}/to`, 'move/not-next', 'f.moveNotNext', 'h.moveNotNext', {
            from: label(current),
            to: label(to),
            next: stage.next.join(', ') || '–',
          });
        }
      }
      steps.push({ from: from ?? current, to, date: str(entry.date), forced: entry.forced === true });
      current = to;
    }
    const last = moves.at(-1);
    if (!last && start !== h.stage.key) {
      finding(h, '/history', 'move/missing-history', 'f.moveNoHistory', 'h.moveNoHistory', {
        from: label(start),
        to: h.stage.label[lang],
        fromKey: start,
        toKey: h.stage.key,
      });
    } else if (last && current !== h.stage.key) {
      finding(h, `/history/${last.index}/to`, 'move/history-mismatch', 'f.moveToMismatch', 'h.moveMismatch', {
        last: label(current),
        to: h.stage.label[lang],
      });
    }
    return steps;
  };

  const added = (h: SnapshotIdea, id: string) => {
    out.added.push(ref(h, id));
    if (!h.idea) {
      finding(h, null, 'diff/unreadable', 'f.diffUnreadable', 'h.diffUnreadable');
      return;
    }
    const history = historyOf(h.idea);
    const entries = history.map((entry, index) => ({ entry, index }));
    addDecisions(h, id, entries);
    // A new idea's history starts where it was created or imported; from there its moves are checked like any.
    const start = history[0];
    if (start && !isMoveEntry(start) && typeof start.to === 'string') checkMoves(h, start.to, entries.slice(1));
    const gone = opts.deletedBefore?.find((d) => d.id === id && (d.idea === null || isOtherIdea(d.idea, h.idea)));
    if (gone)
      finding(h, '/id', 'id/reused', 'f.idReusedDeleted', 'h.idReused', {
        id,
        path: gone.path,
        commit: gone.commit.slice(0, 7),
      });
  };

  const { base: baseById, head: headById } = ideasById(base, head);
  const ids = [...new Set([...baseById.keys(), ...headById.keys()])].sort();
  for (const id of ids) {
    const b = baseById.get(id)?.[0];
    const list = headById.get(id) ?? [];
    const h = primary(list, b);
    for (const other of list) {
      if (other === h || !h) continue;
      // A duplicate the base already had is not this change's doing: `ideas validate` reports it.
      if ((baseById.get(id)?.length ?? 0) > 1 && baseById.get(id)?.some((x) => x.path === other.path)) continue;
      finding(other, '/id', 'id/duplicate', 'f.duplicateId', 'h.duplicateId', { id, other: h.path });
      out.added.push(ref(other, id));
    }
    if (!b && h) {
      added(h, id);
      continue;
    }
    if (b && !h) {
      out.removed.push(ref(b, id));
      if (config.allowDelete !== true) {
        out.findings.push({
          file: b.path,
          line: null,
          column: null,
          rule: 'idea/removed',
          severity: 'error',
          message: t(lang, 'f.ideaRemoved', { id, title: b.idea?.title ?? '–' }),
          hint: t(lang, 'h.ideaRemoved', { id }),
        });
      }
      continue;
    }
    if (!b || !h) continue;
    if (b.path === h.path && sameBytes(b.bytes, h.bytes)) continue;
    if (isOtherIdea(b.idea, h.idea)) {
      out.removed.push(ref(b, id));
      out.added.push(ref(h, id));
      finding(h, '/id', 'id/reused', 'f.idReused', 'h.idReused', {
        id,
        where: opts.baseName,
        title: b.idea?.title ?? '–',
        created: b.idea?.created ?? '–',
      });
      continue;
    }
    const moved = b.stage.key !== h.stage.key;
    const from = stageByKey(config, b.stage.key) ?? b.stage;
    if (!h.idea) {
      finding(h, null, 'diff/unreadable', 'f.diffUnreadable', 'h.diffUnreadable');
      if (moved)
        out.moved.push({
          id,
          title: b.idea?.title ?? null,
          path: h.path,
          previousPath: b.path,
          from,
          to: h.stage,
          steps: [],
          forced: false,
          gate: null,
        });
      continue;
    }
    let steps: MoveStep[] = [];
    if (b.idea) {
      const bh = historyOf(b.idea);
      const hh = historyOf(h.idea);
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
        finding(h, pointer, 'history/rewritten', key, 'h.historyRewritten', {
          n: rewrite.index + 1,
          date: str(entry?.date) ?? '–',
          action: describe(entry),
          base: opts.baseName,
        });
      }
      const entries = newEntries(bh, hh);
      addDecisions(h, id, entries);
      steps = checkMoves(h, b.stage.key, entries);
      const fields = fieldChanges(b.idea.data, h.idea.data);
      const bodyChanged = normalizeBody(b.idea.body) !== normalizeBody(h.idea.body);
      if (fields.length > 0 || bodyChanged)
        out.changed.push({ id, title: h.idea.title, path: h.path, fields, bodyChanged });
    }
    if (moved) {
      out.moved.push({
        id,
        title: h.idea.title,
        path: h.path,
        previousPath: b.path,
        from,
        to: h.stage,
        steps,
        forced: steps.some((s) => s.forced),
        gate: opts.gate(h.idea, from, h.stage),
      });
    }
  }
  const byId = <T extends { id: string; path: string }>(a: T, b: T) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  out.added.sort(byId);
  out.removed.sort(byId);
  out.decisions.sort((a, b) =>
    (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : byId(a, b),
  );
  out.findings.sort(compareFindings);
  return out;
}
