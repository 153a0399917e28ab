import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { defaultBase, defaultBranch, resolveRevision } from './git-base.js';
import { failure } from '../../test/helpers/errors.js';

afterAll(removeTempDirs);

function commit(dir: string, file: string, message: string): string {
  writeFileSync(path.join(dir, file), `${message}\n`);
  git(['add', file], dir);
  git(['commit', '-q', '-m', message], dir);
  return git(['rev-parse', 'HEAD'], dir).trim();
}

describe('the base of a change', () => {
  it('is the merge base of HEAD and main, however far either has moved on', async () => {
    const dir = makeTempRepo();
    const fork = commit(dir, 'a.txt', 'one');
    git(['checkout', '-q', '-b', 'feature'], dir);
    commit(dir, 'b.txt', 'two');
    git(['checkout', '-q', 'main'], dir);
    commit(dir, 'c.txt', 'three');
    git(['checkout', '-q', 'feature'], dir);
    expect(await defaultBranch(dir, {})).toBe('main');
    expect(await defaultBase(dir, {})).toBe(fork);
  });

  it('follows the branch a pull request targets on GitHub Actions', async () => {
    const dir = makeTempRepo();
    commit(dir, 'a.txt', 'one');
    git(['branch', 'release'], dir);
    git(['checkout', '-q', '-b', 'feature'], dir);
    commit(dir, 'b.txt', 'two');
    expect(await defaultBranch(dir, { GITHUB_BASE_REF: 'release' })).toBe('release');
  });

  it('finds master when there is no main, and refuses when there is neither', async () => {
    const dir = makeTempRepo();
    commit(dir, 'a.txt', 'one');
    git(['branch', '-m', 'master'], dir);
    expect(await defaultBranch(dir, {})).toBe('master');
    git(['branch', '-m', 'trunk'], dir);
    expect(await defaultBranch(dir, {})).toBeNull();
    expect(await failure(defaultBase(dir, {}))).toMatchObject({
      code: 'USAGE',
      text: { en: expect.stringContaining('Cannot find a default branch') },
    });
  });

  it('a revision git does not know is a usage error naming it', async () => {
    const dir = makeTempRepo();
    const head = commit(dir, 'a.txt', 'one');
    expect(await resolveRevision(dir, 'main')).toBe(head);
    const e = await failure(resolveRevision(dir, 'no-such-branch'));
    expect(e).toMatchObject({ code: 'USAGE', text: { en: expect.stringContaining('"no-such-branch"') } });
  });
});
