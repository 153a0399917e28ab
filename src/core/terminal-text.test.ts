import { describe, expect, it } from 'vitest';
import { lineParams, terminalLine, terminalLines, terminalText } from './terminal-text.js';

/** Nothing a terminal would act on: C0 but tab and line feed, DEL, C1, bidi controls, separators, tags. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ACTIVE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

const ATTACKS: [string, string][] = [
  ['CSI colour and cursor', 'Bra idé\x1b[2K\x1b[1A\x1b[32m✔ all good\x1b[0m'],
  ['OSC 0 window title, ended by BEL', '\x1b]0;pwned\x07title'],
  ['OSC 8 hyperlink, ended by ST', '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\'],
  ['OSC 52 clipboard', '\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07'],
  ['DCS', '\x1bP1$r0m\x1b\\'],
  ['C1 CSI and OSC', 'a\u009b2Jb\u009d0;t\u009c'],
  ['carriage return overwrite', 'evil\rgood'],
  ['backspaces', 'rm -rf\b\b\b\b\b\bls    '],
  ['bidi override (Trojan Source)', 'admin\u202e\u2066txt.exe\u2069\u202c'],
  ['bidi marks and isolates', '\u200e\u200f\u061c\u2067\u2068'],
  ['NUL, DEL and form feed', 'a\0b\x7fc\fd'],
  ['line separator', 'a\u2028b\u2029c'],
  ['tag characters hiding text', 'ok\u{E0001}\u{E0069}\u{E0067}\u{E006E}'],
];

describe('terminalText and terminalLine', () => {
  for (const [name, attack] of ATTACKS) {
    it(`${name}: nothing active is left, and something is shown`, () => {
      for (const f of [terminalText, terminalLine]) {
        const out = f(attack);
        expect(out).not.toMatch(ACTIVE);
        expect(out).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
        expect(out.length).toBeGreaterThanOrEqual(attack.replace(/[\r\n\t]/g, '').length);
      }
    });
  }

  it('shows ESC, BEL and DEL as control pictures, others as their code point', () => {
    expect(terminalLine('\x1b[31mx\x07\x7f')).toBe('␛[31mx␇␡');
    expect(terminalLine('a\u202eb\u009bc')).toBe('a<U+202E>b<U+009B>c');
  });

  it('leaves ordinary text as it is, Swedish, emoji with joiners and flags included', () => {
    for (const text of ['Minskat matsvinn i äldreboendenas kök', 'Ελλάδα – “citat” …', '👩‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇸🇪', '']) {
      expect(terminalText(text)).toBe(text);
      expect(terminalLine(text)).toBe(text);
    }
  });

  it('terminalText keeps lines and tabs, turns CRLF into LF and shows a lone CR', () => {
    expect(terminalText('a\r\nb\n\tc\rd')).toBe('a\nb\n\tc␍d');
  });

  it('terminalLine puts a value on one line: breaks and tabs become spaces', () => {
    expect(terminalLine('a\nb\r\nc\td\u2028e\u0085f')).toBe('a b c d e f');
  });
});

describe('terminalLines', () => {
  it('copies plain data with every string, keys too, made safe; the input is unchanged', () => {
    const input = {
      title: 'x\x1b]0;t\x07',
      list: ['\u202e', 1, null, true],
      nested: { ['k\x1b']: 'v\n' },
      map: new Map([['a\x1b', 'b\x1b']]),
    };
    const out = terminalLines(input);
    expect(out).toEqual({
      title: 'x␛]0;t␇',
      list: ['<U+202E>', 1, null, true],
      nested: { 'k␛': 'v ' },
      map: new Map([['a␛', 'b␛']]),
    });
    expect(input.title).toBe('x\x1b]0;t\x07');
  });

  it('keeps a __proto__ key a key, and dates as they are', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "when": 1}') as Record<string, unknown>;
    const date = new Date(0);
    const out = terminalLines({ ...input, date }) as Record<string, unknown>;
    expect(Object.keys(out)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.date).toBe(date);
  });
});

describe('lineParams', () => {
  it('shows a line feed in a value as ␊, so that no value starts a line; other values, and safe ones, as they are', () => {
    const params = { file: 'evil\n::error::x.csv', n: 3, label: { sv: 'Klar\r\nx', en: 'Done' }, plain: 'a b' };
    expect(lineParams(params)).toEqual({
      file: 'evil␊::error::x.csv',
      n: 3,
      label: { sv: 'Klar␊x', en: 'Done' },
      plain: 'a b',
    });
    expect(lineParams({ a: 'x\ty\u001b[2J' })).toEqual({ a: 'x y␛[2J' });
    const safe = { a: 'plain', b: { sv: 'ä', en: 'a' } };
    expect(lineParams(safe)).toBe(safe);
  });
});
