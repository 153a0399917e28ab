/**
 * The only module that talks to gray-matter. Idea files are untrusted input, so:
 * - gray-matter is always called with an options object: without one it caches parses by content, and after a
 *   failed parse returns empty data for the same text without an error;
 * - its JavaScript engines (`---js`, `---javascript`, any case), which evaluate the front matter as code, are
 *   replaced by engines that refuse, and the opening line is checked to be exactly `---` before it is called;
 * - YAML is read with YAML 1.2's core schema, under which dates and words like `yes` stay strings: the plain shape
 *   most front matter has by src/core/front-matter/yaml-subset.ts, other text by js-yaml 4 (with the core schema's types, from
 *   src/core/front-matter/yaml-core-schema.ts, in place of its own), and text with anchors or aliases by the `yaml` package,
 *   which limits aliases;
 * - every mapping read has no prototype (src/core/safe-object.ts), whichever reader read it: its keys are the
 *   file's, and a key such as `constructor` or `__proto__` is data, never a way into Object.prototype.
 */
import matter from 'gray-matter';
import { isUtf8 } from 'node:buffer';
import type { MessageKey, Params } from '../i18n/i18n.js';
import { CORE_SCHEMA, jsYaml, resolveCoreScalar } from './yaml-core-schema.js';
import { yamlPackage } from './yaml-package.js';
import { readYamlSubset } from './yaml-subset.js';
import { nullProtoDeep } from '../safe-object.js';

export interface FrontMatter {
  ok: true;
  data: Record<string, unknown>;
  /** The YAML text between the delimiters. */
  matter: string;
  /** The Markdown text after the closing delimiter. */
  body: string;
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

/** A YAML text that cannot be read safely: which rule, the message to show, and where (0-based, in the text). */
export class YamlProblem extends Error {
  constructor(
    readonly rule: string,
    readonly key: MessageKey,
    readonly hintKey: MessageKey | null,
    readonly params: Params,
    readonly line: number,
    readonly column: number,
  ) {
    super(rule);
  }
}

const refuse = {
  parse(): never {
    throw new YamlProblem('front-matter/opening', 'f.fmOpening', 'h.fmOpening', { line: '---js' }, 0, 0);
  },
  stringify(): never {
    throw new Error('not supported');
  },
};

/** How a file is read. */
export interface ReadOptions {
  /**
   * Place a YAML problem on its line as precisely as the `yaml` package can (true, the default), or take js-yaml's
   * place for it: for readers that only need to know whether a file reads (`ideas list`), which then never load
   * the `yaml` package for a broken file.
   */
  locate?: boolean;
  /**
   * Read the Markdown text after the front matter (true, the default), or leave `body` empty: for readers that never
   * use it (`ideas list`, `ideas validate`), which then do not decode it (in a file of the common layout, see
   * commonLayout). Its bytes are checked all the same.
   */
  body?: boolean;
}

function engine(locate: boolean) {
  return {
    parse: (text: string): object => parseYamlSafely(text, locate) as object,
    stringify(): never {
      throw new Error('not supported');
    },
  };
}

// Every engine gray-matter knows by default is named here, so that none of its own can be reached.
type MatterOptions = matter.GrayMatterOption<string | Buffer, MatterOptions>;
function matterOptions(locate: boolean): MatterOptions {
  const yaml = engine(locate);
  return {
    language: 'yaml',
    engines: {
      yaml,
      yml: yaml,
      javascript: refuse,
      js: refuse,
      json: refuse,
      coffee: refuse,
      coffeescript: refuse,
      cson: refuse,
    },
  } as MatterOptions;
}
const locating = matterOptions(true);
const notLocating = matterOptions(false);

const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/m;
const MAX_ALIASES = 100;

/** Parses YAML that may come from anyone. Throws YamlProblem with a position relative to the text. */
export function parseYamlSafely(text: string, locate = true): unknown {
  // Most front matter is of the plain shape the subset reader knows; js-yaml reads the rest and reports errors.
  const plain = readYamlSubset(text, resolveCoreScalar);
  if (plain !== undefined) return plain;
  if (!ANCHOR_OR_ALIAS.test(text)) {
    try {
      return nullProtoDeep(jsYaml.load(text, { schema: CORE_SCHEMA }));
    } catch (e) {
      // The `yaml` package places most problems more precisely. A duplicate key js-yaml places where it does, on
      // the key written again (the tests hold both to that), and it is the problem found most often: the package
      // (~50 ms to load) is not loaded for it.
      if (!locate || isDuplicateKey(e)) throw fromJsYaml(e);
      throw problemOf(parseWithPositions(text), text) ?? fromJsYaml(e);
    }
  }
  // Anchors and aliases: the `yaml` package counts them, which stops an alias bomb before it grows.
  const doc = parseWithPositions(text);
  const problem = problemOf(doc, text);
  if (problem) throw problem;
  try {
    return nullProtoDeep(doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown);
  } catch (e) {
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message))) {
      throw new YamlProblem('front-matter/alias-limit', 'f.aliasLimit', 'h.aliasLimit', {}, 0, 0);
    }
    throw e;
  }
}

function parseWithPositions(text: string) {
  return yamlPackage().parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true });
}

function problemOf(doc: ReturnType<typeof parseWithPositions>, text: string): YamlProblem | null {
  const first = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (!first) return null;
  return fromYamlPackage(first.code, first.message, first.linePos?.[0], keyAt(text, first.pos[0]));
}

function isDuplicateKey(e: unknown): boolean {
  return e instanceof jsYaml.YAMLException && /duplicated mapping key/.test(e.reason ?? e.message);
}

function fromJsYaml(e: unknown): YamlProblem | unknown {
  if (!(e instanceof jsYaml.YAMLException)) return e;
  const reason = e.reason ?? e.message;
  const line = e.mark?.line ?? 0;
  const column = e.mark?.column ?? 0;
  if (/duplicated mapping key/.test(reason)) {
    const key = keyAt(e.mark?.buffer ?? '', e.mark?.position ?? 0);
    return new YamlProblem('front-matter/duplicate-key', 'f.duplicateKey', 'h.duplicateKey', { key }, line, column);
  }
  if (/call stack/i.test(reason))
    return new YamlProblem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', {}, line, column);
  const tag = /unknown tag !<([^>]*)>/.exec(reason);
  if (tag)
    return new YamlProblem(
      'front-matter/unknown-tag',
      'f.unknownTag',
      'h.unknownTag',
      { tag: shortTag(tag[1] ?? '') },
      line,
      column,
    );
  return new YamlProblem('front-matter/yaml', 'f.yaml', 'h.yaml', { reason }, line, column);
}

function fromYamlPackage(
  code: string,
  message: string,
  pos: { line: number; col: number } | undefined,
  key: string,
): YamlProblem {
  const line = pos ? pos.line - 1 : 0;
  const column = pos ? pos.col - 1 : 0;
  if (code === 'DUPLICATE_KEY') {
    return new YamlProblem('front-matter/duplicate-key', 'f.duplicateKey', 'h.duplicateKey', { key }, line, column);
  }
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag:\s*(\S+)/i.exec(message)?.[1] ?? '?';
    return new YamlProblem(
      'front-matter/unknown-tag',
      'f.unknownTag',
      'h.unknownTag',
      { tag: shortTag(tag) },
      line,
      column,
    );
  }
  const reason = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(reason))
    return new YamlProblem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', {}, line, column);
  return new YamlProblem('front-matter/yaml', 'f.yaml', 'h.yaml', { reason }, line, column);
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The key written at `position`, or on the line it is on. */
function keyAt(buffer: string, position: number): string {
  const lineStart = buffer.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  const rest = buffer.slice(position >= lineStart ? position : lineStart);
  return /^\s*(?:-\s+)?["']?([^"':\n]+)/.exec(rest)?.[1]?.trim() ?? '?';
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
  if (!isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    return problem('file/encoding', 'f.encoding', 'h.encoding', at === -1 ? 1 : lineOf(text, at));
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const close = commonLayout(buffer);
  if (close !== -1) return readCommonLayout(buffer, close, opts);
  let text = utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return splitFrontMatter(text, opts);
}

// One decoder for every file: decode() without { stream: true } keeps nothing from one call to the next.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
const CLOSING = Buffer.from('\n---');
// Other line breaks than the line feed, which splitFrontMatter's look for stray delimiters also knows.
const LS = Buffer.from('\u2028');
const PS = Buffer.from('\u2029');

/**
 * Where the closing delimiter's line starts (the line break before it) in a file laid out the common way: no BOM,
 * `---` and a line feed on the first line (so the front matter's text starts at byte 4), line feeds as the only line
 * breaks before the closing line, and a first later line that starts with `---` which is exactly `---` (or `---`
 * and a CR). -1 for any other file: splitFrontMatter reads those, and says what is wrong with them.
 * UTF-8 never puts an ASCII byte inside another character, so what is found in the bytes is where the text has it.
 */
export function commonLayout(buffer: Buffer): number {
  if (buffer[0] !== 45 || buffer[1] !== 45 || buffer[2] !== 45 || buffer[3] !== 10) return -1;
  const at = buffer.indexOf(CLOSING, 3);
  if (at === -1) return -1;
  // Looked for in the front matter only, not in the body after it.
  const head = buffer.subarray(0, at);
  if (head.includes(13) || head.includes(LS) || head.includes(PS)) return -1;
  let after = at + CLOSING.length;
  if (buffer[after] === 13) after++;
  return after === buffer.length || buffer[after] === 10 ? at : -1;
}

/**
 * Reads a file of the common layout (see commonLayout) as splitFrontMatter reads its text, without decoding the
 * text twice or encoding it again: gray-matter takes the front matter's bytes and decodes them itself, and the body
 * is decoded only when asked for. src/core/front-matter/front-matter.test.ts holds the two readers equal on mutated files.
 */
function readCommonLayout(buffer: Buffer, close: number, opts: ReadOptions): FrontMatterResult {
  // After the closing `---` (and its CR, if any): the line break before the body, or the end of the file.
  const afterClose = buffer[close + CLOSING.length] === 13 ? close + CLOSING.length + 1 : close + CLOSING.length;
  const parsed = parseMatter(buffer.subarray(0, afterClose), opts);
  if (!parsed.ok) return parsed;
  // gray-matter's `matter` runs from the line break after the opening `---` to the one before the closing line.
  const yamlText = close === 3 ? '' : `${parsed.matter.slice(1)}\n`;
  return {
    ok: true,
    data: parsed.data,
    matter: yamlText,
    body: opts.body === false ? '' : bodyAfter(buffer, afterClose + 1),
  };
}

/** The body from `start` (the closing line's line break passed) without one blank line first, as splitFrontMatter has it. */
function bodyAfter(buffer: Buffer, start: number): string {
  let from = start;
  if (buffer[from] === 13 && buffer[from + 1] === 10) from += 2;
  else if (buffer[from] === 10) from += 1;
  return from >= buffer.length ? '' : utf8.decode(buffer.subarray(from));
}

/** gray-matter's reading of the front matter `head` (the file up to the closing `---`), or the problem it met. */
function parseMatter(
  head: string | Buffer,
  opts: ReadOptions,
): { ok: true; data: Record<string, unknown>; matter: string } | FrontMatterProblem {
  let parsed: matter.GrayMatterFile<string | Buffer>;
  try {
    parsed = matter(head, opts.locate === false ? notLocating : locating);
  } catch (e) {
    // gray-matter hands the engine the text from the line break after the opening `---`, so the engine's line 0
    // is the opening line itself.
    if (e instanceof YamlProblem)
      return problem(e.rule, e.key, e.hintKey, Math.max(MATTER_FIRST_LINE, 1 + e.line), e.column + 1, e.params);
    if (e instanceof RangeError) return problem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', MATTER_FIRST_LINE);
    return problem('front-matter/yaml', 'f.yaml', 'h.yaml', MATTER_FIRST_LINE, 1, {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const message = Array.isArray(data) ? 'f.notMappingList' : 'f.notMappingScalar';
    return problem('front-matter/not-mapping', message, 'h.notMapping', MATTER_FIRST_LINE);
  }
  return { ok: true, data: data as Record<string, unknown>, matter: parsed.matter };
}

export function splitFrontMatter(text: string, opts: ReadOptions = {}): FrontMatterResult {
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
  const close = /\n---\r?(?:\n|$)/.exec(text.slice(firstEnd));
  if (!close) return problem('front-matter/unclosed', 'f.fmUnclosed', 'h.fmUnclosed', 1);
  const matterStart = firstEnd + 1;
  const matterEnd = firstEnd + close.index + 1;
  const yamlText = text.slice(matterStart, matterEnd);
  // gray-matter closes at the first "\n---", even inside a longer line; such a line is a finding, not a guess.
  const stray = /^---(?!\r?$)/m.exec(yamlText);
  if (stray)
    return problem(
      'front-matter/stray-delimiter',
      'f.fmStrayDelimiter',
      'h.fmStrayDelimiter',
      MATTER_FIRST_LINE + countLines(yamlText, stray.index),
    );

  const afterClose = matterEnd + close[0].length - 1;
  // Only the front matter: gray-matter copies and hashes what it is given, and the body is taken here.
  const parsed = parseMatter(text.slice(0, afterClose), opts);
  if (!parsed.ok) return parsed;
  const body = opts.body === false ? '' : text.slice(afterClose).replace(/^\r?\n/, '');
  return {
    ok: true,
    data: parsed.data,
    matter: yamlText,
    body,
  };
}

function stripCR(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** How many line breaks come before `end` in `text`. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(text: string, index: number): number {
  return countLines(text, index) + 1;
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < index; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
