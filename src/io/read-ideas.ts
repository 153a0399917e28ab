import { readFileSync } from 'node:fs';
import { readFrontMatter } from '../core/front-matter.js';
import { toIdea, type Idea } from '../core/idea.js';
import { listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import type { Registry } from './registry.js';

export interface ReadIdeas {
  ideas: Idea[];
  /** Files in stage folders that could not be read as ideas; `ideas validate` says why. */
  unreadable: IdeaFileEntry[];
}

/** Reads every idea in the stage folders, on the fast path: no schema check, no positions. */
export function readIdeas(registry: Registry, entries: IdeaFileEntry[] = listIdeaFiles(registry)): ReadIdeas {
  const ideas: Idea[] = [];
  const unreadable: IdeaFileEntry[] = [];
  for (const entry of entries) {
    if (!entry.stage || entry.symlink) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.abs);
    } catch {
      unreadable.push(entry);
      continue;
    }
    const fm = readFrontMatter(bytes);
    if (!fm.ok) {
      unreadable.push(entry);
      continue;
    }
    ideas.push(toIdea(fm, entry.stage, entry.path, entry.abs));
  }
  return { ideas, unreadable };
}
