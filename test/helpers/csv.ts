/**
 * CSV as the tests read it, by csv-parse, a maintained library apart from the product, strictly (RFC 4180): records
 * end with CRLF or LF, a quoted cell may hold the separator, doubled quotes and line breaks; a quote anywhere else is
 * an error here, where the product's own reader is lenient.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';

export interface ReadCsv {
  bom: boolean;
  rows: string[][];
}

/** The rows of a CSV, and whether it starts with a byte order mark (kept apart, so that a test can require it). */
export function readCsv(text: string, delimiter: string): ReadCsv {
  const bom = text.charCodeAt(0) === 0xfeff;
  const rows = parseCsvSync(bom ? text.slice(1) : text, {
    delimiter,
    relax_quotes: false,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  return { bom, rows };
}

/** The rows as objects keyed by the header. */
export function csvObjects(read: ReadCsv): Record<string, string>[] {
  const [header, ...rows] = read.rows;
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The same, with the byte order mark taken by csv-parse and every row as long as the header. */
export function parseCsvWithLibrary(text: string, delimiter: string): string[][] {
  return parseCsvSync(text, { bom: true, delimiter, relax_quotes: false, relax_column_count: false }) as string[][];
}

/** Rows of a CSV as objects keyed by the columns' keys, given in the header's order (the export's JSON has them). */
export function rowsByKey(rows: readonly string[][], keys: readonly string[]): Record<string, string>[] {
  const [header, ...data] = rows;
  if (header && header.length !== keys.length) throw new Error(`${header.length} headers for ${keys.length} keys`);
  return data.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}
