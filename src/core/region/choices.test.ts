import { describe, expect, it } from 'vitest';
import { listOrNone, regionStageKeys, unknownMemberError } from './choices.js';
import { thrown } from '../../../test/helpers/errors.js';

describe('unknownMemberError', () => {
  it('names the members there are', () => {
    const e = unknownMemberError('x', [{ id: 'lidkoping' }, { id: 'skovde' }], '/r/ideas.region.yaml');
    expect(e.text.en).toBe('The region has no member "x". Members: lidkoping, skovde.');
    expect(e.hint).toBeNull();
  });

  it('says a region without members has none yet, and how to add one, in both languages', () => {
    const e = unknownMemberError('x', [], '/r/ideas.region.yaml');
    expect(e.code).toBe('USAGE');
    expect(e.text.en).toBe('The region has no member "x": it has no members yet.');
    expect(e.text.sv).toBe('Regionen har ingen medlem "x": den har inga medlemmar än.');
    expect(e.hint?.en).toContain('Add a member under members: in /r/ideas.region.yaml');
    expect(e.hint?.sv).toContain('Lägg till en medlem under members: i /r/ideas.region.yaml');
    for (const text of [e.text.en, e.text.sv, e.hint?.en, e.hint?.sv]) expect(text).not.toMatch(/: \./);
  });
});

describe('listOrNone', () => {
  it('joins a list, and words an empty one', () => {
    expect(listOrNone(['a', 'b'], 0)).toBe('a, b');
    expect(listOrNone([], 2)).toEqual({ sv: 'inga', en: 'none' });
    expect(listOrNone([], 0)).toEqual({
      sv: 'inga, för ingen medlem har data från en synk än (kör ideas region sync)',
      en: 'none, as no member has data from a sync yet (run ideas region sync)',
    });
  });
});

describe('regionStageKeys', () => {
  const lidkoping = {
    member: 'lidkoping',
    stages: [
      { key: 'idea', label: { sv: 'Idé', en: 'Idea' } },
      { key: 'test', label: { sv: 'Test', en: 'Trial' } },
    ],
  };
  const skovde = { member: 'skovde', stages: [{ key: 'refine', label: { sv: 'Förädling', en: 'Refinement' } }] };
  const keys = (m: Map<string, string>) => Object.fromEntries(m);

  it('takes a key, or a label in either language in any member, as ideas list --stage does', () => {
    expect(keys(regionStageKeys([lidkoping, skovde], 'test'))).toEqual({ lidkoping: 'test' });
    expect(keys(regionStageKeys([lidkoping, skovde], 'Idé'))).toEqual({ lidkoping: 'idea' });
    expect(keys(regionStageKeys([lidkoping, skovde], ' trial '))).toEqual({ lidkoping: 'test' });
    expect(keys(regionStageKeys([lidkoping, skovde], 'FÖRÄDLING'))).toEqual({ skovde: 'refine' });
    // Without å, ä and ö, as a terminal without them types it.
    expect(keys(regionStageKeys([lidkoping, skovde], 'foradling'))).toEqual({ skovde: 'refine' });
  });

  it("matches each member's stage by that member's own label: one key under two labels is two stages", () => {
    const odd = { member: 'odd', stages: [{ key: 'idea', label: { sv: 'Spridning', en: 'Spreading' } }] };
    expect(keys(regionStageKeys([lidkoping, odd], 'Spridning'))).toEqual({ odd: 'idea' });
    expect(keys(regionStageKeys([lidkoping, odd], 'Idé'))).toEqual({ lidkoping: 'idea' });
    // By its key, the stage of every member that gives it.
    expect(keys(regionStageKeys([lidkoping, odd], 'idea'))).toEqual({ lidkoping: 'idea', odd: 'idea' });
  });

  it('refuses a stage no member has, naming the stages by their labels in each language', () => {
    const e = thrown(() => regionStageKeys([lidkoping, skovde], 'nowhere'));
    expect(e.code).toBe('USAGE');
    expect(e.text.en).toBe('No member has the stage "nowhere". The stages: Idea, Trial, Refinement.');
    expect(e.text.sv).toBe('Ingen medlem har steget "nowhere". Stegen: Idé, Test, Förädling.');
  });

  it('suggests the stage a misspelled name was meant for, the same stage in two members counting once', () => {
    const both = [
      lidkoping,
      { member: 'skovde', stages: [...skovde.stages, { key: 'test', label: { sv: 'Test', en: 'Trial' } }] },
    ];
    const e = thrown(() => regionStageKeys(both, 'Förädlng'));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe('Ingen medlem har steget "Förädlng". Menade du Förädling? Stegen: Idé, Test, Förädling.');
    // The stage by its English label, and the form nearest to what was typed after it (here the Swedish label), as
    // `ideas list --stage` suggests it.
    expect(e.text.en).toBe(
      'No member has the stage "Förädlng". Did you mean Refinement (Förädling)? The stages: Idea, Trial, Refinement.',
    );
    expect(thrown(() => regionStageKeys(both, 'tesst')).text.en).toMatch(/Did you mean Trial \(test\)\?/);
  });

  it('says there are none, and why, when no member has data', () => {
    expect(thrown(() => regionStageKeys([], 'done')).text.en).toMatch(
      /The stages: none, as no member has data from a sync yet/,
    );
  });
});
