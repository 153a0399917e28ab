import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { CsvSyntaxError, CsvTooManyRecords, parseCsv } from '../core/exchange/csv.js';
import { IdeasError } from '../core/errors.js';
import { checkIdeaFile } from '../core/criteria/validate.js';
import { isForbiddenKey, nullObject } from '../core/safe-object.js';
import { settableFields } from '../core/criteria/fields.js';
import { localize, t, type Lang } from '../core/i18n/i18n.js';
import { idFromFileName, newId } from '../core/sluice/id.js';
import { isoDate } from '../core/sluice/idea.js';
import { renderIdeaFile } from '../core/front-matter/idea-text.js';
import { labelIndex, planColumns, readRow, type RowIdea, type RowProblem } from '../core/exchange/import-rows.js';
import { baseValidators, readPackageSchema } from '../core/criteria/schema-check.js';
import { slugify } from '../core/sluice/slug.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { listIdeaFiles } from '../io/idea-files.js';
import { writeNewFiles, type NewFile } from '../io/import-write.js';
import { readIdeas } from '../io/read-ideas.js';
import { FileTooLarge, MAX_HANDED_BYTES, readFileLimited } from '../io/read-limited.js';
import { loadCriteria, type Registry } from '../io/registry.js';
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

export interface ImportedIdea {
  row: number;
  id: string;
  title: string;
  stage: Stage;
  /** Relative to the registry root, with forward slashes. */
  path: string;
}

export interface ImportResult {
  kind: 'import';
  registry: Registry;
  lang: Lang;
  file: string;
  delimiter: string;
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
  /** Data rows read (blank rows are not counted). */
  rows: number;
  /** The ideas written, or with --dry-run those that would be; empty when invalid rows stopped the import. */
  imported: ImportedIdea[];
  problems: RowProblem[];
  /** The rows with problems: not imported. */
  invalidRows: number[];
  ignoredColumns: string[];
  /** Rows whose title an idea in the registry already has: imported all the same, but worth a look. */
  duplicates: { row: number; id: string | null; title: string }[];
  dryRun: boolean;
  written: boolean;
  staged: boolean;
  /** False when invalid rows stopped the import (exit 1). */
  ok: boolean;
}

/** Windows-1252 where it differs from Latin-1 (0x80–0x9F): Node's own decoder for the label decodes Latin-1. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * The text of a spreadsheet file: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's
 * "Unicode text"), or else Windows-1252, which Swedish Excel writes when told to save "CSV" without "UTF-8".
 */
export function decodeSpreadsheet(bytes: Buffer): { text: string; encoding: ImportResult['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
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

const normalTitle = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The most a file to import may hold. The import checks every row before it writes any (all or nothing), so it
 * holds the whole file, its rows and the idea files they become in memory at once: about 45 times the file's size
 * at the peak (measured: ~450 MB for 10 MB of rows of 1 KB). 10 MB and 10,000 rows (blank ones counted) keep that
 * within any laptop's reach, and are more ideas than a municipality's sluice gathers in years; a larger file is
 * split and imported in parts. Both are stated in the README and in the error.
 */
export const MAX_IMPORT_BYTES = MAX_HANDED_BYTES;
export const MAX_IMPORT_ROWS = 10_000;

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
    throw new IdeasError('USAGE', 'err.readFile', { file, reason: (e as Error).message });
  }
}

export async function runImport(opts: ImportOptions, ctx: Ctx): Promise<ImportResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const explicit = parseMaps(opts.map);
  const stage = opts.stage ? resolveStage(config, opts.stage) : null;
  const abs = path.resolve(ctx.cwd, opts.file);
  const { text, encoding } = decodeSpreadsheet(readSpreadsheet(abs, opts.file));
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
  const names = new Set([...settableFields(base, schemas.slice(1)), 'title']);
  for (const idea of existing)
    for (const key of Object.keys(idea.data))
      if (!['id', 'created', 'history', 'related'].includes(key) && !isForbiddenKey(key)) names.add(key);
  const { columns, ignored } = planColumns(header.cells, explicit, { names, labels: labelIndex(schemas) });

  const today = isoDate(ctx.clock());
  const rowCtx = {
    config,
    lang,
    stage,
    schemas,
    today,
    base: baseValidators().idea,
    criteria: (s: Stage) => criteria.get(s.key)?.validate,
  };
  const valid: RowIdea[] = [];
  const problems: RowProblem[] = [];
  const invalidRows: number[] = [];
  const dataRecords = table.records
    .slice(headerIndex + 1)
    .map((record, i) => ({ record, row: headerIndex + i + 2 }))
    .filter(({ record }) => record.cells.some((c) => c.trim() !== ''));
  dataRecords.forEach(({ record, row }, i) => {
    const r = readRow(record, row, columns, rowCtx);
    if (r.idea) valid.push(r.idea);
    else {
      problems.push(...r.problems);
      invalidRows.push(row);
    }
    opts.onProgress?.(i + 1, dataRecords.length * 2);
  });

  const summary = {
    registry,
    lang,
    file: opts.file,
    delimiter: table.delimiter,
    encoding,
    rows: dataRecords.length,
    problems,
    invalidRows,
    ignoredColumns: ignored,
    dryRun: opts.dryRun,
  };
  const taken = new Set(listIdeaFiles(registry).map((e) => idFromFileName(e.path.slice(e.path.lastIndexOf('/') + 1))));
  for (const idea of existing) if (idea.id) taken.add(idea.id);
  const titles = new Map(existing.filter((i) => i.title).map((i) => [normalTitle(i.title as string), i.id]));
  const source = path.basename(opts.file);
  const planned: { row: RowIdea; file: NewFile; idea: ImportedIdea }[] = [];
  for (const r of valid) {
    const id = newId(config.idPrefix, (candidate) => taken.has(candidate));
    taken.add(id);
    const entry: Record<string, unknown> = {
      date: today,
      action: 'imported',
      to: r.stage.key,
      source: `${source}, ${t(config.language, 'import.sourceRow', { row: r.row })}`,
    };
    if (opts.by) entry.by = opts.by;
    // The row's fields, keyed by the file's own column names: an object without a prototype.
    const data = nullObject();
    data.id = id;
    data.title = r.data.title;
    data.created = r.data.created;
    for (const [key, value] of Object.entries(r.data))
      if (!['id', 'title', 'created', 'history'].includes(key)) data[key] = value;
    data.history = [entry];
    const title = r.data.title;
    const slug = slugify(String(title ?? ''));
    const rel = `${config.ideasDir}/${r.stage.folder}/${slug ? `${id}-${slug}` : id}.md`;
    planned.push({
      row: r,
      file: { rel, text: renderIdeaFile(data, r.body) },
      idea: { row: r.row, id, title: String(title ?? ''), stage: r.stage, path: rel },
    });
  }
  // The file as written must pass `ideas validate` as it stands: its bytes (a NUL, the size), its front matter
  // read back, the schemas. A row whose file would not is an invalid row like any other, before anything is written.
  const checkCtx = (l: Lang) => ({ config, lang: l, base: baseValidators().idea, criteria });
  const refused = new Set<RowIdea>();
  for (const p of planned) {
    const check = (l: Lang) =>
      checkIdeaFile(
        {
          path: p.file.rel,
          abs: path.join(registry.root, p.file.rel),
          stage: p.row.stage,
          misplaced: null,
          folder: p.row.stage.folder,
          symlink: false,
        },
        Buffer.from(p.file.text, 'utf8'),
        checkCtx(l),
      ).findings.filter((f) => f.severity === 'error');
    const sv = check('sv');
    if (sv.length === 0) continue;
    const en = check('en');
    refused.add(p.row);
    invalidRows.push(p.row.row);
    sv.forEach((f, i) =>
      problems.push({
        row: p.row.row,
        line: p.row.line,
        column: null,
        field: null,
        message: localize('import.wouldFail', { problem: { sv: f.message, en: en[i]?.message ?? f.message } }),
      }),
    );
  }
  invalidRows.sort((a, b) => a - b);
  problems.sort((a, b) => a.row - b.row);
  if (invalidRows.length > 0 && !opts.skipInvalid) {
    return { kind: 'import', ...summary, imported: [], duplicates: [], written: false, staged: false, ok: false };
  }
  const kept = planned.filter((p) => !refused.has(p.row));
  const files = kept.map((p) => p.file);
  const imported = kept.map((p) => p.idea);
  const duplicates: ImportResult['duplicates'] = [];
  for (const { idea } of kept) {
    const same = titles.get(normalTitle(idea.title));
    if (same !== undefined) duplicates.push({ row: idea.row, id: same, title: idea.title });
  }
  if (opts.dryRun || files.length === 0) {
    return { kind: 'import', ...summary, imported, duplicates, written: false, staged: false, ok: true };
  }
  const half = dataRecords.length;
  const { staged } = await writeNewFiles(
    registry,
    files,
    ctx.env,
    opts.onProgress
      ? (done, total) => opts.onProgress?.(half + Math.round((done / total) * half), half * 2)
      : undefined,
  );
  return { kind: 'import', ...summary, imported, duplicates, written: true, staged, ok: true };
}
