import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss } from './near-miss.js';

describe('editDistance', () => {
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
