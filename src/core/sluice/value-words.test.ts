import { describe, expect, it } from 'vitest';
import { isNotGiven, scalarWords, valueWords } from './value-words.js';

const challenges = [{ id: 'klimat', label: { sv: 'Klimatomställning', en: 'Climate transition' }, url: null }];

describe('valueWords: a value in the words every screen uses', () => {
  it('says nothing as not given, whatever shape nothing has', () => {
    for (const none of [undefined, null, '', []]) {
      expect(valueWords(none, 'sv'), String(none)).toBe('(inte angivet)');
      expect(valueWords(none, 'en'), String(none)).toBe('(not given)');
      expect(isNotGiven(none)).toBe(true);
    }
    expect(isNotGiven(0)).toBe(false);
    expect(isNotGiven(false)).toBe(false);
  });

  it('says yes or no in the language, never true or false, also in a list or a record', () => {
    expect(valueWords(true, 'sv')).toBe('ja');
    expect(valueWords(false, 'sv')).toBe('nej');
    expect(valueWords(true, 'en')).toBe('yes');
    expect(valueWords([true, false], 'en')).toBe('yes, no');
    expect(valueWords({ women: 2, done: false }, 'sv')).toBe('women: 2, done: nej');
  });

  it("names a record's keys by the titles its schema gives them, in the language; others as written", () => {
    const schema = {
      properties: { women: { 'x-title': { sv: 'Kvinnor', en: 'Women' } }, men: { 'x-title': { sv: 'Män' } } },
    };
    expect(valueWords({ women: 3, men: 2, other: 1 }, 'sv', { schema })).toBe('Kvinnor: 3, Män: 2, other: 1');
    expect(valueWords({ women: 3, men: 2 }, 'en', { schema })).toBe('Women: 3, men: 2');
  });

  it('names a challenge by its label, in a list too; an unknown one, or another field, as it is', () => {
    expect(valueWords('klimat', 'sv', { field: 'challenge', challenges })).toBe('Klimatomställning');
    expect(valueWords('klimat', 'en', { field: 'challenge', challenges })).toBe('Climate transition');
    expect(valueWords(['klimat', 'okand'], 'en', { field: 'challenge', challenges })).toBe('Climate transition, okand');
    expect(valueWords('klimat', 'sv', { field: 'unit', challenges })).toBe('klimat');
    expect(scalarWords('klimat', 'sv', { field: 'challenge' })).toBe('klimat');
  });

  it('writes numbers and texts as they are, and a list of records one record after the other', () => {
    expect(valueWords(45000, 'sv')).toBe('45000');
    expect(valueWords(['a', 1], 'en')).toBe('a, 1');
    expect(valueWords([{ name: 'A' }, { name: 'B' }], 'en')).toBe('(name: A), (name: B)');
  });
});
