/**
 * A reader for the plain shape of YAML that idea front matter almost always has, about two and a half times as fast
 * as js-yaml on it, which gives up at the first thing outside that shape; the caller then reads the text with js-yaml.
 *
 * The shape: a mapping at the left margin; keys of letters, digits, `_` and `-`; values that are plain one-line
 * scalars, one-line quoted scalars without escapes, one-line flow sequences of plain scalars (`[a, b]`) and flow
 * mappings of plain pairs (`{ a: 1 }`), or nested block mappings and sequences; whole-line comments at the left
 * margin. Anything else gives up: tabs, CR, control or non-characters, anchors, aliases, tags, block scalars,
 * multi-line scalars, escapes, comments after a value or indented, complex keys, document markers, duplicate keys,
 * keys that read as something other than themselves, nesting deeper than MAX_DEPTH.
 *
 * Its mappings have no prototype (src/core/safe-object.ts): a key such as `__proto__` or `constructor` is an own
 * key like any other, which js-yaml also makes of it, and nothing is inherited.
 *
 * It never decides that a text is wrong: an error is always js-yaml's to report. Where it returns a value, that
 * value is the one js-yaml returns for the text with the same schema (src/core/front-matter/yaml-subset.test.ts checks this on
 * generated texts, both ways round). Plain scalars are resolved by the caller's function, the schema's own.
 */

import { nullObject } from '../safe-object.js';

/** A plain scalar's value under the caller's schema (null, boolean, number or the text itself). */
export type PlainResolver = (plain: string) => unknown;

const MAX_DEPTH = 64;

/** Characters js-yaml refuses or treats as line breaks or white space beyond the space and the line feed. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OUTSIDE = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** The mapping the text holds, or undefined when the text is outside the shape above. Never throws. */
export function readYamlSubset(text: string, resolve: PlainResolver): Record<string, unknown> | undefined {
  if (OUTSIDE.test(text)) return undefined;
  // The lines that hold something: where their text starts (after the indentation) and ends (before trailing spaces).
  const starts: number[] = [];
  const ends: number[] = [];
  const indents: number[] = [];
  const length = text.length;
  for (let pos = 0; pos < length;) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = length;
    let end = next;
    while (end > pos && text.charCodeAt(end - 1) === 32) end--;
    let start = pos;
    while (start < end && text.charCodeAt(start) === 32) start++;
    if (start < end) {
      const first = text.charCodeAt(start);
      if (first === 35 /* # */) {
        if (start !== pos) return undefined;
      } else {
        if (start === pos && (text.startsWith('---', start) || text.startsWith('...', start))) return undefined;
        starts.push(start);
        ends.push(end);
        indents.push(start - pos);
      }
    }
    pos = next + 1;
  }
  if (starts.length === 0 || indents[0] !== 0) return undefined;
  try {
    const reader = new Reader(text, starts, ends, indents, resolve);
    const value = reader.mapping(0, 0);
    return reader.done() ? value : undefined;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** A letter of a key: ASCII, or Latin from À to ɏ (å, ä, ö, é, ...). */
function isKeyLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0xc0 && c <= 0x24f);
}

function isKeyChar(c: number): boolean {
  return isKeyLetter(c) || (c >= 48 && c <= 57) || c === 45;
}

/** `key:` at `start`, ended by a space or the line's end: the colon's index, or -1. */
function keyEnd(text: string, start: number, end: number): number {
  if (!isKeyLetter(text.charCodeAt(start))) return -1;
  let at = start + 1;
  while (at < end) {
    const c = text.charCodeAt(at);
    if (c === 58 /* : */) return at + 1 === end || text.charCodeAt(at + 1) === 32 ? at : -1;
    if (!isKeyChar(c)) return -1;
    at++;
  }
  return -1;
}

/** A first character that makes a value something other than a plain scalar, or one js-yaml may read otherwise. */
function isIndicator(c: number): boolean {
  switch (c) {
    case 45: // - (allowed when followed by something other than a space, as in -5; see plainStart)
    case 63: // ?
    case 58: // :
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

/** Whether `s` (not empty) may start a plain scalar here: no indicator first, except a dash followed by a non-space. */
function plainStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!isIndicator(c)) return true;
  return c === 45 && s.length > 1 && s.charCodeAt(1) !== 32;
}

function isItem(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 45 /* - */ && (start + 1 === end || text.charCodeAt(start + 1) === 32);
}

/**
 * A key that reads as itself and is not yet in the mapping. The mapping has no prototype and values are never
 * undefined here, so one property read answers the second (and costs far less than Object.hasOwn).
 */
function validKey(key: string, resolve: PlainResolver, into: Record<string, unknown>): boolean {
  return into[key] === undefined && resolve(key) === key;
}

class Reader {
  private i = 0;
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly indents: number[],
    private readonly resolve: PlainResolver,
  ) {
    this.n = starts.length;
  }

  /**
   * Whether every line was taken. A line deeper than the scalar before it (which would continue that scalar, or be
   * an error) is taken by no loop, since each takes only lines in its own column: the reader then gives up.
   */
  done(): boolean {
    return this.i === this.n;
  }

  private lineIsItem(): boolean {
    return isItem(this.text, this.starts[this.i] as number, this.ends[this.i] as number);
  }

  /** The block node that starts at the current line, at `indent`. */
  private block(indent: number, depth: number): unknown {
    return this.lineIsItem() ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const { text } = this;
    const out = nullObject();
    while (this.i < this.n && this.indents[this.i] === indent) {
      const start = this.starts[this.i] as number;
      const end = this.ends[this.i] as number;
      const colon = keyEnd(text, start, end);
      if (colon === -1) throw GIVE_UP;
      const key = text.slice(start, colon);
      if (!validKey(key, this.resolve, out)) throw GIVE_UP;
      this.i++;
      if (colon + 1 === end) {
        out[key] = this.nested(indent, depth, true);
      } else {
        out[key] = this.inline(colon + 2, end);
      }
    }
    return out;
  }

  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const { text } = this;
    const out: unknown[] = [];
    while (this.i < this.n && this.indents[this.i] === indent && this.lineIsItem()) {
      const start = this.starts[this.i] as number;
      const end = this.ends[this.i] as number;
      if (start + 1 === end) {
        this.i++;
        out.push(this.nested(indent, depth, false));
        continue;
      }
      let at = start + 2;
      while (text.charCodeAt(at) === 32) at++;
      if (isItem(text, at, end)) throw GIVE_UP;
      if (keyEnd(text, at, end) !== -1) {
        // `- key: value` opens a mapping whose keys stand in the column of this first one.
        const column = indent + (at - start);
        this.starts[this.i] = at;
        this.indents[this.i] = column;
        out.push(this.mapping(column, depth + 1));
      } else {
        this.i++;
        out.push(this.inline(at, end));
      }
    }
    return out;
  }

  /** The value of a key or item written on the lines below it: a deeper block, a sequence in the key's own column, or null. */
  private nested(indent: number, depth: number, compactSequence: boolean): unknown {
    if (this.i >= this.n) return null;
    const next = this.indents[this.i] as number;
    if (next > indent) return this.block(next, depth + 1);
    if (compactSequence && next === indent && this.lineIsItem()) return this.sequence(indent, depth + 1);
    return null;
  }

  /** A value written on one line from `from` (maybe after more spaces) to `end`. */
  private inline(from: number, end: number): unknown {
    const { text } = this;
    let start = from;
    while (text.charCodeAt(start) === 32) start++;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (first === 34 /* " */) {
      if (end - start < 2 || last !== 34) throw GIVE_UP;
      const inner = text.slice(start + 1, end - 1);
      if (inner.includes('"') || inner.includes('\\')) throw GIVE_UP;
      return inner;
    }
    if (first === 39 /* ' */) {
      if (end - start < 2 || last !== 39) throw GIVE_UP;
      const inner = text.slice(start + 1, end - 1);
      if (!inner.includes("'")) return inner;
      if (inner.replaceAll("''", '').includes("'")) throw GIVE_UP;
      return inner.replaceAll("''", "'");
    }
    if (first === 91 /* [ */) {
      if (last !== 93) throw GIVE_UP;
      return flowItems(text.slice(start + 1, end - 1)).map((item) => this.flowScalar(item));
    }
    if (first === 123 /* { */) {
      if (last !== 125) throw GIVE_UP;
      const out = nullObject();
      for (const pair of flowItems(text.slice(start + 1, end - 1))) {
        const colon = pair.indexOf(': ');
        if (colon === -1 || keyEnd(pair, 0, pair.length) !== colon) throw GIVE_UP;
        const key = pair.slice(0, colon);
        if (!validKey(key, this.resolve, out)) throw GIVE_UP;
        out[key] = this.flowScalar(pair.slice(colon + 2));
      }
      return out;
    }
    const s = text.slice(start, end);
    if (!plainStart(s) || last === 58 /* : */ || s.includes(': ') || s.includes(' #')) throw GIVE_UP;
    return this.resolve(s);
  }

  /** A plain scalar inside a flow collection: no indicator first, no colon anywhere. */
  private flowScalar(raw: string): unknown {
    let a = 0;
    while (raw.charCodeAt(a) === 32) a++;
    const s = a === 0 ? raw : raw.slice(a);
    if (s === '' || !plainStart(s) || s.includes(':')) throw GIVE_UP;
    return this.resolve(s);
  }
}

/** The comma-separated items of a one-line flow collection, without the spaces around them; none may be empty. */
function flowItems(inner: string): string[] {
  if (/^ *$/.test(inner)) return [];
  if (/["'#[\]{}]/.test(inner)) throw GIVE_UP;
  return inner.split(',').map((item) => {
    let a = 0;
    let b = item.length;
    while (item.charCodeAt(a) === 32) a++;
    while (b > a && item.charCodeAt(b - 1) === 32) b--;
    if (a === b) throw GIVE_UP;
    return item.slice(a, b);
  });
}
