import { renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from '../../test/helpers/registry.js';
import { commitAll, git, makeTempDir, makeTempRepo, removeTempDirs, useGitHome } from '../../test/helpers/temp-repo.js';
import { changedFiles } from './git-changes.js';
import { failure } from '../../test/helpers/errors.js';

// The product runs git in this process: keep the machine's git config out of it, as on CI.
beforeAll(() => useGitHome());
afterAll(removeTempDirs);

/** A repository whose main branch holds `files`, with a branch `feature` checked out. */
function repoWith(files: string[]): string {
  const dir = makeTempRepo();
  for (const f of files) writeFile(dir, f, `${f}\n`);
  commitAll(dir, 'base');
  git(['checkout', '-q', '-b', 'feature'], dir);
  return dir;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('changedFiles', () => {
  it('sees commits since the merge base, staged, unstaged and untracked changes; not ignored or deleted files', async () => {
    const dir = repoWith([
      'ideas/01/a.md',
      'ideas/01/b.md',
      'ideas/01/c.md',
      'ideas/01/d.md',
      'ideas/01/e.md',
      'ideas/01/gone.md',
      'README.md',
    ]);
    const base = git(['rev-parse', 'HEAD'], dir).trim();
    writeFile(dir, 'ideas/01/a.md', 'committed on the branch\n');
    commitAll(dir, 'a');
    // main moves on after the branch was made: its changes are not the branch's.
    git(['checkout', '-q', 'main'], dir);
    writeFile(dir, 'ideas/01/d.md', 'changed on main\n');
    commitAll(dir, 'main moves on');
    git(['checkout', '-q', 'feature'], dir);
    writeFile(dir, 'ideas/01/b.md', 'staged\n');
    git(['add', 'ideas/01/b.md'], dir);
    writeFile(dir, 'ideas/01/c.md', 'unstaged\n');
    writeFile(dir, 'ideas/01/new.md', 'ideas/01/new.md\n');
    writeFile(dir, '.gitignore', 'ignored.md\n');
    writeFile(dir, 'ideas/01/ignored.md', 'ideas/01/ignored.md\n');
    rmSync(path.join(dir, 'ideas/01/gone.md'));
    git(['rm', '-q', '--cached', 'ideas/01/e.md'], dir);
    rmSync(path.join(dir, 'ideas/01/e.md'));

    const r = await changedFiles(dir, undefined, {});
    expect(r.base).toBe(base);
    expect(r.ref).toBeNull();
    expect(sorted(r.paths)).toEqual([
      '.gitignore',
      'ideas/01/a.md',
      'ideas/01/b.md',
      'ideas/01/c.md',
      'ideas/01/new.md',
    ]);
  });

  it('a rename gives the new path, whether made with git mv or not', async () => {
    const dir = repoWith(['ideas/01/a.md', 'ideas/01/b.md']);
    git(['mv', 'ideas/01/a.md', 'ideas/01/a-renamed.md'], dir);
    renameSync(path.join(dir, 'ideas/01/b.md'), path.join(dir, 'ideas/01/b-renamed.md'));
    expect(sorted((await changedFiles(dir, 'main', {})).paths)).toEqual([
      'ideas/01/a-renamed.md',
      'ideas/01/b-renamed.md',
    ]);
  });

  it('in a registry that is a subfolder: paths relative to it, and nothing from outside it but the extra files', async () => {
    const dir = repoWith(['reg/ideas/01/a.md', 'reg/ideas/01/b.md', 'other/x.md', 'shared/criteria.json']);
    for (const f of ['reg/ideas/01/a.md', 'other/x.md', 'shared/criteria.json', 'shared/unrelated.json'])
      writeFile(dir, f, 'changed\n');
    const r = await changedFiles(path.join(dir, 'reg'), 'main', {}, ['../shared/criteria.json']);
    expect(sorted(r.paths)).toEqual(['../shared/criteria.json', 'ideas/01/a.md']);
    expect(r.ref).toBe('main');
  });

  it('reads folder names as themselves, and names beyond ASCII as they are', async () => {
    const dir = repoWith(['[x]/ideas/01/a.md', 'xx/ideas/01/a.md', 'ideas/01/åäö.md']);
    writeFile(dir, 'xx/ideas/01/a.md', 'changed\n');
    expect(sorted((await changedFiles(path.join(dir, '[x]'), 'main', {})).paths)).toEqual([]);
    writeFile(dir, '[x]/ideas/01/a.md', 'changed\n');
    writeFile(dir, 'ideas/01/åäö.md', 'ändrad\n');
    expect(sorted((await changedFiles(path.join(dir, '[x]'), 'main', {})).paths)).toEqual(['ideas/01/a.md']);
    expect(sorted((await changedFiles(dir, 'main', {})).paths)).toEqual([
      '[x]/ideas/01/a.md',
      'ideas/01/åäö.md',
      'xx/ideas/01/a.md',
    ]);
  });

  it('works through a symbolic link to the registry', async () => {
    const dir = repoWith(['reg/ideas/01/a.md']);
    writeFile(dir, 'reg/ideas/01/a.md', 'changed\n');
    const link = path.join(makeTempDir(), 'link');
    symlinkSync(path.join(dir, 'reg'), link);
    expect(sorted((await changedFiles(link, 'main', {})).paths)).toEqual(['ideas/01/a.md']);
  });

  it('outside a git repository, or with a base git does not know: a usage error that says so', async () => {
    expect(await failure(changedFiles(makeTempDir(), undefined, {}))).toMatchObject({
      code: 'USAGE',
      text: { en: expect.stringContaining('not in a git repository') },
    });
    const dir = repoWith(['a.md']);
    expect(await failure(changedFiles(dir, 'no-such-branch', {}))).toMatchObject({
      code: 'USAGE',
      text: { en: expect.stringContaining('"no-such-branch"') },
    });
    git(['branch', '-m', 'main', 'trunk'], dir);
    expect(await failure(changedFiles(dir, undefined, {}))).toMatchObject({
      code: 'USAGE',
      text: { en: expect.stringContaining('default branch') },
    });
  });
});
