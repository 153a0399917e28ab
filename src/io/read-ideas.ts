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
import { listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import type { Registry } from './registry.js';

export interface ReadIdeas<T = Idea> {
  ideas: T[];
  /** Files in stage folders that could not be read as ideas; `ideas validate` says why. */
  unreadable: IdeaFileEntry[];
}

/**
 * Reads every idea in the stage folders, on the fast path: no schema check, no positions. A file unchanged since
 * an earlier run is taken from the cache (src/io/file-cache.ts) instead of being read and parsed again.
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

function readEach<V extends { ok: boolean }, T>(
  registry: Registry,
  entries: IdeaFileEntry[],
  kind: string,
  withText: boolean,
  keep: (fm: FrontMatterResult) => V,
  make: (value: Extract<V, { ok: true }>, entry: IdeaFileEntry, stage: NonNullable<IdeaFileEntry['stage']>) => T,
): ReadIdeas<T> {
  const cache = registry.cache === false ? null : FileCache.open<V>(registry.root, kind, []);
  const ideas: T[] = [];
  const unreadable: IdeaFileEntry[] = [];
  for (const entry of entries) {
    if (!entry.stage || entry.symlink) continue;
    let value = cache?.lookup(entry.path, entry.abs);
    if (!value) {
      let read: { bytes: Buffer; key: FileKey };
      try {
        read = readWithKey(entry.abs);
      } catch {
        unreadable.push(entry);
        continue;
      }
      // Only whether a file reads matters here (`ideas validate` says where it does not).
      value = keep(readFrontMatter(read.bytes, { body: withText }));
      cache?.set(entry.path, read.key, value);
    }
    if (!value.ok) {
      unreadable.push(entry);
      continue;
    }
    ideas.push(make(value as Extract<V, { ok: true }>, entry, entry.stage));
  }
  cache?.save();
  return { ideas, unreadable };
}
