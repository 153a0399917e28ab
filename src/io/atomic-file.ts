import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { faultPoint } from './faults.js';

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
  faultPoint('write:temp-written');
  if (mode === undefined) {
    try {
      // The new file keeps the old one's permissions (an executable bit, a group's write access).
      chmodSync(temp, statSync(file).mode & 0o7777);
    } catch {
      // No old file: the default mode.
    }
  }
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
  faultPoint('write:temp-written');
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

/**
 * Refuses to change a file its owner made read-only. A rename would replace it regardless (and root may write
 * anything), so the mode bits are what is asked: a read-only idea is someone's decision to keep it as it is.
 */
export function isReadOnly(file: string): boolean {
  try {
    return (statSync(file).mode & 0o222) === 0;
  } catch {
    return false;
  }
}
