import { describe, expect, it } from 'vitest';
import type { RegionMember } from './config.js';
import {
  addMember,
  buildRegionReport,
  finishRegionReport,
  ideaFieldsOf,
  regionConfig,
  regionReportFold,
  REGION_HELD,
  snapshotConfig,
} from './report.js';
import { buildReport } from '../report/report.js';
import type { Stage } from '../sluice/config.js';
import type { IdeaFields } from '../sluice/idea.js';
import type { MemberSnapshot, RegionIdea } from './snapshot.js';
import { memberSnapshot, regionIdea } from '../../../test/helpers/snapshot.js';

const label = (en: string) => ({ sv: en, en });

function member(id: string): RegionMember {
  return {
    id,
    name: id,
    municipality: null,
    url: `../${id}`,
    fetchUrl: `../${id}`,
    branch: null,
    path: '',
    site: null,
  };
}

/** An idea created on `created`, moved on to doing `days` later when `days` is given. */
function idea(id: string, created: string, days?: number): RegionIdea {
  const history: Record<string, unknown>[] = [{ date: created, action: 'created', to: 'idea' }];
  let stage = 'idea';
  if (days !== undefined) {
    const moved = new Date(Date.parse(created) + days * 86_400_000).toISOString().slice(0, 10);
    history.push({ date: moved, action: 'moved', from: 'idea', to: 'doing' });
    stage = 'doing';
  }
  return regionIdea(id, { stage, created, data: { id, title: id, created, history } });
}

function snapshot(id: string, ideas: RegionIdea[], extra: Partial<MemberSnapshot['registry']> = {}): MemberSnapshot {
  return memberSnapshot(id, ideas, {
    stages: [
      { key: 'idea', label: label('Idea'), spreadKit: [] },
      { key: 'doing', label: label('Doing'), spreadKit: [] },
    ],
    ...extra,
  });
}

const period = { since: null, until: '2026-12-04', today: '2026-12-04' };
const goal = (target: number, by: string | null) => ({ id: 'g', label: label('G'), stage: 'doing', target, by });

describe('buildRegionReport', () => {
  it("counts each member's funnel and the region's, and withholds a median of fewer stays than the threshold", () => {
    const a = snapshot(
      'a',
      [1, 2, 3, 4, 5].map((n) => idea(`a-${n}`, '2026-01-01', n * 2)),
    );
    const b = snapshot('b', [idea('b-1', '2026-01-01', 30), idea('b-2', '2026-02-01')], { minGroupSize: 2 });
    const r = buildRegionReport(
      'R',
      [
        { member: member('a'), snapshot: a },
        { member: member('b'), snapshot: b },
      ],
      period,
    );
    expect(r.members.map((m) => m.report.funnel.map((f) => f.now))).toEqual([
      [0, 5],
      [1, 1],
    ]);
    expect(r.region.report.funnel.map((f) => f.now)).toEqual([1, 6]);
    // a: five stays (2, 4, 6, 8, 10 days), its threshold the default 5. b: one stay, under its own threshold of 2.
    expect(r.members[0]?.report.time[0]).toMatchObject({ n: 5, median: 6 });
    expect(r.members[0]?.withheld).toEqual([]);
    expect(r.members[1]?.report.time[0]).toMatchObject({ n: 1, median: null, p90: null });
    expect(r.members[1]?.withheld).toEqual(['idea']);
    // The region: six stays, under no member's threshold.
    expect(r.region.report.time[0]).toMatchObject({ n: 6, median: 7 });
    expect(r.region.report.minGroupSize).toBe(5);
  });

  it("adds up the members' goals of the same id and stage, and names region ideas with their member", () => {
    const a = snapshot('a', [idea('x-1', '2026-01-01', 3)], { goals: [goal(2, '2027-01-01')] });
    const b = snapshot('b', [idea('x-1', '2026-01-01', 4), idea('x-2', '2026-01-01', 5)], {
      goals: [goal(3, '2027-06-30')],
    });
    const c = snapshot('c', []);
    const r = buildRegionReport(
      'R',
      [
        { member: member('a'), snapshot: a },
        { member: member('b'), snapshot: b },
        { member: member('c'), snapshot: c },
      ],
      period,
    );
    expect(r.members.map((m) => m.report.goals.map((g) => g.reached))).toEqual([[1], [2], []]);
    expect(r.region.report.goals).toEqual([
      expect.objectContaining({
        reached: 3,
        percent: 60,
        status: 'open',
        goal: expect.objectContaining({ target: 5, by: '2027-06-30' }),
      }),
    ]);
  });

  it('reads a state from before goals and limits were kept', () => {
    const old = snapshot('a', [idea('a-1', '2026-01-01')]);
    const r = buildRegionReport('R', [{ member: member('a'), snapshot: old }], period);
    expect(r.members[0]?.report.goals).toEqual([]);
    expect(r.members[0]?.config.stages.map((s) => s.limitDays)).toEqual([null, null]);
  });

  it('crosses a --by field with the members: a count per member in each group and in the pool, summing to it', () => {
    const tagged = (id: string, tags: string[]) => {
      const i = idea(id, '2026-01-01');
      return { ...i, data: { ...i.data, tags } };
    };
    // school: 4 in a, 2 in b; the pool (each under 5): park 2 in a (one of them also school), bike 1 in b, tram 3 in c.
    const a = snapshot('a', [
      tagged('a-1', ['school']),
      tagged('a-2', ['school', 'park']),
      tagged('a-3', ['school']),
      tagged('a-4', ['school']),
      tagged('a-5', ['park']),
    ]);
    const b = snapshot('b', [tagged('b-1', ['school']), tagged('b-2', ['school']), tagged('b-3', ['bike'])]);
    const c = snapshot('c', [tagged('c-1', ['tram']), tagged('c-2', ['tram']), tagged('c-3', ['tram'])]);
    const r = buildRegionReport(
      'R',
      [
        { member: member('a'), snapshot: a },
        { member: member('b'), snapshot: b },
        { member: member('c'), snapshot: c },
      ],
      period,
      [{ field: 'tags', title: label('Tags') }],
    );
    const [b0] = r.breakdowns;
    expect(b0?.groups.map((g) => [g.label, g.ideas, { ...g.byMember }])).toEqual([['school', 6, { a: 4, b: 2, c: 0 }]]);
    expect(b0?.pooledGroups).toBe(3);
    expect({ ...b0?.pooled?.byMember }).toEqual({ a: 2, b: 1, c: 3 });
    for (const g of [...(b0?.groups ?? []), b0?.pooled])
      expect(Object.values(g?.byMember ?? {}).reduce((x, y) => x + y, 0)).toBe(g?.ideas);
    expect(Object.getPrototypeOf(b0?.groups[0]?.byMember)).toBeNull();
  });
});

/** Every object reachable from `root`: through properties, array items, and the keys and values of Maps and Sets. */
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map)
      for (const [k, x] of v) {
        stack.push(k);
        stack.push(x);
      }
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else for (const key of Reflect.ownKeys(v)) stack.push((v as Record<string | symbol, unknown>)[key]);
  }
  return seen;
}

/** A member's ideas as the region counts them: grants, an override, a stage only another member has, a past move. */
function varied(id: string, stages: string[]): MemberSnapshot {
  const ideas = [1, 2, 3, 4, 5, 6, 7].map((n) => {
    const i = idea(`${id}-${n}`, `2026-0${n}-01`, n % 3 === 0 ? undefined : n * 9);
    const history = i.data.history as Record<string, unknown>[];
    if (n % 2 === 0)
      history.push({ date: `2026-0${n}-20`, action: 'moved', from: 'doing', to: 'test', amount: n * 1000 });
    if (n === 4) (history.at(-1) as Record<string, unknown>).forced = true;
    if (n === 5) history.push({ date: '2026-09-01', action: 'moved', from: 'doing', to: 'elsewhere', amount: 0.1 });
    const last = history.findLast((e) => typeof e.to === 'string')?.to as string;
    return { ...i, stage: last, data: { ...i.data, tags: n % 2 === 0 ? ['even', id] : ['odd'] } };
  });
  return snapshot(id, ideas, {
    stages: stages.map((key) => ({ key, label: label(key), spreadKit: [] })),
    minGroupSize: 2,
  });
}

describe('the region report, a member at a time', () => {
  const held = [
    { member: member('a'), snapshot: varied('a', ['idea', 'doing', 'test']) },
    { member: member('b'), snapshot: varied('b', ['idea', 'doing']) },
    { member: member('c'), snapshot: varied('c', ['idea', 'doing', 'test', 'elsewhere']) },
  ];

  it('keeps nothing of a member once it is added: not its snapshot, not an idea, not an idea’s fields', () => {
    const fold = regionReportFold('R', period, ['tags'], 'en');
    for (const { member: m, snapshot: s } of held) {
      addMember(fold, m, s);
      const kept = reachable(fold);
      const ideasOf = (x: MemberSnapshot) => x.ideas.flatMap((i) => [i, i.data, i.data.history as object]);
      for (const { snapshot: other } of held)
        for (const o of [other, other.ideas, ...ideasOf(other)]) expect(kept.has(o)).toBe(false);
    }
    const report = finishRegionReport(fold, [{ field: 'tags', title: label('Tags') }]);
    const kept = reachable(report);
    for (const { snapshot: s } of held) for (const o of [s, s.ideas, ...s.ideas]) expect(kept.has(o)).toBe(false);
  });

  it("gives the region's figures buildReport gives for every idea of the region at once", () => {
    for (const p of [
      period,
      { since: '2026-03-01', until: '2026-06-30', today: '2026-12-04' },
      { since: null, until: '2026-04-25', today: '2026-12-04' },
    ]) {
      const r = buildRegionReport('R', held, p);
      const all: IdeaFields[] = [];
      const merged = new Map<string, Stage>();
      for (const { member: m, snapshot: s } of held) {
        const own = new Map(snapshotConfig(s).stages.map((st) => [st.key, st]));
        for (const st of own.values()) if (!merged.has(st.key)) merged.set(st.key, { ...st, limitDays: null });
        for (const i of s.ideas)
          if (own.has(i.stage))
            all.push({ ...ideaFieldsOf(i, merged.get(i.stage) as Stage), id: `${m.id}:${i.id ?? i.path}` });
      }
      const config = regionConfig('R', [...merged.values()], 5);
      const once = buildReport(config, all, REGION_HELD, {
        ...p,
        by: [],
        includePersonal: false,
        minGroupSize: 5,
      });
      const { time, goals, ...rest } = r.region.report;
      const { time: onceTime, goals: _goals, ...onceRest } = once;
      expect(rest).toEqual(onceRest);
      expect(rest.funds.rows.length + rest.overrides.length).toBeGreaterThan(0);
      // The region withholds a median of fewer stays than its threshold, and its waiting list is its members'.
      const withheld = onceTime.map(({ waiting: _w, ...row }) =>
        row.n > 0 && row.n < 5 ? { ...row, median: null, p90: null } : row,
      );
      expect(time.map(({ waiting: _w, ...row }) => row)).toEqual(withheld);
      expect(r.region.withheld).toEqual(withheld.filter((x) => x.n > 0 && x.n < 5).map((x) => x.stage.key));
      expect(goals).toEqual([]);
    }
  });
});

describe("the region's stages: merged only where key and labels agree", () => {
  const stages = (idea: string, doing: string) => [
    { key: 'idea', label: label(idea), spreadKit: [] },
    { key: 'doing', label: label(doing), spreadKit: [] },
  ];

  it("counts an idea in its own member's stage, and keeps one key under two labels apart", () => {
    const a = memberSnapshot('a', [idea('a-1', '2026-01-01'), idea('a-2', '2026-01-01', 3)], {
      stages: stages('Idea', 'Doing'),
    });
    const odd = memberSnapshot('odd', [idea('o-1', '2026-01-01'), idea('o-2', '2026-01-01', 5)], {
      stages: stages('Spreading', 'Doing'),
    });
    const r = buildRegionReport(
      'R',
      [
        { member: member('a'), snapshot: a },
        { member: member('odd'), snapshot: odd },
      ],
      period,
    );
    expect(r.region.report.funnel.map((f) => [f.stage.key, f.stage.label.en, f.now, f.entered])).toEqual([
      ['idea', 'Idea', 1, 2],
      ['doing', 'Doing', 2, 2],
      ['idea@odd', 'Spreading', 1, 2],
    ]);
    // The stays in `idea` of each member are timed in its own row.
    expect(r.region.report.time.map((t) => [t.stage.key, t.n])).toEqual([
      ['idea', 1],
      ['doing', 0],
      ['idea@odd', 1],
    ]);
    expect(r.members[1]?.report.funnel.map((f) => f.stage.label.en)).toEqual(['Spreading', 'Doing']);
  });

  it('heads two stages of one label by their keys too, so that the rows can be told apart', () => {
    const a = memberSnapshot('a', [idea('a-1', '2026-01-01')], {
      stages: [{ key: 'idea', label: label('Test'), spreadKit: [] }],
    });
    const b = memberSnapshot('b', [regionIdea('b-1', { stage: 'pilot' })], {
      stages: [{ key: 'pilot', label: label('Test'), spreadKit: [] }],
    });
    const r = buildRegionReport(
      'R',
      [
        { member: member('a'), snapshot: a },
        { member: member('b'), snapshot: b },
      ],
      period,
    );
    expect(r.region.report.funnel.map((f) => [f.stage.label.sv, f.now])).toEqual([
      ['Test (idea)', 1],
      ['Test (pilot)', 1],
    ]);
  });
});
