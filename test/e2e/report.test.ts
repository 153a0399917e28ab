import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, REPO_ROOT, STACK_LINE } from '../helpers/cli.js';
import { readCsv } from '../helpers/csv.js';
import { copyToTemp, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** The example ends on this day; --until fixes it, so the figures do not move with the clock. */
const UNTIL = ['--until', '2026-11-23'];
/** Every name in the example: none may appear in a public report. */
const PEOPLE = [
  'Anna Berg',
  'Johan Ek',
  'Sara Nyberg',
  'Eva Holm',
  'Leila Haddad',
  'Karin Öhman',
  'Idérådet',
  'Maria Sjölund',
];

let dir: string;
beforeAll(() => {
  dir = copyToTemp(path.join(REPO_ROOT, 'examples', 'sundsvall'));
});

interface ReportDoc {
  kind: string;
  ideas: number;
  funnel: { stage: string; now: number; entered: number; left: number }[];
  timeInStage: {
    stage: string;
    stays: number;
    median: number | null;
    p90: number | null;
    waiting: { id: string; days: number; personal: Record<string, string | null> | null }[];
  }[];
  goals: { id: string; reached: number; target: number; percent: number }[];
  funds: { total: number };
  aggregates: {
    field: string;
    by: string | null;
    total: { contributors: number; sums: Record<string, number> | null };
  }[];
  breakdowns: { field: string; groups: { value: string | null; ideas: number }[] }[];
}

describe('ideas report', () => {
  it('computes the funnel, the time in stage, the goal, the funds and the summed team composition of the example', () => {
    const r = ideas(['report', ...UNTIL, '--json', '--by', 'challenge'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<ReportDoc>(r);
    expect(doc.kind).toBe('report');
    expect(doc.ideas).toBe(10);
    expect(doc.funnel.map((f) => [f.stage, f.now, f.entered, f.left])).toEqual([
      ['idea', 2, 10, 8],
      ['refinement', 2, 7, 5],
      ['test', 2, 4, 2],
      ['evaluation', 1, 2, 1],
      ['spread', 1, 1, 0],
      ['parked', 1, 1, 0],
      ['rejected', 1, 1, 0],
    ]);
    // Test: Mät matsvinnet 2025-04-16 → 2026-01-19 (278 days), Elcyklar 2025-03-26 → 2025-11-03 (222 days).
    expect(doc.timeInStage.find((x) => x.stage === 'test')).toMatchObject({ stays: 2, median: 250, p90: 272.4 });
    expect(
      doc.timeInStage.find((x) => x.stage === 'evaluation')?.waiting.map((w) => [w.id, w.days, w.personal]),
    ).toEqual([['sund-0xxk9h', 308, null]]);
    expect(doc.goals).toEqual([expect.objectContaining({ id: 'tested-40', reached: 4, target: 40, percent: 10 })]);
    expect(doc.funds.total).toBe(450000);
    expect(doc.aggregates.find((a) => a.by === null)?.total).toEqual({
      group: null,
      label: null,
      contributors: 6,
      sums: { women: 34, men: 11, other: 1 },
    });
    expect(doc.breakdowns[0]?.groups.map((g) => [g.value, g.ideas])).toEqual([
      ['klimat', 4],
      ['kompetensforsorjning', 2],
      ['valfard', 2],
      ['landsbygd', 1],
      ['trygghet', 1],
    ]);
  });

  it('names no one in any format, and prints text without bars or colour when not on a terminal', () => {
    for (const format of ['text', 'md', 'csv', 'json']) {
      const r = ideas(['report', ...UNTIL, '--format', format, '--by', 'unit'], { cwd: dir });
      expect(r.code, `${format}: ${describeRun(r)}`).toBe(0);
      for (const name of PEOPLE) expect(r.stdout, format).not.toContain(name);
    }
    const sv = ideas(['report', ...UNTIL], { cwd: dir });
    expect(sv.stdout).toContain('Tratten');
    expect(sv.stdout).toContain(
      'Minst 40 idéer testade: 4 av 40 (10 %) har nått Test · senast 2027-06-30, 219 dagar kvar',
    );
    expect(sv.stdout).not.toMatch(/[█░]/);
    expect(sv.stdout).not.toContain('\x1b[');
    const en = ideas(['report', ...UNTIL, '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain(
      'At least 40 ideas tested: 4 of 40 (10%) have reached Test · by 2027-06-30, 219 days left',
    );
  });

  // Found by a newcomer: --by took raw keys only, where a coordinator reads the labels.
  it('takes --by a field by its label as well as by its key, and lists each field with its label when unknown', () => {
    const byKey = ideas(['report', ...UNTIL, '--json', '--by', 'unit'], { cwd: dir });
    const byLabel = ideas(['report', ...UNTIL, '--json', '--by', 'enhet eller förvaltning'], { cwd: dir });
    expect(byLabel.code, byLabel.stderr).toBe(0);
    expect(byLabel.stdout).toBe(byKey.stdout);
    const unknown = ideas(['report', '--by', 'Enhet'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unit (Enhet eller förvaltning)');
  });

  it('writes CSV for Swedish Excel, one figure a row', () => {
    const r = ideas(['report', ...UNTIL, '--format', 'csv'], { cwd: dir });
    const read = readCsv(r.stdout, ';');
    expect(read.bom).toBe(true);
    expect(read.rows[0]).toEqual(['avsnitt', 'fält', 'per', 'grupp', 'steg', 'mått', 'värde']);
    expect(read.rows).toContainEqual(['tratt', '', '', '', 'Test', 'nu', '2']);
    expect(read.rows).toContainEqual(['tid i steget', '', '', '', 'Test', '90:e percentil (dagar)', '272,4']);
  });

  it('reports a past period from the histories', () => {
    const r = ideas(['report', '--since', '2025-01-01', '--until', '2025-12-31', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<ReportDoc>(r);
    // Ideas created by the end of 2025: Elcyklar, Mät matsvinnet, Robotgräsklippare, Trygghetsvandringar, Sommarjobb.
    expect(doc.ideas).toBe(5);
    expect(doc.funnel.filter((f) => f.now > 0).map((f) => [f.stage, f.now])).toEqual([
      ['refinement', 1],
      ['test', 1],
      ['evaluation', 1],
      ['parked', 1],
      ['rejected', 1],
    ]);
    expect(doc.funds.total).toBe(235000);
  });

  it('says a period without ideas in words, not as a breakdown header over no rows', () => {
    const r = ideas(['report', '--since', '2020-01-01', '--until', '2020-06-30', '--by', 'unit'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Per Enhet eller förvaltning'));
    expect(section.split('\n').slice(0, 3)).toEqual([
      'Per Enhet eller förvaltning (unit)',
      '  Inga idéer under perioden.',
      '',
    ]);
  });

  it("breaks down by a personal field only in an internal report, which names the waiting ideas' carriers", () => {
    const refused = ideas(['report', '--by', 'coach'], { cwd: dir });
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(refused.stderr).toContain('personuppgifter');
    expect(refused.stderr).toContain('--include-personal');
    const internal = ideas(['report', ...UNTIL, '--by', 'coach', '--include-personal', '--json'], { cwd: dir });
    expect(internal.code, describeRun(internal)).toBe(0);
    const doc = parseJson<ReportDoc>(internal);
    expect(doc.breakdowns[0]?.groups.map((g) => [g.value, g.ideas])).toEqual([
      ['Johan Ek', 4],
      ['Sara Nyberg', 3],
      [null, 3],
    ]);
    expect(doc.timeInStage.find((x) => x.stage === 'evaluation')?.waiting[0]?.personal).toEqual({
      carrier: 'Per Lindqvist',
      coach: 'Johan Ek',
    });
  });

  it.each([
    { name: 'a date that is not one', args: ['report', '--since', '2026-02-30'], says: '--since' },
    {
      name: 'a period that ends before it starts',
      args: ['report', '--since', '2026-06-01', '--until', '2026-01-01'],
      says: '2026-06-01',
    },
    { name: 'an unknown field', args: ['report', '--by', 'kommun'], says: 'kommun' },
    { name: 'a compound field', args: ['report', '--by', 'team_gender'], says: 'team_gender' },
    { name: 'an unknown format', args: ['report', '--format', 'pdf'], says: 'pdf' },
  ])('refuses $name: exit 2, nothing on stdout', ({ args, says }) => {
    const r = ideas(args, { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('says when files could not be read, and reports the rest', () => {
    const broken = copyToTemp(dir);
    fs.writeFileSync(path.join(broken, 'ideas', '01-ide', 'sund-xxxxxx-trasig.md'), '---\ntitle: [oj\n---\n');
    const r = ideas(['report', ...UNTIL, '--json'], { cwd: broken });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<ReportDoc>(r).ideas).toBe(10);
    expect(r.stderr).toContain('1 fil kunde inte läsas');
  });
});
