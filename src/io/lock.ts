/**
 * One writer at a time per registry. Commands that change ideas (new, move, decide, assign, review, import) take
 * this lock around their writes, so two people, scripts or terminals working on one registry at once are served
 * one after the other: the second waits, then finds the idea as the first left it. The lock file holds the owner's
 * pid; a lock left by a killed process is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdeasError } from '../core/errors.js';
import { git } from './git.js';

const LOCK_NAME = 'ideas.lock';
/** A lock file without a readable pid, older than this, is taken for a leftover of a killed process. */
const UNREADABLE_STALE_MS = 30_000;

/** Where the lock lives: in the git folder (never in the work tree, never committed), else hidden at the root. */
async function lockPath(root: string): Promise<string> {
  try {
    const { stdout } = await git(['rev-parse', '--git-dir'], root);
    return path.resolve(root, stdout.trim(), LOCK_NAME);
  } catch {
    return path.join(root, `.${LOCK_NAME}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owner's pid when the lock is held by a live process, null when it is free or stale (and then removed). */
function holder(file: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) {
    if (alive(pid)) return pid;
  } else {
    try {
      if (Date.now() - statSync(file).mtimeMs < UNREADABLE_STALE_MS) return -1;
    } catch {
      return null;
    }
  }
  try {
    unlinkSync(file);
  } catch {
    // Someone else removed it first.
  }
  return null;
}

function tryTake(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new IdeasError('IO', 'err.writeFile', { file, reason: (e as Error).message });
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Runs `fn` holding the registry's write lock, waiting up to `waitMs` for another writer to finish. */
export async function withWriteLock<T>(root: string, fn: () => Promise<T>, waitMs = 15_000): Promise<T> {
  const file = await lockPath(root);
  const deadline = Date.now() + waitMs;
  while (!tryTake(file)) {
    const owner = holder(file);
    if (owner === null) continue;
    if (Date.now() > deadline) throw new IdeasError('LOCKED', 'err.locked', { pid: owner > 0 ? owner : '?' });
    await sleep(20 + Math.floor(Math.random() * 30));
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(file, 'utf8').startsWith(`${process.pid}\n`)) unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}
