/**
 * Everything a command that writes does, it does inside a write session: holding the registry's write lock (see
 * lock.ts), after finishing the work of any command killed while it wrote (see journal.ts) and clearing the scratch
 * files of processes that are gone.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { recoverInterrupted } from './journal.js';
import { lockPlace, pidMayRun, releaseLock, takeLock, type LockPlace } from './lock.js';

export interface WriteSession {
  root: string;
  place: LockPlace;
}

/** Removes what killed processes left in the scratch folder: every entry is named `<pid>-…` by the process that made it. */
function clearScratch(place: LockPlace): void {
  let entries: string[];
  try {
    entries = readdirSync(place.scratch);
  } catch {
    return;
  }
  for (const name of entries) {
    const m = /^(\d+)-/.exec(name);
    if (m && !pidMayRun(Number(m[1]))) rmSync(path.join(place.scratch, name), { recursive: true, force: true });
  }
}

/** Runs `fn` holding the registry's write lock, waiting up to `waitMs` for another writer to finish. */
export async function withWriteLock<T>(
  root: string,
  fn: (session: WriteSession) => Promise<T>,
  waitMs = 15_000,
): Promise<T> {
  const place = await lockPlace(root);
  const held = await takeLock(place, waitMs);
  try {
    await recoverInterrupted(place, root);
    clearScratch(place);
    return await fn({ root, place });
  } finally {
    releaseLock(held);
  }
}
