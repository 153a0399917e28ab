/**
 * Plain-text tables as a terminal shows them: each character takes 0 (combining marks), 1 or 2 (East Asian wide,
 * emoji) columns. Written here, apart from the product's own width function, so the tests are an independent check.
 */

// eslint-disable-next-line no-misleading-character-class -- a list of marks that take no column, on purpose
const ZERO_WIDTH = /^[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f]$/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** The line as terminal cells: a wide character fills its cell and leaves the next one empty (''). */
export function toCells(line: string): string[] {
  const cells: string[] = [];
  for (const ch of line) {
    if (ZERO_WIDTH.test(ch)) {
      if (cells.length > 0) cells[cells.length - 1] += ch;
      continue;
    }
    cells.push(ch);
    if (isWide(ch.codePointAt(0) ?? 0)) cells.push('');
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
