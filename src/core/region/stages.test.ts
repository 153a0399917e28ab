import { describe, expect, it } from 'vitest';
import { distinguishedStages, ideaInRegionStages, regionStageKeyOf, regionStagesOf } from './stages.js';
import { regionIdea } from '../../../test/helpers/snapshot.js';

const stage = (key: string, sv: string, en = sv) => ({ key, label: { sv, en } });

describe('regionStagesOf', () => {
  it("merges two members' stages only where key and labels agree", () => {
    const r = regionStagesOf([
      { member: 'a', stages: [stage('idea', 'Idé', 'Idea'), stage('test', 'Test')] },
      { member: 'b', stages: [stage('idea', 'Idé', 'Idea'), stage('test', 'Test')] },
      { member: 'odd', stages: [stage('idea', 'Spridning', 'Spreading'), stage('pilot', 'Test')] },
    ]);
    expect([...r.stages.keys()]).toEqual(['idea', 'test', 'idea@odd', 'pilot']);
    expect(['a', 'b', 'odd'].map((m) => regionStageKeyOf(r, m, 'idea'))).toEqual(['idea', 'idea', 'idea@odd']);
    // A key the member does not have (an old one in a history) stays as it is.
    expect(regionStageKeyOf(r, 'odd', 'gone')).toBe('gone');
    expect(distinguishedStages(r).map((s) => s.label.sv)).toEqual(['Idé', 'Test (test)', 'Spridning', 'Test (pilot)']);
  });

  it('names two stages of one key and one label apart by their keys in the region', () => {
    const r = regionStagesOf([
      { member: 'a', stages: [stage('idea', 'Idé', 'Idea')] },
      { member: 'b', stages: [stage('idea', 'Idé', 'Concept')] },
    ]);
    expect(distinguishedStages(r).map((s) => [s.label.sv, s.label.en])).toEqual([
      ['Idé (idea)', 'Idea'],
      ['Idé (idea@b)', 'Concept'],
    ]);
  });
});

describe('ideaInRegionStages', () => {
  it("names the stage and the history by the region's keys, leaving the idea it was given as it was", () => {
    const history = [
      { date: '2026-01-01', action: 'created', to: 'idea' },
      { from: 'idea', to: 'doing' },
    ];
    const idea = regionIdea('o-1', { stage: 'doing', data: { history } });
    const keyOf = (k: string) => `${k}@odd`;
    const moved = ideaInRegionStages(idea, keyOf);
    expect(moved.stage).toBe('doing@odd');
    expect(JSON.parse(JSON.stringify(moved.data.history))).toEqual([
      { date: '2026-01-01', action: 'created', to: 'idea@odd' },
      { from: 'idea@odd', to: 'doing@odd' },
    ]);
    expect(idea.data.history).toEqual(history);
    expect(idea.stage).toBe('doing');
  });
});
