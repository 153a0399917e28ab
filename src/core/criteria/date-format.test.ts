import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './date-format.js';

const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as {
  fullFormats: { date: { validate: (text: string) => boolean } };
};
const ajvFormats = fullFormats.date.validate;

describe('isIsoDate', () => {
  it('says what ajv-formats says of every date of four centuries, and of the texts around them', () => {
    const start = Date.UTC(1899, 0, 1);
    for (let day = 0; day < 365.25 * 402; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      expect(isIsoDate(date), date).toBe(true);
    }
    const texts = [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '2100-02-29',
      '0000-02-29',
      '0000-01-01',
      '9999-12-31',
      '2024-02-30',
      '2024-04-31',
      '2024-06-31',
      '2024-07-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
      '2024-1-01',
      '2024-01-1',
      '24-01-01',
      '2024-01-001',
      '2024-01-01\n',
      '\n2024-01-01',
      ' 2024-01-01',
      '2024-01-01 ',
      '2024/01/01',
      '2024-01-01T00:00:00Z',
      '２０２４-01-01',
      '٢٠٢٤-٠١-٠١',
      '2024−01−01',
      '',
      'abcd-ef-gh',
      '2024-0a-01',
      '2024-01-0a',
    ];
    for (const text of texts) expect(isIsoDate(text), JSON.stringify(text)).toBe(ajvFormats(text));
  });

  it('agrees with ajv-formats on texts of a date’s shape with any character in any place', () => {
    // Every character of a date, and those next to the digits and the dash, put in each of the ten places in turn.
    const around = ['/', '.', ':', ',', '+', '0', '9', ' ', '\n', 'a', '\u0660', '\uff10', '-'];
    let checked = 0;
    for (const base of ['2024-02-29', '2023-12-31', '1999-09-09']) {
      for (let i = 0; i < base.length; i++) {
        for (const ch of around) {
          const text = base.slice(0, i) + ch + base.slice(i + 1);
          expect(isIsoDate(text), JSON.stringify(text)).toBe(ajvFormats(text));
          checked++;
        }
      }
    }
    expect(checked).toBe(3 * 10 * around.length);
  });
});
