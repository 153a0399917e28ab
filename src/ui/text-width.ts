import stringWidth from 'fast-string-width';
import { terminalLine } from '../core/terminal-text.js';

// Made on first use: setting one up loads ICU's break rules (~10 ms), which Latin text never needs.
let segmenter: Intl.Segmenter | undefined;

/**
 * Text whose every character takes exactly one column: printable ASCII and the Latin letters of Swedish and its
 * neighbours (Latin-1 without the soft hyphen, Latin Extended-A and -B), and the dashes, quotes and ellipsis of
 * typeset text (U+2010 to U+2027; truncate's own ellipsis among them). Most registries' text is only this, and it
 * needs no grapheme segmentation: `ideas list` on 10,000 ideas spent a fifth of a second measuring it otherwise.
 */
const ONE_COLUMN_EACH = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027]*$/;

/**
 * Columns a line takes in a terminal: East Asian wide characters and emoji take two, combining marks and zero-width
 * characters none.
 */
export function displayWidth(text: string): number {
  return ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text);
}

/** The text on one line, cut to `width` columns with an ellipsis, never splitting a character or an emoji. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  if (width <= 1) return '…'.slice(0, width);
  if (ONE_COLUMN_EACH.test(flat)) return `${flat.slice(0, width - 1).trimEnd()}…`;
  let out = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter();
  for (const { segment } of segmenter.segment(flat)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

export function padEnd(text: string, width: number): string {
  return text + spaces(Math.max(0, width - displayWidth(text)));
}

/** Whitespace that truncate would change: anything but single spaces between words. */
const NOT_FLAT = /[^\S ]| {2}|^ | $/;

/** A table cell's text as it will be shown on one line, measured once: truncate's text, and its width in columns. */
export interface Cell {
  text: string;
  width: number;
}

export function cell(text: string): Cell {
  const flat = NOT_FLAT.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return { text: flat, width: displayWidth(flat) };
}

/**
 * Text already as terminalLine and cell would leave it, one column a character: words of ONE_COLUMN_EACH's characters
 * (no whitespace among them, nor anything terminalLine changes) with one space between them. Nine texts of ten in a
 * list are such; one test instead of three (~10 ms of a list of 10,000 ideas).
 */
const FLAT_ONE_COLUMN =
  /^(?:[\u0021-\u007e\u00a1-\u00ac\u00ae-\u024f\u2010-\u2027]+(?: [\u0021-\u007e\u00a1-\u00ac\u00ae-\u024f\u2010-\u2027]+)*)?$/;

/** A value's cell on one line: cell(terminalLine(text)). */
export function lineCell(text: string): Cell {
  return FLAT_ONE_COLUMN.test(text) ? { text, width: text.length } : cell(terminalLine(text));
}

/** The cell cut to `width` columns, and padded to exactly `width` unless it is the last of its line: padEnd(truncate()). */
export function fit(c: Cell, width: number, pad = true): string {
  if (c.width > width) return pad ? padEnd(truncate(c.text, width), width) : truncate(c.text, width);
  return pad ? c.text + spaces(width - c.width) : c.text;
}

const SPACES: string[] = [];

/** `n` spaces, each length made once: a table of 10,000 rows pads 40,000 cells. */
function spaces(n: number): string {
  if (n > 256) return ' '.repeat(n);
  return (SPACES[n] ??= ' '.repeat(n));
}
