/**
 * Where a value sits in a YAML text, for findings with a line and a column. Only called for files that have
 * findings, so the `yaml` package's slower parse with positions stays off the path every file goes through.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { resolveCoreScalar } from './yaml-core-schema.js';
import { yamlPackage } from './yaml-package.js';
import { keyEnd, readYamlSubset } from './yaml-subset.js';

export interface Position {
  line: number;
  column: number;
}

/** Splits a JSON pointer such as /history/2/date into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export class YamlPositions {
  private parsed: { doc: Document.Parsed; counter: LineCounter } | null = null;
  /** The text's lines when it is of the plain shape, else null; looked at once, for the first finding. */
  private plain: string[] | null | undefined;

  /**
   * `firstLine` is the file line on which `text` starts. `quick: false` always asks the `yaml` package (tests).
   * `subset`, when known (FrontMatter's), says whether the subset reader read the text, which is then not read again
   * to tell.
   */
  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    private readonly quick = true,
    subset?: boolean,
  ) {
    if (subset !== undefined) this.plain = subset ? linesOf(text) : null;
  }

  /**
   * The position of the deepest node along the pointer that exists: a missing field points at its parent's key,
   * so a finding about a missing `coach` lands on the line where the fields begin.
   */
  find(pointer: string, preferKey = false): Position {
    if (this.quick && this.plain === undefined) this.plain = plainLines(this.text);
    return (
      (this.plain ? positionInLines(this.plain, this.firstLine, pointer, preferKey) : null) ??
      this.found(pointer, preferKey)
    );
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
  const lines = plainLines(text);
  return lines ? positionInLines(lines, firstLine, pointer, preferKey) : null;
}

/** The lines of a text the subset reader reads (without their CRs), or null for any other text. */
function plainLines(text: string): string[] | null {
  return readYamlSubset(text, resolveCoreScalar)?.ok ? linesOf(text) : null;
}

/** A text's lines, without their CRs. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  return text.includes('\r') ? lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) : lines;
}

/**
 * The key of a top-level line of a text the subset reader reads, and where its colon is, by the reader's own rule
 * (keyEnd): plain, or in quotes without an escape (`"id":`, `'id':`, as the `yaml` package writes keys with
 * QUOTE_SINGLE or QUOTE_DOUBLE); null for a quoted key with an escape in it, which may spell any key.
 */
function writtenKey(line: string): { key: string; colon: number } | null {
  const colon = keyEnd(line, 0, line.length);
  if (colon === -1) return null;
  const quote = line[0];
  if (quote !== '"' && quote !== "'") return { key: line.slice(0, colon), colon };
  const key = line.slice(1, colon - 1);
  // A quote written twice in single quotes, or any escape in double quotes.
  return key.includes(quote === '"' ? '\\' : "'") ? null : { key, colon };
}

function positionInLines(lines: string[], firstLine: number, pointer: string, preferKey: boolean): Position | null {
  const segments = pointerSegments(pointer);
  if (segments.length > 1) return null;
  const key = segments[0];
  let fields = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // In the subset's shapes every line at the margin that is not a comment or an item of a sequence written in its
    // key's column (`history:` then `- date: ...`, as PyYAML writes it) is a top-level key: the lines of block
    // scalars, of wrapped scalars and of flow collections over lines are indented.
    if (line === '' || line.startsWith(' ') || line.startsWith('#') || line === '-' || line.startsWith('- ')) continue;
    if (fields === -1) fields = i;
    if (key === undefined) continue;
    const written = writtenKey(line);
    // A quoted key with escapes may be the one asked for: the yaml package knows.
    if (written === null) return null;
    if (written.key !== key) continue;
    if (preferKey) return { line: firstLine + i, column: 1 };
    let at = written.colon + 1;
    while (line[at] === ' ') at++;
    // A value on the lines below (a block, or nothing): the yaml package knows where it starts.
    if (at >= line.length || line[at] === '#') return null;
    return { line: firstLine + i, column: at + 1 };
  }
  return fields === -1 ? null : { line: firstLine + fields, column: 1 };
}
