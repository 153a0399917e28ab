/**
 * A field's value as text, where a screen or a report shows a scalar: a string as it is, and a number written out
 * (YAML reads `id: 2024` or `amount: 5000` as a number). Anything else (a list, a mapping, a boolean, nothing) is no
 * text.
 */
export function scalarText(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** scalarText where a blank text is no text either: what a page shows, or an override's entry names. */
export function shownText(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;
}

/** The texts of a list that are not blank, for a page; none for anything but a list. */
export function shownTexts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
