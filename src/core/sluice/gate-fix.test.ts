import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../criteria/fields.js';
import { gateFixes } from './gate-fix.js';

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
