import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSluice, openSluice, removeSluices } from '../../../test/helpers/sluice.js';
import type { Idea } from './idea.js';
import { checkGate, criterionStatus, forwardStage, gateChecklist, type Gate } from './gate.js';
import { baseValidators } from '../../io/schemas.js';

let sluice: ReturnType<typeof openSluice>;

beforeAll(() => {
  sluice = openSluice(makeSluice({ git: false }));
});
afterAll(removeSluices);

function gate(idea: Idea, to: string): Gate {
  return checkGate(
    idea,
    sluice.stage(to),
    sluice.registry.config,
    baseValidators().idea,
    sluice.criteria.get(to)?.validate,
  );
}

function withData(id: string, data: Record<string, unknown>): Idea {
  const idea = sluice.idea(id);
  const merged = { ...idea.data, ...data };
  for (const [k, v] of Object.entries(data)) if (v === undefined) delete merged[k];
  return { ...idea, data: merged, challenge: typeof merged.challenge === 'string' ? merged.challenge : null };
}

const sv = (g: Gate) => g.missing.map((m) => m.message.sv);
const en = (g: Gate) => g.missing.map((m) => m.message.en);

describe('checkGate', () => {
  it('is open for a next stage whose criteria the idea meets', () => {
    const g = gate(sluice.idea('sund-eev2bz'), 'parked');
    expect(g).toMatchObject({ allowed: true, open: true, missing: [] });
    expect(g.from.key).toBe('refinement');
    expect(g.to.key).toBe('parked');
  });

  it('lists each missing criterion with its x-message and its field in brackets, in both languages', () => {
    const g = gate(sluice.idea('sund-emspzg'), 'refinement');
    expect(g.allowed).toBe(true);
    expect(g.open).toBe(false);
    expect(g.missing.map((m) => [m.field, m.pointer])).toEqual([['coach', '/coach']]);
    expect(sv(g)).toEqual(['Ingen idécoach är kopplad till idén [coach]']);
    expect(en(g)).toEqual(['No idea coach is assigned to the idea [coach]']);
  });

  it('lists every criterion the target stage adds', () => {
    const g = gate(sluice.idea('sund-eev2bz'), 'test');
    expect(g.open).toBe(false);
    expect(sv(g)).toEqual([
      'Planen för testet saknas eller är för kort [test_plan]',
      'Närmsta chef har inte ställt sig bakom idén [manager_support]',
    ]);
    expect(en(g)).toEqual([
      'The test plan is missing or too short [test_plan]',
      'The nearest manager has not backed the idea [manager_support]',
    ]);
  });

  it('opens once the missing fields are there, and closes again for a value that breaks a criterion', () => {
    const filled = withData('sund-eev2bz', {
      test_plan: 'Tre månader på två boenden med tio brukare.',
      manager_support: true,
    });
    expect(gate(filled, 'test')).toMatchObject({ allowed: true, open: true, missing: [] });
    const tooShort = withData('sund-eev2bz', { test_plan: 'Kort', manager_support: false });
    expect(sv(gate(tooShort, 'test'))).toEqual([
      'Planen för testet saknas eller är för kort (minst 20 tecken) [test_plan]',
      'Närmsta chef har inte ställt sig bakom idén [manager_support]',
    ]);
  });

  it('is not allowed, and so not open, for a stage that is not among the next ones, even with every criterion met', () => {
    const g = gate(sluice.idea('sund-eev2bz'), 'evaluation');
    expect(g.allowed).toBe(false);
    expect(g.open).toBe(false);
    expect(gate(sluice.idea('sund-emspzg'), 'spread').allowed).toBe(false);
    expect(gate(sluice.idea('sund-31gqyz'), 'idea')).toMatchObject({ allowed: false, open: false, missing: [] });
  });

  it('names a challenge that the config does not know, in the words validate uses (core/sluice/challenge.ts)', () => {
    const g = gate(withData('sund-eev2bz', { challenge: 'okand' }), 'parked');
    expect(g.open).toBe(false);
    expect(g.missing.map((m) => m.field)).toEqual(['challenge']);
    expect(sv(g)).toEqual(['Utmaningen "okand" finns inte i konfigurationen.']);
    expect(en(g)).toEqual(['The challenge "okand" is not in the config.']);
  });

  it('checks the base fields too, and lists a field missing in both schemas once', () => {
    const g = gate(withData('sund-39t1xh', { title: undefined }), 'idea');
    expect(g.missing.map((m) => m.pointer)).toEqual(['/title']);
    expect(sv(g)).toEqual(['Idéns namn [title]: saknas']);
  });

  it('without a criteria schema checks only the base fields', () => {
    const idea = sluice.idea('sund-eev2bz');
    const g = checkGate(idea, sluice.stage('test'), sluice.registry.config, baseValidators().idea, undefined);
    expect(g).toMatchObject({ allowed: true, open: true, missing: [] });
  });
});

describe('forwardStage', () => {
  it.each([
    ['idea', 'refinement'],
    ['refinement', 'test'],
    ['test', 'evaluation'],
    ['evaluation', 'spread'],
    ['parked', 'idea'],
  ])('leads from %s to %s', (from, to) => {
    expect(forwardStage(sluice.stage(from), sluice.registry.config)?.key).toBe(to);
  });

  it.each(['spread', 'rejected'])('leads nowhere from %s', (from) => {
    expect(forwardStage(sluice.stage(from), sluice.registry.config)).toBeUndefined();
  });
});

describe('gateChecklist for a public output', () => {
  const label = (schema: Record<string, unknown> | null, field: string) =>
    (schema?.['x-title'] as { sv?: string } | undefined)?.sv ?? `(${field})`;
  const problem = (pointer: string, keyword: string, text: string) => ({
    pointer,
    field: pointer.split('/')[1] ?? '',
    keyword,
    message: { sv: text, en: text },
  });
  const schema = {
    properties: {
      budget: { 'x-title': { sv: 'Budget' }, type: 'object', additionalProperties: false },
      phone: { 'x-title': { sv: 'Telefon' }, type: 'string', pattern: '^[0-9 ]+$' },
    },
  };
  const PERSONAL_KEY = 'Anna Berg 19800101-1234';
  const missing = [
    // Keys of the idea's own, named by the checks: never shown.
    problem(`/${PERSONAL_KEY}`, 'propertyNames', `fältnamnet "${PERSONAL_KEY}" är inte tillåtet`),
    problem(
      '/budget/lon_bo_ek_19750505_4321',
      'additionalProperties',
      'fältet "lon_bo_ek_19750505_4321" är inte tillåtet här',
    ),
    problem('/phone', 'pattern', 'Telefon [phone]: får inte vara "070-123 45 67"'),
    problem('/summary', 'minLength', 'Sammanfattning [summary]: för kort'),
  ];
  const gate = { missing } as unknown as Gate;
  const shown = { shown: (field: string) => field === 'budget' || field === 'summary', whole: () => true };
  const data = { budget: {}, phone: '070-123 45 67', summary: 'x', [PERSONAL_KEY]: 'ringer tillbaka' };

  it('names no key of the idea that no schema names, and says nothing of a field it does not show', () => {
    const items = gateChecklist(gate, data, schema, 'sv', label, shown);
    // Not even a field's name, or whether it is met: the criteria on the phone and on the idea's own key, withheld.
    const withheld = { field: '', label: '', status: 'not-given', problem: null, withheld: true };
    expect(items).toEqual([
      { field: 'budget', label: 'Budget', status: 'not-met', problem: 'har ett fält som inte är tillåtet här' },
      withheld,
      withheld,
      { field: 'summary', label: 'summary', status: 'not-met', problem: 'Sammanfattning [summary]: för kort' },
    ]);
    const text = JSON.stringify(items);
    for (const secret of [PERSONAL_KEY, 'lon_bo_ek', '070-123']) expect(text).not.toContain(secret);
  });

  it('names no key, limit or message below a shown field, nor one outside the criteria', () => {
    const SECRET = 'Lön Anna Berg] 19750101-1234';
    const below = [
      problem(`/budget/${SECRET}`, 'type', `Beloppet ska vara ett tal [budget.${SECRET}]`),
      // A criterion of another schema (allOf) on a field the target's criteria do not name.
      problem(`/parts/Eva Ek 0701234567`, 'type', 'parts.Eva Ek 0701234567: ska vara ett tal'),
    ];
    const withParts = { shown: (f: string) => ['budget', 'parts'].includes(f), whole: () => true };
    const items = gateChecklist({ missing: below } as unknown as Gate, data, schema, 'sv', label, withParts);
    expect(items.map((i) => i.problem)).toEqual([
      'ett värde i fältet uppfyller inte kraven',
      null,
      'ett värde i fältet uppfyller inte kraven',
    ]);
    const text = JSON.stringify(items);
    for (const secret of [SECRET, 'Anna', 'Eva Ek', '0701234567', 'Beloppet']) expect(text).not.toContain(secret);
  });

  it('says nothing of a criterion on a field shown only in part, met or not', () => {
    // A public team with a personal age in it: "too young (at least 18)" would say the age.
    const team = { properties: { team: { 'x-title': { sv: 'Team' }, type: 'object' } } };
    const young = [problem('/team/lead_age', 'minimum', 'Ledaren är för ung (minst 18) [team.lead_age]')];
    const inPart = { shown: () => true, whole: (f: string) => f !== 'team' };
    const withheld = { field: '', label: '', status: 'not-given', problem: null, withheld: true };
    for (const missing of [young, []])
      expect(
        gateChecklist({ missing } as unknown as Gate, { team: { lead_age: 16 } }, team, 'sv', label, inPart),
      ).toEqual([withheld]);
  });

  it('says everything for an internal output, which is not asked to hide anything', () => {
    const text = JSON.stringify(gateChecklist(gate, data, schema, 'sv', label));
    for (const said of [PERSONAL_KEY, 'lon_bo_ek', '070-123']) expect(text).toContain(said);
  });
});

describe('gateChecklist', () => {
  const label = (schema: Record<string, unknown> | null, field: string) =>
    (schema?.['x-title'] as { sv?: string } | undefined)?.sv ?? `(${field})`;
  const checklist = (idea: Idea, to: string, lang: 'sv' | 'en' = 'sv') =>
    gateChecklist(gate(idea, to), idea.data, sluice.criteria.get(to)?.schema, lang, label);

  it('marks each criterion of the target met, not met or not given, required ones first, with the problem', () => {
    expect(checklist(sluice.idea('sund-eev2bz'), 'test')).toEqual([
      { field: 'carrier', label: 'Idébärare', status: 'met', problem: null },
      { field: 'coach', label: 'Idécoach', status: 'met', problem: null },
      { field: 'unit', label: 'Enhet eller förvaltning', status: 'met', problem: null },
      { field: 'challenge', label: 'Utmaning som idén svarar mot', status: 'met', problem: null },
      {
        field: 'test_plan',
        label: 'Plan för testet',
        status: 'not-met',
        problem: 'Planen för testet saknas eller är för kort',
      },
      {
        field: 'manager_support',
        label: 'Närmsta chef stödjer idén',
        status: 'not-met',
        problem: 'Närmsta chef har inte ställt sig bakom idén',
      },
      // Optional, and the idea says nothing about it: not given, never met.
      { field: 'equality_impact', label: 'Jämställdhetsperspektiv', status: 'not-given', problem: null },
    ]);
  });

  it('gives a check mark to an optional criterion only for a value that meets it', () => {
    const status = (value: unknown) =>
      checklist(withData('sund-eev2bz', { equality_impact: value }), 'test').find((i) => i.field === 'equality_impact')
        ?.status;
    for (const empty of [undefined, '', '   \n']) expect(status(empty), JSON.stringify(empty)).toBe('not-given');
    expect(status('Gruppen är jämnt fördelad mellan kvinnor och män.')).toBe('met');
    // An empty value (`equality_impact:` in YAML) is no value: not given.
    expect(status(null)).toBe('not-given');
    // A value of the wrong kind breaks the criterion: not met.
    expect(status(['en lista'])).toBe('not-met');
  });

  it('says "empty, but required" for a required field left empty, and the kind expected for a value of another kind', () => {
    const item = (data: Record<string, unknown>, field: string, lang: 'sv' | 'en' = 'sv') =>
      checklist(withData('sund-eev2bz', data), 'test', lang).find((i) => i.field === field);
    expect(item({ coach: null }, 'coach')).toMatchObject({ status: 'not-met', problem: 'tomt, men krävs' });
    expect(item({ coach: null }, 'coach', 'en')).toMatchObject({ status: 'not-met', problem: 'empty, but required' });
    // The field's own x-message ("missing or too short") would mislead for a number: the kind is named instead.
    expect(item({ test_plan: 42 }, 'test_plan')).toEqual({
      field: 'test_plan',
      label: 'Plan för testet',
      status: 'not-met',
      problem: 'fel sorts värde: ska vara text',
    });
    expect(item({ manager_support: 'yes' }, 'manager_support', 'en')).toMatchObject({
      status: 'not-met',
      problem: 'wrong type: expected yes or no (in the file: true or false)',
    });
    expect(item({ equality_impact: 3 }, 'equality_impact', 'en')?.problem).toBe('wrong type: expected text');
  });

  it('speaks English when asked', () => {
    const items = checklist(sluice.idea('sund-emspzg'), 'refinement', 'en');
    expect(items.filter((i) => i.status !== 'met')).toEqual([
      { field: 'coach', label: 'Idécoach', status: 'not-met', problem: 'No idea coach is assigned to the idea' },
    ]);
    expect(items.filter((i) => i.status === 'met').map((i) => i.field)).toEqual(['carrier', 'unit', 'challenge']);
  });

  it('is all met for an open gate', () => {
    expect(checklist(sluice.idea('sund-eev2bz'), 'parked')).toEqual([]);
    expect(checklist(sluice.idea('sund-39t1xh'), 'idea')).toEqual([
      { field: 'title', label: '(title)', status: 'met', problem: null },
    ]);
  });

  it('adds, not met, a problem with a field that the criteria do not name', () => {
    expect(checklist(withData('sund-39t1xh', { title: undefined, created: 'i höstas' }), 'idea')).toEqual([
      { field: 'title', label: '(title)', status: 'not-met', problem: 'saknas' },
      {
        field: 'created',
        label: 'created',
        status: 'not-met',
        problem: 'Skapad [created]: ska vara ett datum (ÅÅÅÅ-MM-DD)',
      },
    ]);
  });
});

describe('criterionStatus', () => {
  it('is met only for a value that meets the criterion; 0 and false are values', () => {
    expect(criterionStatus('text', false)).toBe('met');
    expect(criterionStatus(0, false)).toBe('met');
    expect(criterionStatus(false, false)).toBe('met');
    expect(criterionStatus(['a'], false)).toBe('met');
    expect(criterionStatus({ women: 2 }, false)).toBe('met');
    expect(criterionStatus('text', true)).toBe('not-met');
    expect(criterionStatus(undefined, true)).toBe('not-met');
    for (const empty of [undefined, null, '', ' ', [], [null, ' '], {}, { women: null }])
      expect(criterionStatus(empty, false), JSON.stringify(empty)).toBe('not-given');
  });
});
