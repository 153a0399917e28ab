import { formatCsvParts, type CsvCell } from '../core/exchange/csv.js';
import type { Lang } from '../core/i18n/i18n.js';
import { cellText, type IdeaTable, type RowValue } from '../core/exchange/idea-row.js';
import type { Challenge, RegistryConfig } from '../core/sluice/config.js';
import { challengeName } from '../core/sluice/challenge.js';

/**
 * One cell of an exported idea, as cellText writes it; yes, no and numbers as literals, which the CSV writer never
 * takes for a formula to guard. Text is guarded against formulas by the CSV writer.
 */
export function exportCell(value: RowValue, lang: Lang, decimalComma: boolean): CsvCell {
  const text = cellText(value, lang, decimalComma);
  // A number YAML allows and no spreadsheet reads as one (.inf, -.inf, .nan) is text, guarded as text is: `-Infinity`
  // written as a literal starts like a formula.
  const literal = typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  return literal ? { literal: text } : text;
}

/**
 * A row's value as people read it: the stage and the challenge by their labels (which `ideas import` reads back, as
 * it reads their keys); the JSON export keeps the keys, for programs.
 */
function labelled(
  column: string,
  value: RowValue,
  config: RegistryConfig,
  lang: Lang,
  challenges: readonly Pick<Challenge, 'id' | 'label'>[],
): RowValue {
  if (typeof value !== 'string') return value;
  if (column === 'stage') return config.stages.find((s) => s.key === value)?.label[lang] ?? value;
  if (column === 'challenge') return challengeName(challenges, value, lang);
  return value;
}

/**
 * The export as a CSV file for spreadsheets: UTF-8 with a byte order mark, a header (the columns' labels in the
 * registry's language, or their keys), CRLF lines. In pieces, a row each, made as they are written. `challengesOf`
 * says whose challenges a row's id is one of (a region's rows are its members' ideas, each with its own).
 */
export function renderIdeaTableCsv(
  table: IdeaTable,
  config: RegistryConfig,
  delimiter: string,
  header: readonly string[] = table.columns,
  challengesOf: (row: number) => readonly Pick<Challenge, 'id' | 'label'>[] = () => config.challenges,
): Iterable<string> {
  const lang = config.language;
  const decimalComma = delimiter === ';';
  function* rows(): Generator<CsvCell[]> {
    yield [...header];
    for (const [n, r] of table.rows.entries()) {
      const challenges = challengesOf(n);
      yield table.columns.map((c, i) =>
        exportCell(labelled(c, r[i] ?? null, config, lang, challenges), lang, decimalComma),
      );
    }
  }
  return formatCsvParts(rows(), delimiter, { bom: true });
}
