import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { faultPoint } from './faults.js';

/** node:crypto, loaded when a file is first hashed: loading it cost every command, most of which write nothing, ~3 ms. */
let loaded: typeof import('node:crypto') | undefined;
const crypto = () => (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

/**
 * Random hex digits for a temporary file's name. They need not be unguessable: every temporary file is made new
 * (`wx`, or a link, which never replace a file that is there nor follow a link), so a name taken only fails a write.
 * Math.random rather than node:crypto, which the temporary file of a first run's cache loaded for nothing but this,
 * ~4 ms of a first `ideas list` or `ideas validate`.
 */
function randomHex(bytes: number): string {
  let hex = '';
  for (let i = 0; i < bytes; i++)
    hex += Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0');
  return hex;
}

/**
 * A temporary file beside the target: hidden and not ending in .md, so a file left by a killed process is never
 * taken for an idea, and in the same folder, so that the rename or link that finishes the write is atomic.
 */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomHex(4)}.tmp`);
}

/**
 * A temporary file in a scratch folder (in the git folder, see lock.ts), where `git add -A` never sees it; named
 * `<pid>-…` so that the next writer can remove what a killed process left.
 */
export function scratchPathFor(scratch: string, file: string): string {
  return path.join(scratch, `${process.pid}-${randomHex(6)}-${path.basename(file)}.tmp`);
}

/**
 * Makes the new file `temp` (never one that is there) with what `write` writes to it, synced to disk. On any failure
 * (a full disk) it is removed: no half-written temporary file stays behind.
 */
export function writeNewFile(temp: string, write: (fd: number) => void, mode = 0o644): void {
  const fd = openSync(temp, 'wx', mode);
  try {
    write(fd);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    safeUnlink(temp);
    throw e;
  }
  closeSync(fd);
}

function writeTemp(file: string, data: string, mode = 0o644, scratch?: string): string {
  const temp = scratch ? scratchPathFor(scratch, file) : tempPathFor(file);
  writeNewFile(temp, (fd) => writeSync(fd, data), mode);
  return temp;
}

/**
 * Writes the text `chunks` make, one after another, into `dir` under the name `nameFor` gives its SHA-256 (hex), in
 * one step and without ever holding the whole text: a temporary file beside it, hashed as it is written, then renamed.
 * A file of that name holds that very text already, so it is left as it is and the temporary file goes. Returns the
 * name.
 */
export function writeContentNamed(dir: string, chunks: Iterable<string>, nameFor: (sha256: string) => string): string {
  const temp = tempPathFor(path.join(dir, 'content'));
  const hash = crypto().createHash('sha256');
  writeNewFile(temp, (fd) => {
    for (const chunk of chunks) {
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  });
  const name = nameFor(hash.digest('hex'));
  const file = path.join(dir, name);
  try {
    if (existsSync(file)) safeUnlink(temp);
    else {
      faultPoint('write:temp-written');
      renameSync(temp, file);
    }
  } catch (e) {
    safeUnlink(temp);
    throw e;
  }
  return name;
}

/**
 * Replaces `file` with `data` in one step: readers see the old content or the new, never a half-written file. With
 * `scratch`, the temporary file is written there; on another file system than `file` (a git folder elsewhere), the
 * rename cannot be atomic and the temporary file is written beside the target instead.
 */
export function writeFileAtomic(file: string, data: string, mode?: number, scratch?: string): void {
  if (scratch) {
    try {
      writeAtomicVia(file, data, mode, scratch);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    }
  }
  writeAtomicVia(file, data, mode);
}

function writeAtomicVia(file: string, data: string, mode?: number, scratch?: string): void {
  const temp = writeTemp(file, data, mode, scratch);
  try {
    faultPoint('write:temp-written');
    if (mode === undefined) {
      try {
        // The new file keeps the old one's permissions (an executable bit, a group's write access).
        chmodSync(temp, statSync(file).mode & 0o7777);
      } catch {
        // No old file: the default mode.
      }
    }
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
export function createFileExclusive(file: string, data: string, mode?: number, scratch?: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (scratch) {
    try {
      createVia(file, data, mode, scratch);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    }
  }
  createVia(file, data, mode);
}

function createVia(file: string, data: string, mode?: number, scratch?: string): void {
  const temp = writeTemp(file, data, mode, scratch);
  try {
    faultPoint('write:temp-written');
    linkSync(temp, file);
  } finally {
    safeUnlink(temp);
  }
}

/**
 * Creates every file with createFileExclusive (none may be there yet), and the folders they need, then runs `then`.
 * All or nothing: when anything fails, the files and the folders made here are removed again and the error thrown.
 * With `scratch`, the temporary files are written there (see createFileExclusive), so that a process killed part-way
 * leaves none in the work tree.
 */
export function createFilesAllOrNothing(
  files: Iterable<readonly [file: string, data: string]>,
  then: () => void = () => undefined,
  scratch?: string,
): void {
  const written: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const [file, data] of files) {
      for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) madeDirs.push(dir);
      mkdirSync(path.dirname(file), { recursive: true });
      createFileExclusive(file, data, undefined, scratch);
      written.push(file);
    }
    then();
  } catch (e) {
    for (const file of written.reverse()) safeUnlink(file);
    for (const dir of madeDirs.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty or gone
      }
    }
    throw e;
  }
}

/** Makes the folder and those above it that are missing; a folder already there is no error. */
export function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Renames in one step, replacing what is at `to`: a reader finds the one file or the other there, never neither. */
export function renameFile(from: string, to: string): void {
  renameSync(from, to);
}

/** Removes a file, with the file system's error when it cannot (safeUnlink ignores it). */
export function removeFile(file: string): void {
  unlinkSync(file);
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
