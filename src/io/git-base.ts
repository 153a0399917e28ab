/**
 * Which revision a change is measured from. `ideas diff` and `ideas validate --changed` compare with the merge base
 * of HEAD and the default branch, as a pull request does; CI systems say which branch a pull request targets.
 */
import { IdeasError } from '../core/errors.js';
import { shellQuote } from '../core/shell/quote.js';
import { git } from './git.js';

async function resolves(root: string, rev: string): Promise<boolean> {
  try {
    await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
    return true;
  } catch {
    return false;
  }
}

/** The branches of this repository, local and remote, as a hint names them (at most ten); null when it has none. */
async function branchesHint(
  root: string,
): Promise<{ hint: 'hint.branchesHere'; hintParams: { branches: string } } | null> {
  let names: string[] = [];
  try {
    const { stdout } = await git(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], root);
    names = stdout.split('\n').filter((n) => n !== '' && !n.endsWith('/HEAD'));
  } catch {
    // No commit yet, or no branch at all.
  }
  if (names.length === 0) return null;
  const shown = names.slice(0, 10).map(shellQuote).join(', ');
  return { hint: 'hint.branchesHere', hintParams: { branches: names.length > 10 ? `${shown}, …` : shown } };
}

/** The commit a revision names, or a usage error that names the revision (and the branches there are). */
export async function resolveRevision(root: string, rev: string): Promise<string> {
  try {
    const { stdout } = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
    return stdout.trim();
  } catch {
    throw new IdeasError('USAGE', 'err.badRevision', { rev }, (await branchesHint(root)) ?? {});
  }
}

/**
 * The default branch, as a ref this repository can resolve: the branch a pull request targets (GitHub Actions'
 * GITHUB_BASE_REF, GitLab's CI_MERGE_REQUEST_TARGET_BRANCH_NAME), then origin's HEAD, then main or master, then
 * git's init.defaultBranch. Null when none of them exists.
 */
export async function defaultBranch(root: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const candidates: string[] = [];
  for (const target of [env.GITHUB_BASE_REF, env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME]) {
    if (target) candidates.push(`origin/${target}`, target);
  }
  try {
    const { stdout } = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], root);
    if (stdout.trim()) candidates.push(stdout.trim());
  } catch {
    // No remote called origin, or it has no HEAD: the names below.
  }
  candidates.push('main', 'master', 'origin/main', 'origin/master');
  try {
    const { stdout } = await git(['config', '--get', 'init.defaultBranch'], root);
    if (stdout.trim()) candidates.push(stdout.trim());
  } catch {
    // Not set.
  }
  for (const ref of candidates) if (await resolves(root, ref)) return ref;
  return null;
}

/** The merge base of HEAD and the default branch: where the current branch's changes begin. */
export async function defaultBase(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const branch = await defaultBranch(root, env);
  if (branch === null) throw new IdeasError('USAGE', 'err.noDefaultBranch', {}, (await branchesHint(root)) ?? {});
  try {
    const { stdout } = await git(['merge-base', branch, 'HEAD'], root);
    return stdout.trim();
  } catch {
    throw await noMergeBase(root, branch);
  }
}

/**
 * Why no merge base was found, as the error to give: in a shallow clone (CI's checkout fetches one commit unless told
 * otherwise) the history is there to fetch, and the hint says how; otherwise the two share none, and a base is named.
 */
export async function noMergeBase(root: string, branch: string): Promise<IdeasError> {
  let shallow = false;
  try {
    shallow = (await git(['rev-parse', '--is-shallow-repository'], root)).stdout.trim() === 'true';
  } catch {
    // Not to be told: taken as a full clone.
  }
  return shallow
    ? new IdeasError('USAGE', 'err.noMergeBaseShallow', { branch }, { hint: 'hint.noMergeBaseShallow' })
    : new IdeasError(
        'USAGE',
        'err.noMergeBase',
        { branch },
        { hint: 'hint.noMergeBase', hintParams: { base: shellQuote(branch) } },
      );
}
