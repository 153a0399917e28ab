/**
 * What the last sync kept of each member, under `.git/ideas-region/state/`, in two files: `<id>.json`, the summary
 * (the member, its commit and config, and per idea what a list shows), and `<id>.<hash>.text.json`, each idea's
 * public front matter and text, named by a hash of its content. The text is written first and the summary, which
 * names it, replaces the old one in one atomic step (write a temporary file, then rename): a member is never
 * half-updated, and a killed or failed sync leaves the last good pair, with its date. `ideas region list` reads the
 * summaries only: at 75,000 ideas it would otherwise parse every idea's text to show its title. A summary from
 * before the split (each idea's data and text in it, no `text` named) still reads. The files are the region's own
 * cache, never the members' data.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_VERSION, type MemberSnapshot, type RegionIdea } from '../../core/region/snapshot.js';
import { nullProtoDeep, nullProtoInPlace } from '../../core/safe-object.js';
import { makeFolder, safeUnlink, writeContentNamed, writeFileAtomic } from '../atomic-file.js';
import { faultPoint } from '../faults.js';
import { readRegularFile } from '../read-limited.js';

export function stateDir(cacheDir: string): string {
  return path.join(cacheDir, 'state');
}

function stateFile(cacheDir: string, member: string): string {
  return path.join(stateDir(cacheDir), `${member}.json`);
}

/** The name of a text file: the member's, a hash of the content, nothing a summary could point elsewhere with. */
const TEXT_FILE = /^([a-z0-9-]+)\.[0-9a-f]{20}\.text\.json$/;

type StoredSummary = Omit<MemberSnapshot, 'ideas'> & {
  ideas: (Omit<RegionIdea, 'data' | 'body'> & Partial<Pick<RegionIdea, 'data' | 'body'>>)[];
  /** The text file; absent in a state from before the split, whose ideas hold their data and text. */
  text?: string;
};

/**
 * How much of a member's state a view reads: its `summary` only (each idea's `data` empty and its `body` ''), its
 * `fields` too (each idea's public front matter, the texts let go as each member is read), or whole, with `texts`.
 */
export type StateDepth = 'summary' | 'fields' | 'texts';

/**
 * A state file's text, only from a regular file: the region's git folder may come from a checkout (a `.git` file
 * that names another folder), where a link to /dev/zero or a FIFO would hang the command or fill its memory.
 */
function readStateText(file: string): string {
  return readRegularFile(file).toString('utf8');
}

/** The member's last good snapshot, or null when it has none (never synced, or a file this version cannot read). */
export function readMemberState(cacheDir: string, member: string, depth: StateDepth = 'texts'): MemberSnapshot | null {
  let text: string;
  try {
    text = readStateText(stateFile(cacheDir, member));
  } catch {
    return null;
  }
  try {
    const raw = JSON.parse(text) as unknown;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
    // The ideas apart: each is copied field by field, by name, into one small shape (a 5,000-idea summary copied
    // whole without prototypes took five times the memory); the rest, the member and its config, loses its prototype.
    const { ideas: rawIdeas, ...head } = raw as Record<string, unknown>;
    const parsed = nullProtoDeep(head) as Omit<StoredSummary, 'ideas'>;
    if (parsed.schemaVersion !== SNAPSHOT_VERSION || parsed.member !== member || !Array.isArray(rawIdeas)) return null;
    const { text: textFile, ...summary } = parsed;
    if (textFile === undefined) {
      // A state from before the split: each idea's data and text in the summary.
      const old = nullProtoDeep(rawIdeas) as StoredSummary['ideas'];
      return { ...summary, ideas: old.map((i) => summaryIdea(i, i.data ?? {}, i.body ?? '')) };
    }
    if (depth === 'summary') return { ...summary, ideas: rawIdeas.map((i) => summaryIdea(i)) };
    const m = TEXT_FILE.exec(textFile);
    if (m?.[1] !== member) return null;
    // The texts' mappings are kept as parsed, their prototype taken off where they stand, rather than held twice.
    const texts = nullProtoInPlace(JSON.parse(readStateText(path.join(stateDir(cacheDir), textFile)))) as unknown;
    if (!Array.isArray(texts) || texts.length !== rawIdeas.length) return null;
    const full = nullProtoDeep(rawIdeas) as StoredSummary['ideas'];
    return {
      ...summary,
      ideas: full.map((i, n) => {
        const [data, body] = texts[n] as [Record<string, unknown>, string];
        return { ...i, data, body: depth === 'texts' ? body : '' };
      }),
    };
  } catch {
    return null;
  }
}

const NO_DATA: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A summary's idea, its fields taken by name and checked, with its data and text: one shape for every idea. */
function summaryIdea(raw: unknown, data: Record<string, unknown> = NO_DATA, body = ''): RegionIdea {
  const i = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    path: text(i.path),
    oid: text(i.oid),
    id: textOrNull(i.id),
    title: textOrNull(i.title),
    stage: text(i.stage),
    unit: textOrNull(i.unit),
    created: textOrNull(i.created),
    data,
    body,
  };
}

export function writeMemberState(cacheDir: string, snapshot: MemberSnapshot): void {
  makeFolder(stateDir(cacheDir));
  faultPoint('region:state');
  // Named by its content: a file of that name holds these texts already (an unchanged member is not written again).
  // Written as it is made: the whole text of a member of 10,000 ideas, and its bytes, were ~50 MB of a sync's peak.
  const name = writeContentNamed(
    stateDir(cacheDir),
    textChunks(snapshot.ideas),
    (sha256) => `${snapshot.member}.${sha256.slice(0, 20)}.text.json`,
  );
  faultPoint('region:summary');
  const summary: StoredSummary = {
    ...snapshot,
    ideas: snapshot.ideas.map(({ data: _data, body: _body, ...rest }) => rest),
    text: name,
  };
  writeFileAtomic(stateFile(cacheDir, snapshot.member), JSON.stringify(summary));
  // The texts the summary no longer names: only after the summary that named them is gone.
  for (const other of readdirSync(stateDir(cacheDir)))
    if (other !== name && TEXT_FILE.exec(other)?.[1] === snapshot.member)
      safeUnlink(path.join(stateDir(cacheDir), other));
}

/** What JSON.stringify(ideas.map((i) => [i.data, i.body])) makes, in pieces of about 64 kB. */
function* textChunks(ideas: readonly RegionIdea[]): Generator<string> {
  let part = '[';
  for (let i = 0; i < ideas.length; i++) {
    const idea = ideas[i] as RegionIdea;
    part += `${i === 0 ? '' : ','}${JSON.stringify([idea.data, idea.body])}`;
    if (part.length >= 65_536) {
      yield part;
      part = '';
    }
  }
  yield `${part}]`;
}

/**
 * Records that a member was synced again at `syncedAt` and found unchanged: its summary is written anew with that
 * date (and its address as the region now shows it), naming the same text file, which is left as it is. False when there is no summary that names a text file
 * (none, or one from before the split): the caller writes the whole state instead.
 */
export function touchMemberState(
  cacheDir: string,
  { member, syncedAt, url }: Pick<MemberSnapshot, 'member' | 'syncedAt' | 'url'>,
): boolean {
  let stored: StoredSummary;
  try {
    stored = nullProtoDeep(JSON.parse(readStateText(stateFile(cacheDir, member)))) as StoredSummary;
  } catch {
    return false;
  }
  if (stored.schemaVersion !== SNAPSHOT_VERSION || stored.member !== member || typeof stored.text !== 'string')
    return false;
  if (TEXT_FILE.exec(stored.text)?.[1] !== member || !existsSync(path.join(stateDir(cacheDir), stored.text)))
    return false;
  faultPoint('region:summary');
  writeFileAtomic(stateFile(cacheDir, member), JSON.stringify({ ...stored, syncedAt, url }));
  return true;
}

/**
 * What a sync holds of a member once its state is written: the snapshot with each idea cut to its path, id and
 * stage (the id clashes, counts and findings need no more), every idea the same small shape. The whole region's
 * summaries, held till the end of a sync, would grow with the region (2.5 kB an idea as parsed).
 */
export function idsOnly(snapshot: MemberSnapshot): MemberSnapshot {
  return {
    ...snapshot,
    // The shape a summary's ideas are read into, with nothing but these three.
    ideas: snapshot.ideas.map((i) => summaryIdea({ path: i.path, id: i.id, stage: i.stage })),
  };
}

/** Why the latest sync of a member failed, and when: the views show it beside the data kept from before. */
export interface SyncFailure {
  at: string;
  message: { sv: string; en: string };
}

function failureFile(cacheDir: string, member: string): string {
  return path.join(stateDir(cacheDir), `${member}.failed.json`);
}

export function readSyncFailure(cacheDir: string, member: string): SyncFailure | null {
  try {
    const parsed = nullProtoInPlace(JSON.parse(readStateText(failureFile(cacheDir, member)))) as SyncFailure;
    return typeof parsed.at === 'string' && typeof parsed.message?.sv === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Records a failed sync, or (null) that the latest one went well. */
export function writeSyncFailure(cacheDir: string, member: string, failure: SyncFailure | null): void {
  if (failure === null) {
    safeUnlink(failureFile(cacheDir, member));
    return;
  }
  makeFolder(stateDir(cacheDir));
  writeFileAtomic(failureFile(cacheDir, member), JSON.stringify(failure));
}

/** Forgets the members no longer in the region's file. */
export function pruneStates(cacheDir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    // Only in a folder of the region's own: a link in its place (to a folder elsewhere) is never entered.
    if (!lstatSync(cacheDir).isDirectory() || !lstatSync(stateDir(cacheDir)).isDirectory()) return;
    names = readdirSync(stateDir(cacheDir));
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^([a-z0-9-]+)(?:\.failed|\.[0-9a-f]{20}\.text)?\.json$/.exec(name);
    if (m?.[1] && !keep.has(m[1])) safeUnlink(path.join(stateDir(cacheDir), name));
  }
}
