/**
 * A small, strict CSV reader for tests, written apart from the product's own so that an export is checked by an
 * independent reading (RFC 4180): records end with CRLF (or LF), a quoted cell may hold the separator, doubled
 * quotes and line breaks; anything else a quote does is an error here, where the product is lenient.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';

export interface ReadCsv {
  bom: boolean;
  rows: string[][];
}

export function readCsv(text: string, delimiter: string): ReadCsv {
  const bom = text.charCodeAt(0) === 0xfeff;
  const s = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error(`unterminated quote at ${i}`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += s[i++];
      }
      if (i < s.length && s[i] !== delimiter && s[i] !== '\r' && s[i] !== '\n')
        throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < s.length && s[i] !== delimiter && s[i] !== '\r' && s[i] !== '\n') {
        if (s[i] === '"') throw new Error(`a quote inside an unquoted cell at ${i}`);
        cell += s[i++];
      }
    }
    row.push(cell);
    if (s[i] === delimiter) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (s[i] === '\r' && s[i + 1] === '\n') i += 2;
    else if (s[i] === '\n') i++;
    if (i >= s.length) break;
  }
  return { bom, rows };
}

/** The rows as objects keyed by the header. */
export function csvObjects(read: ReadCsv): Record<string, string>[] {
  const [header, ...rows] = read.rows;
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * The same file read by csv-parse, a maintained library apart from both the product and the reader above, as
 * strictly as RFC 4180 asks: a byte order mark, the separator, quotes only around whole cells.
 */
export function parseCsvWithLibrary(text: string, delimiter: string): string[][] {
  return parseCsvSync(text, { bom: true, delimiter, relax_quotes: false, relax_column_count: false }) as string[][];
}

/** Rows of a CSV as objects keyed by the columns' keys, given in the header's order (the export's JSON has them). */
export function rowsByKey(rows: readonly string[][], keys: readonly string[]): Record<string, string>[] {
  const [header, ...data] = rows;
  if (header && header.length !== keys.length) throw new Error(`${header.length} headers for ${keys.length} keys`);
  return data.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}
