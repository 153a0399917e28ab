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
  existsSync,
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
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { tempPathFor } from './atomic-file.js';

/** How recent a change must be for the file not to be trusted to the cache. */
export const RACY_MS = 3_000;
const FORMAT = 1;
/** A cache file larger than this is not read: it cannot be one this program wrote for a registry. */
const MAX_BYTES = 1_000_000_000;

/** What a file's metadata must still be for its entry to hold. */
export type FileKey = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, mode: number];

interface Stored<T> {
  format: number;
  build: string;
  context: string;
  entries: Map<string, [FileKey, T]>;
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

function sameKey(a: FileKey, b: FileKey): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}

export class FileCache<T> {
  private readonly old: Map<string, [FileKey, T]>;
  private readonly next = new Map<string, [FileKey, T]>();
  /**
   * The files the earlier run kept that were asked about in this run: the only ones save() must tell apart, so the
   * only ones counted (on a first run, none of 10,000).
   */
  private readonly seen = new Set<string>();
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
      old.entries instanceof Map;
    this.old = usable ? old.entries : new Map();
    this.trusted = usable;
    this.dirty = !usable;
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
    const hash = (parts: readonly string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
    const file = path.join(gitDir, 'ideas-cache', `${kind}-${hash([path.resolve(root)])}.v8`);
    let stored: Stored<T> | null = null;
    try {
      if (existsSync(file) && statSync(file).size <= MAX_BYTES) stored = deserialize(readFileSync(file)) as Stored<T>;
    } catch {
      stored = null;
    }
    return new FileCache<T>(file, buildId(), hash(context), stored, opts.now ?? Date.now(), opts.racyMs ?? RACY_MS);
  }

  /**
   * What `file` (relative to the root) came to in an earlier run, if the file at `abs` is still as it was then. A
   * file the cache knows nothing of costs nothing here: its key comes with its read (readWithKey).
   */
  lookup(file: string, abs: string): T | undefined {
    const entry = this.old.get(file);
    if (!entry) return undefined;
    this.seen.add(file);
    let key: FileKey;
    try {
      key = keyOf(lstatSync(abs));
    } catch {
      return undefined;
    }
    if (!sameKey(entry[0], key)) return undefined;
    this.next.set(file, entry);
    return entry[1];
  }

  /** What `file` came to, read while it had `key`. */
  set(file: string, key: FileKey, value: T): void {
    if (this.old.has(file)) this.seen.add(file);
    this.dirty = true;
    // Changed too recently: another change in the same clock tick would not show in the key.
    if (key[1] >= this.trustedBefore || key[2] >= this.trustedBefore) return;
    this.next.set(file, [key, value]);
  }

  /**
   * Writes the cache when anything changed: the entries used or set in this run, and those of `alsoKeep` (files
   * that still exist but were not asked about) as they were. Entries of other files are dropped.
   */
  save(alsoKeep: Iterable<string> = []): void {
    for (const file of alsoKeep) {
      const entry = this.old.get(file);
      if (entry && !this.seen.has(file)) this.next.set(file, entry);
    }
    if (!this.dirty && this.next.size === this.old.size) return;
    const stored: Stored<T> = { format: FORMAT, build: this.build, context: this.context, entries: this.next };
    let temp: string | null = null;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      removeLeftovers(path.dirname(this.file));
      temp = tempPathFor(this.file);
      writeFileSync(temp, serialize(stored), { flag: 'wx' });
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written (a read-only clone, a full disk) only makes the next run slower.
      if (temp) {
        try {
          unlinkSync(temp);
        } catch {
          // Never written.
        }
      }
    }
  }
}
