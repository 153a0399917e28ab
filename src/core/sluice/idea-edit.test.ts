import { describe, expect, it } from 'vitest';
import { councilEntries, fieldChanges, isCouncilField } from './idea-edit.js';

describe('isCouncilField', () => {
  it.each([
    ['carrier', {}, true],
    ['coach', {}, true],
    ['requested_amount', { type: 'number' }, true],
    ['budget', { type: 'integer' }, true],
    ['council_decision', {}, true],
    ['beslut', {}, true],
    ['unit', {}, false],
    ['participants', { type: 'integer' }, false],
    ['test_plan', {}, false],
    ['unit', { 'x-council': true }, true],
    ['budget', { 'x-council': false }, false],
  ])('%s %j: %s', (name, schema, expected) => {
    expect(isCouncilField(name, schema)).toBe(expected);
  });
});

describe('fieldChanges and councilEntries', () => {
  const data = { title: 'T', carrier: 'Anna', tags: ['a'], budget: 1000 };
  it('keeps only what changes, and writes the council fields as assigned entries', () => {
    const wanted = new Map<string, unknown>([
      ['title', 'T'],
      ['tags', ['a']],
      ['carrier', 'Omar'],
      ['coach', 'Sara'],
      ['budget', undefined],
      ['unit', undefined],
      ['test_plan', 'En plan'],
    ]);
    const changes = fieldChanges(data, wanted);
    expect(changes).toEqual([
      { field: 'carrier', old: 'Anna', new: 'Omar' },
      { field: 'coach', old: undefined, new: 'Sara' },
      { field: 'budget', old: 1000, new: undefined },
      { field: 'test_plan', old: undefined, new: 'En plan' },
    ]);
    expect(councilEntries(changes, () => ({}), '2026-12-04', 'Eva')).toEqual([
      { date: '2026-12-04', action: 'assigned', field: 'carrier', old: 'Anna', new: 'Omar', by: 'Eva' },
      { date: '2026-12-04', action: 'assigned', field: 'coach', new: 'Sara', by: 'Eva' },
      { date: '2026-12-04', action: 'assigned', field: 'budget', old: 1000, new: null, by: 'Eva' },
    ]);
  });
});
