import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { IdeasError } from '../core/errors.js';
import { ownerIsDead, releaseLock, takeLock, type LockPlace } from './lock.js';
import { failure } from '../../test/helpers/errors.js';

afterAll(removeTempDirs);

function place(): LockPlace {
  const dir = makeTempDir();
  return { gitDir: dir, lock: path.join(dir, 'ideas.lock'), scratch: path.join(dir, 'ideas-tmp') };
}

/** A pid that no process has: above the largest pid Linux hands out. */
const DEAD = 2 ** 22 + 1;

function leaveOwner(p: LockPlace, owner: Record<string, unknown>, name = `${String(owner.pid)}-abc`): void {
  mkdirSync(p.lock, { recursive: true });
  writeFileSync(path.join(p.lock, name), JSON.stringify(owner));
}

/** Why the lock was not taken. */
const refusal = (p: LockPlace): Promise<IdeasError> => failure(takeLock(p, 60));

describe('the write lock', () => {
  it('is a folder holding its owner, gone after release, and leaves nothing in the scratch folder', async () => {
    const p = place();
    const held = await takeLock(p, 1000);
    expect(readdirSync(p.lock)).toEqual([held.name]);
    expect(held.name.startsWith(`${process.pid}-`)).toBe(true);
    releaseLock(held);
    expect(readdirSync(path.dirname(p.lock)).sort()).toEqual(['ideas-tmp']);
    expect(readdirSync(p.scratch)).toEqual([]);
  });

  it('refuses while a live process holds it, naming it and the folder to remove', async () => {
    const p = place();
    const held = await takeLock(p, 1000);
    const e = await refusal(p);
    expect(e.code).toBe('LOCKED');
    expect(e.text.en).toContain(`${process.pid}@${hostname()}`);
    expect(e.hint?.sv).toContain(p.lock);
    expect(readdirSync(p.lock)).toEqual([held.name]);
    releaseLock(held);
  });

  it('is taken over from a dead owner, an empty folder, and an old version’s lock file of a dead pid', async () => {
    for (const leave of [
      (p: LockPlace) => leaveOwner(p, { pid: DEAD, host: hostname(), start: null }),
      (p: LockPlace) => mkdirSync(p.lock),
      (p: LockPlace) => writeFileSync(p.lock, `${DEAD}\n`),
    ]) {
      const p = place();
      leave(p);
      const held = await takeLock(p, 1000);
      expect(readdirSync(p.lock)).toEqual([held.name]);
      releaseLock(held);
    }
  });

  it('waits for the lock of a live pid in an old version’s lock file, and of another host', async () => {
    const old = place();
    writeFileSync(old.lock, `${process.pid}\n`);
    expect((await refusal(old)).code).toBe('LOCKED');
    const remote = place();
    leaveOwner(remote, { pid: DEAD, host: `not-${hostname()}`, start: null });
    expect((await refusal(remote)).code).toBe('LOCKED');
  });

  it('tells a reused pid from its owner by the start time', () => {
    expect(ownerIsDead({ pid: process.pid, host: hostname(), start: null })).toBe(false);
    expect(ownerIsDead({ pid: DEAD, host: hostname(), start: null })).toBe(true);
    if (process.platform === 'linux')
      expect(ownerIsDead({ pid: process.pid, host: hostname(), start: 'not-the-start' })).toBe(true);
  });
});
