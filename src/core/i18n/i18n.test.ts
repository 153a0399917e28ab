import { describe, expect, it } from 'vitest';
import * as areas from './messages/index.js';
import { LANGS, t, type Lang, type Localized, type MessageKey, type Params } from './i18n.js';

describe('the message catalogue', () => {
  it('defines every key in one area only, so that no area silently replaces another', () => {
    const seen = new Map<string, string>();
    for (const [area, messages] of Object.entries(areas)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(seen.size).toBeGreaterThan(400);
  });
});

describe('counted words in Swedish', () => {
  it('make the participle after a count agree with it: one idea "borttagen", two "borttagna"', () => {
    const one = { file: 'a.csv', created: 1, updated: 1, unchanged: 1, removed: 1, restored: 1, count: 1 };
    expect(t('sv', 'out.importDryRunCounts', one)).toContain('1 idé lämnas oförändrad;');
    expect(t('sv', 'out.importDryRunCounts', { ...one, unchanged: 2 })).toContain('2 idéer lämnas oförändrade;');
    expect(t('sv', 'recover.reimport', one)).toContain('(1 ny idé borttagen, 1 idé återställd)');
    expect(t('sv', 'recover.reimport', { removed: 2, restored: 3 })).toContain(
      '(2 nya idéer borttagna, 3 idéer återställda)',
    );
    expect(t('sv', 'recover.import', one)).toContain('(1 idé borttagen)');
    expect(t('sv', 'recover.import', { count: 2 })).toContain('(2 idéer borttagna)');
    const sync = { region: 'Skaraborg', failed: 0, ideas: 5 };
    expect(t('sv', 'region.sync.summary', { ...sync, members: 1 })).toContain('1 medlem synkad,');
    expect(t('sv', 'region.sync.summary', { ...sync, members: 15 })).toContain('15 medlemmar synkade,');
  });
});

describe('t', () => {
  /** The way messages were filled before their parts were cut once: a regular expression's replace. */
  const oracle = (text: string, params: Params, lang: Lang) =>
    text.replace(/\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const shown = typeof value === 'object' ? value[lang] : String(value);
      if (one === undefined || other === undefined) return shown;
      return `${shown} ${Number(value) === 1 ? one : other}`;
    });

  it('fills every message of the catalogue as a replace of its placeholders would, twice over', () => {
    let filled = 0;
    for (const messages of Object.values(areas) as Record<string, Localized>[]) {
      for (const [key, text] of Object.entries(messages)) {
        for (const lang of LANGS) {
          const names = [...text[lang].matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
          // Every parameter given (a count of 1, of 3, a text in both languages), and none.
          for (const value of [1, 3, 'x$&y', { sv: 'på svenska', en: 'in English' }, undefined]) {
            const params: Params = {};
            for (const name of names) if (value !== undefined) params[name] = value;
            const expected = oracle(text[lang], params, lang);
            expect(t(lang, key as MessageKey, params)).toBe(expected);
            // Asked again: the parts cut the first time give the same text.
            expect(t(lang, key as MessageKey, params)).toBe(expected);
            if (names.length > 0) filled++;
          }
        }
      }
    }
    expect(filled).toBeGreaterThan(500);
  });
});
