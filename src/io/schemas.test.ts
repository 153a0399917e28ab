import { describe, expect, it } from 'vitest';
import { compileCriteria } from './schemas.js';
import { thrown } from '../../test/helpers/errors.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

describe('compileCriteria', () => {
  // Found from outside: `{"$ref": "#"}` ran ajv's code until the stack ran out, an "unexpected error".
  it.each([
    ['a $ref to the schema itself', { $ref: '#' }, {}],
    [
      'a ring of $defs',
      { $ref: '#/$defs/a', $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { $ref: '#/$defs/a' } } },
      {},
    ],
    [
      'a ring behind a condition, for an idea that meets it',
      { if: { required: ['x'] }, then: { $ref: '#' } },
      { x: 1 },
    ],
  ])('names the file of criteria that check without end: %s', (_name, schema, idea) => {
    const check = compileCriteria({ $schema: DRAFT, ...schema }, `criteria:criteria/${_name}.json`);
    const e = thrown(() => check(idea));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.text.sv).toContain(`Kriterierna i criteria/${_name}.json hänvisar till sig själva`);
  });

  it('checks as ajv does otherwise, its errors where ajv leaves them', () => {
    const check = compileCriteria(
      { $schema: DRAFT, required: ['title'], properties: { n: { $ref: '#' } } },
      'criteria:tree.json',
    );
    expect(check({ title: 'x', n: { title: 'y' } })).toBe(true);
    expect(check({ title: 'x', n: {} })).toBe(false);
    expect(check.errors?.map((e) => e.instancePath)).toEqual(['/n']);
  });
});
