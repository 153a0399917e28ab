import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plainView } from '../../../test/helpers/view.js';
import { classifyFields } from '../../core/criteria/personal-data.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { buildReport } from '../../core/report/report.js';
import { normalizeConfig } from '../../core/sluice/config.js';
import { toIdea } from '../../core/sluice/idea.js';
import { readPackageSchema } from '../../io/schemas.js';
import type { Output } from '../output.js';
import {
  presentExport,
  presentImport,
  presentReport,
  presentSite,
  type ImportView,
  type ReportFormat,
} from './data.js';

const view = plainView('2026-12-01T12:00:00Z');
const config = normalizeConfig({
  name: 'Sluss',
  language: 'sv',
  stages: [{ key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: [], criteria: 'c.json' }],
});
const stage = config.stages[0]!;
const row = (n: number) => ({
  row: n + 1,
  id: `ide-00000${n}`,
  title: `Idé ${n}`,
  stage,
  path: `ideas/01-ide/${n}.md`,
});

/** An import's result: nothing imported from nya.csv, but as `over` says. */
function importView(over: Partial<ImportView>): ImportView {
  return {
    registry: { root: '/r', config },
    lang: 'sv',
    encoding: 'utf-8',
    file: 'nya.csv',
    ok: true,
    dryRun: false,
    written: true,
    staged: false,
    rows: 1,
    imported: [],
    updated: [],
    unchanged: [],
    problems: [],
    invalidRows: [],
    ignoredColumns: [],
    suggestedMaps: [],
    fields: ['title'],
    duplicates: [],
    ...over,
  };
}

/** What `ideas import` says on stderr's last line, after writing `created` new ideas and updating `updated`. */
function lastLine(lang: Lang, created: number, updated: number, staged: boolean): string {
  const r = importView({
    lang,
    staged,
    rows: created + updated + 1,
    imported: Array.from({ length: created }, (_, i) => row(i)),
    updated: Array.from({ length: updated }, (_, i) => row(created + i)),
    unchanged: updated > 0 ? [row(created + updated)] : [],
  });
  const err = presentImport(r, false, view)
    .writes.filter((w) => w.to === 'stderr')
    .map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
    .join('');
  return err.trimEnd().split('\n').pop() ?? '';
}

describe('presentImport', () => {
  it('says the files were staged inside the sentence, agreeing in number in Swedish', () => {
    expect(lastLine('sv', 2, 0, true)).toBe('Importerade 2 idéer från nya.csv (tillagda i git med git add).');
    expect(lastLine('sv', 1, 0, true)).toBe('Importerade 1 idé från nya.csv (tillagd i git med git add).');
    expect(lastLine('en', 2, 0, true)).toBe('Imported 2 ideas from nya.csv (staged with git add).');
    expect(lastLine('en', 1, 0, true)).toBe('Imported 1 idea from nya.csv (staged with git add).');
    expect(lastLine('sv', 0, 2, true)).toBe(
      'Från nya.csv: 0 nya idéer skapade, 2 idéer uppdaterade och 1 idé oförändrad (tillagda i git med git add).',
    );
    expect(lastLine('sv', 0, 1, true)).toBe(
      'Från nya.csv: 0 nya idéer skapade, 1 idé uppdaterad och 1 idé oförändrad (tillagd i git med git add).',
    );
    expect(lastLine('en', 1, 1, true)).toBe(
      'From nya.csv: 1 new idea created, 1 idea updated and 1 idea unchanged (staged with git add).',
    );
  });

  it('ends the sentence as before when nothing was staged', () => {
    expect(lastLine('sv', 2, 0, false)).toBe('Importerade 2 idéer från nya.csv.');
    expect(lastLine('en', 0, 2, false)).toBe(
      'From nya.csv: 0 new ideas created, 2 ideas updated and 1 idea unchanged.',
    );
  });
});

/** What an Output writes to one stream, as one text. */
function written(o: Output, to: 'stdout' | 'stderr'): string {
  return o.writes
    .filter((w) => w.to === to)
    .map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
    .join('');
}

describe('an internal copy (--include-personal) says so in every format', () => {
  const idea = toIdea(
    {
      data: {
        id: 'ide-aaaaaa',
        title: 'Lånecyklar',
        created: '2026-01-01',
        carrier: 'Anna Berg',
        history: [{ date: '2026-01-01', action: 'created', to: 'idea' }],
      },
      body: '',
    },
    stage,
    'ideas/01-ide/ide-aaaaaa.md',
    '/r/ideas/01-ide/ide-aaaaaa.md',
  );
  const classes = classifyFields([readPackageSchema('idea')]);
  const report = (includePersonal: boolean) =>
    buildReport(config, [idea], classes, {
      since: null,
      until: '2026-03-01',
      today: '2026-03-01',
      by: [],
      includePersonal,
      minGroupSize: 2,
    });
  const presented = (includePersonal: boolean, format: ReportFormat, lang: Lang = 'sv') =>
    presentReport(
      { registry: { root: '/r', config }, lang, report: report(includePersonal), titles: {}, unreadable: 0 },
      format,
      view,
    );

  it('report as text and Markdown: a notice as the first line of the report itself', () => {
    expect(written(presented(true, 'text'), 'stdout').split('\n')[0]).toBe(
      'Intern version med personuppgifter. Publicera den inte.',
    );
    expect(written(presented(true, 'text', 'en'), 'stdout').split('\n')[0]).toBe(
      'Internal version with personal data. Do not publish it.',
    );
    const md = written(presented(true, 'md'), 'stdout');
    expect(md.split('\n').slice(0, 3)).toEqual([
      '> **Intern version med personuppgifter. Publicera den inte.**',
      '',
      '# Sluss: rapport',
    ]);
    // Said once, in the document: not again on stderr.
    expect(written(presented(true, 'md'), 'stderr')).toBe('');
  });

  it('report as CSV: the file stays a CSV, the notice goes to stderr', () => {
    const o = presented(true, 'csv');
    expect(written(o, 'stdout')).not.toMatch(/personuppgifter/i);
    expect(written(o, 'stdout').startsWith('\uFEFFavsnitt;')).toBe(true);
    expect(written(o, 'stderr')).toBe('Den här rapporten innehåller personuppgifter: publicera den inte.\n');
  });

  it('a public report says nothing of the kind, in any format', () => {
    for (const format of ['text', 'md', 'csv', 'json'] as const) {
      const o = presented(false, format);
      expect(written(o, 'stdout') + written(o, 'stderr'), format).not.toMatch(/personuppgifter|internal/i);
    }
  });

  it('export as CSV: the notice on stderr, the file as it was; JSON says it in its own field', () => {
    const r = {
      registry: { root: '/r', config },
      lang: 'sv' as const,
      table: { columns: ['id', 'carrier'], rows: [['ide-aaaaaa', 'Anna Berg']] },
      header: ['id', 'Idébärare'],
      delimiter: ';',
      unreadable: 0,
    };
    const internal = presentExport(r, { format: 'csv', includePersonal: true }, view);
    const open = presentExport(r, { format: 'csv', includePersonal: false }, view);
    expect(written(internal, 'stdout')).toBe(written(open, 'stdout'));
    expect(written(internal, 'stderr')).toBe('Den här exporten innehåller personuppgifter: publicera den inte.\n');
    expect(written(open, 'stderr')).toBe('');
    const json = presentExport(r, { format: 'json', includePersonal: true }, view);
    expect(JSON.parse(written(json, 'stdout'))).toMatchObject({ includePersonal: true });
  });
});

describe('paths a command echoes', () => {
  const hostile = '/tmp/site\u001b[31m\u0007\u202e';
  const text = (o: Output, to: 'stdout' | 'stderr') =>
    o.writes
      .filter((w) => w.to === to)
      .map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
      .join('');
  const site = (outIsTTY: boolean) =>
    presentSite(
      {
        registry: { root: '/r', config },
        lang: 'en',
        out: hostile,
        pages: 2,
        files: [],
        includePersonal: false,
        unreadable: 0,
      },
      false,
      { ...view, outIsTTY },
    );

  it("shows a site's folder on a terminal, never obeys it, and gives it as it is to a pipe", () => {
    const onTerminal = site(true);
    expect(text(onTerminal, 'stdout')).toBe('/tmp/site\u241b[31m\u2407<U+202E>\n');
    expect(text(onTerminal, 'stderr')).toContain('Wrote the site to /tmp/site\u241b[31m\u2407<U+202E>: 2 pages.');
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(text(onTerminal, 'stderr')).not.toContain(raw);
    expect(text(site(false), 'stdout')).toBe(`${hostile}\n`);
  });

  // Found from outside: the words module showed the dim colour the presenter gave a parameter as ␛[2m, at a terminal.
  it("keeps its own colours whole at a terminal: no colour goes through a message's parameter", () => {
    const coloured = new Chalk({ level: 1 });
    const r = importView({ lang: 'en', staged: true, imported: [row(0)], rows: 2 });
    const err = text(presentImport(r, false, { ...view, err: coloured, out: coloured }), 'stderr');
    expect(err).toContain('\u001b[32m');
    expect(err).not.toContain('\u241b');
  });

  it("shows an imported file's name, never obeys it", () => {
    const r = importView({
      lang: 'en',
      file: 'in\u001b]0;owned\u0007.csv',
      dryRun: true,
      written: false,
      imported: [row(0)],
    });
    const err = text(presentImport(r, false, view), 'stderr');
    expect(err).toContain('Dry run of in\u241b]0;owned\u2407.csv:');
    for (const raw of ['\u001b', '\u0007']) expect(err).not.toContain(raw);
  });
});
