import { describe, expect, it } from 'vitest';
import { classifySources, type SchemaSource } from '../criteria/personal-data.js';
import { readPackageSchema } from '../../io/schemas.js';
import { newlyPublicFields } from './publicity-diff.js';

const base = readPackageSchema('idea');
const sources = (...criteria: Record<string, unknown>[]): SchemaSource[] => [
  { schema: base, uri: base.$id as string },
  ...criteria.map((schema, i) => ({ schema, uri: `file:///reg/criteria/${i}.schema.json` })),
];
const idea = { id: 'sund-aaaaa1', title: 'Idé', home_phone: '070-1', team: { lead: 'Ann', size: 4 } };

describe('newlyPublicFields', () => {
  it('finds a field no schema classified that a $ref into the base schema now shows', () => {
    const before = classifySources(sources({ properties: {} }));
    const after = classifySources(
      sources({
        properties: { home_phone: { $ref: 'https://ideas.invalid/schemas/idea.schema.json#/properties/title' } },
      }),
    );
    expect(newlyPublicFields([idea], before, after)).toEqual(['home_phone']);
  });

  it('finds a part of a public field that becomes public, and nothing when the rules show less', () => {
    const shown = { type: 'object', 'x-public': true, properties: { size: { 'x-public': true } } };
    const more = { ...shown, properties: { size: { 'x-public': true }, lead: { 'x-public': true } } };
    const [a, b] = [
      classifySources(sources({ properties: { team: shown } })),
      classifySources(sources({ properties: { team: more } })),
    ];
    expect(newlyPublicFields([idea], a, b)).toEqual(['team']);
    expect(newlyPublicFields([idea], b, a)).toEqual([]);
    expect(newlyPublicFields([idea], a, a)).toEqual([]);
  });

  it('finds a field the reports now sum that they neither summed nor showed, and not one still personal', () => {
    const withAge = { ...idea, age: 42 };
    const none = classifySources(sources({ properties: {} }));
    const summed = classifySources(sources({ properties: { age: { type: 'integer', 'x-aggregate': true } } }));
    const personal = classifySources(sources({ properties: { age: { 'x-personal': true } } }));
    const both = classifySources(sources({ properties: { age: { 'x-personal': true, 'x-aggregate': true } } }));
    expect(newlyPublicFields([withAge], none, summed)).toEqual(['age']);
    // Personal beats aggregate: marking a personal field aggregate too publishes nothing.
    expect(newlyPublicFields([withAge], personal, both)).toEqual([]);
    expect(newlyPublicFields([withAge], both, summed)).toEqual(['age']);
    expect(newlyPublicFields([withAge], summed, summed)).toEqual([]);
  });

  it('finds a list that shows an item more, whatever the order', () => {
    const list = { id: 'sund-aaaaa2', title: 'Idé', refs: [{ url: 'a' }, { url: 'b', who: 'Ann' }] };
    const item = (who: boolean) => ({
      type: 'array',
      'x-public': true,
      items: {
        type: 'object',
        properties: { url: { 'x-public': true }, ...(who ? { who: { 'x-public': true } } : {}) },
      },
    });
    const [a, b] = [
      classifySources(sources({ properties: { refs: item(false) } })),
      classifySources(sources({ properties: { refs: item(true) } })),
    ];
    expect(newlyPublicFields([list], a, b)).toEqual(['refs']);
    expect(newlyPublicFields([list], b, a)).toEqual([]);
  });
});
