/**
 * Plain-text tables as a terminal shows them: each character (grapheme) takes 0, 1 or 2 columns, as string-width
 * (a maintained library, apart from the product's own width function) says, so the tests are an independent check.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The line as terminal cells: a wide character fills its cell and leaves the next one empty (''). */
export function toCells(line: string): string[] {
  const cells: string[] = [];
  for (const { segment } of graphemes.segment(line)) {
    const width = stringWidth(segment);
    if (width === 0) {
      if (cells.length > 0) cells[cells.length - 1] += segment;
      continue;
    }
    cells.push(segment);
    for (let i = 1; i < width; i++) cells.push('');
  }
  return cells;
}

export function terminalWidth(line: string): number {
  return toCells(line).length;
}

/** Where each column of a header line starts: at 0, and after every run of two or more spaces. */
export function columnStarts(header: string): number[] {
  const cells = toCells(header);
  const starts = [0];
  for (let i = 2; i < cells.length; i++) {
    if (cells[i] !== ' ' && cells[i - 1] === ' ' && cells[i - 2] === ' ') starts.push(i);
  }
  return starts;
}

/**
 * The rows whose cells do not start where the header's columns start: each column must be preceded by a space and
 * begin with a non-space, unless the row ends before it (an empty last cell).
 */
export function misalignedRows(lines: string[]): string[] {
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  const starts = columnStarts(header);
  return rows.filter((row) => {
    const cells = toCells(row);
    return starts.some(
      (s) => s > 0 && cells.length > s && (cells[s - 1] !== ' ' || cells[s] === ' ' || cells[s] === ''),
    );
  });
}
