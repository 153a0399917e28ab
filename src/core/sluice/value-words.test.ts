import { describe, expect, it } from 'vitest';
import { assignedWords, isNotGiven, scalarWords, valueWords } from './value-words.js';

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

describe('assignedWords: an `assigned` history entry in words, as show, diff and the sites say it', () => {
  const titles: Record<string, string> = {
    challenge: 'Utmaning',
    test_plan: 'Plan för testet',
    requested_amount: 'Sökt belopp (kr)',
    manager_support: 'Chefens stöd',
    coach: 'Idécoach',
  };
  const words = { fieldLabel: (f: string) => titles[f] ?? f, challenges };
  const said = (field: string, value: unknown, lang: 'sv' | 'en' = 'sv') =>
    assignedWords({ field, new: value }, lang, words);

  it('names the field by its label and the value in words: a challenge by its label, yes or no, text as it is', () => {
    expect(said('challenge', 'klimat')).toBe('Utmaning satt till Klimatomställning');
    expect(said('challenge', 'klimat', 'en')).toBe('Utmaning set to Climate transition');
    expect(said('manager_support', true)).toBe('Chefens stöd satt till ja');
    expect(said('manager_support', false, 'en')).toBe('Chefens stöd set to no');
    expect(said('test_plan', 'Två boenden')).toBe('Plan för testet satt till Två boenden');
    expect(said('coach', null)).toBe('Idécoach satt till (inte angivet)');
    expect(said('other_field', 3)).toBe('other_field satt till 3');
  });

  it('says an amount as money in the language; a number in another field as it is', () => {
    expect(said('requested_amount', 20000)).toBe('Sökt belopp (kr) satt till 20\u00a0000 kr');
    expect(said('requested_amount', 20000, 'en')).toBe('Sökt belopp (kr) set to 20,000 kr');
    expect(said('budget', 1500.5)).toBe('budget satt till 1\u00a0500,5 kr');
    expect(said('requested_amount', 'mycket')).toBe('Sökt belopp (kr) satt till mycket');
    expect(said('team_size', 20000)).toBe('team_size satt till 20000');
  });

  it('names only the field when its values are withheld, and a missing field as "?"', () => {
    const hidden = (f: string) => f === 'coach';
    expect(assignedWords({ field: 'coach', new: 'Lisa Berg' }, 'sv', { ...words, hidden })).toBe('Idécoach ändrad');
    expect(assignedWords({ new: 'x' }, 'en', words)).toBe('? set to x');
  });
});
