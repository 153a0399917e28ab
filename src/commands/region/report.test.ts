import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import type { MemberSnapshot, RegionIdea } from '../../core/region/snapshot.js';
import { loadRegion, type Region } from '../../io/region/region-root.js';
import { stateDir, writeMemberState } from '../../io/region/state.js';
import { writeRegionFile } from '../../../test/helpers/region.js';
import { memberSnapshot, regionIdea } from '../../../test/helpers/snapshot.js';
import { makeTempRepo, removeTempDirs } from '../../../test/helpers/temp-repo.js';
import { mapHeldMembers } from './read-region.js';
import { runRegionReport } from './report.js';
import { testCtx } from '../../../test/helpers/ctx.js';

afterAll(removeTempDirs);

const label = (en: string) => ({ sv: en, en });

function idea(id: string): RegionIdea {
  const history = [{ date: '2026-01-01', action: 'created', to: 'idea' }];
  const data = { id, title: id, created: '2026-01-01', history, tags: ['park'] };
  return regionIdea(id, { data, body: 'Text.' });
}

function snapshot(member: string, ideas: number): MemberSnapshot {
  return memberSnapshot(
    member,
    Array.from({ length: ideas }, (_, n) => idea(`${member}-${n}`)),
    {
      language: 'en',
      stages: [{ key: 'idea', label: label('Idea'), spreadKit: [] }],
      fields: [{ key: 'tags', class: 'public', title: label('Tags') }],
    },
    { commit: 'c'.repeat(40) },
  );
}

/** A region of three members, each synced (its state written as a sync writes it). */
function region(): Region {
  const root = makeTempRepo();
  writeRegionFile(
    root,
    ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), url: `../${id}` })),
  );
  const r = loadRegion(root, 'en');
  for (const [id, n] of [
    ['a', 2],
    ['b', 3],
    ['c', 1],
  ] as const)
    writeMemberState(r.cacheDir, snapshot(id, n));
  return r;
}

function ctx(cwd: string): Ctx {
  return testCtx(cwd, { stdinIsTTY: false, clock: () => new Date('2026-12-04T12:00:00Z') });
}

describe('ideas region report, a member at a time', () => {
  it('reads each member only once the one before is done with', () => {
    const r = region();
    const seen: string[] = [];
    const counts = mapHeldMembers(r, [], 'fields', ({ member, snapshot }) => {
      seen.push(member.id);
      // The next member is not read yet: its state, gone now, is found gone.
      if (member.id === 'a')
        for (const f of fs.readdirSync(stateDir(r.cacheDir)))
          if (f.startsWith('b.')) fs.rmSync(path.join(stateDir(r.cacheDir), f));
      return snapshot?.ideas.length ?? null;
    });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(counts).toEqual([2, null, 1]);
  });

  it("keeps of each member how old its data is and how many ideas it holds, never the member's ideas", async () => {
    const r = region();
    const result = await runRegionReport({ members: [], by: ['tags'] }, ctx(r.root));
    expect(result.members.map((m) => m.snapshot)).toEqual(
      ['a', 'b', 'c'].map((_, n) => ({
        commit: 'c'.repeat(40),
        syncedAt: '2026-12-01T00:00:00.000Z',
        ideas: { length: [2, 3, 1][n] },
      })),
    );
    for (const m of result.report.members)
      expect(Object.keys(m).sort()).toEqual(['config', 'member', 'report', 'withheld']);
    expect(result.report.region.report.ideas).toBe(6);
    expect(result.report.breakdowns[0]?.groups.map((g) => [g.label, g.ideas])).toEqual([['park', 6]]);
  });
});
