import { describe, expect, it } from 'vitest';
import { shareStrings } from './shared-strings.js';
import { readFrontMatter } from './front-matter.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('shareStrings', () => {
  it('leaves the data as it was read: every value, at every depth, and mappings without a prototype', () => {
    const source = [
      '---',
      'title: Läxhjälp på bussen',
      'tags: [skola, buss]',
      `public_summary: ${'Lång text. '.repeat(10)}`,
      'history:',
      '  - date: 2026-01-03',
      '    action: moved',
      '    decision: approve',
      '    amount: 15000',
      '  - { date: 2026-02-01, action: moved, to: test }',
      'nested: { a: [1, true, null, "idea"] }',
      '---',
      '',
    ].join('\n');
    const read = () => {
      const fm = readFrontMatter(text(source));
      if (!fm.ok) throw new Error(fm.rule);
      return fm.data;
    };
    const data = read();
    expect(shareStrings(data)).toBe(data);
    expect(data).toEqual(read());
    const history = data.history as Record<string, unknown>[];
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf(history[0])).toBeNull();
    expect(Object.getPrototypeOf(history[1])).toBeNull();
  });

  it('takes lists and scalars as they are', () => {
    const list = ['moved', ['approve', 3], { to: 'idea' }];
    expect(shareStrings(list)).toEqual(['moved', ['approve', 3], { to: 'idea' }]);
    expect(shareStrings('x')).toBe('x');
    expect(shareStrings(null)).toBeNull();
  });
});
