import { describe, expect, it } from 'vitest';
import { escapePointerToken, unescapePointerToken } from './json-pointer.js';

describe('JSON Pointer tokens (RFC 6901)', () => {
  it.each([
    ['a/b', 'a~1b'],
    ['m~n', 'm~0n'],
    ['~1', '~01'],
    ['/~', '~1~0'],
    ['', ''],
    ['plain', 'plain'],
  ])('%j is written as %j and read back', (key, token) => {
    expect(escapePointerToken(key)).toBe(token);
    expect(unescapePointerToken(token)).toBe(key);
  });

  it('reads ~1 before ~0, so that ~01 is a tilde and a one, not a slash', () => {
    expect(unescapePointerToken('~01')).toBe('~1');
  });
});
