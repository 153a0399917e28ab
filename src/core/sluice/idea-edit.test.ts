import { describe, expect, it } from 'vitest';
import { councilEntries, fieldChanges, isCouncilField, isKeptField, planFieldEdit } from './idea-edit.js';
import { readPackageSchema } from '../../io/schemas.js';

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

describe('isKeptField and planFieldEdit: the rule every edit of an idea obeys, ideas edit and an import alike', () => {
  const base = readPackageSchema('idea');
  const rules = { base, schemaOf: () => ({}) };

  it('keeps the id, created, the history and what the base schema marks readOnly; nothing else', () => {
    const kept = ['id', 'created', 'history', 'related', 'basedOn'];
    for (const name of kept) expect(isKeptField(name, base), name).toBe(true);
    for (const name of ['title', 'carrier', 'coach', 'unit', 'tags', 'budget', 'constructor', '__proto__'])
      expect(isKeptField(name, base), name).toBe(false);
    // readOnly is read from the base schema itself.
    expect(isKeptField('secret', { properties: { secret: { readOnly: true } } })).toBe(true);
  });

  it('refuses a change of a kept field, a removal too, and then writes no entry', () => {
    const plan = planFieldEdit(
      [
        { field: 'carrier', old: 'Anna Berg', new: 'Eve' },
        { field: 'created', old: '2026-12-06', new: '2020-01-01' },
        { field: 'basedOn', old: { member: 'umea' }, new: undefined },
      ],
      rules,
      '2026-12-06',
      'T',
    );
    expect(plan).toEqual({
      kept: [
        { field: 'created', old: '2026-12-06', new: '2020-01-01' },
        { field: 'basedOn', old: { member: 'umea' }, new: undefined },
      ],
      entries: [],
    });
  });

  it('writes the assigned entries of the council fields, old and new, as ideas edit writes them', () => {
    const changes = [
      { field: 'carrier', old: 'Anna Berg', new: 'Eve' },
      { field: 'unit', old: 'Kultur', new: 'Skola' },
      { field: 'coach', old: undefined, new: 'Carl' },
    ];
    expect(planFieldEdit(changes, rules, '2026-12-06', undefined)).toEqual({
      kept: [],
      entries: [
        { date: '2026-12-06', action: 'assigned', field: 'carrier', old: 'Anna Berg', new: 'Eve' },
        { date: '2026-12-06', action: 'assigned', field: 'coach', new: 'Carl' },
      ],
    });
  });
});
