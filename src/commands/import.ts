import { hintWord } from '../core/shell/quote.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { CsvSyntaxError, CsvTooManyRecords, parseCsv } from '../core/exchange/csv.js';
import { decodeHandedText, type HandedEncoding } from '../core/exchange/handed-text.js';
import { IdeasError } from '../core/errors.js';
import { checkIdeaFile } from '../core/criteria/validate.js';
import { fieldLabel } from '../core/criteria/schema-check.js';
import { nullObject, ownValue } from '../core/safe-object.js';
import { localize, type Lang, type Localized } from '../core/i18n/i18n.js';
import { settableFields } from '../core/criteria/fields.js';
import { fieldTitles } from '../core/criteria/field-titles.js';
import { isGiven } from '../core/sluice/gate.js';
import { newId, takenIds } from '../core/sluice/id.js';
import { isoDate } from '../core/sluice/idea.js';
import { renderIdeaFile } from '../core/front-matter/idea-text.js';
import { EditReachError } from '../core/front-matter/edit-guard.js';
import {
  checkNewRow,
  derivedDifferences,
  importSource,
  knownFieldNames,
  labelIndex,
  planColumns,
  readCells,
  schemaAt,
  type ImportedIdea,
  type RowCells,
  type RowProblem,
  type SuggestedMap,
} from '../core/exchange/import-rows.js';
import { headerAliases } from '../core/exchange/column-labels.js';
import {
  ideasById,
  ideasByKey,
  isNoChange,
  keepsValue,
  lastImport,
  normalTitle,
  planEdit,
  rowKey,
} from '../core/exchange/reimport.js';
import {
  appendHistoryEntry,
  EditError,
  removeField,
  setBody,
  setField,
} from '../core/front-matter/front-matter-edit.js';
import type { Finding } from '../core/finding.js';
import type { Idea } from '../core/sluice/idea.js';
import { baseValidators, readPackageSchema } from '../io/schemas.js';
import { newIdeaPath } from '../core/sluice/slug.js';
import { importEntry } from '../core/sluice/transition.js';
import { planFieldEdit } from '../core/sluice/idea-edit.js';
import { actingName } from './acting-name.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { listIdeaFiles } from '../io/idea-files.js';
import { writeNewFiles, type NewFile, type UpdatedFile } from '../io/import-write.js';
import { readIdeas } from '../io/read-ideas.js';
import { FileTooLarge, MAX_HANDED_BYTES, readFileLimited } from '../io/read-limited.js';
import { readText } from '../io/files.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { readReason } from '../io/fs-error.js';
import { openRegistry } from './open-registry.js';

export interface ImportOptions extends CommonOptions {
  file: string;
  map: string[];
  stage?: string;
  dryRun: boolean;
  skipInvalid: boolean;
  by?: string;
  /** Called as rows are checked and files written, for a progress line on a terminal. */
  onProgress?: (done: number, total: number) => void;
}

export type { ImportedIdea };

export interface ImportResult {
  kind: 'import';
  registry: Registry;
  lang: Lang;
  file: string;
  delimiter: string;
  encoding: HandedEncoding;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  /** The new ideas written, or with --dry-run those that would be; empty when invalid rows stopped the import. */
  imported: ImportedIdea[];
  /** Ideas imported before (or named by their id) that their rows change: updated, or with --dry-run would be. */
  updated: ImportedIdea[];
  /** Ideas imported before whose rows say what they already say: left as they are. */
  unchanged: ImportedIdea[];
  problems: RowProblem[];
  /** The rows with problems: not imported. */
  invalidRows: number[];
  ignoredColumns: string[];
  /** For columns not imported, the field each looks meant for: the `--map` the user may add. */
  suggestedMaps: SuggestedMap[];
  /** The fields a column may be mapped to, as `--map` names them: the title, then the schemas' fields in order. */
  fields: string[];
  /** Rows whose title an idea in the registry already has: imported all the same, but worth a look. */
  duplicates: { row: number; id: string | null; title: string }[];
  dryRun: boolean;
  written: boolean;
  staged: boolean;
  /** False when invalid rows stopped the import (exit 1). */
  ok: boolean;
}

/** A cell's value or a field's in a message: as written, JSON for a list or an object, `–` for none. */
function cellText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function parseMaps(maps: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) {
    const eq = m.indexOf('=');
    if (eq <= 0) throw new IdeasError('USAGE', 'err.mapSyntax', { value: m });
    out.set(m.slice(0, eq).trim(), m.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The most a file to import may hold. The import checks every row before it writes any (all or nothing), so it
 * holds the whole file, its rows and the idea files they become in memory at once: about 45 times the file's size
 * at the peak (measured: ~450 MB for 10 MB of rows of 1 KB). 10 MB and 10,000 rows (blank ones counted) keep that
 * within any laptop's reach, and are more ideas than a municipality's sluice gathers in years; a larger file is
 * split and imported in parts. Both are stated in the README and in the error.
 */
const MAX_IMPORT_BYTES = MAX_HANDED_BYTES;
const MAX_IMPORT_ROWS = 10_000;

function readSpreadsheet(abs: string, file: string): Buffer {
  try {
    return readFileLimited(abs, MAX_IMPORT_BYTES);
  } catch (e) {
    if (e instanceof FileTooLarge)
      throw new IdeasError(
        'USAGE',
        'err.importTooLarge',
        { file, max: MAX_IMPORT_BYTES / 1_000_000 },
        { hint: 'hint.importTooLarge' },
      );
    throw new IdeasError('USAGE', 'err.readFile', { file, reason: readReason(e) });
  }
}

/** Whether the bytes start as an Excel workbook does: a zip archive (.xlsx) or an OLE2 compound file (.xls). */
function isWorkbook(bytes: Buffer): boolean {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

export async function runImport(opts: ImportOptions, ctx: Ctx): Promise<ImportResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const explicit = parseMaps(opts.map);
  const stage = opts.stage ? resolveStage(config, opts.stage) : null;
  const abs = path.resolve(ctx.cwd, opts.file);
  const bytes = readSpreadsheet(abs, opts.file);
  // A workbook (.xlsx is a zip archive, .xls an OLE2 compound file) read as text gives columns of binary noise.
  if (isWorkbook(bytes))
    throw new IdeasError('USAGE', 'err.importWorkbook', { file: opts.file }, { hint: 'hint.importWorkbook' });
  const { text, encoding } = decodeHandedText(bytes);
  let table: ReturnType<typeof parseCsv>;
  try {
    // The header and MAX_IMPORT_ROWS rows.
    table = parseCsv(text, undefined, MAX_IMPORT_ROWS + 1);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new IdeasError('USAGE', 'err.csvSyntax', { file: opts.file, line: e.line });
    if (e instanceof CsvTooManyRecords)
      throw new IdeasError(
        'USAGE',
        'err.importTooManyRows',
        { file: opts.file, max: MAX_IMPORT_ROWS },
        { hint: 'hint.importTooLarge' },
      );
    throw e;
  }
  const headerIndex = table.records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const header = table.records[headerIndex];
  if (!header) throw new IdeasError('USAGE', 'err.importEmpty', { file: opts.file });

  const base = readPackageSchema('idea');
  const criteria = loadCriteria(registry);
  const schemas = [base, ...[...criteria.values()].map((c) => c.schema)];
  const existing = readIdeas(registry).ideas;
  const names = knownFieldNames(
    base,
    schemas.slice(1),
    existing.map((i) => i.data),
  );
  const { columns, ignored, suggested } = planColumns(header.cells, explicit, {
    names,
    labels: labelIndex(schemas),
    aliases: headerAliases(schemas, config),
  });

  const today = isoDate(ctx.clock());
  const labelOf = (field: string): Localized => fieldTitles(schemas, [field])[field] ?? { sv: field, en: field };
  const editRules = { base, schemaOf: (field: string) => schemaAt(field, [], schemas) };
  const source = path.basename(opts.file);
  // Who imported: --by, else git's user.name, as every other command that writes history names its author.
  const by = await actingName(opts.by, registry);
  const rowCtx = {
    config,
    lang,
    stage,
    schemas,
    today,
    base: baseValidators().idea,
    criteria: (s: Stage) => criteria.get(s.key)?.validate,
    source,
    by,
  };
  const problems: RowProblem[] = [];
  const invalidRows = new Set<number>();
  const refuse = (p: RowProblem) => {
    problems.push(p);
    invalidRows.add(p.row);
  };
  const dataRecords = table.records
    .slice(headerIndex + 1)
    .map((record, i) => ({ record, row: headerIndex + i + 2 }))
    .filter(({ record }) => record.cells.some((c) => c.trim() !== ''));
  const read = dataRecords.map(({ record, row }, i) => {
    const cells = readCells(record, row, columns, rowCtx);
    opts.onProgress?.(i + 1, dataRecords.length * 2);
    return cells;
  });
  const sourceOf = (row: number) => importSource(config, source, row);

  // Which idea each row is: by its id, else by its key, else by its place (see core/exchange/reimport.ts).
  // Ids are matched whatever their case, as `ideas show` finds them.
  // An id two files carry (a copy) names no one idea: such a row is refused, not written into whichever came last.
  const byId = ideasById(existing);
  const byKey = ideasByKey(existing);
  const seenTitles = new Map<string, number>();
  const keys = read.map((cells) => {
    const title = cells.sets.find((x) => x.field === 'title' && x.path.length === 0)?.value;
    if (typeof title !== 'string' || title.trim() === '') return null;
    const n = (seenTitles.get(normalTitle(title)) ?? 0) + 1;
    seenTitles.set(normalTitle(title), n);
    return rowKey(source, title, n);
  });
  const keysInFile = new Set(keys.filter((k): k is string => k !== null));
  const claimed = new Map<Idea, number>();
  const targets = read.map((cells, i): Idea | null => {
    const key = keys[i] ?? null;
    const carriers = cells.id !== null ? (byId.get(cells.id.toLowerCase()) ?? []) : [];
    if (carriers.length > 1) {
      refuse({
        row: cells.row,
        line: cells.line,
        column: null,
        field: null,
        message: localize('import.idTwice', { id: cells.id ?? '', files: carriers.map((x) => x.path).join(', ') }),
      });
      return null;
    }
    let idea: Idea | null = carriers[0] ?? null;
    // A row whose Id names no idea here (an export of another registry, as a round trip into a new one imports it)
    // is a new idea: never taken for another idea by its title or by its place in a file of the same name.
    if (cells.id !== null && cells.id.trim() !== '' && !idea) return null;
    if (!idea && key) {
      const found = byKey.get(key) ?? [];
      if (found.length > 1) {
        refuse({
          row: cells.row,
          line: cells.line,
          column: null,
          field: null,
          message: localize('import.keyTwice', { ids: found.map((x) => x.id ?? x.path).join(', ') }),
        });
        return null;
      }
      idea = found[0] ?? null;
    }
    if (!idea) {
      const place = sourceOf(cells.row);
      const found = existing.filter((x) => {
        const mark = lastImport(x);
        return mark?.source === place && (mark.key === null || !keysInFile.has(mark.key));
      });
      if (found.length === 1) idea = found[0] as Idea;
    }
    if (!idea) return null;
    const earlier = claimed.get(idea);
    if (earlier !== undefined) {
      refuse({
        row: cells.row,
        line: cells.line,
        column: null,
        field: null,
        message: localize('import.sameIdeaTwice', { id: idea.id ?? idea.path, row: earlier }),
      });
      return null;
    }
    claimed.set(idea, cells.row);
    return idea;
  });

  const checkCtx = (l: Lang) => ({ config, lang: l, base: baseValidators().idea, criteria });
  /** The errors `ideas validate` would find in a file's text: in both languages, to report in either. */
  const errorsOf = (rel: string, fileStage: Stage, text: string) =>
    (['sv', 'en'] as const).map((l) =>
      checkIdeaFile(
        {
          path: rel,
          abs: path.join(registry.root, rel),
          stage: fileStage,
          misplaced: null,
          folder: fileStage.folder,
          symlink: false,
        },
        Buffer.from(text, 'utf8'),
        checkCtx(l),
      ).findings.filter((f) => f.severity === 'error'),
    ) as [Finding[], Finding[]];
  const wouldFail = (row: { row: number; line: number }, sv: Finding[], en: Finding[]) =>
    sv.forEach((f, i) =>
      refuse({
        row: row.row,
        line: row.line,
        column: null,
        field: null,
        message: localize('import.wouldFail', { problem: { sv: f.message, en: en[i]?.message ?? f.message } }),
      }),
    );

  const taken = takenIds(
    listIdeaFiles(registry).map((e) => e.path),
    existing.map((i) => i.id),
  );
  const titles = new Map(existing.filter((i) => i.title).map((i) => [normalTitle(i.title as string), i.id]));
  const planned: { file: NewFile; idea: ImportedIdea }[] = [];
  const updates: { file: UpdatedFile; idea: ImportedIdea }[] = [];
  const unchanged: ImportedIdea[] = [];
  read.forEach((cells, i) => {
    const target = targets[i] ?? null;
    const key = keys[i] ?? null;
    if (invalidRows.has(cells.row)) return;
    if (target) {
      planUpdate(cells, target, key);
      return;
    }
    const r = checkNewRow(cells, columns, rowCtx, key);
    if (!r.idea) {
      r.problems.forEach(refuse);
      return;
    }
    const id = newId(config.idPrefix, (candidate) => taken.has(candidate), randomBytes);
    taken.add(id);
    // The row's fields, keyed by the file's own column names: an object without a prototype.
    const data = nullObject();
    data.id = id;
    data.title = r.idea.data.title;
    data.created = r.idea.data.created;
    for (const [k, value] of Object.entries(r.idea.data))
      if (!['id', 'title', 'created', 'history'].includes(k)) data[k] = value;
    data.history = [r.idea.entry];
    const title = r.idea.data.title;
    const rel = newIdeaPath(config.ideasDir, r.idea.stage.folder, id, title);
    const text = renderIdeaFile(data, r.idea.body);
    // The file as written must pass `ideas validate` as it stands: its bytes (a NUL, the size), its front matter
    // read back, the schemas. A row whose file would not is an invalid row like any other, before anything is written.
    const [sv, en] = errorsOf(rel, r.idea.stage, text);
    if (sv.length > 0) return wouldFail(r.idea, sv, en);
    planned.push({
      file: { rel, text },
      idea: { row: r.idea.row, id, title: String(title ?? ''), stage: r.idea.stage, path: rel },
    });
  });

  /** A row of an idea imported before (or named by its id): the least change that makes the idea say what it says. */
  function planUpdate(cells: RowCells, idea: Idea, key: string | null): void {
    const row = { row: cells.row, line: cells.line };
    const shown: ImportedIdea = {
      row: cells.row,
      id: idea.id ?? '',
      title: idea.title ?? '',
      stage: idea.stage,
      path: idea.path,
    };
    // A cell that could not be typed is no problem where it is the export's own writing of the idea's value.
    const problems = cells.problems.filter((p) => !(p.unchangedIf && keepsValue(idea, p.unchangedIf)));
    problems.forEach(refuse);
    if (problems.length > 0) return;
    // An import never moves an idea: that goes through the sluice's gates (ideas move).
    if (cells.stage && cells.stage.key !== idea.stage.key) {
      refuse({
        ...row,
        column: columns.find((c) => c.role.kind === 'stage')?.header ?? null,
        field: 'stage',
        // Into a stage the council decides on, a move is its decision: `ideas move` would refuse it.
        message: localize(cells.stage.council ? 'import.stageDiffersCouncil' : 'import.stageDiffers', {
          id: shown.id,
          stage: cells.stage.label,
          now: idea.stage.label,
        }),
      });
      return;
    }
    // Nor does it write the history an export's amounts and dates come from: a cell edited there is said, not lost.
    const differs = derivedDifferences(cells.derived, idea);
    for (const { cell, now } of differs)
      refuse({
        ...row,
        column: cell.column,
        field: cell.key,
        message: localize('import.derivedDiffers', {
          id: shown.id,
          column: cell.column,
          skip: hintWord(`${cell.column}=`),
          value: cell.raw === '' ? '–' : cell.raw,
          now: now || '–',
        }),
      });
    if (differs.length > 0) return;
    const edit = planEdit(idea, cells);
    if (isNoChange(edit)) {
      unchanged.push(shown);
      return;
    }
    // Held to the rules `ideas edit` obeys: what the tool keeps is never rewritten (an export's own value, read back,
    // is no change, and passes), and what the council relies on gets its history entry.
    const { kept, entries } = planFieldEdit(
      [...edit.fields].map(([field, value]) => ({ field, old: ownValue(idea.data, field), new: value })),
      editRules,
      today,
      by,
    );
    for (const change of kept) {
      const cell = edit.cells.get(change.field);
      const column = cell?.column ?? change.field;
      refuse({
        ...row,
        column,
        field: change.field,
        message: localize('import.keptField', {
          id: shown.id,
          column,
          skip: hintWord(`${column}=`),
          value: cellText(cell ? cell.value : change.new),
          now: cellText(cell ? cell.now : change.old),
          // The field by its label, with its name in brackets, as every finding names one.
          field: {
            sv: fieldLabel(editRules.schemaOf(change.field), `/${change.field}`, 'sv'),
            en: fieldLabel(editRules.schemaOf(change.field), `/${change.field}`, 'en'),
          },
        }),
      });
    }
    if (kept.length > 0) return;
    let before: string;
    try {
      before = readText(idea.abs);
    } catch (e) {
      throw new IdeasError('IO', 'err.readFile', { file: idea.path, reason: readReason(e) });
    }
    let after = before;
    const entry = importEntry(today, sourceOf(cells.row), key, by, null);
    try {
      for (const [field, value] of edit.fields)
        after = value === undefined ? removeField(after, field) : setField(after, field, value);
      if (edit.body !== null) after = setBody(after, edit.body);
      after = appendHistoryEntry(after, entry);
      for (const assigned of entries) after = appendHistoryEntry(after, assigned);
    } catch (e) {
      // An edit that would reach a field it does not name fails the import, before any file is written.
      if (e instanceof EditReachError) throw e.inFile(idea.path);
      if (!(e instanceof EditError)) throw e;
      refuse({ ...row, column: null, field: null, message: localize('import.cannotEdit', { file: idea.path }) });
      return;
    }
    // Refused for what the row would break, not for what the idea broke before it.
    const [oldSv] = errorsOf(idea.path, idea.stage, before);
    const known = new Set(oldSv.map((f) => `${f.rule}\0${f.message}`));
    const [sv, en] = errorsOf(idea.path, idea.stage, after);
    const fresh = sv.map((f, j) => ({ f, j })).filter(({ f }) => !known.has(`${f.rule}\0${f.message}`));
    if (fresh.length > 0) {
      wouldFail(
        row,
        fresh.map((x) => x.f),
        fresh.map((x) => en[x.j] as Finding),
      );
      return;
    }
    const changes = [...edit.fields].map(([field, value]) => ({
      field,
      label: labelOf(field),
      // Emptied: gone, or nothing left in it (a record whose every cell was emptied is `{}`).
      cleared: !isGiven(value),
    }));
    if (edit.body !== null)
      changes.push({ field: 'body', label: localize('import.bodyField'), cleared: edit.body.trim() === '' });
    updates.push({ file: { rel: idea.path, before, after }, idea: { ...shown, changes } });
  }

  const summary = {
    registry,
    lang,
    file: opts.file,
    delimiter: table.delimiter,
    encoding,
    rows: dataRecords.length,
    problems: problems.sort((a, b) => a.row - b.row),
    invalidRows: [...invalidRows].sort((a, b) => a - b),
    ignoredColumns: ignored,
    suggestedMaps: suggested,
    fields: ['title', ...settableFields(base, schemas.slice(1)).filter((f) => f !== 'title')],
    dryRun: opts.dryRun,
  };
  const none = { imported: [], updated: [], unchanged: [], duplicates: [], written: false, staged: false };
  if (invalidRows.size > 0 && !opts.skipInvalid) return { kind: 'import', ...summary, ...none, ok: false };
  const imported = planned.map((p) => p.idea);
  const updated = updates.map((u) => u.idea);
  const duplicates: ImportResult['duplicates'] = [];
  for (const idea of imported) {
    const same = titles.get(normalTitle(idea.title));
    if (same !== undefined) duplicates.push({ row: idea.row, id: same, title: idea.title });
  }
  const result = { kind: 'import' as const, ...summary, imported, updated, unchanged, duplicates };
  if (opts.dryRun || planned.length + updates.length === 0)
    return { ...result, written: false, staged: false, ok: true };
  const half = dataRecords.length;
  const { staged } = await writeNewFiles(
    registry,
    planned.map((p) => p.file),
    ctx.env,
    opts.onProgress
      ? (done, total) => opts.onProgress?.(half + Math.round((done / total) * half), half * 2)
      : undefined,
    updates.map((u) => u.file),
  );
  return { ...result, written: true, staged, ok: true };
}
