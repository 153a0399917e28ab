/**
 * Importing a spreadsheet again, without duplicates. A coordinator keeps the sluice's ideas in a spreadsheet for a
 * while, and imports it each week: a row an earlier import made an idea of updates that idea, and only the rows
 * that are new become new ideas.
 *
 * - A row with an `id` cell that names an idea of the registry updates that idea (an export's rows have one).
 * - Else the row is found by its key: every import writes, in the new idea's `imported` history entry, the source
 *   (`fil.csv, rad 3`) and a key, a hash of the file's name and the row's title (with which occurrence of that
 *   title in the file it is). The same row of the same file, sorted elsewhere or with other cells edited, has the
 *   same key.
 * - A row whose title was edited has a new key: it is found by its place instead (the same file and row number as
 *   the idea's last import), provided no row of the file has that idea's key any more.
 *
 * An update is the least change: only the fields the file has a column for, and of those only the ones whose value
 * differs, are set (an empty cell clears a field that has a value). The idea gets a history entry naming the file.
 * A row that changes nothing leaves its idea as it is, byte for byte. An update obeys the rules `ideas edit` does
 * (sluice/idea-edit.ts): a row that would change a field the tool keeps (`created`, `basedOn`, …) is refused, and a
 * change of the carrier, the coach, an amount or a decision gets its `assigned` entry, old and new value, after the
 * `imported` one.
 */
import { createHash } from 'node:crypto';
import { canonical } from '../history/canonical.js';
import type { Idea } from '../sluice/idea.js';
import { isRecord, nullProtoDeep } from '../safe-object.js';
import type { CellSet, RowCells } from './import-rows.js';
import { LANGS } from '../i18n/i18n.js';
import { cellText, type RowValue } from './idea-row.js';

/** The title as a row key sees it: case, spacing and Unicode form do not make another row. */
export function normalTitle(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The key of a row without an id: the file's name, the row's title and which occurrence of that title in the file
 * it is (so two rows of one title are two ideas). 16 hex digits of SHA-256: a collision is not a practical concern
 * among one registry's imports, and the key stays short in the history.
 */
export function rowKey(file: string, title: string, occurrence: number): string {
  return createHash('sha256')
    .update(`${file}\0${normalTitle(title)}\0${occurrence}`)
    .digest('hex')
    .slice(0, 16);
}

interface ImportMark {
  key: string | null;
  source: string | null;
}

/** The idea's last `imported` history entry: its key and source, as an earlier import wrote them. */
export function lastImport(idea: Pick<Idea, 'data'>): ImportMark | null {
  const history = Array.isArray(idea.data.history) ? (idea.data.history as unknown[]) : [];
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (!isRecord(e) || e.action !== 'imported') continue;
    return {
      key: typeof e.key === 'string' ? e.key : null,
      source: typeof e.source === 'string' ? e.source : null,
    };
  }
  return null;
}

/** The ideas by the key of their last import; a key two ideas claim (a copied file) names a list of both. */
/**
 * The ideas by their id, whatever its case (as `ideas show` finds them): more than one where files carry the same id
 * (a copy, validate's id/duplicate), which names no one idea.
 */
export function ideasById<T extends Pick<Idea, 'id'>>(ideas: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const idea of ideas) {
    const id = idea.id?.toLowerCase();
    if (id) out.set(id, [...(out.get(id) ?? []), idea]);
  }
  return out;
}

export function ideasByKey<T extends Pick<Idea, 'data'>>(ideas: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const idea of ideas) {
    const key = lastImport(idea)?.key;
    if (key) out.set(key, [...(out.get(key) ?? []), idea]);
  }
  return out;
}

/** An empty cell leaves a field alone when the field has nothing an export would show either. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

function valueAt(data: Record<string, unknown>, field: string, path: readonly string[]): unknown {
  let v: unknown = Object.hasOwn(data, field) ? data[field] : undefined;
  for (const p of path) v = isRecord(v) && Object.hasOwn(v, p) ? v[p] : undefined;
  return v;
}

/** What an update changes: the top-level fields to set (undefined: remove), and the new text, if any. */
export interface IdeaEdit {
  fields: Map<string, unknown>;
  /** For each field set, the first cell that changes it: to name the column where a change is refused. */
  cells: Map<string, ChangedCell>;
  body: string | null;
}

/** A cell that changes its field: its column, what it says (undefined: empty), and what the idea has there. */
export interface ChangedCell {
  column: string;
  value: unknown;
  now: unknown;
}

/**
 * Whether a cell, as written (CellSet.cell), is what `ideas export` writes for the value `now`: in either language's
 * yes and no, with either decimal sign, a list joined with ", ", records as JSON, a text as it is. Such a cell read
 * back from an export is no change, whatever reading it would make of it (a list is not split at a comma inside an
 * item, a text keeps its spaces and its last line break, "0" stays text), and no entry is written.
 */
function exportsAs(now: unknown, cell: string): boolean {
  const exportable = (v: unknown) => v === null || ['number', 'boolean', 'string'].includes(typeof v);
  if (!exportable(now) && !(Array.isArray(now) && now.length > 0)) return false;
  // A spreadsheet may write a cell's line breaks as CRLF; a value read from YAML has none.
  const cr = cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell;
  if (typeof now === 'string') return now === cr;
  return LANGS.some((lang) => [false, true].some((comma) => cellText(now as RowValue, lang, comma) === cr));
}

/** Whether a cell that could not be typed is the export's own writing of the idea's value there (unchangedIf). */
export function keepsValue(idea: Pick<Idea, 'data'>, at: Pick<CellSet, 'field' | 'path' | 'cell'>): boolean {
  return exportsAs(valueAt(idea.data, at.field, at.path), at.cell);
}

/**
 * The least change that makes an idea say what its row says: the fields whose columns differ (a nested column
 * changes its top-level field as a whole, every other part kept), and the text when a body column differs.
 */
export function planEdit(
  idea: Pick<Idea, 'data' | 'body'>,
  cells: Pick<RowCells, 'sets' | 'body' | 'created'> & Partial<Pick<RowCells, 'createdColumn'>>,
): IdeaEdit {
  const fields = new Map<string, unknown>();
  const changed = new Map<string, ChangedCell>();
  const next = (field: string): unknown =>
    fields.has(field) ? fields.get(field) : nullProtoDeep(structuredClone(idea.data[field] ?? undefined));
  const apply = (s: Pick<CellSet, 'column' | 'field' | 'path' | 'value'> & { cell?: string }) => {
    const now = valueAt(idea.data, s.field, s.path);
    if (s.cell !== undefined && exportsAs(now, s.cell)) return;
    if (s.value === undefined ? isBlank(now) : canonical(s.value) === canonical(now)) return;
    if (!changed.has(s.field)) changed.set(s.field, { column: s.column, value: s.value, now });
    if (s.path.length === 0) {
      fields.set(s.field, s.value);
      return;
    }
    let top = next(s.field);
    if (!isRecord(top)) top = Object.create(null) as Record<string, unknown>;
    let node = top as Record<string, unknown>;
    for (const p of s.path.slice(0, -1)) {
      if (!isRecord(node[p])) node[p] = Object.create(null) as Record<string, unknown>;
      node = node[p] as Record<string, unknown>;
    }
    const last = s.path[s.path.length - 1] as string;
    if (s.value === undefined) delete node[last];
    else node[last] = s.value;
    fields.set(s.field, top);
  };
  for (const s of cells.sets) apply(s);
  // An empty `created` cell on a row whose idea an import made, on the day it has as `created`: that import chose the
  // day (the row was added to the sheet without one), and the row says nothing against it when imported again.
  const history = idea.data.history;
  const start: unknown = Array.isArray(history) ? history[0] : undefined;
  const importChoseDay =
    cells.created === null &&
    isRecord(start) &&
    start.action === 'imported' &&
    start.date !== undefined &&
    start.date === idea.data.created;
  if (cells.created !== undefined && !importChoseDay)
    apply({ column: cells.createdColumn ?? 'created', field: 'created', path: [], value: cells.created ?? undefined });
  // An idea may not lose what identifies it: a cleared title is a problem the schema names, not a removal that would
  // go unnoticed, so it is kept as the cell says and the check of the written file refuses it. A changed or cleared
  // `created` is planned as the cell says too, and refused by the rule every edit obeys (sluice/idea-edit.ts).
  const body =
    cells.body !== undefined && cells.body.replace(/\r\n?/g, '\n').trim() !== idea.body.replace(/\r\n?/g, '\n').trim()
      ? cells.body
      : null;
  return { fields, cells: changed, body };
}

export function isNoChange(edit: IdeaEdit): boolean {
  return edit.fields.size === 0 && edit.body === null;
}
