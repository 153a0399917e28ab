import { describe, expect, it } from 'vitest';
import { ideasByKey, isNoChange, keepsValue, lastImport, normalTitle, planEdit, rowKey } from './reimport.js';
import { removeField, setBody, setField } from '../front-matter/front-matter-edit.js';

describe('rowKey', () => {
  it('is the same for the same file and title, whatever the case or spacing; another file, title or occurrence differs', () => {
    const key = rowKey('idéer.csv', 'Lånecykel', 1);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(rowKey('idéer.csv', '  lånecykel ', 1)).toBe(key);
    expect(rowKey('idéer.csv', 'La\u030Anecykel', 1)).toBe(key);
    expect(rowKey('andra.csv', 'Lånecykel', 1)).not.toBe(key);
    expect(rowKey('idéer.csv', 'Lånecyklar', 1)).not.toBe(key);
    expect(rowKey('idéer.csv', 'Lånecykel', 2)).not.toBe(key);
    expect(normalTitle(' A  b ')).toBe('a b');
  });
});

describe('lastImport and ideasByKey', () => {
  const idea = (history: unknown[]) => ({ data: { history } as Record<string, unknown> });
  it('take the key and source of the last imported entry; a key two ideas claim lists both', () => {
    const a = idea([
      { date: '2026-01-01', action: 'imported', to: 'idea', source: 'x.csv, rad 2', key: 'k1' },
      { date: '2026-01-02', action: 'moved', from: 'idea', to: 'test' },
      { date: '2026-01-03', action: 'imported', source: 'x.csv, rad 3', key: 'k2' },
    ]);
    const b = idea([{ date: '2026-01-01', action: 'imported', to: 'idea', source: 'y.csv, rad 2', key: 'k2' }]);
    const c = idea([{ date: '2026-01-01', action: 'created', to: 'idea' }]);
    expect(lastImport(a)).toEqual({ key: 'k2', source: 'x.csv, rad 3' });
    expect(lastImport(c)).toBeNull();
    const map = ideasByKey([a, b, c]);
    expect(map.get('k2')).toEqual([a, b]);
    expect(map.has('k1')).toBe(false);
  });
});

describe('planEdit', () => {
  const idea = {
    data: { title: 'Cykel', unit: 'Kultur', tags: ['a'], team: { women: 2, men: 1 }, empty: [] } as Record<
      string,
      unknown
    >,
    body: 'Text\n',
  };
  // The cell as a sheet would hold it, for the values these tests use.
  const cellOf = (value: unknown) =>
    value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value as string);
  const set = (field: string, value: unknown, path: string[] = []) => ({
    column: field,
    field,
    path,
    value,
    cell: cellOf(value),
  });

  it('changes nothing when every cell says what the idea says (an empty cell for an empty value)', () => {
    const edit = planEdit(idea, {
      sets: [set('title', 'Cykel'), set('tags', ['a']), set('empty', undefined), set('other', undefined)],
      body: ' Text ',
      created: undefined,
    });
    expect(isNoChange(edit)).toBe(true);
  });

  it('sets what differs, clears what an empty cell clears, and keeps the other parts of a nested field', () => {
    const edit = planEdit(idea, {
      sets: [set('unit', 'Skola'), set('tags', undefined), set('team', 3, ['women'])],
      body: 'Ny text',
      created: '2026-01-01',
    });
    expect([...edit.fields.keys()]).toEqual(['unit', 'tags', 'team', 'created']);
    expect(edit.fields.get('unit')).toBe('Skola');
    expect(edit.fields.get('tags')).toBeUndefined();
    expect({ ...(edit.fields.get('team') as object) }).toEqual({ women: 3, men: 1 });
    expect(edit.body).toBe('Ny text');
    // Each field's first changing cell, to name its column where a change is refused; created by its own column.
    expect(edit.cells.get('team')).toEqual({ column: 'team', value: 3, now: 2 });
    expect(edit.cells.get('tags')).toEqual({ column: 'tags', value: undefined, now: ['a'] });
    expect(edit.cells.get('created')).toEqual({ column: 'created', value: '2026-01-01', now: undefined });
    expect(
      planEdit(
        { ...idea, data: { ...idea.data, created: '2025-05-05' } },
        { sets: [], body: undefined, created: null, createdColumn: 'Skapad' },
      ).cells.get('created'),
    ).toEqual({ column: 'Skapad', value: undefined, now: '2025-05-05' });
    // The idea itself is not touched.
    expect(idea.data.team).toEqual({ women: 2, men: 1 });
  });
});

describe('an unchanged export read back', () => {
  // Found from outside: re-importing an untouched export changed a third of the ideas of a registry.
  it('is no change, whatever trimming and typing make of its cells', () => {
    const data: Record<string, unknown> = {
      title: '\tFlik',
      carrier: '  Anna  ',
      equality_impact: 'Rad ett.\nRad två.\n',
      tags: ['1,5', 'b'],
      team: { other: '0', women: 12.5 },
      manager_support: 'yes',
      nested: { list: [{ a: 1 }] },
    };
    const exported: [field: string, path: string[], cell: string, typed: unknown][] = [
      ['title', [], '\tFlik', 'Flik'],
      ['carrier', [], '  Anna  ', 'Anna'],
      ['equality_impact', [], 'Rad ett.\r\nRad två.\r\n', 'Rad ett.\nRad två.'],
      ['tags', [], '1,5, b', ['1', '5', 'b']],
      ['team', ['other'], '0', 0],
      ['team', ['women'], '12,5', 12],
      ['manager_support', [], 'yes', true],
      ['nested', ['list'], '[{"a":1}]', '[{"a":1}]'],
    ];
    const edit = planEdit(
      { data, body: '' },
      {
        sets: exported.map(([field, path, cell, value]) => ({ column: field, field, path, value, cell })),
        body: undefined,
        created: undefined,
      },
    );
    expect([...edit.fields.keys()]).toEqual([]);
    // A cell the sheet did change is a change, as before.
    const changed = planEdit(
      { data, body: '' },
      {
        sets: [{ column: 'tags', field: 'tags', path: [], value: ['1,5'], cell: '1,5' }],
        body: undefined,
        created: undefined,
      },
    );
    expect([...changed.fields.keys()]).toEqual(['tags']);
    expect(keepsValue({ data }, { field: 'team', path: ['women'], cell: '12,5' })).toBe(true);
    expect(keepsValue({ data }, { field: 'team', path: ['women'], cell: '13,5' })).toBe(false);
  });
});

describe('least-change edits of a file', () => {
  const text =
    '---\nid: x-1\ntitle: "Cykel" # namnet\nbudget: 10\ntags: [a, b]\nhistory:\n  - date: 2026-01-01\n    action: created\n    to: idea\n---\n\nText\n';

  it('setField replaces a value in place, a list by its lines, and adds a new field before the history', () => {
    expect(setField(text, 'budget', 12)).toBe(text.replace('budget: 10', 'budget: 12'));
    expect(setField(text, 'title', 'Lånecykel')).toBe(text.replace('"Cykel"', 'Lånecykel'));
    expect(setField(text, 'tags', ['c'])).toBe(text.replace('tags: [a, b]', 'tags: [c]'));
    expect(setField(text, 'unit', 'Kultur')).toBe(text.replace('history:', 'unit: Kultur\nhistory:'));
    expect(setField(text, 'team', { women: 2 })).toBe(text.replace('history:', 'team:\n  women: 2\nhistory:'));
  });

  it('removeField takes out the key and its lines only; setBody the text only', () => {
    expect(removeField(text, 'tags')).toBe(text.replace('tags: [a, b]\n', ''));
    expect(removeField(text, 'nothing')).toBe(text);
    expect(setBody(text, 'Ny\r\ntext')).toBe(text.replace('\nText\n', '\nNy\ntext\n'));
    expect(setBody(text, '')).toBe(text.replace('\nText\n', ''));
  });

  // Found by a newcomer: keys of an idea's own (no schema types their column) came back from an unchanged export as
  // text, `taggar: [mat]` made `taggar: mat`, with an import entry for an edit no one made.
  it('takes a cell read as text that says what the export wrote of a list, a number or a yes as no change', () => {
    const own = {
      data: { taggar: ['mat', 'skola'], antal: 2.5, klar: true, en: ['x'] } as Record<string, unknown>,
      body: '',
    };
    const cells = (values: Record<string, string>) => ({
      sets: Object.entries(values).map(([field, value]) => ({ column: field, field, path: [], value, cell: value })),
      body: undefined,
      created: undefined,
    });
    expect(isNoChange(planEdit(own, cells({ taggar: 'mat, skola', antal: '2,5', klar: 'ja', en: 'x' })))).toBe(true);
    expect(isNoChange(planEdit(own, cells({ antal: '2.5', klar: 'yes' })))).toBe(true);
    // What says something else is a change, as before.
    expect([...planEdit(own, cells({ taggar: 'mat', antal: '3', klar: 'nej' })).fields.keys()]).toEqual([
      'taggar',
      'antal',
      'klar',
    ]);
  });
});
