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

describe('compareSchemas: numbers JSON cannot write', () => {
  it('a const or an enum member of null made 1e999 (Infinity) is a change, and a loosening', () => {
    const base = { properties: { sponsor: { not: { const: null } } } };
    const head = { properties: { sponsor: { not: { const: Infinity } } } };
    expect(compareSchemas(base, head).map((c) => c.kind)).toContain('loosened');
    const was = { properties: { answer: { enum: ['ja', Infinity] } } };
    const now = { properties: { answer: { enum: ['ja', null] } } };
    expect(compareSchemas(was, now).map((c) => c.kind)).toContain('loosened');
  });
});

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

/** Each change as [kind, keyword, field, reason]; reason '' for none. */
const verdicts = (base: unknown, head: unknown, registry?: Parameters<typeof compareSchemas>[2]) =>
  compareSchemas(base, head, registry).map((c) => [c.kind, c.keyword, c.field, c.reason ?? '']);

// A keyword may exempt values from another one of the same schema (or of one above it): a name added to `properties`
// is no longer `additionalProperties`' to check, an item added to `prefixItems` no longer `items`'. Such a change may
// only ask more, or may let through what was refused; it cannot be shown to tighten, so it is a loosening.
describe('compareSchemas: changes that cannot be shown to only tighten', () => {
  /** The part of a schema about one object field: team_gender, whose names are listed and no other is allowed. */
  interface Team {
    additionalProperties?: unknown;
    patternProperties?: Record<string, unknown>;
    properties: Record<string, unknown>;
  }
  const team = (edit: (t: Team) => void = () => {}) => {
    const t: Team = { additionalProperties: false, properties: { women: { type: 'integer', minimum: 0 } } };
    edit(t);
    return { type: 'object', properties: { team_gender: { type: 'object', ...t } } };
  };

  it.each([
    [
      'a new sub-property beside additionalProperties: false',
      team(),
      team((t) => (t.properties.names = { type: 'string' })),
      ['loosened', 'properties', 'team_gender.names', 'exempts'],
    ],
    [
      'a new sub-property that asks nothing, beside additionalProperties: false',
      team(),
      team((t) => (t.properties.names = { 'x-title': { sv: 'Namn', en: 'Names' } })),
      ['loosened', 'properties', 'team_gender.names', 'exempts'],
    ],
    [
      'a new patternProperties entry beside additionalProperties: false',
      team(),
      team((t) => (t.patternProperties = { '^n': { type: 'string' } })),
      ['loosened', 'patternProperties', 'team_gender', 'exempts'],
    ],
    [
      'a new patternProperties entry beside an additionalProperties schema',
      team((t) => (t.additionalProperties = { type: 'integer' })),
      team((t) => {
        t.additionalProperties = { type: 'integer' };
        t.patternProperties = { '^n': { type: 'string' } };
      }),
      ['loosened', 'patternProperties', 'team_gender', 'exempts'],
    ],
  ])('%s', (_name, base, head, expected) => {
    expect(verdicts(base, head)).toContainEqual(expected);
  });

  it('a new property is a tightening where nothing else checked it: no additionalProperties, `true`, or a `false` new one', () => {
    for (const additional of [undefined, true, {}]) {
      const base = team((t) => (t.additionalProperties = additional));
      const head = team((t) => {
        t.additionalProperties = additional;
        t.properties.names = { type: 'string' };
      });
      expect(verdicts(base, head)).toEqual([['tightened', 'properties', 'team_gender.names', '']]);
    }
    const head = team((t) => (t.properties.names = false));
    expect(verdicts(team(), head)).toEqual([['tightened', 'properties', 'team_gender.names', '']]);
  });

  it('contains: minContains 0 added lets through an array with no match; a stricter contains under maxContains may too', () => {
    const tags = { properties: { tags: { type: 'array', contains: { const: 'granskad' } } } };
    const withTags = (extra: Record<string, unknown>) => ({
      properties: { tags: { ...tags.properties.tags, ...extra } },
    });
    expect(verdicts(tags, withTags({ minContains: 0, maxContains: 99 }))).toContainEqual([
      'loosened',
      'minContains',
      'tags',
      '',
    ]);
    // Raised, or absent (1) where it was 0, it asks more; so does a new maxContains.
    expect(verdicts(tags, withTags({ minContains: 2 }))).toEqual([['tightened', 'minContains', 'tags', '']]);
    expect(verdicts(withTags({ minContains: 0 }), tags)).toEqual([['tightened', 'minContains', 'tags', '']]);
    expect(verdicts(tags, withTags({ maxContains: 3 }))).toEqual([['tightened', 'maxContains', 'tags', '']]);
    // With maxContains, fewer items matching may bring an array under the cap.
    const capped = withTags({ maxContains: 1 });
    const stricter = {
      properties: { tags: { ...capped.properties.tags, contains: { const: 'granskad', type: 'string' } } },
    };
    expect(verdicts(capped, stricter)).toEqual([['loosened', 'type', 'tags[]', 'inverted']]);
    // Without it, a stricter contains asks more.
    const alone = { properties: { tags: { type: 'array', contains: { const: 'granskad', type: 'string' } } } };
    expect(verdicts(tags, alone)).toEqual([['tightened', 'type', 'tags[]', '']]);
    // Removed, even `contains: true` (the array must have an item) lets more through.
    expect(verdicts({ contains: true }, {})).toEqual([['loosened', 'contains', '', '']]);
  });

  it('prefixItems added beside items takes the first items out of items’ reach', () => {
    const list = (extra: Record<string, unknown>) => ({
      properties: { list: { type: 'array', items: { type: 'string' }, ...extra } },
    });
    expect(verdicts(list({}), list({ prefixItems: [true] }))).toEqual([['loosened', 'prefixItems', 'list', 'exempts']]);
    expect(verdicts(list({ prefixItems: [true] }), list({ prefixItems: [true, { type: 'string' }] }))).toEqual([
      ['loosened', 'prefixItems', 'list', 'exempts'],
    ]);
    // Without items, a new prefixItems only asks more; its entries are compared one by one.
    expect(verdicts({ type: 'array' }, { type: 'array', prefixItems: [{ type: 'string' }] })).toEqual([
      ['tightened', 'prefixItems', '', ''],
    ]);
    expect(
      verdicts({ prefixItems: [{ type: 'string' }] }, { prefixItems: [{ type: 'string', minLength: 2 }] }),
    ).toEqual([['tightened', 'minLength', '[]', '']]);
  });

  it('an if added or changed decides which values then and else apply to', () => {
    const base = { then: { required: ['a'] }, else: { required: ['b'] } };
    expect(verdicts(base, { ...base, if: { required: ['c'] } })).toEqual([['loosened', 'if', '', 'condition']]);
    const conditional = { if: { required: ['c'] }, then: { required: ['a'] } };
    expect(verdicts(conditional, { ...conditional, if: { required: ['c'], minProperties: 2 } })).toEqual([
      ['loosened', 'if', '', 'condition'],
    ]);
    // A then added beside an if, or made stricter, asks more of the values it applies to.
    expect(verdicts({ if: conditional.if }, conditional)).toEqual([['tightened', 'then', '', '']]);
    expect(verdicts(conditional, { ...conditional, then: { required: ['a', 'd'] } })).toEqual([
      ['tightened', 'required', 'd', ''],
    ]);
  });

  it('asking more under not, oneOf or if may let more through', () => {
    expect(verdicts({ not: { required: ['a'] } }, { not: { required: ['a', 'b'] } })).toEqual([
      ['loosened', 'not', '', 'unknown'],
    ]);
    expect(verdicts({ oneOf: [{ minimum: 1 }, { minimum: 5 }] }, { oneOf: [{ minimum: 2 }, { minimum: 5 }] })).toEqual([
      ['loosened', 'oneOf', '', 'unknown'],
    ]);
    // A part of $defs takes the sense of the $refs that use it.
    const defs = (min: number) => ({ $defs: { big: { type: 'integer', minimum: min } } });
    const negated = (min: number) => ({ ...defs(min), properties: { n: { not: { $ref: '#/$defs/big' } } } });
    expect(verdicts(negated(10), negated(20))).toEqual([['loosened', 'minimum', '', 'reference']]);
    const plain = (min: number) => ({ ...defs(min), properties: { n: { $ref: '#/$defs/big' } } });
    expect(verdicts(plain(10), plain(20))).toEqual([['tightened', 'minimum', '', '']]);
    // Used by a $ref in a `not` at either side, or through another part that is.
    const chained = (min: number) => ({
      $defs: { big: { type: 'integer', minimum: min }, outer: { $ref: '#/$defs/big' } },
      properties: { n: { oneOf: [{ $ref: '#/$defs/outer' }, { type: 'string' }] } },
    });
    expect(verdicts(chained(10), chained(20))).toEqual([['loosened', 'minimum', '', 'reference']]);
    expect(verdicts(plain(10), { ...negated(20), properties: { n: { not: { $ref: '#/$defs/big' } } } })).toContainEqual(
      ['loosened', 'minimum', '', 'reference'],
    );
  });

  it('a stricter anyOf alternative, or allOf condition, asks more', () => {
    const base = { anyOf: [{ minimum: 1 }, { type: 'string' }], allOf: [{ maxLength: 5 }] };
    expect(verdicts(base, { anyOf: [{ minimum: 2 }, { type: 'string' }], allOf: [{ maxLength: 4 }] })).toEqual([
      ['tightened', 'maxLength', '', ''],
      ['tightened', 'minimum', '', ''],
    ]);
  });

  it('where the base counts evaluated properties or items, anything that may evaluate more cannot be shown to tighten', () => {
    const base = {
      type: 'object',
      properties: { a: { type: 'string' } },
      allOf: [{ required: ['a'] }],
      unevaluatedProperties: false,
    };
    const changed = (extra: Record<string, unknown>) => ({ ...base, ...extra });
    for (const [keyword, extra] of [
      ['properties', { properties: { a: { type: 'string' }, b: { type: 'string' } } }],
      ['allOf', { allOf: [{ required: ['a'] }, { properties: { b: true } }] }],
      ['additionalProperties', { allOf: [{ required: ['a'], additionalProperties: true }] }],
      ['patternProperties', { patternProperties: { '^b': { type: 'string' } } }],
      ['dependentSchemas', { dependentSchemas: { a: { properties: { b: true } } } }],
      ['$ref', { $ref: '#/$defs/b', $defs: { b: { properties: { b: true } } } }],
    ] as const)
      expect(verdicts(base, changed(extra)), keyword).toContainEqual([
        'loosened',
        keyword,
        expect.any(String),
        'unevaluated',
      ]);
    // What asks more and evaluates nothing is still a tightening.
    expect(verdicts(base, changed({ required: ['a'] }))).toEqual([['tightened', 'required', 'a', '']]);
    const items = { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: false };
    expect(verdicts(items, { ...items, allOf: [{ items: true }] })).toEqual([['loosened', 'allOf', '', 'unevaluated']]);
    expect(verdicts(items, { ...items, contains: { type: 'integer' } })).toEqual([
      ['loosened', 'contains', '', 'unevaluated'],
    ]);
    // Added where the base has none, it is one more thing to meet.
    expect(verdicts({ properties: { a: true } }, { properties: { a: true }, unevaluatedProperties: false })).toEqual([
      ['tightened', 'unevaluatedProperties', '', ''],
    ]);
  });

  it('a $ref that cannot be followed, where more may let more through, leaves no change shown to tighten', () => {
    const base = { properties: { plan: { type: 'string', minLength: 20 } } };
    const head = { properties: { plan: { type: 'string', minLength: 40 } } };
    const other = { not: { $ref: 'test.schema.json#/properties/plan' } };
    expect(verdicts(base, head, { base: [other], head: [other] })).toEqual([
      ['loosened', 'minLength', 'plan', 'reference'],
    ]);
    // One that asks the value to meet another file's part, wherever it leads, only asks more.
    const fine = { properties: { plan: { $ref: 'test.schema.json#/properties/plan' } } };
    expect(verdicts(base, head, { base: [fine], head: [fine] })).toEqual([['tightened', 'minLength', 'plan', '']]);
  });

  it('dependentRequired asking more names is a tightening, fewer a loosening', () => {
    const base = { dependentRequired: { a: ['b'] } };
    expect(verdicts(base, { dependentRequired: { a: ['b', 'c'], d: ['e'] } })).toEqual([
      ['tightened', 'dependentRequired', '', ''],
    ]);
    expect(verdicts(base, { dependentRequired: { a: [] } })).toEqual([['loosened', 'dependentRequired', '', '']]);
  });

  it('an unknown keyword, or anyOf with another alternative, says it cannot be shown', () => {
    expect(verdicts({}, { 'x-custom': 1 })).toEqual([['loosened', 'x-custom', '', 'unknown']]);
    expect(verdicts({ anyOf: [{ minimum: 1 }] }, { anyOf: [{ minimum: 1 }, { type: 'string' }] })).toEqual([
      ['loosened', 'anyOf', '', 'unknown'],
    ]);
  });
});
