// Marks that take no column of their own: combining accents, zero-width spaces and joiners, variation selectors.
// eslint-disable-next-line no-misleading-character-class -- the class lists those marks on purpose
const COMBINING = /[\u0300-\u036f\u200b-\u200f\ufe0f]/g;

/** Display width of a line: code points, less combining marks. Good for the Latin text of idea registries. */
export function displayWidth(text: string): number {
  return [...text.replace(COMBINING, '')].length;
}

export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  if (width <= 1) return '…'.slice(0, width);
  return `${[...flat].slice(0, width - 1).join('').trimEnd()}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
