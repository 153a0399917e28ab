/**
 * `ideas region report` as text, Markdown and CSV: the region's own figures, drawn by the renderer of `ideas report`,
 * then the funnel, the time in stage and the goals of each municipality side by side. Every figure is computed in
 * src/core/region/report.ts; here they are only laid out.
 */
import type { ChalkInstance } from 'chalk';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import type { GoalProgress } from '../core/report/report.js';
import type { RegionMember } from '../core/region/config.js';
import type { RegionBreakdown, RegionGroup, ReportPart } from '../core/region/report.js';
import type { RegistryConfig } from '../core/sluice/config.js';
import { formatCsv, formatNumberCsv, type CsvCell } from '../core/exchange/csv.js';
import {
  formatNumber,
  goalLine,
  groupName,
  renderReportMarkdown,
  renderReportText,
  reportCsvHeader,
  reportCsvWords,
  reportCsvRows,
  type TextOptions,
} from './render-report.js';
import { mdText } from './markdown-text.js';
import { displayWidth, padEnd } from './text-width.js';

/** The figures only: a member's snapshot (every idea's text) is not part of what a view lays out. */
export interface RegionFigures {
  region: ReportPart;
  members: (ReportPart & { member: RegionMember })[];
  /** The `--by` breakdowns across the region; none when not asked for. */
  breakdowns?: RegionBreakdown[];
}

export interface RegionReportView {
  report: RegionFigures;
  /** One line per member: how old its data is (ageLines in present/region.ts). */
  ages: string[];
}

interface Grid {
  heading: string;
  note: string | null;
  head: string[];
  rows: string[][];
  foot: string[] | null;
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

const dash = '–';

function nameOf(part: ReportPart & { member?: { name: string } }, lang: Lang): string {
  return part.member ? part.member.name : t(lang, 'region.report.regionRow');
}

function funnelCells(part: ReportPart, stages: readonly string[]): string[] {
  return [
    ...stages.map((key) => {
      const row = part.report.funnel.find((f) => f.stage.key === key);
      return row ? String(row.now) : dash;
    }),
    String(part.report.ideas),
  ];
}

function timeCells(part: ReportPart, stages: readonly string[], lang: Lang): string[] {
  return stages.map((key) => {
    const row = part.report.time.find((x) => x.stage.key === key);
    if (!row || row.n === 0) return dash;
    return `${row.median === null ? dash : formatNumber(row.median, lang)} (${row.n})`;
  });
}

function goalText(config: RegistryConfig, g: GoalProgress, lang: Lang): string {
  return goalLine(g, config.stages.find((s) => s.key === g.goal.stage)?.label[lang] ?? g.goal.stage, lang);
}

function grids(r: RegionFigures, lang: Lang): Grid[] {
  const region = r.region;
  const stages = region.config.stages.map((s) => s.key);
  const labels = region.config.stages.map((s) => s.label[lang]);
  const k = region.report.minGroupSize;
  return [
    {
      heading: t(lang, 'region.report.funnelByMember'),
      note: null,
      head: [t(lang, 'region.col.municipality'), ...labels, t(lang, 'report.total')],
      rows: r.members.map((m) => [nameOf(m, lang), ...funnelCells(m, stages)]),
      foot: [nameOf(region, lang), ...funnelCells(region, stages)],
    },
    {
      heading: t(lang, 'region.report.timeByMember'),
      note: t(lang, 'region.report.withheldNote', { k }),
      head: [t(lang, 'region.col.municipality'), ...labels],
      rows: r.members.map((m) => [nameOf(m, lang), ...timeCells(m, stages, lang)]),
      foot: [nameOf(region, lang), ...timeCells(region, stages, lang)],
    },
  ];
}

/** A breakdown's rows as every format shows them: each group by its name, then the pool. */
function breakdownRows(b: RegionBreakdown, lang: Lang): [string, RegionGroup][] {
  const rows: [string, RegionGroup][] = b.groups.map((g) => [groupName(g.label, lang), g]);
  if (b.pooled) rows.push([t(lang, 'report.pooled', { count: b.pooledGroups }), b.pooled]);
  return rows;
}

/** A `--by` breakdown as a grid: a row per group, then the pool; its stage columns are the region's. */
function breakdownGrid(r: RegionFigures, b: RegionBreakdown, lang: Lang): Grid {
  const region = r.region;
  const k = region.report.minGroupSize;
  const title = b.title[lang];
  const row = (label: string, g: RegionGroup) => [
    label,
    String(g.ideas),
    String(g.members),
    String(g.added),
    ...region.config.stages.map((s) => String(g.byStage[s.key] ?? 0)),
  ];
  const rows = breakdownRows(b, lang).map(([label, g]) => row(label, g));
  return {
    heading: t(lang, 'report.by', { field: title, key: b.field }),
    note: t(lang, 'region.report.byNote', { k }),
    head: [
      title,
      t(lang, 'report.ideasCol'),
      t(lang, 'region.col.municipalities'),
      t(lang, 'report.added'),
      ...region.config.stages.map((s) => s.label[lang]),
    ],
    rows,
    foot: null,
    empty: t(lang, 'report.suppressedAll', { k }),
  };
}

/**
 * The cross table of a `--by` field by municipality: the breakdown's rows (its groups and pool, so no smaller group
 * than it shows), a column per member with data, and the row's ideas. A suppressed breakdown shows none of it.
 */
function crossGrid(r: RegionFigures, b: RegionBreakdown, lang: Lang): Grid {
  const k = r.region.report.minGroupSize;
  return {
    heading: t(lang, 'region.report.crossBy', { field: b.title[lang], key: b.field }),
    note: t(lang, 'region.report.crossNote', { k }),
    head: [b.title[lang], ...r.members.map((m) => m.member.name), t(lang, 'report.total')],
    rows: breakdownRows(b, lang).map(([label, g]) => [
      label,
      ...r.members.map((m) => String(g.byMember[m.member.id] ?? 0)),
      String(g.ideas),
    ]),
    foot: null,
    empty: t(lang, 'report.suppressedAll', { k }),
  };
}

function goalLines(r: RegionFigures, lang: Lang): string[] {
  const out: string[] = [];
  for (const m of r.members)
    for (const g of m.report.goals) out.push(`${m.member.name}: ${goalText(m.config, g, lang)}`);
  return out.length === 0 ? [t(lang, 'report.noGoals')] : out;
}

function gridText(g: Grid, c: ChalkInstance): string[] {
  const out: string[] = ['', c.bold(g.heading)];
  if (g.note) out.push(c.dim(`  ${g.note}`));
  if (g.rows.length === 0 && g.empty) return [...out, `  ${g.empty}`];
  const all = [g.head, ...g.rows, ...(g.foot ? [g.foot] : [])];
  const w = g.head.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, i) =>
        i === 0 ? padEnd(cell, w[i] ?? 0) : ' '.repeat(Math.max(0, (w[i] ?? 0) - displayWidth(cell))) + cell,
      )
      .join('  ')
      .trimEnd();
  out.push(`  ${c.dim(line(g.head))}`, ...g.rows.map((row) => `  ${line(row)}`));
  if (g.foot) out.push(`  ${c.bold(line(g.foot))}`);
  return out;
}

export function renderRegionReportText(view: RegionReportView, lang: Lang, c: ChalkInstance, opts: TextOptions) {
  const r = view.report;
  const regionView = { report: r.region.report, config: r.region.config, titles: {} };
  const head = renderReportText(regionView, lang, c, opts).replace(
    /^[^\n]*/,
    c.bold(t(lang, 'region.report.title', { name: r.region.config.name })),
  );
  const out: string[] = [head.trimEnd()];
  for (const b of r.breakdowns ?? [])
    out.push(...gridText(breakdownGrid(r, b, lang), c), ...gridText(crossGrid(r, b, lang), c));
  out.push('', c.bold(t(lang, 'region.report.byMember')));
  for (const g of grids(r, lang)) out.push(...gridText(g, c));
  out.push('', c.bold(t(lang, 'region.report.goalsByMember')), ...goalLines(r, lang).map((l) => `  ${l}`));
  out.push('', c.bold(t(lang, 'region.report.dataTitle')), ...view.ages.map((l) => c.dim(`  ${l}`)));
  return `${out.join('\n')}\n`;
}

const md = (text: string) => mdText(text, Number.POSITIVE_INFINITY);

function gridMarkdown(g: Grid, level: string): string[] {
  const out: string[] = ['', `${level} ${md(g.heading)}`, ''];
  if (g.note) out.push(`*${md(g.note)}*`, '');
  if (g.rows.length === 0 && g.empty) return [...out, md(g.empty)];
  out.push(`| ${g.head.map(md).join(' | ')} |`);
  out.push(`| ${g.head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of g.rows) out.push(`| ${row.map(md).join(' | ')} |`);
  if (g.foot) out.push(`| ${g.foot.map((x) => `**${md(x)}**`).join(' | ')} |`);
  return out;
}

export function renderRegionReportMarkdown(view: RegionReportView, lang: Lang): string {
  const r = view.report;
  const regionView = { report: r.region.report, config: r.region.config, titles: {} };
  const head = renderReportMarkdown(regionView, lang).replace(
    /^[^\n]*/,
    `# ${md(t(lang, 'region.report.title', { name: r.region.config.name }))}`,
  );
  const out: string[] = [head.trimEnd()];
  for (const b of r.breakdowns ?? [])
    out.push(...gridMarkdown(breakdownGrid(r, b, lang), '##'), ...gridMarkdown(crossGrid(r, b, lang), '##'));
  out.push('', `## ${md(t(lang, 'region.report.byMember'))}`);
  for (const g of grids(r, lang)) out.push(...gridMarkdown(g, '###'));
  out.push('', `### ${md(t(lang, 'region.report.goalsByMember'))}`, '');
  out.push(...goalLines(r, lang).map((l) => `- ${md(l)}`));
  out.push('', `### ${md(t(lang, 'region.report.dataTitle'))}`, '');
  out.push(...view.ages.map((l) => `- ${md(l)}`));
  return `${out.join('\n')}\n`;
}

/**
 * `ideas region report --format csv`: the long form of `ideas report --format csv` (one figure a row), with the
 * member in front: the region's own figures first (member empty), then each `--by` breakdown across the region and
 * its cross table by municipality (the same group, one row per member), then each member's figures. The same CSV
 * writer as `ideas report` and `ideas export`: RFC 4180, and a text cell a spreadsheet would run as a formula is
 * guarded.
 */
export function renderRegionReportCsv(r: RegionFigures, lang: Lang, delimiter: string): string {
  const decimalComma = delimiter === ';';
  const rows: CsvCell[][] = [
    [
      t(lang, 'csv.report.member'),
      t(lang, 'csv.report.name'),
      t(lang, 'csv.report.municipality'),
      ...reportCsvHeader(lang),
    ],
  ];
  const count = (n: number): CsvCell => ({ literal: formatNumberCsv(n, decimalComma) });
  const viewOf = (part: ReportPart) => ({ report: part.report, config: part.config, titles: {} });
  const written = reportCsvWords(r.region.config, {}, lang);
  for (const row of reportCsvRows(viewOf(r.region), lang, decimalComma)) rows.push(['', '', '', ...row]);
  for (const b of r.breakdowns ?? [])
    for (const [label, g] of breakdownRows(b, lang)) {
      const cell = (stage: string, measure: string, n: number): CsvCell[] => [
        ...written('breakdown', b.field, '', label, stage, measure),
        count(n),
      ];
      rows.push(['', '', '', ...cell('', 'ideas', g.ideas)]);
      rows.push(['', '', '', ...cell('', 'members', g.members)]);
      rows.push(['', '', '', ...cell('', 'added', g.added)]);
      for (const s of r.region.config.stages) rows.push(['', '', '', ...cell(s.key, 'ideas', g.byStage[s.key] ?? 0)]);
      for (const m of r.members)
        rows.push([
          m.member.id,
          m.member.name,
          m.member.municipality ?? '',
          ...cell('', 'ideas', g.byMember[m.member.id] ?? 0),
        ]);
    }
  for (const m of r.members)
    for (const row of reportCsvRows(viewOf(m), lang, decimalComma))
      rows.push([m.member.id, m.member.name, m.member.municipality ?? '', ...row]);
  return formatCsv(rows, delimiter, { bom: true });
}
