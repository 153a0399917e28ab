import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './idea.js';
import { overrideIn } from './override.js';

const created: HistoryEntry = { date: '2026-01-01', action: 'created', to: 'idea' };
const forcedMove: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'idea', to: 'doing', forced: true };

describe('overrideIn', () => {
  it('names who overrode, when, and how, for an idea forced into the stage it stands in', () => {
    expect(overrideIn([created, { ...forcedMove, by: 'Idérådet' }], 'doing')).toEqual({
      stage: 'doing',
      index: 1,
      date: '2026-02-01',
      by: 'Idérådet',
      action: 'moved',
    });
    const approval = { date: '2026-02-02', action: 'decided', decision: 'approve', from: 'idea', to: 'doing' };
    expect(overrideIn([created, { ...approval, forced: true }], 'doing')).toMatchObject({
      action: 'decided',
      by: null,
    });
  });

  it('still stands after entries that lead nowhere (an assignment, advice given in place)', () => {
    const later: HistoryEntry[] = [
      { date: '2026-02-03', action: 'assigned', field: 'coach', new: 'Kim' },
      { date: '2026-02-04', action: 'decided', decision: 'return' },
    ];
    expect(overrideIn([created, forcedMove, ...later], 'doing')?.index).toBe(1);
  });

  it('is gone once the idea leaves the stage, or went in through an open gate', () => {
    const on: HistoryEntry = { date: '2026-03-01', action: 'moved', from: 'doing', to: 'done' };
    expect(overrideIn([created, forcedMove, on], 'done')).toBeNull();
    expect(overrideIn([created, { ...forcedMove, forced: false }], 'doing')).toBeNull();
    expect(overrideIn([created], 'idea')).toBeNull();
    expect(overrideIn([], 'idea')).toBeNull();
  });

  it('is no override when the history and the folder disagree, or `forced` is not the boolean true', () => {
    expect(overrideIn([created, forcedMove], 'done')).toBeNull();
    for (const forced of ['true', 'yes', 1, null]) {
      const entry = { ...forcedMove, forced } as unknown as HistoryEntry;
      expect(overrideIn([created, entry], 'doing'), String(forced)).toBeNull();
    }
  });
});
