/**
 * Reads an idea file: one function, readFrontMatter, takes the file's bytes and returns its fields (and its text), or
 * the problem that stops it from being read, with where it is. Idea files are untrusted input, so:
 * - the opening line must be exactly `---`: front matter in another language (`---js`, which other tools evaluate
 *   as code) is never read;
 * - the front matter ends at the first line that is exactly `---`; a line that only starts with `---` before it is
 *   a finding, not a guess;
 * - the YAML is read as YAML 1.2's core schema says (src/core/front-matter/yaml-read.ts), under which dates and
 *   words like `yes` stay strings, into mappings without prototypes.
 * gray-matter is not used: it does nothing here that these few lines do not, and costs a copy and a hash of every
 * file (docs/reading.md has the measurements).
 */
import { Buffer } from 'node:buffer';
import { localize, type MessageKey, type Params } from '../i18n/i18n.js';
import { parseYamlShaped, YamlProblem } from './yaml-read.js';
import { emptyMapping } from './yaml-subset.js';
import { lineColumn, nonUtf8Line } from './line-column.js';

export { parseYamlSafely, YamlProblem } from './yaml-read.js';

export interface FrontMatter {
  ok: true;
  data: Record<string, unknown>;
  /** The YAML text between the delimiters. */
  matter: string;
  /** The Markdown text after the closing delimiter. */
  body: string;
  /**
   * Whether the fast reader read the YAML (src/core/front-matter/yaml-subset.ts), so that its lines are of that
   * reader's shapes: YamlPositions then places findings from the lines without reading them again.
   */
  subset?: boolean;
}

/** A problem that stops the file from being read at all, with where it is. */
export interface FrontMatterProblem {
  ok: false;
  rule: string;
  line: number;
  column: number;
  message: MessageKey;
  hint: MessageKey | null;
  params: Params;
}

export type FrontMatterResult = FrontMatter | FrontMatterProblem;

/** The file line on which the YAML text starts: line 1 is the opening `---`. */
export const MATTER_FIRST_LINE = 2;

/** How a file is read. */
export interface ReadOptions {
  /**
   * Give the Markdown text after the front matter (true, the default), or leave `body` empty: for readers that never
   * use it (`ideas list`, `ideas validate`), which then keep no part of the file's text for it.
   */
  body?: boolean;
  /**
   * Say why and where the YAML does not read (true, the default), or, for a reader that only lists the files that do
   * not (the commands that read every idea), only that it does not when that is quick to tell
   * (src/core/front-matter/yaml-read.ts, parseYamlShaped).
   */
  explain?: boolean;
}

function problem(
  rule: string,
  message: MessageKey,
  hint: MessageKey | null,
  line: number,
  column = 1,
  params: Params = {},
): FrontMatterProblem {
  return { ok: false, rule, line, column, message, hint, params };
}

/** An idea is a text of a few pages; a file far larger is a mistake (a pasted export, a binary) and is not parsed. */
export const MAX_IDEA_BYTES = 5_000_000;

/** Reads an idea file's bytes. Never throws for any content. */
export function readFrontMatter(bytes: Uint8Array, opts: ReadOptions = {}): FrontMatterResult {
  if (bytes.length === 0) return problem('file/empty', 'f.empty', 'h.empty', 1);
  if (bytes.length > MAX_IDEA_BYTES)
    return problem('file/too-large', 'f.tooLarge', 'h.tooLarge', 1, 1, {
      size: Math.round(bytes.length / 1_000_000),
      max: MAX_IDEA_BYTES / 1_000_000,
    });
  const nul = bytes.indexOf(0);
  if (nul !== -1) return problem('file/binary', 'f.binary', 'h.binary', lineAtByte(bytes, nul));
  const notUtf8 = nonUtf8Line(bytes);
  if (notUtf8 !== null) return problem('file/encoding', 'f.encoding', 'h.encoding', notUtf8);
  // Without the body, only the text up to the closing line is decoded: the data read from it then holds on to that
  // text alone, not to the whole file's (a summary of 10,000 ideas keeps a third of the memory).
  const end = opts.body === false ? closingLineEnd(bytes) : bytes.length;
  let text = utf8.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return splitFrontMatter(text, opts);
}

/**
 * Where the line that closes the front matter ends (after its line break), found in the bytes as splitFrontMatter
 * finds it in the text (the first later line that is exactly `---`, or `---` and a CR), or the length of the file
 * when there is none. UTF-8 never puts an ASCII byte inside another character, so what is found in the bytes is
 * where the text has it.
 */
function closingLineEnd(bytes: Uint8Array): number {
  const length = bytes.length;
  // Buffer's indexOf finds the four bytes in one call, where a search for each line break took one call a line.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(LINE_DASHES); at !== -1; at = buffer.indexOf(LINE_DASHES, at + 1)) {
    let after = at + 4;
    if (bytes[after] === 13) after++;
    if (after >= length) return length;
    if (bytes[after] === 10) return after + 1;
  }
  return length;
}

/** A line break and `---`: where a closing line may start. */
const LINE_DASHES = Buffer.from('\n---');

// One decoder for every file: decode() without { stream: true } keeps nothing from one call to the next. It drops
// a byte order mark itself; readFrontMatter drops a second one.
const utf8 = new TextDecoder('utf-8');

/** Reads an idea file's text (without a byte order mark). Never throws for any content. */
function splitFrontMatter(text: string, opts: ReadOptions = {}): FrontMatterResult {
  const firstEnd = text.indexOf('\n');
  const firstLine = stripCR(firstEnd === -1 ? text : text.slice(0, firstEnd));
  if (firstLine !== '---') {
    if (firstLine.startsWith('---')) {
      return problem('front-matter/opening', 'f.fmOpening', 'h.fmOpening', 1, 1, { line: firstLine.slice(0, 40) });
    }
    if (text.trim() === '') return problem('file/empty', 'f.empty', 'h.empty', 1);
    return problem('front-matter/missing', 'f.fmMissing', 'h.fmMissing', 1);
  }
  // The closing delimiter: the first later line that is exactly `---` (or `---` and a CR).
  const close = closingLine(text, firstEnd);
  if (close === -1) return problem('front-matter/unclosed', 'f.fmUnclosed', 'h.fmUnclosed', 1);
  const matterStart = firstEnd + 1;
  const matterEnd = close + 1;
  const yamlText = text.slice(matterStart, matterEnd);
  // A line that starts with `---` before the closing one: other tools close the front matter there.
  const stray = STRAY.exec(yamlText);
  if (stray)
    return problem(
      'front-matter/stray-delimiter',
      'f.fmStrayDelimiter',
      'h.fmStrayDelimiter',
      MATTER_FIRST_LINE + lineColumn(yamlText, stray.index + (stray[0].startsWith('-') ? 0 : 1)).line,
    );
  let data: unknown;
  let subset: boolean;
  try {
    ({ data, subset } = parseYamlShaped(yamlText, opts.explain !== false));
  } catch (e) {
    if (e instanceof YamlProblem)
      return problem(e.rule, e.key, e.hintKey, MATTER_FIRST_LINE + e.line, e.column + 1, e.params);
    if (e instanceof RangeError) return problem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', MATTER_FIRST_LINE);
    return problem('front-matter/yaml', 'f.yaml', 'h.yaml', MATTER_FIRST_LINE, 1, {
      reason: localize('yaml.impossible'),
    });
  }
  // An empty front matter, or one of comments only, has no fields.
  if (data === null) data = emptyMapping();
  if (typeof data !== 'object' || Array.isArray(data)) {
    const message = Array.isArray(data) ? 'f.notMappingList' : 'f.notMappingScalar';
    return problem('front-matter/not-mapping', message, 'h.notMapping', MATTER_FIRST_LINE);
  }
  // After the closing line, and its line break.
  let afterClose = matterEnd + 3;
  if (text.charCodeAt(afterClose) === 13) afterClose++;
  if (text.charCodeAt(afterClose) === 10) afterClose++;
  const body = opts.body === false ? '' : text.slice(afterClose).replace(/^\r?\n/, '');
  return { ok: true, data: data as Record<string, unknown>, matter: yamlText, body, subset };
}

/**
 * Where the closing delimiter's line break stands, from `from` on: the first `\n---` followed by the end of the text,
 * a line break, or a CR and either (as `/\n---\r?(?:\n|$)/` finds it, by indexOf rather than a regular expression
 * over the whole front matter); -1 when there is none.
 */
export function closingLine(text: string, from: number): number {
  for (let at = text.indexOf('\n---', from); at !== -1; at = text.indexOf('\n---', at + 1)) {
    let after = at + 4;
    if (text.charCodeAt(after) === 13) after++;
    if (after >= text.length || text.charCodeAt(after) === 10) return at;
  }
  return -1;
}
/**
 * A line that starts with `---` and is not only that. Lines are those YAML and the other tools see, broken at LF and
 * CR: not with the `m` flag, under which `^` also starts a line after U+2028 and U+2029, which are text in YAML 1.2
 * (a title `Plan\u2028--- utkast` was refused as a stray delimiter in a file `ideas new` wrote).
 */
const STRAY = /(?:^|[\n\r])---(?!\r?(?:[\n\r]|$))/;

function stripCR(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < index; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
