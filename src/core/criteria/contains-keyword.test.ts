import { describe, expect, it } from 'vitest';
import { compileCriteria, createAjv } from '../../io/schemas.js';

let n = 0;
const compile = (schema: unknown) => compileCriteria(schema, `contains-test-${n++}`);

describe('contains, in a loop over items or properties', () => {
  it('an empty array does not contain what the array before it did (ajv 8 carried that result over)', () => {
    const v = compile({ type: 'array', items: { type: 'array', contains: { const: 'granskad' } } });
    expect(v([['granskad'], []])).toBe(false);
    expect(v.errors?.[0]).toMatchObject({ instancePath: '/1', keyword: 'contains' });
    expect(v([['granskad'], ['x', 'granskad']])).toBe(true);
    expect(v([[]])).toBe(false);
    expect(v([])).toBe(true);
    const byName = compile({ type: 'object', additionalProperties: { type: 'array', contains: { type: 'integer' } } });
    expect(byName({ a: [1], b: [] })).toBe(false);
    expect(byName({ a: [1], b: ['x', 2] })).toBe(true);
  });

  it('the base schema’s ajv checks it the same way', () => {
    const v = createAjv().compile({ type: 'array', items: { type: 'array', contains: { const: 1 } } });
    expect(v([[1], []])).toBe(false);
  });

  it('matches a plain count of the items that match, for every form of minContains and maxContains', () => {
    // Arrays of arrays of small numbers; `contains: {minimum: 2}` counts the items of 2 and more.
    let seed = 7;
    const random = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const forms: { minContains?: number; maxContains?: number }[] = [
      {},
      { minContains: 1 },
      { minContains: 2 },
      { maxContains: 1 },
      { minContains: 0, maxContains: 2 },
      { minContains: 2, maxContains: 3 },
    ];
    for (const form of forms) {
      const v = compile({ type: 'array', items: { type: 'array', contains: { minimum: 2 }, ...form } });
      const min = form.minContains ?? 1;
      const max = form.maxContains ?? Infinity;
      for (let t = 0; t < 300; t++) {
        const data = Array.from({ length: 1 + random(4) }, () => Array.from({ length: random(4) }, () => random(4)));
        const expected = data.every((inner) => {
          const count = inner.filter((x) => x >= 2).length;
          return count >= min && count <= max;
        });
        expect(v(data), `${JSON.stringify(form)} ${JSON.stringify(data)}`).toBe(expected);
      }
    }
  });
});
