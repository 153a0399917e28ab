import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { readSnapshot } from '../core/history/idea-diff.js';
import { listTree } from './git-revision.js';
import { isIdeaFileName, isReadableEntry, isReadableTreeFile, listIdeaFiles } from './idea-files.js';
import { loadRegistry } from './registry.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  fs.cpSync(path.join(examples, 'minimal/ideas.config.yaml'), path.join(dir, 'ideas.config.yaml'));
  fs.cpSync(path.join(examples, 'minimal/criteria'), path.join(dir, 'criteria'), { recursive: true });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(removeTempDirs);

function touch(rel: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), '---\ntitle: x\n---\n');
}

describe('isIdeaFileName', () => {
  it.each([
    ['ide-abcd12-x.md', true],
    ['notes.md', true],
    ['README.md', false],
    ['readme.md', false],
    ['Readme.MD', false],
    ['.ide-abcd12-x.md', false],
    ['.ide-abcd12-x.md.1234abcd.tmp', false],
    ['ide-abcd12-x.md.1234.tmp', false],
    ['ide-abcd12-x.txt', false],
    ['ide-abcd12-x.markdown', false],
  ])('%s is an idea file: %s', (name, expected) => {
    expect(isIdeaFileName(name)).toBe(expected);
  });
});

describe('listIdeaFiles', () => {
  it('lists the files of the stage folders, and flags misplaced ones and links', () => {
    touch('ideas/01-ide/ide-aaaa11-a.md');
    touch('ideas/02-pagar/ide-bbbb22-b.md');
    touch('ideas/loose.md');
    touch('ideas/old/ide-cccc33-c.md');
    touch('ideas/01-ide/sub/ide-dddd44-d.md');
    touch('ideas/01-ide/.ide-aaaa11-a.md.1a2b3c4d.tmp');
    touch('ideas/01-ide/.hidden.md');
    touch('ideas/01-ide/README.md');
    touch('ideas/README.md');
    touch('ideas/01-ide/notes.txt');
    touch('ideas/.trash/ide-eeee55-e.md');
    touch('outside/ide-ffff66-f.md');
    fs.symlinkSync(path.join(dir, 'outside/ide-ffff66-f.md'), path.join(dir, 'ideas/01-ide/ide-ffff66-f.md'));

    const entries = listIdeaFiles(loadRegistry(dir, 'en')).map((e) => ({
      path: e.path,
      abs: e.abs === path.join(dir, e.path),
      stage: e.stage?.key ?? null,
      misplaced: e.misplaced,
      folder: e.folder,
      symlink: e.symlink,
    }));
    expect(entries).toEqual([
      {
        path: 'ideas/01-ide/ide-aaaa11-a.md',
        abs: true,
        stage: 'idea',
        misplaced: null,
        folder: '01-ide',
        symlink: false,
      },
      {
        path: 'ideas/01-ide/ide-ffff66-f.md',
        abs: true,
        stage: 'idea',
        misplaced: null,
        folder: '01-ide',
        symlink: true,
      },
      {
        path: 'ideas/01-ide/sub/ide-dddd44-d.md',
        abs: true,
        stage: null,
        misplaced: 'unknown-folder',
        folder: '01-ide/sub',
        symlink: false,
      },
      {
        path: 'ideas/02-pagar/ide-bbbb22-b.md',
        abs: true,
        stage: 'doing',
        misplaced: null,
        folder: '02-pagar',
        symlink: false,
      },
      { path: 'ideas/loose.md', abs: true, stage: null, misplaced: 'outside-stage', folder: '', symlink: false },
      {
        path: 'ideas/old/ide-cccc33-c.md',
        abs: true,
        stage: null,
        misplaced: 'unknown-folder',
        folder: 'old',
        symlink: false,
      },
    ]);
  });

  it('gives an empty list when the ideas folder does not exist', () => {
    expect(listIdeaFiles(loadRegistry(dir, 'en'))).toEqual([]);
  });
});

describe('isReadableTreeFile', () => {
  it('keeps of a commit the files that the listing of its checkout reads as ideas, no more', async () => {
    const repo = makeTempRepo();
    fs.cpSync(dir, repo, { recursive: true });
    const folder = path.join(repo, 'ideas/01-ide');
    fs.mkdirSync(folder, { recursive: true });
    for (const name of ['ide-aaaa11-a.md', 'README.md', '.hidden.md', 'notes.txt', 'ide-bbbb22-\uFFFD.md'])
      fs.writeFileSync(path.join(folder, name), '---\ntitle: x\n---\n');
    // A name whose bytes are not UTF-8: Node and git alike give U+FFFD for them, so its path names no file.
    fs.writeFileSync(
      Buffer.concat([Buffer.from(`${folder}/ide-cccc33-`), Buffer.from([0xff]), Buffer.from('.md')]),
      '',
    );
    fs.symlinkSync('ide-aaaa11-a.md', path.join(folder, 'ide-dddd44-link.md'));
    git(['add', '-A'], repo);
    git(['commit', '-q', '-m', 'files'], repo);
    const registry = loadRegistry(repo, 'en');
    const tree = await listTree(repo, 'HEAD', 'ideas/');
    expect(tree.length).toBe(7);
    const read = (paths: string[]) =>
      readSnapshot(
        registry.config,
        paths.map((p) => ({ path: p, bytes: new Uint8Array() })),
      ).ideas.map((i) => i.path);
    const fromFolder = read(
      listIdeaFiles(registry)
        .filter((e) => e.stage && isReadableEntry(e))
        .map((e) => e.path),
    );
    expect(fromFolder).toEqual(['ideas/01-ide/ide-aaaa11-a.md']);
    expect(read(tree.filter(isReadableTreeFile).map((e) => e.path))).toEqual(fromFolder);
  });
});
