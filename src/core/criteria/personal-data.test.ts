import { describe, expect, it } from 'vitest';
import { aggregateFields, classifyFields, isPublicField, publicData } from './personal-data.js';
import { readPackageSchema } from './schema-check.js';

const criteria = {
  properties: {
    manager: { type: 'string', 'x-personal': true },
    team_gender: { type: 'object', 'x-aggregate': true, properties: { women: { type: 'integer' } } },
    partners: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, contact: { type: 'string', 'x-personal': true } },
      },
    },
    unit: { type: 'string' },
  },
};
const classes = classifyFields([readPackageSchema('idea'), criteria]);

describe('classifyFields', () => {
  it('finds the fields marked personal in the base schema and the criteria, nested ones and those behind a $ref too', () => {
    expect([...classes.personal].sort()).toEqual([
      'carrier',
      'coach',
      'contact',
      'history[].by',
      'manager',
      'partners[].contact',
    ]);
    expect([...classes.aggregate]).toEqual(['team_gender']);
    expect(aggregateFields(classes)).toEqual(['team_gender']);
  });
});

describe('publicData', () => {
  const data = {
    id: 'sund-aaaaaa',
    title: 'Idé',
    carrier: 'Anna Berg',
    coach: 'Johan Ek',
    contact: 'anna@example.org',
    manager: 'Eva',
    unit: 'Vård',
    team_gender: { women: 3 },
    partners: [{ name: 'Atea', contact: 'Per' }],
    history: [{ date: '2026-01-01', action: 'created', to: 'idea', by: 'Anna Berg', note: 'ok' }],
  };

  it('leaves out every personal and aggregate-only field, at any depth, by default', () => {
    expect(publicData(data, classes, { includePersonal: false })).toEqual({
      id: 'sund-aaaaaa',
      title: 'Idé',
      unit: 'Vård',
      partners: [{ name: 'Atea' }],
      history: [{ date: '2026-01-01', action: 'created', to: 'idea', note: 'ok' }],
    });
    expect(JSON.stringify(publicData(data, classes, { includePersonal: false }))).not.toMatch(
      /Anna|Johan|Eva|Per"|example\.org|women/,
    );
  });

  it('keeps them in an internal output, as a copy', () => {
    const copy = publicData(data, classes, { includePersonal: true });
    expect(copy).toEqual(data);
    expect(copy.history).not.toBe(data.history);
  });

  it('says which top-level fields a public output may show', () => {
    expect(
      ['unit', 'carrier', 'team_gender'].map((f) => isPublicField(f, classes, { includePersonal: false })),
    ).toEqual([true, false, false]);
    expect(isPublicField('carrier', classes, { includePersonal: true })).toBe(true);
  });
});
