/**
 * The files of a registry that changed since a base revision, as `ideas validate --changed` checks them: whatever
 * differs between the base and the working tree (committed since, staged, unstaged) and untracked files that git
 * does not ignore. Deleted files are left out; a renamed file is its new path.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { git, gitTopLevel } from './git.js';
import { defaultBase, resolveRevision } from './git-base.js';
import { toPosix } from './idea-files.js';

export interface ChangedFiles {
  /** The commit compared with. */
  base: string;
  /** The revision as the user named it, or null for the default base (the merge base with the default branch). */
  ref: string | null;
  /** Relative to the registry root, with forward slashes; files outside the root start with `../`. */
  paths: Set<string>;
}

/**
 * Changed files under the registry root, and `extra` files (absolute paths, such as criteria schemas kept outside
 * the registry's folder). Not a git repository, or a base git does not know, is a usage error.
 */
export async function changedFiles(
  root: string,
  ref: string | undefined,
  env: NodeJS.ProcessEnv,
  extra: readonly string[] = [],
): Promise<ChangedFiles> {
  const found = await gitTopLevel(root);
  if (found === null)
    throw new IdeasError('USAGE', 'err.changedNotGitRepo', { dir: root }, { hint: 'hint.changedNotGitRepo' });
  const base = ref === undefined ? await defaultBase(root, env) : await resolveRevision(root, ref);
  const { top, realRoot, inRepo, fromRepo } = gitPlaces(found, root);
  const specs = [realRoot, ...extra.map((e) => path.resolve(realRoot, e))]
    .map(inRepo)
    .filter((p) => p !== '..' && !p.startsWith('../') && !path.isAbsolute(p))
    .map((p) => (p === '' ? '.' : p));
  // Literal pathspecs: a folder called `[x]` or `*` means itself. No rename detection: a rename is then the
  // deletion of the old path (left out) and the addition of the new one, which is all that matters here.
  const [diff, untracked] = await Promise.all([
    git(
      [
        '--literal-pathspecs',
        'diff',
        '--name-only',
        '-z',
        '--no-renames',
        '--diff-filter=d',
        '--no-ext-diff',
        base,
        '--',
        ...specs,
      ],
      top,
    ),
    git(['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '-z', '--', ...specs], top),
  ]);
  const paths = new Set<string>();
  for (const p of `${diff.stdout}\0${untracked.stdout}`.split('\0')) {
    if (p !== '') paths.add(fromRepo(p));
  }
  return { base, ref: ref ?? null, paths };
}

/**
 * The Markdown files staged in git's index under `dir` (the registry's ideas folder), added, copied, modified or
 * renamed: what the pre-commit hook checks. Absolute paths. Read with `-z`, so that a name with a tab, a quote, a
 * line break or bytes that are not UTF-8 comes as it is, not in git's quoting.
 */
export async function stagedFiles(root: string, dir: string, indexFile?: string): Promise<string[]> {
  const found = await gitTopLevel(root);
  if (found === null)
    throw new IdeasError('USAGE', 'err.changedNotGitRepo', { dir: root }, { hint: 'hint.changedNotGitRepo' });
  const { top, realRoot, inRepo } = gitPlaces(found, root);
  const spec = inRepo(path.resolve(realRoot, dir)) || '.';
  const { stdout } = await git(
    ['--literal-pathspecs', 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-ext-diff', '--', spec],
    top,
    { indexFile },
  );
  return stdout
    .split('\0')
    .filter((p) => p.endsWith('.md'))
    .map((p) => path.join(top, p));
}

/**
 * Of `files` (relative to the registry's folder `root`), those the last commit holds and the work tree has changed:
 * what `git checkout HEAD -- <file>` can bring back. Empty outside a repository, before a first commit, or when git
 * cannot say: the line that restores a file is help, never a reason to fail.
 */
export async function changedSinceCommit(root: string, files: readonly string[]): Promise<Set<string>> {
  const found = await gitTopLevel(root).catch(() => null);
  if (found === null || files.length === 0) return new Set();
  try {
    const { top, realRoot, inRepo, fromRepo } = gitPlaces(found, root);
    const specs = files.map((f) => inRepo(path.join(realRoot, f)));
    // As changedFiles asks git: literal pathspecs, no external diff program.
    const r = await git(
      ['--literal-pathspecs', 'diff', '--name-only', '-z', '--no-ext-diff', '--diff-filter=M', 'HEAD', '--', ...specs],
      top,
    );
    const out = new Set<string>();
    for (const p of r.stdout.split('\0')) if (p !== '') out.add(fromRepo(p));
    return out;
  } catch {
    return new Set();
  }
}

/**
 * The repository's top and the registry's folder as git speaks of them, real paths (the registry may have been
 * reached through a symbolic link), and a path's way into git's terms (relative to the top) and back (relative to
 * the registry, with forward slashes).
 */
function gitPlaces(found: string, root: string) {
  const top = realpathSync(found);
  const realRoot = realpathSync(root);
  return {
    top,
    realRoot,
    inRepo: (abs: string) => toPosix(path.relative(top, abs)),
    fromRepo: (p: string) => toPosix(path.relative(realRoot, path.join(top, p))),
  };
}
