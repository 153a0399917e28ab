import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serialize } from 'node:v8';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileCache, nameHash, packCache, RACY_MS, readWithKey, unpackCache, type Stored } from './file-cache.js';
import { findGitDir } from './git-dir.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';

afterAll(removeTempDirs);

/** A run far enough after the files were written that none of them is too recent to trust. */
const LATER = { now: Date.now() + 60_000 };

function repoWith(files: Record<string, string>): string {
  const root = makeTempRepo();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

/** One run: every file through the cache, `compute` called for those it does not hold. */
function pass(
  root: string,
  files: string[],
  compute: (file: string) => string,
  opts: { now?: number; context?: string[]; keep?: string[] } = LATER,
) {
  const cache = FileCache.open<string>(root, 'test', opts.context ?? [], { now: opts.now });
  if (!cache) throw new Error('no cache');
  const computed: string[] = [];
  const values = files.map((f) => {
    const known = cache.lookup(f, path.join(root, f));
    if (known !== undefined) return known;
    computed.push(f);
    const { key } = readWithKey(path.join(root, f));
    const value = compute(f);
    cache.set(f, key, value);
    return value;
  });
  cache.save(opts.keep);
  return { values, computed, trusted: cache.trusted };
}

const upper = (root: string) => (f: string) => `${f}:${readFileSync(path.join(root, f), 'utf8').toUpperCase()}`;

describe('FileCache', () => {
  it('keeps what a file came to, in the git folder, and gives it back while the file is unchanged', () => {
    const root = repoWith({ 'a.md': 'alpha', 'b.md': 'beta' });
    const first = pass(root, ['a.md', 'b.md'], upper(root));
    expect(first).toEqual({ values: ['a.md:ALPHA', 'b.md:BETA'], computed: ['a.md', 'b.md'], trusted: false });
    expect(readdirSync(path.join(root, '.git', 'ideas-cache'))).toHaveLength(1);
    const second = pass(root, ['a.md', 'b.md'], upper(root));
    expect(second).toEqual({ values: ['a.md:ALPHA', 'b.md:BETA'], computed: [], trusted: true });
    expect(git(['status', '--porcelain'], root)).not.toContain('ideas-cache');
  });

  it('is never stale: the same size and the old modification time still show as a change', () => {
    const root = repoWith({ 'a.md': 'alpha' });
    const file = path.join(root, 'a.md');
    pass(root, ['a.md'], upper(root));
    const before = statSync(file);
    // touch -r copies the times to the nanosecond, as a backup tool restoring a file would.
    execFileSync('touch', ['-r', file, `${file}.times`]);
    writeFileSync(file, 'omega');
    execFileSync('touch', ['-r', `${file}.times`, file]);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);
    expect(pass(root, ['a.md'], upper(root))).toMatchObject({ values: ['a.md:OMEGA'], computed: ['a.md'] });
  });

  it('a file replaced by a rename (an atomic write) is read again', () => {
    const root = repoWith({ 'a.md': 'alpha', 'new.md': 'gamma' });
    pass(root, ['a.md'], upper(root));
    renameSync(path.join(root, 'new.md'), path.join(root, 'a.md'));
    expect(pass(root, ['a.md'], upper(root)).values).toEqual(['a.md:GAMMA']);
  });

  it(`does not keep a file changed less than ${RACY_MS} ms before the run: another change in the same tick would not show`, () => {
    const root = repoWith({ 'a.md': 'alpha' });
    const justNow = { now: Date.now() };
    expect(pass(root, ['a.md'], upper(root), justNow).computed).toEqual(['a.md']);
    expect(pass(root, ['a.md'], upper(root), justNow).computed).toEqual(['a.md']);
    expect(pass(root, ['a.md'], upper(root)).computed).toEqual(['a.md']);
    expect(pass(root, ['a.md'], upper(root)).computed).toEqual([]);
  });

  it('is dropped whole for another context (the config, the criteria, the language)', () => {
    const root = repoWith({ 'a.md': 'alpha' });
    pass(root, ['a.md'], upper(root), { ...LATER, context: ['sv'] });
    expect(pass(root, ['a.md'], upper(root), { ...LATER, context: ['en'] })).toMatchObject({
      computed: ['a.md'],
      trusted: false,
    });
    expect(pass(root, ['a.md'], upper(root), { ...LATER, context: ['en'] })).toMatchObject({
      computed: [],
      trusted: true,
    });
  });

  it('keeps the entries of files not asked about when told to, and drops those of files gone', () => {
    const root = repoWith({ 'a.md': 'alpha', 'b.md': 'beta' });
    pass(root, ['a.md', 'b.md'], upper(root));
    pass(root, ['a.md'], upper(root), { ...LATER, keep: ['b.md'] });
    expect(pass(root, ['b.md'], upper(root), { ...LATER, keep: [] }).computed).toEqual([]);
    // b.md was the only one used: a.md's entry is gone.
    expect(pass(root, ['a.md'], upper(root)).computed).toEqual(['a.md']);
  });

  it('finds each entry whether files are asked about in the order they were kept or not, and among new ones', () => {
    const root = repoWith({ 'a.md.md': 'one', 'b.md': 'two', 'c.md': 'three', 'd.md': 'four' });
    pass(root, ['a.md.md', 'b.md', 'c.md', 'd.md'], upper(root));
    expect(pass(root, ['d.md', 'a.md.md', 'c.md', 'b.md'], upper(root))).toEqual({
      values: ['d.md:FOUR', 'a.md.md:ONE', 'c.md:THREE', 'b.md:TWO'],
      computed: [],
      trusted: true,
    });
    // Kept in the order asked: a.md.md is first again. a.md, new, is the start of its path.
    pass(root, ['a.md.md', 'b.md', 'c.md', 'd.md'], upper(root));
    writeFileSync(path.join(root, 'a.md'), 'new');
    expect(pass(root, ['a.md', 'a.md.md', 'b.md', 'd.md'], upper(root))).toEqual({
      values: ['a.md:NEW', 'a.md.md:ONE', 'b.md:TWO', 'd.md:FOUR'],
      computed: ['a.md'],
      trusted: true,
    });
    expect(pass(root, ['a.md', 'a.md.md', 'b.md', 'd.md'], upper(root)).computed).toEqual([]);
  });

  it('a cache file that cannot be read is ignored, and one that cannot be written is not an error', () => {
    const root = repoWith({ 'a.md': 'alpha' });
    pass(root, ['a.md'], upper(root));
    const dir = path.join(root, '.git', 'ideas-cache');
    const [name] = readdirSync(dir);
    writeFileSync(path.join(dir, name ?? ''), 'not a cache \u0000\u00ff');
    expect(pass(root, ['a.md'], upper(root))).toMatchObject({ values: ['a.md:ALPHA'], computed: ['a.md'] });
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o500);
      expect(() => pass(root, ['a.md'], upper(root))).not.toThrow();
      chmodSync(dir, 0o700);
    }
  });

  it('a cache whose columns disagree is not trusted, and is written anew', () => {
    const root = repoWith({ 'a.md': 'alpha', 'b.md': 'beta' });
    pass(root, ['a.md', 'b.md'], upper(root));
    const dir = path.join(root, '.git', 'ideas-cache');
    const file = path.join(dir, readdirSync(dir)[0] ?? '');
    const stored = unpackCache(readFileSync(file)) as Stored<unknown>;
    stored.values.pop();
    writeFileSync(file, Buffer.concat([...packCache(stored)]));
    expect(pass(root, ['a.md', 'b.md'], upper(root))).toMatchObject({ computed: ['a.md', 'b.md'], trusted: false });
    expect(pass(root, ['a.md', 'b.md'], upper(root))).toMatchObject({ computed: [], trusted: true });
    // A path more than there are values.
    const again = unpackCache(readFileSync(file)) as Stored<unknown>;
    again.paths += '\0c.md';
    writeFileSync(file, Buffer.concat([...packCache(again)]));
    expect(pass(root, ['a.md', 'b.md'], upper(root))).toMatchObject({ computed: ['a.md', 'b.md'], trusted: false });
  });

  it('tells from its header alone that a cache is of another build or context, never deserialising the rest', () => {
    const stored: Stored<string> = {
      format: 5,
      build: 'b1',
      context: 'sv',
      paths: 'a.md',
      keys: new Float64Array(5),
      values: ['A'],
    };
    const bytes = Buffer.concat([...packCache(stored)]);
    expect(unpackCache(bytes, { build: 'b1', context: 'sv' })).toEqual(stored);
    expect(unpackCache(bytes)).toEqual(stored);
    // The columns spoiled: read for its own build and context, the cache fails (and open() ignores it); for
    // another build or context it is dropped without its columns being looked at.
    const [prefix, head] = packCache(stored);
    const spoiled = Buffer.concat([prefix as Buffer, head as Buffer, Buffer.from([0xff, 0x0f, 0x99])]);
    expect(() => unpackCache(spoiled, { build: 'b1', context: 'sv' })).toThrow();
    expect(unpackCache(spoiled, { build: 'b2', context: 'sv' })).toBeNull();
    expect(unpackCache(spoiled, { build: 'b1', context: 'en' })).toBeNull();
    // Not a cache's bytes at all (the format before this one was one serialised object): dropped, never read.
    expect(unpackCache(serialize(stored))).toBeNull();
    expect(unpackCache(Buffer.from('IDC'))).toBeNull();
  });

  it('on a first run, writes its values while it reads, and the file it leaves reads back whole', () => {
    const files = Array.from({ length: 600 }, (_, i) => `f${String(i).padStart(3, '0')}.md`);
    const root = repoWith(Object.fromEntries(files.map((f) => [f, f.slice(0, 4)])));
    const dir = path.join(root, '.git', 'ideas-cache');
    const cache = FileCache.open<string>(root, 'test', [], LATER);
    if (!cache) throw new Error('no cache');
    const temps = () => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : []);
    const sizes: number[] = [];
    files.forEach((f, i) => {
      cache.set(f, readWithKey(path.join(root, f)).key, upper(root)(f));
      // The temporary file grows by a section every 256 values, before the run is over.
      if (i === 255 || i === 511) sizes.push(statSync(path.join(dir, temps()[0] ?? 'none')).size);
    });
    expect(sizes[1]).toBeGreaterThan(sizes[0] ?? Infinity);
    cache.save();
    expect(temps()).toEqual([]);
    const stored = unpackCache<string>(readFileSync(path.join(dir, readdirSync(dir)[0] ?? '')));
    expect(stored?.values).toEqual(files.map(upper(root)));
    expect(stored?.paths.split('\0')).toEqual(files);
    expect(pass(root, files, upper(root))).toMatchObject({ computed: [], trusted: true });
  });

  it('a reading that fails leaves no part of the file it began', () => {
    const files = Array.from({ length: 300 }, (_, i) => `f${i}.md`);
    const root = repoWith(Object.fromEntries(files.map((f) => [f, 'x'])));
    const dir = path.join(root, '.git', 'ideas-cache');
    const cache = FileCache.open<string>(root, 'test', [], LATER);
    files.forEach((f) => cache?.set(f, readWithKey(path.join(root, f)).key, 'v'));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    cache?.abandon();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads values written in sections back only whole', () => {
    const count = 600;
    const stored: Stored<{ n: number }> = {
      format: 5,
      build: 'b1',
      context: 'sv',
      paths: Array.from({ length: count }, (_, i) => `p${i}.md`).join('\0'),
      keys: new Float64Array(count * 5),
      values: Array.from({ length: count }, (_, n) => ({ n })),
    };
    const pieces = [...packCache(stored, 256)];
    // Prefix and header, then three sections of values and the paths and keys, each a length and its bytes.
    expect(pieces).toHaveLength(2 + 2 * (1 + 3));
    const bytes = Buffer.concat(pieces);
    expect(unpackCache(bytes, { build: 'b1', context: 'sv' })).toEqual(stored);
    // Cut inside the last section: refused, never read as a shorter cache.
    expect(() => unpackCache(bytes.subarray(0, bytes.length - 3))).toThrow();
    // Without its last section (the paths and keys), or with one more: not a cache this program wrote.
    const lastSection = (pieces.at(-2) as Buffer).length + (pieces.at(-1) as Buffer).length;
    expect(unpackCache(bytes.subarray(0, bytes.length - lastSection))).toBeNull();
    expect(unpackCache(Buffer.concat([bytes, pieces.at(-2) as Buffer, pieces.at(-1) as Buffer]))).toBeNull();
  });

  it('removes the temporary file of a write killed before its rename, once it is a minute old', () => {
    const root = repoWith({ 'a.md': 'alpha' });
    pass(root, ['a.md'], upper(root));
    const dir = path.join(root, '.git', 'ideas-cache');
    const old = path.join(dir, '.test-x.v8.0badf00d.tmp');
    const recent = path.join(dir, '.test-x.v8.0badf00e.tmp');
    writeFileSync(old, 'half');
    writeFileSync(recent, 'half');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    writeFileSync(path.join(root, 'a.md'), 'changed');
    pass(root, ['a.md'], upper(root));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('there is no cache outside a git work tree', () => {
    const dir = makeTempDir();
    expect(FileCache.open(dir, 'test', [])).toBeNull();
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
  });
});

describe('findGitDir', () => {
  it('finds .git upwards, and follows a .git file (a linked work tree) to its folder', () => {
    const root = makeTempRepo();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    expect(findGitDir(path.join(root, 'a', 'b'))).toBe(path.join(root, '.git'));
    writeFileSync(path.join(root, 'README'), 'x');
    git(['add', 'README'], root);
    git(['commit', '-qm', 'x'], root);
    const linked = path.join(makeTempDir(), 'wt');
    git(['worktree', 'add', '-q', linked], root);
    expect(findGitDir(linked)).toBe(path.join(root, '.git', 'worktrees', 'wt'));
  });
});

describe('readWithKey', () => {
  it('reads what readFileSync reads, with the key a later lookup compares against, and fails as it fails', () => {
    const root = repoWith({ 'a.md': 'å'.repeat(5000), 'empty.md': '' });
    for (const name of ['a.md', 'empty.md']) {
      const abs = path.join(root, name);
      const { bytes, key } = readWithKey(abs);
      expect(bytes.equals(readFileSync(abs))).toBe(true);
      const s = statSync(abs);
      expect(key).toEqual([s.size, s.mtimeMs, s.ctimeMs, s.ino, s.mode]);
    }
    expect(() => readWithKey(path.join(root, 'missing.md'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    mkdirSync(path.join(root, 'folder.md'));
    expect(() => readWithKey(path.join(root, 'folder.md'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('nameHash', () => {
  it('names a path with 16 hex digits, the same each time, and two paths apart', () => {
    const a = nameHash('/home/kommun/idesluss');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(nameHash('/home/kommun/idesluss')).toBe(a);
    // Paths that differ by one character, by order, or in a character outside ASCII.
    const others = ['/home/kommun/idesluts', '/home/kommun/ideslus', 'ssulsedi/nummok/emoh/', '/home/kommun/idésluss'];
    expect(new Set([a, ...others.map(nameHash)]).size).toBe(5);
  });
});
