import { describe, expect, it } from 'vitest';
import type { IdeaFileEntry } from './idea-files.js';
import { computeFiles, spreadStep, type FileBytes } from './parallel-read.js';

const entries = (n: number): IdeaFileEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `ideas/01-ide/i${i}.md`,
    abs: `/nowhere/i${i}.md`,
    stage: null,
    misplaced: null,
    folder: '01-ide',
    symlink: false,
  }));

/** The order in which files of `sizes` bytes are read (r) and computed (c), on one thread; `spread` as computeFiles's. */
function order(sizes: number[], spread = false): string[] {
  const seen: string[] = [];
  const given: number[] = [];
  const list = entries(sizes.length);
  const { values, keys } = computeFiles(
    list,
    (entry) => {
      const i = list.indexOf(entry);
      seen.push(`r${i}`);
      return { file: { ok: true, bytes: new Uint8Array(sizes[i] ?? 0) } satisfies FileBytes, key: i };
    },
    (entry, file) => {
      const i = list.indexOf(entry);
      seen.push(`c${i}`);
      return file.ok ? file.bytes.length : -1;
    },
    undefined,
    (i, value, key) => {
      expect([value, key]).toEqual([sizes[i], i]);
      given.push(i);
    },
    spread,
  );
  // Whatever the order, each file's value and key land in its own slot, and are given in the files' order.
  expect(values).toEqual(sizes);
  expect(keys).toEqual(sizes.map((_, i) => i));
  expect(given).toEqual(sizes.map((_, i) => i));
  return seen;
}

const at = (seen: string[], event: string) => seen.indexOf(event);

describe('computeFiles', () => {
  it('reads a batch of small files (64 of 10,000) before it parses them', () => {
    const seen = order(Array.from({ length: 256 }, () => 1_000));
    expect(seen.slice(0, 64)).toEqual(Array.from({ length: 64 }, (_, i) => `r${i}`));
    expect(seen.slice(64, 128)).toEqual(Array.from({ length: 64 }, (_, i) => `c${i}`));
  });

  it('holds no more than about a megabyte read ahead: large files are parsed as they come', () => {
    const sizes = Array.from({ length: 256 }, () => 1_000);
    sizes[0] = 600_000;
    sizes[1] = 600_000;
    sizes[100] = 3_000_000;
    const seen = order(sizes);
    // Two files of 600 kB make a run: parsed before the third file of the batch is read.
    expect(seen.slice(0, 4)).toEqual(['r0', 'r1', 'c0', 'c1']);
    expect(at(seen, 'r2')).toBe(4);
    // A file of 3 MB ends the run it is read in.
    expect(at(seen, 'c100')).toBeLessThan(at(seen, 'r101'));
    expect(at(seen, 'r100')).toBeLessThan(at(seen, 'c64'));
  });
});

describe('spreadStep', () => {
  it('takes every batch exactly once, for any number of batches', () => {
    for (let batches = 1; batches <= 600; batches++) {
      const step = spreadStep(batches);
      const taken = new Set(Array.from({ length: batches }, (_, k) => (k * step) % batches));
      expect(taken.size, `${batches} batches, step ${step}`).toBe(batches);
    }
  });

  it('takes batches across the registry when asked to: 2,000 files read from all parts at the start', () => {
    const seen = order(
      Array.from({ length: 2_000 }, () => 100),
      true,
    );
    // 32 batches of 64 files, taken five apart: the first four batches read start at files 0, 320, 640 and 960.
    const reads = seen.filter((e) => e.startsWith('r'));
    expect([0, 1, 2, 3].map((b) => reads[b * 64])).toEqual(['r0', 'r320', 'r640', 'r960']);
    // Else in the files' order, so that what each file comes to is written to the cache as it comes.
    const inOrder = order(Array.from({ length: 2_000 }, () => 100)).filter((e) => e.startsWith('r'));
    expect([0, 1, 2, 3].map((b) => inOrder[b * 64])).toEqual(['r0', 'r64', 'r128', 'r192']);
  });
});
