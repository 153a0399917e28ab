import { describe, expect, it } from 'vitest';
import { prng } from '../../test/fuzz/mutate.js';
import { compareText } from './text-order.js';

describe('compareText', () => {
  it('orders as Intl.Collator does: dates, ids, and any other text', () => {
    const collator = new Intl.Collator();
    const rnd = prng(11);
    const plain = '-0123456789abcdefghijklmnopqrstuvwxyz';
    const other = `${plain}ABZåäöÅÖé_./ `;
    const word = (alphabet: string) => Array.from({ length: Math.floor(rnd() * 9) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const wrong: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      const alphabet = rnd() < 0.7 ? plain : other;
      const a = word(alphabet);
      const b = rnd() < 0.2 ? a + word(alphabet) : word(alphabet);
      if (Math.sign(compareText(a, b)) !== Math.sign(collator.compare(a, b))) wrong.push(`${a} ${b}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(['2026-10-08', '2026-01-31', 'sund-b2', 'sund-a10', 'Ärende', 'arende', ''].sort(compareText)).toEqual(['', '2026-01-31', '2026-10-08', 'arende', 'Ärende', 'sund-a10', 'sund-b2']);
  });
});
