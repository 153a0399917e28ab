import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/fuzz/mutate.js';
import { codePointLength } from './code-point-length.js';

// The test runner honours `__esModule`: the function is the default's default.
const ajvLength = ((ucs2length as unknown as { default?: (s: string) => number }).default ?? ucs2length) as (
  s: string,
) => number;

describe('codePointLength', () => {
  it('counts as ajv counts, pairs and lone halves of pairs included', () => {
    const pieces = [
      'a',
      'å',
      'é',
      ' ',
      '😀',
      '\uD83D',
      '\uDE00',
      '\uDBFF',
      '\uDC00',
      '\uD800\uDC00',
      '\uFFFF',
      '𝒜',
      '',
    ];
    const random = prng(20261206);
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      expect([text, codePointLength(text)]).toEqual([text, ajvLength(text)]);
    }
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('a\uD83Db')).toBe(3);
    expect(codePointLength('Idébank')).toBe(7);
  });
});
