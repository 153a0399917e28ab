import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/fuzz/mutate.js';
import { formatDecimal } from './number-format.js';

const LOCALE = { sv: 'sv-SE', en: 'en-GB' } as const;

describe('formatDecimal', () => {
  it('writes what toLocaleString writes, for sv-SE and en-GB, at one and three decimals', () => {
    const random = prng(20261206);
    const numbers = [
      ...[0, -0, 1, -1, 0.05, 0.15, 0.25, 0.35, 1.005, 1.25, 2.45, 9.95, 9.96, 99.95, 999.95, 999_999.95],
      ...[1234, 1234.55, 12_345.678, -1234, -0.04, -0.06, 0.0004, 0.0005, 1e-7, -1e-7, 123_456_789_012.35],
      ...[2 ** 53, 1e20, 0.1 + 0.2, 1 / 3, 2 / 3, 150_000, 4_999_999.5],
    ];
    for (let i = 0; i < 10_000; i++) {
      const scale = 10 ** Math.floor(random() * 12 - 3);
      const n = Math.round(random() * 1e6) / 1e3;
      numbers.push(
        (random() < 0.2 ? -1 : 1) * n * scale,
        Math.round(random() * 10_000) / 100,
        Math.floor(random() * 1e7),
      );
    }
    const differ: string[] = [];
    for (const n of numbers)
      for (const lang of ['sv', 'en'] as const)
        for (const digits of [1, 3]) {
          const expected = n.toLocaleString(LOCALE[lang], { maximumFractionDigits: digits });
          const got = formatDecimal(n, lang, digits);
          if (got !== expected) differ.push(`${n} ${lang} ${digits}: ${got} ≠ ${expected}`);
        }
    expect(differ).toEqual([]);
  });

  it('uses the language’s separators and minus sign', () => {
    expect(formatDecimal(-1234567.25, 'sv', 1)).toBe('\u22121\u00a0234\u00a0567,3');
    expect(formatDecimal(-1234567.25, 'en', 1)).toBe('-1,234,567.3');
  });
});
