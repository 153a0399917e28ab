/**
 * Which existing ideas look like a new one. Connecting ideas with each other is part of a sluice's job, so
 * `ideas new` names the closest ones. Words are folded like slugs (å → a) and compared by their first five
 * letters, a cheap stand-in for stemming that joins "hemtjänst" and "hemtjänsten" in Swedish and "test" and
 * "testing" in English; the title weighs more than the text.
 */
import { slugify } from './slug.js';

const STOP = new Set(
  (
    'och att det som en ett i på för med till av är om den de vi ni man kan ska har inte så från eller men nu mer ' +
    'alla andra deras sin sitt sina hur vad när där här under över genom efter utan mot vid också bara även ' +
    'the and for with that this from into are was were will can has have not but our their its about more ' +
    'all other how what when where which who also only use using new idea ide'
  ).split(' '),
);

export function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of slugify(text, Number.MAX_SAFE_INTEGER).split('-')) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    out.add(word.slice(0, 5));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface SimilarityInput {
  title: string;
  body: string;
}

export function similarity(a: SimilarityInput, b: SimilarityInput): number {
  const title = jaccard(terms(a.title), terms(b.title));
  const text = jaccard(terms(`${a.title} ${a.body}`), terms(`${b.title} ${b.body}`));
  return 0.6 * title + 0.4 * text;
}

export interface Similar<T> {
  item: T;
  score: number;
}

export const SIMILARITY_THRESHOLD = 0.2;

export function mostSimilar<T>(
  target: SimilarityInput,
  candidates: readonly T[],
  textOf: (item: T) => SimilarityInput,
  limit = 3,
  threshold = SIMILARITY_THRESHOLD,
): Similar<T>[] {
  return candidates
    .map((item) => ({ item, score: similarity(target, textOf(item)) }))
    .filter((s) => s.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
