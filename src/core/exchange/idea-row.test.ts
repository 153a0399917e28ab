import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../sluice/config.js';
import { toIdea } from '../sluice/idea.js';
import { fieldOrderOf, ideaTable, rowObject } from './idea-row.js';
import { classifyFields } from '../criteria/personal-data.js';
import { readPackageSchema } from '../../io/schemas.js';

const config = normalizeConfig({
  name: 'T',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01', label: { sv: 'Idé', en: 'Idea' }, next: ['test'], criteria: 'c.json' },
    { key: 'test', folder: '02', label: { sv: 'Test', en: 'Test' }, next: [], criteria: 'c.json', funding: true },
  ],
});
const criteria = {
  properties: {
    test_plan: { type: 'string', 'x-public': true },
    team_gender: { type: 'object', 'x-aggregate': true },
    manager: { type: 'string' },
  },
};
const schemas = [readPackageSchema('idea'), criteria];
const classes = classifyFields(schemas);
const stage = (key: string) => config.stages.find((s) => s.key === key) ?? config.stages[0]!;
const idea = (key: string, data: Record<string, unknown>, body = '') => toIdea({ data, body }, stage(key), 'p', '/p');

const ideas = [
  idea(
    'test',
    {
      id: 'sund-aaaaaa',
      title: 'Cykelpool',
      created: '2026-01-01',
      carrier: 'Anna Berg',
      manager: 'Eva Chefsson',
      custom: { place: 'Matfors', size: 3 },
      test_plan: 'Tre månader',
      tags: ['cykel', 'klimat'],
      team_gender: { women: 2 },
      sprints: [{ goal: 'A' }],
      manager_support: true,
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea', by: 'Anna Berg' },
        { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test', amount: 1000, by: 'Rådet' },
      ],
    },
    '\nText.\n',
  ),
  idea('idea', { id: 'sund-bbbbbb', title: 'Skolgård', created: '2026-03-01', unit: 'Skola' }),
];

describe('ideaTable', () => {
  it('has the leading columns, the fields in schema order then as met, a date per stage, the funds and the text', () => {
    const t = ideaTable(ideas, config, classes, { includePersonal: true }, fieldOrderOf(schemas));
    // carrier, unit and tags are base fields, test_plan and the others criteria fields; then the undeclared ones, in
    // the order the files give them.
    expect(t.columns).toEqual([
      'id',
      'title',
      'stage',
      'created',
      'carrier',
      'unit',
      'tags',
      'test_plan',
      'team_gender.women',
      'manager',
      'custom.place',
      'custom.size',
      'sprints',
      'manager_support',
      'entered.idea',
      'entered.test',
      'granted',
      'body',
    ]);
  });

  it('shows only public fields, and summarises the history, unless asked', () => {
    const t = ideaTable(ideas, config, classes, { includePersonal: false }, fieldOrderOf(schemas));
    // manager is declared without a marking, custom and the others by no schema: none is public.
    expect(t.columns).toEqual([
      'id',
      'title',
      'stage',
      'created',
      'unit',
      'tags',
      'test_plan',
      'entered.idea',
      'entered.test',
      'granted',
      'body',
    ]);
    expect(rowObject(t.columns, t.rows[0] ?? [])).toMatchObject({
      id: 'sund-aaaaaa',
      stage: 'test',
      tags: ['cykel', 'klimat'],
      test_plan: 'Tre månader',
      'entered.idea': '2026-01-01',
      'entered.test': '2026-02-01',
      granted: 1000,
      body: 'Text.',
    });
    expect(JSON.stringify(t)).not.toMatch(/Anna|Rådet|Eva|Matfors|women|history/);
    expect(rowObject(t.columns, t.rows[1] ?? [])).toMatchObject({
      test_plan: null,
      'entered.test': null,
      granted: 0,
      body: '',
    });
    const internal = ideaTable(ideas, config, classes, { includePersonal: true }, fieldOrderOf(schemas));
    expect(internal.columns).toEqual(expect.arrayContaining(['carrier', 'team_gender.women']));
    expect(rowObject(internal.columns, internal.rows[0] ?? [])).toMatchObject({
      carrier: 'Anna Berg',
      'team_gender.women': 2,
    });
  });
});

describe('ideaTable with keys that name a prototype', () => {
  it('keeps a field __proto__ or toString as a column like any other, in rows without a prototype', () => {
    const data = JSON.parse(
      '{"id": "sund-bbbbbb", "title": "Nycklar", "__proto__": {"shell": "/bin/sh"}, "toString": "text", "unit": "constructor"}',
    ) as Record<string, unknown>;
    const table = ideaTable([idea('idea', data)], config, classes, { includePersonal: true }, fieldOrderOf(schemas));
    expect(table.columns).toEqual(expect.arrayContaining(['__proto__.shell', 'toString', 'unit']));
    const row = rowObject(table.columns, table.rows[0] ?? []);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(row['__proto__.shell']).toBe('/bin/sh');
    expect(row.toString).toBe('text');
    expect(row.unit).toBe('constructor');
    expect(({} as Record<string, unknown>).shell).toBeUndefined();
  });
});
