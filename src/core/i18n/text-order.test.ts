import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/fuzz/mutate.js';
import { compareText, sortByTexts } from './text-order.js';

describe('compareText', () => {
  it.each(['sv', 'en'] as const)('orders as Intl.Collator does in %s: dates, ids, and any other text', (lang) => {
    const collator = new Intl.Collator(lang);
    const rnd = prng(11);
    const plain = ' -./0123456789abcdefghijklmnopqrstuvwxyz';
    const other = `${plain}ABZåäöÅÖé_:~`;
    const word = (alphabet: string) =>
      Array.from({ length: Math.floor(rnd() * 9) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const wrong: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      const alphabet = rnd() < 0.7 ? plain : other;
      const a = word(alphabet);
      const b = rnd() < 0.2 ? a + word(alphabet) : word(alphabet);
      if (Math.sign(compareText(a, b, lang)) !== Math.sign(collator.compare(a, b))) wrong.push(`${a} ${b}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  // The other texts of printable ASCII are ordered without a collator (compareAscii): every character, capitals
  // beside their small letters, and texts that differ only in case, held to the collator's word.
  it.each(['sv', 'en'] as const)('orders texts of printable ASCII as Intl.Collator does in %s', (lang) => {
    const collator = new Intl.Collator(lang);
    const rnd = prng(12);
    let every = '';
    for (let c = 0x20; c <= 0x7e; c++) every += String.fromCharCode(c);
    const alphabets = [every, 'aAbB-_ .', 'sSuUnNdD-0123', ' -./:T0123456789', '\'"`^~$#%&*+<=>|'];
    const wrong: string[] = [];
    for (let n = 0; n < 60_000; n++) {
      const alphabet = alphabets[Math.floor(rnd() * alphabets.length)] as string;
      const word = () =>
        Array.from({ length: Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const a = word();
      // Often the same text with its case changed here and there, and maybe more after it.
      const b =
        rnd() < 0.3
          ? [...a]
              .map((ch) => (rnd() < 0.3 ? (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) : ch))
              .join('') + (rnd() < 0.3 ? word() : '')
          : word();
      if (Math.sign(compareText(a, b, lang)) !== Math.sign(collator.compare(a, b))) wrong.push(JSON.stringify([a, b]));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("orders as the language does, never as the machine's locale: Swedish unless told", () => {
    const texts = ['2026-10-08', '2026-01-31', 'sund-b2', 'sund-a10', 'Ärende', 'arende', 'Zon', ''];
    expect([...texts].sort((a, b) => compareText(a, b))).toEqual([
      '',
      '2026-01-31',
      '2026-10-08',
      'arende',
      'sund-a10',
      'sund-b2',
      'Zon',
      'Ärende',
    ]);
    expect([...texts].sort((a, b) => compareText(a, b, 'en'))).toEqual([
      '',
      '2026-01-31',
      '2026-10-08',
      'arende',
      'Ärende',
      'sund-a10',
      'sund-b2',
      'Zon',
    ]);
  });

  /** 2,000 items of ranks and two texts picked from these at random, sorted as a sort by compareText sorts them. */
  const sortsAsCompareText = (seed: number, ranks: number[], firsts: string[], seconds: string[]) => {
    const rnd = prng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const items = Array.from({ length: 2000 }, (_, n) => ({
      n,
      rank: pick(ranks),
      texts: [pick(firsts), pick(seconds)],
    }));
    const expected = [...items].sort(
      (a, b) =>
        (a.rank === b.rank ? 0 : a.rank < b.rank ? -1 : 1) ||
        compareText(a.texts[0] as string, b.texts[0] as string) ||
        compareText(a.texts[1] as string, b.texts[1] as string),
    );
    expect(
      sortByTexts(
        items,
        (i) => i.rank,
        (i) => i.texts,
      ).map((i) => i.n),
    ).toEqual(expected.map((i) => i.n));
  };

  it('sorts by rank, then by each text in turn, as comparing with compareText does', () => {
    sortsAsCompareText(
      12,
      [0, 1, 2],
      ['2026-01-02', '2026-01-10', '', 'igår', 'Ärende', '2026-1-3'],
      ['sund-a1', 'sund-b', 'Sund-a', 'ideas/x.md', 'å-1', 'a'],
    );
  });

  // Texts the collator holds equal: canonically equivalent ones, and plain ones beside a character it ignores.
  it('sorts texts the collator holds equal as equal, and goes on to the next text', () => {
    sortsAsCompareText(
      14,
      [0, 1],
      ['2026-01-02', '2026-01-02\u200b', 'Ärende', 'A\u0308rende', 'arende', '2026-01-02T09:00'],
      ['sund-a', 'sund-a\u200b', 'sund-a\u00ad', 'SUND-A', 'sund-b', 'Sund-a'],
    );
  });

  it('sorts 2,000 ids and dates, a few of them not plain, as compareText does', () => {
    const rnd = prng(15);
    const id = () => `sund-${Math.floor(rnd() * 36 ** 3).toString(36)}`;
    const firsts = Array.from({ length: 300 }, () => `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`);
    const seconds = Array.from({ length: 1500 }, id);
    for (let n = 0; n < 10; n++) {
      firsts.push(`${firsts[n] as string}T09:1${n}:00`);
      seconds.push((seconds[n] as string).toUpperCase(), `${seconds[n + 10] as string}å`);
    }
    sortsAsCompareText(16, [0, 1, 2, 3], firsts, seconds);
  });

  it('sorts by many texts, whose places no one number holds, as compareText does', () => {
    const rnd = prng(17);
    const text = () => (rnd() < 0.05 ? 'Å' : '') + Math.floor(rnd() * 1e6).toString(36);
    const items = Array.from({ length: 2000 }, (_, n) => ({ n, texts: Array.from({ length: 6 }, text) }));
    const byTexts = (a: (typeof items)[number], b: (typeof items)[number]) => {
      for (let i = 0; i < 6; i++) {
        const c = compareText(a.texts[i] as string, b.texts[i] as string);
        if (c !== 0) return c;
      }
      return 0;
    };
    expect(
      sortByTexts(
        items,
        () => 0,
        (i) => i.texts,
      ).map((i) => i.n),
    ).toEqual([...items].sort(byTexts).map((i) => i.n));
  });

  it('sorts plain texts alone as it sorts them among others', () => {
    sortsAsCompareText(
      13,
      [0, 1, Infinity],
      ['2026-01-02', '2026-01-10', '2026-01-1', '', '2026', '2026-01-02 '],
      ['sund-a1', 'sund-a', 'sund-a10', 'sund-b', 'ideas/x.md', 'a', ''],
    );
  });
});
