/** The commands that turn a registry into documents: report, export, site, import. */
import path from 'node:path';
import type { FieldTitles } from '../../core/criteria/field-titles.js';
import type { HandedEncoding } from '../../core/exchange/handed-text.js';
import type { IdeaTable } from '../../core/exchange/idea-row.js';
import { type Lang } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import type { Report } from '../../core/report/report.js';
import type { RegistryRef } from '../../core/sluice/config.js';
import { exportDocument, importDocument, reportDocument, siteDocument, type ImportSummary } from '../dto.js';
import { renderIdeaTableCsv } from '../render-export.js';
import { renderReportCsv, renderReportMarkdown, renderReportText } from '../render-report.js';
import { documentOut, EXIT, jsonParts, jsonText, output, type Output, type View } from '../output.js';
import { unreadableWarning } from './ideas.js';
import { terminalLine, terminalLines } from '../../core/terminal-text.js';
import { shellQuote } from '../../core/shell/quote.js';

export type ReportFormat = 'text' | 'md' | 'json' | 'csv';

export interface ReportResultView {
  registry: RegistryRef;
  lang: Lang;
  report: Report;
  titles: FieldTitles;
  unreadable: number;
}

export function presentReport(r: ReportResultView, format: ReportFormat, v: View): Output {
  const o = output();
  const view = { report: r.report, config: r.registry.config, titles: r.titles };
  if (format === 'json') o.out(jsonText(reportDocument(r.registry, r.report, r.titles, r.lang)));
  else if (format === 'csv')
    o.out(documentOut(renderReportCsv(view, r.lang, r.registry.config.language === 'sv' ? ';' : ','), v));
  else if (format === 'md') o.out(documentOut(renderReportMarkdown(view, r.lang), v));
  else o.out(renderReportText(terminalLines(view), r.lang, v.out, { bars: v.outIsTTY, width: v.outWidth }));
  // Text and Markdown say it in the report; a CSV cannot without breaking it for Excel, and JSON has its field.
  if (format === 'csv' && r.report.includePersonal) o.err(`${v.err.yellow(t(r.lang, 'out.reportInternal'))}\n`);
  o.err(unreadableWarning(r.unreadable, r.lang, v));
  return o.done();
}

export interface ExportView {
  registry: RegistryRef;
  lang: Lang;
  table: IdeaTable;
  header: string[];
  delimiter: string;
  unreadable: number;
}

export function presentExport(
  r: ExportView,
  opts: { format: 'csv' | 'json'; includePersonal: boolean },
  v: View,
): Output {
  const o = output();
  if (opts.format === 'json') o.out(jsonParts(exportDocument(r.registry, r.table, opts.includePersonal)));
  else o.out(documentOut(renderIdeaTableCsv(r.table, r.registry.config, r.delimiter, r.header), v));
  // On stderr: a line in the CSV would be a row to Excel and to `ideas import`. JSON says it in its own field.
  if (opts.format === 'csv' && opts.includePersonal) o.err(`${v.err.yellow(t(r.lang, 'out.exportInternal'))}\n`);
  o.err(unreadableWarning(r.unreadable, r.lang, v));
  return o.done();
}

export interface SiteView {
  registry: RegistryRef;
  lang: Lang;
  out: string;
  pages: number;
  files: string[];
  includePersonal: boolean;
  unreadable: number;
}

export function presentSite(r: SiteView, json: boolean, v: View): Output {
  const o = output();
  if (json) o.out(jsonText(siteDocument(r.registry, r)));
  else {
    // The folder alone, for a script (`open "$(ideas site)"`): as it is into a pipe, made safe on a terminal.
    o.out(documentOut(`${r.out}\n`, v));
    const index = terminalLine(path.join(r.out, 'index.html'));
    o.err(`${v.err.green(t(r.lang, 'out.siteWritten', { dir: r.out, count: r.pages, index }))}\n`);
  }
  if (r.includePersonal) o.err(`${v.err.yellow(t(r.lang, 'out.siteInternal'))}\n`);
  o.err(unreadableWarning(r.unreadable, r.lang, v));
  return o.done();
}

export interface ImportView extends ImportSummary {
  registry: RegistryRef;
  lang: Lang;
  encoding: HandedEncoding;
  /** The fields a column may be mapped to, named in the hint for columns left out. */
  fields: string[];
}

export function presentImport(r: ImportView, json: boolean, v: View): Output {
  const o = output();
  const code = r.ok ? EXIT.ok : EXIT.problems;
  if (json) {
    o.out(jsonText(importDocument(r.registry, r, r.lang)));
    return o.done(code);
  }
  const c = v.err;
  if (r.encoding !== 'utf-8')
    o.err(
      `${c.yellow(t(r.lang, 'out.importEncoding', { encoding: r.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-16' }))}\n`,
    );
  if (r.ignoredColumns.length > 0) {
    o.err(`${c.dim(terminalLine(t(r.lang, 'out.ignoredColumns', { columns: r.ignoredColumns.join(', ') })))}\n`);
    // The flags that would take them, to add to the same command: never applied on a guess.
    const maps = r.suggestedMaps.map((m) => `--map ${shellQuote(`${m.column}=${m.field}`)}`).join(' ');
    o.err(
      `${c.dim(terminalLine(maps === '' ? t(r.lang, 'hint.importMapAny', { fields: r.fields.join(', ') }) : t(r.lang, 'hint.importMapThese', { maps })))}\n`,
    );
  }
  for (const p of r.problems) {
    const problem = terminalLine(p.message[r.lang]);
    o.err(
      `${c.red('✗')} ${p.column === null ? t(r.lang, 'out.importRowProblemNoColumn', { row: p.row, problem }) : t(r.lang, 'out.importRowProblem', { row: p.row, column: terminalLine(p.column), problem })}\n`,
    );
  }
  if (!r.ok) {
    o.err(
      `${c.red(t(r.lang, 'out.importRefused', { count: r.invalidRows.length }))}\n${c.dim(t(r.lang, 'hint.importRefused'))}\n`,
    );
    return o.done(code);
  }
  for (const d of r.duplicates)
    o.err(`${c.yellow(t(r.lang, 'out.importDuplicate', { row: d.row, id: terminalLine(d.id ?? '?') }))}\n`);
  // The files written, on stdout; a dry run writes none, and its new ideas' ids are not the ones the import will give
  // (a newcomer took the dry run's paths for files): said on stderr by their row and title instead.
  if (r.dryRun)
    for (const i of r.imported)
      o.err(
        `${t(r.lang, 'out.importWouldCreate', { row: i.row, stage: terminalLine(i.stage.label[r.lang]), title: terminalLine(i.title) })}\n`,
      );
  for (const i of [...(r.dryRun ? [] : r.imported), ...r.updated]) o.out(`${terminalLine(i.path)}\n`);
  // What each row changes in an idea imported before, field by field: an emptied field stands out.
  for (const i of r.updated) {
    if (!i.changes || i.changes.length === 0) continue;
    const fields = i.changes
      .map((ch) => {
        const label = terminalLine(ch.label[r.lang]);
        return ch.cleared ? c.yellow(t(r.lang, 'out.importCleared', { field: label })) : label;
      })
      .join(', ');
    o.err(`${t(r.lang, 'out.importChanges', { id: terminalLine(i.id), fields })}\n`);
  }
  if (r.invalidRows.length > 0) o.err(`${c.yellow(t(r.lang, 'out.importSkipped', { count: r.invalidRows.length }))}\n`);
  const counts = {
    file: r.file,
    created: r.imported.length,
    updated: r.updated.length,
    unchanged: r.unchanged.length,
  };
  // Inside the sentence, before its full stop, and agreeing with the files staged: "(tillagda i git …)" for many.
  // Without a colour of its own: a parameter is shown as text (ui/words.ts), escape sequences and all.
  const written = counts.created + counts.updated;
  const staged = r.staged ? ` ${t(r.lang, written === 1 ? 'out.staged' : 'out.stagedMany')}` : '';
  if (r.rows === 0) o.err(`${t(r.lang, 'out.importNothing', { file: r.file })}\n`);
  else if (r.dryRun) o.err(`${t(r.lang, 'out.importDryRunCounts', counts)}\n`);
  else if (counts.updated + counts.unchanged === 0)
    o.err(`${c.green(t(r.lang, 'out.imported', { count: r.imported.length, file: r.file, staged }))}\n`);
  else o.err(`${c.green(t(r.lang, 'out.importedCounts', { ...counts, staged }))}\n`);
  return o.done(code);
}
