/**
 * "Did you mean …?" for a name typed on the command line: the candidate a near miss was meant for, by the same rule
 * commander uses for a misspelled command (at most two edits, a swap of neighbours counting as one, and more than 40%
 * of the longer word left the same), so that a stage is suggested as a command is.
 */

const MAX_EDITS = 2;
const MIN_SIMILARITY = 0.4;

/** Edits from `a` to `b`: insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  // Three rows of the table at a time (the swap looks two rows back), not the whole table: this runs for every key no
  // schema names, against every field of the same length or nearly.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length] as number;
}

/**
 * The value of the candidate nearest to `word`, when one is near enough and no candidate of another value is as near;
 * null otherwise. Each candidate is compared in the form `fold` gives it (and `word` in the same form); among those
 * equally near, the first of the same value wins, so the caller orders candidates by which form to suggest.
 */
export function nearMiss<T>(
  word: string,
  candidates: readonly { text: string; value: T }[],
  fold: (text: string) => string = (text) => text.toLowerCase(),
): { text: string; value: T } | null {
  const wanted = fold(word);
  if (wanted === '') return null;
  let best: { text: string; value: T } | null = null;
  let bestDistance = MAX_EDITS + 1;
  let tied = false;
  for (const c of candidates) {
    const form = fold(c.text);
    // Words whose lengths differ by more than the edits allowed are that many edits apart at least: not measured.
    // validate asks this of every key no schema names, and a front matter may hold 300,000 of them.
    if (form.length <= 1 || Math.abs(form.length - wanted.length) > MAX_EDITS) continue;
    const distance = editDistance(wanted, form);
    const length = Math.max(wanted.length, form.length);
    if (distance > MAX_EDITS || (length - distance) / length <= MIN_SIMILARITY) continue;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && best !== null && c.value !== best.value) tied = true;
  }
  return tied ? null : best;
}
