import { formatCsvParts, type CsvCell } from '../core/exchange/csv.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import type { IdeaTable, RowValue } from '../core/exchange/idea-row.js';
import { formatNumberCsv } from './render-report.js';
import type { RegistryConfig } from '../core/sluice/config.js';

function isPlain(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * One cell of an exported idea: yes and no in the registry's language (which `ideas import` reads back), numbers
 * with a decimal comma in a `;`-separated file, a list of plain values joined with ", ", and a list of records as
 * JSON text. Text is guarded against formulas by the CSV writer.
 */
export function exportCell(value: RowValue, lang: Lang, decimalComma: boolean): CsvCell {
  if (value === null) return '';
  if (typeof value === 'boolean') return { literal: t(lang, value ? 'yes' : 'no') };
  if (typeof value === 'number') return { literal: formatNumberCsv(value, decimalComma) };
  if (typeof value === 'string') return value;
  if (value.every(isPlain))
    return value.map((v) => (typeof v === 'boolean' ? t(lang, v ? 'yes' : 'no') : String(v ?? ''))).join(', ');
  return JSON.stringify(value);
}

/**
 * A row's value as people read it: the stage and the challenge by their labels (which `ideas import` reads back, as
 * it reads their keys); the JSON export keeps the keys, for programs.
 */
function labelled(column: string, value: RowValue, config: RegistryConfig, lang: Lang): RowValue {
  if (typeof value !== 'string') return value;
  if (column === 'stage') return config.stages.find((s) => s.key === value)?.label[lang] ?? value;
  if (column === 'challenge') return config.challenges.find((c) => c.id === value)?.label[lang] ?? value;
  return value;
}

/**
 * The export as a CSV file for spreadsheets: UTF-8 with a byte order mark, a header (the columns' labels in the
 * registry's language, or their keys), CRLF lines. In pieces, a row each, made as they are written.
 */
export function renderIdeaTableCsv(
  table: IdeaTable,
  config: RegistryConfig,
  delimiter: string,
  header: readonly string[] = table.columns,
): Iterable<string> {
  const lang = config.language;
  const decimalComma = delimiter === ';';
  function* rows(): Generator<CsvCell[]> {
    yield [...header];
    for (const r of table.rows)
      yield table.columns.map((c, i) => exportCell(labelled(c, r[i] ?? null, config, lang), lang, decimalComma));
  }
  return formatCsvParts(rows(), delimiter, { bom: true });
}
