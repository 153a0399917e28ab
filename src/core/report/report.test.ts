import { describe, expect, it } from 'vitest';
import { normalizeConfig, type RegistryConfig } from '../sluice/config.js';
import { toIdea, type Idea } from '../sluice/idea.js';
import { classifyFields } from '../criteria/personal-data.js';
import { buildReport, type ReportOptions } from './report.js';
import { readPackageSchema } from '../../io/schemas.js';

/**
 * A registry with a planted history, every figure below worked out by hand from these dates (2026 is not a leap
 * year). The clock stands at 2026-06-30.
 *
 *   A  idea 01-01 → refinement 01-11 → test 02-10 (100 000 kr)                         now in test
 *   B  idea 01-05 → refinement 01-25 → test 03-26 (50 000 kr) → evaluation 05-25       now in evaluation
 *   C  idea 02-01 → refinement 03-03                                                   now in refinement
 *   D  idea 03-01 → rejected 03-11                                                     now rejected
 *   E  idea 04-01                                                                      now in idea
 *   F  idea 2025-10-01 → refinement 2025-11-10 → test 2025-12-10 (80 000 kr)
 *        → evaluation 2026-01-09 → spread 04-09                                       now spread
 *   G  no history, created 06-01, in the idea folder
 *   H  created 02-15 into idea; the file was moved into refinement by hand, date unknown
 */
const config: RegistryConfig = normalizeConfig({
  name: 'Planted',
  language: 'sv',
  stages: [
    {
      key: 'idea',
      folder: '01',
      label: { sv: 'Idé', en: 'Idea' },
      next: ['refinement', 'rejected'],
      criteria: 'c.json',
    },
    {
      key: 'refinement',
      folder: '02',
      label: { sv: 'Förädling', en: 'Refinement' },
      next: ['test'],
      criteria: 'c.json',
      limitDays: 60,
    },
    {
      key: 'test',
      folder: '03',
      label: { sv: 'Test', en: 'Test' },
      next: ['evaluation'],
      criteria: 'c.json',
      funding: true,
      limitDays: 180,
    },
    {
      key: 'evaluation',
      folder: '04',
      label: { sv: 'Utvärdering', en: 'Evaluation' },
      next: ['spread'],
      criteria: 'c.json',
      limitDays: 90,
    },
    { key: 'spread', folder: '05', label: { sv: 'Spridning', en: 'Spreading' }, next: [], criteria: 'c.json' },
    { key: 'parked', folder: '90', label: { sv: 'Parkerad', en: 'Parked' }, next: [], criteria: 'c.json' },
    { key: 'rejected', folder: '99', label: { sv: 'Avslagen', en: 'Rejected' }, next: [], criteria: 'c.json' },
  ],
  goals: [
    { id: 'tested-4', label: { sv: 'Fyra testade', en: 'Four tested' }, stage: 'test', target: 4, by: '2026-12-31' },
  ],
});

const criteria = {
  properties: {
    team_gender: {
      type: 'object',
      'x-aggregate': true,
      properties: { women: { type: 'integer' }, men: { type: 'integer' }, other: { type: 'integer' } },
    },
    carrier_gender: { type: 'string', 'x-aggregate': true },
  },
};
const classes = classifyFields([readPackageSchema('idea'), criteria]);

type Move = [date: string, from: string | null, to: string, amount?: number];

function idea(id: string, stage: string, created: string, moves: Move[], fields: Record<string, unknown> = {}): Idea {
  const history = moves.map(([date, from, to, amount]) => ({
    date,
    action: from === null ? 'created' : 'moved',
    ...(from === null ? {} : { from }),
    to,
    by: 'Idérådet',
    ...(amount === undefined ? {} : { amount }),
  }));
  const data = {
    id,
    title: `Idé ${id}`,
    created,
    carrier: `Bärare ${id}`,
    coach: 'Johan Ek',
    ...fields,
    ...(moves.length > 0 ? { history } : {}),
  };
  const st = config.stages.find((s) => s.key === stage);
  if (!st) throw new Error(stage);
  return toIdea({ data, body: '' }, st, `ideas/${st.folder}/${id}.md`, `/r/ideas/${st.folder}/${id}.md`);
}

const ideas: Idea[] = [
  idea(
    't-aaaaaa',
    'test',
    '2026-01-01',
    [
      ['2026-01-01', null, 'idea'],
      ['2026-01-11', 'idea', 'refinement'],
      ['2026-02-10', 'refinement', 'test', 100000],
    ],
    {
      unit: 'Vård',
      team_gender: { women: 3, men: 1 },
      carrier_gender: 'woman',
    },
  ),
  idea(
    't-bbbbbb',
    'evaluation',
    '2026-01-05',
    [
      ['2026-01-05', null, 'idea'],
      ['2026-01-25', 'idea', 'refinement'],
      ['2026-03-26', 'refinement', 'test', 50000],
      ['2026-05-25', 'test', 'evaluation'],
    ],
    {
      unit: 'Vård',
      team_gender: { women: 2, men: 2 },
      carrier_gender: 'woman',
    },
  ),
  idea(
    't-cccccc',
    'refinement',
    '2026-02-01',
    [
      ['2026-02-01', null, 'idea'],
      ['2026-03-03', 'idea', 'refinement'],
    ],
    { unit: 'Vård', team_gender: { women: 1 }, carrier_gender: 'woman' },
  ),
  idea(
    't-dddddd',
    'rejected',
    '2026-03-01',
    [
      ['2026-03-01', null, 'idea'],
      ['2026-03-11', 'idea', 'rejected'],
    ],
    { unit: 'Skola', team_gender: { men: 2 }, carrier_gender: 'man' },
  ),
  idea('t-eeeeee', 'idea', '2026-04-01', [['2026-04-01', null, 'idea']], {
    unit: 'Skola',
    team_gender: { women: 1, men: 1 },
    carrier_gender: 'man',
  }),
  idea(
    't-ffffff',
    'spread',
    '2025-10-01',
    [
      ['2025-10-01', null, 'idea'],
      ['2025-11-10', 'idea', 'refinement'],
      ['2025-12-10', 'refinement', 'test', 80000],
      ['2026-01-09', 'test', 'evaluation'],
      ['2026-04-09', 'evaluation', 'spread'],
    ],
    { unit: 'Vård', team_gender: { women: 4, men: 1, other: 1 }, carrier_gender: 'woman' },
  ),
  idea('t-gggggg', 'idea', '2026-06-01', [], { unit: 'Skola', carrier_gender: 'man' }),
  idea('t-hhhhhh', 'refinement', '2026-02-15', [['2026-02-15', null, 'idea']]),
];

const all: ReportOptions = {
  since: null,
  until: '2026-06-30',
  today: '2026-06-30',
  by: [],
  includePersonal: false,
  minGroupSize: 5,
};
const report = (o: Partial<ReportOptions> = {}) => buildReport(config, ideas, classes, { ...all, ...o });
const byStage = <T extends { stage: { key: string } }>(rows: T[], pick: (r: T) => unknown) =>
  Object.fromEntries(rows.map((r) => [r.stage.key, pick(r)]));

describe('buildReport over all time', () => {
  const r = report();

  it('counts the ideas in each stage now, and those that entered and left each stage', () => {
    expect(r.ideas).toBe(8);
    expect(byStage(r.funnel, (f) => [f.now, f.entered, f.left])).toEqual({
      idea: [2, 8, 5],
      refinement: [2, 4, 3],
      test: [1, 3, 2],
      evaluation: [1, 2, 1],
      spread: [1, 1, 0],
      parked: [0, 0, 0],
      rejected: [1, 1, 0],
    });
  });

  it('counts an idea once for a stage it entered twice, and each of its stays there', () => {
    const back = idea('t-iiiiii', 'idea', '2026-01-01', [
      ['2026-01-01', null, 'idea'],
      ['2026-01-11', 'idea', 'refinement'],
      ['2026-01-21', 'refinement', 'idea'],
      ['2026-02-20', 'idea', 'refinement'],
      ['2026-03-02', 'refinement', 'idea'],
    ]);
    const again = buildReport(config, [back], classes, all);
    expect(byStage(again.funnel, (f) => [f.now, f.entered, f.left])).toMatchObject({
      idea: [1, 1, 1],
      refinement: [0, 1, 1],
    });
    // In `idea`: 10 and 30 days; in `refinement`: 10 and 10.
    expect(byStage(again.time, (x) => [x.n, x.median])).toMatchObject({ idea: [2, 20], refinement: [2, 10] });
  });

  it('gives the median and the 90th percentile of the finished stays, as PERCENTILE.INC does', () => {
    // idea: 10, 10, 20, 30, 40 · refinement: 30, 30, 60 · test: 30, 60 · evaluation: 90
    expect(byStage(r.time, (x) => [x.n, x.median, x.p90])).toEqual({
      idea: [5, 20, 36],
      refinement: [3, 30, 54],
      test: [2, 45, 57],
      evaluation: [1, 90, 90],
      spread: [0, null, null],
      parked: [0, null, null],
      rejected: [0, null, null],
    });
  });

  it('lists the ideas waiting longer than the limit, longest first, without names', () => {
    const refinement = r.time.find((x) => x.stage.key === 'refinement');
    // H has no date for its move by hand: it counts from its creation, as `ideas review` does.
    expect(refinement?.waiting.map((w) => [w.id, w.since, w.days, w.personal])).toEqual([
      ['t-hhhhhh', '2026-02-15', 135, null],
      ['t-cccccc', '2026-03-03', 119, null],
    ]);
    expect(r.time.filter((x) => x.stage.key !== 'refinement').flatMap((x) => x.waiting)).toEqual([]);
  });

  // Found from outside: a move dated `31.05.2025` (refused by validate) was read as the year 31, and the idea listed
  // as waiting 35,015 days; a creation dated `01.02.2025` the same.
  it('counts no waiting from a date that is not a calendar date', () => {
    const moved = idea('t-jjjjjj', 'refinement', '2026-01-01', [
      ['2026-01-01', null, 'idea'],
      ['31.01.2026', 'idea', 'refinement'],
    ]);
    const created = idea('t-kkkkkk', 'refinement', '01.01.2026', []);
    const shaped = idea('t-llllll', 'refinement', '2026-01-01', [
      ['2026-01-01', null, 'idea'],
      ['2026-02-30', 'idea', 'refinement'],
    ]);
    const r = buildReport(config, [moved, created, shaped], classes, all);
    expect(r.time.flatMap((x) => x.waiting)).toEqual([]);
    expect(r.ideas).toBe(3);
  });

  it('names the carrier and coach of waiting ideas only in an internal report', () => {
    const internal = report({ includePersonal: true });
    expect(internal.time.find((x) => x.stage.key === 'refinement')?.waiting[1]?.personal).toEqual({
      carrier: 'Bärare t-cccccc',
      coach: 'Johan Ek',
    });
    expect(JSON.stringify(r)).not.toContain('Bärare');
    expect(JSON.stringify(r)).not.toContain('Johan Ek');
  });

  it('names waiting ideas by a title only where the schemas make titles public', () => {
    const waiting = (r: ReturnType<typeof report>) => r.time.flatMap((x) => x.waiting).map((w) => w.title);
    expect(waiting(r).every((t) => typeof t === 'string' && t !== '')).toBe(true);
    // A registry whose criteria mark the title personal: the public report names the ideas by id alone.
    const hidden = classifyFields([readPackageSchema('idea'), { properties: { title: { 'x-personal': true } } }]);
    const publicReport = buildReport(config, ideas, hidden, all);
    expect(waiting(publicReport)).toEqual([null, null]);
    // Nor by its file, whose name is made from the title.
    expect(publicReport.time.flatMap((x) => x.waiting).map((w) => w.path)).toEqual([null, null]);
    expect(waiting(buildReport(config, ideas, hidden, { ...all, includePersonal: true }))).toEqual(waiting(r));
  });

  // Found from outside: the site names no page by an id the schemas withhold, but the report listed every waiting
  // idea by it.
  it('names waiting ideas by an id only where the schemas make ids public', () => {
    const ids = (r: ReturnType<typeof report>) => r.time.flatMap((x) => x.waiting).map((w) => w.id);
    expect(ids(r)).toEqual(['t-hhhhhh', 't-cccccc']);
    const hidden = classifyFields([readPackageSchema('idea'), { properties: { id: { 'x-personal': true } } }]);
    const publicReport = buildReport(config, ideas, hidden, all);
    expect(ids(publicReport)).toEqual([null, null]);
    // Nor by its file, whose name starts with the id; by its title still, which the schemas make public.
    const waiting = publicReport.time.flatMap((x) => x.waiting);
    expect(waiting.map((w) => w.path)).toEqual([null, null]);
    expect(waiting.map((w) => w.title)).toEqual(r.time.flatMap((x) => x.waiting).map((w) => w.title));
    expect(ids(buildReport(config, ideas, hidden, { ...all, includePersonal: true }))).toEqual(ids(r));
  });

  it('measures a goal by the ideas that have reached its stage, and the days left to its date', () => {
    expect(r.goals.map((g) => [g.goal.id, g.reached, g.percent, g.daysLeft, g.status])).toEqual([
      ['tested-4', 3, 75, 184, 'open'],
    ]);
  });

  it('sums the funds granted per stage and in total', () => {
    expect(r.funds.rows.map((f) => [f.stage.key, f.amount, f.ideas])).toEqual([['test', 230000, 3]]);
    expect([r.funds.total, r.funds.ideas]).toEqual([230000, 3]);
  });
});

// Found from outside: an idea created after today (validate: created/future, "no report counts it") was left out of
// the total and the stages' "now", but its stays entered the funnel and time in stage, and its grant the funds; with
// a period that had ended, it was counted in full.
describe('an idea created after today', () => {
  const future = idea(
    't-ffffff',
    'test',
    '2027-12-28',
    [
      ['2026-01-01', null, 'idea'],
      ['2026-02-01', 'idea', 'refinement'],
      ['2026-03-01', 'refinement', 'test', 90000],
    ],
    { test_plan: 'Plan', manager_support: true },
  );
  it.each([
    ['all time', {}],
    ['a period that has ended', { since: '2026-01-01', until: '2026-03-31' }],
  ])('is counted in nothing over %s', (_name, period: Partial<ReportOptions>) => {
    const without = buildReport(config, ideas, classes, { ...all, ...period });
    expect(buildReport(config, [...ideas, future], classes, { ...all, ...period })).toEqual(without);
  });
});

describe('buildReport, brief', () => {
  it("gives a site's figures as the whole report does, and works out nothing else", () => {
    const whole = report({ by: ['unit'] });
    const brief = report({ by: ['unit'], brief: true });
    const { time, breakdowns, aggregates: _a, overrides: _o, ...figures } = whole;
    expect([time, breakdowns].map((x) => x.length > 0)).toEqual([true, true]);
    expect(brief).toEqual({ ...figures, time: [], breakdowns: [], aggregates: [], overrides: [] });
  });
});

describe('buildReport over a period that has ended', () => {
  const r = report({ since: '2026-01-01', until: '2026-03-31' });

  it('counts each idea in the stage it stood in on the last day, from its history', () => {
    expect(r.ideas).toBe(6);
    expect(r.added).toBe(5);
    expect(byStage(r.funnel, (f) => [f.now, f.entered, f.left])).toEqual({
      idea: [1, 5, 4],
      refinement: [1, 3, 2],
      test: [2, 2, 1],
      evaluation: [1, 1, 0],
      spread: [0, 0, 0],
      parked: [0, 0, 0],
      rejected: [1, 1, 0],
    });
  });

  it('takes only the stays, grants and goals of the period', () => {
    // idea: 10, 20, 30, 10 (F left it in 2025) · refinement: 30, 60 · test: F's 30 · evaluation: F left it in April
    expect(byStage(r.time, (x) => [x.n, x.median])).toMatchObject({
      idea: [4, 15],
      refinement: [2, 45],
      test: [1, 30],
      evaluation: [0, null],
    });
    expect(r.time.flatMap((x) => x.waiting)).toEqual([]);
    expect(r.funds.total).toBe(150000);
    expect(r.goals[0]?.reached).toBe(3);
  });
});

describe('breakdowns', () => {
  it("orders groups of as many ideas by their value in the registry's language", () => {
    const tied = [
      idea('t-aaaaab', 'idea', '2026-03-01', [], { unit: 'Zoo' }),
      idea('t-aaaaac', 'idea', '2026-03-01', [], { unit: 'Ärenden' }),
      idea('t-aaaaad', 'idea', '2026-03-01', [], { unit: 'Bygg' }),
    ];
    const values = (language: 'sv' | 'en') =>
      buildReport({ ...config, language }, tied, classes, {
        ...all,
        by: ['unit'],
        minGroupSize: 1,
      }).breakdowns[0]?.groups.map((g) => g.value);
    expect(values('sv')).toEqual(['Bygg', 'Zoo', 'Ärenden']);
    expect(values('en')).toEqual(['Ärenden', 'Bygg', 'Zoo']);
  });

  // Found from outside: a public report by tags counted a tag "skola, klimat" that no idea has, from a file whose tags
  // were one string (refused by validate), where `ideas list` and the site have no tags for it.
  it('gives a field the schemas make a list no value where an idea holds something else there', () => {
    const tagged = [
      idea('t-aaaaab', 'idea', '2026-03-01', [], { tags: ['skola', 'klimat'] }),
      idea('t-aaaaac', 'idea', '2026-03-01', [], { tags: 'skola, klimat' }),
      idea('t-aaaaad', 'idea', '2026-03-01', [], { tags: 'skola' }),
    ];
    const [tags] = buildReport(config, tagged, classes, { ...all, by: ['tags'], minGroupSize: 1 }).breakdowns;
    expect(tags?.groups.map((g) => [g.value, g.ideas])).toEqual([
      ['klimat', 1],
      ['skola', 1],
      [null, 2],
    ]);
    expect(classes.list('tags')).toBe(true);
    expect(classes.list('unit')).toBe(false);
    expect(classes.list('history')).toBe(true);
  });

  it('counts the ideas per value, per stage, and the funds, with ideas without a value last', () => {
    const [unit] = report({ by: ['unit'] }).breakdowns;
    expect(unit?.groups.map((g) => [g.value, g.ideas, g.granted])).toEqual([
      ['Vård', 4, 230000],
      ['Skola', 3, 0],
      [null, 1, 0],
    ]);
    expect(unit?.groups[0]?.byStage).toEqual({
      idea: 0,
      refinement: 1,
      test: 1,
      evaluation: 1,
      spread: 1,
      parked: 0,
      rejected: 0,
    });
    expect(unit?.pooled).toBeNull();
  });

  it('pools the small groups of an aggregate-only field, and tops the pool up so that none can be worked out', () => {
    // woman 4, man 3, not given 1: with 3 as the threshold the lone idea needs company, and the smallest group gives it.
    const [gender] = report({ by: ['carrier_gender'], minGroupSize: 3 }).breakdowns;
    expect(gender?.groups.map((g) => [g.value, g.ideas, g.byStage])).toEqual([['woman', 4, null]]);
    expect([gender?.pooled?.ideas, gender?.pooledGroups]).toEqual([4, 2]);
    // Nor what was added or granted in each group: with grants public per idea, a group's sum names a funded idea's value.
    expect([
      gender?.groups[0]?.added,
      gender?.groups[0]?.granted,
      gender?.pooled?.added,
      gender?.pooled?.granted,
    ]).toEqual([null, null, null, null]);
    const [unit] = report({ by: ['unit'] }).breakdowns;
    expect(unit?.groups.every((g) => typeof g.added === 'number' && typeof g.granted === 'number')).toBe(true);
  });
});

describe('aggregate-only fields', () => {
  const table = (o: Partial<ReportOptions>, by: string | null) =>
    report(o).aggregates.find((a) => a.field === 'team_gender' && a.by === by);

  it('are summed over every idea that gives them, when at least the threshold do', () => {
    const t = table({}, null);
    expect(t?.keys).toEqual(['women', 'men', 'other']);
    expect(t?.total).toEqual({ group: null, contributors: 6, sums: { women: 11, men: 7, other: 1 } });
    // One idea in each stage: every stage is pooled, and the pool is the total.
    expect(t?.rows).toEqual([]);
    expect(t?.pooled?.sums).toEqual({ women: 11, men: 7, other: 1 });
  });

  it("sum only the keys a schema names: a key typed in (a person's name) is no column of a public report", () => {
    const typed = [
      ...ideas,
      ...['t-typed1', 't-typed2'].map((id) =>
        idea(id, 'idea', '2026-01-01', [], { team_gender: { 'Anna Berg': 1, women: 2 } }),
      ),
    ];
    const keysOf = (includePersonal: boolean) =>
      buildReport(config, typed, classes, { ...all, includePersonal }).aggregates.find(
        (a) => a.field === 'team_gender' && a.by === null,
      )?.keys;
    expect(keysOf(false)).toEqual(['women', 'men', 'other']);
    expect(keysOf(true)).toContain('Anna Berg');
  });

  it('show a group of at least the threshold, and never leave one small group alone in the pool', () => {
    expect(
      table({ by: ['unit'], minGroupSize: 2 }, 'unit')?.rows.map((x) => [x.group, x.contributors, x.sums]),
    ).toEqual([
      ['Vård', 4, { women: 10, men: 4, other: 1 }],
      ['Skola', 2, { women: 1, men: 3, other: 0 }],
    ]);
    // With 3, Skola (2) is too small; shown beside Vård it would be the total less Vård, so both are pooled.
    const three = table({ by: ['unit'], minGroupSize: 3 }, 'unit');
    expect(three?.rows).toEqual([]);
    expect([three?.pooled?.contributors, three?.pooledGroups]).toEqual([6, 2]);
  });

  it('are suppressed altogether when fewer ideas than the threshold give them', () => {
    const t = table({ minGroupSize: 7 }, null);
    expect(t?.total).toEqual({ group: null, contributors: 6, sums: null });
    expect(t?.rows).toEqual([]);
    expect(t?.pooled).toBeNull();
  });

  describe('one breakdown per public report, into groups that share no idea', () => {
    // Five ideas alike and one whose figures must stay hidden: with minGroupSize 5, each table alone pools well.
    const alike = (n: number, fields: Record<string, unknown>) =>
      idea(`t-alike${n}`, 'idea', '2026-01-01', [], { team_gender: { women: 1, men: 1 }, ...fields });
    const sums = (r: ReturnType<typeof buildReport>) =>
      r.aggregates.map((a) => [a.by, a.withheld, a.rows.map((x) => [x.group, x.contributors, x.sums])]);
    const run = (planted: Idea[], by: string[], includePersonal = false) =>
      buildReport(config, planted, classes, { ...all, by, minGroupSize: 5, includePersonal });

    it('gives only the total of a list field, whose groups an idea counts in twice', () => {
      // By tags, b (6 ideas) less a (5) would be the lone idea's own figures.
      const planted = [
        ...[1, 2, 3, 4, 5].map((n) => alike(n, { tags: ['a', 'b'] })),
        idea('t-lone01', 'idea', '2026-01-01', [], { tags: ['b'], team_gender: { women: 7, men: 3 } }),
      ];
      expect(sums(run(planted, ['tags']))).toEqual([
        [null, null, [['idea', 6, { women: 12, men: 8 }]]],
        ['tags', 'overlap', []],
      ]);
      expect(sums(run(planted, ['tags'], true))[1]?.[2]).toEqual([
        ['b', 6, { women: 12, men: 8 }],
        ['a', 5, { women: 5, men: 5 }],
      ]);
    });

    it('breaks a field down by the --by field asked, and gives only the total by stage', () => {
      // Stage idea (five of unit X and one of Y) less unit X would be the one idea of Y in stage idea.
      const planted = [
        ...[1, 2, 3, 4, 5].map((n) => alike(n, { unit: 'X' })),
        idea('t-lone01', 'idea', '2026-01-01', [], { unit: 'Y', team_gender: { women: 7, men: 3 } }),
        ...[6, 7, 8, 9, 10].map((n) =>
          idea(`t-alike${n}`, 'refinement', '2026-01-01', [['2026-01-02', 'idea', 'refinement']], {
            unit: 'Y',
            team_gender: { women: 1, men: 1 },
          }),
        ),
      ];
      const shown = sums(run(planted, ['unit']));
      expect(shown[0]).toEqual([null, 'breakdown', []]);
      expect(shown[1]).toEqual([
        'unit',
        null,
        [
          ['Y', 6, { women: 12, men: 8 }],
          ['X', 5, { women: 5, men: 5 }],
        ],
      ]);
      expect(sums(run(planted, []))[0]?.[1]).toBeNull();
    });
  });

  it('never appear per idea', () => {
    const text = JSON.stringify(report({ by: ['unit'], includePersonal: true }));
    expect(text).not.toContain('"team_gender":{');
  });
});

describe('buildReport: ideas standing on an override', () => {
  const forced = (id: string, stage: string, entries: Record<string, unknown>[]) => {
    const i = idea(id, stage, '2026-01-01', [['2026-01-01', null, 'idea']]);
    (i.data.history as unknown[]).push(...entries);
    return i;
  };
  const move = { date: '2026-03-01', action: 'decided', decision: 'approve', from: 'idea', to: 'refinement' };
  const planted = [
    forced('o-forced', 'refinement', [{ ...move, forced: true, by: 'Idérådet' }]),
    forced('o-open', 'refinement', [move]),
    forced('o-text', 'refinement', [{ ...move, forced: 'true' }]),
    // Forced in, then on through an open gate: it no longer stands on the override.
    forced('o-left', 'test', [
      { ...move, forced: true },
      { date: '2026-04-01', action: 'moved', from: 'refinement', to: 'test' },
    ]),
  ];
  const run = (o: Partial<ReportOptions>) =>
    buildReport(config, planted, classes, { ...all, missing: () => ['coach'], ...o }).overrides;

  it('lists them with their stage, date and what they lack, and who overrode only in an internal report', () => {
    expect(run({}).map((o) => [o.id, o.stage.key, o.date, o.action, o.missing, o.personal])).toEqual([
      ['o-forced', 'refinement', '2026-03-01', 'decided', ['coach'], null],
    ]);
    expect(run({ includePersonal: true })[0]?.personal).toEqual({ by: 'Idérådet' });
    // A title the criteria mark personal is named only in an internal report.
    const hidden = classifyFields([readPackageSchema('idea'), { properties: { title: { 'x-personal': true } } }]);
    const titles = (o: Partial<ReportOptions>) =>
      buildReport(config, planted, hidden, { ...all, ...o }).overrides.map((x) => x.title);
    expect(run({}).map((x) => x.title)).not.toEqual([null]);
    expect(titles({})).toEqual([null]);
    expect(titles({ includePersonal: true })).toEqual(run({}).map((x) => x.title));
    // An id the criteria withhold, likewise.
    const noIds = classifyFields([readPackageSchema('idea'), { properties: { id: { 'x-personal': true } } }]);
    const ids = (o: Partial<ReportOptions>) =>
      buildReport(config, planted, noIds, { ...all, ...o }).overrides.map((x) => x.id);
    expect(ids({})).toEqual([null]);
    expect(ids({ includePersonal: true })).toEqual(['o-forced']);
  });

  it('reads a past period from the history as it stood then, without a verdict on criteria it cannot know', () => {
    const planted = run({ until: '2026-03-15' });
    expect(planted.map((o) => [o.id, o.missing])).toEqual([
      ['o-forced', null],
      ['o-left', null],
    ]);
    expect(run({ until: '2026-02-15' })).toEqual([]);
  });
});
