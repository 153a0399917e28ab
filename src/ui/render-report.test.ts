import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/sluice/config.js';
import { toIdea } from '../core/sluice/idea.js';
import { classifyFields } from '../core/criteria/personal-data.js';
import { buildReport } from '../core/report/report.js';
import { readPackageSchema } from '../io/schemas.js';
import { readCsv } from '../../test/helpers/csv.js';
import { exportCell } from './render-export.js';
import { bar, renderReportCsv, renderReportMarkdown, renderReportText, type ReportView } from './render-report.js';
import { reportDocument } from './dto.js';
import type { Registry } from '../io/registry.js';

const config = normalizeConfig({
  name: 'Sluss | test',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01', label: { sv: 'Idé', en: 'Idea' }, next: ['test'], criteria: 'c.json' },
    {
      key: 'test',
      folder: '02',
      label: { sv: 'Test', en: 'Test' },
      next: [],
      criteria: 'c.json',
      funding: true,
      limitDays: 10,
    },
  ],
  goals: [{ id: 'g', label: { sv: 'Två testade', en: 'Two tested' }, stage: 'test', target: 2, by: '2026-12-31' }],
});
const stage = (key: string) => config.stages.find((s) => s.key === key) ?? config.stages[0]!;
const idea = (
  id: string,
  key: string,
  created: string,
  moves: [string, string, string, number?][],
  fields: Record<string, unknown> = {},
) =>
  toIdea(
    {
      data: {
        id,
        title: `Idé ${id}`,
        created,
        carrier: 'Anna Berg',
        ...fields,
        history: [
          { date: created, action: 'created', to: 'idea' },
          ...moves.map(([date, from, to, amount]) => ({
            date,
            action: 'moved',
            from,
            to,
            by: 'Rådet',
            ...(amount ? { amount } : {}),
          })),
        ],
      },
      body: '',
    },
    stage(key),
    `ideas/${id}.md`,
    `/r/ideas/${id}.md`,
  );
const ideas = [
  idea('s-aaaaaa', 'test', '2026-01-01', [['2026-01-11', 'idea', 'test', 1500.5]], { unit: 'Vård', team: 3 }),
  idea('s-bbbbbb', 'test', '2026-01-01', [['2026-01-31', 'idea', 'test']], { unit: 'Vård', team: 2 }),
  idea('s-cccccc', 'idea', '2026-02-01', [], { unit: 'Skola|Fritid', team: 1 }),
];
const classes = classifyFields([
  readPackageSchema('idea'),
  { properties: { team: { type: 'integer', 'x-aggregate': true } } },
]);
const report = buildReport(config, ideas, classes, {
  since: null,
  until: '2026-03-01',
  today: '2026-03-01',
  by: ['unit'],
  includePersonal: false,
  minGroupSize: 2,
});
const view: ReportView = {
  report,
  config,
  titles: { unit: { sv: 'Enhet', en: 'Unit' }, team: { sv: 'Teamet', en: 'The team' } },
};
const plain = new Chalk({ level: 0 });

describe('renderReportText', () => {
  // Found by a newcomer: a region's report said "–" (nothing missing) for a forced idea whose gaps it cannot know.
  it('says an override whose missing fields are not known so, never "–"', () => {
    const row = (missing: string[] | null) => ({
      id: 's-aaaaaa',
      title: 'A',
      path: 'ideas/s-aaaaaa.md',
      stage: stage('test'),
      date: '2026-01-11',
      action: 'moved',
      missing,
      personal: null,
    });
    const text = (missing: string[] | null) =>
      renderReportText({ ...view, report: { ...report, overrides: [row(missing)] } }, 'sv', plain, {
        bars: false,
        width: 120,
      });
    expect(text(null)).toMatch(/s-aaaaaa +A +Test +2026-01-11 +inte känt här/);
    expect(text([])).toMatch(/s-aaaaaa +A +Test +2026-01-11 +inget längre/);
  });

  it('draws the funnel and the time in stage as bars only when asked (a terminal), without colour at level 0', () => {
    const withBars = renderReportText(view, 'sv', plain, { bars: true, width: 100 });
    const without = renderReportText(view, 'sv', plain, { bars: false, width: 100 });
    expect(withBars).toMatch(/Test +2 +2 +0 +█+$/m);
    // The time in test: median 40 (10 and 40… the 90th percentile beyond it in light shade.
    expect(withBars).toMatch(/Idé +2 +20 +2[0-9,]+ +– +█+[▏▎▍▌▋▊▉]?░+$/m);
    expect(without).not.toMatch(/[█░]/);
    expect(withBars).not.toContain('\x1b[');
    expect(renderReportText(view, 'sv', new Chalk({ level: 1 }), { bars: true, width: 100 })).toContain('\x1b[36m█');
  });

  it('names no person, shows the waiting ideas and the goal, in the language asked', () => {
    const en = renderReportText(view, 'en', plain, { bars: false, width: 80 });
    expect(en).toContain("Waiting longer than the stage's limit");
    expect(en).toMatch(/s-aaaaaa +Idé s-aaaaaa +Test +2026-01-11 +49 +10/);
    expect(en).toContain('Two tested: 2 of 2 (100%) have reached Test (met)');
    expect(en).not.toContain('Anna');
    expect(en).not.toContain('Rådet');
  });
});

describe('bar', () => {
  it.each([
    [10, 10, 4, '████'],
    [5, 10, 4, '██'],
    [1, 10, 4, '▍'],
    [0, 10, 4, ''],
    [0.01, 10, 4, '▏'],
  ])('%d of %d in %d columns: %j', (v, max, w, expected) => expect(bar(v, max, w)).toBe(expected));
});

describe('renderReportMarkdown', () => {
  it('gives each section a heading and a table, escaping pipes', () => {
    const md = renderReportMarkdown(view, 'sv');
    expect(md).toMatch(/^# Sluss \\\| test: rapport$/m);
    expect(md).toContain('| Steg | Nu | In | Ut |\n| --- | ---: | ---: | ---: |\n| Idé | 1 | 3 | 2 |');
    expect(md).toContain('| Skola\\|Fritid |');
    expect(md).toContain('- Två testade: 2 av 2 (100 %) har nått Test (uppnått)');
  });
});

describe('renderReportCsv', () => {
  it('is one figure a row, read back by an independent parser, with a BOM and decimal commas after ;', () => {
    const read = readCsv(renderReportCsv(view, 'sv', ';'), ';');
    expect(read.bom).toBe(true);
    // In the registry's language: the columns, sections and measures in words, stages and fields by their labels.
    expect(read.rows[0]).toEqual(['avsnitt', 'fält', 'per', 'grupp', 'steg', 'mått', 'värde']);
    expect(read.rows).toContainEqual(['tratt', '', '', '', 'Test', 'nu', '2']);
    expect(read.rows).toContainEqual(['medel', '', '', '', 'Test', 'belopp', '1500,5']);
    expect(read.rows).toContainEqual(['fördelning', 'Enhet', '', 'Skola|Fritid', '', 'idéer', '1']);
    // Vård (2 ideas) would be the total less the lone Skola idea: both are pooled, and only the total is shown.
    expect(read.rows.filter((r) => r[0] === 'summering' && r[2] === 'Enhet')).toEqual([
      ['summering', 'Teamet', 'Enhet', 'Totalt', '', 'idéer', '3'],
      ['summering', 'Teamet', 'Enhet', 'Totalt', '', 'summa', '6'],
    ]);
    const en = readCsv(renderReportCsv(view, 'en', ','), ',').rows;
    expect(en[0]).toEqual(['section', 'field', 'by', 'group', 'stage', 'measure', 'value']);
    expect(en).toContainEqual(['funds', '', '', '', 'Test', 'amount', '1500.5']);
    expect(en).toContainEqual(['time in stage', '', '', '', 'Idea', 'median (days)', expect.any(String)]);
    // No key where a word belongs, in either language.
    for (const rows of [read.rows, en])
      for (const row of rows) expect(row.slice(0, 6).join(' '), row.join(';')).not.toMatch(/limitDays|daysLeft|p90\b/);
  });
});

describe('reportDocument', () => {
  it('is a versioned report with labels in the language, and no one named', () => {
    const registry = { root: '/r', configPath: '/r/ideas.config.yaml', config } as Registry;
    const doc = reportDocument(registry, report, view.titles, 'en');
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'report',
      registry: { name: 'Sluss | test', language: 'sv' },
      ideas: 3,
      minGroupSize: 2,
    });
    expect(doc.funnel[1]).toEqual({ stage: 'test', label: 'Test', now: 2, entered: 2, left: 0 });
    expect(doc.timeInStage[1]?.waiting.map((w) => [w.id, w.days, w.personal])).toEqual([
      ['s-aaaaaa', 49, null],
      ['s-bbbbbb', 29, null],
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/Anna|Rådet/);
  });
});

describe('exportCell', () => {
  it.each([
    [null, ''],
    [true, { literal: 'ja' }],
    [2.5, { literal: '2,5' }],
    [-3, { literal: '-3' }],
    // Text, which the CSV writer guards: as a literal it would start like a formula.
    [-Infinity, '-Infinity'],
    [NaN, 'NaN'],
    ['=1', '=1'],
    [['a', true, 3], 'a, ja, 3'],
    [[{ goal: 'x' }], '[{"goal":"x"}]'],
  ])('%j → %j', (value, cell) => expect(exportCell(value as never, 'sv', true)).toEqual(cell));
});
