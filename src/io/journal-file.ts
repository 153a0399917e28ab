/**
 * Where the journal of an interrupted write lives (see journal.ts), in a module of its own: every command asks
 * whether there is one before it starts, and that question must not load git, crypto and the lock to be answered.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findGitDir } from './git-dir.js';

/** The scratch folder in the git folder (lock.ts), or `.ideas-tmp` in the registry outside git. */
export const SCRATCH_NAME = 'ideas-tmp';
export const JOURNAL_NAME = 'journal.json';

/** The journal file of the registry at `root`, whether or not it is there. */
export function journalFile(root: string): string {
  const gitDir = findGitDir(root);
  return gitDir ? path.join(gitDir, SCRATCH_NAME, JOURNAL_NAME) : path.join(root, `.${SCRATCH_NAME}`, JOURNAL_NAME);
}

/** Whether a journal is there at all: a few stat calls. Whether its process is gone is journal.ts's question. */
export function hasJournal(root: string): boolean {
  return existsSync(journalFile(root));
}
