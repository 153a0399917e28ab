/**
 * Reads a YAML text as YAML 1.2's core schema says, whatever else is in the text: the one way front matter (and the
 * config) is read. Two readers, one answer:
 * - src/core/front-matter/yaml-subset.ts reads the shapes most front matter has, several times faster than the
 *   package below and without loading it, and gives up on anything else;
 * - the `yaml` package (eemeli/yaml, which passes the YAML test suite) reads the rest, with the core schema and no
 *   YAML 1.1 types (`resolveKnownTags: false`), a limit on aliases, and keys written twice refused (found here, in
 *   linear time: firstDuplicateKey).
 * Which one reads a text is decided by the subset reader itself (it reads the text or gives up), never by looking
 * for a character. The subset reader returns exactly what the package returns, or gives up: its tests hold it to
 * that on generated texts, and src/core/front-matter/yaml-suite.test.ts holds the whole to the YAML test suite. A
 * text the subset reader finds is not YAML is refused, whatever the package would make of it: the package then only
 * says why.
 *
 * Input is hostile: every mapping has no prototype, and keys that name one (`__proto__`, `constructor`,
 * `prototype`, in any case, as src/core/safe-object.ts says) are refused, as are keys that are lists or mappings and keys that become the same text.
 */
import type { Alias, CST, Document, ErrorCode, Node, ScalarTag, Tags } from 'yaml';
import { localize, t, type Lang, type MessageKey, type Params } from '../i18n/i18n.js';
import { resolveCoreScalar } from './yaml-core-schema.js';
import { yamlPackage } from './yaml-package.js';
import { emptyMapping, readYamlSubset } from './yaml-subset.js';
import { isForbiddenKey } from '../safe-object.js';

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

  /**
   * The problem as said of a YAML file that is not an idea (the config, a region's file): in words that do not
   * speak of front matter.
   */
  inFile(lang: Lang): string {
    const key = Object.hasOwn(IN_FILE, this.key) ? (IN_FILE[this.key] as MessageKey) : this.key;
    return t(lang, key, this.params);
  }
}

const IN_FILE: Partial<Record<MessageKey, MessageKey>> = { 'f.yaml': 'f.configYaml', 'f.tooDeep': 'f.configTooDeep' };

/** The `yaml` package's limit on aliases (its toJS option), which stops an alias bomb before it grows. */
const MAX_ALIASES = 100;

/**
 * `!!float` as the core schema defines it: any number in decimal, with or without a point or an exponent, so that
 * `!!float 1` and `!!float "7"` are the numbers 1 and 7. The package's float tags match only what has a point or an
 * exponent, and left `!!float 1` a string with a warning (found from outside). Put after the package's own tags, it
 * never changes how a plain scalar resolves: whatever it matches, the core schema's int or float tags match first.
 */
const CORE_FLOAT: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  resolve: (text: string) => Number.parseFloat(text),
};

const OPTIONS = {
  version: '1.2',
  schema: 'core',
  // The core schema only: `!!binary`, `!!set`, `!!timestamp` and the other YAML 1.1 types are unknown tags.
  resolveKnownTags: false,
  // Keys written twice are found by firstDuplicateKey, once a key, in the text's order among the package's errors:
  // the package's own check compares each key with every key before it, ~2.4 s for a front matter of 16,000 keys
  // that the subset reader leaves to it.
  uniqueKeys: false,
  strict: true,
  merge: false,
  customTags: (tags: Tags) => [...tags, CORE_FLOAT],
} as const;

/** Parses YAML that may come from anyone. Throws YamlProblem with a position relative to the text. */
export function parseYamlSafely(text: string): unknown {
  return parseYamlShaped(text).data;
}

/**
 * parseYamlSafely, and whether the subset reader read the text: then its lines are of the subset's shapes, from
 * which src/core/front-matter/positions.ts places a finding without reading the text again.
 *
 * `explain: false` is for a caller that only lists the texts that do not read (src/io/read-ideas.ts, for the
 * commands that read every idea): one the subset reader finds is not YAML is then refused where it saw that, in words
 * of its own, without the package's account of why. The package is then never loaded for a hand-edited file with a
 * stray colon or quote, which cost a first `ideas list` ~1 ms a file (docs/performance.md).
 */
export function parseYamlShaped(text: string, explain = true): { data: unknown; subset: boolean } {
  const quick = readYamlSubset(text, resolveCoreScalar);
  if (quick !== undefined) {
    if (quick.ok) return { data: quick.data, subset: true };
    if (quick.problem === 'duplicate-key') throw duplicateKey(quick.key, quick.line, quick.column);
    const notYaml = new YamlProblem(
      'front-matter/yaml',
      'f.yaml',
      'h.yaml',
      { reason: localize('yaml.impossible') },
      quick.line,
      quick.column,
    );
    if (!explain) throw notYaml;
    // The package only says why, in its words. It does not get to read the text: it accepts a few texts that are not
    // YAML (a single-quoted scalar whose line ends in an escaped quote, `title: 'Lånecykel''`, is closed by the next
    // line's quote and read as `Lånecykel'`), and every command must refuse what `ideas list` refuses.
    readWithPackageOrTooDeep(text);
    throw notYaml;
  }
  return { data: readWithPackageOrTooDeep(text), subset: false };
}

function readWithPackageOrTooDeep(text: string): unknown {
  try {
    return readWithPackage(text);
  } catch (e) {
    // The package's parser and composer recurse once a level: nesting deep enough runs out of stack.
    if (e instanceof RangeError) throw new YamlProblem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', {}, 0, 0);
    throw e;
  }
}

function duplicateKey(key: string, line: number, column: number): YamlProblem {
  return new YamlProblem('front-matter/duplicate-key', 'f.duplicateKey', 'h.duplicateKey', { key }, line, column);
}

function readWithPackage(text: string): unknown {
  const { Composer, LineCounter, Parser, YAMLParseError } = yamlPackage();
  const counter = new LineCounter();
  const tokens = [...new Parser(counter.addNewLine).parse(text)];
  // Nesting deeper than any front matter, refused before the composer and the walk recurse through it: where their
  // stack ran out depended on how warm the JIT was (a text refused five times, then read).
  const deep = tooDeepAt(tokens);
  if (deep !== -1) {
    const pos = counter.linePos(deep);
    throw new YamlProblem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', {}, pos.line - 1, pos.col - 1);
  }
  const composer = new Composer(OPTIONS);
  // As the package's parseDocument: the first document, and an error at the start of a second one.
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  if (!doc) return null;
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line - 1, column: pos.col - 1 };
  };
  // A key written twice, where the package's own check (uniqueKeys, off: see OPTIONS) would have put it among its
  // errors: in the text's order with them, before anything else is looked at, as it was.
  const duplicate = firstDuplicateKey(doc.contents as Node | null);
  const error = doc.errors[0];
  if (duplicate !== -1 && (error === undefined || duplicate < error.pos[0])) {
    const offset = keyStart(text, duplicate);
    const { line, column } = at(offset);
    throw duplicateKey(keyAt(text, offset), line, column);
  }
  const first = error ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (first) {
    // A quote never closed: the package places it where the text ends; the reader looks for it where it opens.
    const opened = isUnclosedQuote(first.code, first.message) ? misreadToken(tokens, text) : null;
    const offset = opened?.reason === 'yaml.unclosedQuote' ? opened.offset : first.pos[0];
    throw fromPackage(first.code, first.message, at(offset));
  }
  const repeated = repeatedYamlDirective(tokens);
  if (repeated !== -1)
    throw new YamlProblem(
      'front-matter/yaml',
      'f.yaml',
      'h.yaml',
      { reason: localize('yaml.repeatedDirective') },
      at(repeated).line,
      at(repeated).column,
    );
  const misread = misreadToken(tokens, text);
  if (misread)
    throw new YamlProblem(
      'front-matter/yaml',
      'f.yaml',
      yamlHint(misread.reason),
      { reason: localize(misread.reason) },
      at(misread.offset).line,
      at(misread.offset).column,
    );
  const walk = new Walk(doc, at);
  return walk.value(doc.contents as Node | null);
}

/**
 * Where the first key that repeats a key before it in its mapping starts, or -1: keys equal as the package's
 * uniqueKeys check finds them (scalars of the same value), each mapping's keys gone over once. Aliases are not
 * followed: what they name is checked where it stands.
 */
function firstDuplicateKey(root: Node | null): number {
  const { isMap, isScalar, isSeq } = yamlPackage();
  let first = -1;
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const node = todo.pop();
    if (isSeq(node)) todo.push(...node.items);
    else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? -1;
            if (at !== -1 && (first === -1 || at < first)) first = at;
          } else seen.add(key.value);
        } else todo.push(key);
        todo.push(pair.value);
      }
    }
  }
  return first;
}

/** The deepest nesting of lists and mappings read here: far beyond any idea's, far within the stack's reach. */
const MAX_NESTING = 200;

/**
 * Where the first list or mapping nested deeper than MAX_NESTING starts in the package's syntax tree, or -1; walked
 * with a stack of its own, so that the walk itself cannot run out of the program's.
 */
function tooDeepAt(tokens: readonly CST.Token[]): number {
  // Taken in the text's order (each list pushed backwards): the first found is the first in the text.
  const todo: [CST.Token, number][] = tokens.map((t): [CST.Token, number] => [t, 0]).reverse();
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) todo.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_NESTING) return token.offset;
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i] as CST.CollectionItem;
      if (item.value) todo.push([item.value, depth + 1]);
      if ('key' in item && item.key) todo.push([item.key, depth + 1]);
    }
  }
  return -1;
}

/**
 * Where a second `%YAML` directive of the same document is, or -1. The package accepts it; YAML 1.2 does not
 * (yaml-test-suite SF5V).
 */
function repeatedYamlDirective(tokens: readonly { type: string; offset?: number; source?: string }[]): number {
  let seen = false;
  for (const token of tokens) {
    if (token.type === 'directive' && token.source?.startsWith('%YAML')) {
      if (seen) return token.offset ?? 0;
      seen = true;
    } else if (token.type === 'document') seen = false;
  }
  return -1;
}

/**
 * Where the package's parser took for YAML a text that is not, without an error (yaml 2.9), and why; null when it
 * did not. Three mistakes, found in its syntax tree:
 * - A quoted scalar whose last line ends in an escaped quote (`'Lånecykel''`) taken as closed there, when YAML goes on
 *   to the next line: the package read `title: 'Lånecykel''` and `carrier: 'Anna'` below it as two fields.
 * - `: ` after a flow collection on the line of its key (`tags: [a]: b`), or on a line indented otherwise than the
 *   mapping's keys, taken as an entry of that mapping with an empty key.
 * - A key alone on its line with its `:` on the next (`challenge` and `  : valfard`), taken as one entry.
 */
function misreadToken(
  tokens: readonly CST.Token[],
  text: string,
): {
  offset: number;
  reason: 'yaml.unclosedQuote' | 'yaml.blockAsKey' | 'yaml.badIndent' | 'yaml.multilineKey';
} | null {
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const items = (token: CST.Token): readonly CST.CollectionItem[] =>
    token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection' ? token.items : [];
  const check = (token: CST.Token | null | undefined): ReturnType<typeof misreadToken> => {
    if (!token) return null;
    if (token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') {
      return isClosedQuote(token.source) ? null : { offset: token.offset, reason: 'yaml.unclosedQuote' };
    }
    if (token.type === 'document') return check(token.value);
    let keysAt = -1;
    for (const item of items(token)) {
      if (token.type === 'block-map') {
        const at = itemStart(item);
        if (at !== -1 && keysAt === -1) keysAt = column(at);
        else if (at !== -1 && item.key === null && column(at) !== keysAt) {
          const lineStart = text.lastIndexOf('\n', at - 1) + 1;
          const alone = text.slice(lineStart, at).trim() === '';
          return { offset: at, reason: alone ? 'yaml.badIndent' : 'yaml.blockAsKey' };
        }
        const broken = brokenImplicitKey(item);
        if (broken !== -1) return { offset: broken, reason: 'yaml.multilineKey' };
      }
      const found = ('key' in item ? check(item.key) : null) ?? check(item.value);
      if (found) return found;
    }
    return null;
  };
  for (const token of tokens) {
    const found = check(token);
    if (found) return found;
  }
  return null;
}

/**
 * Where the key of a block mapping's entry starts when its `:` is on a later line and no `?` makes it an explicit
 * key, else -1: YAML keeps such a key and its `:` on one line (`challenge` alone on a line, `: valfard` below it).
 */
function brokenImplicitKey(item: CST.CollectionItem): number {
  if (!item.key || item.start.some((t) => t.type === 'explicit-key-ind')) return -1;
  for (const t of item.sep ?? []) {
    if (t.type === 'map-value-ind') return -1;
    if (t.type === 'newline') return item.key.offset;
  }
  return -1;
}

/** Where an entry of a block mapping starts: its `?`, anchor or tag, its key, or its `:`; -1 when none is there. */
function itemStart(item: CST.CollectionItem): number {
  const props = item.start.find((t) => t.type === 'explicit-key-ind' || t.type === 'anchor' || t.type === 'tag');
  if (props) return props.offset;
  if (item.key) return item.key.offset;
  return item.sep?.find((t) => t.type === 'map-value-ind')?.offset ?? -1;
}

/** Whether a quoted scalar's source ends in its closing quote, not in an escaped quote or a line's end. */
function isClosedQuote(source: string): boolean {
  const quote = source.charCodeAt(0);
  for (let i = 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quote === 34 /* " */ && c === 92 /* \ */) i++;
    else if (c === quote) {
      // In single quotes, '' is a quote within the text.
      if (quote === 39 /* ' */ && source.charCodeAt(i + 1) === 39) i++;
      else return i === source.length - 1;
    }
  }
  return false;
}

function aliasLimit(line: number, column: number): YamlProblem {
  return new YamlProblem('front-matter/alias-limit', 'f.aliasLimit', 'h.aliasLimit', {}, line, column);
}

/**
 * The document's value as JavaScript data: mappings without prototypes, aliased values shared, not copied.
 *
 * Its aliases are counted as the package's toJS counts them with its maxAliasCount, which stops an alias bomb (a
 * tree of millions of nodes written in a few lines; the walk shares aliased values, so it never grows one, but the
 * text is refused as the package refuses it): each anchored node counts itself and each alias of it, times the
 * most that the aliases inside it count (1 for a node with a scalar and no alias in it), and more than MAX_ALIASES
 * is too many. The walk finds each alias's node itself, once: the package's `resolve` walks the document from its
 * start at each alias, and does again for each alias inside a node an alias names; a front matter of 10,000 aliases
 * of one anchor (30 kB) took 15 s to be refused, 20,000 a minute (found from outside).
 */
class Walk {
  private readonly done = new Map<Node, unknown>();
  private readonly open = new Set<Node>();
  /** The node each alias names, found in one walk of the document when the first alias is met. */
  private targets: Map<Node, Node | undefined> | undefined;
  /** Each anchored node read so far: the package's count of it and its aliases, and the most the aliases in it count. */
  private readonly anchored = new Map<Node, { count: number; aliasCount: number | null }>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly at: (offset: number) => { line: number; column: number },
  ) {}

  private place(node: Node | null | undefined): { line: number; column: number } {
    return this.at(node?.range?.[0] ?? 0);
  }

  value(node: Node | null): unknown {
    const { isAlias, isMap, isScalar, isSeq } = yamlPackage();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = this.aliased(node);
      // An alias inside the node it names would make the data a cycle.
      if (this.open.has(target)) {
        const { line, column } = this.place(node);
        throw aliasLimit(line, column);
      }
      return this.done.has(target) ? this.done.get(target) : this.value(target);
    }
    this.anchoredRead(node);
    if (isScalar(node)) return node.value;
    this.open.add(node);
    let out: unknown;
    if (isSeq(node)) {
      out = node.items.map((item) => this.value(item as Node | null));
    } else if (isMap(node)) {
      const map = emptyMapping();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = this.key(keyNode);
        if (isForbiddenKey(key)) {
          const { line, column } = this.place(keyNode);
          throw new YamlProblem(
            'front-matter/forbidden-key',
            'f.forbiddenKey',
            'h.forbiddenKey',
            { key },
            line,
            column,
          );
        }
        // Keys that YAML tells apart (`1` and "1") but that become the same text.
        if (key in map) {
          const { line, column } = this.place(keyNode);
          throw duplicateKey(key, line, column);
        }
        map[key] = this.value(pair.value as Node | null);
      }
      out = map;
    } else {
      throw new Error('unexpected YAML node');
    }
    this.open.delete(node);
    this.done.set(node, out);
    return out;
  }

  /** A node read: when it has an anchor, the package's count of it starts, at the node itself. */
  private anchoredRead(node: Node): void {
    if (node.anchor && !this.anchored.has(node)) this.anchored.set(node, { count: 1, aliasCount: null });
  }

  /**
   * The node an alias names, counted as one more alias of it: the last node before the alias, in the order the
   * package's `visit` walks the document, with its anchor.
   */
  private aliased(alias: Alias): Node {
    if (!this.targets) {
      const { isAlias, visit } = yamlPackage();
      const targets = new Map<Node, Node | undefined>();
      const last = new Map<string, Node>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, last.get(node.source));
          else if (node.anchor) last.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    const target = this.targets.get(alias);
    if (!target) throw this.unresolved(alias);
    // Named before it, so read before it: the package's count of it starts there.
    this.anchoredRead(target);
    const data = this.anchored.get(target) as { count: number; aliasCount: number | null };
    data.count++;
    data.aliasCount ??= this.aliasCount(target);
    if (data.count * data.aliasCount > MAX_ALIASES) throw aliasLimit(0, 0);
    return target;
  }

  /**
   * The most that the aliases in `node` count (an alias counts its node's count times that node's own aliasCount),
   * 1 for a scalar (or an empty key or value), as the package's getAliasCount says; the aliases in it read already.
   */
  private aliasCount(node: Node | null | undefined): number {
    const { isAlias, isMap, isSeq } = yamlPackage();
    if (isAlias(node)) {
      const target = this.targets?.get(node);
      const data = target && this.anchored.get(target);
      return data ? data.count * (data.aliasCount ?? 0) : 0;
    }
    let most = 0;
    if (isSeq(node)) for (const item of node.items) most = Math.max(most, this.aliasCount(item as Node | null));
    else if (isMap(node))
      for (const pair of node.items)
        most = Math.max(most, this.aliasCount(pair.key as Node | null), this.aliasCount(pair.value as Node | null));
    else return 1;
    return most;
  }

  /** An alias whose name no anchor before it has (YAML 1.2, 7.1): not YAML. */
  private unresolved(node: Node | null): YamlProblem {
    const { line, column } = this.place(node);
    return new YamlProblem(
      'front-matter/yaml',
      'f.yaml',
      'h.yaml',
      { reason: localize('yaml.badAlias') },
      line,
      column,
    );
  }

  /** A key as text, as the package's toJS writes a scalar key; a key that is a list or a mapping is refused. */
  private key(node: Node | null): string {
    const { isAlias, isScalar } = yamlPackage();
    let target: Node | null | undefined = node;
    // As a value: an alias with no anchor before it names nothing (the package's toJS throws), never an empty key.
    if (isAlias(target)) target = this.aliased(target);
    else if (target) this.anchoredRead(target);
    if (target === null || target === undefined) return '';
    if (!isScalar(target)) {
      const { line, column } = this.place(node);
      const reason = localize('yaml.complexKey');
      throw new YamlProblem('front-matter/yaml', 'f.yaml', 'h.yaml', { reason }, line, column);
    }
    const v = target.value;
    return v === null ? '' : String(v);
  }
}

/**
 * What each of the package's errors is, in the catalogue's words: its own messages are in English only. The codes
 * handled apart (an unknown tag, nesting too deep) are not here, nor a duplicate key, which the package never reports
 * with uniqueKeys off (firstDuplicateKey finds it). A code the package adds later is a
 * type error until it is given words.
 */
const REASONS: Record<
  Exclude<ErrorCode, 'DUPLICATE_KEY' | 'TAG_RESOLVE_FAILED' | 'RESOURCE_EXHAUSTION'>,
  MessageKey
> = {
  ALIAS_PROPS: 'yaml.aliasProps',
  BAD_ALIAS: 'yaml.badAlias',
  BAD_DIRECTIVE: 'yaml.badDirective',
  BAD_DQ_ESCAPE: 'yaml.badEscape',
  BAD_INDENT: 'yaml.badIndent',
  BAD_PROP_ORDER: 'yaml.badPropOrder',
  BAD_SCALAR_START: 'yaml.badScalarStart',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.blockAsKey',
  BLOCK_IN_FLOW: 'yaml.blockInFlow',
  IMPOSSIBLE: 'yaml.impossible',
  KEY_OVER_1024_CHARS: 'yaml.longKey',
  MISSING_CHAR: 'yaml.missingChar',
  MULTILINE_IMPLICIT_KEY: 'yaml.multilineKey',
  MULTIPLE_ANCHORS: 'yaml.multipleAnchors',
  MULTIPLE_DOCS: 'yaml.multipleDocs',
  MULTIPLE_TAGS: 'yaml.multipleTags',
  NON_STRING_KEY: 'yaml.nonStringKey',
  TAB_AS_INDENT: 'yaml.tabIndent',
  UNEXPECTED_TOKEN: 'yaml.unexpected',
  BAD_COLLECTION_TYPE: 'yaml.badCollection',
};

const isUnclosedQuote = (code: string, message: string) =>
  code === 'MISSING_CHAR' && message.startsWith('Missing closing');

/**
 * The reason for one of the package's errors; common kinds of MISSING_CHAR and BAD_INDENT (a quote or a bracket
 * never closed, a line without a colon, a line of a list indented otherwise than its item) told apart by the
 * package's message.
 */
function yamlReason(code: string, message: string): MessageKey {
  if (isUnclosedQuote(code, message)) return 'yaml.unclosedQuote';
  if (code === 'MISSING_CHAR' && message.startsWith('Implicit map keys need to be followed by map values'))
    return 'yaml.noValue';
  // `  - date: …` and then `   action: …`, indented one space short of the item's other keys.
  if (code === 'MISSING_CHAR' && message.startsWith('Sequence item without - indicator')) return 'yaml.badIndent';
  if (code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(message)) return 'yaml.unclosedFlow';
  return Object.hasOwn(REASONS, code) ? REASONS[code as keyof typeof REASONS] : 'yaml.impossible';
}

/** What to do about a YAML error, for the kinds a hand or a web editor makes most: a quote, an indentation. */
function yamlHint(reason: MessageKey): MessageKey {
  if (reason === 'yaml.unclosedQuote') return 'h.yamlQuote';
  if (reason === 'yaml.badIndent' || reason === 'yaml.tabIndent') return 'h.yamlIndent';
  return 'h.yaml';
}

function fromPackage(code: string, message: string, pos: { line: number; column: number }): YamlProblem {
  const { line, column } = pos;
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = shortTag(/tag:\s*(\S+)/i.exec(message)?.[1] ?? '?');
    // One of the core schema's own tags, on a value not of its type (`!!int abc`): the tag is known, the value wrong.
    if (CORE_SCALAR_TAGS.has(tag))
      return new YamlProblem('front-matter/tag-value', 'f.tagValue', 'h.unknownTag', { tag }, line, column);
    return new YamlProblem('front-matter/unknown-tag', 'f.unknownTag', 'h.unknownTag', { tag }, line, column);
  }
  // The package's parser counts its own stack: front matter nested too deep for it is one finding.
  if (code === 'RESOURCE_EXHAUSTION')
    return new YamlProblem('front-matter/too-deep', 'f.tooDeep', 'h.tooDeep', {}, line, column);
  const reason = yamlReason(code, message);
  return new YamlProblem('front-matter/yaml', 'f.yaml', yamlHint(reason), { reason: localize(reason) }, line, column);
}

const CORE_SCALAR_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null']);

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * Where the key a duplicate-key error is about starts: the package places the error after the value before it when
 * that value is empty (`a:` then `a:` on the next line), so blank space, line breaks and comments are passed over.
 */
export function keyStart(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 32 || c === 10 || c === 13 || c === 9) at++;
    else if (c === 35 /* # */) {
      const next = text.indexOf('\n', at);
      if (next === -1) return at;
      at = next + 1;
    } else return at;
  }
}

/** The key written at `position`, or on the line it is on. */
function keyAt(buffer: string, position: number): string {
  const lineStart = buffer.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  const rest = buffer.slice(position >= lineStart ? position : lineStart);
  // An empty key, implicit (`: a`, yaml-test-suite 2JQS) or quoted (`"": a`): named as the empty text it is.
  if (/^\s*(?:-\s+)?(?:""|'')?\s*:/.test(rest)) return '';
  return /^\s*(?:-\s+)?["']?([^"':\n]+)/.exec(rest)?.[1]?.trim() ?? '?';
}
