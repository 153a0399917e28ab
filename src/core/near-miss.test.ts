import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss } from './near-miss.js';

describe('editDistance', () => {
  /** The whole table, as the definition of optimal string alignment writes it: the reference for the three rows. */
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const up = d[i - 1] as number[];
        row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };

  it('gives what the whole table gives, on 50,000 pairs of short words of four letters', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const word = () => Array.from({ length: Math.floor(next() * 8) }, () => 'abcå'[Math.floor(next() * 4)]).join('');
    for (let k = 0; k < 50_000; k++) {
      const a = word();
      const b = word();
      expect(editDistance(a, b), `${a} ${b}`).toBe(reference(a, b));
    }
  });

  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('test', 'test')).toBe(0);
    expect(editDistance('testt', 'test')).toBe(1);
    expect(editDistance('tset', 'test')).toBe(1);
    expect(editDistance('refinment', 'refinement')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearMiss', () => {
  const stages = ['idea', 'refinement', 'test', 'done'].map((text) => ({ text, value: text }));

  it('gives the candidate within two edits', () => {
    expect(nearMiss('testt', stages)?.text).toBe('test');
    expect(nearMiss('REFINMENT', stages)?.text).toBe('refinement');
  });

  it('gives nothing for a word far from every candidate, or too short to be alike', () => {
    expect(nearMiss('zzzzzz', stages)).toBeNull();
    expect(nearMiss('x', stages)).toBeNull();
    expect(nearMiss('', stages)).toBeNull();
    // Two edits of three letters leave a third of the word: too little, for commander as for this.
    expect(nearMiss('axx', [{ text: 'abc', value: 'abc' }])).toBeNull();
    expect(nearMiss('abx', [{ text: 'abc', value: 'abc' }])?.text).toBe('abc');
  });

  it('gives nothing when two different values are as near, and the first form of one value otherwise', () => {
    const tie = [
      { text: 'test', value: 'a' },
      { text: 'best', value: 'b' },
    ];
    expect(nearMiss('vest', tie)).toBeNull();
    const forms = [
      { text: 'test', value: 'a' },
      { text: 'Test', value: 'a' },
    ];
    expect(nearMiss('tesst', forms)).toEqual({ text: 'test', value: 'a' });
  });
});
