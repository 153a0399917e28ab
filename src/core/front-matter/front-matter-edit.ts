/**
 * Edits of an idea file's front matter with the least change: a history entry is inserted as new lines after the
 * last one, and a field's value is replaced in place, so comments, key order, quoting and the Markdown text stay as
 * they were and `git diff` shows only the lines that changed. Two forms are the exception, each rewritten once by
 * its first edit (openMatter): a front matter that is one flow mapping (JSON) is written in block style, and one with
 * aliases has each alias written as a copy of its anchor's value. Every edit is then checked to have changed no
 * top-level field but the one it names (edit-guard.ts).
 */
import {
  CST,
  isMap,
  isScalar,
  isSeq,
  Parser,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { keptToScope } from './edit-guard.js';
import { isGluedComment } from './glued-comment.js';
import { yamlDocumentOf } from './idea-text.js';

export interface MatterSpan {
  /** Offset of the YAML text in the file text. */
  start: number;
  /** Offset just past the YAML text (the start of the closing `---` line). */
  end: number;
  eol: '\n' | '\r\n';
}

/** Where the front matter's YAML sits in a file's text (after a BOM, if any); null when it has none. */
function locateMatter(text: string): MatterSpan | null {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1) return null;
  const first = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, firstEnd).replace(/\r$/, '');
  if (first !== '---') return null;
  const close = /\n---\r?(?:\n|$)/.exec(text.slice(firstEnd));
  if (!close) return null;
  return {
    start: firstEnd + 1,
    end: firstEnd + close.index + 1,
    eol: text.slice(0, firstEnd).endsWith('\r') ? '\r\n' : '\n',
  };
}

export class EditError extends Error {
  constructor(readonly reason: 'no-front-matter' | 'history-not-a-list' | 'not-a-mapping') {
    super(reason);
  }
}

/** The YAML lines of a mapping, as `key: value` lines in the given order, with values quoted where YAML needs it. */
function mappingLines(entry: Record<string, unknown>): string[] {
  return yamlDocumentOf(entry).toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The front matter of a file's text, parsed for editing, and the text to edit; an EditError when there is none or it
 * is not fields. Two forms are written otherwise once, their data the same, and edited as such from then on:
 * - A front matter written as one flow mapping (`{id: sund-4k7q2x, title: …}`, as JSON and PyYAML's
 *   `default_flow_style` write it) has no line of its own for a field: it is written as a block mapping, with its
 *   values, nested lists and comments.
 * - A front matter with aliases (`contact: &p Bo Ek` and `carrier: *p`; PyYAML writes `created: &id001 2026-05-11`
 *   and `date: *id001` unasked) has fields that are one value: a value replaced in place would change every field
 *   that names it, a field no edit names, or one no edit may change (`created`). Each alias is written as a copy of
 *   its anchor's value, and the anchors it named are dropped; every other line stays as it was (unaliased).
 */
function openMatter(fileText: string): {
  text: string;
  span: MatterSpan;
  eol: MatterSpan['eol'];
  matter: string;
  map: YAMLMap;
} {
  let opened = parseMatter(fileText);
  if (opened.map.flow) {
    const { doc, map, span } = opened;
    map.flow = false;
    const block = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n/g, span.eol);
    opened = parseMatter(splice(opened.text, span.start, span.end, block));
  }
  if (hasAlias(opened.doc)) {
    const { text, span, matter, doc } = opened;
    opened = parseMatter(splice(text, span.start, span.end, unaliased(matter, doc)));
  }
  const { text, span, matter, map } = opened;
  return { text, span, eol: span.eol, matter, map };
}

function parseMatter(text: string): { text: string; span: MatterSpan; matter: string; doc: Document; map: YAMLMap } {
  const span = locateMatter(text);
  if (!span) throw new EditError('no-front-matter');
  const matter = text.slice(span.start, span.end);
  // Without the package's check of keys written twice, which compares each key with every key before it: a front
  // matter of 40,000 keys took an edit 100 s. The file was read before it is edited, and one with a key written twice
  // is refused there (src/core/front-matter/yaml-read.ts finds it, once a key).
  const doc = parseDocument(matter, { uniqueKeys: false });
  if (!isMap(doc.contents)) throw new EditError('not-a-mapping');
  return { text, span, matter, doc, map: doc.contents };
}

function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The YAML text `matter` with every alias replaced by a copy of its anchor's value, and the anchors aliases named
 * taken out, so no value is shared: a plain or quoted scalar on one line as it is written there (outside `[ ]` and
 * `{ }`), any other value as YAML writes it on one line in flow style, which reads the same inside a flow collection
 * and outside one. An anchor no alias names stays.
 */
function unaliased(matter: string, doc: Document): string {
  const edits: { from: number; to: number; insert: string }[] = [];
  const named = new Set<string>();
  visit(doc, {
    Alias(_, alias, path) {
      const target = alias.resolve(doc);
      if (!target || !alias.range) return;
      named.add(alias.source);
      const inFlow = path.some((p) => (isMap(p) || isSeq(p)) && p.flow === true);
      edits.push({ from: alias.range[0], to: alias.range[1], insert: copyOf(matter, doc, target, inFlow) });
    },
  });
  for (const anchor of anchorTokens(matter)) if (named.has(anchor.name)) edits.push(withoutAnchor(matter, anchor));
  let out = matter;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = splice(out, e.from, e.to, e.insert);
  return out;
}

/** The text of a copy of an anchored value, where an alias of it stood. */
function copyOf(matter: string, doc: Document, target: NonNullable<ReturnType<Alias['resolve']>>, inFlow: boolean) {
  if (isScalar(target) && !inFlow && !target.tag && isInline(target) && target.range) {
    const source = matter.slice(target.range[0], target.range[1]);
    if (!/[\r\n]/.test(source)) return source;
  }
  const seq = yamlDocumentOf([target.toJS(doc)]);
  (seq.contents as YAMLSeq).flow = true;
  // `[value]`: the value as it reads inside a flow collection, which reads the same outside one.
  return seq.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').slice(1, -1);
}

/** Every anchor (`&name`) in a YAML text and where it starts, from the parser's syntax tree. */
function anchorTokens(matter: string): { offset: number; name: string }[] {
  const found: { offset: number; name: string }[] = [];
  const scan = (tokens: readonly CST.Token[] | undefined) => {
    for (const t of tokens ?? []) if (t.type === 'anchor') found.push({ offset: t.offset, name: t.source.slice(1) });
  };
  for (const token of new Parser().parse(matter)) {
    if (token.type !== 'document') continue;
    scan(token.start);
    CST.visit(token, (item) => {
      scan(item.start);
      scan(item.sep);
    });
  }
  return found;
}

/** The edit that takes an anchor out: with the spaces after it, or, at the end of its line, the spaces before it. */
function withoutAnchor(matter: string, anchor: { offset: number; name: string }) {
  let from = anchor.offset;
  let to = anchor.offset + 1 + anchor.name.length;
  const after = /^[ \t]*/.exec(matter.slice(to))![0].length;
  if (/^[ \t]*(?:\r?\n|$)/.test(matter.slice(to))) {
    while (from > 0 && (matter[from - 1] === ' ' || matter[from - 1] === '\t')) from--;
  } else to += after;
  return { from, to, insert: '' };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  // A key as the data names it: `2026:` and `true:` are the keys "2026" and "true" there, whatever the YAML node
  // holds (the readers keep every key as text).
  return map.items.find((p) => isScalar(p.key) && (p.key.value === key || String(p.key.value) === key));
}

/**
 * Appends one entry to the `history` list, creating the list when there is none. Nothing else changes: an
 * EditReachError otherwise (edit-guard.ts).
 */
export function appendHistoryEntry(fileText: string, entry: Record<string, unknown>): string {
  return keptToScope(fileText, appendedText(fileText, entry), { append: entry });
}

function appendedText(fileText: string, entry: Record<string, unknown>): string {
  const { text, span, eol, matter, map } = openMatter(fileText);
  const history = map.get('history', true) as Node | undefined;
  const lines = mappingLines(entry);
  const item = (indent: number) =>
    lines.map((l, i) => `${' '.repeat(indent)}${i === 0 ? '- ' : '  '}${l}`).join(eol) + eol;

  if (history === undefined || (isScalar(history) && (history.value === null || history.value === undefined))) {
    // No history yet, or `history:` / `history: ~` / `history: null`: a block list at the end, or in that key's place.
    const pair = pairOf(map, 'history');
    if (pair) {
      const region = keyRegion(matter, pair);
      if (region) {
        const comment = region.comment ? ` ${region.comment}` : '';
        return splice(
          text,
          span.start + region.from,
          span.start + region.to,
          `history:${comment}${eol}${item(2).slice(0, -eol.length)}`,
        );
      }
    }
    const needsBreak = matter.length > 0 && !matter.endsWith('\n');
    return splice(text, span.end, span.end, `${needsBreak ? eol : ''}history:${eol}${item(2)}`);
  }
  if (!isSeq(history)) throw new EditError('history-not-a-list');
  if (history.flow || history.items.length === 0 || !history.range) {
    // A flow list such as `history: []`: rewritten once as a block list, which later appends extend line by line.
    const items = [...(history.toJSON() as unknown[]), entry] as Record<string, unknown>[];
    const range = history.range ?? [matter.length, matter.length, matter.length];
    const block = items
      .map((e) =>
        mappingLines(e)
          .map((l, i) => `  ${i === 0 ? '- ' : '  '}${l}`)
          .join(eol),
      )
      .join(eol);
    const lineEnd = matter.indexOf('\n', range[1]);
    const restOfLine = lineEnd === -1 ? matter.slice(range[1]) : matter.slice(range[1], lineEnd);
    const keep = restOfLine.trim().startsWith('#') ? ` ${restOfLine.trim()}` : '';
    const from = range[0];
    const to = lineEnd === -1 ? matter.length : lineEnd + 1;
    const prefix = matter.slice(0, from).replace(/[ \t]+$/, '');
    return splice(text, span.start + prefix.length, span.start + to, `${keep}${eol}${block}${eol}`);
  }
  const indent = columnOf(matter, history.range[0]);
  let at = history.range[1];
  // The list's range ends after its last line break; a last line without one gets it here.
  const needsBreak = at > 0 && matter[at - 1] !== '\n';
  if (needsBreak) at = matter.indexOf('\n', at) === -1 ? matter.length : matter.indexOf('\n', at) + 1;
  const lead = at === matter.length && !matter.endsWith('\n') ? eol : '';
  return splice(text, span.start + at, span.start + at, `${lead}${item(indent)}`);
}

/**
 * Sets a top-level field to a value (a string, or the number, yes or no, or list a schema asks for): its value
 * replaced in place, or a new line before `history` or at the end. No other field changes: an EditReachError
 * otherwise (edit-guard.ts).
 */
export function setStringField(
  fileText: string,
  key: string,
  value: string | number | boolean | readonly (string | number)[],
): string {
  return keptToScope(fileText, stringFieldSet(fileText, key, value), { fields: [key] });
}

function stringFieldSet(
  fileText: string,
  key: string,
  value: string | number | boolean | readonly (string | number)[],
): string {
  const { text, span, eol, matter, map } = openMatter(fileText);
  const rendered = yamlDocumentOf({ [key]: value })
    .toString({ lineWidth: 0 })
    .replace(/\n$/, '');
  const pair = pairOf(map, key);
  const node = pair?.value as Node | null | undefined;
  if (
    pair &&
    node &&
    node.range &&
    isScalar(node) &&
    node.value !== null &&
    node.range[1] > node.range[0] &&
    isInline(node)
  ) {
    const valueText = rendered.slice(rendered.indexOf(':') + 2);
    return splice(text, span.start + node.range[0], span.start + gluedCommentEnd(matter, node.range[1]), valueText);
  }
  const region = pair ? keyRegion(matter, pair) : null;
  if (region) {
    // `key:` with no value, a block scalar, a list or a mapping: the key's lines are replaced by one line.
    const comment = region.comment ? ` ${region.comment}` : '';
    return splice(text, span.start + region.from, span.start + region.to, `${rendered}${comment}`);
  }
  const historyPair = pairOf(map, 'history');
  if (historyPair && isScalar(historyPair.key) && historyPair.key.range) {
    const lineStart = matter.lastIndexOf('\n', historyPair.key.range[0] - 1) + 1;
    return splice(text, span.start + lineStart, span.start + lineStart, `${rendered}${eol}`);
  }
  const needsBreak = matter.length > 0 && !matter.endsWith('\n');
  return splice(text, span.end, span.end, `${needsBreak ? eol : ''}${rendered}${eol}`);
}

/**
 * Sets a top-level field to any value (text, number, yes/no, a list): its value replaced in place when both old and
 * new fit on the key's line, else the key's lines replaced, else a new line before `history` or at the end. A list of
 * plain values is written inline (`tags: [a, b]`), as `ideas new` writes it. No other field changes: an
 * EditReachError otherwise (edit-guard.ts).
 */
export function setField(fileText: string, key: string, value: unknown): string {
  return keptToScope(fileText, fieldSet(fileText, key, value), { fields: [key] });
}

function fieldSet(fileText: string, key: string, value: unknown): string {
  if (typeof value === 'string') return stringFieldSet(fileText, key, value);
  const { text: edited, span, eol, matter, map } = openMatter(fileText);
  const doc = yamlDocumentOf({ [key]: value }, { inlineLists: true });
  const rendered = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  const lines = rendered.split('\n');
  const pair = pairOf(map, key);
  const node = pair?.value as Node | null | undefined;
  if (lines.length === 1 && pair && node?.range && node.range[1] > node.range[0] && isOneLine(matter, node)) {
    const valueText = rendered.slice(rendered.indexOf(':') + 2);
    return splice(edited, span.start + node.range[0], span.start + gluedCommentEnd(matter, node.range[1]), valueText);
  }
  const text = lines.join(eol);
  const region = pair ? keyRegion(matter, pair) : null;
  if (region) {
    const comment = region.comment && lines.length === 1 ? ` ${region.comment}` : '';
    return splice(edited, span.start + region.from, span.start + region.to, `${text}${comment}`);
  }
  const historyPair = pairOf(map, 'history');
  if (historyPair && isScalar(historyPair.key) && historyPair.key.range) {
    const lineStart = matter.lastIndexOf('\n', historyPair.key.range[0] - 1) + 1;
    return splice(edited, span.start + lineStart, span.start + lineStart, `${text}${eol}`);
  }
  const needsBreak = matter.length > 0 && !matter.endsWith('\n');
  return splice(edited, span.end, span.end, `${needsBreak ? eol : ''}${text}${eol}`);
}

/**
 * Where the text a new value replaces ends, from the end of the old value at `at`: there, or at the end of its line
 * when the rest of the line is a comment glued to its `#` (`title: Skolmat #1 i Sverige`, whose `#1 i Sverige` the
 * writer meant as text, see gluedComment): the new value is the whole text, and leaving that tail would say it twice.
 * A comment after `# ` (with its space) is a comment, and stays.
 */
function gluedCommentEnd(matter: string, at: number): number {
  let end = matter.indexOf('\n', at);
  if (end === -1) end = matter.length;
  if (matter.charCodeAt(end - 1) === 13) end--;
  // The rest of the line: spaces or tabs, then a comment glued to its `#`.
  let hash = at;
  while (matter.charCodeAt(hash) === 32 || matter.charCodeAt(hash) === 9) hash++;
  return hash > at && hash < end && isGluedComment(matter, hash) ? end : at;
}

/** A plain or quoted scalar, or a flow collection (`[a, b]`), written on one line. */
function isOneLine(matter: string, node: Node): boolean {
  if (!node.range) return false;
  if (isScalar(node)) {
    if (node.value === null || !isInline(node)) return false;
  } else if (!((isSeq(node) || isMap(node)) && node.flow)) return false;
  return !matter.slice(node.range[0], node.range[1]).includes('\n');
}

/**
 * Removes a top-level field: its lines, comments on them included. The text is unchanged when there is no such field.
 * No other field changes: an EditReachError otherwise (edit-guard.ts).
 */
export function removeField(fileText: string, key: string): string {
  return keptToScope(fileText, fieldRemoved(fileText, key), { fields: [key] });
}

function fieldRemoved(fileText: string, key: string): string {
  const { text, span, matter, map } = openMatter(fileText);
  const pair = pairOf(map, key);
  const region = pair ? keyRegion(matter, pair) : null;
  if (!region) return fileText;
  let to = region.to;
  if (matter.startsWith('\r\n', to)) to += 2;
  else if (matter[to] === '\n') to += 1;
  return splice(text, span.start + region.from, span.start + to, '');
}

/** Replaces the Markdown text after the front matter, which stays byte for byte; a blank line between, as `new` writes. */
export function setBody(fileText: string, body: string): string {
  const span = locateMatter(fileText);
  if (!span) throw new EditError('no-front-matter');
  const closeEnd = fileText.indexOf('\n', span.end);
  const head = closeEnd === -1 ? `${fileText}${span.eol}` : fileText.slice(0, closeEnd + 1);
  const text = body.replace(/\r\n?/g, '\n').trim();
  const after = text === '' ? head : `${head}${span.eol}${text.split('\n').join(span.eol)}${span.eol}`;
  return keptToScope(fileText, after, { fields: [] });
}

function isInline(node: Scalar): boolean {
  return node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
}

/**
 * The text a top-level key and its value take, from the start of the key's line to the end of the value's last line
 * (its line break not included), and the comment on the key's line when the value is empty.
 */
function keyRegion(matter: string, pair: Pair): { from: number; to: number; comment: string | null } | null {
  if (!isScalar(pair.key) || !pair.key.range) return null;
  const keyStart = pair.key.range[0];
  const from = matter.lastIndexOf('\n', keyStart - 1) + 1;
  const lineEndOf = (at: number) => {
    const nl = matter.indexOf('\n', at);
    return nl === -1 ? matter.length : nl;
  };
  const keyLineEnd = lineEndOf(keyStart);
  const node = pair.value as Node | null;
  let to = keyLineEnd;
  if (node?.range && node.range[1] > keyLineEnd) {
    const end = node.range[1];
    to = matter[end - 1] === '\n' ? end - 1 : lineEndOf(end);
  }
  if (matter[to - 1] === '\r') to -= 1;
  let comment: string | null = null;
  if (!node || (isScalar(node) && node.value === null)) {
    const rest = matter.slice(pair.key.range[1], keyLineEnd).replace(/\r$/, '');
    const m = /(?:^|\s)(#.*)$/.exec(rest);
    comment = m ? m[1]!.trimEnd() : null;
  }
  return { from, to, comment };
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}
