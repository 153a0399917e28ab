/**
 * What each idea file came to last time (its parse, or its findings), kept in the git folder (never in the work
 * tree, never committed), so that a second run on an unchanged registry reads one file instead of thousands. Only
 * src/io/read-ideas.ts uses it: commands read ideas through that module, never through the cache itself.
 *
 * Never stale, as git's index is not:
 * - an entry is used only while the file's size, modification and change times, inode and mode are those it was
 *   read with: any write changes the change time, which no program can set back;
 * - a file changed less than RACY_MS before the run began is read but not kept: a second change within the same
 *   tick of the file system's clock could leave every one of those the same;
 * - the cache is dropped whole when the program's build, or the context the caller names (the config, the
 *   criteria, the language), is not the one it was written for.
 * The cache is only ever a shortcut: any trouble reading or writing it, and the run goes on without it.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { findGitDir } from './git-dir.js';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { tempPathFor } from './atomic-file.js';

/** How recent a change must be for the file not to be trusted to the cache. */
export const RACY_MS = 3_000;
const FORMAT = 5;
/** A cache file larger than this is not read: it cannot be one this program wrote for a registry. */
const MAX_BYTES = 1_000_000_000;

/** What a file's metadata must still be for its entry to hold. */
export type FileKey = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, mode: number];

/** How many numbers a FileKey holds. */
const KEY_LENGTH = 5;

/**
 * The cache as written: a column each for the files' paths, keys and values, in the same order. One text and one
 * array of numbers read back in far fewer objects than a map of [key, value] pairs (two arrays and two boxed numbers
 * a file): ~5 ms less to write and to read at 10,000 files, and less for the garbage collector to copy.
 */
export interface Stored<T> {
  format: number;
  build: string;
  context: string;
  /** The paths, joined by NUL, which no path holds. */
  paths: string;
  /** Each path's FileKey, KEY_LENGTH numbers apiece. */
  keys: Float64Array;
  values: T[];
}

/**
 * A cache file: these four bytes, the length of its header (32 bits, little-endian), the header (format, build and
 * context, serialised), then sections, each its length (32 bits) and its bytes: the values, in one or more lists,
 * and last the paths, keys and count. The header alone tells whether the rest is of use: after an upgrade, or when
 * the config or criteria change, a cache of 10,000 whole ideas (16 MB) is not deserialised only to be dropped, which
 * cost the first `ideas site` after it ~40 MB of memory. A first run writes its values SECTION_VALUES at a time while
 * it reads (FileCache.set): serialised in one piece at the end, the values of 10,000 whole ideas were a buffer of
 * 16 MB (and ~22 MB while it grew) beside the ideas they came from, the peak of `ideas export` (docs/performance.md).
 */
const MAGIC = Buffer.from('IDC\u0005', 'latin1');

/** Values in a section that a first run writes while it reads. */
const SECTION_VALUES = 256;

/** `bytes` with their length before them, as a section of a cache file. */
function section(bytes: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return [length, bytes];
}

/** The bytes that start a cache file, up to its first section. */
function packHead(head: Head): Buffer[] {
  const bytes = serialize({ format: head.format, build: head.build, context: head.context });
  const prefix = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(bytes.length, MAGIC.length);
  return [prefix, bytes];
}

/** Writes `parts` one after another into `fd`. */
function writeAll(fd: number, parts: Iterable<Buffer>): void {
  for (const part of parts) writeFileSync(fd, part);
}

/** The last section of a cache file: its paths, keys and count of values. */
function packColumns(paths: string, keys: Float64Array, count: number): Buffer[] {
  return section(serialize({ paths, keys, count }));
}

/**
 * A cache file's bytes, as described at MAGIC, a piece at a time: the values in sections of `perSection` (all in one
 * by default), each serialised when it is asked for.
 */
export function* packCache<T>(stored: Stored<T>, perSection = Infinity): Generator<Buffer> {
  yield* packHead(stored);
  const { values } = stored;
  const step = Math.max(1, Math.min(perSection, values.length));
  for (let at = 0; at < values.length; at += step) yield* section(serialize(values.slice(at, at + step)));
  yield* packColumns(stored.paths, stored.keys, values.length);
}

type Head = Pick<Stored<unknown>, 'format' | 'build' | 'context'>;

/**
 * A cache file's header, from its first bytes: and where its columns start, or null when the bytes are not a cache's
 * or are of another format (or, with `expected`, another build or context). `more` gives the file's bytes from an
 * offset to another. Throws on a header that says it is a cache's and then does not deserialise.
 */
function readHead(
  first: Buffer,
  more: (from: number, to: number) => Buffer,
  expected?: { build: string; context: string },
): { head: Head; end: number } | null {
  const start = MAGIC.length + 4;
  if (first.length < start || !first.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const end = start + first.readUInt32LE(MAGIC.length);
  const head = deserialize(more(start, end)) as Partial<Head> | null;
  if (head === null || typeof head !== 'object' || head.format !== FORMAT) return null;
  if (expected && (head.build !== expected.build || head.context !== expected.context)) return null;
  return { head: head as Head, end };
}

/**
 * The columns of a cache whose header ends at `from`, read section by section up to `size`: null when the sections
 * do not say what they should (the caller then does not trust them). Throws on a section that does not deserialise,
 * or that the file ends inside of.
 */
function readColumns<T>(
  head: Head,
  from: number,
  size: number,
  more: (from: number, to: number) => Buffer,
): Stored<T> | null {
  let at = from;
  const values: T[] = [];
  while (at < size) {
    const length = more(at, at + 4);
    if (length.length < 4) throw new Error('cache: cut short');
    const end = at + 4 + length.readUInt32LE(0);
    const bytes = more(at + 4, end);
    if (bytes.length !== end - at - 4) throw new Error('cache: cut short');
    at = end;
    const part = deserialize(bytes) as unknown;
    if (Array.isArray(part)) {
      for (const value of part) values.push(value as T);
      continue;
    }
    // The last section: the paths, keys and count.
    const columns = part as Partial<{ paths: string; keys: Float64Array; count: number }> | null;
    if (at !== size || columns === null || typeof columns !== 'object' || columns.count !== values.length) return null;
    return {
      paths: columns.paths as string,
      keys: columns.keys as Float64Array,
      values,
      format: head.format,
      build: head.build,
      context: head.context,
    };
  }
  return null;
}

/**
 * What a cache file's bytes hold: null when they are not a cache's, or when its header is not of this format or (if
 * `expected` is given) not of that build and context; its columns are then never deserialised.
 */
export function unpackCache<T>(bytes: Buffer, expected?: { build: string; context: string }): Stored<T> | null {
  const more = (from: number, to: number) => bytes.subarray(from, Math.min(to, bytes.length));
  const read = readHead(bytes, more, expected);
  return read && readColumns<T>(read.head, read.end, bytes.length, more);
}

/**
 * The cache in `file`, read as unpackCache reads its bytes, but for a header of another build or context only its
 * first bytes are read, and the columns a section at a time. Throws as unpackCache does, and when the file cannot be
 * read.
 */
function readCacheFile<T>(file: string, expected: { build: string; context: string }): Stored<T> | null {
  // Without blocking: a FIFO (or a link to one) in the cache's place would wait for a writer forever. Anything but a
  // regular file is not a cache this program wrote.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_BYTES) return null;
    const { size } = stats;
    const bytesAt = (from: number, to: number): Buffer => {
      const out = Buffer.allocUnsafe(Math.max(0, Math.min(to, size) - from));
      let got = 0;
      while (got < out.length) {
        const n = readSync(fd, out, got, out.length - got, from + got);
        if (n === 0) break;
        got += n;
      }
      return out.subarray(0, got);
    };
    const read = readHead(bytesAt(0, MAGIC.length + 4), bytesAt, expected);
    return read && readColumns<T>(read.head, read.end, size, bytesAt);
  } finally {
    closeSync(fd);
  }
}

function keyOf(s: Stats): FileKey {
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.mode];
}

/**
 * A file's bytes and its key, from one open: the key is that of the file read (fstat on the same descriptor), and
 * costs no more system calls than readFileSync makes. Only the first `limit` bytes of a larger file are read. Throws
 * as readFileSync does.
 */
export function readWithKey(abs: string, limit = Infinity): { bytes: Buffer; key: FileKey } {
  const fd = openSync(abs, 'r');
  try {
    const stats = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(Math.min(stats.size, limit));
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) break;
      got += n;
    }
    // A file that changed while it was read is taken as read; its key no longer matches it, so is never used.
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got), key: keyOf(stats) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A short name for a registry's cache files from its path (FNV-1a, two 32-bit lanes): a name, not a check, since the
 * cache holds the path it was written for. No node:crypto, whose loading cost every command ~3 ms.
 */
export function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
    b ^= b >>> 13;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The build of the program: a cache written by another build is not read (see src/tools/build-id.ts). */
function buildId(): string {
  try {
    return readFileSync(new URL('../generated/build-id.txt', import.meta.url), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

/** Temporary files of writes that were killed before their rename, a minute old or more. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
    try {
      if (Date.now() - statSync(path.join(dir, name)).mtimeMs > 60_000) unlinkSync(path.join(dir, name));
    } catch {
      // Gone already.
    }
  }
}

/** How many times `char` is in `text`. */
function countOf(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/** Whether `s` is the key stored at `keys[at]`. */
function sameKey(keys: Float64Array, at: number, s: Stats): boolean {
  return (
    keys[at] === s.size &&
    keys[at + 1] === s.mtimeMs &&
    keys[at + 2] === s.ctimeMs &&
    keys[at + 3] === s.ino &&
    keys[at + 4] === s.mode
  );
}

export class FileCache<T> {
  /** The earlier run's paths, joined by NUL, and how many there are. */
  private readonly oldJoined: string;
  private readonly oldCount: number;
  /**
   * Where the next path is expected in oldJoined, and its entry: files are asked about in the order of their
   * listing, the order the cache was written in, so that a path is found by comparing it with the text at the
   * cursor. Only at the first path found elsewhere (a file added, removed or asked about out of turn) are the paths
   * split and put in a map: on an unchanged registry, 10,000 strings and a map of them never made.
   */
  private cursorAt = 0;
  private cursorEntry = 0;
  private oldPaths: string[] | null = null;
  private oldIndex: Map<string, number> | null = null;
  private readonly oldKeys: Float64Array;
  private readonly oldValues: T[];
  /** Which of the earlier run's entries the cache keeps (1): still current when asked about, or kept as they were. */
  private readonly kept: Uint8Array;
  private keptCount = 0;
  /**
   * Which of the earlier run's entries were asked about in this run: the only ones save() must tell apart, so the
   * only ones marked (on a first run, none of 10,000).
   */
  private readonly seen: Uint8Array;
  /** What this run computed and may keep, in the same columns. */
  private readonly added: { paths: string[]; keys: number[]; values: T[] } = { paths: [], keys: [], values: [] };
  /**
   * A first run's file, written while it reads (see MAGIC): its temporary name and descriptor, and how many of
   * `added`'s values it holds. Only when there is no earlier entry to keep, whose values come first.
   */
  private stream: { temp: string; fd: number; written: number } | null = null;
  private streamFailed = false;
  private dirty: boolean;
  /** Whether the cache read was written for this build and context (a run has checked files under them). */
  readonly trusted: boolean;
  /** Changes after this moment are too recent to trust. */
  private readonly trustedBefore: number;

  private constructor(
    private readonly file: string,
    private readonly build: string,
    private readonly context: string,
    old: Stored<T> | null,
    now: number,
    racyMs: number,
  ) {
    const usable =
      old !== null &&
      old.format === FORMAT &&
      old.build === build &&
      old.context === context &&
      typeof old.paths === 'string' &&
      old.keys instanceof Float64Array &&
      Array.isArray(old.values);
    const count = usable ? old.values.length : 0;
    // As many paths as values (count - 1 separators), and KEY_LENGTH numbers for each.
    const whole =
      usable &&
      (count === 0 ? old.paths === '' : countOf(old.paths, '\0') === count - 1) &&
      old.keys.length === count * KEY_LENGTH;
    this.oldJoined = whole ? old.paths : '';
    this.oldCount = whole ? count : 0;
    this.oldKeys = whole ? old.keys : new Float64Array(0);
    this.oldValues = whole ? old.values : [];
    this.kept = new Uint8Array(this.oldCount);
    this.seen = new Uint8Array(this.oldCount);
    this.trusted = whole;
    this.dirty = !whole;
    this.trustedBefore = now - racyMs;
  }

  /**
   * The cache of `kind` for the registry at `root`, for results that depend on `context` as well as on each file;
   * null when the registry is not in a git work tree.
   */
  static open<T>(
    root: string,
    kind: string,
    context: readonly string[],
    opts: { now?: number; racyMs?: number } = {},
  ): FileCache<T> | null {
    const gitDir = findGitDir(root);
    if (!gitDir) return null;
    const at = path.resolve(root);
    const file = path.join(gitDir, 'ideas-cache', `${kind}-${nameHash(at)}.v8`);
    // The context as it is, with the registry's place: compared whole, so no two of them are ever taken for one.
    const whole = [at, ...context].join('\0');
    const build = buildId();
    let stored: Stored<T> | null;
    try {
      stored = readCacheFile<T>(file, { build, context: whole });
    } catch {
      // None yet, or not one this program can read.
      stored = null;
    }
    return new FileCache<T>(file, build, whole, stored, opts.now ?? Date.now(), opts.racyMs ?? RACY_MS);
  }

  /**
   * What `file` (relative to the root) came to in an earlier run, if the file at `abs` is still as it was then. A
   * file the cache knows nothing of costs nothing here: its key comes with its read (readWithKey).
   */
  lookup(file: string, abs: string): T | undefined {
    const i = this.entryOf(file);
    if (i === undefined) return undefined;
    this.seen[i] = 1;
    let stats: Stats;
    try {
      stats = lstatSync(abs);
    } catch {
      return undefined;
    }
    if (!sameKey(this.oldKeys, i * KEY_LENGTH, stats)) return undefined;
    this.keep(i);
    return this.oldValues[i];
  }

  /** What `file` came to, read while it had `key`. */
  set(file: string, key: FileKey, value: T): void {
    const i = this.index().get(file);
    if (i !== undefined) {
      this.seen[i] = 1;
      // Computed anew: the earlier entry is not kept beside it.
      if (this.kept[i] === 1) {
        this.kept[i] = 0;
        this.keptCount--;
      }
    }
    this.dirty = true;
    // Changed too recently: another change in the same clock tick would not show in the key.
    if (key[1] >= this.trustedBefore || key[2] >= this.trustedBefore) return;
    this.added.paths.push(file);
    this.added.keys.push(...key);
    this.added.values.push(value);
    if (this.oldCount === 0 && this.added.values.length - (this.stream?.written ?? 0) >= SECTION_VALUES) this.flush();
  }

  /** Writes the next SECTION_VALUES of this run's values into the file being written, which it starts if need be. */
  private flush(): void {
    if (this.streamFailed) return;
    try {
      if (!this.stream) {
        this.stream = this.createTemp();
        writeAll(this.stream.fd, packHead({ format: FORMAT, build: this.build, context: this.context }));
      }
      const from = this.stream.written;
      const values = this.added.values.slice(from, from + SECTION_VALUES);
      writeAll(this.stream.fd, section(serialize(values)));
      this.stream.written = from + values.length;
    } catch {
      // A cache that cannot be written only makes the next run slower: save() writes nothing either.
      this.dropStream();
      this.streamFailed = true;
    }
  }

  /** A new temporary file beside the cache's, once the leftovers of killed writes are gone. */
  private createTemp(): { temp: string; fd: number; written: number } {
    mkdirSync(path.dirname(this.file), { recursive: true });
    removeLeftovers(path.dirname(this.file));
    const temp = tempPathFor(this.file);
    return { temp, fd: openSync(temp, 'wx'), written: 0 };
  }

  /** Ends the file being written with what `write` writes, and puts it in place of the cache (or removes it). */
  private commitStream(write: (stream: { fd: number; written: number }) => void): void {
    const stream = this.stream;
    if (!stream) return;
    try {
      write(stream);
      closeSync(stream.fd);
      this.stream = null;
      renameSync(stream.temp, this.file);
    } catch {
      // A cache that cannot be written (a read-only clone, a full disk) only makes the next run slower.
      this.stream = stream;
      this.dropStream();
    }
  }

  /** Leaves the cache as it was: for a reading that failed before save(), the file it began is removed. */
  abandon(): void {
    this.dropStream();
  }

  /** Closes and removes the file being written, if any. */
  private dropStream(): void {
    if (!this.stream) return;
    const { fd, temp } = this.stream;
    this.stream = null;
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
    try {
      unlinkSync(temp);
    } catch {
      // Gone already.
    }
  }

  /** The earlier run's entry of `file`: at the cursor, or else from the map of all of them. */
  private entryOf(file: string): number | undefined {
    if (this.oldIndex === null && this.cursorEntry < this.oldCount) {
      const at = this.cursorAt;
      const end = at + file.length;
      if (
        this.oldJoined.startsWith(file, at) &&
        (end === this.oldJoined.length || this.oldJoined.charCodeAt(end) === 0)
      ) {
        this.cursorAt = end + 1;
        return this.cursorEntry++;
      }
    }
    return this.index().get(file);
  }

  /** The earlier run's paths, split. */
  private paths(): string[] {
    return (this.oldPaths ??= this.oldCount === 0 ? [] : this.oldJoined.split('\0'));
  }

  /** Each of the earlier run's paths' entry. */
  private index(): Map<string, number> {
    if (this.oldIndex) return this.oldIndex;
    const paths = this.paths();
    const index = new Map<string, number>();
    for (let i = 0; i < paths.length; i++) index.set(paths[i] as string, i);
    return (this.oldIndex = index);
  }

  /** Writes the rest of a first run's file, begun while it read (flush), and puts it in place. */
  private finishStream(): void {
    const { paths, keys, values } = this.added;
    this.commitStream(({ fd, written }) => {
      const rest = values.slice(written);
      if (rest.length > 0) writeAll(fd, section(serialize(rest)));
      writeAll(fd, packColumns(paths.join('\0'), Float64Array.from(keys), values.length));
    });
  }

  private keep(i: number): void {
    if (this.kept[i] === 1) return;
    this.kept[i] = 1;
    this.keptCount++;
  }

  /**
   * Writes the cache when anything changed: the entries used or set in this run, and those of `alsoKeep` (files
   * that still exist but were not asked about) as they were. Entries of other files are dropped.
   */
  save(alsoKeep: Iterable<string> = []): void {
    for (const file of alsoKeep) {
      const i = this.index().get(file);
      if (i !== undefined && this.seen[i] === 0) this.keep(i);
    }
    if (!this.dirty && this.keptCount === this.oldCount) {
      this.dropStream();
      return;
    }
    if (this.streamFailed) return;
    if (this.stream) {
      this.finishStream();
      return;
    }
    const count = this.keptCount + this.added.paths.length;
    const oldPaths = this.paths();
    const paths: string[] = [];
    const keys = new Float64Array(count * KEY_LENGTH);
    const values: T[] = [];
    for (let i = 0; i < this.oldCount; i++) {
      if (this.kept[i] === 0) continue;
      keys.set(this.oldKeys.subarray(i * KEY_LENGTH, (i + 1) * KEY_LENGTH), paths.length * KEY_LENGTH);
      paths.push(oldPaths[i] as string);
      values.push(this.oldValues[i] as T);
    }
    keys.set(this.added.keys, paths.length * KEY_LENGTH);
    // Joined, not spread into a call: 50,000 arguments would overflow the stack.
    const stored: Stored<T> = {
      format: FORMAT,
      build: this.build,
      context: this.context,
      paths: paths.concat(this.added.paths).join('\0'),
      keys,
      values: values.concat(this.added.values),
    };
    try {
      this.stream = this.createTemp();
    } catch {
      // A cache that cannot be written (a read-only clone, a full disk) only makes the next run slower.
      return;
    }
    this.commitStream(({ fd }) => writeAll(fd, packCache(stored)));
  }
}
