/**
 * The one way the registry's idea files are read: each file's bytes go through readFrontMatter
 * (src/core/front-matter/front-matter.ts), and what a file came to is kept in the cache (src/io/file-cache.ts) so
 * that a file unchanged since an earlier run is not read again. This module is the only one that drives the cache;
 * commands ask it for ideas, summaries, fields or their own results per file (`ideas validate`'s findings).
 */
import { readFileSync } from 'node:fs';
import { readFrontMatter, type FrontMatterProblem, type FrontMatterResult } from '../core/front-matter/front-matter.js';
import {
  summaryRow,
  toIdea,
  toIdeaFields,
  toIdeaSummary,
  type Idea,
  type IdeaFields,
  type IdeaSummary,
  type SummaryRow,
} from '../core/sluice/idea.js';
import { FileCache, readWithKey, type FileKey } from './file-cache.js';
import { isReadableEntry, listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import type { Registry } from './registry.js';

export interface ReadIdeas<T = Idea> {
  ideas: T[];
  /** Files in stage folders that could not be read as ideas; `ideas validate` says why. */
  unreadable: IdeaFileEntry[];
}

/** One idea file read from disk, fields and text. Throws as readFileSync does when the file cannot be read. */
export function readIdeaFile(abs: string): FrontMatterResult {
  return readFrontMatter(readFileSync(abs));
}

/** A file's bytes, or why they could not be read. A symbolic link (or a name that is not UTF-8) is never read, nor followed: its bytes are empty. */
export type FileBytes = { ok: true; bytes: Uint8Array } | { ok: false; error: NodeJS.ErrnoException };

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
   * kept as they were. `onEach` is told of every file as it is done.
   */
  read(
    entries: readonly IdeaFileEntry[],
    compute: (entry: IdeaFileEntry, file: FileBytes) => V,
    opts?: { alsoKeep?: readonly string[]; onEach?: () => void },
  ): V[];
}

const EMPTY = new Uint8Array();

/** `now` is for tests: the moment the run starts, which decides which changes are too recent to keep. */
export function openReading<V>(
  registry: Registry,
  kind: string,
  context: readonly string[],
  opts: { now?: number } = {},
): Reading<V> {
  const cache = registry.cache === false ? null : FileCache.open<V>(registry.root, kind, context, opts);
  return {
    earlierRun: cache?.trusted ?? false,
    read(entries, compute, opts = {}) {
      const out: V[] = [];
      for (const entry of entries) {
        const known = !isReadableEntry(entry) ? undefined : cache?.lookup(entry.path, entry.abs);
        if (known !== undefined) {
          out.push(known);
          opts.onEach?.();
          continue;
        }
        let file: FileBytes = { ok: true, bytes: EMPTY };
        let key: FileKey | null = null;
        if (isReadableEntry(entry)) {
          try {
            const read = readWithKey(entry.abs);
            file = { ok: true, bytes: read.bytes };
            key = read.key;
          } catch (e) {
            file = { ok: false, error: e as NodeJS.ErrnoException };
          }
        }
        const value = compute(entry, file);
        // Only a file read with its key can be kept: a link, or a file that could not be read, is asked again.
        if (key) cache?.set(entry.path, key, value);
        out.push(value);
        opts.onEach?.();
      }
      cache?.save(opts.alsoKeep);
      return out;
    },
  };
}

/**
 * Reads every idea in the stage folders: fields and text, no schema check, no positions. Files in stage folders
 * that do not read are listed as unreadable; links are skipped.
 */
export function readIdeas(registry: Registry, entries: IdeaFileEntry[] = listIdeaFiles(registry)): ReadIdeas {
  return readEach(
    registry,
    entries,
    'parsed',
    true,
    (fm) => fm,
    (fm, entry, stage) => toIdea(fm, stage, entry.path, entry.abs),
  );
}

type Fields = { ok: true; data: Record<string, unknown> } | FrontMatterProblem;

/**
 * Reads the fields of every idea, without its text: what `ideas report` counts. Its cache keeps only the fields, a
 * third of the size of readIdeas's, so it is written and read again in a third of the time.
 */
export function readIdeaFields(registry: Registry): ReadIdeas<IdeaFields> {
  return readEach<Fields, IdeaFields>(
    registry,
    listIdeaFiles(registry),
    'fields',
    false,
    (fm) => (fm.ok ? { ok: true, data: fm.data } : fm),
    (f, entry, stage) => toIdeaFields(f.data, stage, entry.path, entry.abs),
  );
}

/**
 * Reads what `ideas list` shows of every idea (IdeaSummary): the front matter of each file is parsed, and all but
 * those few fields let go at once. Its cache keeps only them too.
 */
export function readIdeaSummaries(registry: Registry): ReadIdeas<IdeaSummary> {
  return readEach<{ ok: true; row: SummaryRow } | FrontMatterProblem, IdeaSummary>(
    registry,
    listIdeaFiles(registry),
    'summary',
    false,
    (fm) => (fm.ok ? { ok: true, row: summaryRow(fm.data) } : fm),
    (v, entry, stage) => toIdeaSummary(v.row, stage, entry.path, entry.abs),
  );
}

/** A file that could not be read at all: no entry in the cache, and listed as unreadable. */
const NOT_READ = { ok: false } as const;

function readEach<V extends { ok: boolean }, T>(
  registry: Registry,
  entries: IdeaFileEntry[],
  kind: string,
  withText: boolean,
  keep: (fm: FrontMatterResult) => V,
  make: (value: Extract<V, { ok: true }>, entry: IdeaFileEntry, stage: NonNullable<IdeaFileEntry['stage']>) => T,
): ReadIdeas<T> {
  const files = entries.filter((e) => e.stage && isReadableEntry(e));
  const values = openReading<V | typeof NOT_READ>(registry, kind, []).read(files, (_entry, file) =>
    file.ok ? keep(readFrontMatter(file.bytes, { body: withText })) : NOT_READ,
  );
  const ideas: T[] = [];
  const unreadable: IdeaFileEntry[] = [];
  files.forEach((entry, i) => {
    const value = values[i];
    if (!value?.ok || !entry.stage) unreadable.push(entry);
    else ideas.push(make(value as Extract<V, { ok: true }>, entry, entry.stage));
  });
  return { ideas, unreadable };
}
