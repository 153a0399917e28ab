import { describe, expect, it } from 'vitest';
import { similarPairs, stems, stemWord, type Comparable } from './similarity.js';

describe('stemWord, Swedish', () => {
  it('joins the inflections of a word', () => {
    const groups = [
      ['läsplatta', 'läsplattan', 'läsplattor', 'läsplattorna'],
      ['äldreboende', 'äldreboendet', 'äldreboenden', 'äldreboendena'],
      ['bibliotek', 'biblioteket', 'biblioteken'],
      ['skola', 'skolan', 'skolor', 'skolorna'],
      ['hemtjänst', 'hemtjänsten'],
      ['chattbot', 'chattboten', 'chattbotar'],
      ['digital', 'digitala'],
    ];
    for (const words of groups) expect(new Set(words.map(stemWord)), words.join(' ')).toHaveProperty('size', 1);
  });

  it('folds case, Unicode forms and å/ä/ö', () => {
    expect(stemWord('ÄLDREBOENDEN')).toBe(stemWord('äldreboenden'));
    expect(stemWord('a\u0308ldreboenden')).toBe(stemWord('äldreboenden'));
    expect(stemWord('lasplattor')).toBe(stemWord('läsplattor'));
    expect(stemWord('skola')).not.toBe(stemWord('cykel'));
  });

  it('leaves out stop words, numbers and single letters', () => {
    expect(stems('En app för 24/7 och i skolan')).toEqual(['app', stemWord('skolan')]);
  });
});

const doc = (group: string, title: string, body = ''): Comparable => ({ group, title, body });

describe('similarPairs', () => {
  const docs = [
    doc(
      'lidkoping',
      'Läsplattor för äldre på äldreboenden',
      'Digitala läsplattor så att de boende kan ringa anhöriga.',
    ),
    doc('skovde', 'Läsplatta till äldreboendet', 'En digital läsplatta för videosamtal med anhöriga.'),
    doc('skovde', 'Cykelparkering vid skolan', 'Fler cykelställ vid skolorna.'),
    doc('mariestad', 'Cykelparkeringar vid skolor', 'Säkra cykelställ vid alla skolor.'),
    doc('mariestad', 'Chattbot för bygglov', 'En chattbot som svarar på frågor om bygglov dygnet runt.'),
    doc('lidkoping', 'Läsplattor på äldreboende', 'Samma idé i samma kommun.'),
  ];

  it('ranks the same idea in two municipalities first, and never pairs ideas of one municipality', () => {
    const pairs = similarPairs(docs, { minScore: 0.2, limit: 10 });
    const named = pairs.map((p) => [p.a, p.b]);
    expect(named.slice(0, 3)).toEqual(expect.arrayContaining([[1, 5]]));
    expect(named).toContainEqual([0, 1]);
    expect(named).toContainEqual([2, 3]);
    // Same municipality: 0 and 5 are alike but both Lidköping's.
    expect(named).not.toContainEqual([0, 5]);
    // The chatbot is like nothing.
    expect(named.flat()).not.toContain(4);
    for (const p of pairs) expect(p.score).toBeGreaterThan(0.2);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    expect(pairs.find((p) => p.a === 0 && p.b === 1)?.shared).toEqual(
      expect.arrayContaining([stemWord('läsplattor'), stemWord('äldreboenden')]),
    );
  });

  it('keeps to the lowest score and the limit', () => {
    expect(similarPairs(docs, { minScore: 0.99, limit: 10 })).toEqual([]);
    expect(similarPairs(docs, { minScore: 0, limit: 1 })).toHaveLength(1);
  });

  it('finds nothing in texts without words', () => {
    expect(similarPairs([doc('a', ''), doc('b', '1 2 3')], { minScore: 0, limit: 5 })).toEqual([]);
  });
});
