import { describe, expect, it } from 'vitest';
import { t as coreT } from '../core/i18n/i18n.js';
import { t } from './words.js';

describe("the UI's messages", () => {
  it('show text parameters as a terminal should see them, never as commands to it', () => {
    const dir = 'sub\u001b[31m\u0007\u202eevil';
    expect(t('en', 'out.siteWritten', { dir, count: 2, index: 'x' })).toBe(
      'Wrote the site to sub\u241b[31m\u2407<U+202E>evil: 2 pages. Open x in a web browser to see it.',
    );
    // The core's t() keeps them, for the files it writes.
    expect(coreT('en', 'out.siteWritten', { dir, count: 2, index: 'x' })).toContain(dir);
  });

  it('make both languages of a localised parameter safe, and leave numbers and safe text as they are', () => {
    const name = { sv: 'Slussen\u001b[2J', en: 'The sluice\u009b2J' };
    expect(t('sv', 'report.title', { name })).toBe(coreT('sv', 'report.title', { name: 'Slussen\u241b[2J' }));
    expect(t('en', 'report.title', { name })).toBe(coreT('en', 'report.title', { name: 'The sluice<U+009B>2J' }));
    expect(t('en', 'out.siteWritten', { dir: 'site', count: 3, index: 'i' })).toBe(
      coreT('en', 'out.siteWritten', { dir: 'site', count: 3, index: 'i' }),
    );
    expect(t('sv', 'out.noIdeas')).toBe(coreT('sv', 'out.noIdeas'));
  });
});
