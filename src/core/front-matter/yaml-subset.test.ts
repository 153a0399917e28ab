import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/fuzz/mutate.js';
import { CORE_SCHEMA, jsYaml, resolveCoreScalar } from './yaml-core-schema.js';
import { readYamlSubset } from './yaml-subset.js';
import { nullProtoDeep } from '../safe-object.js';

const subset = (text: string) => readYamlSubset(text, resolveCoreScalar);

/** js-yaml's reading of the text with the same schema, or 'throws'. */
function jsYamlReads(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: CORE_SCHEMA });
  } catch {
    return 'throws';
  }
}

/**
 * The property every text must have: the subset gives up, or reads exactly what js-yaml reads, with mappings that
 * have no prototype (as the caller, parseYamlSafely, makes of js-yaml's).
 */
function agrees(text: string): { accepted: boolean; ok: boolean; ours: unknown; theirs: unknown } {
  const ours = subset(text);
  if (ours === undefined) return { accepted: false, ok: true, ours, theirs: null };
  const theirs = jsYamlReads(text);
  return { accepted: true, ok: isDeepStrictEqual(ours, nullProtoDeep(theirs)), ours, theirs };
}

describe('readYamlSubset', () => {
  it('reads the shape of an idea: scalars, flow and block collections, items that are mappings', () => {
    const text = [
      'id: sund-3bvgzt',
      'title: Digitala nycklar på äldreboenden',
      'created: 2024-11-10',
      'amount: 25000',
      'ratio: 0.5',
      'done: true',
      'nothing:',
      'tilde: ~',
      'quoted: "12"',
      "single: 'it''s'",
      'tags: [klimat, trygghet, 3]',
      'empty: []',
      'team_gender: { women: 2, men: 2 }',
      '# a comment at the margin',
      'history:',
      '  - date: 2024-11-10',
      '    action: created',
      '    to: idea',
      '  -',
      '    nested:',
      '      deeper: yes',
      'compact:',
      '- a',
      '- b: c',
      '  d: e',
      '',
    ].join('\n');
    const expected = {
      id: 'sund-3bvgzt',
      title: 'Digitala nycklar på äldreboenden',
      created: '2024-11-10',
      amount: 25000,
      ratio: 0.5,
      done: true,
      nothing: null,
      tilde: null,
      quoted: '12',
      single: "it's",
      tags: ['klimat', 'trygghet', 3],
      empty: [],
      team_gender: { women: 2, men: 2 },
      history: [{ date: '2024-11-10', action: 'created', to: 'idea' }, { nested: { deeper: 'yes' } }],
      compact: ['a', { b: 'c', d: 'e' }],
    };
    expect(subset(text)).toStrictEqual(nullProtoDeep(expected));
    expect(jsYamlReads(text)).toStrictEqual(expected);
  });

  it('reads names Object.prototype has as own keys of mappings without a prototype', () => {
    const read = subset('__proto__:\n  shell: /bin/sh\nconstructor: 1\nx: { toString: 2 }\n') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect(Object.keys(read)).toEqual(['__proto__', 'constructor', 'x']);
    expect(Object.getPrototypeOf(read.__proto__)).toBeNull();
    expect(read.__proto__).toStrictEqual(nullProtoDeep({ shell: '/bin/sh' }));
    expect(Object.getPrototypeOf(read.x)).toBeNull();
    expect(read.shell).toBeUndefined();
    expect(({} as Record<string, unknown>).shell).toBeUndefined();
    expect(
      isDeepStrictEqual(
        read,
        nullProtoDeep(jsYamlReads('__proto__:\n  shell: /bin/sh\nconstructor: 1\nx: { toString: 2 }\n')),
      ),
    ).toBe(true);
  });

  it.each([
    ['a tab', 'title:\tx\n'],
    ['a carriage return', 'title: x\r\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 5\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >-\n  text\n'],
    ['a plain scalar on two lines', 'a: one\n  two\n'],
    ['a quoted scalar on two lines', 'a: "one\n  two"\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a comment after a value', 'a: x # note\n'],
    ['an indented comment', 'a:\n  # note\n  b: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that reads as null', 'null: 1\n'],
    ['a key that reads as a boolean', 'True: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a document marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\na: 1\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['an indented top', '  a: 1\n'],
    ['a nested flow collection', 'a: [b, [c]]\n'],
    ['a quoted flow item', 'a: ["b"]\n'],
    ['an empty flow item', 'a: [b, , c]\n'],
    ['a flow pair without a space', 'a: {b:1}\n'],
    ['a colon in a value', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['a sequence in a sequence item', 'a:\n  - - b\n'],
    ['a control character', 'a: b\u0007\n'],
    ['a line separator', 'a: b\u2028c\n'],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['an emoji (a surrogate pair)', 'a: 😀\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['only comments', '# nothing\n'],
  ])('gives up on %s', (_what, text) => {
    expect(subset(text)).toBeUndefined();
  });

  it('gives up beyond 64 levels of nesting', () => {
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}k:`).join('\n') + ' 1\n';
    expect(subset(deep(20))).toBeDefined();
    expect(subset(deep(200))).toBeUndefined();
  });

  it('reads every example idea as js-yaml does, and gives up on few of them', () => {
    const root = path.resolve(import.meta.dirname, '../../../examples');
    const matters: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, d.name);
        if (d.isDirectory()) walk(abs);
        else if (d.name.endsWith('.md') && abs.includes(`${path.sep}ideas${path.sep}`)) {
          const m = /^---\n([\s\S]*?\n)---\n/.exec(fs.readFileSync(abs, 'utf8'));
          if (m?.[1]) matters.push(m[1]);
        }
      }
    };
    walk(root);
    expect(matters.length).toBeGreaterThan(20);
    const results = matters.map(agrees);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.accepted).length / results.length).toBeGreaterThan(0.9);
  });

  // Texts built from the pieces YAML's corner cases are made of, in the places they matter: the subset must give up
  // on each one or read it exactly as js-yaml does (a value where js-yaml throws counts as a disagreement).
  it('agrees with js-yaml on 30,000 generated texts, accepting many and giving up on many', () => {
    const plainKeys = [
      'id',
      'title',
      'tags',
      'a',
      'b',
      'c',
      'd',
      'å',
      'ärende',
      'x-y',
      '_k',
      'k1',
      'y',
      'on',
      'date',
      'to',
      'from',
      'note',
      'Title',
      'nULL',
    ];
    const edgeKeys = [
      'null',
      'Null',
      'TRUE',
      'false',
      '__proto__',
      'toString',
      '1a',
      '-a',
      'a b',
      '"q"',
      "'q'",
      '? k',
      'a:b',
      '<<',
      '0x1',
    ];
    const plainValues = [
      'hej',
      'två ord',
      'Digitala nycklar på äldreboenden',
      '2024-11-10',
      '12',
      '-3',
      '0.5',
      'true',
      'null',
      '~',
      '[a, b]',
      '"x"',
      "'y'",
      '{ a: 1 }',
    ];
    const values = [
      'hej',
      'två ord',
      'a:b',
      'a: b',
      'a #b',
      'a#b',
      'a,b',
      'a]b',
      'a}b',
      'a[b',
      '-5',
      '- x',
      '-',
      '--',
      '-x',
      '0x1F',
      '0X1F',
      '0o17',
      '0b101',
      '1e3',
      '1E3',
      '.5',
      '+.5',
      '5.',
      '-0',
      '+12',
      '1_000',
      '.inf',
      '-.Inf',
      '+.INF',
      '.NaN',
      '.nan',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'False',
      'TRUE',
      'tRue',
      'yes',
      'no',
      'on',
      'y',
      '2024-11-10',
      '12:30',
      '12:30:00',
      '"dq"',
      '"d\\"q"',
      '"a"b"',
      '"a',
      '""',
      "'sq'",
      "'it''s'",
      "'a'b'",
      "''",
      "'a",
      '[a, b]',
      '[]',
      '[ ]',
      '[a,,b]',
      '[a, [b]]',
      '[1, 0x2, true, ~]',
      '[a, b',
      '[a b, c]',
      '[-a, -]',
      '[a: b]',
      '[a,]',
      '[ a ]',
      '{ a: 1 }',
      '{}',
      '{a: 1, a: 2}',
      '{ a:1 }',
      '{ a: [1] }',
      '{ a: 1, b: two words }',
      '{ null: 1 }',
      '{ "a": 1 }',
      '&x v',
      '*x',
      '!!str 5',
      '!x',
      '|',
      '|-',
      '>',
      '>+',
      '%x',
      '@x',
      '`x`',
      '?x',
      ':x',
      ',x',
      '#x',
      'x ',
      'ü',
      '\u00a0nb',
      'nb\u00a0',
      'x\u0085y',
      'a  b',
      'é',
      'a"b',
      "a'b",
      'a\\b',
    ];
    const junk = [
      '\t',
      '\r',
      '#',
      ' #',
      ': ',
      '---',
      '...',
      '"',
      "'",
      '[',
      '{',
      '&',
      '*',
      '!',
      '|',
      '>',
      '\u00a0',
      '\uFEFF',
      '\u2028',
      '😀',
      ' ',
    ];
    const rnd = prng(20261123);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    // A random tree written as block YAML, its indentation and sequence style chosen at random, then sometimes one
    // line is broken: a piece of junk put in, its indentation changed, or the line dropped or repeated.
    const key = () => (rnd() < 0.85 ? pick(plainKeys) : pick(edgeKeys));
    const value = () => (rnd() < 0.6 ? pick(plainValues) : pick(values));
    const write = (depth: number, indent: number, out: string[]): void => {
      const step = pick([1, 2, 2, 4]);
      const entries = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < entries; e++) {
        const r = rnd();
        if (depth < 4 && r < 0.2) {
          out.push(`${' '.repeat(indent)}${key()}:`);
          write(depth + 1, indent + step, out);
        } else if (depth < 4 && r < 0.35) {
          out.push(`${' '.repeat(indent)}${key()}:`);
          const at = rnd() < 0.5 ? indent : indent + step;
          const items = 1 + Math.floor(rnd() * 3);
          for (let k = 0; k < items; k++) {
            if (rnd() < 0.5) {
              out.push(`${' '.repeat(at)}- ${value()}`);
            } else {
              const inner: string[] = [];
              write(depth + 1, at + 2, inner);
              out.push(`${' '.repeat(at)}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1));
            }
          }
        } else if (r < 0.4) {
          out.push(`# ${value()}`);
        } else if (r < 0.45) {
          out.push('');
        } else {
          out.push(
            `${' '.repeat(indent)}${key()}:${' '.repeat(rnd() < 0.9 ? 1 : 2)}${value()}${rnd() < 0.1 ? '  ' : ''}`,
          );
        }
      }
    };
    const text = (): string => {
      const lines: string[] = [];
      write(0, 0, lines);
      if (rnd() < 0.4 && lines.length > 0) {
        const i = Math.floor(rnd() * lines.length);
        const l = lines[i] ?? '';
        switch (Math.floor(rnd() * 4)) {
          case 0: {
            const at = Math.floor(rnd() * (l.length + 1));
            lines[i] = l.slice(0, at) + pick(junk) + l.slice(at);
            break;
          }
          case 1:
            lines[i] = ' '.repeat(Math.floor(rnd() * 5)) + l.trimStart();
            break;
          case 2:
            lines.splice(i, 1);
            break;
          default:
            lines.splice(i, 0, l);
        }
      }
      return `${lines.join('\n')}${rnd() < 0.8 ? '\n' : ''}`;
    };
    let accepted = 0;
    const disagreements: { text: string; ours: unknown; theirs: unknown }[] = [];
    const total = 30_000;
    for (let n = 0; n < total; n++) {
      const t = text();
      const r = agrees(t);
      if (r.accepted) accepted++;
      if (!r.ok && disagreements.length < 5) disagreements.push({ text: t, ours: r.ours, theirs: r.theirs });
    }
    expect(disagreements).toEqual([]);
    // Both ways are exercised: a subset that always gave up would pass the check above and be useless.
    expect(accepted).toBeGreaterThan(total * 0.15);
    expect(accepted).toBeLessThan(total * 0.85);
  });
});
