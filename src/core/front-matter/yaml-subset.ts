/**
 * A fast reader for the shapes of YAML that idea front matter has, as people and `ideas new` write it, which gives
 * up at the first thing outside them; the caller then reads the text with the `yaml` package
 * (src/core/front-matter/yaml-read.ts). Most files never need that package, which takes long to load and is several
 * times slower on the same text.
 *
 * The shapes: a mapping at the left margin, in block style or in flow style (as PyYAML writes it with
 * `default_flow_style=True`, and JSON.stringify); keys of letters, digits, `_`, `-` and inner spaces, or quoted on one
 * line (as the `yaml` package writes every key with `defaultStringType: 'QUOTE_SINGLE'`); values that are plain
 * scalars, quoted scalars (with every escape of YAML 1.2), both on one line or wrapped over several (as PyYAML and
 * other writers wrap long texts), flow sequences and mappings of such scalars and of each other, on one line or over
 * several (as PyYAML writes them in its flow style), literal (`|`) and folded (`>`) block scalars with their chomping
 * and indentation indicators, or nested block mappings and sequences; anchors on values and aliases of them (as
 * PyYAML writes a date used twice: `created: &id001 2026-05-11`, then `date: *id001`); comments on their own lines
 * and after values; line breaks LF or CRLF. Anything else gives up, but for the mistakes Broken says are not YAML:
 * tabs, lone CRs, control or non-characters, halves of surrogate pairs, anchors on keys, aliases beyond the bounds
 * Reader.alias says, tags, directives, document markers, a wrapped line that starts with an indicator or is not
 * indented more than its key, folded lines that are more indented, empty and comment lines inside a flow collection,
 * complex keys, empty keys, keys longer than MAX_KEY, keys that read as something other than themselves or that name
 * a prototype (`__proto__`, `constructor`, `prototype`), nesting deeper than MAX_DEPTH.
 *
 * What it returns is exactly what YAML 1.2's core schema reads, as the `yaml` package reads it: the same mapping,
 * or, for a key written twice, the same problem at the same place. src/core/front-matter/yaml-subset.test.ts
 * checks this on generated texts against the package. Plain scalars are resolved by the caller's function, the core
 * schema's own. Mappings have no prototype.
 */

/** A plain scalar's value under the caller's schema (null, boolean, number or the text itself). */
export type PlainResolver = (plain: string) => unknown;

/**
 * What the subset makes of a text it reads: its mapping; the first key written twice; or that the text is not YAML at
 * all (see Broken), which the package refuses too, though its first error may be another one, such as a key written
 * twice before it. Places are 0-based.
 */
export type SubsetRead =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: 'duplicate-key'; key: string; line: number; column: number }
  | { ok: false; problem: 'not-yaml'; line: number; column: number };

const MAX_DEPTH = 64;

import { isForbiddenKey } from '../safe-object.js';
import { lineColumn } from './line-column.js';

/**
 * Characters YAML refuses, or treats as line breaks or white space beyond the space, the LF and a CR before an LF;
 * a tab but one that starts a line (see Reader.tabbed); and a half of a surrogate pair without the other (a whole
 * pair, such as an emoji, is a character YAML allows).
 */
const OUTSIDE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\r(?!\n)|(?<=[^\n])\t/;

/**
 * Every character OUTSIDE may find, and more (any CR, any half of a surrogate pair): a simpler pattern, which most
 * texts pass in two thirds of OUTSIDE's time, so that OUTSIDE looks only at texts with one of them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const MAYBE_OUTSIDE = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/**
 * A mapping without a prototype. Made from an object literal rather than by Object.create(null), which V8 makes a
 * hash table at once: the literal keeps the compact layout of ordinary objects up to a dozen keys or so, a sixth of
 * the memory (10,000 ideas read by `ideas report` hold 10 MB less).
 */
export function emptyMapping(): Record<string, unknown> {
  return Object.setPrototypeOf({}, null) as Record<string, unknown>;
}

class GiveUp {}
const GIVE_UP = new GiveUp();

/**
 * What the reader throws where it meets what YAML does not allow, in a text whose every line before it was of the
 * shapes above (and so read as the `yaml` package reads it): the package refuses such a text too, whatever comes
 * after. Only the mistakes people make when they edit front matter by hand, each where the package has no reading
 * of it either (src/core/front-matter/yaml-subset.test.ts holds the two to that on generated texts):
 * - a plain value with `: ` or a `:` at its end, on its key's line (`title: Förslag: ...`), or on a line that
 *   continues a plain scalar (a key indented by mistake, `carrier: Anna` then ` unit: ...`): a mapping where YAML
 *   allows none (the package's BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY);
 * - a quoted scalar or a flow collection never closed, or that goes on over a line not indented more than its key
 *   (`title: "Samåkning` without its closing quote): MISSING_CHAR, BAD_INDENT; but for the package's leniencies
 *   that Reader.quoted and Reader.nextFlowLine name;
 * - a line more indented than the keys before it in its mapping, after a value that is complete (`carrier: "Anna"`
 *   then `  unit: ...`): BAD_INDENT;
 * - where a mapping's next key should stand, text that can be no key (`title:Förslag`, a word typed at the margin):
 *   MISSING_CHAR;
 * - a line of a mapping that starts with a tab and then a plain key (a key indented with the Tab key), or with a
 *   tab and any text at the margin after the first key (a title's second line indented with the Tab key):
 *   TAB_AS_INDENT;
 * - in a block sequence, after an item that is a block mapping or sequence, a line less indented than that block and
 *   more than the dashes (`- date: …` and then `   action: …`): BAD_INDENT and its kin.
 * It says only that the text does not read, and where the reader saw it: why, in the package's words, is the
 * package's to say (src/core/front-matter/yaml-read.ts).
 */
class Broken {
  constructor(readonly at: number) {}
}

/**
 * The text's mapping, its first duplicate key, or that it is not YAML (see Broken); undefined when the text is
 * outside the shapes above. Never throws.
 */
export function readYamlSubset(source: string, resolve: PlainResolver): SubsetRead | undefined {
  const read = readWhole(source, resolve);
  if (read === undefined || 'line' in read) return read;
  return read.reader.duplicate ?? { ok: true, data: read.data };
}

/**
 * The text read whole by a Reader, which keeps where each key and value starts in `spots` when given: the reader and
 * the mapping, where the text stops being YAML, or undefined when the text is outside the shapes above.
 */
function readWhole(
  source: string,
  resolve: PlainResolver,
  spots?: Map<object, Map<string | number, Spot>>,
): { reader: Reader; data: Record<string, unknown> } | Extract<SubsetRead, { problem: 'not-yaml' }> | undefined {
  if (MAYBE_OUTSIDE.test(source) && OUTSIDE.test(source)) return undefined;
  // A CR is allowed only before an LF, and a CRLF is a line break like an LF, in scalars too.
  const text = source.includes('\r') ? source.replaceAll('\r\n', '\n') : source;
  try {
    const reader = new Reader(text, resolve);
    // A text of comments and blank lines only is left to the package, which reads it as null.
    if (reader.done()) return undefined;
    reader.spots = spots;
    const data = reader.top();
    if (!reader.done()) return undefined;
    return { reader, data };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    // Lines and columns are the same in the text as written: only a CR before an LF was taken out.
    if (e instanceof Broken) return { ok: false, problem: 'not-yaml', ...lineColumn(text, e.at) };
    throw e;
  }
}

/** Where a key (-1 for an item of a list) and its value start, and whether the value is an alias. */
interface Spot {
  key: number;
  value: number;
  alias: boolean;
}

/** Where each key and value of a text the subset reads starts (offsets into the text, its CRLFs made LFs). */
export interface SubsetPlaces {
  data: Record<string, unknown>;
  /** Where the text's mapping starts. */
  root: number;
  spots: Map<object, Map<string | number, Spot>>;
}

/** The places of the text's keys and values, read once for any number of placeOf; undefined as readYamlSubset says. */
export function subsetPlaces(source: string, resolve: PlainResolver): SubsetPlaces | undefined {
  const spots = new Map<object, Map<string | number, Spot>>();
  const read = readWhole(source, resolve, spots);
  if (read === undefined || 'line' in read || read.reader.duplicate) return undefined;
  return { data: read.data, root: read.reader.rootAt(), spots };
}

/**
 * Where the `yaml` package would place a finding about `segments` (a pointer's), as an offset into the text, found as
 * src/core/front-matter/positions.ts walks the package's document: the deepest node along the segments that exists,
 * the value (or with `preferKey` the key of the last mapping entry taken), where its text starts; an alias is not
 * looked into.
 */
export function placeOf(places: SubsetPlaces, segments: readonly string[], preferKey: boolean): number {
  let node: unknown = places.data;
  let nodeAt = places.root;
  let keyAt = -1;
  let alias = false;
  for (const segment of segments) {
    if (alias || node === null || typeof node !== 'object') break;
    const key = Array.isArray(node) ? Number(segment) : segment;
    const spot = places.spots.get(node)?.get(key);
    if (!spot) break;
    // An item of a list has no key (-1): a finding about it falls back on the item itself, as the package's walk does.
    keyAt = spot.key;
    nodeAt = spot.value;
    alias = spot.alias;
    node = (node as Record<string | number, unknown>)[key];
  }
  return preferKey && keyAt !== -1 ? keyAt : nodeAt;
}

/**
 * `key:` where it starts: a letter (ASCII, `_`, or Latin from À to ɏ: å, ä, ö, é, ...), then letters, digits, `-`
 * and inner spaces, then a colon followed by a space or the end of the line. A regular expression rather than a
 * loop over the characters: most runs read each file once, before V8 has compiled a loop, and a regular expression
 * runs as native code from the start.
 */
const KEY = /[A-Za-z_\u00C0-\u024F](?:[A-Za-z0-9_\u00C0-\u024F -]*[A-Za-z0-9_\u00C0-\u024F-])?:(?=[ \n]|$)/y;

/**
 * The longest key read here. YAML allows an implicit key of at most 1,024 characters, and the `yaml` package refuses
 * a longer one (KEY_OVER_1024_CHARS); longer keys are left to it.
 */
const MAX_KEY = 1000;

/**
 * `key:` at `start`, the colon followed by a space or the end of the line (`end`): the colon's index, or -1. The key
 * is plain (see KEY) or in single or double quotes on the line; the caller reads a quoted one (see Reader.key).
 */
export function keyEnd(text: string, start: number, end: number, inFlow = false): number {
  const q = text.charCodeAt(start);
  if (q === 34 /* " */ || q === 39 /* ' */) return quotedKeyEnd(text, start, end, inFlow);
  KEY.lastIndex = start;
  if (!KEY.test(text)) return -1;
  const colon = KEY.lastIndex - 1;
  return colon < end && colon - start <= MAX_KEY ? colon : -1;
}

/**
 * A key in quotes at `start`, closed on its line and followed by a colon and a space or the end of the line; in a flow
 * mapping (`inFlow`) the value may follow the colon at once, as JSON writes it (`{"id":"sund-..."}`).
 */
function quotedKeyEnd(text: string, start: number, end: number, inFlow: boolean): number {
  const q = text.charCodeAt(start);
  let p = start + 1;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === q) {
      // In single quotes a quote is written twice.
      if (q === 39 && p + 1 < end && text.charCodeAt(p + 1) === 39) {
        p += 2;
        continue;
      }
      break;
    }
    p += q === 34 && c === 92 /* \ */ ? 2 : 1;
  }
  const colon = p + 1;
  if (colon >= end || colon - start > MAX_KEY || text.charCodeAt(colon) !== 58) return -1;
  return inFlow || colon + 1 === end || text.charCodeAt(colon + 1) === 32 ? colon : -1;
}

/**
 * Keys read before, by length and first character. Every idea has the same few dozen keys: one seen before is taken
 * from here instead of being cut from the text again, and is a string V8 has already made a property name. A new
 * cut has to be made one at its first lookup, which a profile of a first run showed as this reader's costliest
 * line; and 10,000 ideas share their keys instead of holding a copy each.
 */
const knownKeys = new Map<number, string[]>();
let knownCount = 0;
/**
 * How many keys are kept, of at most 64 characters and 8 of a length and first character: bounds on what hostile
 * files can make it hold, and on the time a key takes to look up.
 */
const MAX_KNOWN = 2000;

/** The key written from `start` to `end`. */
function keyText(text: string, start: number, end: number): string {
  const slot = ((end - start) << 16) | text.charCodeAt(start);
  const known = knownKeys.get(slot);
  if (known) for (const k of known) if (text.startsWith(k, start)) return k;
  const key = text.slice(start, end);
  if (knownCount >= MAX_KNOWN || key.length > 64 || (known && known.length >= 8)) return key;
  // A property name of a literal is the internalized string: what lookups compare by identity.
  const name = Object.keys({ [key]: 0 })[0] ?? key;
  if (known) known.push(name);
  else knownKeys.set(slot, [name]);
  knownCount++;
  return name;
}

/** A first character that makes a value something other than a plain scalar. */
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

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Whether a plain scalar may start at `at`: no indicator first, except a dash followed by a character that is not a space. */
function plainStart(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (!isIndicator(c)) return true;
  return c === 45 && at + 1 < end && text.charCodeAt(at + 1) !== 32;
}

/**
 * The most aliases a text read here may have: one fewer than the `yaml` package's maxAliasCount (100, as yaml-read.ts
 * sets it), since the package counts an anchor with its aliases, so that 100 aliases of one anchor are over its
 * limit. With 99 in all, no anchor reaches it, and a text reads the same whichever reader reads it (an outside fuzz
 * found 100 aliases of one anchor read here, and refused once an unrelated key sent the text to the package).
 */
const MAX_ALIASES = 99;

/**
 * Where the name of an anchor or alias that starts at `from` ends: letters, digits, `_` and `-` (as writers name
 * them: PyYAML `id001`), then a space or the end of the line, or in a flow collection also a comma or a closing
 * bracket. Any other name is left to the package.
 */
function anchorNameEnd(text: string, from: number, end: number, inFlow: boolean): number {
  let p = from;
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45)) break;
  }
  if (p === from) throw GIVE_UP;
  if (p === end) return p;
  const c = text.charCodeAt(p);
  if (c === 32 || (inFlow && (c === 44 || c === 93 || c === 125))) return p;
  throw GIVE_UP;
}

const HEX = /^[0-9a-fA-F]+$/;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The line tables of the text being read, shared by every reading: a reading never starts while another runs (the
 * reader calls nothing outside this module), and arrays made for each of 10,000 files were a tenth of what a first
 * run of `ideas validate` allocated. Grown when a text has more lines, never shrunk.
 */
let lineTables = { starts: new Int32Array(256), ends: new Int32Array(256), firsts: new Int32Array(256) };

/** The line tables with room for twice as many lines, those filled kept. */
function grownTables(): typeof lineTables {
  const size = lineTables.starts.length * 2;
  const grown = { starts: new Int32Array(size), ends: new Int32Array(size), firsts: new Int32Array(size) };
  grown.starts.set(lineTables.starts);
  grown.ends.set(lineTables.ends);
  grown.firsts.set(lineTables.firsts);
  lineTables = grown;
  return grown;
}

/** The text of a line from `from` without the spaces at its end. */
function withoutTrailingSpaces(text: string, from: number, end: number): string {
  let stop = end;
  while (stop > from && text.charCodeAt(stop - 1) === 32) stop--;
  return text.slice(from, stop);
}

/** Where the line plainLine last read has its comment (from the start of its text), or -1 when it has none. */
let plainComment = -1;

/**
 * What ends the text of a plain scalar's line, whichever comes first: a comment (a # after a space), a colon
 * followed by a space or by the line's end (which would start a mapping), or the line's end. One search from the
 * scalar's start, in place of a cut of the line and a search of it for each.
 */
const PLAIN_STOP = /: | #|:\n|\n/g;

/**
 * The text of a line of a plain scalar, from `from` to its line's end: up to a comment (a # after a space), without
 * the spaces before it. Whether a comment ended it is left in plainComment (a module variable rather than a returned
 * object: this runs for most values of every file). A colon followed by a space or by the end would start a mapping:
 * where YAML allows none there (`mappingBreaks`, see Broken) the text is not YAML, elsewhere outside the shape.
 */
function plainLine(text: string, from: number, mappingBreaks: boolean): string {
  PLAIN_STOP.lastIndex = from;
  let stop: number;
  plainComment = -1;
  if (PLAIN_STOP.test(text)) {
    const last = PLAIN_STOP.lastIndex - 1;
    const c = text.charCodeAt(last);
    if (c === 35 /* # */) {
      stop = last - 1;
      plainComment = stop - from;
    } else if (c === 32 /* the space of `: ` */ || text.charCodeAt(last - 1) === 58 /* : */) {
      throw mappingBreaks ? new Broken(last - 1) : GIVE_UP;
    } else {
      stop = last;
    }
  } else {
    // The last line of a text without a line break at its end.
    stop = text.length;
    if (text.charCodeAt(stop - 1) === 58 /* : */) throw mappingBreaks ? new Broken(stop - 1) : GIVE_UP;
  }
  while (text.charCodeAt(stop - 1) === 32) stop--;
  return text.slice(from, stop);
}

class Reader {
  /** Where each line starts, where it ends (before its LF), and where its text starts after the indentation. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly firsts: Int32Array;
  /** Whether the last line ends with a line break. */
  private readonly lastBroken: boolean;
  private i = 0;
  private readonly n: number;
  /**
   * Where each key and value read starts, by the list or mapping it is in and its key or index: kept only when asked
   * for (subsetPlaces). `at` and `aliased` say where the last value read starts, and whether it is an alias.
   */
  spots: Map<object, Map<string | number, Spot>> | undefined;
  private at = 0;
  private aliased = false;
  private root = 0;
  /** The values anchors name, by name, once a text has one; and how many aliases were read. */
  private anchors: Map<string, { value: unknown; holdsAliases: boolean }> | undefined;
  private aliases = 0;
  /** The first key written twice in a mapping, if any: the text is read to its end all the same. */
  duplicate: Extract<SubsetRead, { problem: 'duplicate-key' }> | undefined;

  constructor(
    private readonly text: string,
    private readonly resolve: PlainResolver,
  ) {
    const length = text.length;
    // One pass over the text's lines, the tables grown when it has more lines than they have room for.
    let tables = lineTables;
    let line = 0;
    for (let pos = 0; pos < length; line++) {
      if (line === tables.starts.length) tables = grownTables();
      let next = text.indexOf('\n', pos);
      if (next === -1) next = length;
      let first = pos;
      while (first < next && text.charCodeAt(first) === 32) first++;
      tables.starts[line] = pos;
      tables.ends[line] = next;
      tables.firsts[line] = first;
      pos = next + 1;
    }
    this.starts = tables.starts;
    this.ends = tables.ends;
    this.firsts = tables.firsts;
    this.n = line;
    this.lastBroken = length > 0 && text.charCodeAt(length - 1) === 10;
  }

  /** Where the value just read starts, and whether it is an alias. */
  private mark(at: number, aliased = false): void {
    this.at = at;
    this.aliased = aliased;
  }

  /** Keeps where the value just read, and its key (-1 for an item of a list), start in `container`. */
  private spot(container: object, key: string | number, keyAt: number): void {
    const spots = this.spots as Map<object, Map<string | number, Spot>>;
    let inside = spots.get(container);
    if (!inside) spots.set(container, (inside = new Map()));
    inside.set(key, { key: keyAt, value: this.at, alias: this.aliased });
  }

  /** Whether every line was taken. */
  done(): boolean {
    return !this.nextContent();
  }

  private indent(line: number): number {
    return (this.firsts[line] as number) - (this.starts[line] as number);
  }

  /**
   * Moves past blank lines and comment lines (at any indentation, as YAML allows outside block scalars); false at
   * the end of the text. A document marker or directive at the margin gives up.
   */
  private nextContent(): boolean {
    const { text } = this;
    while (this.i < this.n) {
      const first = this.firsts[this.i] as number;
      const end = this.ends[this.i] as number;
      if (first === end || text.charCodeAt(first) === 35 /* # */) {
        this.i++;
        continue;
      }
      if (first === this.starts[this.i]) {
        const c = text.charCodeAt(first);
        if (c === 37 /* % */ || ((c === 45 || c === 46) && this.marker(this.i))) throw GIVE_UP;
      }
      return true;
    }
    return false;
  }

  /**
   * Whether line `j` starts at the margin with what may be a document marker (`---` or `...`), which ends a flow
   * collection or a quoted scalar that the lines of a flow front matter (at the margin) would otherwise go on with.
   */
  private marker(j: number): boolean {
    const first = this.firsts[j] as number;
    return first === this.starts[j] && (this.text.startsWith('---', first) || this.text.startsWith('...', first));
  }

  /**
   * What to throw for a line that starts with a tab, met where a key may stand: when a plain key follows the tab, the
   * line is not YAML (see Broken); nor is any text after a tab at the margin once the mapping there has a key (`title:
   * Förslag` and then a line of its text indented with the Tab key), for YAML indents with spaces only and the margin
   * holds only keys. The rest is left to the package: a line of a tab and a comment is an empty line, and a tab may
   * come before a flow collection that is the whole text (yaml-test-suite Q5MG).
   */
  private tabbed(start: number, end: number, topAfterKey: boolean): Broken | GiveUp {
    let p = start + 1;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    if (this.plainKeyAt(p, end)) return new Broken(start);
    return topAfterKey && this.holdsText(start, end) ? new Broken(start) : GIVE_UP;
  }

  /** Whether the line from `start` to `end` holds more than spaces, tabs and a comment (or a CR, left to the package). */
  private holdsText(start: number, end: number): boolean {
    const { text } = this;
    let p = start;
    while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    return p < end && text.charCodeAt(p) !== 35 /* # */ && text.charCodeAt(p) !== 13;
  }

  /**
   * Whether line `j`, where a key of a mapping that has one already should stand, holds text that can be no key: it
   * starts with no indicator and has no colon before a space or at its end (`title:Förslag`, a word typed at the
   * margin). Not when the next line is more indented, or empty, or a comment, or starts with a tab: the package reads
   * `x` and then `  : y` as a key and its value.
   */
  private strayText(j: number, start: number, end: number): boolean {
    const { text } = this;
    if (isIndicator(text.charCodeAt(start)) || text.charCodeAt(end - 1) === 58 /* : */) return false;
    const colon = text.indexOf(': ', start);
    if (colon !== -1 && colon < end) return false;
    if (j + 1 >= this.n) return this.lastBroken;
    const next = this.firsts[j + 1] as number;
    const c = text.charCodeAt(next);
    return next !== this.ends[j + 1] && c !== 35 /* # */ && c !== 9 && this.indent(j + 1) <= this.indent(j);
  }

  /** Whether a plain key (see KEY) starts at `at`, on a line that ends at `end`. */
  private plainKeyAt(at: number, end: number): boolean {
    const c = this.text.charCodeAt(at);
    return c !== 34 && c !== 39 && keyEnd(this.text, at, end) !== -1;
  }

  private isItem(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /**
   * The key written from `start` to its colon (found by keyEnd): plain, or the value of a quoted scalar, which is a
   * string whatever it holds (`"null"` and `'12'` are keys as written).
   */
  private key(start: number, colon: number): string {
    const { text } = this;
    const q = text.charCodeAt(start);
    if (q !== 34 && q !== 39) return keyText(text, start, colon);
    const quoted = this.quoted(start, colon, null);
    if (quoted.next !== colon || quoted.value === '') throw GIVE_UP;
    // Without escapes the key is the text between its quotes: taken from keyText, as a plain key is.
    return quoted.value.length === colon - start - 2 ? keyText(text, start + 1, colon - 1) : quoted.value;
  }

  private validKey(key: string, into: Record<string, unknown>, line: number, column: number): boolean {
    // A plain key starts with a letter: under the core schema only one of n, t, f (null, true, false in their
    // spellings) can read as something else, and only one of _, c, p can name a prototype. A quoted key is a string
    // whatever it holds, but one that spells null, true or false is left to the package all the same.
    const c = key.charCodeAt(0) | 32;
    if ((c === 110 || c === 116 || c === 102) && this.resolve(key) !== key) throw GIVE_UP;
    if ((c === 127 || c === 99 || c === 112) && isForbiddenKey(key)) throw GIVE_UP;
    if (!(key in into)) return true;
    this.duplicate ??= { ok: false, problem: 'duplicate-key', key, line, column };
    return false;
  }

  /** Where the text's mapping starts: its first key, or its opening brace. */
  rootAt(): number {
    return this.root;
  }

  /**
   * The text's mapping: a block mapping at the margin, or a flow mapping that opens there (as PyYAML writes a whole
   * front matter with `default_flow_style=True`, the `yaml` package with `collectionStyle: 'flow'`, and JSON).
   */
  top(): Record<string, unknown> {
    const first = this.firsts[this.i] as number;
    this.root = first;
    if (first !== this.starts[this.i] || this.text.charCodeAt(first) !== 123 /* { */) return this.mapping(0, 0);
    const end = this.ends[this.i] as number;
    this.i++;
    // Its later lines may stand at the margin too, as JSON.stringify(data, null, 2) writes its closing brace.
    const flow = this.flow(first, end, -1, 0);
    this.endOfLine(flow.next, flow.end);
    return flow.value as Record<string, unknown>;
  }

  /** A block mapping whose keys stand at `indent`, from the current line. */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const { text } = this;
    const out = emptyMapping();
    let entries = 0;
    while (this.nextContent()) {
      const line = this.i;
      const at = this.indent(line);
      if (at < indent) break;
      // More indented than the keys before it, after a value that is whole: no reading of YAML takes it (see Broken).
      // A first key more indented is a text whose mapping stands further in.
      const start = this.firsts[line] as number;
      const end = this.ends[line] as number;
      if (at > indent) throw entries > 0 && this.plainKeyAt(start, end) ? new Broken(start) : GIVE_UP;
      entries++;
      if (text.charCodeAt(start) === 9 /* a tab */) throw this.tabbed(start, end, indent === 0 && entries > 1);
      const colon = keyEnd(text, start, end);
      if (colon === -1) throw entries > 1 && this.strayText(line, start, end) ? new Broken(start) : GIVE_UP;
      const key = this.key(start, colon);
      const fresh = this.validKey(key, out, line, indent);
      let from = colon + 1;
      while (text.charCodeAt(from) === 32) from++;
      let value: unknown;
      if (from === end || text.charCodeAt(from) === 35 /* # (after a space) */) {
        this.i++;
        value = this.nested(indent, depth, true);
        // Nothing below: an empty value, which starts where the line's text after the colon does.
        if (this.at === -1) this.at = from;
      } else {
        value = this.inline(from, end, indent, depth, true);
      }
      if (fresh) {
        out[key] = value;
        if (this.spots) this.spot(out, key, start);
      }
    }
    return out;
  }

  /** A block sequence whose dashes stand at `indent`, from the current line. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const { text } = this;
    const out: unknown[] = [];
    /** Whether the last item was a block mapping or sequence, whose lines end where one is less indented than it. */
    let afterBlock = false;
    while (this.nextContent()) {
      const line = this.i;
      const at = this.indent(line);
      if (at < indent) break;
      const start = this.firsts[line] as number;
      const end = this.ends[line] as number;
      // Less indented than the block before it and more than the dashes (`- date: …` and then `   action: …`): no
      // reading of YAML takes it (see Broken).
      if (at > indent) throw afterBlock && this.holdsText(start, end) ? new Broken(start) : GIVE_UP;
      // A key at the sequence's own column ends a sequence that is a mapping's value (`key:` then `- item` lines).
      if (!this.isItem(start, end)) break;
      let from = start + 1;
      while (text.charCodeAt(from) === 32) from++;
      if (from === end || text.charCodeAt(from) === 35 /* # */) {
        this.i++;
        const value = this.nested(indent, depth, false);
        out.push(value);
        afterBlock = value !== null;
        if (this.at === -1) this.at = from;
      } else if (this.isItem(from, end)) {
        throw GIVE_UP;
      } else if (keyEnd(text, from, end) !== -1) {
        // `- key: value` opens a mapping whose keys stand in the column of this first one.
        this.firsts[line] = from;
        out.push(this.mapping(from - (this.starts[line] as number), depth + 1));
        afterBlock = true;
        this.mark(from);
      } else {
        out.push(this.inline(from, end, indent, depth, false));
        afterBlock = false;
      }
      if (this.spots) this.spot(out, out.length - 1, -1);
    }
    return out;
  }

  /** The value of a key or item written on the lines below it: a deeper block, a sequence in the key's own column, or null. */
  private nested(indent: number, depth: number, compactSequence: boolean): unknown {
    this.at = -1;
    if (!this.nextContent()) return null;
    const line = this.i;
    const first = this.firsts[line] as number;
    const next = this.indent(line);
    const isItem = this.isItem(first, this.ends[line] as number);
    let value: unknown;
    if (next > indent) value = isItem ? this.sequence(next, depth + 1) : this.mapping(next, depth + 1);
    else if (compactSequence && next === indent && isItem) value = this.sequence(indent, depth + 1);
    else return null;
    this.mark(first);
    return value;
  }

  /**
   * A value that starts at `from` on the current line, whose key or dash stands at `indent`; takes the line, and the
   * lines that continue it: those of a block scalar's content, or those of a plain or quoted scalar or a flow
   * collection written over more than one line (as YAML writers such as PyYAML wrap long texts).
   */
  private inline(from: number, end: number, indent: number, depth: number, blockScalar: boolean): unknown {
    const { text } = this;
    const first = text.charCodeAt(from);
    if (first === 124 /* | */ || first === 62 /* > */) {
      if (!blockScalar) throw GIVE_UP;
      this.mark(from);
      return this.blockScalar(from, end, indent);
    }
    if (first === 38 /* & */) return this.anchored(from, end, indent, depth, blockScalar);
    this.i++;
    if (first === 42 /* * */) {
      const alias = this.alias(from, end, false);
      this.endOfLine(alias.next, end);
      this.mark(from, true);
      return alias.value;
    }
    this.mark(from);
    let value: unknown;
    let after: number;
    let lineEnd: number;
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const quoted = this.quoted(from, end, indent);
      value = quoted.value;
      after = quoted.next;
      lineEnd = quoted.end;
    } else if (first === 91 /* [ */ || first === 123 /* { */) {
      const flow = this.flow(from, end, indent, depth);
      value = flow.value;
      after = flow.next;
      lineEnd = flow.end;
      this.mark(from);
    } else {
      if (!plainStart(text, from, end)) throw GIVE_UP;
      // A mapping's value: no mapping may start on its key's line. An item of a list may be one (`- a, b: c`).
      const line = plainLine(text, from, blockScalar);
      if (plainComment !== -1) return this.resolve(line);
      const more = this.plainMore(indent);
      if (more === '') return this.resolve(line);
      // Folded lines always hold a space or a line feed, which no other type of the core schema has.
      const folded = line + more;
      if (this.resolve(folded) !== folded) throw GIVE_UP;
      return folded;
    }
    this.endOfLine(after, lineEnd);
    return value;
  }

  /**
   * A value with an anchor (`&name value`, as PyYAML writes a date that is also the date of the first history entry):
   * the value on the line after the anchor or, with nothing after it, on the lines below, which the anchor then names
   * for the aliases after it. An anchor of a name already used, and one followed by another anchor or an alias, are
   * left to the package.
   */
  private anchored(from: number, end: number, indent: number, depth: number, blockScalar: boolean): unknown {
    const { name, at } = this.anchor(from, end);
    const aliasesBefore = this.aliases;
    let value: unknown;
    if (at === end || this.text.charCodeAt(at) === 35 /* # (after a space) */) {
      this.i++;
      // In a mapping, a sequence may stand in its key's column, as PyYAML writes a list it names (`tags: &id002`).
      value = this.nested(indent, depth, blockScalar);
      if (this.at === -1) this.at = at;
    } else {
      value = this.inline(at, end, indent, depth, blockScalar);
    }
    this.define(name, value, aliasesBefore);
    return value;
  }

  /**
   * An anchor at `from` on a line that ends at `end`: its name, and where what it names starts, past the spaces after
   * the name. Another anchor or an alias after it is left to the package.
   */
  private anchor(from: number, end: number): { name: string; at: number } {
    const { text } = this;
    const nameEnd = anchorNameEnd(text, from + 1, end, false);
    let at = nameEnd;
    while (at < end && text.charCodeAt(at) === 32) at++;
    const c = text.charCodeAt(at);
    if (at < end && (c === 38 /* & */ || c === 42) /* * */) throw GIVE_UP;
    return { name: text.slice(from + 1, nameEnd), at };
  }

  /**
   * Names `value` for the aliases after it, read while the count of aliases went from `aliasesBefore` to what it is
   * now: any read inside it make it one no alias may name here.
   */
  private define(name: string, value: unknown, aliasesBefore: number): void {
    this.anchors ??= new Map();
    if (this.anchors.has(name)) throw GIVE_UP;
    this.anchors.set(name, { value, holdsAliases: this.aliases !== aliasesBefore });
  }

  /**
   * An alias (`*name`) at `from`: the value its anchor names, the same value (a list or mapping is shared, not
   * copied, as src/core/front-matter/yaml-read.ts shares it), and where the text after it starts. Left to the package:
   * an alias of an anchor not yet read (or still being read: a cycle), of a list or mapping that holds aliases itself,
   * or more than MAX_ALIASES aliases in a text. Within those bounds no alias bomb can grow, and the package's count of
   * aliases (its maxAliasCount) never refuses the text.
   */
  private alias(from: number, end: number, inFlow: boolean): { value: unknown; next: number } {
    const nameEnd = anchorNameEnd(this.text, from + 1, end, inFlow);
    const anchor = this.anchors?.get(this.text.slice(from + 1, nameEnd));
    if (anchor === undefined || anchor.holdsAliases || ++this.aliases > MAX_ALIASES) throw GIVE_UP;
    return { value: anchor.value, next: nameEnd };
  }

  /**
   * The lines that continue a plain scalar whose key or dash stands at `indent`, as YAML folds them into its value: a
   * line break between two lines of text becomes a space, and each empty line between them a line feed. It takes
   * them: the lines after the current one, indented more than `indent`, up to a comment or a line less indented.
   */
  private plainMore(indent: number): string {
    const { text } = this;
    let out = '';
    let empties = 0;
    for (let j = this.i; j < this.n; j++) {
      const first = this.firsts[j] as number;
      const end = this.ends[j] as number;
      if (first === end) {
        empties++;
        continue;
      }
      if (first - (this.starts[j] as number) <= indent) break;
      const c = text.charCodeAt(first);
      // A comment ends the scalar; a line starting with any other indicator is left to the package.
      if (c === 35 /* # */) break;
      if (isIndicator(c)) throw GIVE_UP;
      out += empties === 0 ? ' ' : '\n'.repeat(empties);
      // An implicit key is written on one line: a colon here is not YAML, whatever holds the scalar.
      out += plainLine(text, first, true);
      empties = 0;
      this.i = j + 1;
      if (plainComment !== -1) break;
    }
    return out;
  }

  /** After a quoted scalar or a flow collection: only spaces, and a comment after at least one of them. */
  private endOfLine(at: number, end: number): void {
    let p = at;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    if (p === end) return;
    if (p > at && this.text.charCodeAt(p) === 35 /* # */) return;
    throw GIVE_UP;
  }

  /**
   * A quoted scalar: its value, where the text after it starts, and the end of the line it closes on. Without `indent`
   * (a quoted key) it must close on its own line. With it, the scalar may go on over the lines after, each indented
   * more than `indent` (the column of its key or dash), which it takes: each line break becomes a space and each empty
   * line a line feed, with the spaces around the break dropped, as YAML folds them; in double quotes, a backslash at
   * the end of a line joins the next without a space.
   */
  private quoted(from: number, end: number, indent: number | null): { value: string; next: number; end: number } {
    const { text } = this;
    let out = '';
    let p = from + 1;
    let lineEnd = end;
    /** The text of the current line from `p` is taken; on to the next line of the scalar. */
    const nextLine = (escaped: boolean) => {
      if (indent === null) throw GIVE_UP;
      let j = this.i;
      let empties = 0;
      while (j < this.n && this.firsts[j] === this.ends[j]) {
        empties++;
        j++;
      }
      // Never closed, or going on over a line not indented more than its key: not YAML (see Broken). Left to the
      // package, which may take such a scalar as closed: one with a backslash so far (it reads `"\"` at the end of a
      // line as a quote), and any in a text without a line break at its end (it reads `'x` and `b: ''` at the end as
      // `x b: '`). A document marker, and empty lines after an escaped line break (which YAML makes line feeds and
      // the package a space), are left to it too.
      if (j < this.n && ((escaped && empties > 0) || this.marker(j) || text.charCodeAt(this.starts[j] as number) === 9))
        throw GIVE_UP;
      if (j >= this.n || this.indent(j) <= indent)
        throw !escaped && this.lastBroken && text.lastIndexOf('\\', lineEnd - 1) < from ? new Broken(from) : GIVE_UP;
      if (!escaped) out += empties > 0 ? '\n'.repeat(empties) : ' ';
      p = this.firsts[j] as number;
      lineEnd = this.ends[j] as number;
      this.i = j + 1;
    };
    if (text.charCodeAt(from) === 39 /* ' */) {
      // The next quote at or after `p`, found once and kept while the lines taken end before it: searched anew at
      // each line, a scalar of many lines would be read again to its end at each one.
      let q = -1;
      for (;;) {
        if (q < p) {
          q = text.indexOf("'", p);
          if (q === -1) q = Infinity;
        }
        if (q >= lineEnd) {
          out += withoutTrailingSpaces(text, p, lineEnd);
          nextLine(false);
          continue;
        }
        out += text.slice(p, q);
        if (text.charCodeAt(q + 1) !== 39 || q + 1 >= lineEnd) return { value: out, next: q + 1, end: lineEnd };
        out += "'";
        p = q + 2;
      }
    }
    for (;;) {
      let q = p;
      while (q < lineEnd) {
        const c = text.charCodeAt(q);
        if (c === 34 /* " */ || c === 92 /* \ */) break;
        q++;
      }
      if (q >= lineEnd) {
        out += withoutTrailingSpaces(text, p, lineEnd);
        nextLine(false);
        continue;
      }
      out += text.slice(p, q);
      if (text.charCodeAt(q) === 34) return { value: out, next: q + 1, end: lineEnd };
      // An escape; one at the end of the line joins the next line, the spaces before it kept.
      if (q + 1 >= lineEnd) {
        nextLine(true);
        continue;
      }
      const e = text[q + 1] as string;
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        p = q + 2;
        continue;
      }
      const digits = HEX_DIGITS[e];
      if (digits === undefined) throw GIVE_UP;
      const hex = text.slice(q + 2, q + 2 + digits);
      if (hex.length !== digits || q + 2 + digits > lineEnd || !HEX.test(hex)) throw GIVE_UP;
      const code = parseInt(hex, 16);
      // Surrogates and code points beyond Unicode are left to the package to judge.
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw GIVE_UP;
      out += String.fromCodePoint(code);
      p = q + 2 + digits;
    }
  }

  /**
   * Takes the next line of a flow collection (or of a scalar in it) that is not closed at the end of the current one:
   * a line with text, indented more than `indent` (the column of the collection's key or dash), from its first
   * character to its end. Empty lines and comment lines in a collection are left to the package to judge; a line
   * less indented (but for a closing bracket, which the package takes there), or none at all, is not YAML (see
   * Broken).
   */
  private nextFlowLine(indent: number): { first: number; end: number } {
    const j = this.i;
    // Never closed: not YAML (see Broken).
    if (j >= this.n) throw new Broken(this.text.length);
    const first = this.firsts[j] as number;
    const end = this.ends[j] as number;
    const c = this.text.charCodeAt(first);
    if (first === end || c === 35 /* # */ || c === 9 /* a tab */ || this.marker(j)) throw GIVE_UP;
    if (this.indent(j) <= indent) throw c === 93 /* ] */ || c === 125 /* } */ ? GIVE_UP : new Broken(first);
    this.i = j + 1;
    return { first, end };
  }

  /**
   * A flow sequence or mapping of scalars that opens at `from` on the line before this.i: its value, where the text
   * after it starts, and the end of the line it closes on. It may go on over the lines after (as PyYAML writes a
   * history entry longer than its width, `- {date: ..., action: moved,` and the rest below), which it takes; see
   * nextFlowLine.
   */
  private flow(
    from: number,
    end: number,
    indent: number,
    depth: number,
  ): { value: unknown; next: number; end: number } {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const { text } = this;
    const isMap = text.charCodeAt(from) === 123;
    const close = isMap ? 125 /* } */ : 93; /* ] */
    const seq: unknown[] = [];
    const map = emptyMapping();
    let p = from + 1;
    let lineEnd = end;
    // Past spaces and, at the end of a line, on to the next line of the collection.
    const skip = () => {
      for (;;) {
        while (p < lineEnd && text.charCodeAt(p) === 32) p++;
        if (p < lineEnd) return;
        ({ first: p, end: lineEnd } = this.nextFlowLine(indent));
      }
    };
    skip();
    if (text.charCodeAt(p) === close) return { value: isMap ? map : seq, next: p + 1, end: lineEnd };
    for (;;) {
      let item: { value: unknown; next: number; end: number };
      if (isMap) {
        const colon = keyEnd(text, p, lineEnd, true);
        if (colon === -1) throw GIVE_UP;
        const keyAt = p;
        const key = this.key(p, colon);
        const line = this.i - 1;
        const column = p - (this.starts[line] as number);
        p = colon + 1;
        skip();
        item = this.flowItem(p, lineEnd, indent, depth);
        // A key written twice is found once its value is read, as the package finds it: after any inside the value.
        if (this.validKey(key, map, line, column)) {
          map[key] = item.value;
          if (this.spots) this.spot(map, key, keyAt);
        }
      } else {
        item = this.flowItem(p, lineEnd, indent, depth);
        seq.push(item.value);
        if (this.spots) this.spot(seq, seq.length - 1, -1);
      }
      p = item.next;
      lineEnd = item.end;
      skip();
      const c = text.charCodeAt(p);
      if (c === close) return { value: isMap ? map : seq, next: p + 1, end: lineEnd };
      if (c !== 44 /* , */) throw GIVE_UP;
      p++;
      skip();
      // A comma before the closing bracket (allowed by YAML) is outside the shape.
      if (text.charCodeAt(p) === close) throw GIVE_UP;
    }
  }

  /**
   * A value inside a flow collection: a flow collection (as js-yaml's `flowLevel` writes a list of mappings), or a
   * scalar.
   */
  private flowItem(
    from: number,
    end: number,
    indent: number,
    depth: number,
  ): { value: unknown; next: number; end: number } {
    const c = this.text.charCodeAt(from);
    if (c === 38 /* & */) {
      const { name, at } = this.anchor(from, end);
      // An anchor at the end of a line in a flow collection is left to the package.
      if (at === end) throw GIVE_UP;
      const aliasesBefore = this.aliases;
      const item = this.flowItem(at, end, indent, depth);
      this.define(name, item.value, aliasesBefore);
      return item;
    }
    if (c === 42 /* * */) {
      const alias = this.alias(from, end, true);
      this.mark(from, true);
      return { value: alias.value, next: alias.next, end };
    }
    const item =
      c === 91 /* [ */ || c === 123 /* { */
        ? this.flow(from, end, indent, depth + 1)
        : this.flowScalar(from, end, indent);
    this.mark(from);
    return item;
  }

  /**
   * A scalar inside a flow collection, from `from` on the line before this.i (which ends at `end`): quoted, or plain
   * without a colon, a comment or a flow indicator. Either may go on over the lines after, as in a block (a line
   * break folded into a space); a plain one ends at a line that starts with a comma or a closing bracket.
   */
  private flowScalar(from: number, end: number, indent: number): { value: unknown; next: number; end: number } {
    const { text } = this;
    const c = text.charCodeAt(from);
    if (c === 34 || c === 39) return this.quoted(from, end, indent);
    if (from >= end || !plainStart(text, from, end)) throw GIVE_UP;
    // A dash starts a plain scalar in a flow collection only before a character that may follow it there.
    if (c === 45 && isFlowIndicator(text.charCodeAt(from + 1))) throw GIVE_UP;
    let value = '';
    let folded = false;
    let p = from;
    let lineEnd = end;
    for (;;) {
      const start = p;
      while (p < lineEnd) {
        const d = text.charCodeAt(p);
        if (d === 44 || d === 93 || d === 125) break;
        if (d === 91 || d === 123 || (d === 35 && text.charCodeAt(p - 1) === 32)) throw GIVE_UP;
        // A colon inside a scalar, before a character that may go on with it (as in a time, 09:30:00, which js-yaml
        // writes for a date in a flow collection): part of the text. Any other colon is left to the package.
        if (d === 58) {
          const e = p + 1 < lineEnd ? text.charCodeAt(p + 1) : 32;
          if (e === 32 || isFlowIndicator(e)) throw GIVE_UP;
        }
        p++;
      }
      const part = withoutTrailingSpaces(text, start, p);
      value = folded ? `${value} ${part}` : part;
      if (p < lineEnd) break;
      // The end of the line, the collection still open: the next line goes on with the scalar, or after it.
      ({ first: p, end: lineEnd } = this.nextFlowLine(indent));
      const d = text.charCodeAt(p);
      if (d === 44 || d === 93 || d === 125) break;
      if (isIndicator(d)) throw GIVE_UP;
      folded = true;
    }
    if (!folded) return { value: this.resolve(value), next: p, end: lineEnd };
    // Folded lines always hold a space, which no other type of the core schema has.
    if (this.resolve(value) !== value) throw GIVE_UP;
    return { value, next: p, end: lineEnd };
  }

  /**
   * A literal or folded block scalar whose header starts at `from` on the current line, the value of a key at
   * `indent`: its header, then the lines of its content, which it takes.
   */
  private blockScalar(from: number, end: number, indent: number): string {
    const { text } = this;
    const folded = text.charCodeAt(from) === 62;
    let digit = 0;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    let p = from + 1;
    for (let k = 0; k < 2 && p < end; k++) {
      const c = text.charCodeAt(p);
      if (c >= 49 && c <= 57 && digit === 0) digit = c - 48;
      else if ((c === 45 || c === 43) && chomp === 0) chomp = c === 45 ? -1 : 1;
      else break;
      p++;
    }
    this.endOfLine(p, end);
    this.i++;

    // The content's indentation: the indicator's, or that of the first line with text.
    let contentIndent: number;
    if (digit > 0) {
      contentIndent = indent + digit;
    } else {
      let j = this.i;
      while (j < this.n && this.firsts[j] === this.ends[j]) j++;
      if (j >= this.n) throw GIVE_UP;
      contentIndent = this.indent(j);
    }
    // An empty block scalar, and one that starts with a line more indented than its content, are left to the package.
    if (contentIndent <= indent) throw GIVE_UP;

    const lines: string[] = [];
    let empties = 0;
    let texts = 0;
    let last = -1;
    while (this.i < this.n) {
      const line = this.i;
      const start = this.starts[line] as number;
      const lineEnd = this.ends[line] as number;
      if (this.firsts[line] === lineEnd) {
        // A line of spaces only, more than the indentation, would be content: outside the shape.
        if (lineEnd - start > contentIndent) throw GIVE_UP;
        empties++;
        lines.push('');
        this.i++;
        continue;
      }
      if (this.indent(line) < contentIndent) break;
      const content = text.slice(start + contentIndent, lineEnd);
      if (texts === 0 && this.indent(line) !== contentIndent && digit === 0) throw GIVE_UP;
      // Folded lines that are more indented keep their line breaks: outside the shape.
      if (folded && content.charCodeAt(0) === 32) throw GIVE_UP;
      lines.push(content);
      texts++;
      empties = 0;
      last = lines.length - 1;
      this.i++;
    }
    if (texts === 0) throw GIVE_UP;
    // A scalar that runs to the end of a text without a last line break is left to the package.
    if (this.i === this.n && !this.lastBroken) throw GIVE_UP;
    const body = lines.slice(0, last + 1);
    let value: string;
    if (!folded) {
      value = body.join('\n');
    } else {
      value = '';
      let pending = 0;
      let seenText = false;
      for (const l of body) {
        if (l === '') {
          pending++;
          continue;
        }
        if (!seenText) value += '\n'.repeat(pending);
        else value += pending === 0 ? ' ' : '\n'.repeat(pending);
        value += l;
        pending = 0;
        seenText = true;
      }
    }
    if (chomp === -1) return value;
    if (chomp === 0) return `${value}\n`;
    return `${value}\n${'\n'.repeat(empties)}`;
  }
}
