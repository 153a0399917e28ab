import { describe, expect, it } from 'vitest';
import type { RegistryConfig } from '../sluice/config.js';
import { thrown } from '../../../test/helpers/errors.js';
import {
  fieldSpec,
  foldRecordKeys,
  intakeFields,
  recordFields,
  recordKeys,
  parseAmountText,
  parseNumberText,
  settableFields,
  typeFlagValue,
  type FieldKind,
  type FieldSpec,
} from './fields.js';
import { flagFor } from '../sluice/gate-fix.js';

function config(challenges: RegistryConfig['challenges'] = []): RegistryConfig {
  return {
    schemaVersion: 1,
    name: 'Test',
    language: 'en',
    idPrefix: 'ide',
    ideasDir: 'ideas',
    stages: [
      {
        key: 'idea',
        folder: '01-ide',
        label: { sv: 'Idé', en: 'Idea' },
        next: [],
        criteria: 'c.json',
        council: false,
        funding: false,
        limitDays: null,
      },
    ],
    challenges,
    goals: [],
  };
}

const base = {
  type: 'object',
  required: ['id', 'title', 'created'],
  properties: {
    id: { type: 'string', readOnly: true },
    title: { type: 'string' },
    created: { type: 'string', readOnly: true },
    carrier: { type: 'string' },
    coach: { type: 'string' },
    unit: { type: 'string' },
    challenge: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    related: { type: 'array', readOnly: true },
    history: { type: 'array', readOnly: true },
  },
};

const criteria = {
  type: 'object',
  required: ['budget', 'kind'],
  properties: {
    ready: { type: 'boolean' },
    budget: { type: 'integer' },
    kind: { type: 'string', enum: ['app', 'process'] },
    areas: { type: 'array', items: { enum: ['school', 'care'] } },
    score: { type: 'number' },
    counts: { type: 'array', items: { type: 'integer' } },
    agreed: { const: true },
    secret: { type: 'string', readOnly: true },
  },
};

const spec = (name: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  required: false,
  schema: {},
  choices: [],
  ...extra,
});

describe('intakeFields', () => {
  it('asks for the title first, then the required fields, then the intake fields and the rest, never system or read-only ones', () => {
    const fields = intakeFields(base, criteria, config(), 'en');
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['title', 'text', true],
      ['budget', 'integer', true],
      ['kind', 'select', true],
      ['carrier', 'text', false],
      ['unit', 'text', false],
      ['challenge', 'text', false],
      ['tags', 'list', false],
      ['ready', 'confirm', false],
      ['areas', 'checkbox', false],
      ['score', 'number', false],
      ['counts', 'list', false],
      ['agreed', 'confirm', false],
    ]);
  });

  it('gives the choices of an enum and of an array of enums', () => {
    const fields = intakeFields(base, criteria, config(), 'en');
    expect(fields.find((f) => f.name === 'kind')?.choices).toEqual([
      { value: 'app', label: 'app' },
      { value: 'process', label: 'process' },
    ]);
    expect(fields.find((f) => f.name === 'areas')?.choices).toEqual([
      { value: 'school', label: 'school' },
      { value: 'care', label: 'care' },
    ]);
  });

  it('makes the challenge a select of the config challenges, labelled in the language, without the key', () => {
    const challenges = [
      { id: 'valfard', label: { sv: 'Framtidens välfärd', en: 'Future welfare' }, url: null },
      { id: 'klimat', label: { sv: 'Klimat', en: 'Climate' }, url: null },
    ];
    const challenge = intakeFields(base, criteria, config(challenges), 'sv').find((f) => f.name === 'challenge');
    expect(challenge && { kind: challenge.kind, choices: challenge.choices }).toEqual({
      kind: 'select',
      choices: [
        { value: 'valfard', label: 'Framtidens välfärd', aliases: ['Framtidens välfärd', 'Future welfare'] },
        { value: 'klimat', label: 'Klimat', aliases: ['Klimat', 'Climate'] },
      ],
    });
  });

  it('lets the criteria add to the base definition of a field', () => {
    const own = { properties: { carrier: { minLength: 3 } }, required: ['carrier'] };
    const carrier = intakeFields(base, own, config(), 'en').find((f) => f.name === 'carrier');
    expect(carrier && { kind: carrier.kind, required: carrier.required, schema: carrier.schema }).toEqual({
      kind: 'text',
      required: true,
      schema: { type: 'string', minLength: 3 },
    });
  });

  it('settableFields lists base and criteria fields, less the system ones', () => {
    expect(settableFields(base, [criteria]).sort()).toEqual(
      [
        'agreed',
        'areas',
        'budget',
        'carrier',
        'challenge',
        'coach',
        'counts',
        'kind',
        'ready',
        'score',
        'secret',
        'tags',
        'title',
        'unit',
      ].sort(),
    );
  });

  it('fieldSpec reads a field that only a later stage defines', () => {
    const later = { properties: { decision_date: { type: 'string', format: 'date' } } };
    expect(fieldSpec('decision_date', base, [criteria, later], config(), 'en', false)).toEqual({
      name: 'decision_date',
      kind: 'text',
      required: false,
      schema: { type: 'string', format: 'date' },
      choices: [],
    });
  });
});

describe('typeFlagValue', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['ja', true],
    ['Ja', true],
    ['j', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['nej', false],
    ['n', false],
    ['0', false],
    [' ja ', true],
  ])('a boolean %j is %j', (raw, value) => {
    expect(typeFlagValue(spec('ready', 'confirm'), [raw])).toBe(value);
  });

  it.each([
    ['number', '42', 42],
    ['number', '1,5', 1.5],
    ['number', '1.5', 1.5],
    ['number', '1 000,5', 1000.5],
    ['number', '1\u00a0000', 1000],
    ['number', '-3', -3],
    ['integer', '1 000', 1000],
    ['integer', '7', 7],
  ])('a %s %j is %j', (kind, raw, value) => {
    expect(typeFlagValue(spec('n', kind as FieldKind), [raw])).toBe(value);
  });

  it.each([
    ['confirm', ['kanske']],
    ['confirm', ['']],
    ['confirm', ['ja', 'nej']],
    ['integer', ['2,5']],
    ['integer', ['abc']],
    ['number', ['']],
    ['number', ['1.000,5']],
    ['number', ['Infinity']],
    ['text', ['a', 'b']],
  ])('a %s given %j is INVALID_ANSWER naming the field', (kind, raw) => {
    const e = thrown(() => typeFlagValue(spec('budget', kind as FieldKind), raw));
    expect(e.code).toBe('INVALID_ANSWER');
    expect(e.message).toMatch(/budget/);
  });

  it('splits lists on commas and joins repeated flags, dropping empty items', () => {
    expect(typeFlagValue(spec('tags', 'list'), ['a, b', 'c', ' , d ,'])).toEqual(['a', 'b', 'c', 'd']);
    expect(typeFlagValue(spec('areas', 'checkbox'), ['school,care'])).toEqual(['school', 'care']);
    expect(typeFlagValue(spec('tags', 'list'), [''])).toEqual([]);
  });

  it('types the items of a list of numbers, and refuses an item that is no number', () => {
    const counts = spec('counts', 'list', { schema: { type: 'array', items: { type: 'integer' } } });
    expect(typeFlagValue(counts, ['1, 2', '3'])).toEqual([1, 2, 3]);
    expect(thrown(() => typeFlagValue(counts, ['1, x'])).code).toBe('INVALID_ANSWER');
  });

  it.each([
    ['45000', 45000],
    ['45 000', 45000],
    ['45 000 kr', 45000],
    ['45000kr', 45000],
    ['45 000 KR', 45000],
    ['45\u00a0000', 45000],
    ['45\u00a0000\u00a0kr', 45000],
    ['45\u202f000 kr', 45000],
    ['1 200 000 SEK', 1200000],
    ['45 000:-', 45000],
    ['45 000,50 kr', 45000.5],
    ['0', 0],
    ['30,5', 30.5],
    ['30.50', 30.5],
    ['3000.000', 3000],
  ])('an amount written as Swedes write it, %j, is %j', (raw, value) => {
    expect(typeFlagValue(spec('requested_amount', 'number'), [raw])).toBe(value);
    expect(parseNumberText(raw)).toBe(value);
  });

  it('takes an amount of money of at most 15 digits, which a number holds exactly', () => {
    expect(parseAmountText('999 999 999 999 999 kr')).toBe(999_999_999_999_999);
    expect(parseAmountText('45 000,50')).toBe(45000.5);
    for (const raw of ['9007199254740993', '1 000 000 000 000 000', '99999999999999999999999', '-5', '-0'])
      expect(parseAmountText(raw), raw).toBeNull();
  });

  it("reads a table's cell of a point or comma and three digits as a decimal, as the program that wrote it meant", () => {
    expect(parseNumberText('2,125', 'table')).toBe(2.125);
    expect(parseNumberText('2.125', 'table')).toBe(2.125);
    expect(typeFlagValue(spec('score', 'number'), ['2,125'], 'table')).toBe(2.125);
    expect(parseNumberText('2,125')).toBeNull();
  });

  it.each([
    '1e6',
    '0x10',
    '0b1',
    '0o7',
    '45,5,5',
    '45.000.000',
    '4 50',
    '45  000',
    '1 0000',
    'kr',
    '',
    ' ',
    '+5',
    '5-',
    'NaN',
    '45 000 euro',
    '١٢',
    // Thirty thousand to many who write it, thirty to a program: neither is guessed.
    '30.000',
    '30.000 kr',
    '1,500',
    '-2.500',
  ])('an amount written %j is refused, naming the field', (raw) => {
    const e = thrown(() => typeFlagValue(spec('requested_amount', 'number'), [raw]));
    expect(e.code).toBe('INVALID_ANSWER');
    expect(e.message).toContain('requested_amount');
    expect(e.message).toContain('45 000');
    expect(parseNumberText(raw)).toBeNull();
  });

  it('refuses a fraction for a whole number, naming the field', () => {
    const e = thrown(() => typeFlagValue(spec('participants', 'integer'), ['12,5']));
    expect(e.message).toMatch(/participants.*12,5/);
  });

  it('matches a choice whatever its case and stores the schema spelling', () => {
    const s = spec('kind', 'select', {
      choices: [
        { value: 'Pilot', label: 'Pilot' },
        { value: 'scale', label: 'scale' },
      ],
    });
    expect(typeFlagValue(s, ['pilot'])).toBe('Pilot');
    expect(typeFlagValue(s, ['PILOT'])).toBe('Pilot');
    expect(typeFlagValue(s, ['Scale'])).toBe('scale');
    expect(thrown(() => typeFlagValue(s, ['pilots'])).code).toBe('INVALID_ANSWER');
    const areas = spec('areas', 'checkbox', { choices: [{ value: 'school', label: 'school' }] });
    expect(typeFlagValue(areas, ['SCHOOL'])).toEqual(['school']);
  });

  it('takes a challenge by its id or its label in either language, whatever the case', () => {
    const challenges = [
      { id: 'valfard', label: { sv: 'Framtidens välfärd', en: 'Future welfare' }, url: null },
      { id: 'klimat', label: { sv: 'Klimat', en: 'Climate' }, url: null },
    ];
    const c = fieldSpec('challenge', base, [], config(challenges), 'sv', false);
    expect(typeFlagValue(c, ['valfard'])).toBe('valfard');
    expect(typeFlagValue(c, ['Framtidens välfärd'])).toBe('valfard');
    expect(typeFlagValue(c, ['FRAMTIDENS VÄLFÄRD'])).toBe('valfard');
    expect(typeFlagValue(c, ['future welfare'])).toBe('valfard');
    expect(typeFlagValue(c, ['Klimat'])).toBe('klimat');
    expect(thrown(() => typeFlagValue(c, ['Skola'])).code).toBe('INVALID_ANSWER');
  });

  it('keeps text as given, trimmed', () => {
    expect(typeFlagValue(spec('unit', 'text'), ['  Socialtjänsten, Ånge  '])).toBe('Socialtjänsten, Ånge');
  });
});

describe('flagFor', () => {
  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `c${i}`, label: `C ${i}` }));
  it.each([
    [spec('title', 'text'), "--title '<text>'"],
    [spec('unit', 'text'), "--set 'unit=<text>'"],
    [spec('ready', 'confirm'), "--set 'ready=<yes|no>'"],
    // The one answer the criteria take: no choice offered that never opens the gate.
    [spec('manager_support', 'confirm', { schema: { type: 'boolean', const: true } }), '--set manager_support=yes'],
    [spec('conflict', 'confirm', { schema: { const: false } }), '--set conflict=no'],
    [spec('kind', 'select', { choices: choices(2) }), "--set 'kind=<one of: C 0, C 1>'"],
    [
      spec('municipality', 'select', { choices: choices(15) }),
      "--set 'municipality=<one of: C 0, C 1, C 2, C 3, C 4, C 5, …>'",
    ],
    [spec('areas', 'checkbox', { choices: choices(7) }), "--set 'areas=<one of: C 0, C 1, C 2, C 3, C 4, C 5, …>'"],
    [spec('tags', 'list'), "--set 'tags=<a,b>'"],
    [spec('budget', 'integer'), "--set 'budget=<whole number>'"],
    [spec('score', 'number'), "--set 'score=<amount or number>'"],
  ])('%o gives %s', (field, flag) => {
    expect(flagFor(field, 'en')).toBe(flag);
  });

  it('speaks the language asked for, a choice by its labels', () => {
    const challenge = spec('challenge', 'select', { choices: [{ value: 'aldre', label: 'Äldres livskvalitet' }] });
    expect(flagFor(challenge, 'sv')).toBe("--set 'challenge=<ett av: Äldres livskvalitet>'");
    expect(flagFor(spec('title', 'text'), 'sv')).toBe("--title '<text>'");
  });
});

describe('records: keys set one by one', () => {
  const team = {
    type: 'object',
    required: ['men', 'women'],
    properties: { women: { type: 'integer' }, men: { type: 'integer' }, other: { type: 'integer' } },
  };
  const base = { properties: { title: { type: 'string' }, team, tags: { type: 'array' }, bare: { type: 'object' } } };

  it('names the keys of every record a --set may name, and types a key by its own schema', () => {
    expect(recordKeys(base, [])).toEqual(['team.women', 'team.men', 'team.other']);
    expect(fieldSpec('team.women', base, [], config(), 'en', false)).toMatchObject({
      name: 'team.women',
      kind: 'integer',
    });
    expect(fieldSpec('team.nosuch', base, [], config(), 'en', false).schema).toEqual({});
  });

  it('asks for the keys a record requires, or else for all it names', () => {
    expect(recordFields(team)).toEqual(['men', 'women']);
    expect(recordFields({ ...team, required: [] })).toEqual(['women', 'men', 'other']);
  });

  it('folds keys into the record the idea has, keeps its other keys, and removes a key set to undefined', () => {
    const data = { team: { women: 1, men: 2 }, title: 'T' };
    const folded = foldRecordKeys(
      new Map<string, unknown>([
        ['title', 'U'],
        ['team.women', 3],
        ['team.other', 1],
        ['team.men', undefined],
      ]),
      data,
    );
    expect([...folded]).toEqual([
      ['title', 'U'],
      ['team', { women: 3, other: 1 }],
    ]);
    expect(data.team).toEqual({ women: 1, men: 2 });
    // A field that is no record yet (absent, or a value of another type) starts empty; the last key removed removes it.
    expect([...foldRecordKeys(new Map([['team.men', 2]]), { team: 'x' })]).toEqual([['team', { men: 2 }]]);
    expect([...foldRecordKeys(new Map([['team.men', undefined]]), { team: { men: 1 } })]).toEqual([
      ['team', undefined],
    ]);
  });
});
