import { Buffer } from 'node:buffer';
/**
 * The plain reads of the file system that commands need besides ideas, the config and criteria (which have readers
 * of their own): a file's text or bytes, whether something is at a path, and what it is. Commands reach files only
 * through io/ (docs/architecture.md, enforced by ESLint), so everything that touches the machine is in one place;
 * writes go through atomic-file.ts.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { nonUtf8Line } from '../core/front-matter/line-column.js';
import { readFileOnly } from './read-limited.js';

/**
 * The file's text as UTF-8; errors as node:fs throws them. Every read here is of a regular file (links followed) of
 * at most 10 MB, and never waits: a FIFO or a device in a file's place is an error (read-limited.ts, readFileOnly).
 */
export function readText(file: string): string {
  return readFileOnly(file).toString('utf8');
}

/** A file of the registry's own (its config, a criteria schema, a region's file) that is not UTF-8 text. */
export class NotUtf8 extends Error {
  constructor(readonly line: number) {
    super(`not UTF-8 (line ${line})`);
    this.name = 'NotUtf8';
  }
}

/**
 * The text of a file the registry is made of, which must be UTF-8 (an optional byte order mark is taken off): one
 * saved as Windows-1252 by an editor would otherwise be read with U+FFFD for every å, ä and ö, and its labels shown
 * so. NotUtf8, with the first line that is not, else errors as node:fs throws them.
 */
export function readUtf8Text(file: string): string {
  return utf8Text(readFileOnly(file));
}

/** Bytes as UTF-8 text, without a byte order mark; NotUtf8 when they are not UTF-8. */
export function utf8Text(bytes: Buffer): string {
  const line = nonUtf8Line(bytes);
  if (line !== null) throw new NotUtf8(line);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The file's bytes; errors as node:fs throws them. */
export function readBytes(file: string): Buffer {
  return readFileOnly(file);
}

/** The file's text, or null when there is no file; other errors (a folder, no permission) as node:fs throws them. */
export function readTextIfExists(file: string): string | null {
  try {
    return readText(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Whether the path is a file of its own (not a link) whose bytes are exactly `text` in UTF-8: a file that writing
 * `text` there would leave as it is.
 */
export function holdsExactly(file: string, text: string): boolean {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size !== Buffer.byteLength(text)) return false;
    return readFileOnly(file).equals(Buffer.from(text));
  } catch {
    return false;
  }
}

/** Whether the path leads to something, links followed: a link to nothing is not there. */
export function pathExists(p: string): boolean {
  return existsSync(p);
}

/** Whether anything has the name, a link to nothing included: what a new file of that name would replace. */
export function entryExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** What is at a path, the link itself rather than what it leads to; null when nothing is there or it cannot be seen. */
export function entryKind(p: string): 'symlink' | 'directory' | 'other' | null {
  try {
    if (lstatSync(p).isSymbolicLink()) return 'symlink';
    return statSync(p).isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

/** The nearest folder at or above `dir` that exists: where a folder that is still to be made will be. */
export function nearestExisting(dir: string): string {
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  return existing;
}

/** The path with every symbolic link resolved, as git prints paths. */
export function realPath(p: string): string {
  return realpathSync(p);
}
