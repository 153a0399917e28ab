import { describe, expect, it } from 'vitest';
import { IdeasError } from '../errors.js';
import { EditReachError, fieldsReached, keptToScope, sameData } from './edit-guard.js';

const BEFORE = [
  '---',
  'id: ide-abc123',
  'created: 2026-12-06',
  'contact: Bo Ek',
  'carrier: Bo Ek',
  'history:',
  '  - date: 2026-12-06',
  '    action: created',
  '---',
  'Text.',
  '',
].join('\n');
const entry = { date: '2026-12-07', action: 'assigned', field: 'carrier', old: 'Bo Ek', new: 'Eva', by: 'Anna' };
const ENTRY_LINES =
  '  - date: 2026-12-07\n    action: assigned\n    field: carrier\n    old: Bo Ek\n    new: Eva\n    by: Anna\n';

describe('fieldsReached', () => {
  it('passes a change of the field an edit names, and names every other field it changed, added or took out', () => {
    expect(fieldsReached(BEFORE, BEFORE.replace('contact: Bo Ek', 'contact: Eva'), { fields: ['contact'] })).toEqual(
      [],
    );
    // The edit the alias once made: the contact named, the carrier and the day the idea came in changed with it.
    const reached = BEFORE.replace('contact: Bo Ek\ncarrier: Bo Ek', 'contact: Eva\ncarrier: Eva').replace(
      'created: 2026-12-06',
      'created: 2020-01-01',
    );
    expect(fieldsReached(BEFORE, reached, { fields: ['contact'] })).toEqual(['created', 'carrier']);
    expect(fieldsReached(BEFORE, BEFORE.replace('carrier: Bo Ek\n', ''), { fields: ['contact'] })).toEqual(['carrier']);
    expect(fieldsReached(BEFORE, BEFORE.replace('history:', 'coach: Eva\nhistory:'), { fields: [] })).toEqual([
      'coach',
    ]);
    // Written otherwise, read the same: no change.
    const restyled = BEFORE.replace('carrier: Bo Ek', "carrier: 'Bo Ek' # bärare").replace('\nText.', '\nNy.');
    expect(fieldsReached(BEFORE, restyled, { fields: [] })).toEqual([]);
  });

  it('passes a history with one entry appended, the one named, and nothing else', () => {
    const appended = BEFORE.replace('---\nText.', `${ENTRY_LINES}---\nText.`);
    expect(fieldsReached(BEFORE, appended, { append: entry })).toEqual([]);
    // No history before: a new list of the one entry.
    const none = BEFORE.slice(0, BEFORE.indexOf('history:')) + '---\n';
    expect(fieldsReached(none, none.replace(/---\n$/, `history:\n${ENTRY_LINES}---\n`), { append: entry })).toEqual([]);
    // An old entry rewritten, two appended, another entry, another field changed.
    expect(fieldsReached(BEFORE, appended.replace('action: created', 'action: moved'), { append: entry })).toEqual([
      'history',
    ]);
    expect(
      fieldsReached(BEFORE, BEFORE.replace('---\nText.', `${ENTRY_LINES}${ENTRY_LINES}---\nText.`), { append: entry }),
    ).toEqual(['history']);
    expect(fieldsReached(BEFORE, appended, { append: { ...entry, new: 'Ulf' } })).toEqual(['history']);
    expect(fieldsReached(BEFORE, appended.replace('carrier: Bo Ek', 'carrier: Eva'), { append: entry })).toEqual([
      'carrier',
    ]);
    // The history is the one field an append may change, and `fields` does not allow it.
    expect(fieldsReached(BEFORE, appended, { fields: ['carrier'] })).toEqual(['history']);
  });

  it('has nothing to say when either text does not read: the read back refuses that (src/io/idea-write.ts)', () => {
    expect(fieldsReached('no front matter', BEFORE, { fields: [] })).toEqual([]);
    expect(fieldsReached(BEFORE, '---\n: [\n---\n', { fields: [] })).toEqual([]);
  });
});

describe('keptToScope', () => {
  it('gives the text an edit made when it kept to its field, and an EditReachError naming the others otherwise', () => {
    const after = BEFORE.replace('contact: Bo Ek', 'contact: Eva');
    expect(keptToScope(BEFORE, after, { fields: ['contact'] })).toBe(after);
    const reach = () => keptToScope(BEFORE, after.replace('carrier: Bo Ek', 'carrier: Eva'), { fields: ['contact'] });
    expect(reach).toThrow(EditReachError);
    expect(reach).toThrow('the edit would also have changed carrier');
  });

  it('becomes an internal error in the catalogue words, in Swedish and English, naming the file and the fields', () => {
    const error = new EditReachError(['carrier', 'created']).inFile('ideas/01-ide/ide-abc123-x.md');
    expect(error).toBeInstanceOf(IdeasError);
    expect(error.code).toBe('UNEXPECTED');
    expect(error.text.en).toBe(
      'The edit of ideas/01-ide/ide-abc123-x.md would also have changed carrier, created, which it does not name; ' +
        'nothing was written. The fault is in ideas, not in the file.',
    );
    expect(error.text.sv).toContain('inget skrevs');
    expect(error.hint?.en).toContain('report the problem');
  });
});

describe('sameData', () => {
  it('compares data as read, whatever its prototypes and key order', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: [1, { c: null }], a: 'x' });
    expect(sameData(bare, { a: 'x', b: [1, { c: null }] })).toBe(true);
    expect(sameData(bare, { a: 'x', b: [1, { c: 0 }] })).toBe(false);
    expect(sameData(bare, { a: 'x' })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData('1', 1)).toBe(false);
  });
});
