import { describe, expect, it } from 'vitest';
import { compileCriteria } from '../../io/schemas.js';
import { nullObject } from '../safe-object.js';
import { challengeProblem } from './challenge.js';
import { normalizeConfig, type RegistryConfig } from './config.js';
import { missingFor } from './gate.js';

const configWith = (challenges: { id: string }[]): RegistryConfig =>
  normalizeConfig({
    name: 'Utmaningar',
    language: 'sv',
    stages: [{ key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: [], criteria: 'c/idea.json' }],
    challenges: challenges.map((c) => ({ ...c, label: { sv: c.id, en: c.id } })),
  });
const config = configWith([{ id: 'klimat' }, { id: 'valfard' }]);

describe('challengeProblem', () => {
  it('names an unknown challenge in one message, with the challenges the config lists as the hint', () => {
    expect(challengeProblem(config, { challenge: 'rymden' })).toEqual({
      value: 'rymden',
      message: {
        sv: 'Utmaningen "rymden" finns inte i konfigurationen.',
        en: 'The challenge "rymden" is not in the config.',
      },
      hint: { sv: 'Utmaningarna är: klimat, valfard.', en: 'The challenges are: klimat, valfard.' },
    });
  });

  it('accepts a challenge the config lists, and an idea that names none', () => {
    expect(challengeProblem(config, { challenge: 'klimat' })).toBeNull();
    expect(challengeProblem(config, {})).toBeNull();
    expect(challengeProblem(config, { challenge: null })).toBeNull();
    // Not text: the schemas say what is wrong with that, not this rule.
    expect(challengeProblem(config, { challenge: ['klimat'] })).toBeNull();
    expect(challengeProblem(config, { challenge: { id: 'klimat' } })).toBeNull();
  });

  it.each([
    ['another case', 'Klimat'],
    ['spaces around it', ' klimat '],
    ['an empty text', ''],
    ['an Object.prototype key', 'constructor'],
    ['__proto__', '__proto__'],
    ['toString', 'toString'],
    ['two ids in one', 'klimat, valfard'],
  ])('refuses %s: ids are matched exactly', (_, value) => {
    expect(challengeProblem(config, { challenge: value })?.value).toBe(value);
  });

  it('reads a number as every view of an idea does: as text', () => {
    expect(challengeProblem(config, { challenge: 5 })?.message.en).toBe('The challenge "5" is not in the config.');
    expect(challengeProblem(configWith([{ id: '5' }]), { challenge: 5 })).toBeNull();
  });

  it('reads a front matter without a prototype, and never a challenge inherited from one', () => {
    const data = nullObject();
    data.challenge = 'rymden';
    expect(challengeProblem(config, data)?.value).toBe('rymden');
    const inherited = Object.create({ challenge: 'rymden' }) as Record<string, unknown>;
    expect(challengeProblem(config, inherited)).toBeNull();
  });

  it('does not apply to a config that lists no challenges', () => {
    expect(challengeProblem(configWith([]), { challenge: 'vad-som-helst' })).toBeNull();
  });

  it('is what a gate says, in the same words', () => {
    const base = compileCriteria({ type: 'object' }, 'challenge-test:base');
    expect(missingFor({ challenge: 'rymden' }, config, base, undefined)).toEqual([
      {
        pointer: '/challenge',
        field: 'challenge',
        keyword: 'enum',
        message: challengeProblem(config, { challenge: 'rymden' })?.message,
      },
    ]);
  });
});
