/**
 * An idea as one row of a table, for `ideas export` (and the site): its public fields flattened, its history
 * summarised. The columns, in order:
 *
 * - `id`, `title`, `stage` (the key), `created`;
 * - every other field: the base schema's first, then each stage's criteria in stage order, then any others the
 *   files have, in the order met. A nested object becomes dotted columns (`team.women`); a list of plain values
 *   stays a list (joined with ", " in CSV); a list of records stays as it is (JSON text in CSV);
 * - `entered.<stage>` for each stage: the first day the idea came into it, from its history. The history itself
 *   is left out: its entries name people (`by`) and its notes are free text;
 * - `granted`: the sum of the amounts granted in its history;
 * - `body`: the idea's Markdown text.
 *
 * Only what the schemas classify public is in it unless the output is internal (see personal-data.ts): the leading
 * columns, the field columns and the history's summary all come from the idea's public copy.
 */
import type { RegistryConfig } from '../sluice/config.js';
import { grantedAmount, type Idea } from '../sluice/idea.js';
import { publicData, type Disclosure, type FieldClasses } from '../criteria/personal-data.js';
import { staysOf, type Stay } from '../history/stays.js';
import { isRecord, nullObjectFrom } from '../safe-object.js';
import { scalarText } from '../field-text.js';
import { t, type Lang } from '../i18n/i18n.js';
import { formatNumberCsv } from './csv.js';

export type RowValue = string | number | boolean | null | readonly unknown[];

function isPlain(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The text of one cell of an exported idea: yes and no in the registry's language (which `ideas import` reads back),
 * numbers with a decimal comma in a `;`-separated file, a list of plain values joined with ", ", and a list of
 * records as JSON text. What `ideas export` writes (ui/render-export.ts), and what a re-import compares a cell with.
 */
export function cellText(value: RowValue, lang: Lang, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (typeof value === 'number') return formatNumberCsv(value, decimalComma);
  if (typeof value === 'string') return value;
  if (value.every(isPlain))
    return value.map((v) => (typeof v === 'boolean' ? t(lang, v ? 'yes' : 'no') : String(v ?? ''))).join(', ');
  return JSON.stringify(value);
}
/** A row as one object keyed by its columns (without a prototype): what the JSON export writes for each idea. */
export type IdeaRow = Record<string, RowValue>;

export interface IdeaTable {
  columns: string[];
  /**
   * Each idea's values in the order of `columns`. Lists, not objects keyed by column: an object keyed by the files'
   * own field names has no prototype, which V8 keeps as a hash table, three times the memory (18 MB of rows at
   * 10,000 ideas, against 6 MB as lists).
   */
  rows: RowValue[][];
}

/** A row as an object keyed by the table's columns, without a prototype (a column `__proto__` is a column). */
export function rowObject(columns: readonly string[], row: readonly RowValue[]): IdeaRow {
  return nullObjectFrom<RowValue>(columns.map((c, i) => [c, row[i] ?? null]));
}

const LEADING = ['id', 'title', 'stage', 'created'];
/** Kept out of the field columns: the leading ones, and the history, which is summarised. */
const NOT_FIELDS = new Set([...LEADING, 'history']);

function flatten(value: unknown, prefix: string, into: Map<string, RowValue>): void {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, into);
    return;
  }
  if (value === undefined) return;
  into.set(
    prefix,
    value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      Array.isArray(value)
      ? (value as RowValue)
      : String(value),
  );
}

/** `fieldOrder`: the field names of the base schema and the criteria, in the order columns should follow. */
export function ideaTable(
  ideas: readonly Idea[],
  config: RegistryConfig,
  classes: FieldClasses,
  disclosure: Disclosure,
  fieldOrder: readonly string[],
): IdeaTable {
  // Each idea's public copy and cells are made twice, once to find the columns and once for its row, rather than
  // held for every idea between the two: at 10,000 ideas those copies outlive the young generation and fill the old
  // one with 30 MB of garbage before it is collected (`ideas export` peaked at 133 MB).
  const cellsOf = (idea: Idea) => {
    const data = publicData(idea.data, classes, disclosure);
    const cells = new Map<string, RowValue>();
    for (const [key, value] of Object.entries(data)) if (!NOT_FIELDS.has(key)) flatten(value, key, cells);
    return { idea: { ...idea, data }, cells };
  };
  const rank = new Map(fieldOrder.map((f, i) => [f, i]));
  const seen: string[] = [];
  const met = new Set<string>();
  for (const idea of ideas)
    for (const key of cellsOf(idea).cells.keys())
      if (!met.has(key)) {
        met.add(key);
        seen.push(key);
      }
  const top = (key: string) => key.split('.')[0] as string;
  const fieldColumns = seen
    .map((key, i) => ({ key, i }))
    .sort(
      (a, b) => (rank.get(top(a.key)) ?? fieldOrder.length) - (rank.get(top(b.key)) ?? fieldOrder.length) || a.i - b.i,
    )
    .map((x) => x.key);
  const entered = config.stages.map((s) => `entered.${s.key}`);
  const columns = [...LEADING, ...fieldColumns, ...entered, 'granted', 'body'];
  const rows = ideas.map((original): RowValue[] => {
    const { idea, cells } = cellsOf(original);
    // Keyed by the files' own field names: no prototype, so a column `__proto__` is a column like any other.
    const row: IdeaRow = nullObjectFrom<RowValue>([
      ['id', scalarText(idea.data.id)],
      ['title', scalarText(idea.data.title)],
      ['stage', idea.stage.key],
      ['created', scalarText(idea.data.created)],
    ]);
    for (const key of fieldColumns) row[key] = cells.get(key) ?? null;
    const stays = staysOf(idea);
    for (const s of config.stages) row[`entered.${s.key}`] = enteredOn(stays, s.key);
    row.granted = grantedAmount(idea);
    // Without the blank lines around it, but with the first line's indentation: a text that starts with an indented
    // code block (or a tab) is that text, and comes back as it is.
    row.body = idea.body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
    // A column named twice (a field `granted`) shows the value set last, under both names, as the object did.
    return columns.map((c) => row[c] ?? null);
  });
  return { columns, rows };
}

/** The day an idea first entered `stage`, as an export's `entered.<stage>` column says it, or null. */
function enteredOn(stays: readonly Stay[], stage: string): string | null {
  return stays.find((x) => x.stage === stage && x.entered !== null)?.entered ?? null;
}

/**
 * What an export writes in the columns it makes from `idea`'s history (`granted`, `entered.<stage>`), by key, as
 * text: '' for an empty cell (no amount granted, a stage never entered), undefined for a key that is neither. The
 * idea's stays are worked out once, for all its `entered.` columns.
 */
export function derivedCells(idea: Idea): (key: string) => string | undefined {
  let stays: Stay[] | undefined;
  return (key) => {
    if (key === 'granted') {
      const granted = grantedAmount(idea);
      return granted === 0 ? '' : String(granted);
    }
    if (!key.startsWith('entered.')) return undefined;
    stays ??= staysOf(idea);
    return enteredOn(stays, key.slice('entered.'.length)) ?? '';
  };
}

/** The field names of the schemas, in order: the base schema's, then each criteria schema's. */
export function fieldOrderOf(schemas: readonly Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const s of schemas) {
    const props = isRecord(s.properties) ? Object.keys(s.properties) : [];
    for (const p of props) if (!out.includes(p)) out.push(p);
  }
  return out;
}
