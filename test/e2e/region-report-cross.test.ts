/**
 * `ideas region report --by <field>`: the cross table of the field by municipality (rows the breakdown's groups,
 * small ones pooled as the breakdown pools them; a column per member), in text, Markdown and JSON; and the region
 * report as CSV, read back by csv-parse: RFC 4180, a text cell a spreadsheet would run as a formula guarded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideas, parseJson } from '../helpers/cli.js';
import { csvObjects, parseCsvWithLibrary, readCsv } from '../helpers/csv.js';
import { addIdea, memberRegistry, mustRunIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** A tag a spreadsheet would run as a formula: the label of a group shown, so it reaches every format. */
const FORMULA = '=HYPERLINK("https://evil.example";"click")';
const AT = '@SUM(1+1)';

let region: string;

function member(prefix: string, ideasOf: [number, string | null][]): string {
  const dir = memberRegistry(prefix);
  let n = 0;
  for (const [count, tag] of ideasOf)
    for (let i = 0; i < count; i++) addIdea(dir, `Idé ${n++}`, 'Text.', tag === null ? [] : [`tags=${tag}`]);
  commitAll(dir, 'ideas');
  return dir;
}

beforeAll(() => {
  // skola: 4 + 2 + 0; FORMULA: 3 + 2 + 0 (both shown: five or more). The pool (each under five, together 7 ideas):
  // park 1 + 0 + 1, AT 0 + 1 + 0, no tag 0 + 1 + 0, spårväg 0 + 0 + 3.
  const lidkoping = member('lidk', [
    [4, 'skola'],
    [3, FORMULA],
    [1, 'park'],
  ]);
  const skovde = member('skov', [
    [2, 'skola'],
    [2, FORMULA],
    [1, AT],
    [1, null],
  ]);
  const mariestad = member('mari', [
    [1, 'park'],
    [3, 'spårväg'],
  ]);
  region = makeTempRepo();
  writeRegionFile(region, [
    { id: 'lidkoping', name: 'Lidköping', url: lidkoping, extra: '    municipality: "1494"\n' },
    { id: 'skovde', name: 'Skövde', url: skovde, extra: '    municipality: "1496"\n' },
    { id: 'mariestad', name: 'Mariestad', url: mariestad, extra: '    municipality: "1493"\n' },
  ]);
  commitAll(region, 'region');
  mustRunIn(region, ['region', 'sync']);
}, 120_000);

interface Group {
  label: string | null;
  ideas: number;
  byMember: Record<string, number>;
}
interface Doc {
  report: { breakdowns: { field: string; groups: Group[]; pooled: Group | null; pooledGroups: number }[] };
}

describe('ideas region report --by: the field by municipality', () => {
  it('counts each group per member, the pool as pooled for the region, in JSON', () => {
    const doc = parseJson<Doc>(mustRunIn(region, ['region', 'report', '--by', 'tags', '--json']));
    const [tags] = doc.report.breakdowns;
    expect(tags?.groups.map((g) => [g.label, g.ideas, g.byMember])).toEqual([
      ['skola', 6, { lidkoping: 4, skovde: 2, mariestad: 0 }],
      [FORMULA, 5, { lidkoping: 3, skovde: 2, mariestad: 0 }],
    ]);
    expect(tags?.pooledGroups).toBe(4);
    expect(tags?.pooled).toMatchObject({ ideas: 7, byMember: { lidkoping: 1, skovde: 2, mariestad: 4 } });
  });

  it('lays the cross table out in Markdown and text, no group smaller than the breakdown shows', () => {
    const md = mustRunIn(region, ['region', 'report', '--by', 'tags', '--format', 'md']).stdout;
    expect(md).toContain('## Tags (tags) by municipality');
    expect(md).toContain('| Tags | Lidköping | Skövde | Mariestad | Total |');
    expect(md).toContain('| skola | 4 | 2 | 0 | 6 |');
    expect(md).toContain('| (others: 4 groups) | 1 | 2 | 4 | 7 |');
    for (const small of ['park', 'spårväg', 'SUM']) expect(md).not.toContain(small);
    const text = mustRunIn(region, ['region', 'report', '--by', 'tags']).stdout;
    expect(text).toContain('Tags (tags) by municipality');
    expect(text).toMatch(/Tags +Lidköping +Skövde +Mariestad +Total/);
    expect(text).toMatch(/skola +4 +2 +0 +6/);
    const sv = ideas(['--lang', 'sv', 'region', 'report', '--by', 'tags'], { cwd: region });
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/per kommun/);
    expect(sv.stdout).toMatch(/skola +4 +2 +0 +6/);
  });

  it('shows nothing of a member whose ideas are fewer than the threshold', () => {
    const md = mustRunIn(region, [
      'region',
      'report',
      '--member',
      'mariestad',
      '--by',
      'tags',
      '--format',
      'md',
    ]).stdout;
    expect(md).toContain('## Tags (tags) by municipality');
    expect(md.match(/Fewer than 5 ideas give this, so nothing is shown/g)).toHaveLength(2);
    expect(md).not.toContain('spårväg');
  });
});

describe('ideas region report --format csv', () => {
  it('is one figure a row, the member first, read back by csv-parse; formulas guarded', () => {
    const r = mustRunIn(region, ['region', 'report', '--by', 'tags', '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const read = readCsv(r.stdout, ',');
    expect(read.rows[0]).toEqual([
      'member',
      'name',
      'municipality',
      'section',
      'field',
      'by',
      'group',
      'stage',
      'measure',
      'value',
    ]);
    // Every row as long as the header (strict parse).
    expect(parseCsvWithLibrary(r.stdout, ',').length).toBe(read.rows.length);
    const rows = csvObjects(read);
    const find = (m: string, section: string, group: string, measure: string, stage = '') =>
      rows.filter(
        (x) =>
          x.member === m && x.section === section && x.group === group && x.measure === measure && x.stage === stage,
      );
    // The region's own figures (member empty) and each member's, as `ideas report --format csv` gives them.
    expect(find('', 'period', '', 'ideas').map((x) => x.value)).toEqual(['18']);
    expect(find('lidkoping', 'period', '', 'ideas')).toEqual([
      expect.objectContaining({ name: 'Lidköping', municipality: '1494', value: '8' }),
    ]);
    expect(find('mariestad', 'funnel', '', 'now', 'Idea').map((x) => x.value)).toEqual(['4']);
    // The breakdown across the region, and its cross table: one row per member.
    expect(find('', 'breakdown', 'skola', 'ideas').map((x) => x.value)).toEqual(['6']);
    expect(find('', 'breakdown', 'skola', 'members').map((x) => x.value)).toEqual(['2']);
    expect(['lidkoping', 'skovde', 'mariestad'].map((m) => find(m, 'breakdown', 'skola', 'ideas')[0]?.value)).toEqual([
      '4',
      '2',
      '0',
    ]);
    expect(find('mariestad', 'breakdown', '(others: 4 groups)', 'ideas')[0]).toMatchObject({
      municipality: '1493',
      field: 'tags',
      value: '4',
    });
    // The formula is text: one apostrophe in front, quoted; no cell a spreadsheet would run.
    expect(find('skovde', 'breakdown', `'${FORMULA}`, 'ideas').map((x) => x.value)).toEqual(['2']);
    expect(r.stdout).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    for (const row of read.rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-\D/);
    for (const small of ['park', 'spårväg', 'SUM']) expect(r.stdout).not.toContain(small);
  });

  it("splits a Swedish region's file on semicolons, as `ideas report` does", () => {
    const file = path.join(region, 'ideas.region.yaml');
    const text = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, text.replace('languages: [en]', 'languages: [sv]'));
      const r = ideas(['region', 'report', '--by', 'tags', '--format', 'csv'], { cwd: region });
      expect(r.code).toBe(0);
      const read = readCsv(r.stdout, ';');
      // In Swedish all the way: the columns in words of Swedish, as the report of one registry gives them.
      expect(read.rows[0]).toEqual([
        'medlem',
        'namn',
        'kommun',
        'avsnitt',
        'fält',
        'per',
        'grupp',
        'steg',
        'mått',
        'värde',
      ]);
      const rows = csvObjects(read);
      expect(rows.find((x) => x.medlem === 'skovde' && x.grupp === 'skola')?.värde).toBe('2');
      expect(rows.some((x) => (x.grupp ?? '').startsWith('(övriga: 4 grupper)'))).toBe(true);
    } finally {
      fs.writeFileSync(file, text);
    }
  });
});
