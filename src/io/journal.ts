/**
 * What a write that takes several steps is about to do, written down before its first visible step and removed
 * after its last, so that a process killed in between (kill -9, a power cut, a closed laptop) leaves a note of what
 * it was doing. The next command that takes the write lock finds the note of a process that no longer holds the
 * lock and finishes the work:
 * - a move (`move`, `decide`, `review` with a stage change) is finished: the file already holds its new history
 *   entry (the text is replaced in place before the rename), so it is renamed into its new folder if it is not
 *   there yet, and git's index is brought along (the old path removed, the new one added);
 * - a change in place (`decide` without a stage change, `assign`) is staged, if the new text is the file's;
 * - an import is undone: an import is all or none, and a killed one was none. Only files identical to what it
 *   wrote are removed, with their index entries, and the folders it made if they are empty; an idea it updated
 *   gets its old text back (only while it holds what the import wrote), and its old index entry.
 * The note lives in the scratch folder in the git folder (see lock.ts), never in the work tree.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import type { Localized } from '../core/i18n/i18n.js';
import { localize } from '../core/i18n/i18n.js';
import { faultPoint } from './faults.js';
import { fsError } from './fs-error.js';
import { git } from './git.js';
import { pidMayRun, type LockPlace } from './lock.js';
import { JOURNAL_NAME, journalFile } from './journal-file.js';

export { JOURNAL_NAME };
/** git takes paths in batches, well under any system's limit on a command line's length. */
export const GIT_BATCH = 200;

export type JournalWork =
  | { op: 'move'; from: string; to: string; after: string; git: boolean }
  | { op: 'rewrite'; path: string; after: string; git: boolean }
  | {
      op: 'import';
      files: { rel: string; sha: string }[];
      /** Folders the import makes, deepest last. */
      dirs: string[];
      git: boolean;
      /** Ideas the import updates (a spreadsheet imported again): each one's old text is kept until the end. */
      updates?: ImportUpdate[];
    };

/** An idea file an import rewrites: the hashes of its old and new text, its old text's copy, its old index entry. */
export interface ImportUpdate {
  rel: string;
  before: string;
  after: string;
  /** Absolute path of the old text's copy in the scratch folder. */
  kept: string;
  /** git's index entry before the import (null: none, or no git). */
  index: { mode: string; object: string } | null;
}

type Journal = JournalWork & { version: 1; pid: number; root: string };

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function journalPath(place: LockPlace): string {
  return path.join(place.scratch, JOURNAL_NAME);
}

/** Writes the note of what is about to happen: whole, and on disk, before the first step it describes. */
export function writeJournal(place: LockPlace, root: string, work: JournalWork): void {
  const file = journalPath(place);
  const temp = path.join(place.scratch, `${process.pid}-${randomBytes(6).toString('hex')}-journal.tmp`);
  const journal: Journal = { version: 1, pid: process.pid, root, ...work };
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(journal)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // never made
    }
    throw fsError(e, file);
  }
}

/** The work is done (or undone in process): the note goes. */
export function clearJournal(place: LockPlace): void {
  try {
    unlinkSync(journalPath(place));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(e, journalPath(place));
  }
}

function readJournal(file: string): Journal | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as Journal;
    return j && j.version === 1 && typeof j.op === 'string' ? j : null;
  } catch {
    // Cut short before its rename: cannot be, the rename is atomic; a file someone broke is dropped below.
    return null;
  }
}

function contentHash(abs: string): string | null {
  try {
    return sha256(readFileSync(abs));
  } catch {
    return null;
  }
}

const notes: Localized[] = [];

/** What recovery did in this process, for the command line to tell (once). */
export function takeRecoveryNotes(): Localized[] {
  return notes.splice(0);
}

/** Finishes (or undoes) the work of a command killed while writing. Call while holding the write lock. */
export async function recoverInterrupted(place: LockPlace, root: string): Promise<void> {
  const file = journalPath(place);
  if (!existsSync(file)) return;
  const journal = readJournal(file);
  if (journal === null) {
    unlinkSync(file);
    return;
  }
  // The same registry, unless the folder was moved or renamed since.
  const base = existsSync(journal.root) ? journal.root : root;
  try {
    const note = await recover(journal, base);
    // Every step of a recovery may be done again: one cut short here is done anew by the next command.
    faultPoint('recover:done');
    if (note) notes.push(note);
  } catch (e) {
    const what =
      journal.op === 'import'
        ? localize('what.import', { count: journal.files.length + (journal.updates?.length ?? 0) })
        : localize(journal.op === 'move' ? 'what.move' : 'what.rewrite', {
            file: journal.op === 'move' ? journal.from : journal.path,
          });
    const reason = fsError(e, file).text;
    throw new IdeasError(
      'IO',
      'err.recover',
      { what, reason },
      { hint: 'hint.recover', hintParams: { journal: file } },
    );
  }
  clearJournal(place);
}

/** Does what the note says is left to do; says what it did, or null when there was nothing to do. */
async function recover(journal: Journal, root: string): Promise<Localized | null> {
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  switch (journal.op) {
    case 'move': {
      const { from, to, after } = journal;
      // Killed before the new text was in place: nothing happened.
      if (contentHash(abs(from)) !== after && contentHash(abs(to)) !== after) return null;
      if (!existsSync(abs(to))) renameSync(abs(from), abs(to));
      faultPoint('recover:renamed');
      if (journal.git) await git(['update-index', '--add', '--remove', '--', from, to], root);
      return localize('recover.move', { file: to });
    }
    case 'rewrite': {
      if (contentHash(abs(journal.path)) !== journal.after) return null;
      if (journal.git) await git(['add', '--', journal.path], root);
      return localize('recover.rewrite', { file: journal.path });
    }
    case 'import': {
      const removed = undoImport(journal.files, journal.dirs, root);
      faultPoint('recover:removed');
      const restored = undoUpdates(journal.updates ?? [], root);
      if (journal.git) {
        await unstage(
          journal.files.map((f) => f.rel).filter((rel) => !existsSync(abs(rel))),
          root,
        );
        await restoreUpdateIndex(journal.updates ?? [], root);
      }
      if (restored > 0) return localize('recover.reimport', { removed, restored });
      return removed > 0 ? localize('recover.import', { count: removed }) : null;
    }
  }
}

/** The temporary file of an import beside its target, when the scratch folder is on another file system. */
export function besideTemp(abs: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}.ideas-tmp`);
}

/** Removes the files an import wrote (only while they are as it wrote them) and the folders it made; returns how many. */
export function undoImport(
  files: readonly { rel: string; sha: string }[],
  dirs: readonly string[],
  root: string,
): number {
  let removed = 0;
  for (const f of files) {
    const abs = path.join(root, ...f.rel.split('/'));
    try {
      unlinkSync(besideTemp(abs));
    } catch {
      // none: the usual case
    }
    if (contentHash(abs) !== f.sha) continue;
    unlinkSync(abs);
    removed++;
  }
  for (const dir of [...dirs].reverse()) {
    try {
      rmdirSync(path.join(root, ...dir.split('/')));
    } catch {
      // not empty, or never made
    }
  }
  return removed;
}

/**
 * Puts back the old text of the ideas an import updated, where the file holds the import's new text and the copy of
 * the old one is whole; returns how many. A file that holds neither (changed by hand since) is left as it is.
 */
export function undoUpdates(updates: readonly ImportUpdate[], root: string): number {
  let restored = 0;
  for (const u of updates) {
    const abs = path.join(root, ...u.rel.split('/'));
    if (contentHash(abs) === u.after && contentHash(u.kept) === u.before) {
      renameSync(u.kept, abs);
      restored++;
    }
  }
  return restored;
}

/** git's index entries of updated ideas, as they were before the import. */
export async function restoreUpdateIndex(updates: readonly ImportUpdate[], root: string): Promise<void> {
  for (let i = 0; i < updates.length; i += GIT_BATCH) {
    const batch = updates.slice(i, i + GIT_BATCH);
    const args = ['update-index', '--add'];
    for (const u of batch) if (u.index) args.push('--cacheinfo', `${u.index.mode},${u.index.object},${u.rel}`);
    const gone = batch.filter((u) => !u.index).map((u) => u.rel);
    if (gone.length > 0) args.push('--force-remove', '--', ...gone);
    if (args.length > 2) await git(args, root);
  }
}

/** Takes paths out of git's index (those never added are no error). */
export async function unstage(rels: readonly string[], root: string): Promise<void> {
  for (let i = 0; i < rels.length; i += GIT_BATCH)
    await git(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...rels.slice(i, i + GIT_BATCH)], root);
}

/**
 * Whether a command was killed in the middle of a write in this registry: a note is there, and the process that
 * wrote it is gone. Cheap (no git, a few stat calls), so every command can ask before it starts.
 */
export function interruptedWork(root: string): boolean {
  const file = journalFile(root);
  if (!existsSync(file)) return false;
  const journal = readJournal(file);
  return journal === null || !pidMayRun(journal.pid);
}
