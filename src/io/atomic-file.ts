import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * A temporary file beside the target: hidden and not ending in .md, so a file left by a killed process is never
 * taken for an idea, and in the same folder, so that the rename or link that finishes the write is atomic.
 */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
}

function writeTemp(file: string, data: string, mode = 0o644): string {
  const temp = tempPathFor(file);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Replaces `file` with `data` in one step: readers see the old content or the new, never a half-written file. */
export function writeFileAtomic(file: string, data: string, mode?: number): void {
  const temp = writeTemp(file, data, mode);
  try {
    renameSync(temp, file);
  } catch (e) {
    safeUnlink(temp);
    throw e;
  }
}

/**
 * Creates `file` with `data`, atomically, and only if it does not exist: the link fails with EEXIST rather than
 * overwrite, even when another process creates the same name at the same moment.
 */
export function createFileExclusive(file: string, data: string, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = writeTemp(file, data, mode);
  try {
    linkSync(temp, file);
  } finally {
    safeUnlink(temp);
  }
}

export function safeUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
