import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { EditError } from '../core/front-matter/front-matter-edit.js';
import { toIdea, type Idea } from '../core/sluice/idea.js';
import type { Stage } from '../core/sluice/config.js';
import { isReadOnly, writeFileAtomic } from './atomic-file.js';
import { readIdeaFile } from './read-ideas.js';
import { git, gitTopLevel } from './git.js';
import { faultPoint } from './faults.js';
import { withWriteLock } from './lock.js';
import type { Registry } from './registry.js';

/**
 * A test hook: `IDEAS_FAULT=<step>` makes the named step fail, so tests can prove that a failure at any step leaves
 * the idea whole in exactly one place.
 */
export function injectFault(env: NodeJS.ProcessEnv, step: string): void {
  faultPoint(step, env);
}

export function readIdeaText(idea: Idea): string {
  try {
    return readFileSync(idea.abs, 'utf8');
  } catch (e) {
    // Read a moment ago, gone now: someone else moved it (or removed it) in between.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: idea.path });
    throw new IdeasError('IO', 'err.readFile', { file: idea.path, reason: (e as Error).message });
  }
}

/** Runs an edit of the front matter, turning a file the edit cannot handle into a clear error. */
export function editText(idea: Idea, edit: () => string): string {
  try {
    return edit();
  } catch (e) {
    if (e instanceof EditError) throw new IdeasError('USAGE', 'err.cannotEdit', { file: idea.path, reason: e.reason });
    throw e;
  }
}

function reread(idea: Idea, rel: string, abs: string, stage: Stage): Idea {
  const fm = readIdeaFile(abs);
  if (!fm.ok) throw new IdeasError('IO', 'err.readFile', { file: rel, reason: fm.rule });
  return toIdea(fm, stage, rel, abs);
}

/** Refuses to write over a change someone else made since the idea was read. */
function assertUnchanged(idea: Idea, before: string): void {
  if (isReadOnly(idea.abs)) throw new IdeasError('IO', 'err.readOnly', { file: idea.path });
  let now: string;
  try {
    now = readFileSync(idea.abs, 'utf8');
  } catch {
    throw new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: idea.path });
  }
  if (now !== before) throw new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: idea.path });
}

async function isTracked(root: string, rel: string): Promise<boolean> {
  try {
    await git(['ls-files', '--error-unmatch', '--', rel], root);
    return true;
  } catch {
    return false;
  }
}

export interface WriteOutcome {
  idea: Idea;
  staged: boolean;
  committed: boolean;
}

/** Replaces an idea's text in place, atomically, and stages it in a git repository. */
export function rewriteIdea(
  registry: Registry,
  idea: Idea,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  return withWriteLock(registry.root, () => rewriteLocked(registry, idea, before, after, env, commitMessage));
}

async function rewriteLocked(
  registry: Registry,
  idea: Idea,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  assertUnchanged(idea, before);
  try {
    injectFault(env, 'rewrite:before-write');
    writeFileAtomic(idea.abs, after);
  } catch (e) {
    throw new IdeasError('IO', 'err.writeFile', { file: idea.path, reason: (e as Error).message }, { cause: e });
  }
  injectFault(env, 'rewrite:after-write');
  const inGit = (await gitTopLevel(registry.root)) !== null;
  if (inGit) await git(['add', '--', idea.path], registry.root);
  let committed = false;
  if (inGit && commitMessage) {
    await git(
      ['commit', '--quiet', '-m', commitMessage, '--only', '--', ...(await commitPaths(registry, idea.path))],
      registry.root,
    );
    committed = true;
  }
  return { idea: reread(idea, idea.path, idea.abs, idea.stage), staged: inGit, committed };
}

/**
 * What a commit of one idea must hold: its current path and every path of the same file name that the last commit
 * has under the ideas folder, so an earlier move that was staged but not committed is committed whole (the old path
 * removed), never as a second copy.
 */
async function commitPaths(registry: Registry, current: string): Promise<string[]> {
  const name = path.posix.basename(current);
  let inHead: string[] = [];
  try {
    const { stdout } = await git(
      ['ls-tree', '-r', '--name-only', '-z', 'HEAD', '--', registry.config.ideasDir],
      registry.root,
    );
    inHead = stdout.split('\0').filter((p) => p && path.posix.basename(p) === name);
  } catch {
    // No commit yet: only the current path.
  }
  return [...new Set([current, ...inHead])];
}

/**
 * Moves an idea into another stage's folder and writes its new text there. In a git repository the move is a
 * `git mv`, so `git log --follow` keeps the file's history. The order makes every failure recoverable: the file is
 * moved whole first, then its text is replaced atomically; if that fails, it is moved back. A process killed
 * between the two leaves the idea whole, in one place, without its new history entry.
 */
export function moveIdea(
  registry: Registry,
  idea: Idea,
  to: Stage,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  return withWriteLock(registry.root, () => moveLocked(registry, idea, to, before, after, env, commitMessage));
}

async function moveLocked(
  registry: Registry,
  idea: Idea,
  to: Stage,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  const name = path.basename(idea.abs);
  const toRel = `${registry.config.ideasDir}/${to.folder}/${name}`;
  const toAbs = path.join(registry.root, toRel);
  // Checked first: a second command that waited for the lock finds the idea moved and refuses, naming it.
  assertUnchanged(idea, before);
  if (existsSync(toAbs)) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: toRel });
  const inGit = (await gitTopLevel(registry.root)) !== null;
  const tracked = inGit && (await isTracked(registry.root, idea.path));
  mkdirSync(path.dirname(toAbs), { recursive: true });

  if (tracked) {
    await git(['mv', '--', idea.path, toRel], registry.root);
  } else {
    try {
      // link, then unlink: unlike rename, never replaces a file that appeared at the target meanwhile.
      linkSync(idea.abs, toAbs);
      unlinkSync(idea.abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: idea.path });
      throw new IdeasError(
        code === 'EEXIST' ? 'FILE_EXISTS' : 'IO',
        code === 'EEXIST' ? 'err.filesExist' : 'err.writeFile',
        { files: toRel, file: toRel, reason: (e as Error).message },
      );
    }
  }
  try {
    injectFault(env, 'move:after-rename');
    writeFileAtomic(toAbs, after);
  } catch (e) {
    // Put the idea back as it was: its old text is still the file's, only its place changed.
    if (tracked) await git(['mv', '--', toRel, idea.path], registry.root);
    else {
      linkSync(toAbs, idea.abs);
      unlinkSync(toAbs);
    }
    throw new IdeasError('IO', 'err.writeFile', { file: toRel, reason: (e as Error).message }, { cause: e });
  }
  injectFault(env, 'move:after-write');
  if (inGit) await git(['add', '--', toRel], registry.root);
  let committed = false;
  if (inGit && commitMessage) {
    await git(
      ['commit', '--quiet', '-m', commitMessage, '--only', '--', ...(await commitPaths(registry, toRel))],
      registry.root,
    );
    committed = true;
  }
  return { idea: reread(idea, toRel, toAbs, to), staged: inGit, committed };
}
