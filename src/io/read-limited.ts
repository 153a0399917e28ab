/**
 * Reading a file that someone handed over, up to a limit: the size is checked before anything is read, and the
 * reading stops one chunk past the limit whatever the file claims (a FIFO, /dev/zero, a file that grows meanwhile
 * have no size to check), so that memory stays bounded by the limit.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

/** The file is larger than the limit; nothing of it is returned. */
export class FileTooLarge extends Error {
  /** As Node names a file too large to read (fs-error.ts says it in words). */
  readonly code = 'ERR_FS_FILE_TOO_LARGE';
  constructor(readonly max: number) {
    super(`larger than ${max} bytes`);
    this.name = 'FileTooLarge';
  }
}

/** The most a file handed to the tool may hold: a spreadsheet to import, an idea's text (--body-file). */
export const MAX_HANDED_BYTES = 10_000_000;

const CHUNK = 1 << 16;

/** The file's bytes, or FileTooLarge when it holds more than `max`; other errors as readFileSync throws them. */
export function readFileLimited(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > max) throw new FileTooLarge(max);
    return readUpTo(fd, max, null);
  } finally {
    closeSync(fd);
  }
}

/**
 * Every byte left on `fd`, in chunks of at most CHUNK (of `size`'s remainder and one more, when the size is known),
 * or FileTooLarge once more than `max` are read: a file that grows while it is read, or has no size (a FIFO, a
 * device), stops at the limit as one that was larger from the start.
 */
function readUpTo(fd: number, max: number, size: number | null): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(size === null ? CHUNK : Math.min(CHUNK, Math.max(size - total, 0) + 1));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > max) throw new FileTooLarge(max);
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** The path is no regular file of its own: a link, a folder, a FIFO or a device. */
export class NotRegularFile extends Error {
  /** As a system error names it, so that its reason is said as theirs are (fs-error.ts). */
  readonly code = 'ERR_NOT_REGULAR_FILE';
  constructor(readonly file: string) {
    super(`${file} is not a regular file`);
    this.name = 'NotRegularFile';
  }
}

/**
 * A file's bytes, links followed, when what the path leads to is a regular file: opened without blocking and looked
 * at on its descriptor before a byte is read, so that a FIFO in a file's place (which would wait for a writer
 * forever) or a device is NotRegularFile, never a wait; and at most `max` bytes (FileTooLarge beyond). Other errors
 * as node:fs throws them. Every plain read of a file whose place a registry decides goes through here (files.ts).
 */
export function readFileOnly(file: string, max = MAX_HANDED_BYTES): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
    if (!stats.isFile()) throw new NotRegularFile(file);
    if (stats.size > max) throw new FileTooLarge(max);
    return readUpTo(fd, max, stats.size);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes, only from a regular file, never through a link (to /dev/zero, or a FIFO that would never end), and
 * at most `max` of them (FileTooLarge beyond); NotRegularFile otherwise, other errors as node:fs throws them. For a
 * file whose place someone else may decide: a config a pull request changes, a region's files.
 */
export function readRegularFile(file: string, max = Infinity): Buffer {
  if (!lstatSync(file).isFile()) throw new NotRegularFile(file);
  return readFileLimited(file, max);
}

/**
 * A small text file's beginning as UTF-8, for a glance before it is read in earnest (a config's language): read as
 * readRegularFile reads, at most `max` bytes of it. Null when it cannot be read so.
 */
export function peekText(file: string, max = 1_000_000): string | null {
  try {
    return readRegularFile(file, max).toString('utf8');
  } catch {
    return null;
  }
}
