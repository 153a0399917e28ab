/**
 * One writer at a time per registry. Commands that change ideas (new, move, decide, assign, review, import) take
 * this lock around their writes, so two people, scripts or terminals working on one registry at once are served
 * one after the other: the second waits, then finds the idea as the first left it.
 *
 * The lock is a folder, `ideas.lock`, holding one file named after its owner (`<pid>-<random>`, with the pid, the
 * host and the process's start time inside). Every step is one atomic system call, and none removes what another
 * process may have just made:
 * - taking: the owner's folder is made, with its file, in the scratch folder, then renamed to `ideas.lock`. rename(2)
 *   onto a folder that is not empty fails, so it succeeds for one process only, and the lock never exists without
 *   its owner's name in it;
 * - taking over from a dead owner: unlink `ideas.lock/<its name>`, then rmdir `ideas.lock`. The unlink names the
 *   dead owner's file, so it cannot remove a live owner's; rmdir removes an empty folder only, so it cannot undo
 *   a taking that happened meanwhile (a rename onto the empty folder fills it). Two processes that both found the
 *   same dead owner therefore never both hold the lock: the loser's unlink or rmdir fails, and it looks again.
 *   (proper-lockfile does the same with mkdir, but removes a stale lock by path and then re-creates it: two processes
 *   that judged the same lock stale can each remove the other's fresh one. And it judges staleness by age, so the
 *   next command after a kill waits several seconds.)
 * - releasing: unlink the owner's file, then rmdir. A kill between leaves an empty folder, which the next rename
 *   replaces.
 * The owner is dead when its pid does not run on this host, or runs with another start time (a reused pid). A lock
 * of another host is waited for, then named in the error with the folder to remove.
 *
 * Locks and the scratch folder live in the git folder (never in the work tree, never committed); outside git,
 * hidden at the registry's root.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdeasError } from '../core/errors.js';
import { fsError } from './fs-error.js';
import { faultPoint } from './faults.js';
import { git } from './git.js';
import { SCRATCH_NAME } from './journal-file.js';
import { pidMayRun, pidRuns } from './pid.js';

export { pidMayRun };

const LOCK_NAME = 'ideas.lock';
export { SCRATCH_NAME };
/** An owner file that cannot be read, older than this, is a leftover of a process killed while making it. */
const UNREADABLE_STALE_MS = 30_000;

/** Where a registry keeps its lock and its scratch files. */
export interface LockPlace {
  /** The git folder, or null outside git. */
  gitDir: string | null;
  /** The lock folder. */
  lock: string;
  /**
   * Temporary files, journals and the owner folders being made: in the git folder, so `git add -A` never sees
   * them, and on the same file system as the lock.
   */
  scratch: string;
}

export async function lockPlace(root: string): Promise<LockPlace> {
  let gitDir: string | null;
  try {
    const { stdout } = await git(['rev-parse', '--absolute-git-dir'], root);
    gitDir = stdout.trim() || null;
  } catch {
    gitDir = null;
  }
  return gitDir
    ? { gitDir, lock: path.join(gitDir, LOCK_NAME), scratch: path.join(gitDir, SCRATCH_NAME) }
    : { gitDir, lock: path.join(root, `.${LOCK_NAME}`), scratch: path.join(root, `.${SCRATCH_NAME}`) };
}

/**
 * The scratch folder of the repository `dir` is in, made if it is missing: for a command that writes before there is
 * a registry to lock (`ideas init`). Undefined outside git, or when it cannot be made (temporary files then go
 * beside their targets).
 */
export async function scratchFolder(dir: string): Promise<string | undefined> {
  const place = await lockPlace(dir);
  if (place.gitDir === null) return undefined;
  try {
    mkdirSync(place.scratch, { recursive: true });
    return place.scratch;
  } catch {
    return undefined;
  }
}

interface Owner {
  pid: number;
  host: string;
  /** The process's start time as the system counts it (Linux), to tell a reused pid from the owner. */
  start: string | null;
}

/** A process's start time in clock ticks since boot, from /proc (Linux); null elsewhere. */
function startTime(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether an owner is certainly gone: only a process of this host can be known to be. */
export function ownerIsDead(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  if (!pidRuns(owner.pid)) return true;
  if (owner.start === null) return false;
  const now = startTime(owner.pid);
  return now !== null && now !== owner.start;
}

let self: Owner | null = null;
function me(): Owner {
  self ??= { pid: process.pid, host: hostname(), start: startTime('self') };
  return self;
}

function readOwner(file: string): Owner | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    if (Number.isInteger(o.pid) && typeof o.host === 'string')
      return { pid: o.pid as number, host: o.host, start: typeof o.start === 'string' ? o.start : null };
  } catch {
    // Not an owner this program wrote.
  }
  return 'unreadable';
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

export interface HeldLock {
  place: LockPlace;
  /** The owner file's name in the lock folder. */
  name: string;
}

type Look = { held: false } | { held: true; owner: Owner | null };

/** Looks at the lock once: takes over from a dead owner, or says who holds it. */
function look(lock: string): Look {
  let entries: string[];
  try {
    entries = readdirSync(lock);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { held: false };
    if (code === 'ENOTDIR') return lookAtOldLock(lock);
    throw fsError(e, lock);
  }
  if (entries.length === 0) {
    // Left by a release or a takeover cut short: never a held lock (a holder's name is in it from the start).
    try {
      rmdirSync(lock);
    } catch {
      // Taken meanwhile, or removed by another: look again.
    }
    return { held: false };
  }
  for (const name of entries) {
    const file = path.join(lock, name);
    const owner = readOwner(file);
    if (owner === 'gone') return { held: false };
    const dead = owner === 'unreadable' ? olderThan(file, UNREADABLE_STALE_MS) : ownerIsDead(owner);
    if (!dead) return { held: true, owner: owner === 'unreadable' ? null : owner };
    faultPoint('lock:stale-seen');
    try {
      // By name: only the dead owner's file goes, never one that took its place.
      unlinkSync(file);
    } catch {
      // Another process took over first.
    }
  }
  try {
    rmdirSync(lock);
  } catch {
    // Not empty (taken meanwhile) or gone: look again.
  }
  return { held: false };
}

/**
 * The lock of an earlier version of ideas: a file holding a pid. unlink(2) cannot remove a folder, so a lock taken
 * meanwhile by this version is never removed here.
 */
function lookAtOldLock(lock: string): Look {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return { held: false };
  }
  const dead = Number.isInteger(pid) && pid > 0 ? !pidRuns(pid) : olderThan(lock, UNREADABLE_STALE_MS);
  if (!dead) return { held: true, owner: Number.isInteger(pid) ? { pid, host: hostname(), start: null } : null };
  try {
    unlinkSync(lock);
  } catch {
    // Gone, or a folder now.
  }
  return { held: false };
}

/** Makes this process's owner folder in the scratch folder, ready to be renamed into place. */
function prepare(place: LockPlace): { dir: string; name: string } {
  const name = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const dir = path.join(place.scratch, `${name}.lock`);
  try {
    mkdirSync(place.scratch, { recursive: true });
    mkdirSync(dir);
    writeFileSync(path.join(dir, name), `${JSON.stringify(me())}\n`);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw fsError(e, place.scratch);
  }
  return { dir, name };
}

/** Takes the lock, waiting up to `waitMs` for a live holder, or throws LOCKED naming it. */
export async function takeLock(place: LockPlace, waitMs: number): Promise<HeldLock> {
  const deadline = Date.now() + waitMs;
  let mine = prepare(place);
  try {
    for (;;) {
      try {
        renameSync(mine.dir, place.lock);
        faultPoint('lock:taken');
        return { place, name: mine.name };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // Our folder was cleared away (by a holder cleaning scratch for a process it took for dead): make it anew.
          mine = prepare(place);
          continue;
        }
        // ENOTEMPTY, EEXIST (a held lock), EPERM (Windows, for any existing folder), ENOTDIR (an old lock file).
        if (!['ENOTEMPTY', 'EEXIST', 'EPERM', 'ENOTDIR', 'EISDIR'].includes(code ?? '')) throw fsError(e, place.lock);
      }
      const seen = look(place.lock);
      if (!seen.held) continue;
      if (Date.now() > deadline) {
        throw new IdeasError(
          'LOCKED',
          'err.locked',
          { pid: seen.owner ? `${seen.owner.pid}@${seen.owner.host}` : '?' },
          { hint: 'hint.locked', hintParams: { lock: place.lock } },
        );
      }
      await sleep(20 + Math.floor(Math.random() * 30));
    }
  } finally {
    rmSync(mine.dir, { recursive: true, force: true });
  }
}

export function releaseLock(held: HeldLock): void {
  faultPoint('lock:releasing');
  try {
    unlinkSync(path.join(held.place.lock, held.name));
  } catch {
    // Taken from us (we were judged dead): the folder is another's now.
    return;
  }
  try {
    rmdirSync(held.place.lock);
  } catch {
    // Taken by the next writer between the two calls.
  }
}
