import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSluice, openSluice, removeSluices } from '../../../test/helpers/sluice.js';
import { baseValidators, compileCriteria, readPackageSchema } from '../../io/schemas.js';
import { checkGate } from './gate.js';
import { fieldQuestion, gateFields, readFieldAnswer } from './gate-fields.js';
import type { Idea } from './idea.js';

let sluice: ReturnType<typeof openSluice>;
const base = readPackageSchema('idea');

beforeAll(() => {
  sluice = openSluice(makeSluice({ git: false }));
});
afterAll(removeSluices);

function withData(id: string, data: Record<string, unknown>): Idea {
  const idea = sluice.idea(id);
  const merged = { ...idea.data, ...data };
  for (const [k, v] of Object.entries(data)) if (v === undefined) delete merged[k];
  return { ...idea, data: merged, challenge: typeof merged.challenge === 'string' ? merged.challenge : null };
}

function fieldsFor(idea: Idea, to: string, lang: 'sv' | 'en' = 'sv') {
  const gate = checkGate(
    idea,
    sluice.stage(to),
    sluice.registry.config,
    baseValidators().idea,
    sluice.criteria.get(to)?.validate,
  );
  return gateFields(gate, base, sluice.criteria.get(to)?.schema, sluice.registry.config, lang, idea.data);
}

describe('gateFields', () => {
  it('asks for what the gate to test lacks, with titles and help from the criteria', () => {
    const fields = fieldsFor(sluice.idea('sund-vtkg00'), 'test');
    expect(fields.map((f) => [f.spec.name, f.spec.kind, f.label])).toEqual([
      ['test_plan', 'text', 'Plan för testet'],
      ['manager_support', 'confirm', 'Närmsta chef stödjer idén'],
    ]);
    expect(fields[0]?.help).toBe('Vad ska testas, var, hur länge och med vilka?');
    expect(fields[0]?.problem).toBe('Planen för testet saknas eller är för kort');
    expect(fields[1]?.help).toBeNull();
  });

  it('speaks English in an English registry', () => {
    const fields = fieldsFor(sluice.idea('sund-vtkg00'), 'test', 'en');
    expect(fields.map((f) => f.label)).toEqual(['Test plan', 'The nearest manager supports the idea']);
    expect(fields[0]?.help).toBe('What is to be tested, where, for how long and with whom?');
  });

  it('offers the config’s challenges as choices, and keeps the value the gate refuses as the current one', () => {
    const idea = withData('sund-vtkg00', { coach: undefined, unit: '', challenge: 'månen' });
    const fields = fieldsFor(idea, 'test');
    expect(fields.map((f) => f.spec.name)).toEqual(['coach', 'unit', 'challenge', 'test_plan', 'manager_support']);
    const challenge = fields.find((f) => f.spec.name === 'challenge');
    expect(challenge?.spec.kind).toBe('select');
    expect(challenge?.spec.choices.map((c) => c.value)).toEqual([
      'valfard',
      'klimat',
      'trygghet',
      'kompetensforsorjning',
      'landsbygd',
    ]);
    expect(challenge?.current).toBe('månen');
    expect(fields.find((f) => f.spec.name === 'coach')?.current).toBeUndefined();
  });

  it('leaves out what no answer to one field mends: a move not allowed, nested values, system fields', () => {
    const idea = withData('sund-vtkg00', {
      test_plan: 'Två boenden under hösten, med språkombud och lektioner.',
      manager_support: true,
      history: [{ date: 'igår', action: 'moved' }],
    });
    // From refinement to spread: not a next stage, and the spread criteria's own fields.
    const names = fieldsFor(idea, 'test').map((f) => f.spec.name);
    expect(names).not.toContain('history');
    expect(names).toEqual([]);
  });

  it('is empty for an open gate', () => {
    expect(fieldsFor(sluice.idea('sund-eev2bz'), 'parked')).toEqual([]);
  });
});

describe('fieldQuestion', () => {
  it('makes a question of any field, such as the coach the council assigns', () => {
    const q = fieldQuestion(
      'coach',
      base,
      sluice.criteria.get('test')?.schema,
      sluice.registry.config,
      'sv',
      sluice.idea('sund-vtkg00').data,
    );
    expect(q).toMatchObject({ label: 'Idécoach', current: 'Sara Nyberg' });
    expect(q.spec.kind).toBe('text');
  });
});

describe('readFieldAnswer', () => {
  const question = (name: string) =>
    fieldQuestion(name, base, sluice.criteria.get('test')?.schema, sluice.registry.config, 'sv', {}).spec;

  it('types and checks an answer by the field’s schema', () => {
    expect(readFieldAnswer(question('unit'), '  Vård  ', 'sv', compileCriteria)).toEqual({ ok: true, value: 'Vård' });
    expect(readFieldAnswer(question('manager_support'), true, 'sv', compileCriteria)).toEqual({
      ok: true,
      value: true,
    });
    expect(readFieldAnswer(question('manager_support'), 'ja', 'sv', compileCriteria)).toEqual({
      ok: true,
      value: true,
    });
    expect(readFieldAnswer(question('challenge'), 'klimat', 'sv', compileCriteria)).toEqual({
      ok: true,
      value: 'klimat',
    });
  });

  it('says what is wrong, in the language asked', () => {
    const short = readFieldAnswer(question('test_plan'), 'kort', 'sv', compileCriteria);
    expect(short).toEqual({ ok: false, problem: 'Planen för testet saknas eller är för kort (minst 20 tecken)' });
    const no = readFieldAnswer(question('manager_support'), false, 'en', compileCriteria);
    expect(no).toEqual({ ok: false, problem: 'The nearest manager has not backed the idea' });
    const unknown = readFieldAnswer(question('challenge'), 'månen', 'sv', compileCriteria);
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.problem).toContain('månen');
    const notYes = readFieldAnswer(question('manager_support'), 'kanske', 'sv', compileCriteria);
    expect(notYes.ok).toBe(false);
  });
});
