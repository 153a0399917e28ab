import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../criteria/fields.js';
import { firstFix, gateFixes } from './gate-fix.js';

const CHALLENGE: FieldSpec = {
  name: 'challenge',
  kind: 'select',
  required: false,
  schema: { type: 'string' },
  choices: [
    { value: 'valfard', label: 'Framtidens välfärd', aliases: ['Framtidens välfärd', 'The welfare of the future'] },
    { value: 'klimat', label: 'Klimatet', aliases: ['Klimatet', 'The climate'] },
  ],
};
const SIZE: FieldSpec = {
  name: 'size',
  kind: 'select',
  required: false,
  schema: { enum: ['small', 'large'] },
  choices: [
    { value: 'small', label: 'small' },
    { value: 'large', label: 'large' },
  ],
};
const fields = { settable: ['challenge', 'size'], spec: (name: string) => (name === 'size' ? SIZE : CHALLENGE) };
const missing = [
  { field: 'challenge', pointer: '/challenge' },
  { field: 'size', pointer: '/size' },
];
const idea = { id: 'sund-4k7q2x', path: 'ideas/01-ide/sund-4k7q2x.md' };

describe('gateFixes', () => {
  it('offers a choice by the labels people know it by, in the registry language, and plain values as they are', () => {
    expect(gateFixes(missing, idea, fields, 'sv', { file: idea.path })).toEqual([
      "ideas edit sund-4k7q2x --set 'challenge=<ett av: Framtidens välfärd, Klimatet>'",
      "ideas edit sund-4k7q2x --set 'size=<ett av: small, large>'",
    ]);
    expect(gateFixes(missing.slice(0, 1), idea, fields, 'en', { file: idea.path, registryFlag: 'sluss' })).toEqual([
      "ideas -C sluss edit sund-4k7q2x --set 'challenge=<one of: Framtidens välfärd, Klimatet>'",
    ]);
  });

  it('says where to write a value a const or enum makes a mapping or a list, which --set cannot give', () => {
    const spec = (name: string): FieldSpec => ({
      name,
      kind: 'text',
      required: true,
      schema: name === 'budget' ? { const: { amount: 1000, currency: 'SEK' } } : { enum: [['a', 'b'], 'c'] },
      choices: [],
    });
    const lines = gateFixes(
      [
        { field: 'budget', pointer: '/budget' },
        { field: 'pair', pointer: '/pair' },
      ],
      idea,
      { settable: ['budget', 'pair'], spec },
      'en',
      { file: idea.path },
    );
    expect(lines).toHaveLength(2);
    expect(lines).toEqual([
      `budget takes a value of several parts and is written in the idea's file itself: ${idea.path}`,
      `pair takes a value of several parts and is written in the idea's file itself: ${idea.path}`,
    ]);
  });
});

describe('firstFix', () => {
  const TEAM: FieldSpec = {
    name: 'team_gender',
    kind: 'text',
    required: true,
    schema: {
      type: 'object',
      properties: { women: { type: 'integer' }, men: { type: 'integer' } },
      required: ['women', 'men'],
    },
    choices: [],
  };
  const number = (name: string): FieldSpec => ({ name, kind: 'integer', required: true, schema: {}, choices: [] });
  const specs: Record<string, FieldSpec> = {
    challenge: CHALLENGE,
    size: SIZE,
    team_gender: TEAM,
    budget: { name: 'budget', kind: 'text', required: true, schema: { const: { amount: 1 } }, choices: [] },
  };
  const book = {
    settable: ['challenge', 'size', 'team_gender', 'team_gender.women', 'team_gender.men', 'budget'],
    spec: (name: string) => specs[name] ?? number(name),
  };
  const problems = [
    { field: 'challenge', pointer: '/challenge', keyword: 'required' },
    { field: 'size', pointer: '/size', keyword: 'enum' },
    // The same field: the key it points into, or every key the record asks for.
    { field: 'team_gender', pointer: '/team_gender/men', keyword: 'required' },
    { field: 'team_gender', pointer: '/team_gender', keyword: 'required' },
    // The same field and pointer: a field the idea may not have is removed, not set.
    { field: 'size', pointer: '/size', keyword: 'additionalProperties' },
    { field: 'size', pointer: '/size', keyword: undefined },
    // No line: one in words, a field no flag sets, a key --unset cannot name.
    { field: 'budget', pointer: '/budget', keyword: 'const' },
    { field: 'partners', pointer: '/partners', keyword: 'required' },
    { field: 'team_gender', pointer: '/team_gender/other', keyword: 'unevaluatedProperties' },
  ];
  const ideas = [
    { id: 'sund-4k7q2x', path: 'ideas/01-ide/sund-4k7q2x.md' },
    { id: null, path: "ideas/01-ide/it's mine.md" },
  ];

  it("is gateFixes's first line for each problem and idea, without lines in words, asked in any order", () => {
    for (const registryFlag of [undefined, 'a sluice']) {
      const fix = firstFix(book, 'sv', registryFlag);
      const where = registryFlag === undefined ? {} : { registryFlag };
      for (const m of [...problems, ...problems.toReversed()])
        for (const idea of ideas) {
          const expected = gateFixes([m], idea, book, 'sv', { ...where, file: idea.path }, false)[0] ?? null;
          expect(fix(m, idea)).toBe(expected);
        }
    }
  });

  it('tells apart problems that differ only in their pointer or their keyword', () => {
    const fix = firstFix(book, 'en');
    const lines = problems.slice(2, 6).map((m) => fix(m, ideas[0] as (typeof ideas)[number]));
    expect(lines).toEqual([
      "ideas edit sund-4k7q2x --set 'team_gender.men=<whole number>'",
      "ideas edit sund-4k7q2x --set 'team_gender.women=<whole number>'",
      'ideas edit sund-4k7q2x --unset size',
      "ideas edit sund-4k7q2x --set 'size=<one of: small, large>'",
    ]);
  });
});
