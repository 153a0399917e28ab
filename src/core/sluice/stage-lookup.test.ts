import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './config.js';
import { resolveStage } from './stage-lookup.js';
import { thrown } from '../../../test/helpers/errors.js';

const config = normalizeConfig({
  name: 'Sluss',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: ['refinement'], criteria: 'a.json' },
    {
      key: 'refinement',
      folder: '02-foradling',
      label: { sv: 'Förädling', en: 'Refinement' },
      next: ['test'],
      criteria: 'b.json',
    },
    { key: 'test', folder: '03-test', label: { sv: 'Test', en: 'Test' }, next: ['doing'], criteria: 'c.json' },
    { key: 'doing', folder: '04-pagar', label: { sv: 'Pågår', en: 'In progress' }, next: [], criteria: 'd.json' },
  ],
});

function refusal(name: string): { sv: string; en: string } {
  const e = thrown(() => resolveStage(config, name));
  expect(e.code).toBe('UNKNOWN_STAGE');
  return { sv: e.text.sv, en: e.text.en };
}

describe('resolveStage', () => {
  it('suggests the stage a misspelled key, label or folder was meant for, as a misspelled command gets', () => {
    expect(refusal('testt')).toEqual({
      sv: 'Okänt steg "testt". Menade du test? Stegen är: Idé, Förädling, Test, Pågår.',
      en: 'Unknown stage "testt". Did you mean test? The stages are: Idea, Refinement, Test, In progress.',
    });
    expect(refusal('refinment').en).toContain('Did you mean refinement?');
    expect(refusal('Förädlng').sv).toContain('Menade du Förädling?');
    expect(refusal('forädlng').sv).toContain('Menade du Förädling?');
    expect(refusal('02-foradlng').sv).toContain('Menade du Förädling (02-foradling)?');
    expect(refusal('pagr').sv).toContain('Menade du Pågår?');
    // A label with a space is quoted, so that the suggestion runs as typed back.
    expect(refusal('in progres').en).toContain("Did you mean 'In progress'?");
  });

  it("names the stage by its label in the message's language, with the form it was near after it", () => {
    // A Swedish message names the stage in Swedish, whichever form was typed nearly: the English key, or label.
    expect(refusal('refinment')).toEqual({
      sv: 'Okänt steg "refinment". Menade du Förädling (refinement)? Stegen är: Idé, Förädling, Test, Pågår.',
      en: 'Unknown stage "refinment". Did you mean refinement? The stages are: Idea, Refinement, Test, In progress.',
    });
    expect(refusal('doin').sv).toContain('Menade du Pågår (doing)?');
    expect(refusal('doin').en).toContain('Did you mean In progress (doing)?');
    expect(refusal('Förädlng').en).toContain('Did you mean Refinement (Förädling)?');
  });

  it('lists the stages without a guess when none is near', () => {
    expect(refusal('nowhere')).toEqual({
      sv: 'Okänt steg "nowhere". Stegen är: Idé, Förädling, Test, Pågår.',
      en: 'Unknown stage "nowhere". The stages are: Idea, Refinement, Test, In progress.',
    });
    expect(refusal('x').en).not.toContain('Did you mean');
  });
});
