import { describe, expect, it } from 'vitest';
import { SLUG_MAX, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Äldreomsorg på distans', 'aldreomsorg-pa-distans'],
    ['Öppna förskolan i Ånge', 'oppna-forskolan-i-ange'],
    ['Café Müller', 'cafe-muller'],
    ['Smørrebrød', 'smorrebrod'],
    ['Æble', 'aeble'],
    ['Straße', 'strasse'],
    ['ÆØÅ æøå', 'aeoa-aeoa'],
    ['Hej! Vad? 🎉 Kul, eller hur…', 'hej-vad-kul-eller-hur'],
    ['Ärende #42: 100 % klart', 'arende-42-100-klart'],
    ['Øresund—bron', 'oresund-bron'],
    ['  --Hej--  ', 'hej'],
    ['!!! Idé ???', 'ide'],
    ['🎉🎉', ''],
    ['', ''],
  ])('%j gives %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a long title at a word boundary, at most 60 characters, without a trailing hyphen', () => {
    const title = 'Digitala nattkameror för tillsyn i hemtjänsten och andra långa ord som behöver kortas';
    expect(slugify(title)).toBe('digitala-nattkameror-for-tillsyn-i-hemtjansten-och-andra');
    expect(SLUG_MAX).toBe(60);
  });

  it('keeps a word that ends exactly at the limit', () => {
    const title = `${'a'.repeat(29)} ${'b'.repeat(30)} ccc`;
    expect(slugify(title)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
  });

  it('cuts a single word longer than the limit at the limit', () => {
    expect(slugify('x'.repeat(70))).toBe('x'.repeat(60));
  });

  it('never gives more than the limit, for any title', () => {
    for (const title of ['ord '.repeat(40), 'långt-ord-'.repeat(20), `${'a'.repeat(59)}- b`, 'ä'.repeat(100)]) {
      const slug = slugify(title);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('takes another limit', () => {
    expect(slugify('Bokbussen som servicepunkt', 12)).toBe('bokbussen');
  });
});
