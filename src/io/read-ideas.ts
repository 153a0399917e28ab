import { readFrontMatter, type FrontMatterResult } from '../core/front-matter.js';
import { toIdea, type Idea } from '../core/idea.js';
import { FileCache, readWithKey, type FileKey } from './file-cache.js';
import { listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import type { Registry } from './registry.js';

export interface ReadIdeas {
  ideas: Idea[];
  /** Files in stage folders that could not be read as ideas; `ideas validate` says why. */
  unreadable: IdeaFileEntry[];
}

/**
 * Reads every idea in the stage folders, on the fast path: no schema check, no positions. A file unchanged since
 * an earlier run is taken from the cache (src/io/file-cache.ts) instead of being read and parsed again.
 */
export function readIdeas(registry: Registry, entries: IdeaFileEntry[] = listIdeaFiles(registry)): ReadIdeas {
  const cache = registry.cache === false ? null : FileCache.open<FrontMatterResult>(registry.root, 'parsed', []);
  const ideas: Idea[] = [];
  const unreadable: IdeaFileEntry[] = [];
  for (const entry of entries) {
    if (!entry.stage || entry.symlink) continue;
    let fm = cache?.lookup(entry.path, entry.abs);
    if (!fm) {
      let read: { bytes: Buffer; key: FileKey };
      try {
        read = readWithKey(entry.abs);
      } catch {
        unreadable.push(entry);
        continue;
      }
      // Only whether a file reads matters here (`ideas validate` says where it does not).
      fm = readFrontMatter(read.bytes, { locate: false });
      cache?.set(entry.path, read.key, fm);
    }
    if (!fm.ok) {
      unreadable.push(entry);
      continue;
    }
    ideas.push(toIdea(fm, entry.stage, entry.path, entry.abs));
  }
  cache?.save();
  return { ideas, unreadable };
}
