import { describe, expect, it } from 'vitest';
import { compileCriteria } from '../../io/schemas.js';
import { describeErrors, isUnwanted, rememberingLast } from './schema-check.js';

/** What a schema says of a value, problem by problem: its pointer, keyword and words in both languages. */
function problems(schema: Record<string, unknown>, value: unknown, key: string) {
  const check = compileCriteria({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }, `test:${key}`);
  expect(check(value), key).toBe(false);
  return describeErrors(check.errors).map((p) => ({ pointer: p.pointer, keyword: p.keyword, ...p.message }));
}

describe('describeErrors', () => {
  it("gives a schema's own x-message with its field in brackets, its limit, and without empty ones for a value checked alone", () => {
    const message = { 'x-message': { sv: 'Planen saknas eller är för kort', en: 'The plan is missing or too short' } };
    expect(problems({ properties: { plan: { minLength: 20, ...message } } }, { plan: 'kort' }, 'in-idea')).toEqual([
      {
        pointer: '/plan',
        keyword: 'minLength',
        sv: 'Planen saknas eller är för kort (minst 20 tecken) [plan]',
        en: 'The plan is missing or too short (at least 20 characters) [plan]',
      },
    ]);
    // A prompt checks the answer alone, against the field's schema: there is no field to name.
    expect(problems({ type: 'string', minLength: 20, ...message }, 'kort', 'alone')).toEqual([
      {
        pointer: '',
        keyword: 'minLength',
        sv: 'Planen saknas eller är för kort (minst 20 tecken)',
        en: 'The plan is missing or too short (at least 20 characters)',
      },
    ]);
  });

  it('adds the limit an x-message leaves out, and only that', () => {
    const said = (schema: Record<string, unknown>, value: unknown) =>
      problems({ properties: { f: schema } }, { f: value }, `limit-${JSON.stringify(schema)}`).map((p) => [p.sv, p.en]);
    const own = (sv: string, en: string) => ({ 'x-message': { sv, en } });
    // A required field that is missing has no limit to give.
    expect(
      problems(
        { required: ['f'], properties: { f: { minLength: 20, ...own('Saknas', 'Missing') } } },
        {},
        'limit-required',
      ),
    ).toMatchObject([{ sv: 'Saknas [f]', en: 'Missing [f]' }]);
    // An empty text breaks a count of 1: "saknas" says it all.
    expect(said({ minLength: 1, ...own('Saknas', 'Missing') }, '')).toEqual([['Saknas [f]', 'Missing [f]']]);
    expect(said({ minItems: 1, ...own('Ingen vald', 'None chosen') }, [])).toEqual([
      ['Ingen vald [f]', 'None chosen [f]'],
    ]);
    // A message that says its bound in words keeps them.
    expect(said({ minItems: 2, ...own('Behöver minst två partner', 'Needs at least two partners') }, ['a'])).toEqual([
      ['Behöver minst två partner [f]', 'Needs at least two partners [f]'],
    ]);
    // A message that has the number already keeps its own words.
    expect(said({ minLength: 20, ...own('Minst 20 tecken', 'At least 20 characters') }, 'x')).toEqual([
      ['Minst 20 tecken [f]', 'At least 20 characters [f]'],
    ]);
    // 200 is not 20, nor is 1.20 or 20.5.
    expect(said({ minLength: 20, ...own('Högst 200 ord, 1.20 sidor, 20.5 rader', 'x') }, 'x')[0]?.[0]).toBe(
      'Högst 200 ord, 1.20 sidor, 20.5 rader (minst 20 tecken) [f]',
    );
    expect(said({ maxLength: 5, ...own('För lång', 'Too long') }, 'sexsex')).toEqual([
      ['För lång (högst 5 tecken) [f]', 'Too long (at most 5 characters) [f]'],
    ]);
    expect(said({ minItems: 2, ...own('För få', 'Too few') }, ['a'])).toEqual([
      ['För få (minst 2 värden) [f]', 'Too few (at least 2 values) [f]'],
    ]);
    expect(said({ minimum: 0, ...own('Negativt', 'Negative') }, -1)).toEqual([
      ['Negativt (minst 0) [f]', 'Negative (at least 0) [f]'],
    ]);
    expect(said({ exclusiveMaximum: 10, ...own('För stort', 'Too large') }, 10)).toEqual([
      ['För stort (mindre än 10) [f]', 'Too large (less than 10) [f]'],
    ]);
    expect(said({ multipleOf: 1000, ...own('Jämna tusental', 'Whole thousands') }, 1500)).toEqual([
      ['Jämna tusental (en multipel av 1000) [f]', 'Whole thousands (a multiple of 1000) [f]'],
    ]);
    // Keywords without a limit are as they were.
    expect(said({ const: true, ...own('Inte klart', 'Not done') }, false)).toEqual([
      ['Inte klart [f]', 'Not done [f]'],
    ]);
    expect(said({ pattern: '^a', ...own('Fel form', 'Wrong form') }, 'b')).toEqual([
      ['Fel form [f]', 'Wrong form [f]'],
    ]);
  });

  it('words every keyword a criterion may fail in Swedish and English, never in ajv’s English', () => {
    const cases: [
      string,
      Record<string, unknown>,
      unknown,
      { pointer: string; keyword: string; sv: string; en: string },
    ][] = [
      [
        'multipleOf',
        { properties: { budget: { multipleOf: 1000 } } },
        { budget: 1500 },
        {
          pointer: '/budget',
          keyword: 'multipleOf',
          sv: 'budget: ska vara en multipel av 1000',
          en: 'budget: must be a multiple of 1000',
        },
      ],
      [
        'exclusiveMinimum',
        { properties: { n: { exclusiveMinimum: 0 } } },
        { n: 0 },
        { pointer: '/n', keyword: 'exclusiveMinimum', sv: 'n: ska vara större än 0', en: 'n: must be greater than 0' },
      ],
      [
        'exclusiveMaximum',
        { properties: { n: { exclusiveMaximum: 9 } } },
        { n: 9 },
        { pointer: '/n', keyword: 'exclusiveMaximum', sv: 'n: ska vara mindre än 9', en: 'n: must be less than 9' },
      ],
      [
        'minProperties',
        { properties: { meta: { minProperties: 2 } } },
        { meta: { a: 1 } },
        {
          pointer: '/meta',
          keyword: 'minProperties',
          sv: 'meta: ska ha minst 2 fält',
          en: 'meta: must have at least 2 fields',
        },
      ],
      [
        'maxProperties',
        { properties: { meta: { maxProperties: 1 } } },
        { meta: { a: 1, b: 2 } },
        {
          pointer: '/meta',
          keyword: 'maxProperties',
          sv: 'meta: får ha högst 1 fält',
          en: 'meta: may have at most 1 field',
        },
      ],
      [
        'contains',
        { properties: { team: { contains: { const: 'coach' } } } },
        { team: ['a', 'b'] },
        {
          pointer: '/team',
          keyword: 'contains',
          sv: 'team: ska ha minst 1 värde som uppfyller kraven',
          en: 'team: must have at least 1 value meeting the criteria',
        },
      ],
      [
        'maxContains',
        { properties: { team: { contains: { const: 'coach' }, minContains: 1, maxContains: 2 } } },
        { team: ['coach', 'coach', 'coach'] },
        {
          pointer: '/team',
          keyword: 'contains',
          sv: 'team: ska ha minst 1 och högst 2 värden som uppfyller kraven',
          en: 'team: must have at least 1 and at most 2 values meeting the criteria',
        },
      ],
      [
        'propertyNames',
        { properties: { meta: { propertyNames: { pattern: '^[a-z]+$' } } } },
        { meta: { A: 1 } },
        {
          pointer: '/meta/A',
          keyword: 'propertyNames',
          sv: 'meta.A: fältnamnet "A" är inte tillåtet',
          en: 'meta.A: the field name "A" is not allowed',
        },
      ],
      [
        'not',
        { properties: { code: { not: { const: 'x' } } } },
        { code: 'x' },
        {
          pointer: '/code',
          keyword: 'not',
          sv: 'code: har ett värde som inte är tillåtet',
          en: 'code: has a value that is not allowed',
        },
      ],
      [
        'false',
        { properties: { extra: false } },
        { extra: 1 },
        {
          pointer: '/extra',
          keyword: 'false schema',
          sv: 'extra: är inte tillåtet här',
          en: 'extra: is not allowed here',
        },
      ],
      [
        'dependentRequired',
        { dependentRequired: { budget: ['owner'] } },
        { budget: 1 },
        {
          pointer: '/owner',
          keyword: 'dependentRequired',
          sv: 'owner: saknas (krävs när "budget" finns)',
          en: 'owner: is missing (required when "budget" is present)',
        },
      ],
      [
        'unevaluatedProperties',
        { properties: { a: {} }, unevaluatedProperties: false },
        { a: 1, b: 2 },
        {
          pointer: '/b',
          keyword: 'unevaluatedProperties',
          sv: 'fältet "b" är inte tillåtet här',
          en: 'the field "b" is not allowed here',
        },
      ],
      [
        'prefixItems',
        { properties: { pair: { prefixItems: [{}, {}], items: false } } },
        { pair: [1, 2, 3] },
        {
          pointer: '/pair',
          keyword: 'items',
          sv: 'pair: får ha högst 2 värden',
          en: 'pair: may have at most 2 values',
        },
      ],
      [
        'minItems one',
        { properties: { tags: { minItems: 1 } } },
        { tags: [] },
        {
          pointer: '/tags',
          keyword: 'minItems',
          sv: 'tags: ska ha minst 1 värde',
          en: 'tags: must have at least 1 value',
        },
      ],
    ];
    for (const [key, schema, value, expected] of cases) expect(problems(schema, value, key), key).toEqual([expected]);
  });

  it('names a keyword it has no words for, rather than showing ajv’s English', () => {
    const [problem] = describeErrors([
      {
        keyword: 'someKeyword',
        instancePath: '/x',
        schemaPath: '#/properties/x/someKeyword',
        params: {},
        message: 'must be something',
      },
    ]);
    expect(problem?.message).toEqual({
      sv: 'x: uppfyller inte kravet someKeyword',
      en: 'x: does not meet the requirement someKeyword',
    });
  });

  it('takes a field the value may not have as one to remove', () => {
    expect(isUnwanted({ keyword: 'false schema' })).toBe(true);
    expect(isUnwanted({ keyword: 'additionalProperties' })).toBe(true);
    expect(isUnwanted({ keyword: 'unevaluatedProperties' })).toBe(true);
    expect(isUnwanted({ keyword: 'required' })).toBe(false);
    expect(isUnwanted({ keyword: 'not' })).toBe(false);
  });
});

describe('rememberingLast', () => {
  it('checks an object once while it is the last one given, and gives its answer and errors again', () => {
    const compiled = compileCriteria({ type: 'object', required: ['title'] }, 'remembering-last');
    let checks = 0;
    const counted = Object.assign((data: unknown) => (checks++, compiled(data)), compiled) as typeof compiled;
    Object.defineProperty(counted, 'errors', { get: () => compiled.errors });
    const check = rememberingLast(counted);
    const bad = { summary: 'x' };
    const good = { title: 'En idé' };
    expect(check(bad)).toBe(false);
    expect(check(bad)).toBe(false);
    expect(check.errors?.[0]?.params).toEqual({ missingProperty: 'title' });
    expect(checks).toBe(1);
    expect(check(good)).toBe(true);
    expect(check.errors).toBeNull();
    expect(checks).toBe(2);
    // The object given before the last is checked again: only the last is remembered.
    expect(check(bad)).toBe(false);
    expect(check.errors).toHaveLength(1);
    expect(checks).toBe(3);
    // An equal object is another object.
    expect(check({ summary: 'x' })).toBe(false);
    expect(checks).toBe(4);
  });
});
