import { describe, expect, it } from 'vitest';
import { nullObjectFrom } from '../safe-object.js';
import { equalityKey } from './equality-keywords.js';
import { compileCriteria } from '../../io/schemas.js';

/** An object as the front matter reader makes it: no prototype. */
const bare = (o: Record<string, unknown>) => nullObjectFrom(Object.entries(o));

describe('equalityKey', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, bare({ b: [1, 2], a: 1.0 })],
    [-0, 0],
    [[bare({ x: null })], [{ x: null }]],
  ])('%j and %j are equal', (a, b) => {
    expect(equalityKey(a)).toBe(equalityKey(b));
  });

  it.each([
    [Infinity, null],
    [NaN, null],
    ['1', 1],
    [true, 'true'],
    [
      [1, 2],
      [2, 1],
    ],
    [{ a: undefined }, {}],
    [{ 'a":1,"b': 2 }, { a: 1, b: 2 }],
  ])('%j and %j differ', (a, b) => {
    expect(equalityKey(a)).not.toBe(equalityKey(b));
  });
});

describe('const, enum and uniqueItems in criteria', () => {
  const check = compileCriteria(
    {
      type: 'object',
      properties: {
        place: { const: { town: 'Sundsvall' } },
        team: { enum: [{ lead: 'unit' }, 'none'] },
        steps: { type: 'array', uniqueItems: true },
      },
    },
    'test:equality-keywords',
  );
  const run = (data: Record<string, unknown>) => {
    const ok = check(bare(data));
    return { ok, errors: (check.errors ?? []).map((e) => [e.instancePath, e.keyword, e.params]) };
  };

  it('accepts equal objects that have no prototype', () => {
    expect(
      run({
        place: bare({ town: 'Sundsvall' }),
        team: bare({ lead: 'unit' }),
        steps: [bare({ a: 1 }), bare({ a: 2 })],
      }),
    ).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('names what differs, with the parameters the messages use', () => {
    expect(
      run({ place: bare({ town: 'Umeå' }), team: bare({ lead: 'x' }), steps: [bare({ a: 1 }), [1], bare({ a: 1 })] }),
    ).toEqual({
      ok: false,
      errors: [
        ['/place', 'const', { allowedValue: { town: 'Sundsvall' } }],
        ['/team', 'enum', { allowedValues: [{ lead: 'unit' }, 'none'] }],
        ['/steps', 'uniqueItems', { i: 2, j: 0 }],
      ],
    });
  });
});
