/**
 * The order of Intl.Collator for a language (Swedish unless told: the product's first language), which is what
 * localeCompare gives, without its cost where it changes nothing: for text of lowercase ASCII letters, digits, spaces,
 * hyphens, dots and slashes only (dates, even ones written out, ids, and the paths `ideas list` sorts an idea without
 * an id by) the code-unit order is the same one, and needs no collator. Setting one up loads ICU's collation data,
 * ~14 ms of a command's start. Never the machine's own locale: a report or an export is ordered the same on a
 * coordinator's computer and in CI.
 */
import type { Lang } from './i18n.js';

const collators = new Map<Lang, Intl.Collator>();
const PLAIN = /^[ \-./0-9a-z]*$/;

export function compareText(a: string, b: string, lang: Lang = 'sv'): number {
  return compareKnown(a, b, PLAIN.test(a) && PLAIN.test(b), lang);
}

/**
 * The language's collator, made once: localeCompare(b, lang) sets one up again at each call, 2.4 times as long to
 * sort 10,000 titles. Its `compare` is for texts known not to be plain (titles), which need no test for it.
 */
export function collatorFor(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang)));
  return collator;
}

/** compareText, told whether both texts are plain. */
function compareKnown(a: string, b: string, plain: boolean, lang: Lang): number {
  if (plain) return a < b ? -1 : a > b ? 1 : 0;
  return collatorFor(lang).compare(a, b);
}

/**
 * Items sorted by a number, then by texts, in compareText's order. Each text is tested for plainness once, not at
 * each of the ~14 comparisons an item takes part in among 10,000. When every text is plain (as the dates and ids
 * `ideas list` sorts by are), each item's texts are joined into one key by NUL, which sorts below every plain
 * character, so that comparing keys compares the texts in turn: one comparison of two strings each time. Otherwise
 * each column's distinct texts are put in order once (textRanks) and the items sorted by those places: a registry
 * with 21 ids and dates of 10,000 that were not plain (`SUND-B4DGRD`, `2026-08-18T09:18:00`) took the collator into
 * every comparison, ~75 ms of a first `ideas list` instead of ~10.
 */
export function sortByTexts<T>(
  items: readonly T[],
  rank: (item: T) => number,
  texts: (item: T) => readonly string[],
  lang: Lang = 'sv',
): T[] {
  const keyed = items.map((item) => ({ item, rank: rank(item), texts: texts(item) }));
  const byRank = (a: { rank: number }, b: { rank: number }) => (a.rank === b.rank ? 0 : a.rank < b.rank ? -1 : 1);
  if (keyed.every((k) => k.texts.every((s) => PLAIN.test(s)))) {
    const joined = keyed.map((k) => ({ item: k.item, rank: k.rank, key: k.texts.join('\0') }));
    joined.sort((a, b) => byRank(a, b) || (a.key === b.key ? 0 : a.key < b.key ? -1 : 1));
    return joined.map((k) => k.item);
  }
  const columns = keyed.reduce((n, k) => Math.max(n, k.texts.length), 0);
  const places = Array.from({ length: columns }, (_, i) =>
    textRanks(
      keyed.map((k) => k.texts[i]),
      lang,
    ),
  );
  // Each item's places in one number (a text missing from a shorter list is place 0, first, as comparing the lists
  // text by text stopped there), where that number stays exact; else a list of them.
  const sizes = places.map((p) => p.size + 1);
  const exact = sizes.reduce((product, size) => product * size, 1) <= Number.MAX_SAFE_INTEGER;
  const placeOf = (k: (typeof keyed)[number], i: number) => {
    const text = k.texts[i];
    return text === undefined ? 0 : (places[i]?.get(text) as number) + 1;
  };
  const placed = keyed.map((k) => {
    let key = 0;
    if (exact) for (let i = 0; i < columns; i++) key = key * (sizes[i] as number) + placeOf(k, i);
    return { item: k.item, rank: k.rank, key, at: exact ? null : places.map((_, i) => placeOf(k, i)) };
  });
  placed.sort((a, b) => {
    const r = byRank(a, b);
    if (r !== 0 || exact) return r || a.key - b.key;
    for (let i = 0; i < columns; i++) {
      const c = (a.at?.[i] as number) - (b.at?.[i] as number);
      if (c !== 0) return c;
    }
    return 0;
  });
  return placed.map((k) => k.item);
}

/**
 * Each distinct text's place in compareText's order, texts that compare equal (the collator's canonically equivalent
 * ones) in the same place. The plain texts are put in order by their code units, which is the collator's order for
 * them; the others by the collator; each of the others then finds its place among the plain ones by halving.
 */
function textRanks(texts: readonly (string | undefined)[], lang: Lang): Map<string, number> {
  const plain: string[] = [];
  const other: string[] = [];
  for (const text of new Set(texts)) if (text !== undefined) (PLAIN.test(text) ? plain : other).push(text);
  plain.sort();
  const collator = collatorFor(lang);
  other.sort((a, b) => collator.compare(a, b));
  const places = new Map<string, number>();
  let place = 0;
  let i = 0;
  for (let j = 0; j < other.length;) {
    const head = other[j] as string;
    // The plain texts before this group of equal others, found by halving: a few dozen of the collator's comparisons
    // for each group, not one for each plain text.
    let end = plain.length;
    for (let lo = i; lo < end;) {
      const mid = (lo + end) >>> 1;
      if (collator.compare(plain[mid] as string, head) < 0) lo = mid + 1;
      else end = mid;
    }
    while (i < end) places.set(plain[i++] as string, place++);
    // Two plain texts are never equal, so one at most joins the group.
    if (i < plain.length && collator.compare(plain[i] as string, head) === 0) places.set(plain[i++] as string, place);
    places.set(head, place);
    for (j++; j < other.length && collator.compare(head, other[j] as string) === 0; j++)
      places.set(other[j] as string, place);
    place++;
  }
  while (i < plain.length) places.set(plain[i++] as string, place++);
  return places;
}
