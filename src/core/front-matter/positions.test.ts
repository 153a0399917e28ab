import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleIdeaFiles } from '../../../test/helpers/registry.js';
import { prng } from '../../../test/fuzz/mutate.js';
import { topLevelPosition, YamlPositions } from './positions.js';
import { parseYamlShaped } from './yaml-read.js';

/** Every pointer a finding could have into the text's top level, each asked for its value and for its key. */
function compareAll(text: string): { quick: number; differ: string[] } {
  const written = [
    ...[...text.matchAll(/^([^\s#:][^:]*):/gm)].map((m) => m[1] as string),
    // And keys in flow mappings.
    ...[...text.matchAll(/[{,]\s*([\w-]+):/g)].map((m) => m[1] as string),
  ];
  // A quoted key both as written and as the key it is.
  const keys = [...written, ...written.filter((k) => /^(["']).+\1$/.test(k)).map((k) => k.slice(1, -1))];
  // And keys that are not there but start a line as one does: a key's start, and a line's text up to each colon in it.
  const colons = text.split('\n').flatMap((line) => [...line.matchAll(/:/g)].map((m) => `/${line.slice(0, m.index)}`));
  const near = [...keys.map((k) => `/${k.slice(0, -1)}`), ...colons];
  const pointers = ['', '/nowhere', '/history/0/date', ...keys.map((k) => `/${k}`), ...near];
  // Every value at any depth, a child of each that is not there, and one past the end of each list.
  const walk = (v: unknown, at: string): void => {
    pointers.push(at, `${at}/nowhere`, `${at}/0/x`);
    if (Array.isArray(v)) {
      pointers.push(`${at}/${v.length}`, `${at}/01`);
      v.forEach((x, i) => walk(x, `${at}/${i}`));
    } else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  const quickly = new YamlPositions(text, 2);
  const fully = new YamlPositions(text, 2, false);
  // Told by the reader whether the subset read the text (FrontMatter's `subset`), as validate does.
  let subset: boolean | undefined;
  let data: Record<string, unknown> | undefined;
  try {
    const read = parseYamlShaped(text);
    subset = read.subset;
    data = read.data as Record<string, unknown>;
  } catch {
    subset = undefined;
  }
  walk(data, '');
  const told = new YamlPositions(text, 2, true, subset, data);
  let quick = 0;
  const differ: string[] = [];
  for (const pointer of pointers) {
    for (const preferKey of [false, true]) {
      if (topLevelPosition(text, 2, pointer, preferKey)) quick++;
      const a = quickly.find(pointer, preferKey);
      const b = fully.find(pointer, preferKey);
      const c = told.find(pointer, preferKey);
      if (a.line !== b.line || a.column !== b.column || c.line !== b.line || c.column !== b.column)
        differ.push(
          `${JSON.stringify(text)} ${pointer} ${preferKey}: ${a.line}:${a.column}, told ${c.line}:${c.column} vs ${b.line}:${b.column}`,
        );
    }
  }
  return { quick, differ };
}

describe('YamlPositions', () => {
  it('places a top-level field where the yaml package does, without it', () => {
    const text =
      '# ett idéförslag\n\nid: sund-abc123\ntitle:   "Cykelpool"\ntags: [a, b]\nhistory:\n  - date: 2026-01-01\n';
    expect(topLevelPosition(text, 2, '/title', false)).toEqual({ line: 5, column: 10 });
    expect(topLevelPosition(text, 2, '/title', true)).toEqual({ line: 5, column: 1 });
    expect(topLevelPosition(text, 2, '/coach', false)).toEqual({ line: 4, column: 1 });
    expect(topLevelPosition(text, 2, '', false)).toEqual({ line: 4, column: 1 });
    // A value on the lines below, a deeper pointer, or a text outside the plain shape: the yaml package says.
    expect(topLevelPosition(text, 2, '/history', false)).toBeNull();
    expect(topLevelPosition(text, 2, '/history/0/date', false)).toBeNull();
    expect(topLevelPosition('a: !x 1\nb: 2\n', 2, '/b', false)).toBeNull();
    // A value with an anchor starts after the anchor, an alias at its `*`, as the package places them.
    const anchored = 'a: &x  1 # c\nb:   *x\nc: &y\n  d: 1\n';
    expect(topLevelPosition(anchored, 2, '/a', false)).toEqual({ line: 2, column: 8 });
    expect(topLevelPosition(anchored, 2, '/b', false)).toEqual({ line: 3, column: 6 });
    expect(topLevelPosition(anchored, 2, '/c', false)).toBeNull();
    expect(compareAll(anchored).differ).toEqual([]);
    // A front matter in flow style, which the subset reads: a field it lacks is placed at the mapping, as the yaml
    // package places it; the package places the fields it has.
    const flow = '# c\n{id: sund-abc123, title: Cykelpool,\n  tags: [a, b]}\n';
    const { data } = parseYamlShaped(flow) as { data: Record<string, unknown> };
    expect(new YamlPositions(flow, 2, true, true, data).find('/coach')).toEqual({ line: 3, column: 1 });
    expect(new YamlPositions(flow, 2, true, true, data).find('')).toEqual({ line: 3, column: 1 });
    expect(new YamlPositions(flow, 2, true, true, data).find('/title')).toEqual({ line: 3, column: 26 });
    expect(topLevelPosition(flow, 2, '/coach', false)).toBeNull();
    expect(compareAll(flow).differ).toEqual([]);
    expect(compareAll(text).differ).toEqual([]);
  });

  it('places a field under a quoted key, and asks the yaml package when the key has an escape', () => {
    const text = "\"id\": sund-abc123\n'title': Cykelpool\n\"un\\u0069t\": Skolan\ncoach: Per\n'it''s': x\n";
    expect(topLevelPosition(text, 2, '/title', false)).toEqual({ line: 3, column: 10 });
    expect(topLevelPosition(text, 2, '/id', true)).toEqual({ line: 2, column: 1 });
    // Past a key with an escape (it may be `unit`), the quick way does not say.
    expect(topLevelPosition(text, 2, '/unit', false)).toBeNull();
    expect(topLevelPosition(text, 2, '/coach', false)).toBeNull();
    for (const pointer of ['/id', '/title', '/unit', "/it's", '/coach', '/missing'])
      for (const preferKey of [false, true])
        expect(new YamlPositions(text, 2).find(pointer, preferKey)).toEqual(
          new YamlPositions(text, 2, false).find(pointer, preferKey),
        );
  });

  it('agrees with the yaml package on every example idea and on generated front matter', () => {
    const texts: string[] = [];
    for (const abs of exampleIdeaFiles()) {
      const m = /^---\n([\s\S]*?\n)---\n/.exec(fs.readFileSync(abs, 'utf8'));
      if (m?.[1]) texts.push(m[1]);
    }
    const rnd = prng(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    const values = [
      'x',
      'två ord',
      '"quoted"',
      "'single'",
      '[a, b]',
      '{ a: 1 }',
      '2026-13-45',
      '12',
      '~',
      '',
      '   spaced',
      'a:b',
      'é',
      'x # a comment',
      '"q" # c',
      '[a, "b"] # c',
      '# only a comment',
      // Nested shapes, empty values, anchors and aliases of them (of a name given on an earlier line or not).
      '[a, [b, {c: d}], {e: [f]}]',
      '{a: {b: [c, d]}, "q": x}',
      '&v5 {a: [b]}',
      '*v5',
      '&v1 x',
      '&v2  "q" # c',
      '&v3 [a]',
      '&v4',
      '*v1',
      '*v3 # c',
    ];
    for (let n = 0; n < 2000; n++) {
      const lines: string[] = [];
      for (let k = 0, count = 1 + Math.floor(rnd() * 6); k < count; k++) {
        const r = rnd();
        const key = pick(['id', 'title', 'coach', 'tags', 'created', 'x-y', 'å']) + (r < 0.5 ? '' : String(k));
        if (r < 0.1) lines.push(`# ${pick(values)}`);
        else if (r < 0.15) lines.push('');
        else if (r < 0.3) lines.push(`${key}:`, `  - ${pick(values) || 'v'}`, `  - k: ${pick(values) || 'v'}`);
        // A list of mappings, as `ideas` writes a history: in its key's column or indented, an item empty or nested.
        else if (r < 0.35)
          lines.push(
            `${key}:`,
            `${pick(['', '  '])}- date: ${pick(values) || 'v'}`,
            `${pick(['', '  '])}  to: ${pick(values)}`,
            pick(['- ', '-', '  -', '- - x', '  - sub:', '    - ', '  - # c']),
            `    deeper: ${pick(values) || 'v'}`,
          );
        else if (r < 0.4) lines.push(`${key}:${rnd() < 0.3 ? ' # c' : ''}`, `  sub: ${pick(values) || 'v'}`);
        else if (r < 0.5) lines.push(`${key}: ${pick(['|', '>-', '|+', '|2'])}`, '    text', '', '    more');
        // A text wrapped over lines, as PyYAML writes it.
        else if (r < 0.6) lines.push(`${key}: ${pick(["'wrapped", '"wrapped', 'wrapped'])}`, '  text', '', "  ends'");
        // Flow collections over lines, as PyYAML writes them in its flow style.
        else if (r < 0.65) lines.push(`${key}: [a, ${pick(values) || 'v'},`, "  b c, 'd", "    e']");
        else if (r < 0.7) lines.push(`${key}:`, `- {k: ${pick(values) || 'v'},`, '  w: x}');
        // Quoted keys, as the yaml package writes them with QUOTE_SINGLE.
        else if (r < 0.75) {
          const quote = pick(['"', "'"]);
          lines.push(`${quote}${key}${quote}: ${pick(values) || 'v'}`);
        } else lines.push(`${key}: ${pick(values)}${rnd() < 0.2 ? '  ' : ''}`);
      }
      texts.push(`${lines.join('\n')}\n`);
      // Now and then the same as one flow mapping, as PyYAML writes it with default_flow_style=True.
      if (rnd() < 0.2) {
        const pairs = lines.filter((l) => /^\w[\w-]*: [\w"'[{]/.test(l) && !/#|[|>]|[[{].*[^\]}]$/.test(l));
        if (pairs.length > 0) texts.push(`${pick(['', '# c\n'])}{${pairs.join(',\n  ')}}\n`);
      }
    }
    let quick = 0;
    const differ: string[] = [];
    for (const text of texts) {
      const r = compareAll(text);
      quick += r.quick;
      differ.push(...r.differ);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // The quick way answers most questions: a check that it is taken at all.
    expect(quick).toBeGreaterThan(texts.length * 4);
  });
});
