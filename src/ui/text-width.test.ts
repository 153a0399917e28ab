import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { cell, displayWidth, lineCell, padEnd, truncate } from './text-width.js';
import { terminalLine } from '../core/terminal-text.js';

const SAMPLES = [
  'Äldreomsorg på distans',
  'Cykelpool för 自転車 pendlare',
  '🚲🚲 Lånecyklar',
  'e\u0301 med kombinerande accent',
  'Łódź, Øresund, Þingvellir, ǅ',
  'mjuk\u00adbindestreck',
  '',
  'tab\tand  spaces',
  '“Citat” – ett tankstreck… och ‘apostrof’ • punkt',
  'nollbredd\u200bmellanslag och \u2028radavgränsare',
];

describe('text width', () => {
  it.each(SAMPLES)('measures %j as the terminal does (the same as fast-string-width)', (text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
  });

  it('cuts Latin text to the width with an ellipsis, without a trailing space', () => {
    expect(truncate('Äldreomsorg på distans i hela länet', 16)).toBe('Äldreomsorg på…');
    expect(displayWidth(truncate('Äldreomsorg på distans i hela länet', 16))).toBeLessThanOrEqual(16);
    expect(truncate('Kort', 16)).toBe('Kort');
  });

  it('never splits a wide character or an emoji, and stays within the width', () => {
    for (const text of SAMPLES) {
      for (let w = 2; w < 20; w++) {
        const cut = truncate(text, w);
        expect(displayWidth(cut), `${text} at ${w}`).toBeLessThanOrEqual(w);
        expect(cut).not.toMatch(/\uFFFD/);
      }
    }
    expect(truncate('🚲🚲 Lånecyklar', 4)).toBe('🚲…');
  });

  it('pads to the width in columns', () => {
    expect(padEnd('自転車', 8)).toBe('自転車  ');
    expect(padEnd('Åsa', 5)).toBe('Åsa  ');
  });

  it("makes a value's cell as terminalLine and cell do, whatever the text", () => {
    const texts = [
      '',
      'Lånecyklar för personalen',
      'SUND-B4DGRD',
      ' leading',
      'trailing ',
      'two  spaces',
      'a\u00a0no-break space',
      'tab\there',
      'line\nbreak',
      'crlf\r\nend',
      'esc \u001b[31mred',
      'del \u007f and c1 \u0085',
      'soft\u00adhyphen',
      'bidi \u202eevil',
      'zero\u200bwidth',
      'line\u2028separator',
      'dash \u2013 and ellipsis \u2026',
      'Łódź Ærø Þórr ǅ',
      '自転車',
      '🚲 Lånecyklar',
      'e\u0301 decomposed',
      'bom\ufeffinside',
      '~!@#$%^&*()_+{}|:"<>?',
    ];
    for (const text of texts) expect(lineCell(text), JSON.stringify(text)).toEqual(cell(terminalLine(text)));
  });
});
