import { describe, expect, it } from 'vitest';
import { LazyList, lazyMap } from './lazy-list.js';
import { jsonParts, jsonText } from './output.js';
import type { Dto } from './dto.js';

/** The writer's own tests hand it values of their own making: in the program, dto.ts alone makes what it writes. */
const asBuilt = <T extends object>(value: T) => value as Dto<T>;

describe('jsonText', () => {
  it('writes DEL, C1 controls, line separators and bidirectional controls as \\u escapes, meaning the same', () => {
    const title = 'a\u007fb\u009b31mc\u2028d\u202eevil\u2066e\u200ff\u0085';
    const text = jsonText(asBuilt({ title }));
    expect(text).toBe('{\n  "title": "a\\u007fb\\u009b31mc\\u2028d\\u202eevil\\u2066e\\u200ff\\u0085"\n}\n');
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u202e\u2066\u200f]/);
    expect((JSON.parse(text) as { title: string }).title).toBe(title);
  });

  it('leaves Swedish and other text as it is', () => {
    expect(jsonText(asBuilt({ t: 'Äldreomsorg – på distans ✓' }))).toBe('{\n  "t": "Äldreomsorg – på distans ✓"\n}\n');
  });
});

describe('jsonParts', () => {
  it.each([
    ['an empty document', {}],
    ['scalars, an empty list and a nested one', { a: 1, b: 'x\u2028y', c: [], d: { e: [1, [2, { f: null }]] } }],
    [
      'a long list of records, with holes JSON writes as null',
      {
        kind: 'idea-list',
        ideas: [{ id: 'a', tags: ['x', 'y'], n: { m: [] } }, undefined, () => 1, { id: 'b\u202e' }, 'text', 3],
      },
    ],
    ['values JSON leaves out, first and last', { skip: undefined, keep: [1], f: () => 1, last: undefined }],
  ])('writes %s in pieces as jsonText writes it whole', (_what, doc: Record<string, unknown>) => {
    expect([...jsonParts(asBuilt(doc))].join('')).toBe(jsonText(asBuilt(doc)));
  });

  it('writes a LazyList as the array of its items, making each only as it is written', () => {
    const made: number[] = [];
    const doc = asBuilt({
      kind: 'idea-export',
      ideas: new LazyList(3, (i) => {
        made.push(i);
        return { id: `i${i}`, tags: [i] };
      }),
      none: lazyMap([], (x) => x),
    });
    const parts = jsonParts(doc);
    // The opening, the kind, the list's opening and its first item: one item made, the others not yet.
    const first = [0, 1, 2, 3].map(() => parts.next().value as string);
    expect(first[3]).toBe('\n    {\n      "id": "i0",\n      "tags": [\n        0\n      ]\n    },');
    expect(made).toEqual([0]);
    const text = first.join('') + [...parts].join('');
    expect(made).toEqual([0, 1, 2]);
    expect(text).toBe(jsonText(doc));
    expect(JSON.parse(text)).toEqual({
      kind: 'idea-export',
      ideas: [0, 1, 2].map((i) => ({ id: `i${i}`, tags: [i] })),
      none: [],
    });
  });
});
