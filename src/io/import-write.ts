import { linkSync, lstatSync, mkdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { isReadOnly, safeUnlink, scratchPathFor, writeFileAtomic, writeNewFile } from './atomic-file.js';
import { fsError } from './fs-error.js';
import { git } from './git.js';
import { indexEntries, injectFault } from './idea-write.js';
import {
  besideTemp,
  clearJournal,
  GIT_BATCH,
  restoreUpdateIndex,
  sha256,
  undoImport,
  undoUpdates,
  unstage,
  writeJournal,
  type ImportUpdate,
} from './journal.js';
import type { Registry } from './registry.js';
import { withWriteLock } from './write-session.js';

export interface NewFile {
  /** Relative to the registry root, with forward slashes. */
  rel: string;
  text: string;
}

/** An idea file an import rewrites: the text it was read with, and its new text. */
export interface UpdatedFile {
  rel: string;
  before: string;
  after: string;
}

/**
 * Keeps a file's old text as a second name in the scratch folder (a link: no disk space, nothing to write), or as
 * a copy where a link cannot be made, so that undoing the import is one rename.
 */
function keepOriginal(abs: string, before: string, scratch: string): string {
  const kept = scratchPathFor(scratch, abs);
  try {
    linkSync(abs, kept);
  } catch {
    writeTemp(kept, before);
  }
  return kept;
}

function writeTemp(temp: string, text: string): void {
  writeNewFile(temp, (fd) => writeSync(fd, text));
}

function exists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** The folders that must be made for `rels`, relative, each after its parent. */
function missingDirs(root: string, rels: readonly string[]): string[] {
  const out = new Set<string>();
  for (const rel of rels) {
    const chain: string[] = [];
    for (let dir = path.posix.dirname(rel); dir !== '.' && !exists(path.join(root, dir)); dir = path.posix.dirname(dir))
      chain.unshift(dir);
    for (const dir of chain) out.add(dir);
  }
  return [...out];
}

/**
 * Writes many new idea files all or none, holding the write lock for the whole write:
 * 1. a journal (journal.ts) lists every file with the hash of its text and the folders to make;
 * 2. every file is written in full to a temporary file in the git folder (where `git add -A` never sees it);
 * 3. each is linked to its name: a link never overwrites, so a file that appeared meanwhile stops the import;
 * 4. each idea the import updates (a spreadsheet imported again) gets its new text in place, atomically; its old
 *    text was kept in the scratch folder before the journal was written, and the journal names it;
 * 5. the whole set is staged with `git add`, then the journal goes.
 * A failure at any step removes what this call wrote, puts the updated ideas' old texts and index entries back and
 * unstages the rest; a kill at any step leaves the journal, and the next command undoes the import the same way,
 * removing only files still identical to what it wrote and restoring only files that still hold its new text.
 * Either way a failed import leaves the registry as it was.
 */
export async function writeNewFiles(
  registry: Registry,
  files: readonly NewFile[],
  env: NodeJS.ProcessEnv,
  onProgress?: (done: number, total: number) => void,
  updated: readonly UpdatedFile[] = [],
): Promise<{ staged: boolean }> {
  return withWriteLock(registry.root, async ({ root, place }) => {
    const targets = files.map((f) => ({ ...f, abs: path.join(root, ...f.rel.split('/')), sha: sha256(f.text) }));
    const inGit = place.gitDir !== null;
    // An idea changed since it was read (by another command that held the lock meanwhile) is not written over.
    for (const u of updated) {
      const abs = path.join(root, ...u.rel.split('/'));
      if (isReadOnly(abs)) throw new IdeasError('IO', 'err.readOnly', { file: u.rel });
      let now: string | null = null;
      try {
        now = readFileSync(abs, 'utf8');
      } catch {
        // gone: refused below
      }
      if (now !== u.before) throw new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: u.rel });
    }
    const index =
      inGit && updated.length > 0
        ? await indexEntries(
            root,
            updated.map((u) => u.rel),
          )
        : new Map();
    const existing = targets.filter((f) => exists(f.abs)).map((f) => f.rel);
    if (inGit && existing.length === 0) {
      // A path git still has in its index (the file deleted but not yet staged as deleted) is taken too: undoing
      // the import would otherwise remove that entry.
      const rels = new Set(targets.map((f) => f.rel));
      const { stdout } = await git(['ls-files', '-z', '--', registry.config.ideasDir], root);
      existing.push(...stdout.split('\0').filter((p) => rels.has(p)));
    }
    if (existing.length > 0) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: existing.join(', ') });
    const dirs = missingDirs(
      root,
      targets.map((f) => f.rel),
    );
    const updates: (ImportUpdate & { abs: string; text: string })[] = [];
    try {
      for (const u of updated) {
        const abs = path.join(root, ...u.rel.split('/'));
        updates.push({
          rel: u.rel,
          abs,
          text: u.after,
          before: sha256(u.before),
          after: sha256(u.after),
          kept: keepOriginal(abs, u.before, place.scratch),
          index: index.get(u.rel) ?? null,
        });
      }
    } catch (e) {
      for (const u of updates) safeUnlink(u.kept);
      throw fsError(e, updated[updates.length]?.rel ?? '');
    }
    writeJournal(place, root, {
      op: 'import',
      files: targets.map((f) => ({ rel: f.rel, sha: f.sha })),
      dirs,
      git: inGit,
      updates: updates.map(({ rel, before, after, kept, index: entry }) => ({
        rel,
        before,
        after,
        kept,
        index: entry,
      })),
    });
    const temps: string[] = [];
    let current = '';
    let staging = false;
    try {
      injectFault(env, 'import:journal-written');
      for (const dir of dirs) {
        current = dir;
        mkdirSync(path.join(root, ...dir.split('/')));
      }
      for (const f of targets) {
        current = f.rel;
        const temp = scratchPathFor(place.scratch, f.abs);
        temps.push(temp);
        writeTemp(temp, f.text);
        injectFault(env, 'import:temp-written');
      }
      for (const [i, f] of targets.entries()) {
        current = f.rel;
        linkTemp(temps[i] as string, f.abs, f.text);
        injectFault(env, 'import:linked');
        onProgress?.(i + 1, targets.length);
      }
      for (const t of temps.splice(0)) safeUnlink(t);
      injectFault(env, 'import:temps-removed');
      for (const u of updates) {
        current = u.rel;
        writeFileAtomic(u.abs, u.text, undefined, place.scratch);
        injectFault(env, 'import:updated');
      }
      if (inGit) {
        staging = true;
        const rels = [...targets.map((f) => f.rel), ...updates.map((u) => u.rel)];
        for (let i = 0; i < rels.length; i += GIT_BATCH) {
          await git(['add', '--', ...rels.slice(i, i + GIT_BATCH)], root);
          injectFault(env, 'import:staged');
        }
      }
    } catch (e) {
      for (const t of temps) safeUnlink(t);
      try {
        undoImport(targets, dirs, root);
        undoUpdates(updates, root);
        if (staging) {
          await unstage(
            targets.map((f) => f.rel),
            root,
          );
          await restoreUpdateIndex(updates, root);
        }
        clearJournal(place);
        for (const u of updates) safeUnlink(u.kept);
      } catch {
        // The journal stays: the next command undoes the rest.
      }
      if (e instanceof IdeasError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: current }, { cause: e });
      throw fsError(e, current);
    }
    // The journal first: killed between the two, the copies are left to the next writer to clear, not needed.
    clearJournal(place);
    for (const u of updates) safeUnlink(u.kept);
    return { staged: inGit };
  });
}

/**
 * Links a temporary file to its name. A scratch folder on another file system than the work tree (a git folder
 * kept elsewhere) cannot be linked from: the file is then written beside its target, under a name the journal
 * knows (see `besideTemp`), and linked from there.
 */
function linkTemp(temp: string, abs: string, text: string): void {
  try {
    linkSync(temp, abs);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
  }
  const beside = besideTemp(abs);
  safeUnlink(beside);
  writeTemp(beside, text);
  try {
    linkSync(beside, abs);
  } finally {
    safeUnlink(beside);
  }
}
