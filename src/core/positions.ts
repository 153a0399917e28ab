/**
 * Where a value sits in a YAML text, for findings with a line and a column. Only called for files that have
 * findings, so the `yaml` package's slower parse with positions stays off the path every file goes through.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';

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
  private readonly doc: Document.Parsed;
  private readonly counter: LineCounter;

  /** `firstLine` is the file line on which `text` starts. */
  constructor(
    text: string,
    private readonly firstLine: number,
  ) {
    const { LineCounter, parseDocument } = yamlPackage();
    this.counter = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.counter, schema: 'core', uniqueKeys: false, prettyErrors: false });
  }

  /**
   * The position of the deepest node along the pointer that exists: a missing field points at its parent's key,
   * so a finding about a missing `coach` lands on the line where the fields begin.
   */
  find(pointer: string, preferKey = false): Position {
    const { isMap, isScalar, isSeq } = yamlPackage();
    let node: Node | null = this.doc.contents as Node | null;
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
    const pos = this.counter.linePos(offset);
    return { line: this.firstLine + pos.line - 1, column: pos.col };
  }
}
