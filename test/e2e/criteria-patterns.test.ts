/**
 * No criterion can hang a run: `pattern` and `patternProperties` in a registry's criteria run on a linear-time
 * engine, and what it cannot match (lookaround, back-references) is refused when the criteria are read, naming the
 * file and the pattern. Each case runs the built CLI against texts that JavaScript's backtracking engine would not
 * finish in a lifetime; the assertions are about the results, never about time (the CLI helper's timeout would
 * end a hung run, and its exit code would then be null).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, type RunResult } from '../helpers/cli.js';
import { cloneRegistry, ideaText, initRegistry, writeFile } from '../helpers/registry.js';
import { git, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface Finding {
  file: string;
  rule: string;
  message: string;
}
interface Validation {
  ok: boolean;
  findings: Finding[];
}

let minimal: string;
beforeAll(() => {
  minimal = initRegistry('minimal', 'en', { git: false });
});

const CRITERIA = 'criteria/idea.schema.json';

function withCriteria(schema: Record<string, unknown>, dir = cloneRegistry(minimal)): string {
  writeFile(
    dir,
    CRITERIA,
    JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', ...schema }, null, 2),
  );
  return dir;
}

/** An idea in the first stage with extra front matter lines (YAML). */
function idea(dir: string, id: string, fields: Record<string, string>): string {
  const rel = `ideas/01-idea/${id}-idea.md`;
  writeFile(dir, rel, ideaText({ id, title: 'An idea', ...fields }));
  return rel;
}

function validate(dir: string): { r: RunResult; doc: Validation } {
  const r = ideas(['validate', '--format', 'json'], { cwd: dir });
  expect(r.code, describeRun(r)).not.toBeNull();
  return { r, doc: parseJson<Validation>(r) };
}

const A = 'a'.repeat(30_000);

describe('pattern: catastrophic patterns finish, with the right answer', () => {
  it('^(a+)+$ against thirty thousand a and one b: a finding; against only a: none', () => {
    const dir = withCriteria({ properties: { code: { type: 'string', pattern: '^(a+)+$' } } });
    const bad = idea(dir, 'ide-bad0', { code: `${A}b` });
    idea(dir, 'ide-good', { code: A });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => [f.file, f.rule])).toEqual([[bad, 'criteria/idea']]);
    expect(doc.findings[0]?.message).toContain('^(a+)+$');
  });

  it('(x+x+)+y, ^(\\w+\\s?)*$ and ^(a|aa)*$ in one schema', () => {
    const dir = withCriteria({
      properties: {
        x: { type: 'string', pattern: '(x+x+)+y' },
        words: { type: 'string', pattern: '^(\\w+\\s?)*$' },
        alt: { type: 'string', pattern: '^(a|aa)*$' },
      },
    });
    const bad = idea(dir, 'ide-bad0', {
      x: 'x'.repeat(30_000),
      words: `"${'word '.repeat(5000)}!"`,
      alt: `${A}!`,
    });
    idea(dir, 'ide-good', { x: `${'x'.repeat(30_000)}y`, words: '"some words here"', alt: A });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.filter((f) => f.file === bad)).toHaveLength(3);
    expect(doc.findings.filter((f) => f.file !== bad)).toEqual([]);
  });

  it('the gate of `ideas move` and `ideas review --dry-run` check the same pattern and finish', () => {
    const dir = withCriteria({ properties: { code: { type: 'string', pattern: '^(a+)+$' } }, required: ['code'] });
    writeFile(
      dir,
      'criteria/doing.schema.json',
      JSON.stringify({ type: 'object', required: ['code'], properties: { code: { pattern: '^(a+)+$' } } }),
    );
    git(['init', '-q', '-b', 'main'], dir);
    git(['config', 'user.name', 'T'], dir);
    git(['config', 'user.email', 't@example.invalid'], dir);
    idea(dir, 'ide-move', { code: A });
    idea(dir, 'ide-stay', { code: `${A}!` });
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'ideas'], dir);
    const review = ideas(['review', '--dry-run', '--json'], { cwd: dir });
    expect(review.code, describeRun(review)).toBe(0);
    expect(ideas(['move', 'ide-stay', 'doing'], { cwd: dir }).code).toBe(1);
    const moved = ideas(['move', 'ide-move', 'doing'], { cwd: dir });
    expect(moved.code, describeRun(moved)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ideas/02-in-progress/ide-move-idea.md'))).toBe(true);
  });
});

describe('patternProperties: the same engine', () => {
  const KEY = 'a'.repeat(1000);

  it('a long key matched against ^(a+)+$, with and without additionalProperties', () => {
    const dir = withCriteria({ patternProperties: { '^(a+)+$': { type: 'number' } } });
    const bad = idea(dir, 'ide-bad0', { [KEY]: 'text' });
    idea(dir, 'ide-good', { [`${KEY}!`]: 'text', [`${KEY}a`]: '3' });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => f.file)).toEqual([bad]);
  });

  it('ajv’s strict check of properties against patterns does not run a backtracking engine', () => {
    const dir = withCriteria({
      properties: { [`${'a'.repeat(40)}!`]: { type: 'string' } },
      patternProperties: { '^(a+)+$': { type: 'number' } },
    });
    idea(dir, 'ide-good', {});
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(0);
    expect(doc.ok).toBe(true);
  });

  it('propertyNames with a pattern', () => {
    const dir = withCriteria({ propertyNames: { pattern: '^(a+)+$|^[a-z]+$' } });
    const bad = idea(dir, 'ide-bad0', { [`${KEY}!`]: 'x' });
    idea(dir, 'ide-good', { [KEY]: 'x' });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(new Set(doc.findings.map((f) => f.file))).toEqual(new Set([bad]));
  });
});

describe('what the engine cannot match is refused when the criteria are read, naming file and pattern', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'a lookahead in pattern',
      { properties: { code: { type: 'string', pattern: '^(?=.*\\d)[a-z\\d]+$' } } },
      '"^(?=.*\\\\d)[a-z\\\\d]+$"',
      /lookahead/,
    ],
    ['a lookbehind', { properties: { code: { pattern: '(?<!x)y' } } }, '"(?<!x)y"', /lookbehind/],
    ['a back-reference', { properties: { code: { pattern: '^(a+)\\1$' } } }, '"^(a+)\\\\1$"', /back-reference/],
    [
      'a named back-reference in patternProperties',
      { patternProperties: { '^(?<p>x)\\k<p>$': {} } },
      '"^(?<p>x)\\\\k<p>$"',
      /back-reference/,
    ],
    [
      'a lookahead in patternProperties',
      { patternProperties: { '^(?!id$)': { type: 'string' } } },
      '"^(?!id$)"',
      /lookahead/,
    ],
  ];
  for (const [name, schema, shown, why] of cases) {
    it(`${name}: exit 2, the file and the pattern named, no stack`, () => {
      const dir = withCriteria(schema);
      idea(dir, 'ide-good', {});
      for (const args of [['validate'], ['schema', '--stage', 'idea'], ['new', '--title', 'x', '--no-input']]) {
        const r = ideas(args, { cwd: dir });
        expect(r.code, describeRun(r)).toBe(2);
        expect(r.stderr).toContain(CRITERIA);
        expect(r.stderr).toContain(shown);
        expect(r.stderr).toMatch(why);
        expect(r.stderr).not.toMatch(/^ {4}at /m);
      }
    });
  }

  it('in Swedish too', () => {
    const dir = withCriteria({ properties: { code: { pattern: '(?=a)' } } });
    const r = ideas(['validate', '--lang', 'sv'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain(`Kriteriefilen ${CRITERIA}`);
    expect(r.stderr).toContain('"(?=a)"');
  });
});

describe('patterns that keep working', () => {
  it('unicode property escapes and JavaScript’s \\s', () => {
    const dir = withCriteria({
      properties: {
        name: { type: 'string', pattern: '^\\p{Lu}\\p{L}+$' },
        tight: { type: 'string', pattern: '^\\S+$' },
      },
    });
    idea(dir, 'ide-good', { name: 'Åsa', tight: 'ok' });
    const bad = idea(dir, 'ide-bad0', { name: 'åsa', tight: '"a\u00a0b"' });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => f.file)).toEqual([bad, bad]);
  });

  it('format url on a long crafted text finishes and is a finding', () => {
    const dir = withCriteria({ properties: { site: { type: 'string', format: 'url' } } });
    const bad = idea(dir, 'ide-bad0', { site: `"ftp://172.30.3.56${'4.1.6.7:155'.repeat(9000)}"` });
    idea(dir, 'ide-good', { site: 'https://example.org/a' });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => f.file)).toEqual([bad]);
  });
});

// ajv's const, enum and uniqueItems compared with fast-deep-equal, which calls valueOf() on the front matter's
// objects (they have no prototype): an object where a criterion compared one stopped every command with "unexpected
// error". Its uniqueItems also compared each item with every other one.
describe('const, enum and uniqueItems compare objects and lists as data', () => {
  it('an object or a list of objects against const, enum and uniqueItems: findings, never a crash', () => {
    const dir = withCriteria({
      properties: {
        place: { const: { town: 'Sundsvall', zip: 85230 } },
        team: { enum: [{ lead: 'unit' }, [{ lead: 'council' }]] },
        steps: { type: 'array', uniqueItems: true },
      },
    });
    idea(dir, 'ide-good', {
      place: '{ zip: 85230.0, town: Sundsvall }',
      team: '[{ lead: council }]',
      steps: '[{ a: 1 }, { a: 2 }, [1], [2]]',
    });
    const bad = idea(dir, 'ide-bad0', {
      place: '{ town: Sundsvall, zip: 85231 }',
      team: '{ lead: someone }',
      steps: '[{ a: 1, b: [2] }, { b: [2], a: 1 }]',
    });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toBe('');
    expect(doc.findings.map((f) => f.file)).toEqual([bad, bad, bad]);
  });

  it('uniqueItems over twenty thousand lists finishes, and finds the one repeated', () => {
    const dir = withCriteria({ properties: { rows: { type: 'array', uniqueItems: true } } });
    const rows = Array.from({ length: 20_000 }, (_, i) => `[${i}, [${i}]]`);
    idea(dir, 'ide-good', { rows: `[${rows.join(', ')}]` });
    const bad = idea(dir, 'ide-bad0', { rows: `[${[...rows, '[7, [7.0]]'].join(', ')}]` });
    const { r, doc } = validate(dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings.map((f) => f.file)).toEqual([bad]);
  });
});
