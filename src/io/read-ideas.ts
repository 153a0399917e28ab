/**
 * The one way the registry's idea files are read: each file's bytes go through readFrontMatter
 * (src/core/front-matter/front-matter.ts), and what a file came to is kept in the cache (src/io/file-cache.ts) so
 * that a file unchanged since an earlier run is not read again. This module is the only one that drives the cache;
 * commands ask it for ideas, summaries, fields, ids or their own results per file (`ideas validate`'s findings).
 */
import {
  MAX_IDEA_BYTES,
  readFrontMatter,
  type FrontMatterProblem,
  type FrontMatterResult,
} from '../core/front-matter/front-matter.js';
import {
  summaryCells,
  toIdea,
  toIdeaFields,
  toIdeaSummary,
  type Idea,
  type IdeaFields,
  type IdeaSummary,
  type SummaryCells,
} from '../core/sluice/idea.js';
import { FileCache, readWithKey, type FileKey } from './file-cache.js';
import { isReadableEntry, listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import { computeFiles, type Compute, type FileBytes, type RemoteTask } from './parallel-read.js';
import type { Registry } from './registry.js';
import { isRecord, nullProtoInPlace } from '../core/safe-object.js';
import { shareStrings } from '../core/front-matter/shared-strings.js';
import { withGrowingYoungGeneration } from './v8-flags.js';
import { detach } from '../core/front-matter/detach.js';

export interface ReadIdeas<T = Idea> {
  ideas: T[];
  /** Files in stage folders that could not be read as ideas; `ideas validate` says why. */
  unreadable: IdeaFileEntry[];
}

/** One byte more than an idea file may hold: enough for readFrontMatter to say a larger file is too large. */
const IDEA_READ_LIMIT = MAX_IDEA_BYTES + 1;

/**
 * One idea file read from disk, fields and text, no more of it than readEntry reads. Throws as readFileSync does when
 * the file cannot be read.
 */
export function readIdeaFile(abs: string): FrontMatterResult {
  return readFrontMatter(readIdeaBytes(abs));
}

/**
 * An idea file's bytes, no more of them than readEntry reads (a larger file is then `file/too-large`): for a reader
 * that keeps the bytes themselves, as `ideas diff` does of the working tree. Throws as readFileSync does.
 */
export function readIdeaBytes(abs: string): Uint8Array {
  return readWithKey(abs, IDEA_READ_LIMIT).bytes;
}

export type { Compute, FileBytes, RemoteTask };

const EMPTY = new Uint8Array();

/**
 * The bytes of a listed file and their key for the cache, or why it could not be read. Links are never read. Of a
 * file larger than an idea may be, IDEA_READ_LIMIT bytes are read: without holding the whole of a file that may be
 * any size.
 */
export function readEntry(entry: IdeaFileEntry): { file: FileBytes; key: FileKey | null } {
  if (!isReadableEntry(entry)) return { file: { ok: true, bytes: EMPTY }, key: null };
  try {
    const read = readWithKey(entry.abs, IDEA_READ_LIMIT);
    return { file: { ok: true, bytes: read.bytes }, key: read.key };
  } catch (e) {
    return { file: { ok: false, error: e as NodeJS.ErrnoException }, key: null };
  }
}

/**
 * A reading of the registry's files through the cache of one kind of result, for results that depend on `context`
 * (the config, the criteria, the language) as well as on each file.
 */
export interface Reading<V> {
  /** Whether a run under the same build and context left its results: checks that must run once have run. */
  readonly earlierRun: boolean;
  /**
   * What each of `entries` comes to, in their order: from the cache while the file is unchanged, else `compute` on
   * its bytes. The cache is written at the end, with the entries of `alsoKeep` (files not asked about this time)
   * kept as they were. `onEach` is told of every file as it is done. With `remote`, the same computation for other
   * threads (src/io/parallel-read.ts), a large registry's files are read on more than one core. `keepsAll`: the
   * caller keeps all it is given to its end (see readIdeas).
   */
  read(
    entries: readonly IdeaFileEntry[],
    compute: Compute<V>,
    opts?: { alsoKeep?: readonly string[]; onEach?: () => void; remote?: RemoteTask; keepsAll?: boolean },
  ): V[];
}

/** `now` is for tests: the moment the run starts, which decides which changes are too recent to keep. */
export function openReading<V>(
  registry: Registry,
  kind: string,
  context: readonly string[],
  opts: { now?: number; accepts?: (value: unknown) => boolean } = {},
): Reading<V> {
  const cache = registry.cache === false ? null : FileCache.open<V>(registry.root, kind, context, opts);
  // A cache's value of another shape than this reading makes (a cache file changed by hand, or by another program)
  // is computed again, never used: in a command it could only fail, or show something no file says.
  const accepts = opts.accepts;
  return {
    earlierRun: cache?.trusted ?? false,
    read(entries, compute, opts = {}) {
      const out = new Array<V>(entries.length);
      const todo: number[] = [];
      entries.forEach((entry, i) => {
        const cached = !isReadableEntry(entry) ? undefined : cache?.lookup(entry.path, entry.abs);
        const known = cached !== undefined && accepts && !accepts(cached) ? undefined : cached;
        if (known === undefined) todo.push(i);
        else {
          out[i] = known;
          opts.onEach?.();
        }
      });
      const files = todo.map((i) => entries[i] as IdeaFileEntry);
      // Each file's value goes to the cache as it comes, in the files' order, so that a first run writes its cache
      // while it reads (src/io/file-cache.ts, FileCache.set).
      const onEach = (k: number, value: V, key: FileKey | null) => {
        // Only a file read with its key can be kept: a link, or a file that could not be read, is asked again.
        if (key) cache?.set((files[k] as IdeaFileEntry).path, key, value);
        out[todo[k] as number] = value;
        opts.onEach?.();
      };
      // Taken across the registry (parallel-read.ts, spreadStep) where each file's result is small: the readings that
      // may lend a worker thread too.
      const computing = () => computeFiles(files, readEntry, compute, opts.remote, onEach, opts.remote !== undefined);
      // Most files parsed anew, for a caller that keeps them: see readIdeas.
      try {
        if (opts.keepsAll && files.length > entries.length / 2) withGrowingYoungGeneration(computing);
        else computing();
      } catch (e) {
        cache?.abandon();
        throw e;
      }
      cache?.save(opts.alsoKeep);
      return out;
    },
  };
}

/**
 * The id each file's front matter gives, as the checks read it (null when it has none, or the file cannot be read),
 * through the cache of ids: what `ideas validate` compares the files it checks with, for ids used twice.
 * `alsoKeep`: the files whose entries stay in the cache though not asked about this time.
 */
export function readIdeaIds(
  registry: Registry,
  entries: readonly IdeaFileEntry[],
  alsoKeep: readonly string[],
): (string | null)[] {
  return openReading<string | null>(registry, 'ids', [], {
    accepts: (v) => v === null || typeof v === 'string',
  }).read(entries, idTask(), { alsoKeep, remote: { module: import.meta.url, name: 'idTask', init: null } });
}

/** readIdeaIds's computation, for worker threads too. */
export function idTask(): Compute<string | null> {
  return (_entry, file) => (file.ok ? idIn(file.bytes) : null);
}

/** The id a file's front matter gives, as the checks read it; null when it has none or cannot be read. */
function idIn(bytes: Uint8Array): string | null {
  const fm = readFrontMatter(bytes, { body: false });
  const value = fm.ok ? fm.data.id : undefined;
  return typeof value === 'string' ? detach(value) : typeof value === 'number' ? String(value) : null;
}

/** A file that could not be read at all: no entry in the cache, and listed as unreadable. */
const NOT_READ = { ok: false } as const;

type Fields = { ok: true; data: Record<string, unknown> } | FrontMatterProblem;
/** An idea's fields and text, without its front matter's text, which no reader of whole ideas uses. */
type Parsed = { ok: true; data: Record<string, unknown>; body: string } | FrontMatterProblem;
type Summary = SummaryCells | FrontMatterProblem;
type KindValue = Parsed | Fields | Summary | typeof NOT_READ;

/**
 * What each kind of reading keeps of a file, as its cache holds it (and as a RemoteTask's factory, so that worker
 * threads compute it too): the whole parse (`parsed`), the fields without the text (`fields`), or what `ideas list`
 * shows (`summary`), and all but those few fields let go at once.
 */
export function keepTask(kind: 'parsed' | 'fields' | 'summary', share = true): Compute<KindValue> {
  return (_entry, file) => {
    if (!file.ok) return NOT_READ;
    // Of a file that does not read, its readers keep only that it does not (readEach lists it as unreadable; `ideas
    // validate` says why, through a reading of its own): so the `yaml` package is not loaded to say why.
    const fm = readFrontMatter(file.bytes, { body: kind === 'parsed', explain: false });
    if (!fm.ok) return fm;
    if (kind === 'summary') return summaryCells(fm.data);
    // Kept whole to the end of the command: its short texts shared with the other ideas' (see shareStrings), but
    // for a caller with memory to spare (readIdeas's keepsAll).
    const data = share ? shareStrings(fm.data) : fm.data;
    return kind === 'parsed' ? { ok: true, data, body: fm.body } : { ok: true, data };
  };
}

/** Whether `v` is what keepTask(kind) makes: what a cache's value must be to be used. */
function isKindValue(kind: 'parsed' | 'fields' | 'summary', v: unknown): boolean {
  if (kind === 'summary' && Array.isArray(v)) return isSummaryCells(v);
  if (!isRecord(v)) return false;
  // A file that could not be read, or a problem: only counted as unreadable.
  if (v.ok === false) return true;
  if (v.ok !== true || !isRecord(v.data) || !isYamlData(v.data)) return false;
  return kind === 'fields' || (kind === 'parsed' && typeof v.body === 'string');
}

function isSummaryCells(cells: unknown[]): boolean {
  if (cells.length !== 9) return false;
  for (let i = 0; i < 7; i++) if (cells[i] !== null && typeof cells[i] !== 'string') return false;
  const tags = cells[7];
  const granted = cells[8];
  return (
    Array.isArray(tags) && tags.every((t) => typeof t === 'string') && (granted === null || typeof granted === 'number')
  );
}

/** Whether `v` holds only what YAML's core schema reads: scalars, lists and mappings (no Date, Map or typed array). */
function isYamlData(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.every(isYamlData);
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== null && proto !== Object.prototype) return false;
  return Object.values(v).every(isYamlData);
}

/**
 * Reads every idea in the stage folders: fields and text, no schema check, no positions. Files in stage folders
 * that do not read are listed as unreadable; links are skipped.
 *
 * `keepsAll`: the caller keeps every idea to its end and has memory to spare (`ideas site`, 250 MB at 10,000 ideas).
 * When most files are parsed anew, the young generation may then grow while they are (src/io/v8-flags.ts), and keeps
 * that size for the rest of the command. With V8's 1 MB young generation, a first site at 10,000 ideas made ~110
 * scavenges while it read (88 to 95 ms) and ~150 after, before its pages, each copying ideas that were to be kept
 * all the same; grown, ~10 and ~10 (43 to 48 ms, and ~40 ms less after), and the peak 3 MB lower, as the texts and
 * buffers of a batch no longer outlive a scavenge and reach the old generation. Not when the cache holds most of
 * them: its entries come back in the old generation already, and the larger young generation only added ~20 MB.
 * Nor are the ideas' short texts shared (shareStrings): at 10,000 ideas that saves ~8 MB of a site's 250, and cost it
 * 80 to 160 ms of its first run.
 */
export function readIdeas(
  registry: Registry,
  entries: IdeaFileEntry[] = listIdeaFiles(registry),
  opts: { alsoKeep?: readonly string[]; keepsAll?: boolean } = {},
): ReadIdeas {
  return readEach<Extract<Parsed, { ok: true }>, Idea>(
    registry,
    entries,
    'parsed',
    (fm, entry, stage) => toIdea(fm, stage, entry.path, entry.abs),
    opts,
  );
}

/**
 * Reads the fields of every idea, without its text: what `ideas report` counts. Its cache keeps only the fields, a
 * third of the size of readIdeas's, so it is written and read again in a third of the time.
 */
export function readIdeaFields(
  registry: Registry,
  entries: IdeaFileEntry[] = listIdeaFiles(registry),
): ReadIdeas<IdeaFields> {
  return readEach<Extract<Fields, { ok: true }>, IdeaFields>(registry, entries, 'fields', (f, entry, stage) =>
    toIdeaFields(f.data, stage, entry.path, entry.abs),
  );
}

/**
 * Reads what `ideas list` shows of every idea (IdeaSummary): the front matter of each file is parsed, and all but
 * those few fields let go at once. Its cache keeps only them too.
 */
export function readIdeaSummaries(registry: Registry): ReadIdeas<IdeaSummary> {
  // Each summary is a small part of its file: the young generation may grow while the files are listed, and keeps
  // that size while they are read (src/io/v8-flags.ts).
  const listed = withGrowingYoungGeneration(() => listIdeaFiles(registry));
  return readEach<SummaryCells, IdeaSummary>(registry, listed, 'summary', (cells, entry, stage) =>
    toIdeaSummary(cells, stage, entry.path, entry.abs),
  );
}

function readEach<V, T>(
  registry: Registry,
  entries: IdeaFileEntry[],
  kind: 'parsed' | 'fields' | 'summary',
  make: (value: V, entry: IdeaFileEntry, stage: NonNullable<IdeaFileEntry['stage']>) => T,
  opts: { alsoKeep?: readonly string[]; keepsAll?: boolean } = {},
): ReadIdeas<T> {
  const unreadable: IdeaFileEntry[] = [];
  const files = entries.filter((e) => {
    if (!e.stage) return false;
    if (isReadableEntry(e)) return true;
    // A link, or a name that was not UTF-8: never read, and counted with the files that could not be read, as
    // `ideas validate` names them (file/symlink, file/name). Left out without a word, an idea would just be gone.
    unreadable.push(e);
    return false;
  });
  const values = openReading<KindValue>(registry, kind, [], { accepts: (v) => isKindValue(kind, v) }).read(
    files,
    keepTask(kind, opts.keepsAll !== true),
    {
      // Worker threads only for summaries: a command that keeps whole ideas holds them all to its end anyway, and a
      // worker's isolate and the copies it sends back took `ideas report` from 118 to 124 MB at 10,000 ideas.
      ...(kind === 'summary' ? { remote: { module: import.meta.url, name: 'keepTask', init: kind } } : {}),
      ...(opts.alsoKeep ? { alsoKeep: opts.alsoKeep } : {}),
      keepsAll: opts.keepsAll === true,
    },
  );
  const ideas: T[] = [];
  files.forEach((entry, i) => {
    const value = values[i];
    // A summary is a list of cells (src/core/sluice/idea.ts); everything else says whether it was read.
    if (!(Array.isArray(value) || value?.ok) || !entry.stage) {
      unreadable.push(entry);
      return;
    }
    // Fields that come back from the cache or a worker thread (a structured clone) have prototypes: taken off where
    // they stand, since nothing else holds them, rather than copied (src/core/sluice/idea.ts would copy them).
    if (!Array.isArray(value) && 'data' in value && Object.getPrototypeOf(value.data) !== null)
      nullProtoInPlace(value.data);
    ideas.push(make(value as V, entry, entry.stage));
  });
  return { ideas, unreadable };
}
