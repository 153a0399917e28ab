/**
 * Writing one idea: its front matter rewritten in place, a move to another stage's folder (one rename, and git's index
 * updated as `git mv` would, with the history entry, all journaled: a kill leaves the idea whole in one place), a new
 * idea's file created. Every step is a fault point (src/io/faults.ts).
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { localize } from '../core/i18n/i18n.js';
import { EditReachError } from '../core/front-matter/edit-guard.js';
import { EditError } from '../core/front-matter/front-matter-edit.js';
import { MAX_IDEA_BYTES, readFrontMatter } from '../core/front-matter/front-matter.js';
import { toIdea, type Idea } from '../core/sluice/idea.js';
import { unfinishedMove, type MoveFacts } from '../core/sluice/unfinished-move.js';
import { namesId } from '../core/sluice/id-text.js';
import { findGitDir } from './git-dir.js';
import type { Stage } from '../core/sluice/config.js';
import { createFileExclusive, isReadOnly, safeUnlink, scratchPathFor, writeFileAtomic } from './atomic-file.js';
import { readIdeaFile } from './read-ideas.js';
import { git } from './git.js';
import { faultPoint } from './faults.js';
import { fsError, readReason } from './fs-error.js';
import { clearJournal, sha256, writeJournal } from './journal.js';
import { withWriteLock, type WriteSession } from './write-session.js';
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
    if ((e as NodeJS.ErrnoException).code === 'EISDIR' || !(e instanceof Error))
      throw new IdeasError('IO', 'err.readFile', { file: idea.path, reason: readReason(e) });
    throw fsError(e, idea.path);
  }
}

/**
 * Refuses a text larger than an idea file may be (MAX_IDEA_BYTES), which no command would read: a usage error that
 * says so, before anything is written. A body from `--body-file` may come near the limit, and the front matter adds
 * to it.
 */
export function assertIdeaSize(text: string, file: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_IDEA_BYTES)
    throw new IdeasError('USAGE', 'err.ideaTooLarge', {
      file,
      size: (bytes / 1_000_000).toFixed(1),
      max: MAX_IDEA_BYTES / 1_000_000,
    });
}

/**
 * Runs an edit of the front matter, turning a file the edit cannot handle into a clear error, and an edit that would
 * change a field it does not name (every edit of front-matter-edit.ts is checked: edit-guard.ts) into an internal one.
 */
export function editText(idea: Idea, edit: () => string): string {
  let text: string;
  try {
    text = edit();
  } catch (e) {
    if (e instanceof EditError) throw new IdeasError('USAGE', 'err.cannotEdit', { file: idea.path, reason: e.reason });
    if (e instanceof EditReachError) throw e.inFile(idea.path);
    throw e;
  }
  assertIdeaSize(text, idea.path);
  // Read back as every command reads it, before anything is written or moved: an edit no command could read (a
  // mistake of the writers, as a front matter in flow style once met) fails here, the file as it was. Until
  // 2026-12-06, `ideas move` moved such a file and wrote it broken.
  const back = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!back.ok)
    throw new IdeasError(
      'UNEXPECTED',
      'err.editUnreadable',
      { file: idea.path, reason: localize(back.message, back.params) },
      { hint: 'hint.unexpected' },
    );
  return text;
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

function removeEmptyDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty
  }
}

function exists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** Index entries (`<mode> <object> <stage>\t<path>`) of some paths, to put back exactly if a write must be undone. */
export async function indexEntries(
  root: string,
  rels: string[],
): Promise<Map<string, { mode: string; object: string }>> {
  const out = new Map<string, { mode: string; object: string }>();
  const { stdout } = await git(['ls-files', '--stage', '-z', '--', ...rels], root);
  for (const line of stdout.split('\0')) {
    const m = /^(\d+) ([0-9a-f]+) 0\t(.*)$/s.exec(line);
    if (m) out.set(m[3] as string, { mode: m[1] as string, object: m[2] as string });
  }
  return out;
}

/** Puts git's index back as it was for `rels`: each path's old entry, or none. */
async function restoreIndex(
  root: string,
  rels: string[],
  entries: Map<string, { mode: string; object: string }>,
): Promise<void> {
  const args = ['update-index', '--add'];
  for (const rel of rels) {
    const e = entries.get(rel);
    if (e) args.push('--cacheinfo', `${e.mode},${e.object},${rel}`);
  }
  const gone = rels.filter((rel) => !entries.has(rel));
  if (gone.length > 0) args.push('--force-remove', '--', ...gone);
  await git(args, root);
}

/**
 * Keeps the file's old text as a second name in the scratch folder, so that undoing a write is one rename that
 * needs no disk space (a full disk is a reason to undo). Where a link cannot be made, the text is written back.
 */
function keepOriginal(abs: string, before: string, scratch: string): { restore: () => void; drop: () => void } {
  const kept = scratchPathFor(scratch, abs);
  try {
    linkSync(abs, kept);
  } catch {
    return { restore: () => writeFileAtomic(abs, before, undefined, scratch), drop: () => undefined };
  }
  return { restore: () => renameSync(kept, abs), drop: () => safeUnlink(kept) };
}

async function commitIfAsked(
  registry: Registry,
  inGit: boolean,
  rel: string,
  id: string | null,
  message: string | null,
): Promise<boolean> {
  if (!inGit || !message) return false;
  await git(
    ['commit', '--quiet', '-m', message, '--only', '--', ...(await commitPaths(registry, rel, id))],
    registry.root,
  );
  return true;
}

export interface WriteOutcome {
  idea: Idea;
  staged: boolean;
  committed: boolean;
}

/**
 * Replaces an idea's text in place, atomically, and stages it in a git repository. Steps: a journal of the change
 * (journal.ts), the new text (temporary file in the git folder, renamed over the old), `git add`. Killed between any
 * two, the file holds its old text or its new, whole; the next command stages the new one. A failure in process
 * puts the text and the index back as they were.
 */
export function rewriteIdea(
  registry: Registry,
  idea: Idea,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  return withWriteLock(registry.root, (session) =>
    rewriteLocked(session, registry, idea, before, after, env, commitMessage),
  );
}

async function rewriteLocked(
  { root, place }: WriteSession,
  registry: Registry,
  idea: Idea,
  before: string,
  after: string,
  env: NodeJS.ProcessEnv,
  commitMessage: string | null,
): Promise<WriteOutcome> {
  assertUnchanged(idea, before);
  const inGit = place.gitDir !== null;
  // The places the file left by hand (a file manager, a web UI's rename), which git's index still holds: staged as
  // gone with the file's new text, as `git mv` would have, so that a commit never keeps the idea twice.
  const left = inGit ? await leftPlaces(registry, idea.path, idea.id) : [];
  const paths = [idea.path, ...left];
  const index = inGit ? await indexEntries(root, paths) : new Map();
  writeJournal(place, root, { op: 'rewrite', path: idea.path, after: sha256(after), git: inGit });
  const original = keepOriginal(idea.abs, before, place.scratch);
  let written = false;
  try {
    injectFault(env, 'rewrite:journal-written');
    writeFileAtomic(idea.abs, after, undefined, place.scratch);
    written = true;
    injectFault(env, 'rewrite:written');
    if (inGit) await git(['add', '--', ...paths], root);
    injectFault(env, 'rewrite:staged');
  } catch (e) {
    // Undo in process: the old text, and the index entry it had. If undoing fails too, the journal stays and the
    // next command finishes the change instead: the file is whole either way.
    try {
      if (written) original.restore();
      if (inGit && written) await restoreIndex(root, paths, index);
      clearJournal(place);
    } catch {
      // left to the journal
    }
    original.drop();
    throw fsError(e, idea.path);
  }
  original.drop();
  clearJournal(place);
  const committed = await commitIfAsked(registry, inGit, idea.path, idea.id, commitMessage);
  return { idea: reread(idea, idea.path, idea.abs, idea.stage), staged: inGit, committed };
}

/**
 * What git says of an idea whose last move seems cut short (core/sluice/unfinished-move.ts): whether the last commit
 * holds the file in the folder that move leads to, and not where it stands now, so that it was moved back by hand.
 * Nothing outside a git work tree, or for any other idea.
 */
export async function moveFacts(registry: Registry, idea: Idea): Promise<MoveFacts> {
  const pending = unfinishedMove(idea);
  const stage = pending === null ? undefined : registry.config.stages.find((s) => s.key === pending);
  if (!stage || findGitDir(registry.root) === null) return {};
  // `./`: relative to the registry's folder, which may be a folder inside the repository.
  const inHead = async (rel: string) => {
    try {
      await git(['cat-file', '-e', `HEAD:./${rel}`], registry.root);
      return true;
    } catch {
      return false;
    }
  };
  if (await inHead(idea.path)) return {};
  // The idea's file in that folder, by any of its names (renamed as it was moved back, too).
  let there: string[] = [];
  try {
    const { stdout } = await git(
      ['ls-tree', '--name-only', '-z', 'HEAD', '--', `./${registry.config.ideasDir}/${stage.folder}/`],
      registry.root,
    );
    there = stdout.split('\0').filter((p) => p !== '' && ideaFileName(path.posix.basename(p), idea.path, idea.id));
  } catch {
    // No commit yet.
  }
  return there.length > 0 ? { committedThere: true } : {};
}

/**
 * Whether a file name is one of the idea's whose file is `current`: that file's name, or, for an idea with an id, one
 * that names the id (namesId), so that a file renamed as it was moved by hand is still found where it was.
 */
function ideaFileName(name: string, current: string, id: string | null): boolean {
  return name === path.posix.basename(current) || (id !== null && id !== '' && namesId(name, id));
}

/** A text as a glob pathspec takes it literally. */
const globText = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Paths under the ideas folder of the idea's files (ideaFileName) that git's index holds and the work tree no longer
 * has: where the file was before someone moved it by hand. Asked of git by those names alone (globs, their special
 * characters escaped), so that only those entries are looked at, never the whole registry's.
 */
async function leftPlaces(registry: Registry, current: string, id: string | null): Promise<string[]> {
  const dir = globText(registry.config.ideasDir);
  const names = [globText(path.posix.basename(current))];
  if (id) names.push(`${globText(id)}.md`, `${globText(id)}-*.md`);
  const { stdout } = await git(
    ['ls-files', '--deleted', '-z', '--', ...names.map((name) => `:(glob)${dir}/**/${name}`)],
    registry.root,
  );
  return stdout
    .split('\0')
    .filter((p) => p !== '' && p !== current && ideaFileName(path.posix.basename(p), current, id));
}

/**
 * What a commit of one idea must hold: its current path and every path of the idea's (ideaFileName) that the last
 * commit has under the ideas folder, so an earlier move that was staged but not committed is committed whole (the old path
 * removed), never as a second copy.
 */
async function commitPaths(registry: Registry, current: string, id: string | null): Promise<string[]> {
  let inHead: string[] = [];
  try {
    const { stdout } = await git(
      ['ls-tree', '-r', '--name-only', '-z', 'HEAD', '--', registry.config.ideasDir],
      registry.root,
    );
    inHead = stdout.split('\0').filter((p) => p && ideaFileName(path.posix.basename(p), current, id));
  } catch {
    // No commit yet: only the current path.
  }
  return [...new Set([current, ...inHead])];
}

/**
 * Moves an idea into another stage's folder with its new history entry. The order makes a kill at any instant
 * harmless, and every state it can leave whole and in one place:
 * 1. a journal of the move (journal.ts) in the git folder;
 * 2. the new text, with the entry, replaces the old in the old folder (a temporary file renamed over it): killed
 *    here, the idea is whole in its old folder with the new entry. `ideas validate` names it (its last entry leads
 *    to a stage whose folder it is not in) with the command that finishes it, and the next command finishes it
 *    from the journal: even without one, running the same `ideas move` again completes it without a second entry;
 * 3. one rename(2) into the new folder: the file is in one place or the other, never both, never neither. Killed
 *    here, the idea is whole in its new folder; `git status` shows the old path deleted and the new one untracked
 *    (git still has the old text in its index, the work tree has the new): nothing is lost, and the next command
 *    updates the index;
 * 4. git's index: the old path removed and the new one added, in one `git update-index` (one atomic index write):
 *    the same as `git mv` followed by `git add`, so `git log --follow` keeps the file's history.
 * A failure in process (a full disk, a read-only folder) undoes the steps taken, the index included.
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
  return withWriteLock(registry.root, (session) =>
    moveLocked(session, registry, idea, to, before, after, env, commitMessage),
  );
}

async function moveLocked(
  { root, place }: WriteSession,
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
  const toAbs = path.join(root, toRel);
  // Checked first: a second command that waited for the lock finds the idea moved and refuses, naming it.
  assertUnchanged(idea, before);
  if (exists(toAbs)) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: toRel });
  const inGit = place.gitDir !== null;
  const index = inGit ? await indexEntries(root, [idea.path, toRel]) : new Map();
  const toDir = path.dirname(toAbs);
  const madeDir = !exists(toDir);
  try {
    mkdirSync(toDir, { recursive: true });
  } catch (e) {
    throw fsError(e, path.dirname(toRel));
  }
  writeJournal(place, root, { op: 'move', from: idea.path, to: toRel, after: sha256(after), git: inGit });
  const original = keepOriginal(idea.abs, before, place.scratch);
  let step: 'journal' | 'rewritten' | 'renamed' | 'staged' = 'journal';
  try {
    injectFault(env, 'move:journal-written');
    writeFileAtomic(idea.abs, after, undefined, place.scratch);
    step = 'rewritten';
    injectFault(env, 'move:rewritten');
    // rename(2) replaces a file at the target: checked again, under the lock, just before.
    if (exists(toAbs)) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: toRel });
    renameSync(idea.abs, toAbs);
    step = 'renamed';
    injectFault(env, 'move:renamed');
    if (inGit) await git(['update-index', '--add', '--remove', '--', idea.path, toRel], root);
    step = 'staged';
    injectFault(env, 'move:staged');
  } catch (e) {
    // Undo in process, last step first. If undoing fails too, the journal stays and the next command finishes
    // the move instead: either way the idea is whole, in one place.
    try {
      if (step === 'renamed' || step === 'staged') renameSync(toAbs, idea.abs);
      if (step !== 'journal') original.restore();
      if (inGit && step === 'staged') await restoreIndex(root, [idea.path, toRel], index);
      if (madeDir) removeEmptyDir(toDir);
      clearJournal(place);
    } catch {
      // left to the journal
    }
    original.drop();
    // The rename into the new folder is the step that fails when that folder cannot be written: name the folder.
    if (step === 'rewritten') throw fsError(e, path.posix.dirname(toRel), { exact: true });
    throw fsError(e, idea.path);
  }
  original.drop();
  clearJournal(place);
  const committed = await commitIfAsked(registry, inGit, toRel, idea.id, commitMessage);
  return { idea: reread(idea, toRel, toAbs, to), staged: inGit, committed };
}

/**
 * A new idea (`ideas new`, `ideas adopt`), inside the write session: its file written whole (createIdeaFile), staged
 * in git, and committed alone when `message` is given (`--only`, leaving whatever else is staged as it is). A failure
 * at any step, the commit's included, takes the file out of git's index and the work tree again: the registry is as
 * it was. Outside git the file is only written.
 */
export async function writeNewIdea(
  { root, place }: WriteSession,
  file: { rel: string; abs: string; text: string },
  message: string | null,
  env: NodeJS.ProcessEnv,
): Promise<{ staged: boolean; committed: boolean }> {
  createIdeaFile(file.abs, file.rel, file.text, place.scratch);
  if (place.gitDir === null) return { staged: false, committed: false };
  let added = false;
  try {
    faultPoint('create:before-add', env);
    await git(['add', '--', file.rel], root);
    added = true;
    if (message === null) return { staged: true, committed: false };
    faultPoint('create:before-commit', env);
    await git(['commit', '--quiet', '-m', message, '--only', '--', file.rel], root);
    return { staged: true, committed: true };
  } catch (e) {
    try {
      if (added) await git(['rm', '--cached', '--quiet', '--force', '--', file.rel], root);
    } catch {
      // the file goes all the same
    }
    safeUnlink(file.abs);
    throw e;
  }
}

/** A new idea's file, written whole or not at all; one already there (another writer's) is refused, never replaced. */
function createIdeaFile(abs: string, rel: string, text: string, scratch: string): void {
  try {
    createFileExclusive(abs, text, undefined, scratch);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: rel });
    throw fsError(e, rel);
  }
}
