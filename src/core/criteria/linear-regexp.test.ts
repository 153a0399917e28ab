import { describe, expect, it } from 'vitest';
import { linearRegExp, PatternError, re2RegExp, translatePattern } from './linear-regexp.js';
import { thrown } from '../../../test/helpers/errors.js';

/**
 * JavaScript's own engine is the oracle for what a pattern means: every pattern here is matched by both, on texts
 * short enough for backtracking not to matter, and must give the same answer.
 */
const SAME_AS_JAVASCRIPT: [string, string[]][] = [
  ['^[a-z]{2}\\d+$', ['ab12', 'a12', 'AB12', 'ab', 'ab1\n']],
  ['^.+$', ['abc', 'a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', '😀', '']],
  ['^.$', ['😀', 'é', '\n', 'ab']],
  ['\\s', ['a b', 'a\u00a0b', 'a\u3000b', 'a\ufeffb', 'a\u200bb', 'ab', 'a\tb', 'a\vb']],
  ['^\\S+$', ['abc', 'a\u00a0b', 'a\u2003', 'å']],
  ['^[\\s\\d]+$', ['1 2', '1\u00a02', '1a']],
  ['^[^\\s]+$', ['ab', 'a\u00a0b']],
  ['^[\\S]+$', ['ab', 'a\u2029b', '😀']],
  ['^[^]+$', ['a\nb', '😀', '']],
  ['[]', ['', 'a']],
  ['^[^][a]$', ['xa', 'x', '\na']],
  ['^\\p{L}+$', ['åäö', 'Ελλάδα', 'abc1', '']],
  ['^\\p{Lu}', ['Åsa', 'åsa']],
  ['^\\P{L}+$', ['123', 'a1']],
  ['^\\p{Letter}+$', ['abc', 'a-b']],
  ['^\\p{Script=Greek}+$', ['αβγ', 'abc']],
  ['^\\p{gc=Nd}+$', ['123', '١٢٣', '12a']],
  ['^\\w+$', ['abc_1', 'å', 'a b']],
  ['\\bord\\b', ['ett ord här', 'ordet', 'bord']],
  ['^\\u00e5\\u{1F600}$', ['å😀', 'a😀']],
  ['^[\\uD83D\\uDE00-\\uD83D\\uDE4F]$', ['😀', '😐', '🙏', '🚀']],
  ['^\\x41\\cJ\\0$', ['A\n\0', 'A\n']],
  ['^[\\[\\]\\^\\-]+$', ['[]^-', 'a']],
  ['^[[:a]+$', ['[:a', '[[', 'b']],
  ['^[\\b]$', ['\b', 'b']],
  ['^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$', ['2026-11', '2026-13', '26-11']],
  ['^a\\/b\\.c\\*$', ['a/b.c*', 'a/bxc*']],
  ['^(a|b)*?c$', ['ababc', 'abd']],
  ['^(a+)+$', ['aaaa', 'aaab']],
  ['[\\t-\\r]', ['\t', '\r', 'x']],
  ['^$', ['', '\n']],
  ['x$', ['x', 'x\n']],
];

describe('linearRegExp: the same meaning as JavaScript', () => {
  for (const [pattern, texts] of SAME_AS_JAVASCRIPT) {
    it(`${pattern}`, () => {
      const native = new RegExp(pattern, 'u');
      const [linear, re2] = [linearRegExp(pattern), re2RegExp(pattern)];
      for (const text of texts) {
        expect(re2.test(text), `RE2: ${JSON.stringify(text)}`).toBe(native.test(text));
        expect(linear.test(text), JSON.stringify(text)).toBe(native.test(text));
      }
    });
  }

  it("keeps the pattern as ajv's key and in its error messages", () => {
    expect(linearRegExp('^a+$').toString()).toBe('^a+$');
  });
});

describe('linearRegExp: patterns that backtrack catastrophically in JavaScript', () => {
  // No timing: a backtracking engine would not return from these within the test's life.
  const long = 'a'.repeat(50_000);
  it('^(a+)+$ against a long text that does not match', () => {
    expect(linearRegExp('^(a+)+$').test(`${long}!`)).toBe(false);
    expect(linearRegExp('^(a+)+$').test(long)).toBe(true);
  });
  it('(x+x+)+y without a y', () => {
    expect(linearRegExp('(x+x+)+y').test('x'.repeat(50_000))).toBe(false);
    expect(linearRegExp('(x+x+)+y').test(`${'x'.repeat(50_000)}y`)).toBe(true);
  });
  it('two quantifiers in a row, unanchored: \\d+\\d+$ and a*a*b', () => {
    expect(linearRegExp('\\d+\\d+$').test(`${'1'.repeat(50_000)}x`)).toBe(false);
    expect(linearRegExp('a*a*b').test(long)).toBe(false);
  });
  it('one quantifier, not anchored: a+b and [a-z]*x', () => {
    expect(linearRegExp('a+b').test(long)).toBe(false);
    expect(linearRegExp('[a-z]*x').test(long)).toBe(false);
  });
  it('a fixed repeat of a group with a choice point inside: ^(a*){30}$, ^(a{1,3}){20}$ and ^(?:a|a){25}$', () => {
    expect(linearRegExp('^(a*){30}$').test(`${'a'.repeat(30)}b`)).toBe(false);
    expect(linearRegExp('^(a{1,3}){20}$').test(`${'a'.repeat(40)}b`)).toBe(false);
    expect(linearRegExp('^(?:a|a){25}$').test(`${'a'.repeat(25)}b`)).toBe(false);
    expect(linearRegExp('^(?:a|a){25}$').test('a'.repeat(25))).toBe(true);
  });
  it('(a|aa)*b, (\\w+\\s?)*$ and ^(\\d+)*$', () => {
    expect(linearRegExp('^(a|aa)*b$').test(long)).toBe(false);
    expect(linearRegExp('^(\\w+\\s?)*$').test(`${'word '.repeat(10_000)}!`)).toBe(false);
    expect(linearRegExp('^(\\d+)*$').test(`${'1'.repeat(50_000)}x`)).toBe(false);
  });
});

describe('linearRegExp: what it refuses, naming the pattern', () => {
  const refused: [string, PatternError['problem']][] = [
    ['^(?=.*\\d)[a-z\\d]+$', 'lookaround'],
    ['^(?!x)a', 'lookaround'],
    ['(?<=a)b', 'lookaround'],
    ['(?<!a)b', 'lookaround'],
    ['^(a)\\1$', 'backreference'],
    ['^(?<x>a)\\k<x>$', 'backreference'],
    ['(?i)abc', 'invalid'],
    ['[[:alpha:]]', 'invalid'],
    ['\\pL', 'invalid'],
    ['a{2', 'invalid'],
    ['(', 'invalid'],
    ['a{1001}', 'unsupported'],
    ['\\p{Script_Extensions=Greek}', 'unsupported'],
    ['\\uD800', 'unsupported'],
  ];
  for (const [pattern, problem] of refused) {
    it(`${pattern}: ${problem}`, () => {
      const error = thrown(() => linearRegExp(pattern), PatternError);
      expect(error.problem).toBe(problem);
      expect(error.pattern).toBe(pattern);
      expect(error.message).toContain(JSON.stringify(pattern));
    });
  }

  it('says why in both languages, in its own words for what RE2 could run but this module refuses', () => {
    const detail = (pattern: string) => {
      try {
        linearRegExp(pattern);
      } catch (e) {
        return (e as PatternError).detail;
      }
      return null;
    };
    expect(detail('a{1001}')).toEqual({ sv: 'fler upprepningar än 1000', en: 'a repeat count above 1000' });
    expect(detail('\\p{Script_Extensions=Greek}')?.sv).toBe(
      'egenskapen \\p{Script_Extensions=Greek}; använd \\p{Script=…} eller en kategori',
    );
    expect(detail('\\uD800')?.sv).toBe('ett ensamt surrogattecken (\\ud800) kan aldrig matchas');
  });
});

describe('translatePattern', () => {
  it('leaves plain patterns as they are', () => {
    expect(translatePattern('^[a-z0-9]{1,12}-[0-9a-z]{4,16}$').source).toBe('^[a-z0-9]{1,12}-[0-9a-z]{4,16}$');
  });
  it('gives `.` JavaScript’s meaning', () => {
    expect(translatePattern('a.b').source).toBe('a[^\\x{a}\\x{d}\\x{2028}-\\x{2029}]b');
  });
  // The fast path runs on JavaScript's engine only with no choice point, or one and anchored at the start.
  const choices: [string, number][] = [
    ['\\S', 0],
    ['^\\d{4}-\\d{2}$', 0],
    // A fixed repeat of a group repeats what is inside it: one choice point of its own.
    ['^(?:abc){3}[x]$', 1],
    ['^(a*){30}$', 2],
    ['^(?:a|a){25}$', 2],
    ['^((a{1,3})){20}$', 2],
    ['^a+$', 1],
    ['^\\p{Lu}\\p{L}*?$', 1],
    ['^[*+?|{]x?$', 1],
    ['\\*\\+\\?\\|\\{', 0],
    ['^(?:a|b)$', 1],
    ['^a{2,}$', 1],
    ['^a{2,5}b{3}$', 1],
    ['^(a+)+$', 2],
    ['^a*a*$', 2],
    ['^(?<n>a)?b?$', 2],
    ['^a+?b??$', 2],
  ];
  for (const [pattern, n] of choices)
    it(`${pattern} has ${n} choice points`, () => expect(translatePattern(pattern).choices).toBe(n));
});
