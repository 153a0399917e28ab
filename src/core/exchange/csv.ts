/**
 * CSV as spreadsheets write and read it (RFC 4180): a cell with the separator, a quote or a line break is quoted,
 * quotes doubled; records end with CRLF. Swedish Excel reads a file as UTF-8 only with a byte order mark, and splits
 * on `;` (the comma is the decimal sign in Swedish), so the writer leaves both choices to the caller.
 *
 * Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet runs a cell that starts
 * with = + - @, a tab or a carriage return as a formula. Idea files are untrusted input, so such a text cell gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate, and is quoted, as OWASP advises. Numbers
 * the program writes itself (amounts, counts, -3) are not text and are written as they are. The reader removes that
 * one apostrophe again, so an export can be imported unchanged.
 */

export const BOM = '\uFEFF';

/** A text that a spreadsheet would take for a formula, also behind apostrophes that a guard added before. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell to write: text (guarded against formulas), or a literal the program made itself, such as a number. */
export type CsvCell = string | { literal: string };

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function formatCell(cell: CsvCell, delimiter: string): string {
  if (typeof cell !== 'string') return cell.literal.includes(delimiter) ? quote(cell.literal) : cell.literal;
  const guarded = guardFormula(cell);
  const needsQuotes = guarded !== cell || guarded.includes(delimiter) || /["\r\n]/.test(guarded);
  return needsQuotes ? quote(guarded) : guarded;
}

/** The whole file: an optional byte order mark, then one CRLF-terminated record per row. */
export function formatCsv(rows: readonly (readonly CsvCell[])[], delimiter: string, opts: { bom: boolean }): string {
  return [...formatCsvParts(rows, delimiter, opts)].join('');
}

/** formatCsv in pieces, a record each, made as they are asked for: an export of 10,000 ideas is never one string. */
export function* formatCsvParts(
  rows: Iterable<readonly CsvCell[]>,
  delimiter: string,
  opts: { bom: boolean },
): Generator<string> {
  if (opts.bom) yield BOM;
  for (const r of rows) yield `${r.map((c) => formatCell(c, delimiter)).join(delimiter)}\r\n`;
}

export interface CsvRecord {
  cells: string[];
  /** 1-based line of the file on which the record starts. */
  line: number;
}

export interface CsvTable {
  delimiter: string;
  records: CsvRecord[];
}

/** Text that cannot be read as CSV: a quoted cell that never ends. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted cell starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/** More records than the caller said it would read (`maxRecords`): the reading stops there. */
export class CsvTooManyRecords extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} records`);
    this.name = 'CsvTooManyRecords';
  }
}

const CANDIDATES = [';', ',', '\t'] as const;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** How many records the separator is judged on: enough to see that rows agree with the header, cheap on any file. */
const SAMPLE_RECORDS = 50;

/**
 * The separator, decided from what the reader itself makes of the file's first records with each candidate (`;`,
 * `,`, a tab): among those whose rows have as many cells as the header, the one under which no quoted cell has text
 * after its closing quote (which a writer never makes, and a wrong separator does), then the one that splits the
 * header into the most cells, wins; `;` wins a tie, and `,` is the choice when none splits the header. Judged by the
 * reader, not by counting characters, so a stray quote in a header (`Skärm 5"`) is text here as it is to the reader,
 * and cannot make the rest of the file look quoted.
 */
export function detectDelimiter(text: string): string {
  let best = { d: ',', score: [0, 0, -Infinity, 0] as number[] };
  /** The first candidate under which a quoted cell never ends, but the lines, split as they stand, all agree. */
  let unclosed: string | undefined;
  for (const d of CANDIDATES) {
    let records: CsvRecord[];
    const seen = { strays: 0 };
    try {
      records = readRecords(text, d, 1, SAMPLE_RECORDS, false, seen);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      if (unclosed === undefined && linesAgree(text, d)) unclosed = d;
      continue;
    }
    const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
    const width = rows[0]?.cells.length ?? 0;
    if (width < 2) continue;
    const agreeing = rows.slice(1).filter((r) => r.cells.length === width).length;
    const score = [agreeing === rows.length - 1 ? 1 : 0, agreeing, -seen.strays, width];
    const better = score.findIndex((x, k) => x !== best.score[k]);
    if (better !== -1 && (score[better] as number) > (best.score[better] as number)) best = { d, score };
  }
  // A quote opened at a cell's start and never closed (`Titel;Enhet;"Kommentar a, b`) reads with no separator
  // whose rows agree with the header: the one whose lines agree, so that the reading says where the quote opens,
  // rather than a separator that names the whole header as one column.
  return best.score[0] !== 1 && unclosed !== undefined ? unclosed : best.d;
}

/**
 * Whether the first lines that hold text, split at `d` as they stand (quotes not read), have as many cells each, two
 * or more.
 */
function linesAgree(text: string, d: string): boolean {
  const lines = text
    .split(/\r\n|\n|\r/, SAMPLE_RECORDS + 1)
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_RECORDS);
  const width = lines[0]?.split(d).length ?? 0;
  return width >= 2 && lines.length >= 2 && lines.every((line) => line.split(d).length === width);
}

/**
 * Reads CSV leniently, as spreadsheets do: a byte order mark and Excel's `sep=;` first line are accepted, line ends
 * may be CRLF, LF or CR, and a stray quote inside an unquoted cell is kept as text. Only a quoted cell that never
 * ends is an error. The separator is detected unless given. With `maxRecords`, a text of more records (blank ones
 * too) throws CsvTooManyRecords as soon as one more is read, so that memory stays bounded.
 */
export function parseCsv(input: string, delimiter?: string, maxRecords = Infinity): CsvTable {
  let text = input.startsWith(BOM) ? input.slice(1) : input;
  let line = 1;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep && !delimiter) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    line = 2;
  }
  const d = delimiter ?? detectDelimiter(text);
  return { delimiter: d, records: readRecords(text, d, line, maxRecords, true) };
}

/** The records of a text with a known separator; beyond `maxRecords`, an error (`overflow`) or the end of reading. */
function readRecords(
  text: string,
  d: string,
  firstLine: number,
  maxRecords: number,
  overflow: boolean,
  seen?: { strays: number },
): CsvRecord[] {
  let line = firstLine;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let start = line;
  let i = 0;
  const n = text.length;
  let full = false;
  const endRecord = () => {
    cells.push(cell);
    if (records.length >= maxRecords) {
      if (overflow) throw new CsvTooManyRecords(maxRecords);
      full = true;
      return;
    }
    records.push({ cells, line: start });
    cells = [];
    cell = '';
  };
  while (i < n && !full) {
    const ch = text[i] as string;
    if (ch === '"' && cell === '') {
      // A quoted cell: runs to the next quote that is not doubled.
      const opened = line;
      i++;
      // Runs of text between quotes are cut out whole: adding a character at a time made a 6 MB cell take seconds,
      // nearly all of it collecting garbage.
      let run = i;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(opened);
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          cell += text.slice(run, i);
          if (text.charCodeAt(i + 1) === QUOTE) {
            cell += '"';
            i += 2;
            run = i;
            continue;
          }
          i++;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      // Text after the closing quote, before the separator, is kept (as spreadsheets do).
      const after = i;
      while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') i++;
      if (i > after && seen) seen.strays++;
      cell += text.slice(after, i);
      continue;
    }
    if (ch === d) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
      continue;
    }
    // An unquoted cell (a stray quote in it is text): up to the next separator or line end, in one cut.
    const from = i;
    while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') i++;
    cell += text.slice(from, i);
  }
  if (!full && (cell !== '' || cells.length > 0)) endRecord();
  return records;
}

/**
 * A number for a spreadsheet, without thousands separators: with a decimal comma in a `;`-separated file, as the
 * locales that split on `;` (Swedish among them) read decimals with a comma.
 */
export function formatNumberCsv(n: number, decimalComma: boolean): string {
  const text = String(n);
  return decimalComma ? text.replace('.', ',') : text;
}
