import { describe, expect, it } from 'vitest';
import { mostSimilar, SIMILARITY_THRESHOLD, similarity, terms } from './similarity.js';

const titled = (title: string, body = '') => ({ title, body });

describe('similarity', () => {
  it('folds words like slugs, keeps their first five letters and leaves out stop words, short words and numbers', () => {
    expect([...terms('Digital tillsyn i hemtjänsten och för att 2026 ok')]).toEqual(['digit', 'tills', 'hemtj']);
  });

  it('joins "hemtjänst" and "hemtjänsten"', () => {
    expect(terms('hemtjänst')).toEqual(terms('hemtjänsten'));
  });

  it('similar Swedish titles score above the threshold', () => {
    const score = similarity(
      titled('Digital tillsyn i hemtjänsten'),
      titled('Digitala nattkameror för tillsyn i hemtjänsten'),
    );
    expect(score).toBeGreaterThan(SIMILARITY_THRESHOLD);
  });

  it('unrelated titles score below the threshold', () => {
    const score = similarity(titled('Digital tillsyn i hemtjänsten'), titled('Gemensam kalender för lokalbokning'));
    expect(score).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('ignores stop words: titles that share only stop words score 0', () => {
    expect(similarity(titled('Idé om att det som vi kan'), titled('Idé om att det som vi kan'))).toBe(0);
    expect(similarity(titled('Cykelpool för och med alla'), titled('Cykelpool'))).toBe(1);
  });

  it('counts the text, less than the title', () => {
    const target = titled('Nattillsyn', 'kamera hemtjänst brukare');
    const sameText = similarity(target, titled('Något annat', 'kamera hemtjänst brukare'));
    const sameTitle = similarity(target, titled('Nattillsyn', 'helt andra ord här'));
    expect(sameText).toBeGreaterThan(0);
    expect(sameTitle).toBeGreaterThan(sameText);
  });

  it('mostSimilar orders by score, drops those under the threshold and keeps at most the limit', () => {
    const candidates = [
      titled('Gemensam kalender för lokalbokning'),
      titled('Digitala nattkameror för tillsyn i hemtjänsten'),
      titled('Digital tillsyn i hemtjänsten'),
      titled('Tillsyn i hemtjänsten med sensorer och larm på natten'),
    ];
    const target = titled('Digital tillsyn i hemtjänsten');
    const all = mostSimilar(target, candidates, (c) => c, 10);
    expect(all.map((s) => s.item.title)).toEqual([
      'Digital tillsyn i hemtjänsten',
      'Digitala nattkameror för tillsyn i hemtjänsten',
      'Tillsyn i hemtjänsten med sensorer och larm på natten',
    ]);
    expect(all[0]?.score).toBe(1);
    expect(all.every((s, i) => i === 0 || s.score <= (all[i - 1]?.score ?? 0))).toBe(true);
    expect(mostSimilar(target, candidates, (c) => c, 2).map((s) => s.item.title)).toEqual(
      all.slice(0, 2).map((s) => s.item.title),
    );
    expect(mostSimilar(target, candidates, (c) => c).length).toBe(3);
  });

  it('mostSimilar finds nothing in an empty list or with an empty title', () => {
    expect(mostSimilar(titled('Digital tillsyn'), [], (c: { title: string; body: string }) => c)).toEqual([]);
    expect(mostSimilar(titled(''), [titled('Digital tillsyn')], (c) => c)).toEqual([]);
  });
});
