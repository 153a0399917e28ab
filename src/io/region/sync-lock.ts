/**
 * One sync of a region at a time: two at once would fetch into the same caches (a fetch fails on git's ref lock)
 * and each write every member's state. The second is refused at once, naming the first, rather than wait for a
 * sync that may take minutes. The lock is the registries' own (../lock.ts), in the region's cache: a killed sync's
 * lock is taken over by the next.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { IdeasError, isIdeasError } from '../../core/errors.js';
import { makeFolder } from '../atomic-file.js';
import { takeLock, type HeldLock } from '../lock.js';
import type { Region } from './region-root.js';
import { memberRepoDir, reposDir } from './member-cache.js';
import { stateDir } from './state.js';

/** Where the sync's lock keeps its scratch files. */
function scratchDir(cacheDir: string): string {
  return path.join(cacheDir, 'tmp');
}

/**
 * The folders a sync writes into (the cache, its state, the members' repositories and each one's, the lock's
 * scratch) are each absent or a folder of its own: one that is a link, or a file, would have the sync write where it
 * leads, outside the region's git folder. Refused before anything is written.
 */
export function checkCacheFolders(region: Region, members: readonly string[]): void {
  const { cacheDir } = region;
  const folders = [
    cacheDir,
    stateDir(cacheDir),
    reposDir(cacheDir),
    scratchDir(cacheDir),
    ...members.map((m) => memberRepoDir(cacheDir, m)),
  ];
  for (const dir of folders) {
    let own: boolean;
    try {
      own = lstatSync(dir).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (!own) throw new IdeasError('USAGE', 'err.regionCacheNotOwn', { dir }, { hint: 'hint.regionCacheNotOwn' });
  }
}

export async function takeSyncLock(region: Region): Promise<HeldLock> {
  const place = {
    gitDir: path.dirname(region.cacheDir),
    lock: path.join(region.cacheDir, 'sync.lock'),
    scratch: scratchDir(region.cacheDir),
  };
  try {
    makeFolder(region.cacheDir);
    return await takeLock(place, 0);
  } catch (e) {
    if (isIdeasError(e) && e.code === 'LOCKED')
      throw new IdeasError(
        'LOCKED',
        'err.regionSyncLocked',
        { pid: /\(process ([^)]+)\)/.exec(e.text.en)?.[1] ?? '?' },
        { hint: 'hint.regionSyncLocked', hintParams: { lock: place.lock } },
      );
    throw e;
  }
}
