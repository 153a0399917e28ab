import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { CsvSyntaxError, parseCsv } from '../core/exchange/csv.js';
import { IdeasError } from '../core/errors.js';
import { settableFields } from '../core/criteria/fields.js';
import { t, type Lang } from '../core/i18n/i18n.js';
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

export async function runImport(opts: ImportOptions, ctx: Ctx): Promise<ImportResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const explicit = parseMaps(opts.map);
  const stage = opts.stage ? resolveStage(config, opts.stage) : null;
  const abs = path.resolve(ctx.cwd, opts.file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new IdeasError('USAGE', 'err.readFile', { file: opts.file, reason: (e as Error).message });
  }
  const { text, encoding } = decodeSpreadsheet(bytes);
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new IdeasError('USAGE', 'err.csvSyntax', { file: opts.file, line: e.line });
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
      if (!['id', 'created', 'history', 'related'].includes(key)) names.add(key);
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
  if (invalidRows.length > 0 && !opts.skipInvalid) {
    return { kind: 'import', ...summary, imported: [], duplicates: [], written: false, staged: false, ok: false };
  }

  const taken = new Set(listIdeaFiles(registry).map((e) => idFromFileName(e.path.slice(e.path.lastIndexOf('/') + 1))));
  for (const idea of existing) if (idea.id) taken.add(idea.id);
  const titles = new Map(existing.filter((i) => i.title).map((i) => [normalTitle(i.title as string), i.id]));
  const source = path.basename(opts.file);
  const files: NewFile[] = [];
  const imported: ImportedIdea[] = [];
  const duplicates: ImportResult['duplicates'] = [];
  for (const r of valid) {
    const id = newId(config.idPrefix, (candidate) => taken.has(candidate));
    taken.add(id);
    const { title, created, id: _id, history: _history, ...rest } = r.data;
    const entry: Record<string, unknown> = {
      date: today,
      action: 'imported',
      to: r.stage.key,
      source: `${source}, ${t(config.language, 'import.sourceRow', { row: r.row })}`,
    };
    if (opts.by) entry.by = opts.by;
    const data = { id, title, created, ...rest, history: [entry] };
    const slug = slugify(String(title ?? ''));
    const rel = `${config.ideasDir}/${r.stage.folder}/${slug ? `${id}-${slug}` : id}.md`;
    files.push({ rel, text: renderIdeaFile(data, r.body) });
    imported.push({ row: r.row, id, title: String(title ?? ''), stage: r.stage, path: rel });
    const same = titles.get(normalTitle(String(title ?? '')));
    if (same !== undefined) duplicates.push({ row: r.row, id: same, title: String(title ?? '') });
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
