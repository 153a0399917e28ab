/**
 * Which ideas of a region look alike, across municipalities: the region's first promise is that the same idea is
 * not developed in several places at once. Titles and texts are compared as Swedish: case and Unicode forms folded,
 * each word reduced to its stem by the Snowball Swedish stemmer (@orama/stemmers, a maintained port; "läsplattor",
 * "läsplatta" → "läsplat"), the definite singular forms Snowball leaves alone ("skolan", "biblioteket") stripped too,
 * and å/ä/ö folded after stemming, so that "lasplattor" typed without them still meets "läsplattor". English words
 * pass through the same steps and mostly stay themselves, which is enough to match a word with itself.
 *
 * Each idea is a TF-IDF vector of its stems, the title's counted twice; two ideas' similarity is the cosine of their
 * vectors, from 0 to 1. Pairs are found through an index from stem to ideas, so only ideas sharing a stem are ever
 * compared, and stems in a large share of all ideas ("projekt", "kommun") are left out of it: they say little of
 * likeness and would make every idea a candidate of every other.
 */
import { stemmer } from '@orama/stemmers/swedish';

const STOP = new Set(
  (
    'och att det som en ett i på för med till av är om den de vi ni man kan ska skall har hade inte så från eller ' +
    'men nu mer alla andra deras sin sitt sina hur vad när där här under över genom efter utan mot vid också bara ' +
    'även vara varit blir bli blev sig oss dem dess denna detta dessa vår vårt våra mitt min mina din ditt dina ' +
    'the and for with that this from into are was were will can has have not but our their its about more all ' +
    'other how what when where which who also only use using a an of to in on by as is be it or at'
  ).split(' '),
);

/** å, ä, ö and other marks folded away, after stemming (the stemmer needs them). */
function fold(stem: string): string {
  return stem.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A word's stem: Snowball Swedish, then the definite endings it does not remove: singular -an and -et ("skolan",
 * "boendet"), and the plural -ena of nouns in -ende ("boendena", where Snowball takes only the -a).
 */
export function stemWord(word: string): string {
  const w = word.normalize('NFC').toLocaleLowerCase('sv');
  let stem = stemmer(w);
  if (w.length >= 8 && w.endsWith('endena')) stem = stemmer(w.slice(0, -3));
  else if (stem === w && w.length >= 6 && /(?:an|et)$/.test(w)) stem = stemmer(w.slice(0, -2));
  return fold(stem);
}

/** The stems of a text, in order, without stop words, numbers and one-letter words. */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || /^\p{N}+$/u.test(word)) continue;
    const lower = word.toLocaleLowerCase('sv');
    if (STOP.has(lower)) continue;
    out.push(stemWord(lower));
  }
  return out;
}

export interface Comparable {
  title: string;
  body: string;
  /** Ideas of one group (a municipality) are never paired with each other. */
  group: string;
}

/** Term weights of a text: the title's stems twice, the body's once. */
function counts(doc: Comparable): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of stems(doc.title)) m.set(s, (m.get(s) ?? 0) + 2);
  // Long texts are cut: the first part says what the idea is, and time stays bounded.
  for (const s of stems(doc.body.slice(0, 4000))) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

export interface SimilarPair {
  /** Indexes into the documents given; a < b. */
  a: number;
  b: number;
  score: number;
  /** The stems the two share, most telling first. */
  shared: string[];
}

interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/** The IDF-weighted vectors of every document, and each stem's document frequency. */
function vectors(docs: readonly Comparable[]): { vecs: Vector[]; df: Map<string, number> } {
  const raw = docs.map(counts);
  const df = new Map<string, number>();
  for (const m of raw) for (const s of m.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const n = docs.length;
  const vecs = raw.map((m) => {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [s, tf] of m) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / (df.get(s) ?? 1));
      weights.set(s, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  });
  return { vecs, df };
}

export interface PairOptions {
  /** The lowest score kept, 0 to 1. */
  minScore: number;
  /** At most this many pairs, the highest first. */
  limit: number;
}

/** The pairs of documents in different groups whose similarity is at least `minScore`, the most alike first. */
export function similarPairs(docs: readonly Comparable[], opts: PairOptions): SimilarPair[] {
  const { vecs, df } = vectors(docs);
  // Stems in more than a fifth of the ideas (at least 50 of them) do not make candidates.
  const common = Math.max(50, Math.floor(docs.length / 5));
  const index = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    for (const s of v.weights.keys()) {
      if ((df.get(s) ?? 0) > common) continue;
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  const pairs: SimilarPair[] = [];
  vecs.forEach((v, i) => {
    if (v.norm === 0) return;
    const dots = new Map<number, number>();
    for (const [s, w] of v.weights) {
      const list = index.get(s);
      if (!list) continue;
      for (const j of list) {
        if (j <= i || docs[j]?.group === docs[i]?.group) continue;
        dots.set(j, (dots.get(j) ?? 0) + w * (vecs[j]?.weights.get(s) ?? 0));
      }
    }
    for (const [j, dot] of dots) {
      const other = vecs[j] as Vector;
      // The common stems left out of the index still count in the score of a pair found through the others.
      let full = dot;
      for (const [s, w] of v.weights) if ((df.get(s) ?? 0) > common) full += w * (other.weights.get(s) ?? 0);
      const score = full / (v.norm * other.norm);
      if (score < opts.minScore) continue;
      const shared = [...v.weights.keys()]
        .filter((s) => other.weights.has(s))
        .sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1));
      pairs.push({ a: i, b: j, score: Math.min(1, score), shared });
    }
  });
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  return pairs.slice(0, opts.limit);
}
