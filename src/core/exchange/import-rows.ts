/**
 * `ideas import`: from a spreadsheet's rows to ideas. Which column gives which field (by its name, its label, or
 * `--map`), each cell typed by the field's schema as `ideas new --set` types a flag, and each row checked against
 * its stage's criteria before anything is written.
 */
import type { RegistryConfig, Stage } from '../sluice/config.js';
import type { CsvRecord } from './csv.js';
import { derivedCells } from './idea-row.js';
import { createdAfter, historyOf, isStartAction, type Idea } from '../sluice/idea.js';
import { unguardFormula } from './csv.js';
import { IdeasError, isIdeasError } from '../errors.js';
import { nearMiss } from '../near-miss.js';
import { namesLabel } from '../criteria/field-titles.js';
import { fieldSpec, settableFields, typeFlagValue } from '../criteria/fields.js';
import { localize, t, type Lang, type Localized } from '../i18n/i18n.js';
import type { Validator } from '../criteria/schema-check.js';
import { planTransition, type HistoryRecord } from '../sluice/transition.js';

/** An idea an import made, updated or left as it was: its row, and where it is. */
export interface ImportedIdea {
  row: number;
  id: string;
  title: string;
  stage: Stage;
  /** Relative to the registry root, with forward slashes. */
  path: string;
  /**
   * An idea imported before that its row updates: what the row changes, each field by its label (`body` the text),
   * and whether the row empties it. Nothing an import changes goes unsaid.
   */
  changes?: { field: string; label: Localized; cleared: boolean }[];
}
import { resolveStage } from '../sluice/stage-lookup.js';
import { hintWord } from '../shell/quote.js';
import {
  forbiddenKeys,
  forbiddenSegment,
  isForbiddenKey,
  isRecord,
  nullObject,
  nullProtoDeep,
  ownValue,
} from '../safe-object.js';

type Schema = Record<string, unknown>;

export type ColumnRole =
  | { kind: 'field'; field: string; path: string[] }
  | { kind: 'body' }
  | { kind: 'stage' }
  | { kind: 'created' }
  | { kind: 'id' }
  /** A column an export makes from the history (`granted`, `entered.<stage>`), which no import writes. */
  | { kind: 'derived'; key: string }
  | { kind: 'ignore' };

export interface ColumnPlan {
  header: string;
  role: ColumnRole;
}

/** Columns that hold the idea's Markdown text. */
const BODY_COLUMNS = ['body', 'text', 'beskrivning'];
/** Other names of the title column: `title` itself, and the Swedish word a Swedish sheet uses. */
const TITLE_COLUMNS = ['titel'];
/** Never set from a spreadsheet: the program makes them. (An `id` column names the idea a row updates.) */
const SYSTEM = new Set(['id', 'history', 'related']);
const FIELD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

export interface KnownFields {
  /** Fields a column named the same maps to: the schemas' fields and those the registry's ideas already have. */
  names: ReadonlySet<string>;
  /** Labels (`x-title`, either language, lower case) of the schemas' fields. */
  labels: ReadonlyMap<string, string>;
  /** Other headers an export writes (see column-labels.ts), lower case, and the column each stands for. */
  aliases?: ReadonlyMap<string, string>;
}

/** The fields a column may name: the schemas' settable ones, the title, and any the registry's ideas already have. */
export function knownFieldNames(
  base: Schema,
  criteria: readonly Schema[],
  ideasData: readonly Record<string, unknown>[],
): Set<string> {
  const names = new Set([...settableFields(base, [...criteria]), 'title']);
  for (const data of ideasData)
    for (const key of Object.keys(data))
      if (!['id', 'created', 'history', 'related'].includes(key) && !isForbiddenKey(key)) names.add(key);
  return names;
}

/** The labels of the fields in the schemas; a label two fields share maps to neither. */
export function labelIndex(schemas: readonly Schema[]): Map<string, string> {
  const out = new Map<string, string>();
  const clash = new Set<string>();
  for (const s of schemas) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const [name, p] of Object.entries(props)) {
      const title = p['x-title'] as Partial<Localized> | undefined;
      for (const label of [title?.sv, title?.en, typeof p.title === 'string' ? p.title : undefined]) {
        if (typeof label !== 'string' || label.trim() === '') continue;
        const key = label.trim().toLowerCase();
        if (out.has(key) && out.get(key) !== name) clash.add(key);
        else out.set(key, name);
      }
    }
  }
  for (const key of clash) out.delete(key);
  return out;
}

function roleForTarget(target: string, known: KnownFields): ColumnRole {
  const t = target.trim();
  const lower = t.toLowerCase();
  if (t === '') return { kind: 'ignore' };
  if (forbiddenSegment(t) !== null) throw new IdeasError('USAGE', 'err.forbiddenField', { field: t });
  if (BODY_COLUMNS.includes(lower)) return { kind: 'body' };
  if (lower === 'stage') return { kind: 'stage' };
  if (lower === 'created') return { kind: 'created' };
  if (lower === 'id') return { kind: 'id' };
  // A field's label, as an export writes its header (and `report --by` takes it).
  const byLabel = known.labels.get(lower);
  if (byLabel !== undefined && !SYSTEM.has(byLabel.toLowerCase()) && forbiddenSegment(byLabel) === null)
    return { kind: 'field', field: byLabel, path: [] };
  const [top = '', ...path] = t.split('.');
  // A field the schemas or the registry's ideas have, as `--set` takes one: a name typed otherwise (`enhet`) would
  // write a key nothing reads, and the import would say it went well.
  const field =
    [...known.names].find((n) => n === top) ?? [...known.names].find((n) => n.toLowerCase() === top.toLowerCase());
  if (!FIELD_NAME.test(t) || SYSTEM.has(top.toLowerCase()) || field === undefined) {
    // Never the field refused itself (history, a field of the tool's own): a hint to write what was just refused.
    const importable = (n: string) => !SYSTEM.has(n.toLowerCase()) && n.toLowerCase() !== top.toLowerCase();
    const near = nearMiss(top, [
      ...[...known.names].filter(importable).map((n) => ({ text: n, value: n })),
      ...[...known.labels].filter(([, n]) => importable(n)).map(([label, n]) => ({ text: label, value: n })),
    ]);
    // Or the one field whose label the name is the first words of, as --set's "menade du" finds it.
    const byWords = new Set(
      [...known.labels].filter(([label, n]) => importable(n) && namesLabel(top, label)).map(([, n]) => n),
    );
    const meant = near?.value ?? (byWords.size === 1 ? [...byWords][0] : undefined);
    throw new IdeasError(
      'USAGE',
      'err.importMapTarget',
      { field: t, fields: [...known.names].sort().join(', ') },
      meant ? { hint: 'hint.importMapMeant', hintParams: { field: meant } } : {},
    );
  }
  return { kind: 'field', field, path };
}

/** What a column of this header gives when no --map says otherwise: null when nothing (it is ignored). */
export function columnRole(header: string, known: KnownFields): ColumnRole | null {
  const role = autoRole(header, known);
  if (role !== null) return role;
  const alias = known.aliases?.get(header.trim().toLowerCase());
  return alias !== undefined && alias.toLowerCase() !== header.trim().toLowerCase() ? autoRole(alias, known) : null;
}

function autoRole(header: string, known: KnownFields): ColumnRole | null {
  // A column that would name a way into a prototype, as a field, a part of one, or through a label: refused, not
  // ignored, so that the file is fixed (or the column left out with --map "column=") rather than half read.
  if (forbiddenSegment(header) !== null)
    throw new IdeasError(
      'USAGE',
      'err.importForbiddenColumn',
      { column: header },
      { hint: 'hint.importForbiddenColumn', hintParams: { skip: hintWord(`${header}=`) } },
    );
  const lower = header.toLowerCase();
  if (BODY_COLUMNS.includes(lower)) return { kind: 'body' };
  if (TITLE_COLUMNS.includes(lower)) return { kind: 'field', field: 'title', path: [] };
  if (lower === 'stage') return { kind: 'stage' };
  if (lower === 'created') return { kind: 'created' };
  if (lower === 'id') return { kind: 'id' };
  const exact = [...known.names].find((n) => n.toLowerCase() === lower);
  if (exact) return { kind: 'field', field: exact, path: [] };
  const [top, ...path] = header.split('.');
  const topField = [...known.names].find((n) => n.toLowerCase() === (top ?? '').toLowerCase());
  if (topField && path.length > 0 && FIELD_NAME.test(header)) return { kind: 'field', field: topField, path };
  const byLabel = known.labels.get(lower);
  if (byLabel !== undefined && forbiddenSegment(byLabel) !== null)
    throw new IdeasError(
      'USAGE',
      'err.importForbiddenColumn',
      { column: header },
      { hint: 'hint.importForbiddenColumn', hintParams: { skip: hintWord(`${header}=`) } },
    );
  if (byLabel === 'created') return { kind: 'created' };
  if (byLabel && !SYSTEM.has(byLabel)) return { kind: 'field', field: byLabel, path: [] };
  return null;
}

/**
 * A column an export makes from the history (`granted`, `entered.<stage>`), by its key; any other column no role
 * took is ignored. The first has no data of its own, so it is not listed among the columns not imported; a row that
 * updates an idea must agree with it.
 */
function derivedRole(header: string, known: KnownFields): ColumnRole {
  const key = (known.aliases?.get(header.toLowerCase()) ?? header).toLowerCase();
  return key === 'granted' || key.startsWith('entered.') ? { kind: 'derived', key } : { kind: 'ignore' };
}

/**
 * What each column gives. `--map column=field` first (an empty field ignores the column), then a column named as a
 * field or its label, `body`/`text`/`beskrivning` for the text, `stage` and `created`. Other columns are ignored
 * and listed. Two columns for one field, a `--map` of a column the file does not have, and no column for the
 * title are usage errors: nothing could be imported as asked.
 */
export function planColumns(
  header: readonly string[],
  explicit: ReadonlyMap<string, string>,
  known: KnownFields,
): { columns: ColumnPlan[]; ignored: string[]; suggested: SuggestedMap[] } {
  const headers = header.map((h) => h.trim());
  const lowered = headers.map((h) => h.toLowerCase());
  for (const column of explicit.keys()) {
    if (!lowered.includes(column.trim().toLowerCase()))
      throw new IdeasError('USAGE', 'err.importMapColumn', { column, columns: someOf(headers) });
  }
  const byLower = new Map([...explicit].map(([c, f]) => [c.trim().toLowerCase(), f]));
  const ignored: string[] = [];
  const columns = headers.map((h): ColumnPlan => {
    const mapped = byLower.get(h.toLowerCase());
    const role = mapped !== undefined ? roleForTarget(mapped, known) : (columnRole(h, known) ?? derivedRole(h, known));
    if (role.kind === 'ignore' && h !== '' && mapped === undefined) ignored.push(h);
    return { header: h, role };
  });
  const targets = new Map<string, string[]>();
  for (const c of columns) {
    if (c.role.kind === 'ignore' || c.role.kind === 'derived') continue;
    const target = c.role.kind === 'field' ? [c.role.field, ...c.role.path].join('.') : c.role.kind;
    // Each column added to its target's list, not a new list each time: a header of 50,000 cells that all name the
    // title took 26 s (found from outside).
    const cols = targets.get(target);
    if (cols) cols.push(c.header);
    else targets.set(target, [c.header]);
  }
  for (const [target, cols] of targets) {
    if (cols.length > 1)
      throw new IdeasError('USAGE', 'err.importDuplicateColumn', { columns: someOf(cols), field: target });
  }
  if (!targets.has('title')) {
    // The file's own first column that gives no field (else its first): what a name column is most often.
    const likely = ignored[0] ?? headers.find((h) => h !== '');
    throw new IdeasError(
      'USAGE',
      'err.importNoTitle',
      { columns: someOf(headers) },
      likely === undefined
        ? { hint: 'hint.importMap' }
        : { hint: 'hint.importMapColumn', hintParams: { map: hintWord(`${likely}=title`) } },
    );
  }
  return { columns, ignored, suggested: suggestMaps(ignored, known.labels, new Set(targets.keys())) };
}

/** Columns named in a message: the first twenty, and how many there are in all when there are more. */
function someOf(names: readonly string[]): string {
  const shown = names.slice(0, 20).join(', ');
  return names.length > 20 ? `${shown}, … (${names.length})` : shown;
}

/** A column not imported, and the one field it looks meant for: a `--map` to offer, never applied unasked. */
export interface SuggestedMap {
  column: string;
  field: string;
}

/**
 * For each column not imported, the field whose label begins with the column's header as whole words ("Enhet" for
 * "Enhet eller förvaltning"), when exactly one field's does and no column feeds that field already. A spreadsheet
 * made by hand shortens the labels an export writes; the import says which `--map` would take such a column, and
 * takes nothing on a guess.
 */
export function suggestMaps(
  ignored: readonly string[],
  labels: ReadonlyMap<string, string>,
  taken: ReadonlySet<string>,
): SuggestedMap[] {
  const out: SuggestedMap[] = [];
  const used = new Set(taken);
  for (const column of ignored) {
    const head = column.trim().toLowerCase();
    if (head === '') continue;
    const fields = new Set<string>();
    for (const [label, field] of labels)
      if (label.startsWith(head) && label.length > head.length && !/[\p{L}\p{N}]/u.test(label[head.length] as string))
        fields.add(field);
    const [field] = fields;
    if (fields.size !== 1 || field === undefined || used.has(field)) continue;
    used.add(field);
    out.push({ column, field });
  }
  return out;
}

export interface RowProblem {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  /** The file's line on which the row starts. */
  line: number;
  /** The column's header, or null when the problem is not one column's (a required field with no column). */
  column: string | null;
  field: string | null;
  message: Localized;
  /**
   * A field's cell that could not be typed, as written: no problem in a row of an idea whose value the export writes
   * as exactly this cell (a 12.5 in a field a later stage wants whole: the sheet did not change it).
   */
  unchangedIf?: Pick<CellSet, 'field' | 'path' | 'cell'>;
}

export interface RowIdea {
  row: number;
  line: number;
  stage: Stage;
  data: Record<string, unknown>;
  body: string;
  /** The idea's first history entry: imported into its stage, from this file's row. */
  entry: HistoryRecord;
}

export interface RowContext {
  config: RegistryConfig;
  lang: Lang;
  /** The stage every row goes to (`--stage`); otherwise a row's `stage` column, else the first stage. */
  stage: Stage | null;
  /** The base schema and every criteria schema, to type each cell by its field. */
  schemas: readonly Schema[];
  today: string;
  base: Validator;
  criteria: (stage: Stage) => Validator | undefined;
  /** The name of the file imported, for the entries' `source`. */
  source: string;
  /** Who imports (`--by`). */
  by?: string;
}

/** Where an imported idea came from, as its history entry says it: "ideer.csv, rad 4", in the registry's language. */
export function importSource(config: RegistryConfig, file: string, row: number): string {
  return `${file}, ${t(config.language, 'import.sourceRow', { row })}`;
}

/** A field's schema as every schema that names it describes it together, and the schema of a property inside it. */
export function schemaAt(field: string, path: readonly string[], schemas: readonly Schema[]): Schema {
  let s: Schema = {};
  for (const sc of schemas) {
    const own = ownValue(sc.properties, field) as Schema | undefined;
    if (own) s = { ...s, ...own };
  }
  for (const p of path) s = (ownValue(s.properties, p) as Schema | undefined) ?? {};
  return s;
}

/** Types one cell by its field's schema, as `--set` types a flag; a list of records or an object may be JSON. */
export function typeCell(
  field: string,
  path: readonly string[],
  raw: string,
  ctx: Pick<RowContext, 'config' | 'lang' | 'schemas'>,
): unknown {
  const schema = schemaAt(field, path, ctx.schemas);
  const items = isRecord(schema.items) ? schema.items : {};
  const structured =
    schema.type === 'object' || (schema.type === 'array' && (items.type === 'object' || isRecord(items.properties)));
  if (structured && /^[[{]/.test(raw)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw) as unknown;
    } catch {
      // not JSON: typed as text below, and the schema check says what is wrong
    }
    if (parsed !== undefined) {
      const forbidden = forbiddenKeys(parsed, 1)[0];
      if (forbidden) throw new IdeasError('USAGE', 'import.forbiddenKey', { key: forbidden.key });
      return nullProtoDeep(parsed);
    }
  }
  const name = path.length > 0 ? (path[path.length - 1] as string) : field;
  // fieldSpec reads the field from a schema's properties; a nested property is given as a schema of its own.
  const spec =
    path.length > 0
      ? fieldSpec(name, { properties: { [name]: schema } }, [], ctx.config, ctx.lang, false)
      : fieldSpec(field, { properties: { [field]: schema } }, [], ctx.config, ctx.lang, false);
  // A challenge by its label, a choice in any case, an amount as `45 000 kr`: read as `--set` reads them.
  return typeFlagValue(spec, [raw], 'table');
}

/**
 * Sets `field.path…` in `data`, making the objects on the way; every one of them has no prototype, and planColumns
 * has refused the names that lead into one, so a path can only ever reach the row's own data.
 */
function setPath(data: Record<string, unknown>, field: string, path: readonly string[], value: unknown): void {
  if (path.length === 0) {
    data[field] = value;
    return;
  }
  let node = (isRecord(data[field]) ? data[field] : (data[field] = nullObject())) as Record<string, unknown>;
  for (const p of path.slice(0, -1))
    node = (isRecord(node[p]) ? node[p] : (node[p] = nullObject())) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

/** A cell the row gives a field: its typed value, or undefined when the cell is empty (the field is cleared). */
export interface CellSet {
  column: string;
  field: string;
  path: string[];
  value: unknown;
  /**
   * The cell as written, but for the export's apostrophe: neither trimmed nor typed. A re-import compares it with
   * what the export writes for the idea's value (reimport.ts), so that a value the sheet did not change is no change
   * whatever trimming and typing would make of it (a leading tab, a text's last line break, a list item holding a
   * comma, "0" as text).
   */
  cell: string;
}

/** What a row's cells say, before any schema is asked: typed, but not yet checked as an idea. */
export interface RowCells {
  row: number;
  line: number;
  /** One per field column, an empty cell included (value undefined). */
  sets: CellSet[];
  /** The text, or undefined without a body column. */
  body: string | undefined;
  /** The stage a `stage` column names (null: none, or --stage decides). */
  stage: Stage | null;
  /** The `created` cell, or undefined without one (null: the cell is empty). */
  created: string | null | undefined;
  /** The header of the `created` column, when the file has one. */
  createdColumn?: string;
  /** The `id` cell, or null. */
  id: string | null;
  /** The cells of the columns an export makes from the history (see derivedRole), as written. */
  derived: DerivedCell[];
  problems: RowProblem[];
}

export interface DerivedCell {
  column: string;
  /** `granted` or `entered.<stage>`. */
  key: string;
  /** The cell as written, trimmed; '' when empty. */
  raw: string;
}

/** Types every cell of a row by its column; the problems are the cells that cannot be typed. */
export function readCells(
  record: CsvRecord,
  row: number,
  columns: readonly ColumnPlan[],
  ctx: Pick<RowContext, 'config' | 'lang' | 'schemas' | 'stage'>,
): RowCells {
  const problems: RowProblem[] = [];
  const problem = (column: string | null, field: string | null, message: Localized) =>
    problems.push({ row, line: record.line, column, field, message });
  const out: RowCells = {
    row,
    line: record.line,
    sets: [],
    body: undefined,
    stage: null,
    created: undefined,
    id: null,
    derived: [],
    problems,
  };
  const extra = record.cells.slice(columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0)
    problem(null, null, localize('import.extraCells', { count: record.cells.length, columns: columns.length }));
  columns.forEach((c, i) => {
    if (c.role.kind === 'ignore') return;
    // The export's apostrophe taken off before the cell is trimmed: it may stand before a tab or a CR (`'\t`), which
    // trimming first would remove and leave the apostrophe as the value.
    const raw = unguardFormula((record.cells[i] ?? '').replace(/^\s+/, '')).trim();
    const cell = unguardFormula(record.cells[i] ?? '');
    if (c.role.kind === 'derived') {
      out.derived.push({ column: c.header, key: c.role.key, raw });
      return;
    }
    if (c.role.kind === 'created') out.createdColumn = c.header;
    if (raw === '') {
      if (c.role.kind === 'field')
        out.sets.push({ column: c.header, field: c.role.field, path: c.role.path, value: undefined, cell });
      if (c.role.kind === 'body') out.body = '';
      if (c.role.kind === 'created') out.created = null;
      return;
    }
    // No idea file may hold a NUL (ideas validate takes such a file for binary), nor a field's value show one.
    if ((record.cells[i] ?? '').includes('\0')) {
      problem(c.header, c.role.kind === 'field' ? c.role.field : c.role.kind, localize('import.nulByte'));
      return;
    }
    try {
      switch (c.role.kind) {
        case 'body':
          // The text as written, but for the apostrophe an export puts before a text a spreadsheet would run.
          // Blank lines before it are no part of it; the first line's indentation is (an indented code block).
          out.body = unguardFormula((record.cells[i] ?? '').replace(/^(?:[ \t]*\r?\n)+/, '')).replace(/\r\n?/g, '\n');
          break;
        case 'stage':
          if (!ctx.stage) out.stage = resolveStage(ctx.config, raw);
          break;
        case 'created':
          out.created = raw;
          break;
        case 'id':
          out.id = raw;
          break;
        case 'field':
          out.sets.push({
            column: c.header,
            field: c.role.field,
            path: c.role.path,
            value: typeCell(c.role.field, c.role.path, raw, ctx),
            cell,
          });
          break;
      }
    } catch (e) {
      if (!isIdeasError(e)) throw e;
      problem(c.header, c.role.kind === 'field' ? c.role.field : c.role.kind, e.text);
      if (c.role.kind === 'field') {
        const last = problems[problems.length - 1] as RowProblem;
        last.unchangedIf = { field: c.role.field, path: c.role.path, cell };
      }
    }
  });
  return out;
}

/**
 * The cells of a row whose history-made values differ from what the idea's history gives (derivedCells), each with
 * that value: an import writes no history, so such a cell is said, not lost. An empty cell for the day the idea came
 * into its first stage is no claim: that day is the idea's start, written by the import that made it (a row added to
 * the sheet, imported once already).
 */
export function derivedDifferences(cells: readonly DerivedCell[], idea: Idea): { cell: DerivedCell; now: string }[] {
  const derived = derivedCells(idea);
  const first = historyOf(idea)[0];
  const started = first && isStartAction(first.action) && typeof first.to === 'string' ? `entered.${first.to}` : null;
  const out: { cell: DerivedCell; now: string }[] = [];
  for (const cell of cells) {
    if (cell.key === started && cell.raw.trim() === '') continue;
    const now = derived(cell.key);
    if (now !== undefined && !derivedAgrees(cell, now)) out.push({ cell, now });
  }
  return out;
}

/**
 * Whether a row's cell of a column an export makes from the history says what the idea's history does (`now`, as
 * derivedCells in idea-row.ts writes it). An amount may have been written by a spreadsheet with spaces between its
 * thousands and a decimal comma (`280 000`, `280000,00`, `1 500,5`), and an empty cell and 0 are both no amount.
 */
export function derivedAgrees(cell: DerivedCell, now: string): boolean {
  if (cell.key !== 'granted') return cell.raw === now;
  const amount = (text: string): number | null => {
    const plain = text.replace(/[\s\u00a0\u202f]/g, '');
    if (plain === '') return 0;
    const m = /^(\d+)(?:[.,](\d+))?$/.exec(plain);
    return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
  };
  const a = amount(cell.raw);
  return a !== null && a === amount(now);
}

/** The front matter a row's cells give a new idea (without its id and history). */
function newIdeaData(cells: RowCells, today: string): Record<string, unknown> {
  const data = nullObject();
  for (const s of cells.sets) if (s.value !== undefined) setPath(data, s.field, s.path, s.value);
  const front = nullObject();
  if (data.title !== undefined) front.title = data.title;
  front.created = cells.created ?? today;
  for (const [key, value] of Object.entries(data)) front[key] = value;
  return front;
}

/**
 * One row as the front matter of a new idea (without its id and history), or the problems that stop it: cells that
 * cannot be typed, and what the base schema and the target stage's criteria say of the whole.
 */
export function readRow(
  record: CsvRecord,
  row: number,
  columns: readonly ColumnPlan[],
  ctx: RowContext,
): { idea: RowIdea | null; problems: RowProblem[] } {
  return checkNewRow(readCells(record, row, columns, ctx), columns, ctx);
}

/**
 * A row's cells checked as a new idea: every problem at once, the cells' and what the gate of its stage finds (the
 * base schema, the stage's criteria, the challenge rule). `key` is the row's key (see reimport.ts), for its entry.
 */
export function checkNewRow(
  cells: RowCells,
  columns: readonly ColumnPlan[],
  ctx: RowContext,
  key: string | null = null,
): { idea: RowIdea | null; problems: RowProblem[] } {
  const { row, line } = cells;
  const problems = [...cells.problems];
  const problem = (column: string | null, field: string | null, message: Localized) =>
    problems.push({ row, line, column, field, message });
  const target = ctx.stage ?? cells.stage ?? (ctx.config.stages[0] as Stage);
  const front = newIdeaData(cells, ctx.today);
  const body = cells.body ?? '';
  // A date after today in the created column (a typo in a cell): no idea is made in the future.
  if (createdAfter(front.created, ctx.today))
    problems.push({
      row,
      line,
      column: cells.createdColumn ?? null,
      field: 'created',
      message: localize('import.createdFuture', { created: front.created, today: ctx.today }),
    });
  const columnOf = (field: string) =>
    columns.find((c) => (c.role.kind === 'field' && c.role.field === field) || c.role.kind === field)?.header ?? null;
  // Every problem at once: the schemas' too, but not again for a cell that could not be typed.
  const failed = new Set(problems.map((p) => p.field));
  // The id is not made yet: a stand-in that the base schema accepts, so only the row's own fields can fail.
  const candidate = nullObject();
  candidate.id = 'import-000000';
  for (const [key, value] of Object.entries(front)) candidate[key] = value;
  // The row's idea enters its stage as a move would: through the stage's gate (core/sluice/transition.ts).
  const plan = planTransition({
    kind: 'import',
    config: ctx.config,
    validators: { base: ctx.base, criteria: ctx.criteria },
    date: ctx.today,
    data: candidate,
    to: target,
    source: importSource(ctx.config, ctx.source, row),
    key,
    by: ctx.by,
  });
  if (plan.kind === 'refused')
    for (const p of plan.missing) if (!failed.has(p.field)) problem(columnOf(p.field), p.field, p.message);
  if (problems.length > 0 || plan.kind === 'refused') return { idea: null, problems };
  return { idea: { row, line, stage: target, data: front, body, entry: plan.entry }, problems };
}
