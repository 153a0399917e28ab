import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { createFilesAllOrNothing } from './atomic-file.js';
import {
  entryExists,
  entryKind,
  nearestExisting,
  NotUtf8,
  pathExists,
  readTextIfExists,
  readUtf8Text,
} from './files.js';

afterAll(removeTempDirs);

describe('what is at a path', () => {
  it('tells a link from what it leads to, and a link to nothing from nothing', () => {
    const dir = makeTempDir('ideas-files-');
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.symlinkSync('folder', path.join(dir, 'to-folder'));
    fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
    const at = (name: string) => path.join(dir, name);
    expect(['file', 'folder', 'to-folder', 'dangling', 'none'].map((n) => entryKind(at(n)))).toEqual([
      'other',
      'directory',
      'symlink',
      'symlink',
      null,
    ]);
    expect(pathExists(at('dangling'))).toBe(false);
    expect(entryExists(at('dangling'))).toBe(true);
    expect(entryExists(at('none'))).toBe(false);
    expect(nearestExisting(at('folder/a/b'))).toBe(at('folder'));
  });

  it('reads a text that may be missing, and throws for anything else that stops the reading', () => {
    const dir = makeTempDir('ideas-files-');
    expect(readTextIfExists(path.join(dir, 'none'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'åäö.txt'), 'Idé\n');
    expect(readTextIfExists(path.join(dir, 'åäö.txt'))).toBe('Idé\n');
    expect(() => readTextIfExists(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('readUtf8Text', () => {
  it('reads UTF-8 with or without a byte order mark, and names the first line that is not UTF-8', () => {
    const dir = makeTempDir('ideas-files-');
    const file = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    expect(readUtf8Text(file('a.yaml', Buffer.from('\uFEFFname: Idésluss\n', 'utf8')))).toBe('name: Idésluss\n');
    const latin1 = file('b.yaml', Buffer.from('# ok\nname: Idésluss\n', 'latin1'));
    expect(() => readUtf8Text(latin1)).toThrow(NotUtf8);
    expect(() => readUtf8Text(latin1)).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe('createFilesAllOrNothing', () => {
  it('creates the files and the folders they need', () => {
    const dir = makeTempDir('ideas-files-');
    createFilesAllOrNothing([
      [path.join(dir, 'a/b/one.txt'), '1'],
      [path.join(dir, 'two.txt'), '2'],
    ]);
    expect(fs.readFileSync(path.join(dir, 'a/b/one.txt'), 'utf8')).toBe('1');
    expect(fs.readFileSync(path.join(dir, 'two.txt'), 'utf8')).toBe('2');
  });

  it('leaves nothing it made when a file is already there, and never touches that file', () => {
    const dir = makeTempDir('ideas-files-');
    fs.writeFileSync(path.join(dir, 'there.txt'), 'the team’s own');
    expect(() =>
      createFilesAllOrNothing([
        [path.join(dir, 'new/deep/one.txt'), '1'],
        [path.join(dir, 'there.txt'), '2'],
      ]),
    ).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readdirSync(dir)).toEqual(['there.txt']);
    expect(fs.readFileSync(path.join(dir, 'there.txt'), 'utf8')).toBe('the team’s own');
  });

  it('leaves nothing it made when the step after the files fails, and keeps folders that were there', () => {
    const dir = makeTempDir('ideas-files-');
    fs.mkdirSync(path.join(dir, 'kept'));
    expect(() =>
      createFilesAllOrNothing(
        [
          [path.join(dir, 'kept/one.txt'), '1'],
          [path.join(dir, 'made/two.txt'), '2'],
        ],
        () => {
          throw new Error('the last step failed');
        },
      ),
    ).toThrow('the last step failed');
    expect(fs.readdirSync(dir)).toEqual(['kept']);
    expect(fs.readdirSync(path.join(dir, 'kept'))).toEqual([]);
  });
});
