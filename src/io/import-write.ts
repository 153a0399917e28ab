import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { safeUnlink, scratchPathFor } from './atomic-file.js';
import { fsError } from './fs-error.js';
import { git } from './git.js';
import { injectFault } from './idea-write.js';
import { besideTemp, clearJournal, GIT_BATCH, sha256, undoImport, unstage, writeJournal } from './journal.js';
import type { Registry } from './registry.js';
import { withWriteLock } from './write-session.js';

export interface NewFile {
  /** Relative to the registry root, with forward slashes. */
  rel: string;
  text: string;
}

function writeTemp(temp: string, text: string): void {
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    safeUnlink(temp);
    throw e;
  }
  closeSync(fd);
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
 * 4. the whole set is staged with `git add`, then the journal goes.
 * A failure at any step removes what this call wrote and unstages it; a kill at any step leaves the journal, and
 * the next command undoes the import the same way, removing only files still identical to what it wrote. Either
 * way a failed import leaves the registry as it was.
 */
export async function writeNewFiles(
  registry: Registry,
  files: readonly NewFile[],
  env: NodeJS.ProcessEnv,
  onProgress?: (done: number, total: number) => void,
): Promise<{ staged: boolean }> {
  return withWriteLock(registry.root, async ({ root, place }) => {
    const targets = files.map((f) => ({ ...f, abs: path.join(root, ...f.rel.split('/')), sha: sha256(f.text) }));
    const inGit = place.gitDir !== null;
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
    writeJournal(place, root, {
      op: 'import',
      files: targets.map((f) => ({ rel: f.rel, sha: f.sha })),
      dirs,
      git: inGit,
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
      if (inGit) {
        staging = true;
        const rels = targets.map((f) => f.rel);
        for (let i = 0; i < rels.length; i += GIT_BATCH) {
          await git(['add', '--', ...rels.slice(i, i + GIT_BATCH)], root);
          injectFault(env, 'import:staged');
        }
      }
    } catch (e) {
      for (const t of temps) safeUnlink(t);
      try {
        undoImport(targets, dirs, root);
        if (staging)
          await unstage(
            targets.map((f) => f.rel),
            root,
          );
        clearJournal(place);
      } catch {
        // The journal stays: the next command undoes the rest.
      }
      if (e instanceof IdeasError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: current }, { cause: e });
      throw fsError(e, current);
    }
    clearJournal(place);
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
