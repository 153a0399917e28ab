import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closingLine, readFrontMatter, type FrontMatterResult } from './front-matter.js';
import { localize } from '../i18n/i18n.js';
import { mutate, prng } from '../../../test/fuzz/mutate.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const read = (text: string): FrontMatterResult => readFrontMatter(utf8(text));

/** The rule and line of a problem, or 'ok'. */
function verdict(r: FrontMatterResult): { rule: string; line: number } | 'ok' {
  return r.ok ? 'ok' : { rule: r.rule, line: r.line };
}

/** Nine levels of nine aliases each: 9^9 (387 million) strings if the aliases were expanded. */
function billionLaughs(): string {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  }
  lines.push('title: boom', '---', '');
  return lines.join('\n');
}

describe('readFrontMatter', () => {
  it('reads a valid file: data, matter, body and the line the body starts on', () => {
    const r = read('---\ntitle: Cykelpool\ncreated: 2026-01-01\ntags: [a, b]\n---\nFirst line\nSecond line\n');
    expect(r).toEqual({
      ok: true,
      data: { title: 'Cykelpool', created: '2026-01-01', tags: ['a', 'b'] },
      matter: 'title: Cykelpool\ncreated: 2026-01-01\ntags: [a, b]\n',
      body: 'First line\nSecond line\n',
      subset: true,
    });
    // Read by the yaml package, not the subset (a tag), it says so.
    expect(read('---\na: !!int 1\nb: 1\n---\n')).toMatchObject({ ok: true, data: { a: 1, b: 1 }, subset: false });
  });

  it('skips a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('---\ntitle: A\n---\nBody\n')]);
    expect(readFrontMatter(bytes)).toEqual({
      ok: true,
      data: { title: 'A' },
      matter: 'title: A\n',
      body: 'Body\n',
      subset: true,
    });
  });

  it('accepts CRLF line endings: no CR in the values, and the body starts after the closing line', () => {
    const r = read('---\r\ntitle: A\r\nn: 1\r\n---\r\nBody\r\nmore\r\n');
    expect(r.ok && { data: r.data, body: r.body }).toEqual({ data: { title: 'A', n: 1 }, body: 'Body\r\nmore\r\n' });
  });

  it('accepts a file whose closing line is its last, without a line break', () => {
    const r = read('---\ntitle: A\n---');
    expect(r.ok && { data: r.data, body: r.body }).toEqual({ data: { title: 'A' }, body: '' });
  });

  it('gives the front matter and the body after a longer front matter and an empty one', () => {
    const long = read('---\na: 1\nb:\n  - x\n  - y\nc: |\n  text\n  more\n---\n\nBody\n');
    expect(long.ok && { matter: long.matter, body: long.body }).toEqual({
      matter: 'a: 1\nb:\n  - x\n  - y\nc: |\n  text\n  more\n',
      body: 'Body\n',
    });
    const empty = read('---\n---\nBody\n');
    expect(empty.ok && { data: empty.data, matter: empty.matter, body: empty.body }).toEqual({
      data: {},
      matter: '',
      body: 'Body\n',
    });
  });

  it.each([
    ['an empty file', 'file/empty', 1, new Uint8Array()],
    ['a whitespace-only file', 'file/empty', 1, utf8('  \n\n\t \n')],
    ['a NUL byte on line 3', 'file/binary', 3, utf8('---\ntitle: a\n\0\n---\n')],
    ['a NUL byte on line 1', 'file/binary', 1, Buffer.from([0x00, 0x01, 0x02])],
    [
      'invalid UTF-8 on line 3',
      'file/encoding',
      3,
      Buffer.concat([utf8('---\ntitle: x\n'), Buffer.from([0xff, 0xfe]), utf8('\n---\n')]),
    ],
    [
      'Latin-1 å on line 2',
      'file/encoding',
      2,
      Buffer.concat([utf8('---\ntitle: p'), Buffer.from([0xe5]), utf8('\n---\n')]),
    ],
    ['no front matter', 'front-matter/missing', 1, utf8('# Title\n\ntext\n')],
    ['front matter after a blank line', 'front-matter/missing', 1, utf8('\n---\ntitle: a\n---\n')],
    ['---js', 'front-matter/opening', 1, utf8('---js\n{ title: "x" }\n---\n')],
    ['---javascript', 'front-matter/opening', 1, utf8('---javascript\n{ title: "x" }\n---\n')],
    ['---JS', 'front-matter/opening', 1, utf8('---JS\n{ title: "x" }\n---\n')],
    ['--- yaml', 'front-matter/opening', 1, utf8('--- yaml\ntitle: x\n---\n')],
    ['----', 'front-matter/opening', 1, utf8('----\ntitle: x\n----\n')],
    ['a missing closing line', 'front-matter/unclosed', 1, utf8('---\ntitle: x\nbody\n')],
    ['a closing line that is longer than ---', 'front-matter/unclosed', 1, utf8('---\ntitle: x\n----\nbody\n')],
    [
      'a line ---x inside the front matter',
      'front-matter/stray-delimiter',
      3,
      utf8('---\ntitle: x\n---x\nb: 2\n---\n'),
    ],
    [
      'a line --- x inside the front matter, in a CRLF file',
      'front-matter/stray-delimiter',
      4,
      utf8('---\r\ntitle: x\r\nb: 2\r\n--- x\r\n---\r\n'),
    ],
    ['a list', 'front-matter/not-mapping', 2, utf8('---\n- a\n- b\n---\n')],
    ['a scalar', 'front-matter/not-mapping', 2, utf8('---\njust words\n---\n')],
  ])('%s gives %s on line %i', (_name, rule, line, bytes) => {
    expect(verdict(readFrontMatter(bytes))).toEqual({ rule, line });
  });

  it('reads --- after a U+2028 or U+2029 as text: YAML 1.2 breaks no line there, though a JavaScript ^ would', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const r = readFrontMatter(utf8(`---\ntitle: "Plan${sep}--- utkast"\nnote: a${sep}---b\n---\nText\n`));
      expect(r.ok && r.data).toEqual({ title: `Plan${sep}--- utkast`, note: `a${sep}---b` });
    }
  });

  it.each([
    ['the key itself', '---\ntitle: x\ncreated: 2026-01-01\ntitle: y\n---\n', 'title', 4],
    ['a quoted repeat', '---\ntitle: x\n"title": y\n---\n', 'title', 3],
    ['a nested key', '---\ntitle: x\nh:\n  a: 1\n  a: 2\n---\n', 'a', 5],
    ['a key in a file with anchors', '---\nb: &x 1\ntitle: x\nb: 2\n---\n', 'b', 4],
    ['a key whose first value is a block', '---\na:\n  x: 1\na:\n  y: 2\n---\n', 'a', 4],
    ['a key in an item of a list', '---\nh:\n  - a: 1\n    a: 2\n---\n', 'a', 4],
    ['a key after a comment and a blank line', '---\na: 1\n\n# c\na: |\n  t\n---\n', 'a', 5],
    ['a key after a flow list on two lines', '---\na: [1,\n 2]\na: 3\n---\n', 'a', 4],
    ['a key after a quoted value on two lines', '---\na: "x\n y"\na: 2\n---\n', 'a', 4],
    ['a key in a flow mapping', '---\nx: {a: 1, a: 2}\n---\n', 'a', 2],
  ])('a duplicate key names %s and the line of the second one', (_name, text, key, line) => {
    const r = read(text);
    expect(r.ok ? r : { rule: r.rule, line: r.line, params: r.params }).toEqual({
      rule: 'front-matter/duplicate-key',
      line,
      params: { key },
    });
  });

  it.each([
    ['!!js/function', '---\ntitle: !!js/function "function () { return 1 }"\n---\n'],
    ['!!js/regexp', '---\ntitle: !!js/regexp /abc/\n---\n'],
    ['!!js/undefined', '---\ntitle: !!js/undefined ""\n---\n'],
    ['!!python/object', '---\ntitle: x\nrun: !!python/object:os.system ls\n---\n'],
  ])('refuses the tag %s as front-matter/unknown-tag on its line', (tag, text) => {
    const r = read(text);
    const line = text.split('\n').findIndex((l) => l.includes(tag)) + 1;
    expect(r.ok ? r : { rule: r.rule, line: r.line, tag: String(r.params.tag).startsWith(tag) }).toEqual({
      rule: 'front-matter/unknown-tag',
      line,
      tag: true,
    });
  });

  it.each([
    ['a closing bracket too many', '---\ntitle: x\nk: [a, b]]\n---\n', 3, 'yaml.unexpected'],
    ['a tab as indentation', '---\ntitle: x\nlist:\n\t- a\n---\n', 4, 'yaml.tabIndent'],
    ['a nested mapping on one line', '---\ntitle: x\na: b: c\n---\n', 3, 'yaml.blockAsKey'],
    ['a value starting with @', '---\ntitle: x\nk: @bad\n---\n', 3, 'yaml.badScalarStart'],
    ['a word without a key', '---\ntitle: x\nfoo\nbar: 1\n---\n', 3, 'yaml.multilineKey'],
    // On the line the quote opens (found from outside: the package's place, the end of the front matter, sent a
    // coordinator to the closing ---).
    ['a quote never closed', '---\ntitle: "x\nk: 1\n---\n', 2, 'yaml.unclosedQuote'],
    // A key of a list's item indented one space short of the item's others: the indentation, not a missing comma.
    ['a line of a list item indented short', '---\nh:\n  - a: 1\n   b: 2\n---\n', 4, 'yaml.badIndent'],
    ['a flow list never closed', '---\nk: [a, b\n---\n', 3, 'yaml.unclosedFlow'],
    ['an unknown escape', '---\nk: "\\q"\n---\n', 2, 'yaml.badEscape'],
    ['a line without a colon after a list', '---\nk:\n  - a\nfoo\n---\n', 4, 'yaml.noValue'],
    // An alias names the anchor before it (YAML 1.2, 7.1): one that names none is no key, not even an empty one.
    ['an alias with no anchor, as a key', '---\n*a : 1\n---\n', 2, 'yaml.badAlias'],
    ['an alias with no anchor, in a flow mapping', '---\nk: {*a}\n---\n', 2, 'yaml.badAlias'],
    ['an alias with no anchor, as an explicit key', '---\n? *b\n: 1\n---\n', 2, 'yaml.badAlias'],
    ['an alias with no anchor, as a value', '---\nk: *b\n---\n', 2, 'yaml.badAlias'],
  ] as const)(
    'a YAML syntax error (%s) is front-matter/yaml on line %i, said in both languages',
    (_name, text, line, key) => {
      const r = read(text);
      expect(verdict(r)).toEqual({ rule: 'front-matter/yaml', line });
      // The package's own messages are English only: the reason comes from the catalogue.
      expect(r.ok ? null : r.params.reason).toEqual(localize(key));
    },
  );

  it('stops an alias bomb with front-matter/alias-limit, quickly', () => {
    const started = performance.now();
    const r = read(billionLaughs());
    const ms = performance.now() - started;
    expect(verdict(r)).toEqual({ rule: 'front-matter/alias-limit', line: 2 });
    expect(ms).toBeLessThan(2000);
  });

  // Texts an idea file may hold (under its 5 MB) that a reading in quadratic time takes a minute or more over: 49 to
  // 103 s for the quoted texts and ~10 s for the keys before each was made linear, 0.2 to 0.6 s after.
  it.each([
    ['a quoted text over a million lines', `---\na: 'x${'\n  x'.repeat(1_000_000)}'\n---\n`],
    ['a quoted text over a million lines, never closed', `---\na: 'x${'\n  x'.repeat(1_000_000)}\n---\n`],
    [
      '32,000 keys, and one the fast reader leaves to the package',
      `---\n${Array.from({ length: 32_000 }, (_, i) => `k${i}: v\n`).join('')}z: !!str x\n---\n`,
    ],
  ])('reads %s in seconds, not minutes', (_name, text) => {
    for (const explain of [true, false]) {
      const started = performance.now();
      readFrontMatter(Buffer.from(text), { explain, body: false });
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });

  it('reads aliases as the package counts them, whatever else is in the text', () => {
    const aliases = (n: number) => `a: &x v\n${Array.from({ length: n }, (_, i) => `k${i}: *x\n`).join('')}`;
    // An unrelated key with a tag the fast reader leaves to the package: the same verdict either way.
    for (const n of [99, 100]) {
      const alone = verdict(read(`---\n${aliases(n)}---\n`));
      const beside = verdict(read(`---\n${aliases(n)}zz: !!str x\n---\n`));
      expect(alone, `${n} aliases`).toEqual(beside);
    }
    expect(read(`---\n${aliases(99)}---\n`).ok).toBe(true);
    expect(verdict(read(`---\n${aliases(100)}---\n`))).toEqual({ rule: 'front-matter/alias-limit', line: 2 });
  });

  // Found from outside: the package looks each alias's node up from the document's start, 15 s for 10,000.
  it.each([
    ['50,000 aliases of one anchor', `a: &a [1]\nb: [${Array(50_000).fill('*a').join(',')}]\n`, 'alias-limit'],
    [
      '500 anchors with 98 aliases each, none over the count',
      `${Array.from({ length: 500 }, (_, a) => `k${a}: &a${a} v\n`).join('')}b: [${Array.from({ length: 500 }, (_, a) => Array(98).fill(`*a${a}`).join(',')).join(',')}]\n`,
      'ok',
    ],
  ])('reads %s in linear time', (_name, yaml, expected) => {
    const started = performance.now();
    const r = read(`---\n${yaml}---\n`);
    expect(r.ok ? 'ok' : r.rule.replace('front-matter/', '')).toBe(expected);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("counts aliases as the package's toJS does, on generated texts of anchors and aliases in and of lists", async () => {
    const { parseDocument } = await import('yaml');
    const random = prng(7);
    const pick = (n: number) => Math.floor(random() * n);
    let refused = 0;
    for (let t = 0; t < 1500; t++) {
      const anchors: string[] = [];
      const value = (depth: number): string => {
        const r = pick(10);
        if (anchors.length && r < 5) return `*${anchors[pick(anchors.length)]}`;
        const name = `a${anchors.length}`;
        if (r < 7 || depth > 2) return (anchors.push(name), `&${name} v${pick(3)}`);
        if (r < 9) {
          const items = Array.from({ length: pick(4) }, () => value(depth + 1));
          return (anchors.push(name), `&${name} [${items.join(', ')}]`);
        }
        return `[${Array.from({ length: pick(4) }, () => value(depth + 1)).join(', ')}]`;
      };
      const lines = Array.from({ length: 5 + pick(40) }, (_, i) => `k${i}: ${value(0)}`);
      const more = pick(3) === 0 ? 5 + pick(120) : 0;
      for (let i = 0; i < more && anchors.length; i++)
        lines.push(`x${i}: *${anchors[anchors.length - 1 - pick(Math.min(4, anchors.length))]}`);
      const yaml = `${lines.join('\n')}\n`;
      let theirs = 'ok';
      try {
        parseDocument(yaml).toJS({ maxAliasCount: 100 });
      } catch (e) {
        theirs = e instanceof ReferenceError ? 'alias-limit' : 'other';
      }
      const r = read(`---\n${yaml}---\n`);
      const ours = r.ok ? 'ok' : r.rule.replace('front-matter/', '');
      if (ours === 'alias-limit') refused++;
      expect(ours, yaml).toBe(theirs);
    }
    // Texts on both sides of the count.
    expect(refused).toBeGreaterThan(10);
  });

  it('refuses nesting deeper than any front matter the same way every time', () => {
    const text = `---\na: ${'['.repeat(1000)}x${']'.repeat(1000)}\n---\n`;
    const verdicts = Array.from({ length: 12 }, () => verdict(read(text)));
    expect(new Set(verdicts.map((v) => JSON.stringify(v))).size).toBe(1);
    expect(verdicts[0]).toEqual({ rule: 'front-matter/too-deep', line: 2 });
    // 200 levels read.
    expect(read(`---\na: ${'['.repeat(199)}x${']'.repeat(199)}\n---\n`).ok).toBe(true);
  });

  it('accepts a small legitimate anchor and alias', () => {
    const r = read('---\ntitle: Delad text\nunit: &u Socialtjänsten\ncontact: *u\ntags: &t [a, b]\nmore: *t\n---\n');
    expect(r.ok && r.data).toEqual({
      title: 'Delad text',
      unit: 'Socialtjänsten',
      contact: 'Socialtjänsten',
      tags: ['a', 'b'],
      more: ['a', 'b'],
    });
  });

  it.each([
    ['flow lists', `---\na: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`],
    ['block mappings', `---\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n---\n`],
  ])('does not crash on %s nested 1,000 levels deep', (_name, text) => {
    let r: FrontMatterResult | undefined;
    expect(() => {
      r = read(text);
    }).not.toThrow();
    if (r && !r.ok) {
      expect(r.rule).toMatch(/^front-matter\//);
      expect(r.line).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps dates and yes/no/on as strings, and reads true and numbers as such', () => {
    const r = read(
      '---\ncreated: 2026-01-01\na: yes\nb: no\nc: on\nd: true\ne: false\nf: 1.5\ng: null\nh: 2026-01-01T10:00:00Z\n---\n',
    );
    expect(r.ok && r.data).toEqual({
      created: '2026-01-01',
      a: 'yes',
      b: 'no',
      c: 'on',
      d: true,
      e: false,
      f: 1.5,
      g: null,
      h: '2026-01-01T10:00:00Z',
    });
  });

  it('keeps yes/no as strings also on the path for files with anchors', () => {
    const r = read('---\ntitle: yes\nx: &x no\ny: *x\ncreated: 2026-01-01\n---\n');
    expect(r.ok && r.data).toEqual({ title: 'yes', x: 'no', y: 'no', created: '2026-01-01' });
  });

  it.each([
    '0b101',
    '+.5',
    '0x1F',
    '0o17',
    '1e3',
    '+12',
    'yes',
    'Null',
    '~',
    '2026-01-01',
    '.inf',
    '1e-5',
    '-1E-5',
    '-5',
    '1-2',
    '0x1e-5',
  ])('reads %s the same whether or not the file has an anchor elsewhere', (value) => {
    const plain = read(`---\ntitle: x\nvalue: ${value}\n---\n`);
    const withAnchor = read(`---\ntitle: &t x\nvalue: ${value}\n---\n`);
    expect(withAnchor.ok && withAnchor.data.value).toEqual(plain.ok && plain.data.value);
  });

  it('gives the finding every time for the same failing text (no cached empty parse)', () => {
    const text = '---\ntitle: x\ntitle: y\n---\n';
    const first = read(text);
    const second = read(text);
    expect(verdict(first)).toEqual({ rule: 'front-matter/duplicate-key', line: 3 });
    expect(second).toEqual(first);
  });

  it('never throws, whatever the bytes', () => {
    const samples = [
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8('---'),
      utf8('---\n'),
      utf8('---\r\n---\r\n'),
      utf8('---\n: \n---\n'),
      utf8('---\n? [a]\n: b\n---\n'),
      utf8('---\n*undefined_alias\n---\n'),
      utf8('---\n&a [*a]\n---\n'),
      utf8('---\ntitle: x\u0007\n---\n'),
      utf8('---\n%YAML 1.1\n---\ntitle: x\n---\n'),
    ];
    for (const bytes of samples) expect(() => readFrontMatter(bytes)).not.toThrow();
  });
});

describe('readFrontMatter and JavaScript front matter', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const payload = (marker: string) => `{ title: require("fs").writeFileSync(${JSON.stringify(marker)}, "ran") || "x" }`;

  // The control that makes the next test meaningful: gray-matter hands such a text to its JavaScript engine (by
  // default, eval). An engine of the test's own stands in for eval, so that the control runs no code either.
  it('gray-matter would hand the payload to its JavaScript engine', () => {
    const marker = path.join(dir, 'control');
    const evaluated: string[] = [];
    const js = (code: string) => {
      evaluated.push(code.trim());
      return {};
    };
    matter(`---js\n${payload(marker)}\n---\n`, { engines: { js } });
    matter(`---javascript\n${payload(marker)}\n---\n`, { engines: { javascript: js } });
    expect(evaluated).toEqual([payload(marker), payload(marker)]);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it.each(['---js', '---javascript', '---JS', '---Javascript', '--- js', '---  javascript'])(
    'never runs the code of a %s file',
    (opening) => {
      const marker = path.join(dir, 'marker');
      const r = read(`${opening}\n${payload(marker)}\n---\nbody\n`);
      expect(verdict(r)).toEqual({ rule: 'front-matter/opening', line: 1 });
      expect(fs.existsSync(marker)).toBe(false);
    },
  );
});

describe('closingLine', () => {
  it('finds the closing line where /\\n---\\r?(?:\\n|$)/ does, on 50,000 texts of line breaks, CRs and dashes', () => {
    const rnd = prng(20261207);
    const pieces = ['\n', '\r', '-', '---', '\n---', 'a', ' ', '\r\n'];
    const differ: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 12); k >= 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
      const from = Math.floor(rnd() * Math.min(3, text.length + 1));
      const m = /\n---\r?(?:\n|$)/.exec(text.slice(from));
      if (closingLine(text, from) !== (m ? from + m.index : -1)) differ.push(JSON.stringify([text, from]));
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });
});

describe('readFrontMatter without the body', () => {
  it('reads everything else as a full read does, for any bytes', () => {
    const seeds = [
      '---\ntitle: A\ntags: [a]\n---\nText\n',
      '\uFEFF---\r\ntitle: B\r\n---\r\nText\r\n',
      '---\ntitle: C\n---',
      '---\ntitle: D\n---\r',
      '---\ntitle: E\n---x\n---\nText with --- and \n---\n again\n',
      '---\ntitle: F\n',
      'no front matter\n---\n',
    ].map((t) => Buffer.from(t, 'utf8'));
    const cases: Buffer[] = [
      ...seeds,
      Buffer.concat([seeds[0] as Buffer, Buffer.from([0xff, 0xfe])]),
      Buffer.concat([seeds[0] as Buffer, Buffer.from([0])]),
    ];
    const rnd = prng(5);
    for (let n = 0; n < 1500; n++) cases.push(mutate(rnd, seeds[n % seeds.length] as Buffer));
    const differ: string[] = [];
    for (const bytes of cases) {
      const full = readFrontMatter(bytes);
      const short = readFrontMatter(bytes, { body: false });
      const expected = full.ok ? { ...full, body: '' } : full;
      if (JSON.stringify(short) !== JSON.stringify(expected)) differ.push(JSON.stringify(bytes.toString('utf8')));
    }
    expect(differ.slice(0, 3)).toEqual([]);
    // Not a check that passes by never reading: some of the mutated files still read.
    expect(cases.filter((b) => readFrontMatter(b, { body: false }).ok).length).toBeGreaterThan(cases.length / 20);
  });
});
