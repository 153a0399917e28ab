import { describe, expect, it } from 'vitest';
import type { RegionMember } from './config.js';
import { buildRegionReport } from './report.js';
import { SNAPSHOT_VERSION, type MemberSnapshot, type RegionIdea } from './snapshot.js';

const label = (en: string) => ({ sv: en, en });

function member(id: string): RegionMember {
  return { id, name: id, municipality: null, url: `../${id}`, branch: null, path: '', site: null };
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
  return {
    path: `ideas/${id}.md`,
    oid: id,
    id,
    title: id,
    stage,
    unit: null,
    created,
    data: { id, title: id, created, history },
    body: '',
  };
}

function snapshot(id: string, ideas: RegionIdea[], extra: Partial<MemberSnapshot['registry']> = {}): MemberSnapshot {
  return {
    schemaVersion: SNAPSHOT_VERSION,
    member: id,
    url: `../${id}`,
    branch: null,
    path: '',
    commit: 'a'.repeat(40),
    syncedAt: '2026-12-01T00:00:00.000Z',
    rulesKey: '',
    registry: {
      name: id,
      language: 'sv',
      idPrefix: id,
      stages: [
        { key: 'idea', label: label('Idea'), spreadKit: [] },
        { key: 'doing', label: label('Doing'), spreadKit: [] },
      ],
      ...extra,
    },
    ideas,
    unreadable: [],
  };
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
});
