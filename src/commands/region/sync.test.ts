import { describe, expect, it } from 'vitest';
import { mapBounded, oneAtATime } from './sync.js';

describe('mapBounded', () => {
  it('runs at most `limit` at once and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const work = mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      return n * 10;
    });
    // Let each waiting piece of work go, one at a time, until all are done.
    for (let released = 0; released < 7;) {
      await new Promise((r) => setImmediate(r));
      const next = gates.shift();
      if (next) {
        next();
        released++;
      }
    }
    expect(await work).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('does nothing for no items', async () => {
    expect(await mapBounded([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('oneAtATime', () => {
  it('gives turns in the order asked, each once the one before is released', async () => {
    const turn = oneAtATime();
    const log: string[] = [];
    const take = async (name: string, hold: number) => {
      const release = await turn();
      log.push(`${name} in`);
      for (let k = 0; k < hold; k++) await new Promise((r) => setImmediate(r));
      log.push(`${name} out`);
      release();
    };
    await Promise.all([take('a', 3), take('b', 0), take('c', 1)]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('goes on after a turn whose holder failed, once it is released', async () => {
    const turn = oneAtATime();
    const first = turn().then((release) => {
      release();
      throw new Error('failed while holding its turn');
    });
    await expect(first).rejects.toThrow('failed');
    const release = await turn();
    release();
  });
});
