import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, rmdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { safeUnlink, tempPathFor } from './atomic-file.js';
import { git, gitTopLevel } from './git.js';
import { injectFault } from './idea-write.js';
import type { Registry } from './registry.js';

export interface NewFile {
  /** Relative to the registry root, with forward slashes. */
  rel: string;
  text: string;
}

/** git add takes its paths in batches, well under any system's limit on a command line's length. */
const GIT_BATCH = 200;

function writeTemp(abs: string, text: string): string {
  const temp = tempPathFor(abs);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Writes many new idea files all or none: every file is written in full to a hidden temporary file beside its
 * target first; only then is each linked to its name (a link never overwrites, so a file that appeared meanwhile
 * stops the import), and the whole set is staged with `git add`. A failure at any step removes what this call wrote,
 * and unstages it, so a failed import leaves the registry as it was.
 */
export async function writeNewFiles(
  registry: Registry,
  files: readonly NewFile[],
  env: NodeJS.ProcessEnv,
  onProgress?: (done: number, total: number) => void,
): Promise<{ staged: boolean }> {
  const targets = files.map((f) => ({ ...f, abs: path.join(registry.root, f.rel) }));
  const existing = targets.filter((f) => existsSync(f.abs)).map((f) => f.rel);
  if (existing.length > 0) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: existing.join(', ') });
  const temps: string[] = [];
  const linked: string[] = [];
  const madeDirs: string[] = [];
  let current = '';
  const rollback = () => {
    for (const abs of [...temps, ...linked]) safeUnlink(abs);
    for (const dir of madeDirs) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty, or gone
      }
    }
  };
  try {
    for (const f of targets) {
      current = f.rel;
      const dir = path.dirname(f.abs);
      if (!existsSync(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.push(dir);
      }
      temps.push(writeTemp(f.abs, f.text));
    }
    for (const [i, f] of targets.entries()) {
      current = f.rel;
      if (i === 1) injectFault(env, 'import:link');
      linkSync(temps[i] as string, f.abs);
      linked.push(f.abs);
      onProgress?.(i + 1, targets.length);
    }
  } catch (e) {
    rollback();
    throw new IdeasError(
      (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'FILE_EXISTS' : 'IO',
      (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'err.filesExist' : 'err.writeFile',
      { files: current, file: current, reason: (e as Error).message },
      { cause: e },
    );
  } finally {
    for (const t of temps) safeUnlink(t);
  }
  if (!(await gitTopLevel(registry.root))) return { staged: false };
  const rels = targets.map((f) => f.rel);
  try {
    for (let i = 0; i < rels.length; i += GIT_BATCH) {
      injectFault(env, 'import:git-add');
      await git(['add', '--', ...rels.slice(i, i + GIT_BATCH)], registry.root);
    }
  } catch (e) {
    // Unstage what was staged (best effort: a path never staged is no error here), then remove the files.
    for (let i = 0; i < rels.length; i += GIT_BATCH) {
      await git(
        ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...rels.slice(i, i + GIT_BATCH)],
        registry.root,
      ).catch(() => undefined);
    }
    rollback();
    throw e instanceof IdeasError
      ? e
      : new IdeasError('GIT', 'err.git', { reason: (e as Error).message }, { cause: e });
  }
  return { staged: true };
}
