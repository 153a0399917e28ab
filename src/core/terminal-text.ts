/**
 * Text from idea files, configs and criteria on a terminal. Anyone who can open a pull request writes idea files,
 * and a terminal obeys what it is sent: an escape sequence in a title could move the cursor over a warning, recolour
 * or hide text, set the window title, write to the clipboard (OSC 52), or make a link that says one address and opens
 * another (OSC 8); a carriage return can overwrite a line, and bidirectional overrides make text read otherwise than
 * it is ("Trojan Source"). Such characters are made visible, never dropped, so that a reviewer sees something is
 * there: control characters as their Control Pictures (ESC as ␛), the others as <U+202E>.
 *
 * Every presenter that puts such text on a terminal goes through these functions; the colours a presenter adds
 * itself (chalk) are added after, so they still work. JSON output needs none of this: JSON escapes controls.
 */

import { isLocalized, type Localized } from './i18n/i18n.js';

// C0 controls but tab and line feed, DEL, C1 controls; bidirectional marks, embeddings, overrides and isolates; line
// and paragraph separators; the byte order mark inside text; interlinear annotation marks; tag characters (which
// can carry invisible text), except in the emoji flags of subdivisions, which are made of them.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb\u{E0000}-\u{E007F}]/gu;
/** Whether a text may need either function's work: any control character, or any character UNSAFE names. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const MAYBE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]|\udb40/;

// Characters that break a line, which a one-line value shows as a space (as a table cell does).
const LINE_BREAKS = /\r\n|[\t\n\v\f\r\x85\u2028\u2029]/g;

function visible(ch: string): string {
  if (ch.length > 2) return ch; // an emoji flag
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text of several lines (an idea's body, minutes): line feeds and tabs stay, CRLF becomes LF. */
export function terminalText(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, visible);
}

/** A value shown on one line (a title, an id, a field, a label, a path): line breaks and tabs become spaces. */
export function terminalLine(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(LINE_BREAKS, ' ').replace(UNSAFE, visible);
}

/**
 * A copy of a plain value (objects, arrays, strings, numbers) with every string made safe for one line: for views
 * that a presenter shows on a terminal as a whole. Instances of classes other than Map (dates) are kept as they are.
 */
export function terminalLines<T>(value: T): T {
  return mapStrings(value, terminalLine, new Map()) as T;
}

function mapStrings(value: unknown, f: (s: string) => string, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return f(value);
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(mapStrings(v, f, seen));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(mapStrings(k, f, seen), mapStrings(v, f, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto) as Record<string, unknown>;
  seen.set(value, out);
  // defineProperty: a key such as `__proto__` stays a key, as it was in the value.
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, f(k), {
      value: mapStrings(v, f, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/**
 * A message's parameters with each text made one line for a terminal (messageValue; a pair of texts by language,
 * each), or the same object when none needed it. A parameter is text from outside as often as not: a path, a name, a
 * label. A line feed in one would start a line of its own, which a CI log may read as a command (`::error::…`).
 */
export function lineParams<P extends Record<string, unknown>>(params: P): P {
  let safe: Record<string, unknown> | undefined;
  for (const name in params) {
    const value = params[name];
    const shown = typeof value === 'string' ? messageValue(value) : isLocalized(value) ? linePair(value) : value;
    if (shown !== value) (safe ??= { ...params })[name] = shown;
  }
  return (safe ?? params) as P;
}

function linePair(value: Localized): Localized {
  const sv = messageValue(value.sv);
  const en = messageValue(value.en);
  return sv === value.sv && en === value.en ? value : { sv, en };
}

/**
 * A value inside a message: as terminalText shows it, a line feed as ␊ (and a tab as a space). Shown, not made a
 * space as a table cell's is: a message says what a value holds (`a␊b` is not `a b`), and a command in a hint that
 * quotes a name with a line break in it would name another with a space.
 */
function messageValue(text: string): string {
  if (!MAYBE.test(text)) return text;
  return terminalText(text).replace(/\n/g, '\u240A').replace(/\t/g, ' ');
}
