/**
 * The order of Intl.Collator for a language (Swedish unless told: the product's first language), which is what
 * localeCompare gives, without its cost where it changes nothing: for text of lowercase ASCII letters, digits, spaces,
 * hyphens, dots and slashes only (dates, even ones written out, ids, and the paths `ideas list` sorts an idea without
 * an id by) the code-unit order is the same one, and needs no collator; for any other text of printable ASCII
 * (`SUND-B4DGRD`, `2026-08-18T09:18:00`) the collator's order is that of compareAscii. Setting a collator up loads
 * ICU's collation data, ~14 ms of a command's start. Never the machine's own locale: a report or an export is ordered
 * the same on a coordinator's computer and in CI.
 */
import type { Lang } from './i18n.js';

const collators = new Map<Lang, Intl.Collator>();
const PLAIN = /^[ \-./0-9a-z]*$/;
const ASCII = /^[\x20-\x7e]*$/;

export function compareText(a: string, b: string, lang: Lang = 'sv'): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (ASCII.test(a) && ASCII.test(b)) return compareAscii(a, b);
  return collatorFor(lang).compare(a, b);
}

/**
 * The printable ASCII characters in the order of the Unicode collation's root (CLDR), which Swedish and English
 * leave as it is: space, punctuation and symbols, digits, then letters, each letter's capital beside it.
 */
const ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
/** Each printable ASCII character's place in ASCII_ORDER (a capital has its small letter's), from 1. */
const ASCII_WEIGHT = new Uint8Array(128);
for (let i = 0; i < ASCII_ORDER.length; i++) ASCII_WEIGHT[ASCII_ORDER.charCodeAt(i)] = i + 1;
for (let c = 65; c <= 90; c++) ASCII_WEIGHT[c] = ASCII_WEIGHT[c + 32] as number;

/**
 * Two texts of printable ASCII as the collator compares them: by the characters' places, a text before every longer
 * one it begins (the primary level); then, where those are the same, a small letter before its capital at the first
 * place they differ (the tertiary level; ASCII has no accents for the secondary). src/core/i18n/text-order.test.ts
 * holds it to Intl.Collator in both languages.
 */
function compareAscii(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = (ASCII_WEIGHT[a.charCodeAt(i)] as number) - (ASCII_WEIGHT[b.charCodeAt(i)] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const capitalX = x >= 65 && x <= 90;
    if (capitalX !== (y >= 65 && y <= 90)) return capitalX ? 1 : -1;
  }
  return 0;
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

/** At most one item in this many with a text that is not plain, and sortByTexts compares the items as they are. */
const FEW_NOT_PLAIN = 8;

/**
 * Items sorted by a number, then by texts, in compareText's order. Each text is tested for plainness once, not at
 * each of the ~14 comparisons an item takes part in among 10,000. An item whose texts are all plain (as the dates and
 * ids `ideas list` sorts by are) has them joined into one key by NUL, which sorts below every plain character, so
 * that comparing two such keys compares the texts in turn: one comparison of two strings. Two items compare by their
 * keys when both have one, and else by compareText text by text, which is the same order: a registry with 21 ids and
 * dates of 10,000 that were not plain (`SUND-B4DGRD`, `2026-08-18T09:18:00`) sorted in ~10 ms. When more than one
 * item in FEW_NOT_PLAIN is not plain, and so many comparisons would go through the collator, each column's distinct
 * texts are put in order once (textRanks) and the items sorted by those places instead: ~35 ms for the same
 * registry, against ~75 with the collator in every comparison.
 */
export function sortByTexts<T>(
  items: readonly T[],
  rank: (item: T) => number,
  texts: (item: T) => readonly string[],
  lang: Lang = 'sv',
): T[] {
  let notPlain = 0;
  const keyed = items.map((item) => {
    const t = texts(item);
    const plain = t.every((s) => PLAIN.test(s));
    if (!plain) notPlain++;
    return { item, rank: rank(item), texts: t, key: plain ? t.join('\0') : null };
  });
  const byRank = (a: { rank: number }, b: { rank: number }) => (a.rank === b.rank ? 0 : a.rank < b.rank ? -1 : 1);
  if (notPlain * FEW_NOT_PLAIN <= keyed.length) {
    keyed.sort(
      (a, b) =>
        byRank(a, b) ||
        (a.key !== null && b.key !== null
          ? a.key === b.key
            ? 0
            : a.key < b.key
              ? -1
              : 1
          : compareTexts(a.texts, b.texts, lang)),
    );
    return keyed.map((k) => k.item);
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

/** Texts compared in turn by compareText, a list before every longer one it begins. */
function compareTexts(a: readonly string[], b: readonly string[], lang: Lang): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const c = compareText(a[i] as string, b[i] as string, lang);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Each distinct text's place in compareText's order, texts that compare equal (the collator's canonically equivalent
 * ones) in the same place. The plain texts are put in order by their code units and the other ASCII ones by
 * compareAscii, and merged (no two of them are equal); the rest by the collator, each group of equal ones then placed
 * among the ASCII texts by halving. No collator is set up for texts of ASCII alone.
 */
function textRanks(texts: readonly (string | undefined)[], lang: Lang): Map<string, number> {
  const plain: string[] = [];
  const ascii: string[] = [];
  const other: string[] = [];
  for (const text of new Set(texts))
    if (text !== undefined) (PLAIN.test(text) ? plain : ASCII.test(text) ? ascii : other).push(text);
  plain.sort();
  ascii.sort(compareAscii);
  const known = ascii.length === 0 ? plain : merged(plain, ascii);
  const places = new Map<string, number>();
  let place = 0;
  let i = 0;
  if (other.length > 0) {
    const collator = collatorFor(lang);
    other.sort((a, b) => collator.compare(a, b));
    for (let j = 0; j < other.length;) {
      const head = other[j] as string;
      // The ASCII texts before this group of equal others, found by halving: a few dozen of the collator's
      // comparisons for each group, not one for each ASCII text.
      let end = known.length;
      for (let lo = i; lo < end;) {
        const mid = (lo + end) >>> 1;
        if (collator.compare(known[mid] as string, head) < 0) lo = mid + 1;
        else end = mid;
      }
      while (i < end) places.set(known[i++] as string, place++);
      // No two ASCII texts are equal, so one at most joins the group.
      if (i < known.length && collator.compare(known[i] as string, head) === 0) places.set(known[i++] as string, place);
      places.set(head, place);
      for (j++; j < other.length && collator.compare(head, other[j] as string) === 0; j++)
        places.set(other[j] as string, place);
      place++;
    }
  }
  while (i < known.length) places.set(known[i++] as string, place++);
  return places;
}

/** Two lists of ASCII texts, each in compareAscii's order, as one in that order. */
function merged(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compareAscii(a[i] as string, b[j] as string) <= 0 ? (a[i++] as string) : (b[j++] as string));
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
  return out;
}
