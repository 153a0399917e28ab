import { describe, expect, it } from 'vitest';
import { compareSchemas } from './criteria-diff.js';

const TEST = {
  type: 'object',
  required: ['carrier', 'test_plan', 'manager_support'],
  properties: {
    test_plan: { type: 'string', minLength: 20, 'x-title': { sv: 'Plan', en: 'Plan' } },
    manager_support: { type: 'boolean', const: true },
    budget: { type: 'integer', minimum: 0, maximum: 500000 },
    phone: { type: 'string', 'x-personal': true },
    area: { enum: ['norr', 'syd'] },
  },
};

/** The schema with one change made to a copy of it. */
function changed(edit: (s: typeof TEST & Record<string, unknown>) => void): Record<string, unknown> {
  const copy = structuredClone(TEST) as typeof TEST & Record<string, unknown>;
  edit(copy);
  return copy;
}

const kinds = (head: unknown) => compareSchemas(TEST, head).map((c) => [c.kind, c.keyword, c.field]);

describe('compareSchemas', () => {
  it('finds nothing in the same schema, keys in any order', () => {
    expect(compareSchemas(TEST, JSON.parse(JSON.stringify(TEST)))).toEqual([]);
  });

  it.each([
    ['a required criterion dropped', (s) => (s.required = ['carrier', 'test_plan']), 'required', 'manager_support'],
    ['minLength lowered', (s) => (s.properties.test_plan.minLength = 1), 'minLength', 'test_plan'],
    [
      'minLength removed',
      (s) => delete (s.properties.test_plan as Record<string, unknown>).minLength,
      'minLength',
      'test_plan',
    ],
    [
      'const removed',
      (s) => delete (s.properties.manager_support as Record<string, unknown>).const,
      'const',
      'manager_support',
    ],
    ['const changed', (s) => (s.properties.manager_support.const = false), 'const', 'manager_support'],
    ['maximum raised', (s) => (s.properties.budget.maximum = 900000), 'maximum', 'budget'],
    [
      'a type widened',
      (s) => ((s.properties.budget as Record<string, unknown>).type = ['integer', 'string']),
      'type',
      'budget',
    ],
    ['an enum value added', (s) => s.properties.area.enum.push('väst'), 'enum', 'area'],
    [
      'a field no longer personal data',
      (s) => delete (s.properties.phone as Record<string, unknown>)['x-personal'],
      'x-personal',
      'phone',
    ],
    [
      "a property's criteria removed",
      (s) => delete (s.properties as Record<string, unknown>).budget,
      'properties',
      'budget',
    ],
    ['an unknown keyword changed', (s) => (s['x-custom'] = 1), 'x-custom', ''],
  ] as [string, (s: typeof TEST & Record<string, unknown>) => void, string, string][])(
    '%s is a loosening',
    (_name, edit, keyword, field) => {
      // An unknown keyword is not shown to be a tightening: it counts as a loosening.
      expect(kinds(changed(edit))).toContainEqual(['loosened', keyword, field]);
    },
  );

  it('a const of null added or removed is a change', () => {
    const kind = (base: unknown, head: unknown) => compareSchemas(base, head).map((c) => [c.kind, c.keyword, c.field]);
    expect(kind({ properties: { a: { const: null } } }, { properties: { a: {} } })).toEqual([
      ['loosened', 'const', 'a'],
    ]);
    expect(kind({ properties: { a: {} } }, { properties: { a: { const: null } } })).toEqual([
      ['tightened', 'const', 'a'],
    ]);
  });

  it('anyOf with another alternative is a loosening, with one fewer a tightening', () => {
    const base = { anyOf: [{ required: ['a'] }, { required: ['b'] }] };
    expect(compareSchemas(base, { anyOf: [...base.anyOf, { required: ['c'] }] })[0]?.kind).toBe('loosened');
    expect(compareSchemas(base, { anyOf: [{ required: ['a'] }] })[0]?.kind).toBe('tightened');
  });

  it('the whole schema replaced by `true`, or `{}`, is a loosening', () => {
    expect(kinds(true)).toEqual([['loosened', '', '']]);
    expect(compareSchemas(TEST, {}).every((c) => c.kind === 'loosened')).toBe(true);
    expect(compareSchemas(TEST, {}).map((c) => c.keyword)).toEqual(
      expect.arrayContaining(['required', 'properties', 'type']),
    );
  });

  it.each([
    ['a criterion made required', (s) => s.required.push('coach'), 'required', 'coach'],
    ['minLength raised', (s) => (s.properties.test_plan.minLength = 40), 'minLength', 'test_plan'],
    ['maximum lowered', (s) => (s.properties.budget.maximum = 100000), 'maximum', 'budget'],
    ['an enum value removed', (s) => (s.properties.area.enum = ['norr']), 'enum', 'area'],
    [
      'a pattern added',
      (s) => ((s.properties.test_plan as Record<string, unknown>).pattern = '^T'),
      'pattern',
      'test_plan',
    ],
    ['a type narrowed', (s) => ((s.properties.budget as Record<string, unknown>).type = 'integer'), '', ''],
    [
      'a new property with criteria',
      (s) => ((s.properties as Record<string, unknown>).coach = { minLength: 2 }),
      'properties',
      'coach',
    ],
  ] as [string, (s: typeof TEST & Record<string, unknown>) => void, string, string][])(
    '%s is a tightening',
    (_name, edit, keyword, field) => {
      const head = changed(edit);
      const found = compareSchemas(TEST, head);
      expect(
        found.every((c) => c.kind !== 'loosened'),
        JSON.stringify(found),
      ).toBe(true);
      if (keyword) expect(kinds(head)).toContainEqual(['tightened', keyword, field]);
    },
  );

  // A field no schema classified is hidden from the site and the export; a part of the criteria that marks it public,
  // however it is added, publishes it: a loosening for the council, as dropping x-personal is.
  it.each([
    [
      'a new property marked public',
      (s) => ((s.properties as Record<string, unknown>).home = { type: 'string', 'x-public': true }),
    ],
    ['a new patternProperties', (s) => (s.patternProperties = { '^h': { 'x-public': true } })],
    ['additionalProperties marked public', (s) => (s.additionalProperties = { 'x-public': true })],
    ['an allOf that declares it public', (s) => (s.allOf = [{ properties: { home: { 'x-public': true } } }])],
    ['a then that declares it public', (s) => (s.then = { properties: { home: { 'x-public': true, minLength: 1 } } })],
    [
      'a $ref to a public part of $defs the base already had',
      (s) => {
        s.$defs = { open: { type: 'string', 'x-public': true } };
        (s.properties as Record<string, unknown>).home = { $ref: '#/$defs/open' };
      },
      { ...TEST, $defs: { open: { type: 'string', 'x-public': true } } },
    ],
    [
      'a $ref to an $anchor marked public',
      (s) => {
        s.$defs = { open: { $anchor: 'pub', 'x-public': true } };
        (s.properties as Record<string, unknown>).home = { $ref: '#pub' };
      },
      { ...TEST, $defs: { open: { $anchor: 'pub', 'x-public': true } } },
    ],
  ] as [string, (s: typeof TEST & Record<string, unknown>) => void, unknown?][])(
    '%s publishes more: a loosening',
    (_name, edit, base = TEST) => {
      const found = compareSchemas(base, changed(edit));
      expect(
        found.some((c) => c.kind === 'loosened' && c.keyword === 'x-public'),
        JSON.stringify(found),
      ).toBe(true);
    },
  );

  it('a new property that is not public, or one marked personal, is still a tightening', () => {
    for (const home of [{ type: 'string' }, { type: 'string', 'x-personal': true }]) {
      const found = compareSchemas(
        TEST,
        changed((s) => ((s.properties as Record<string, unknown>).home = home)),
      );
      expect(found.map((c) => c.kind)).toEqual(['tightened']);
    }
  });

  it('words for people are neither: a changed title or message', () => {
    const head = changed((s) => (s.properties.test_plan['x-title'] = { sv: 'Testplan', en: 'Test plan' }));
    expect(compareSchemas(TEST, head)).toEqual([
      {
        kind: 'text',
        pointer: '/properties/test_plan/x-title',
        keyword: 'x-title',
        field: 'test_plan',
        from: '{"en":"Plan","sv":"Plan"}',
        to: '{"en":"Test plan","sv":"Testplan"}',
      },
    ]);
  });

  it('points at where the change is in head, or where it was when it is gone', () => {
    const lowered = compareSchemas(
      TEST,
      changed((s) => (s.properties.test_plan.minLength = 1)),
    );
    expect(lowered).toEqual([
      {
        kind: 'loosened',
        pointer: '/properties/test_plan/minLength',
        keyword: 'minLength',
        field: 'test_plan',
        from: '20',
        to: '1',
      },
    ]);
    const dropped = compareSchemas(
      TEST,
      changed((s) => (s.required = ['carrier'])),
    );
    expect(dropped.map((c) => [c.pointer, c.field, c.from, c.to])).toEqual([
      ['/required', 'test_plan', 'true', null],
      ['/required', 'manager_support', 'true', null],
    ]);
  });
});
