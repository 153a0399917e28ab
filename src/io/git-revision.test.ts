import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFile } from '../../test/helpers/registry.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { BlobReader, deletedPaths, listTree, readRuleFiles, repositoryPrefix } from './git-revision.js';

afterAll(removeTempDirs);

/** A repository whose registry sits in a subfolder, as examples/sundsvall does in this one. */
function repoWithSubfolder(): { repo: string; root: string; first: string; second: string } {
  const repo = makeTempRepo();
  const root = path.join(repo, 'kommun', 'sluss');
  writeFile(root, 'ideas.config.yaml', 'name: x\n');
  writeFile(root, 'ideas/01-ide/a-1111-ett.md', 'ett\n');
  writeFile(root, 'ideas/01-ide/b-2222 med mellanslag.md', 'två\n');
  writeFile(root, 'ideas/02-for/c-3333-tre.md', Buffer.from([0x2d, 0x00, 0xff, 0x0a]));
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'first'], repo);
  const first = git(['rev-parse', 'HEAD'], repo).trim();
  git(['rm', '-q', 'kommun/sluss/ideas/01-ide/a-1111-ett.md'], repo);
  git(['mv', 'kommun/sluss/ideas/02-for/c-3333-tre.md', 'kommun/sluss/ideas/01-ide/c-3333-tre.md'], repo);
  git(['commit', '-q', '-m', 'second'], repo);
  const second = git(['rev-parse', 'HEAD'], repo).trim();
  return { repo, root, first, second };
}

describe('reading a revision', () => {
  it('finds the registry folder inside its repository, and null outside any', async () => {
    const { root } = repoWithSubfolder();
    expect(await repositoryPrefix(root)).toBe('kommun/sluss/');
    expect(await repositoryPrefix(makeTempDir())).toBeNull();
  });

  it('lists the ideas folder at a commit relative to the registry, names with spaces included', async () => {
    const { root, first } = repoWithSubfolder();
    const entries = await listTree(root, first, 'ideas/');
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['ideas/01-ide/a-1111-ett.md', 'blob'],
      ['ideas/01-ide/b-2222 med mellanslag.md', 'blob'],
      ['ideas/02-for/c-3333-tre.md', 'blob'],
    ]);
    expect(await listTree(root, first, 'no-such-folder/')).toEqual([]);
  });

  it('reads many blobs through one cat-file process, in order, binary ones byte for byte, and null for missing ones', async () => {
    const { root, first, second } = repoWithSubfolder();
    const reader = new BlobReader(root);
    try {
      const entries = await listTree(root, first, 'ideas/');
      const blobs = await Promise.all([
        ...entries.map((e) => reader.read(e.oid)),
        reader.readPath(second, 'kommun/sluss/', 'ideas.config.yaml'),
        reader.readPath(second, 'kommun/sluss/', 'ideas/01-ide/a-1111-ett.md'),
        reader.read('0000000000000000000000000000000000000000'),
        reader.read('bad\nname'),
        reader.readPath(second, '', '../../etc/passwd'),
      ]);
      expect(blobs.map((b) => (b ? [...b] : null))).toEqual([
        [...Buffer.from('ett\n')],
        [...Buffer.from('två\n')],
        [0x2d, 0x00, 0xff, 0x0a],
        [...Buffer.from('name: x\n')],
        null,
        null,
        null,
        null,
      ]);
      // A tree is not a file.
      expect(await reader.readPath(second, 'kommun/sluss/', 'ideas')).toBeNull();
    } finally {
      reader.close();
    }
  });

  it('reads rule files as every command reads them from the disk: a link, or a folder on the way that is one, is never followed', async () => {
    const { repo, root } = repoWithSubfolder();
    writeFile(root, 'criteria/common.json', '{"type":"object"}');
    writeFile(root, 'criteria/false', '{"type":"object"}');
    writeFile(root, 'rules/deep/x.json', '{}');
    symlinkSync('common.json', path.join(root, 'criteria/idea.json'));
    symlinkSync('false', path.join(root, 'criteria/test.json'));
    symlinkSync('rules', path.join(root, 'linked'));
    mkdirSync(path.join(root, 'folder.json'));
    writeFile(root, 'folder.json/x', 'x');
    git(['add', '-A'], repo);
    git(['commit', '-q', '-m', 'links'], repo);
    const commit = git(['rev-parse', 'HEAD'], repo).trim();
    const reader = new BlobReader(root);
    try {
      const wanted = [
        'ideas.config.yaml',
        'criteria/common.json',
        './criteria/idea.json',
        'criteria/test.json',
        'linked/deep/x.json',
        'rules/deep/x.json',
        'criteria/none.json',
        'folder.json',
        '../outside.json',
      ];
      const read = await readRuleFiles(root, reader, commit, wanted);
      const shown = wanted.map((rel) => {
        const r = read.get(rel);
        return r?.kind === 'file'
          ? r.bytes.toString('utf8')
          : r?.kind === 'link'
            ? `${r.link} -> ${r.target}`
            : r?.kind;
      });
      expect(shown).toEqual([
        'name: x\n',
        '{"type":"object"}',
        // `git cat-file` would give these as the text "common.json" and "false": the JSON false, criteria at that.
        'criteria/idea.json -> common.json',
        'criteria/test.json -> false',
        'linked -> rules',
        '{}',
        'missing',
        'missing',
        'missing',
      ]);
    } finally {
      reader.close();
    }
  });

  it('lists the paths deleted before a commit, moves included, relative to the registry', async () => {
    const { root, second, first } = repoWithSubfolder();
    const deleted = await deletedPaths(root, second, 'ideas/');
    const blob = (rel: string) => git(['rev-parse', `${first}:kommun/sluss/${rel}`], root).trim();
    expect(deleted.map((d) => [d.path, d.commit, d.oid])).toEqual([
      ['ideas/01-ide/a-1111-ett.md', second, blob('ideas/01-ide/a-1111-ett.md')],
      ['ideas/02-for/c-3333-tre.md', second, blob('ideas/02-for/c-3333-tre.md')],
    ]);
    expect(await deletedPaths(root, first, 'ideas/')).toEqual([]);
  });
});
