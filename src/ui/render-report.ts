/**
 * `ideas report` as text for a terminal (bar charts when stdout is one), Markdown for documents and wikis, and CSV
 * in long form (one figure a row) for spreadsheets' pivot tables. Every renderer shows the same figures.
 */
import { formatDecimal } from '../core/i18n/number-format.js';
import type { ChalkInstance } from 'chalk';
import type { RegistryConfig } from '../core/sluice/config.js';
import { stageLabelOf } from '../core/sluice/stage-lookup.js';
import { formatCsv, formatNumberCsv, type CsvCell } from '../core/exchange/csv.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import { isMessageKey, type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { formatAmount } from '../core/history/minutes.js';
import {
  groupLabel,
  type AggregateRow,
  type AggregateTable,
  type Breakdown,
  type GoalProgress,
  type Group,
  type Report,
} from '../core/report/report.js';
import { displayWidth, padEnd } from './text-width.js';
import { mdText } from './markdown-text.js';

export interface ReportView {
  report: Report;
  config: RegistryConfig;
  titles: FieldTitles;
}

type Align = 'l' | 'r';

interface Table {
  head: string[];
  align: Align[];
  rows: string[][];
  /** Rows set apart at the end, such as a total. */
  foot?: string[][];
}

export function formatNumber(n: number, lang: Lang): string {
  return formatDecimal(n, lang, 1);
}

const dash = '–';
const num = (n: number | null, lang: Lang) => (n === null ? dash : formatNumber(n, lang));

function title(view: ReportView, path: string, lang: Lang): string {
  return view.titles[path]?.[lang] ?? path;
}

function stageLabel(view: ReportView, key: string | null, lang: Lang): string {
  return view.config.stages.find((s) => s.key === key)?.label[lang] ?? key ?? '';
}

/**
 * A group's name as every report shows it (a registry's and a region's): its label, yes or no for a boolean, a word
 * for ideas without one.
 */
export function groupName(label: string | null, lang: Lang): string {
  return label === null
    ? t(lang, 'report.notGiven')
    : label === 'true'
      ? t(lang, 'yes')
      : label === 'false'
        ? t(lang, 'no')
        : label;
}

function valueLabel(view: ReportView, field: string, value: string | null, lang: Lang): string {
  if (value === null || value === 'true' || value === 'false') return groupName(value, lang);
  return groupLabel(view.config, field, value)[lang];
}

function periodText(r: Report, lang: Lang): string {
  return r.period.since === null
    ? t(lang, 'report.periodUntil', { until: r.period.until })
    : t(lang, 'report.period', { since: r.period.since, until: r.period.until });
}

/** The sections as tables, in the order every format shows them. */
interface Section {
  heading: string;
  note?: string;
  table: Table | null;
  /** Lines instead of (or after) a table. */
  lines?: string[];
  /** Show the lines as a list in Markdown. */
  list?: boolean;
  /** Bars to draw beside the rows in a terminal: a value per row and, for time in stage, a second (the 90th percentile). */
  bars?: { values: (number | null)[]; outer?: (number | null)[] };
}

function sections(view: ReportView, lang: Lang): Section[] {
  const r = view.report;
  const out: Section[] = [];
  out.push({
    heading: t(lang, 'report.funnel'),
    note: t(lang, 'report.funnelNote'),
    table: {
      head: [t(lang, 'report.stage'), t(lang, 'report.now'), t(lang, 'report.entered'), t(lang, 'report.left')],
      align: ['l', 'r', 'r', 'r'],
      rows: r.funnel.map((f) => [f.stage.label[lang], String(f.now), String(f.entered), String(f.left)]),
      foot: [[t(lang, 'report.total'), String(r.ideas), '', '']],
    },
    bars: { values: r.funnel.map((f) => f.now) },
  });
  out.push({
    heading: t(lang, 'report.time'),
    note: t(lang, 'report.timeNote'),
    table: {
      head: [
        t(lang, 'report.stage'),
        t(lang, 'report.stays'),
        t(lang, 'report.median'),
        t(lang, 'report.p90'),
        t(lang, 'report.limit'),
      ],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: r.time.map((x) => [
        x.stage.label[lang],
        String(x.n),
        num(x.median, lang),
        num(x.p90, lang),
        x.limitDays === null ? dash : String(x.limitDays),
      ]),
    },
    bars: { values: r.time.map((x) => x.median), outer: r.time.map((x) => x.p90) },
  });
  const waiting = r.time.flatMap((x) => x.waiting);
  out.push({
    heading: t(lang, 'report.waiting'),
    table:
      waiting.length === 0
        ? null
        : {
            head: [
              t(lang, 'report.id'),
              t(lang, 'report.titleCol'),
              t(lang, 'report.stage'),
              t(lang, 'report.since'),
              t(lang, 'report.days'),
              t(lang, 'report.limit'),
              ...(r.includePersonal ? [t(lang, 'report.carrier'), t(lang, 'report.coach')] : []),
            ],
            align: ['l', 'l', 'l', 'l', 'r', 'r', 'l', 'l'],
            rows: waiting.map((w) => [
              w.id ?? w.path ?? '',
              w.title ?? '',
              w.stage.label[lang],
              w.since,
              String(w.days),
              String(w.stage.limitDays ?? dash),
              ...(w.personal ? [w.personal.carrier ?? '', w.personal.coach ?? ''] : []),
            ]),
          },
    lines: waiting.length === 0 ? [t(lang, 'report.noneWaiting')] : undefined,
  });
  const overrides = r.overrides;
  out.push({
    heading: t(lang, 'report.overrides'),
    note: t(lang, 'report.overridesNote'),
    table:
      overrides.length === 0
        ? null
        : {
            head: [
              t(lang, 'report.id'),
              t(lang, 'report.titleCol'),
              t(lang, 'report.stage'),
              t(lang, 'report.since'),
              t(lang, 'report.overrideMissing'),
              ...(r.includePersonal ? [t(lang, 'report.overrideBy')] : []),
            ],
            align: ['l', 'l', 'l', 'l', 'l', 'l'],
            rows: overrides.map((o) => [
              o.id ?? o.path ?? '',
              o.title ?? '',
              o.stage.label[lang],
              o.date ?? dash,
              // Not known (a past period, or a region's report, which holds no member's criteria): said so, never "–", which
              // reads as nothing missing.
              o.missing === null
                ? t(lang, 'report.overrideMissingUnknown')
                : o.missing.length === 0
                  ? t(lang, 'report.overrideNowMet')
                  : o.missing.map((f) => title(view, f, lang)).join(', '),
              ...(o.personal ? [o.personal.by ?? dash] : []),
            ]),
          },
    lines: overrides.length === 0 ? [t(lang, 'report.noOverrides')] : undefined,
  });
  out.push({
    heading: t(lang, 'report.goals'),
    table: null,
    list: r.goals.length > 0,
    lines:
      r.goals.length === 0
        ? [t(lang, 'report.noGoals')]
        : r.goals.map((g) => goalLine(g, stageLabel(view, g.goal.stage, lang), lang)),
  });
  out.push({
    heading: t(lang, 'report.funds'),
    note: t(lang, 'report.fundsNote'),
    table:
      r.funds.rows.length === 0
        ? null
        : {
            head: [t(lang, 'report.stage'), t(lang, 'report.amount'), t(lang, 'report.ideasCol')],
            align: ['l', 'r', 'r'],
            rows: r.funds.rows.map((f) => [f.stage.label[lang], formatAmount(f.amount, lang), String(f.ideas)]),
            foot: [[t(lang, 'report.total'), formatAmount(r.funds.total, lang), String(r.funds.ideas)]],
          },
    lines: r.funds.rows.length === 0 ? [t(lang, 'report.noFunds')] : undefined,
  });
  for (const b of r.breakdowns) out.push(breakdownSection(view, b, lang));
  for (const a of r.aggregates) out.push(aggregateSection(view, a, lang));
  return out;
}

function breakdownSection(view: ReportView, b: Breakdown, lang: Lang): Section {
  const r = view.report;
  const stages = view.config.stages;
  // An aggregate-only field's groups give their sizes alone (see Group).
  const row = (label: string, g: Group) => [
    label,
    String(g.ideas),
    ...(b.aggregate
      ? []
      : [
          String(g.added ?? 0),
          ...stages.map((s) => String(g.byStage?.[s.key] ?? 0)),
          formatAmount(g.granted ?? 0, lang),
        ]),
  ];
  const rows = b.groups.map((g) => row(valueLabel(view, b.field, g.value, lang), g));
  if (b.pooled) rows.push(row(t(lang, 'report.pooled', { count: b.pooledGroups }), b.pooled));
  const suppressedAll = b.aggregate && b.groups.length === 0 && b.pooled === null;
  // No idea in the period: a sentence, not a table's header over no rows.
  const empty = !suppressedAll && rows.length === 0;
  return {
    heading: t(lang, 'report.by', { field: title(view, b.field, lang), key: b.field }),
    note: b.aggregate ? t(lang, 'report.aggregateNote', { k: r.minGroupSize }) : undefined,
    table:
      suppressedAll || empty
        ? null
        : {
            head: [
              title(view, b.field, lang),
              t(lang, 'report.ideasCol'),
              ...(b.aggregate
                ? []
                : [t(lang, 'report.added'), ...stages.map((s) => s.label[lang]), t(lang, 'report.granted')]),
            ],
            align: ['l', 'r', ...(b.aggregate ? [] : ['r' as Align, ...stages.map((): Align => 'r'), 'r' as Align])],
            rows,
          },
    lines: suppressedAll
      ? [t(lang, 'report.suppressedAll', { k: r.minGroupSize })]
      : empty
        ? [t(lang, 'report.noGroups')]
        : undefined,
  };
}

function aggregateSection(view: ReportView, a: AggregateTable, lang: Lang): Section {
  const r = view.report;
  const keyTitle = (k: string) => (k === '' ? title(view, a.field, lang) : title(view, `${a.field}.${k}`, lang));
  const cells = (x: AggregateRow) => a.keys.map((k) => (x.sums ? formatNumber(x.sums[k] ?? 0, lang) : dash));
  const groupName = (g: string | null) => (a.by === null ? stageLabel(view, g, lang) : valueLabel(view, a.by, g, lang));
  const rows = a.rows.map((x) => [groupName(x.group), String(x.contributors), ...cells(x)]);
  // A pool of every group is the total: shown once, as the total.
  if (a.pooled && a.rows.length > 0)
    rows.push([t(lang, 'report.pooled', { count: a.pooledGroups }), String(a.pooled.contributors), ...cells(a.pooled)]);
  const suppressedAll = a.total.sums === null;
  return {
    heading:
      a.by === null
        ? t(lang, 'report.aggregate', { field: title(view, a.field, lang) })
        : t(lang, 'report.aggregateBy', { field: title(view, a.field, lang), by: title(view, a.by, lang) }),
    note: t(lang, 'report.aggregateNote', { k: r.minGroupSize }),
    table: suppressedAll
      ? null
      : {
          head: [
            a.by === null ? t(lang, 'report.stage') : title(view, a.by, lang),
            t(lang, 'report.ideasCol'),
            ...a.keys.map(keyTitle),
          ],
          align: ['l', 'r', ...a.keys.map((): Align => 'r')],
          rows,
          foot: [[t(lang, 'report.total'), String(a.total.contributors), ...cells(a.total)]],
        },
    lines: suppressedAll
      ? [t(lang, 'report.suppressedAll', { k: r.minGroupSize })]
      : a.withheld === 'overlap'
        ? [t(lang, 'report.withheldOverlap', { k: r.minGroupSize })]
        : a.withheld === 'breakdown'
          ? [t(lang, 'report.withheldBreakdown', { k: r.minGroupSize })]
          : undefined,
  };
}

function widths(table: Table): number[] {
  const all = [table.head, ...table.rows, ...(table.foot ?? [])];
  return table.head.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
}

function line(cells: string[], w: number[], align: Align[]): string {
  return cells
    .map((c, i) =>
      align[i] === 'r' ? ' '.repeat(Math.max(0, (w[i] ?? 0) - displayWidth(c))) + c : padEnd(c, w[i] ?? 0),
    )
    .join('  ')
    .trimEnd();
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` in a scale where `max` fills `width` columns, in whole and eighth blocks. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

/** The bar of a median, and the light part beyond it up to the 90th percentile. */
function spanBar(inner: number, outer: number, max: number, width: number): [string, string] {
  const solid = bar(inner, max, width);
  const total = max <= 0 ? 0 : Math.round((outer / max) * width);
  return [solid, '░'.repeat(Math.max(0, total - displayWidth(solid)))];
}

export interface TextOptions {
  /** Draw bar charts: only on a terminal. */
  bars: boolean;
  width: number;
}

export function renderReportText(view: ReportView, lang: Lang, c: ChalkInstance, opts: TextOptions): string {
  const r = view.report;
  const out: string[] = [
    // A copy with names in it says so first, as the site does: it is the line a reader sees before anything else.
    ...(r.includePersonal ? [c.bold.yellow(t(lang, 'report.internal'))] : []),
    c.bold(t(lang, 'report.title', { name: view.config.name })),
    t(lang, 'report.summary', { period: periodText(r, lang), ideas: r.ideas, added: r.added }),
  ];
  for (const s of sections(view, lang)) {
    out.push('', c.bold(s.heading));
    if (s.note) out.push(c.dim(`  ${s.note}`));
    if (s.table) {
      const w = widths(s.table);
      const used = w.reduce((sum, x) => sum + x, 0) + 2 * (w.length - 1) + 2;
      const room = Math.min(40, opts.width - used - 3);
      const values = s.bars?.values ?? [];
      const outer = s.bars?.outer ?? [];
      const max = Math.max(0, ...values.map((v) => v ?? 0), ...outer.map((v) => v ?? 0));
      out.push(`  ${c.dim(line(s.table.head, w, s.table.align))}`);
      s.table.rows.forEach((row, i) => {
        let text = `  ${line(row, w, s.table?.align ?? [])}`;
        if (opts.bars && s.bars && room >= 8) {
          const v = values[i] ?? null;
          const o = outer[i] ?? null;
          const [solid, light] = o !== null && v !== null ? spanBar(v, o, max, room) : [bar(v ?? 0, max, room), ''];
          text = `${padEnd(text, used)}  ${c.cyan(solid)}${c.dim(light)}`.trimEnd();
        }
        out.push(text);
      });
      for (const f of s.table.foot ?? []) out.push(`  ${c.bold(line(f, w, s.table.align))}`);
    }
    for (const l of s.lines ?? []) out.push(`  ${l}`);
  }
  return `${out.join('\n')}\n`;
}

/** Text in the report's Markdown: group names and labels come from idea files and the config (./markdown-text.ts). */
function mdCell(text: string): string {
  return mdText(text, Number.POSITIVE_INFINITY);
}

export function renderReportMarkdown(view: ReportView, lang: Lang): string {
  const r = view.report;
  const out: string[] = [
    ...(r.includePersonal ? [`> **${mdCell(t(lang, 'report.internal'))}**`, ''] : []),
    `# ${mdCell(t(lang, 'report.title', { name: view.config.name }))}`,
    '',
    t(lang, 'report.summary', { period: periodText(r, lang), ideas: r.ideas, added: r.added }),
  ];
  for (const s of sections(view, lang)) {
    out.push('', `## ${mdCell(s.heading)}`, '');
    if (s.note) out.push(`*${mdCell(s.note)}*`, '');
    if (s.table) {
      const rows = [
        ...s.table.rows.map((row) => row.map(mdCell)),
        ...(s.table.foot ?? []).map((f) => f.map((x) => (x === '' ? '' : `**${mdCell(x)}**`))),
      ];
      out.push(`| ${s.table.head.map(mdCell).join(' | ')} |`);
      out.push(
        `| ${s.table.align
          .slice(0, s.table.head.length)
          .map((a) => (a === 'r' ? '---:' : '---'))
          .join(' | ')} |`,
      );
      for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    }
    if (s.lines) {
      if (s.table) out.push('');
      for (const l of s.lines) out.push(s.list ? `- ${mdCell(l)}` : mdCell(l));
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The report in long form: one figure a row, with the columns section, field, by, group, stage, measure and value,
 * in the registry's language: the columns, sections and measures in words ("tratt", "nu"), stages and fields by their
 * labels. Each word is fixed for its language, so a pivot table built on them keeps working.
 */
export function renderReportCsv(view: ReportView, lang: Lang, delimiter: string): string {
  return formatCsv([reportCsvHeader(lang), ...reportCsvRows(view, lang, delimiter === ';')], delimiter, {
    bom: true,
  });
}

const REPORT_CSV_COLUMNS = ['section', 'field', 'by', 'group', 'stage', 'measure', 'value'] as const;

/** The header of the report's long form, in words of `lang`. */
export function reportCsvHeader(lang: Lang): string[] {
  return REPORT_CSV_COLUMNS.map((c) => t(lang, `csv.report.${c}`));
}

/**
 * A row of the report's long form as written: the section and the measure in words of `lang` (a measure without
 * words of its own, such as an aggregate's key, as it is), the stage and the fields by their labels.
 */
export function reportCsvWords(
  config: RegistryConfig,
  titles: FieldTitles,
  lang: Lang,
): (section: string, field: string, by: string, group: string, stage: string, measure: string) => string[] {
  const words = (prefix: string, key: string) => {
    const k = `${prefix}.${key}`;
    return isMessageKey(k) ? t(lang, k) : key;
  };
  const field = (key: string) => (key === '' ? '' : (titles[key]?.[lang] ?? key));
  const stage = (key: string) => (key === '' ? '' : stageLabelOf(config, key)[lang]);
  return (section, f, by, group, st, measure) => [
    words('csv.section', section),
    field(f),
    field(by),
    group,
    stage(st),
    words('csv.measure', measure),
  ];
}

/** The rows of renderReportCsv, without its header: the region report puts its member in front of each. */
export function reportCsvRows(view: ReportView, lang: Lang, decimalComma: boolean): CsvCell[][] {
  const r = view.report;
  const rows: CsvCell[][] = [];
  const written = reportCsvWords(view.config, view.titles, lang);
  const add = (
    section: string,
    field: string,
    by: string,
    group: string,
    stage: string,
    measure: string,
    value: number | string | null,
  ) => {
    if (value === null) return;
    rows.push([
      ...written(section, field, by, group, stage, measure),
      typeof value === 'number' ? { literal: formatNumberCsv(Math.round(value * 100) / 100, decimalComma) } : value,
    ]);
  };
  add('period', '', '', '', '', 'since', r.period.since ?? '');
  add('period', '', '', '', '', 'until', r.period.until);
  add('period', '', '', '', '', 'ideas', r.ideas);
  add('period', '', '', '', '', 'added', r.added);
  for (const f of r.funnel) {
    add('funnel', '', '', '', f.stage.key, 'now', f.now);
    add('funnel', '', '', '', f.stage.key, 'entered', f.entered);
    add('funnel', '', '', '', f.stage.key, 'left', f.left);
  }
  for (const x of r.time) {
    add('time', '', '', '', x.stage.key, 'stays', x.n);
    add('time', '', '', '', x.stage.key, 'median', x.median);
    add('time', '', '', '', x.stage.key, 'p90', x.p90);
    add('time', '', '', '', x.stage.key, 'limitDays', x.limitDays);
    for (const w of x.waiting) add('waiting', '', '', w.id ?? w.path ?? '', x.stage.key, 'days', w.days);
  }
  for (const o of r.overrides) add('override', '', '', o.id ?? o.path ?? '', o.stage.key, 'since', o.date ?? '');
  for (const g of r.goals) {
    add('goal', '', '', g.goal.id, g.goal.stage, 'reached', g.reached);
    add('goal', '', '', g.goal.id, g.goal.stage, 'target', g.goal.target);
    add('goal', '', '', g.goal.id, g.goal.stage, 'percent', g.percent);
    add('goal', '', '', g.goal.id, g.goal.stage, 'by', g.goal.by);
    add('goal', '', '', g.goal.id, g.goal.stage, 'daysLeft', g.daysLeft);
  }
  for (const f of r.funds.rows) {
    add('funds', '', '', '', f.stage.key, 'amount', f.amount);
    add('funds', '', '', '', f.stage.key, 'ideas', f.ideas);
  }
  add('funds', '', '', '', '', 'amount', r.funds.total);
  add('funds', '', '', '', '', 'ideas', r.funds.ideas);
  for (const b of r.breakdowns) {
    const groups: [string, Group][] = b.groups.map((g) => [valueLabel(view, b.field, g.value, lang), g]);
    if (b.pooled) groups.push([t(lang, 'report.pooled', { count: b.pooledGroups }), b.pooled]);
    for (const [label, g] of groups) {
      add('breakdown', b.field, '', label, '', 'ideas', g.ideas);
      // A null (an aggregate-only field's group) is no row: add leaves it out.
      add('breakdown', b.field, '', label, '', 'added', g.added);
      add('breakdown', b.field, '', label, '', 'granted', g.granted);
      for (const s of view.config.stages)
        if (g.byStage) add('breakdown', b.field, '', label, s.key, 'ideas', g.byStage[s.key] ?? 0);
    }
  }
  for (const a of r.aggregates) {
    const groupName = (g: string | null) => (a.by === null ? (g ?? '') : valueLabel(view, a.by, g, lang));
    const rowsOf: [string, string, AggregateRow][] = a.rows.map((x) =>
      a.by === null ? ['', groupName(x.group), x] : [groupName(x.group), '', x],
    );
    if (a.pooled && a.rows.length > 0) rowsOf.push([t(lang, 'report.pooled', { count: a.pooledGroups }), '', a.pooled]);
    rowsOf.push([t(lang, 'report.total'), '', a.total]);
    for (const [group, stage, x] of rowsOf) {
      add('aggregate', a.field, a.by ?? '', group, stage, 'ideas', x.contributors);
      if (x.sums)
        for (const k of a.keys)
          add('aggregate', a.field, a.by ?? '', group, stage, k === '' ? 'sum' : k, x.sums[k] ?? 0);
    }
  }
  return rows;
}

/**
 * A goal in words: its line (label, reached of target, percent, stage), whether it is met, and where it stands
 * against its date ('' when it has none or is met). The text report, the region's and the site say goals with it.
 */
export function goalWords(g: GoalProgress, stage: string, lang: Lang): { line: string; met: boolean; when: string } {
  const line = t(lang, 'report.goalLine', {
    label: g.goal.label[lang],
    reached: g.reached,
    target: g.goal.target,
    percent: g.percent,
    stage,
  });
  const when =
    g.goal.by === null || g.status === 'met'
      ? ''
      : g.daysLeft !== null && g.daysLeft < 0
        ? t(lang, 'report.goalMissed', { by: g.goal.by })
        : t(lang, 'report.goalBy', { by: g.goal.by, days: g.daysLeft ?? 0 });
  return { line, met: g.status === 'met', when };
}

/** A goal on one line of text: its words, "met" when it is, and its date after a dot. */
export function goalLine(g: GoalProgress, stage: string, lang: Lang): string {
  const w = goalWords(g, stage, lang);
  return `${w.line}${w.met ? ` ${t(lang, 'report.goalMet')}` : ''}${w.when ? ` · ${w.when}` : ''}`;
}
