import { describe, expect, it } from 'vitest';
import { mapBounded } from './sync.js';

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
