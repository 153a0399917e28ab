import { IdeasError } from '../core/errors.js';
import { toIdea, type Idea } from '../core/sluice/idea.js';
import { ideasNamed, namesId } from '../core/sluice/id-text.js';
import { isReadableEntry, listIdeaFiles, type IdeaFileEntry } from './idea-files.js';
import { readIdeaFile, readIdeas } from './read-ideas.js';
import type { Registry } from './registry.js';
import path from 'node:path';
import { shellCommand } from '../core/shell/quote.js';

/**
 * Finds an idea by its id (any case), by the random part of its id alone, or by its path. The file name names the
 * id, so the usual case reads one file; a file whose name has drifted from its id is still found by a full read.
 */
export function findIdea(registry: Registry, query: string): Idea {
  const wanted = query.trim().toLowerCase().replace(/\\/g, '/');
  const entries = ideaEntries(registry);
  const named = byName(entries, wanted);
  if (named) return named;
  const { ideas } = readIdeas(registry, entries);
  const partial = ideasNamed(ideas, wanted);
  if (partial.length === 1 && partial[0]) return partial[0];
  if (partial.length > 1) {
    throw new IdeasError(
      'AMBIGUOUS_ID',
      'err.ambiguousId',
      { id: query, matches: partial.map((i) => i.path).join(', ') },
      { hint: 'hint.ambiguousId' },
    );
  }
  // An idea that another process moved while the folders were listed can be missed in both: gone from its old
  // folder when that was read, not yet in its new one when that was. One more look before saying it is not there.
  const again = byName(ideaEntries(registry), wanted);
  if (again) return again;
  // A file named for the idea that does not read is named, so that the user sees why, not that it is missing.
  // Asked by the random part of its id alone (`zzz111`), as for a file that reads: the second part of its name.
  const randomPart = (name: string) => (wanted.includes('-') ? null : (name.split('-', 3)[1] ?? null));
  const broken = listIdeaFiles(registry).find(
    (e) =>
      e.stage &&
      (e.path.toLowerCase() === wanted ||
        baseName(e.path).startsWith(`${wanted}-`) ||
        randomPart(baseName(e.path)) === wanted),
  );
  if (broken) {
    // The file as the user reaches it from where they are, and the command to run from there as printed.
    const here = registry.here;
    const file = here ? toPosix(path.relative(here.cwd, broken.abs)) : broken.path;
    const command = shellCommand(['ideas', ...(here?.flag ? ['-C', here.flag] : []), 'validate', file]);
    throw new IdeasError(
      'IDEA_NOT_FOUND',
      'err.ideaUnreadable',
      { id: query, file },
      { hint: 'hint.ideaUnreadableHere', hintParams: { command } },
    );
  }
  throw new IdeasError('IDEA_NOT_FOUND', 'err.ideaNotFound', { id: query }, { hint: 'hint.ideaNotFound' });
}

/** The files in stage folders that may be ideas (links are never followed). */
function ideaEntries(registry: Registry): IdeaFileEntry[] {
  return listIdeaFiles(registry).filter((e) => e.stage && isReadableEntry(e));
}

/**
 * The idea whose path, or whose file name's id, is the one asked for; the file name names the id. Two files named
 * for the id that both carry it (a copy, which `ideas validate` says is `id/duplicate`) are refused as ambiguous, as
 * the random part of the id alone is: the first one found was edited, moved or decided on without a word of the
 * other (found from outside).
 */
function byName(entries: IdeaFileEntry[], wanted: string): Idea | null {
  const byPath = entries.find((e) => e.path.toLowerCase() === wanted || e.path.toLowerCase().endsWith(`/${wanted}`));
  const candidates = byPath ? [byPath] : entries.filter((e) => namesId(baseName(e.path), wanted));
  const found: Idea[] = [];
  for (const entry of candidates) {
    try {
      const fm = readIdeaFile(entry.abs);
      if (fm.ok && entry.stage) {
        const idea = toIdea(fm, entry.stage, entry.path, entry.abs);
        if (byPath) return idea;
        if (idea.id?.toLowerCase() === wanted) found.push(idea);
      }
    } catch {
      // unreadable, or gone since the listing: fall through to the full read
    }
  }
  if (found.length > 1)
    throw new IdeasError(
      'AMBIGUOUS_ID',
      'err.ambiguousId',
      { id: wanted, matches: found.map((i) => i.path).join(', ') },
      { hint: 'hint.ambiguousId' },
    );
  return found[0] ?? null;
}

/**
 * The same file as `idea` read again, as it is now (a command that asked about it a moment ago and is about to write
 * to it): by its path, never by its id, which another file may carry too.
 */
export function sameIdeaAgain(idea: Idea): Idea {
  try {
    const fm = readIdeaFile(idea.abs);
    if (fm.ok) return toIdea(fm, idea.stage, idea.path, idea.abs);
  } catch {
    // gone since it was read: said below
  }
  throw new IdeasError(
    'IDEA_NOT_FOUND',
    'err.ideaNotFound',
    { id: idea.id ?? idea.path },
    { hint: 'hint.ideaNotFound' },
  );
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1).toLowerCase();
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
