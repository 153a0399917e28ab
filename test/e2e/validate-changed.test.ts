/**
 * `ideas validate --changed`, `--format junit` and `ideas schema`, run as CI runs them: the built CLI in temp git
 * repositories where a branch has changed some ideas since main.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, REPO_ROOT, STACK_LINE } from '../helpers/cli.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';
import { findAll, parseXml, type XmlElement } from '../helpers/xml.js';
import { junitSchemaErrors } from '../helpers/junit-xsd.js';

afterAll(removeTempDirs);

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'sundsvall');
const BOKBUSSEN = 'ideas/02-foradling/sund-eev2bz-bokbussen-som-servicepunkt-pa-landsbygden.md';
const NATTKAMERA = 'ideas/01-ide/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md';
const MATSVINN = 'ideas/01-ide/sund-emspzg-minskat-matsvinn-i-aldreboendenas-kok.md';
const TILLSYN = 'ideas/03-test/sund-avmpk4-digital-tillsyn-i-hemtjansten.md';
const SKOLKOK = 'ideas/04-utvardering/sund-0xxk9h-mat-matsvinnet-i-skolkoken-med-vag-och-app.md';

interface Validation {
  ok: boolean;
  summary: { files: number; errors: number; warnings: number; total: number };
  changed: { base: string; ref: string | null } | null;
  findings: { file: string; line: number | null; rule: string; severity: string; message: string }[];
}

function edit(root: string, rel: string, change: (text: string) => string): void {
  const abs = path.join(root, rel);
  fs.writeFileSync(abs, change(fs.readFileSync(abs, 'utf8')));
}

/**
 * The Sundsvall example in `sub` of a new repository, committed on main with TILLSYN already broken there, and a
 * branch `feature` checked out. Returns the registry's folder.
 */
function branchOff(sub = ''): string {
  const repo = makeTempRepo();
  const root = path.join(repo, sub);
  fs.cpSync(EXAMPLE, root, { recursive: true });
  edit(root, TILLSYN, (t) => t.replace('created: 2026-03-14', 'created: last spring'));
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'registry'], repo);
  git(['checkout', '-q', '-b', 'feature'], repo);
  return root;
}

describe('ideas validate --changed', () => {
  let root: string;
  beforeAll(() => {
    root = branchOff('kommun/idesluss');
    edit(root, BOKBUSSEN, (t) => t.replace(/^coach: .*\n/m, ''));
    git(['commit', '-q', '-am', 'no coach'], root);
    // A new idea that takes an unchanged idea's id, uncommitted and untracked.
    fs.copyFileSync(path.join(root, NATTKAMERA), path.join(root, 'ideas/90-parkerad/sund-njf5rp-igen.md'));
  });

  it("checks the changed files: exit 1 with the finding's file and line; the broken unchanged file is not checked", () => {
    const r = ideas(['validate', '--changed', '--lang', 'en'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain(BOKBUSSEN);
    expect(r.stdout).toMatch(
      /^ {2}2:1 +error +Does not meet the criteria of stage Refinement: No idea coach is assigned to the idea \[coach\]/m,
    );
    expect(r.stdout).not.toContain(TILLSYN);
    expect(r.stdout).toMatch(
      /^2 of 11 files checked \(changed since [0-9a-f]{7}\): 2 errors and 1 warning in 2 files\.$/m,
    );
    // The whole registry has the broken file too.
    const all = ideas(['validate', '--lang', 'en'], { cwd: root });
    expect(all.stdout).toContain(TILLSYN);
  });

  it("finds a changed file whose id duplicates an unchanged file's", () => {
    const doc = parseJson<Validation>(ideas(['validate', '--changed', '--json'], { cwd: root }));
    expect(doc.findings).toContainEqual(
      expect.objectContaining({
        file: 'ideas/90-parkerad/sund-njf5rp-igen.md',
        line: 2,
        rule: 'id/duplicate',
        message: expect.stringContaining(NATTKAMERA),
      }),
    );
    expect(doc.summary).toEqual({ files: 2, errors: 2, warnings: 1, total: 11 });
    expect(doc.changed?.ref).toBeNull();
    expect(doc.changed?.base).toBe(git(['rev-parse', 'main'], root).trim());
  });

  it('in Swedish from a folder inside the registry, and since a named base', () => {
    const r = ideas(['validate', '--base', 'HEAD'], { cwd: path.join(root, 'ideas') });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(/^1 av 11 filer kontrollerades \(ändrade sedan HEAD\): 1 fel och 1 varning i 1 fil\.$/m);
  });

  it('a base git does not know: exit 2, naming it, without a stack trace', () => {
    const r = ideas(['validate', '--changed', '--base', 'no-such-branch', '--lang', 'en'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Git does not know the revision "no-such-branch"');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('outside a git repository: exit 2 that says so', () => {
    const plain = makeTempDir();
    fs.cpSync(EXAMPLE, plain, { recursive: true });
    const r = ideas(['validate', '--changed', '--lang', 'en'], { cwd: plain });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('is not in a git repository');
    const sv = ideas(['validate', '--changed', '--json'], { cwd: plain });
    expect(parseJson<{ kind: string; error: { code: string; message: string } }>(sv)).toMatchObject({
      kind: 'error',
      error: { code: 'USAGE', message: expect.stringContaining('ligger inte i något git-repo') },
    });
  });
});

describe('ideas validate --format junit', () => {
  const HOSTILE = 'x]]><y a="1">&amp; \'q\' \u0001';

  it('a test case per changed file, a failure per error, warnings in system-out, all escaped', async () => {
    const root = branchOff();
    edit(root, BOKBUSSEN, (t) => t.replace(/^coach: .*\n/m, '').replace(/^unit: .*\n/m, ''));
    edit(root, NATTKAMERA, (t) => t.replace(/^challenge: .*$/m, `challenge: ${JSON.stringify(HOSTILE)}`));
    edit(root, SKOLKOK, (t) => t.replace(/to: evaluation\n(?![\s\S]*to: )/, 'to: spread\n'));
    edit(root, MATSVINN, (t) => t.replace(/^title: .*$/m, 'title: Mindre matsvinn i äldreboendenas kök'));
    const r = ideas(['validate', '--changed', '--format', 'junit', '--lang', 'en'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).not.toContain(']]>');
    const doc = parseXml(r.stdout);
    const suites = findAll(doc, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]?.attributes).toMatchObject({
      name: 'ideas validate: Idésluss Sundsvallsregionen',
      tests: '4',
      failures: '2',
      errors: '0',
    });
    const cases = new Map(findAll(doc, 'testcase').map((c) => [c.attributes.name, c]));
    expect([...cases.keys()].sort()).toEqual([MATSVINN, NATTKAMERA, BOKBUSSEN, SKOLKOK].sort());

    const bokbussen = cases.get(BOKBUSSEN) as XmlElement;
    // Grouped by folder, the same kind of thing for every case.
    expect(bokbussen.attributes.classname).toBe(path.posix.dirname(BOKBUSSEN));
    expect(findAll(doc, 'testcase').map((c) => c.attributes.classname)).toEqual(
      findAll(doc, 'testcase').map((c) => path.posix.dirname(c.attributes.name as string)),
    );
    expect(await junitSchemaErrors(r.stdout)).toEqual([]);
    const failures = findAll(bokbussen, 'failure');
    expect(failures.map((f) => f.attributes.type)).toEqual(['criteria/refinement', 'criteria/refinement']);
    expect(failures[0]?.text).toMatch(new RegExp(`^${BOKBUSSEN}:\\d+:\\d+ criteria/refinement\\n`));
    expect(failures.map((f) => f.attributes.message).join('\n')).toMatch(
      /\[coach\][\s\S]*\[unit\]|\[unit\][\s\S]*\[coach\]/,
    );

    const nattkamera = cases.get(NATTKAMERA) as XmlElement;
    const unknown = findAll(nattkamera, 'failure');
    expect(unknown.map((f) => f.attributes.type)).toEqual(['challenge/unknown']);
    expect(unknown[0]?.attributes.message).toBe(
      `The challenge "${HOSTILE.replace('\u0001', '\\u0001')}" is not in the config.`,
    );

    const skolkok = cases.get(SKOLKOK) as XmlElement;
    expect(findAll(skolkok, 'failure')).toEqual([]);
    expect(findAll(skolkok, 'system-out')[0]?.text).toMatch(
      /^ideas\/04-utvardering\/.*:\d+:\d+ warning history\/stage: /,
    );

    expect(findAll(cases.get(MATSVINN) as XmlElement, 'failure')).toEqual([]);
  });

  it('the whole registry, from the repository root: paths as CI sees them', async () => {
    const root = branchOff('reg');
    const inside = ideas(['validate', '--format', 'junit', '-C', 'reg'], { cwd: path.dirname(root) });
    expect(inside.code, describeRun(inside)).toBe(1);
    const doc = parseXml(inside.stdout);
    expect(findAll(doc, 'testsuite')[0]?.attributes).toMatchObject({ tests: '10', failures: '1' });
    const failed = findAll(doc, 'testcase').filter((c) => findAll(c, 'failure').length > 0);
    expect(failed.map((c) => [c.attributes.name, c.attributes.classname])).toEqual([
      [`reg/${TILLSYN}`, path.posix.dirname(`reg/${TILLSYN}`)],
    ]);
    expect(await junitSchemaErrors(inside.stdout)).toEqual([]);
  });
});

describe('ideas schema', () => {
  let root: string;
  beforeAll(() => {
    root = branchOff();
  });

  it("prints one self-contained JSON Schema for a stage, in the registry's language", () => {
    const r = ideas(['schema', '--stage', 'test'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Idésluss Sundsvallsregionen: en idé i steget Test',
      allOf: [{ $ref: '#/$defs/base' }, { $ref: '#/$defs/stage-test' }, { $ref: '#/$defs/registry' }],
    });
    const refs = [...r.stdout.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) expect(ref).toMatch(/^#\/\$defs\//);
    expect(r.stdout).toContain('"title": "Plan för testet"');
    expect(r.stdout).toContain('"valfard"');
  });

  it('in English, found by its Swedish label; without a stage, the base', () => {
    const en = ideas(['schema', '--stage', 'Förädling', '--lang', 'en'], { cwd: root });
    expect(en.code, describeRun(en)).toBe(0);
    expect(JSON.parse(en.stdout)).toMatchObject({
      title: 'Idésluss Sundsvallsregionen: an idea in the stage Refinement',
    });
    const base = ideas(['schema'], { cwd: root });
    expect(JSON.parse(base.stdout)).toMatchObject({ allOf: [{ $ref: '#/$defs/base' }, { $ref: '#/$defs/registry' }] });
  });

  it('an unknown stage: exit 2 naming the stages', () => {
    const r = ideas(['schema', '--stage', 'nowhere', '--lang', 'en'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown stage "nowhere"');
    expect(r.stderr).toContain('Refinement');
  });
});

describe('ideas schema, criteria that refer to other stages', () => {
  it("takes a $ref into a later stage's file as into an earlier one's, and bundles each part it names", async () => {
    const root = path.join(makeTempDir('ideas-schema-refs-'), 'registry');
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'minimal'), root, { recursive: true });
    git(['init', '-q'], root);
    const write = (file: string, extra: object) =>
      fs.writeFileSync(
        path.join(root, 'criteria', file),
        `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', ...extra }, null, 2)}\n`,
      );
    // The middle stage (doing) names a definition of the last stage's (done) by its $id, and one of the first
    // stage's (idea) by file name: ajv knew only the earlier stages' schemas when it compiled each.
    write('done.schema.json', {
      $id: 'https://example.org/done.json',
      $defs: { member: { type: 'object', properties: { alias: { type: 'string' } } } },
    });
    write('idea.schema.json', { $defs: { size: { type: 'integer', minimum: 1 } } });
    write('doing.schema.json', {
      properties: {
        crew: { type: 'array', items: { $ref: 'https://example.org/done.json#/$defs/member' } },
        size: { $ref: 'idea.schema.json#/$defs/size' },
      },
    });
    const validated = ideas(['validate', '--lang', 'en'], { cwd: root });
    expect(validated.code, describeRun(validated)).toBe(0);

    const r = ideas(['schema', '--stage', 'doing', '--lang', 'en'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    const refs = [...r.stdout.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]);
    expect(refs).toContain('#/$defs/stage-done/$defs/member');
    expect(refs).toContain('#/$defs/stage-idea/$defs/size');
    for (const ref of refs) expect(ref).toMatch(/^#\/\$defs\//);
    // The parts it names are in the document, and only the stage's own are required of an idea.
    expect(JSON.parse(r.stdout)).toMatchObject({ allOf: [{ $ref: '#/$defs/base' }, { $ref: '#/$defs/stage-doing' }] });

    // Loaded as registry-format.md tells a user to load it.
    const { Ajv2020 } = (await import('ajv/dist/2020.js')) as unknown as { Ajv2020: new () => AjvLike };
    const addFormats = ((await import('ajv-formats')) as unknown as { default: (ajv: AjvLike) => void }).default;
    const ajv = new Ajv2020();
    addFormats(ajv);
    ajv.addVocabulary(['x-title', 'x-description', 'x-message', 'x-public', 'x-personal', 'x-aggregate', 'x-spread']);
    const check = ajv.compile(JSON.parse(r.stdout) as object);
    const shown = ideas(['new', '--no-input', '--title', 'Lånecyklar', '--json'], { cwd: root });
    const { idea } = parseJson<{ idea: { path: string } }>(shown);
    const data = parseJson<{ idea: { fields: Record<string, unknown> } }>(
      ideas(['show', path.basename(idea.path).slice(0, 10), '--json'], { cwd: root }),
    ).idea.fields;
    expect(check({ ...data, crew: [{ alias: 'Kim' }], size: 2 }), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...data, crew: [{ alias: 7 }] })).toBe(false);
    expect(check({ ...data, size: 0 })).toBe(false);
  });
});

interface AjvLike {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
  addVocabulary(words: string[]): void;
}
