/**
 * Where a value sits in a YAML text, for findings with a line and a column. Only called for files that have
 * findings, so the `yaml` package's slower parse with positions stays off the path every file goes through.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { resolveCoreScalar } from './yaml-core-schema.js';
import { yamlPackage } from './yaml-package.js';
import { keyEnd, placeOf, readYamlSubset, subsetPlaces, type SubsetPlaces } from './yaml-subset.js';
import { unescapePointerToken } from '../json-pointer.js';
import { lineColumn } from './line-column.js';

export interface Position {
  line: number;
  column: number;
}

/** Splits a JSON pointer such as /history/2/date into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

export class YamlPositions {
  private parsed: { doc: Document.Parsed; counter: LineCounter } | null = null;
  /** The text, without CRs before LFs, when it is of the plain shape, else null; looked at once, for the first finding. */
  private plain: string | null | undefined;
  /** Where each key and value of the plain text starts: read once, for the first finding below the top level. */
  private places: SubsetPlaces | undefined;

  /**
   * `firstLine` is the file line on which `text` starts. `quick: false` always asks the `yaml` package (tests).
   * `subset`, when known (FrontMatter's), says whether the subset reader read the text, which is then not read again
   * to tell. `data`, the mapping read from the text, tells which top-level fields a front matter in flow style lacks
   * (see positionInText).
   */
  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    private readonly quick = true,
    subset?: boolean,
    private readonly data?: Readonly<Record<string, unknown>>,
  ) {
    if (subset !== undefined) this.plain = subset ? withoutCRs(text) : null;
  }

  /**
   * The position of the deepest node along the pointer that exists: a missing field points at its parent's key,
   * so a finding about a missing `coach` lands on the line where the fields begin.
   */
  find(pointer: string, preferKey = false): Position {
    if (this.quick && this.plain === undefined) this.plain = plainText(this.text);
    const plain = this.plain;
    if (plain === null || plain === undefined) return this.found(pointer, preferKey);
    // A top-level field from the lines alone; any other from a second reading by the subset, which keeps where
    // each value starts (a few hundredths of a millisecond, where the package's parse takes a millisecond or more).
    const quick = positionInText(plain, this.firstLine, pointer, preferKey, this.data);
    if (quick) return quick;
    this.places ??= subsetPlaces(plain, resolveCoreScalar);
    if (!this.places) return this.found(pointer, preferKey);
    return lineAndColumn(plain, placeOf(this.places, pointerSegments(pointer), preferKey), this.firstLine);
  }

  private found(pointer: string, preferKey: boolean): Position {
    const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlPackage();
    if (!this.parsed) {
      const counter = new LineCounter();
      this.parsed = {
        doc: parseDocument(this.text, { lineCounter: counter, schema: 'core', uniqueKeys: false, prettyErrors: false }),
        counter,
      };
    }
    let node: Node | null = this.parsed.doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        keyNode = null;
        node = item;
      } else {
        break;
      }
    }
    const target = preferKey && keyNode ? keyNode : node;
    const offset = target?.range?.[0];
    if (offset === undefined) return { line: this.firstLine, column: 1 };
    const pos = this.parsed.counter.linePos(offset);
    return { line: this.firstLine + pos.line - 1, column: pos.col };
  }
}

/**
 * Where the `yaml` package would place a top-level field (or the fields, for one that is missing), found from the
 * lines of a front matter the subset reader reads (src/core/front-matter/yaml-subset.ts) without parsing it again: most findings are
 * about a top-level field, and parsing with the `yaml` package was a tenth of validate's time. Null when the text
 * is not of that shape, the pointer goes deeper, or the value is not on the key's line.
 */
export function topLevelPosition(
  text: string,
  firstLine: number,
  pointer: string,
  preferKey: boolean,
): Position | null {
  const plain = plainText(text);
  return plain === null ? null : positionInText(plain, firstLine, pointer, preferKey);
}

/** A text the subset reader reads, without the CRs of its CRLFs (the reader refuses any other CR), or null. */
function plainText(text: string): string | null {
  return readYamlSubset(text, resolveCoreScalar)?.ok ? withoutCRs(text) : null;
}

/** The line and column (1-based, the first line `firstLine`) of `offset` in `text`. */
function lineAndColumn(text: string, offset: number, firstLine: number): Position {
  const { line, column } = lineColumn(text, offset);
  return { line: firstLine + line, column: column + 1 };
}

/** The text with each CRLF an LF: lines and columns stay where they were, as a CR ends a line. */
function withoutCRs(text: string): string {
  return text.includes('\r') ? text.replaceAll('\r\n', '\n') : text;
}

/**
 * The position of a top-level field in a text of the subset's shapes, found from its lines where they stand (no line
 * is cut out of the text: files with findings used to allocate all their lines, and a key for each line for each
 * finding). Null when the pointer goes deeper, the value is not on the key's line, or a key before the one asked
 * for is quoted with an escape, which may spell any key: the `yaml` package then places it. In a text that is one
 * flow mapping only a field that `data` (the text's mapping) lacks is placed here, at the mapping, as the package
 * places it.
 */
function positionInText(
  text: string,
  firstLine: number,
  pointer: string,
  preferKey: boolean,
  data?: Readonly<Record<string, unknown>>,
): Position | null {
  const segments = pointerSegments(pointer);
  if (segments.length > 1) return null;
  const key = segments[0];
  let fields = -1;
  for (let start = 0, line = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineStart = start;
    start = end + 1;
    // In the subset's shapes every line at the margin that is not a comment or an item of a sequence written in its
    // key's column (`history:` then `- date: ...`, as PyYAML writes it) is a top-level key: the lines of block
    // scalars, of wrapped scalars and of flow collections over lines are indented.
    const first = text.charCodeAt(lineStart);
    if (
      end === lineStart ||
      first === 32 /* space */ ||
      first === 35 /* # */ ||
      (first === 45 /* - */ && (end === lineStart + 1 || text.charCodeAt(lineStart + 1) === 32))
    )
      continue;
    if (fields === -1) fields = line;
    if (key === undefined) continue;
    if (first === 123 /* { */) return data && !Object.hasOwn(data, key) ? { line: firstLine + line, column: 1 } : null;
    const colon = keyEnd(text, lineStart, end);
    if (colon === -1) return null;
    const quote = first === 34 /* " */ || first === 39 /* ' */ ? text[lineStart] : null;
    // A quoted key is what is between its quotes, unless it has an escape (a quote written twice in single quotes):
    // then it may be the one asked for, and the yaml package knows.
    const keyStart = quote === null ? lineStart : lineStart + 1;
    const keyStop = quote === null ? colon : colon - 1;
    if (quote !== null) {
      const escape = text.indexOf(quote === '"' ? '\\' : "'", keyStart);
      if (escape !== -1 && escape < keyStop) return null;
    }
    if (keyStop - keyStart !== key.length || !text.startsWith(key, keyStart)) continue;
    if (preferKey) return { line: firstLine + line, column: 1 };
    let at = colon + 1;
    while (text.charCodeAt(at) === 32) at++;
    // A value with an anchor starts after it, as the yaml package places it (an alias starts at its `*`).
    if (text.charCodeAt(at) === 38 /* & */) {
      while (at < end && text.charCodeAt(at) !== 32) at++;
      while (text.charCodeAt(at) === 32) at++;
    }
    // A value on the lines below (a block, or nothing): the yaml package knows where it starts.
    if (at >= end || text.charCodeAt(at) === 35 /* # */) return null;
    return { line: firstLine + line, column: at - lineStart + 1 };
  }
  return fields === -1 ? null : { line: firstLine + fields, column: 1 };
}
