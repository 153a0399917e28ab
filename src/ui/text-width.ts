import stringWidth from 'fast-string-width';

const segmenter = new Intl.Segmenter();

/**
 * Columns a line takes in a terminal: East Asian wide characters and emoji take two, combining marks and zero-width
 * characters none.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The text on one line, cut to `width` columns with an ellipsis, never splitting a character or an emoji. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  if (width <= 1) return '…'.slice(0, width);
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(flat)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
