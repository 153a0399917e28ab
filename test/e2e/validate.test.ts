import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeRun,
  ideas,
  ideasAsync,
  parseJson,
  REPO_ROOT,
  shell,
  STACK_LINE,
  type RunResult,
} from '../helpers/cli.js';
import {
  cloneRegistry,
  ideaText,
  initRegistry,
  markdownFiles,
  readConfig,
  stageDir,
  writeFile,
} from '../helpers/registry.js';
import { copyToTemp, git, makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
}
interface Validation {
  schemaVersion: number;
  kind: string;
  ok: boolean;
  summary: { files: number; errors: number; warnings: number };
  findings: Finding[];
}

function validation(r: RunResult): Validation {
  const doc = parseJson<Validation>(r);
  expect(doc).toMatchObject({ schemaVersion: 1, kind: 'validation' });
  return doc;
}

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const EXAMPLES = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((e) => fs.existsSync(path.join(EXAMPLES_DIR, e, 'ideas.config.yaml')));

describe('ideas validate: registries that are right', () => {
  it('finds the example registries', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['sundsvall', 'helsingborg-kultur', 'skaraborg', 'minimal']));
  });

  it('every example registry passes (exit 0, every idea file checked)', async () => {
    const copies = EXAMPLES.map((e) => ({ name: e, dir: copyToTemp(path.join(EXAMPLES_DIR, e)) }));
    const runs = await Promise.all(copies.map((c) => ideasAsync(['validate', '--format', 'json'], { cwd: c.dir })));
    copies.forEach((c, i) => {
      const r = runs[i] as RunResult;
      expect(r.code, `${c.name}: ${describeRun(r)}`).toBe(0);
      const doc = validation(r);
      expect(doc.ok).toBe(true);
      expect(doc.findings).toEqual([]);
      expect(doc.summary.files, c.name).toBe(
        markdownFiles(path.join(c.dir, 'ideas')).filter((f) => !/readme\.md$/i.test(f)).length,
      );
      expect(doc.summary.files, c.name).toBeGreaterThan(0);
    });
  });

  it("the repository's own registry of feature ideas passes", () => {
    const dir = makeTempDir();
    fs.copyFileSync(path.join(REPO_ROOT, 'ideas.config.yaml'), path.join(dir, 'ideas.config.yaml'));
    fs.cpSync(path.join(REPO_ROOT, 'ideas'), path.join(dir, 'ideas'), { recursive: true });
    const r = ideas(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(validation(r).ok).toBe(true);
  });
});

/** A registry fresh from `ideas init --template minimal --lang en`, copied for each test. */
let minimal: string;
/** The same from the sundsvall template, in Swedish. */
let sundsvall: string;

beforeAll(() => {
  minimal = initRegistry('minimal', 'en', { git: false });
  sundsvall = initRegistry('sundsvall', 'sv', { git: false });
  // The files below are written where the English registry has its first two stages, with its ids' prefix.
  const config = readConfig(minimal);
  expect([stageDir(config, 'idea'), stageDir(config, 'doing'), config.idPrefix]).toEqual([
    'ideas/01-idea',
    'ideas/02-in-progress',
    'idea',
  ]);
});

const GOOD = (id: string, title = 'A good idea') => ideaText({ id, title });

interface BrokenCase {
  name: string;
  /** Relative to the registry. */
  file: string;
  content: string | Buffer;
  rule: string;
  line?: number;
  /** Other files written first. */
  others?: Record<string, string>;
}

const ALIAS_BOMB = [
  '---',
  'id: idea-aaaaaa',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'title: *h',
  '---',
  '',
].join('\n');

const F = 'ideas/01-idea/idea-aaaaaa-idea.md';

const BROKEN: BrokenCase[] = [
  {
    name: 'front matter ---javascript',
    file: F,
    content: "---javascript\n({ id: 'idea-aaaaaa', title: 'x' })\n---\n",
    rule: 'front-matter/opening',
    line: 1,
  },
  {
    name: 'front matter ---JS in capitals',
    file: F,
    content: "---JS\n({ id: 'idea-aaaaaa' })\n---\n",
    rule: 'front-matter/opening',
    line: 1,
  },
  {
    name: 'a duplicate key',
    file: F,
    content: '---\nid: idea-aaaaaa\ntitle: First\ncreated: 2026-01-15\ntitle: Second\n---\n',
    rule: 'front-matter/duplicate-key',
    line: 5,
  },
  {
    name: 'a !!js/function tag',
    file: F,
    content: "---\nid: idea-aaaaaa\ntitle: !!js/function 'function () { return 1 }'\ncreated: 2026-01-15\n---\n",
    rule: 'front-matter/unknown-tag',
    line: 3,
  },
  { name: 'an alias bomb', file: F, content: ALIAS_BOMB, rule: 'front-matter/alias-limit' },
  {
    // The yaml package reads this as title `Lånecykel'` and carrier `Anna`, without an error.
    name: "a single-quoted title whose line ends in an escaped quote, closed by the next line's quote",
    file: F,
    content: "---\nid: idea-aaaaaa\ntitle: 'Lånecykel''\ncarrier: 'Anna'\ncreated: 2026-01-15\n---\n",
    rule: 'front-matter/yaml',
    line: 3,
  },
  {
    name: 'a key __proto__',
    file: F,
    content: '---\nid: idea-aaaaaa\ntitle: x\n__proto__: { polluted: true }\ncreated: 2026-01-15\n---\n',
    rule: 'front-matter/forbidden-key',
    line: 4,
  },
  {
    name: 'a key constructor in a history entry, beside an anchor',
    file: F,
    content:
      '---\nid: idea-aaaaaa\ntitle: &t x\ncreated: 2026-01-15\nhistory:\n  - date: 2026-01-15\n    constructor: *t\n---\n',
    rule: 'front-matter/forbidden-key',
    line: 7,
  },
  {
    name: 'front matter that is a list',
    file: F,
    content: '---\n- id: idea-aaaaaa\n- title: x\n---\n',
    rule: 'front-matter/not-mapping',
    line: 2,
  },
  {
    name: 'front matter that is a scalar',
    file: F,
    content: '---\njust some words\n---\n',
    rule: 'front-matter/not-mapping',
    line: 2,
  },
  {
    name: 'no closing ---',
    file: F,
    content: '---\nid: idea-aaaaaa\ntitle: x\ncreated: 2026-01-15\n\nThe text.\n',
    rule: 'front-matter/unclosed',
    line: 1,
  },
  {
    name: 'no front matter at all',
    file: F,
    content: '# Just Markdown\n\nNo fields.\n',
    rule: 'front-matter/missing',
    line: 1,
  },
  {
    name: 'invalid UTF-8',
    file: F,
    content: Buffer.concat([
      Buffer.from('---\nid: idea-aaaaaa\ntitle: '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\ncreated: 2026-01-15\n---\n'),
    ]),
    rule: 'file/encoding',
    line: 3,
  },
  { name: 'an empty file', file: F, content: '', rule: 'file/empty', line: 1 },
  {
    name: 'a binary file named .md',
    file: F,
    content: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
    rule: 'file/binary',
  },
  {
    name: 'a file in an unknown folder',
    file: 'ideas/05-okand/idea-aaaaaa-idea.md',
    content: GOOD('idea-aaaaaa'),
    rule: 'layout/unknown-folder',
    line: 1,
  },
  {
    name: 'a file in a subfolder of a stage',
    file: 'ideas/01-idea/sub/idea-aaaaaa-idea.md',
    content: GOOD('idea-aaaaaa'),
    rule: 'layout/unknown-folder',
  },
  {
    name: 'a .md directly in the ideas folder',
    file: 'ideas/idea-aaaaaa-idea.md',
    content: GOOD('idea-aaaaaa'),
    rule: 'layout/outside-stage',
    line: 1,
  },
  {
    name: 'a file name that does not match the id',
    file: 'ideas/01-idea/idea-bbbbbb-idea.md',
    content: GOOD('idea-aaaaaa'),
    rule: 'id/file-name',
    line: 2,
  },
  {
    name: 'two files with the same id',
    file: 'ideas/02-in-progress/idea-aaaaaa-second.md',
    content: GOOD('idea-aaaaaa', 'The second'),
    others: { 'ideas/01-idea/idea-aaaaaa-first.md': GOOD('idea-aaaaaa', 'The first') },
    rule: 'id/duplicate',
    line: 2,
  },
  { name: 'a missing title', file: F, content: '---\nid: idea-aaaaaa\ncreated: 2026-01-15\n---\n', rule: 'schema' },
  {
    name: 'an id of the wrong form',
    file: 'ideas/01-idea/idea_1-idea.md',
    content: GOOD('idea_1'),
    rule: 'schema',
    line: 2,
  },
  {
    name: 'a date that is not a date',
    file: F,
    content: '---\nid: idea-aaaaaa\ntitle: x\ncreated: yesterday\n---\n',
    rule: 'schema',
    line: 4,
  },
];

/** Runs validate on a registry holding only `files`, and checks what every broken-file test must hold. */
function validateAlone(
  base: string,
  files: Record<string, string | Buffer>,
  args: string[] = [],
): { dir: string; r: RunResult; doc: Validation } {
  const dir = cloneRegistry(base);
  for (const [rel, content] of Object.entries(files)) writeFile(dir, rel, content);
  const r = ideas(['validate', '--format', 'json', ...args], { cwd: dir, timeoutMs: 15_000 });
  expect(r.stderr, 'no stack trace').not.toMatch(STACK_LINE);
  return { dir, r, doc: validation(r) };
}

describe('ideas validate: one broken file, alone in the registry', () => {
  it('front matter ---js is never executed', () => {
    const marker = path.join(makeTempDir(), 'executed');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); ({ id: 'idea-aaaaaa', title: 'x', created: '2026-01-15' })`;
    const content = `---js\n${code}\n---\n`;
    const { r, doc } = validateAlone(minimal, { [F]: content });
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings).toContainEqual(
      expect.objectContaining({ file: F, line: 1, rule: 'front-matter/opening', severity: 'error' }),
    );

    // Nor by the commands that only read.
    const dir = cloneRegistry(minimal);
    writeFile(dir, F, content);
    expect(ideas(['list', '--json'], { cwd: dir }).code).toBe(0);
    expect(ideas(['show', 'idea-aaaaaa'], { cwd: dir }).code).toBe(2);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('a committed file broken since gets the git line that brings it back, which runs as printed; a new one none', () => {
    const dir = initRegistry('minimal', 'en');
    writeFile(dir, F, ideaText({ id: 'idea-aaaaaa', title: 'Lånecykel' }));
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'idea'], dir);
    const whole = fs.readFileSync(path.join(dir, F), 'utf8');
    fs.writeFileSync(path.join(dir, F), whole.replace('title: Lånecykel', 'title: Trygghet: vandringar'));
    writeFile(dir, 'ideas/01-idea/idea-bbbbbb-new.md', '---\nid: idea-bbbbbb\ntitle: Ny: idé\n---\n');
    // From the stage's folder: the path is given from where the command runs.
    const cwd = path.join(dir, 'ideas', '01-idea');
    const r = ideas(['validate', '--lang', 'en'], { cwd });
    expect(r.code, describeRun(r)).toBe(1);
    const lines = r.stdout.split('\n').map((l) => l.trim());
    expect(lines).toContain('git checkout HEAD -- idea-aaaaaa-idea.md');
    expect(r.stdout).toContain('Or bring back the file as it was at the last commit');
    expect(lines.filter((l) => l.startsWith('git checkout'))).toHaveLength(1);
    const run = shell('git checkout HEAD -- idea-aaaaaa-idea.md', cwd);
    expect(run.code, describeRun(run)).toBe(0);
    expect(fs.readFileSync(path.join(dir, F), 'utf8')).toBe(whole);
  });

  it('a text the yaml package would read and the reader refuses is refused by list, show and validate alike', () => {
    // The package reads it as title `Lånecykel'` and carrier `Anna`; it is not YAML (PyYAML refuses it too).
    const dir = cloneRegistry(minimal);
    writeFile(dir, F, "---\nid: idea-aaaaaa\ntitle: 'Lånecykel''\ncarrier: 'Anna'\ncreated: 2026-01-15\n---\n");
    const list = ideas(['list', '--json'], { cwd: dir });
    expect(list.code, describeRun(list)).toBe(0);
    expect(parseJson<{ ideas: { id: string }[] }>(list).ideas.map((i) => i.id)).not.toContain('idea-aaaaaa');
    expect(list.stderr).toMatch(/^1 file could not be read \(not shown\)/m);
    expect(ideas(['show', 'idea-aaaaaa'], { cwd: dir }).code).toBe(2);
    const r = ideas(['validate', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(validation(r).findings).toContainEqual(
      expect.objectContaining({ file: F, rule: 'front-matter/yaml', line: 3, column: 8 }),
    );
  });

  it.each(BROKEN)('$name → exit 1, finding $rule on the file', ({ file, content, rule, line, others }) => {
    const started = Date.now();
    const { r, doc } = validateAlone(minimal, { ...others, [file]: content });
    expect(Date.now() - started, 'no blow-up').toBeLessThan(10_000);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.ok).toBe(false);
    const mine = doc.findings.filter((f) => f.file === file);
    expect(
      mine.map((f) => f.rule),
      JSON.stringify(doc.findings),
    ).toContain(rule);
    const found = mine.find((f) => f.rule === rule) as Finding;
    expect(found.severity).toBe('error');
    expect(typeof found.line).toBe('number');
    expect(found.line).toBeGreaterThanOrEqual(1);
    if (line !== undefined) expect(found.line, found.message).toBe(line);
    expect(found.message.length).toBeGreaterThan(0);
    expect(found.hint, 'says what to do').toBeTruthy();
  });

  it('two files with the same id: the finding names the other file', () => {
    const { doc } = validateAlone(minimal, {
      'ideas/01-idea/idea-aaaaaa-first.md': GOOD('idea-aaaaaa'),
      'ideas/02-in-progress/idea-aaaaaa-second.md': GOOD('idea-aaaaaa'),
    });
    const dup = doc.findings.find((f) => f.rule === 'id/duplicate') as Finding;
    expect(dup.file).toBe('ideas/02-in-progress/idea-aaaaaa-second.md');
    expect(dup.message).toContain('ideas/01-idea/idea-aaaaaa-first.md');
  });

  it('a criteria failure (sundsvall test stage without its fields) names each missing field', () => {
    const file = 'ideas/03-test/sund-aaaaaa-idea.md';
    const { r, doc } = validateAlone(
      sundsvall,
      { [file]: ideaText({ id: 'sund-aaaaaa', title: 'Läsplattor', carrier: 'Bo' }) },
      ['--lang', 'en'],
    );
    expect(r.code, describeRun(r)).toBe(1);
    const criteria = doc.findings.filter((f) => f.rule === 'criteria/test');
    for (const f of criteria) {
      expect(f.file).toBe(file);
      expect(typeof f.line).toBe('number');
    }
    const text = criteria.map((f) => f.message).join('\n');
    for (const field of ['coach', 'unit', 'challenge', 'test_plan', 'manager_support']) expect(text).toContain(field);
    expect(text).not.toMatch(/\[carrier\]/);
    expect(text).toContain('Test');
  });

  it("a criteria failure on one field points at that field's line", () => {
    const file = 'ideas/03-test/sund-aaaaaa-idea.md';
    const content = ideaText({
      id: 'sund-aaaaaa',
      title: 'Läsplattor',
      carrier: 'Bo',
      coach: 'Cia',
      unit: 'Skola',
      challenge: 'valfard',
      test_plan: 'short',
      manager_support: 'true',
    });
    const { r, doc } = validateAlone(sundsvall, { [file]: content }, ['--lang', 'en']);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.findings).toHaveLength(1);
    const lineOfPlan = content.split('\n').findIndex((l) => l.startsWith('test_plan:')) + 1;
    expect(doc.findings[0]).toMatchObject({ file, rule: 'criteria/test', line: lineOfPlan });
    expect(doc.findings[0]?.message).toContain('test_plan');
  });

  it('a base field of the wrong kind (tags written as text) names the edit line that sets it right', () => {
    const file = 'ideas/01-ide/sund-aaaaaa-idea.md';
    const { dir } = validateAlone(sundsvall, {
      [file]: ideaText({ id: 'sund-aaaaaa', title: 'Läsplattor', tags: 'omsorg, digitalt' }),
    });
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain('Taggar [tags]: ska vara en lista  schema\n');
    expect(r.stdout).toContain("→ Rätta fältet:\n                       ideas edit sund-aaaaaa --set 'tags=<a,b>'\n");
    // The line runs as printed, with the words in its place.
    expect(ideas(['edit', 'sund-aaaaaa', '--set', 'tags=omsorg,digitalt'], { cwd: dir }).code).toBe(0);
    expect(ideas(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('a challenge that is not in the config → challenge/unknown', () => {
    const file = 'ideas/01-ide/sund-aaaaaa-idea.md';
    const { r, doc } = validateAlone(sundsvall, {
      [file]: ideaText({ id: 'sund-aaaaaa', title: 'x', challenge: 'rymden' }),
    });
    expect(r.code).toBe(1);
    expect(doc.findings).toContainEqual(expect.objectContaining({ file, rule: 'challenge/unknown', line: 4 }));
  });
});

describe('ideas validate: files that must be accepted', () => {
  it.each([
    { name: 'a byte order mark', content: `\uFEFF${GOOD('idea-aaaaaa', 'With BOM')}Text.\n` },
    { name: 'CRLF line endings', content: `${GOOD('idea-aaaaaa', 'With CRLF')}Text.\n`.replace(/\n/g, '\r\n') },
    { name: 'CRLF and a BOM', content: `\uFEFF${GOOD('idea-aaaaaa', 'With both')}Text.\n`.replace(/\n/g, '\r\n') },
    {
      name: 'a README.md in a stage folder',
      content: GOOD('idea-aaaaaa', 'Beside a readme'),
      extra: { 'ideas/01-idea/README.md': '# Not an idea\n' },
    },
    { name: 'no final line break and no body', content: GOOD('idea-aaaaaa', 'Short').replace(/\n$/, '') },
  ])('$name → exit 0, and list reads the idea', ({ content, extra }) => {
    const dir = cloneRegistry(minimal);
    writeFile(dir, F, content);
    for (const [rel, text] of Object.entries(extra ?? {})) writeFile(dir, rel, text);
    const r = ideas(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(validation(r)).toMatchObject({ ok: true, findings: [], summary: { files: 1 } });
    const list = ideas(['list', '--json'], { cwd: dir });
    const listed = parseJson<{ ideas: { id: string; title: string }[] }>(list).ideas;
    expect(listed).toHaveLength(1);
    expect(listed[0]?.id).toBe('idea-aaaaaa');
    expect(listed[0]?.title).not.toMatch(/[\r\uFEFF]/);
  });
});

describe('ideas validate: output formats and options', () => {
  let twoProblems: string;
  beforeAll(() => {
    twoProblems = cloneRegistry(minimal);
    writeFile(twoProblems, 'ideas/01-idea/idea-bbbbbb-idea.md', GOOD('idea-aaaaaa'));
    writeFile(twoProblems, 'ideas/02-in-progress/idea-cccccc-ok.md', GOOD('idea-cccccc'));
    writeFile(
      twoProblems,
      'ideas/01-idea/idea-dddddd-moved.md',
      ideaText({
        id: 'idea-dddddd',
        title: 'Moved by hand',
        history: '\n  - { date: 2026-01-15, action: moved, from: idea, to: doing }',
      }),
    );
  });

  it('pretty: file, line:column, severity, message, rule and hint; exit 1', () => {
    const r = ideas(['validate'], { cwd: twoProblems });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain('ideas/01-idea/idea-bbbbbb-idea.md');
    expect(r.stdout).toMatch(/\b2:\d+\s+error\s/);
    expect(r.stdout).toContain('id/file-name');
    expect(r.stdout).toContain('history/stage');
    expect(r.stdout).toMatch(/3 files checked/);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).toBe('');
  });

  it('--format github: one workflow command per finding', () => {
    const r = ideas(['validate', '--format', 'github'], { cwd: twoProblems });
    expect(r.code, describeRun(r)).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=ideas\/01-idea\/idea-bbbbbb-idea\.md,line=2,col=\d+,title=[^:]*id\/file-name::/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=ideas\/01-idea\/idea-dddddd-moved\.md,line=\d+,col=\d+,title=[^:]*history\/stage::/,
      ),
    );
  });

  it('--format github: paths are relative to the working directory (the repository root in CI)', () => {
    // Run from the parent folder: the path must lead from there to the file.
    const name = path.basename(twoProblems);
    const r = ideas(['validate', '--format', 'github', '-C', name], { cwd: path.dirname(twoProblems) });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain(`file=${name}/ideas/01-idea/idea-bbbbbb-idea.md,`);
  });

  it('--json is the same as --format json', () => {
    const r = ideas(['validate', '--json'], { cwd: twoProblems });
    expect(r.code).toBe(1);
    const doc = validation(r);
    expect(doc.summary).toEqual({ files: 3, errors: 1, warnings: 1, total: 3 });
  });

  it('a warning alone passes; --strict makes it fail', () => {
    const dir = cloneRegistry(minimal);
    writeFile(
      dir,
      'ideas/01-idea/idea-dddddd-moved.md',
      ideaText({
        id: 'idea-dddddd',
        title: 'Moved by hand',
        history: '\n  - { date: 2026-01-15, action: moved, from: idea, to: doing }',
      }),
    );
    const lax = ideas(['validate', '--format', 'json'], { cwd: dir });
    expect(lax.code, describeRun(lax)).toBe(0);
    const doc = validation(lax);
    expect(doc.ok).toBe(true);
    expect(doc.findings).toEqual([
      expect.objectContaining({
        file: 'ideas/01-idea/idea-dddddd-moved.md',
        rule: 'history/stage',
        severity: 'warning',
        line: 5,
      }),
    ]);

    const strict = ideas(['validate', '--strict', '--format', 'json'], { cwd: dir });
    expect(strict.code, describeRun(strict)).toBe(1);
    expect(validation(strict)).toMatchObject({ ok: false, strict: true, summary: { errors: 0, warnings: 1 } });
    expect(doc).toMatchObject({ strict: false });
    // Every format says why a run with no error failed (a newcomer saw "no errors, 1 warning" and a red CI step).
    const text = ideas(['validate', '--strict', '--lang', 'en'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('With --strict, the warnings count as errors.');
    const github = ideas(['validate', '--strict', '--format', 'github'], { cwd: dir });
    expect(github.stdout).toMatch(/^::error file=ideas\/01-idea\/idea-dddddd-moved\.md,/);
    const laxGithub = ideas(['validate', '--format', 'github'], { cwd: dir });
    expect(laxGithub.stdout).toMatch(/^::warning file=/);
  });

  it('an unknown format → exit 2 naming the choices', () => {
    const r = ideas(['validate', '--format', 'xml'], { cwd: twoProblems });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    for (const f of ['pretty', 'json', 'github']) expect(r.stderr).toContain(f);
  });
});

describe('ideas validate <paths>', () => {
  let dir: string;
  beforeAll(() => {
    dir = cloneRegistry(minimal);
    writeFile(dir, 'ideas/01-idea/idea-aaaaaa-good.md', GOOD('idea-aaaaaa'));
    writeFile(dir, 'ideas/02-in-progress/idea-bbbbbb-bad.md', '---\nid: idea-bbbbbb\ntitle: [\n---\n');
  });

  it.each([
    { name: 'a good file', paths: ['ideas/01-idea/idea-aaaaaa-good.md'], code: 0, files: 1 },
    { name: 'the folder of the good file', paths: ['ideas/01-idea'], code: 0, files: 1 },
    { name: 'the folder of the good file, with a trailing slash', paths: ['ideas/01-idea/'], code: 0, files: 1 },
    { name: 'the broken file', paths: ['ideas/02-in-progress/idea-bbbbbb-bad.md'], code: 1, files: 1 },
    { name: 'both folders', paths: ['ideas/01-idea', 'ideas/02-in-progress'], code: 1, files: 2 },
    { name: 'the ideas folder', paths: ['ideas'], code: 1, files: 2 },
  ])('$name → checks only those (exit $code)', ({ paths, code, files }) => {
    const r = ideas(['validate', '--format', 'json', ...paths], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(code);
    const doc = validation(r);
    expect(doc.summary.files).toBe(files);
    for (const f of doc.findings) expect(f.file).toBe('ideas/02-in-progress/idea-bbbbbb-bad.md');
  });

  it('an absolute path and a path from a subfolder work too', () => {
    const abs = ideas(['validate', '--format', 'json', path.join(dir, 'ideas/01-idea/idea-aaaaaa-good.md')], {
      cwd: dir,
    });
    expect(abs.code, describeRun(abs)).toBe(0);
    const sub = ideas(['validate', '--format', 'json', 'idea-aaaaaa-good.md'], {
      cwd: path.join(dir, 'ideas/01-idea'),
    });
    expect(sub.code, describeRun(sub)).toBe(0);
    expect(validation(sub).summary.files).toBe(1);
  });

  it('a path outside the registry → exit 2; with --json an error document', () => {
    const outside = makeTempDir();
    const r = ideas(['validate', outside], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(outside);
    expect(r.stderr).not.toMatch(STACK_LINE);

    const j = ideas(['validate', '--json', '..'], { cwd: dir });
    expect(j.code, describeRun(j)).toBe(2);
    const doc = parseJson<{ schemaVersion: number; kind: string; error: { code: string; message: string } }>(j);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'error', error: { code: 'USAGE' } });
    expect(doc.error.message.length).toBeGreaterThan(0);
  });

  it('a path that does not exist → exit 2', () => {
    const r = ideas(['validate', 'ideas/01-idea/nothing.md'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('nothing.md');
  });
});

describe('ideas validate: a broken config', () => {
  function withConfig(edit: (text: string) => string): string {
    const dir = cloneRegistry(minimal);
    const file = path.join(dir, 'ideas.config.yaml');
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    return dir;
  }
  /** The 1-based line of the first line of `text` that starts with `start`. */
  function lineOf(dir: string, start: string): number {
    return (
      fs
        .readFileSync(path.join(dir, 'ideas.config.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith(start)) + 1
    );
  }

  it.each([
    { name: 'bad YAML', edit: (t: string) => t.replace('idPrefix: idea', 'idPrefix: idea: x'), at: 'idPrefix:' },
    {
      name: 'an unknown key',
      edit: (t: string) => t.replace('idPrefix: idea', 'idPrefix: idea\ncolour: blue'),
      at: 'colour:',
    },
    { name: 'language: de', edit: (t: string) => t.replace('language: en', 'language: de'), at: 'language:' },
    {
      name: 'a stage whose next is not a stage',
      edit: (t: string) => t.replace('next: [ doing ]', 'next: [ doing, nowhere ]'),
      at: '    next: [ doing, nowhere ]',
    },
    {
      name: 'a duplicate key',
      edit: (t: string) => t.replace('idPrefix: idea', 'idPrefix: idea\nidPrefix: abc'),
      at: 'idPrefix: abc',
    },
  ])('$name → exit 2 naming ideas.config.yaml and the line', ({ edit, at }) => {
    const dir = withConfig(edit);
    const line = lineOf(dir, at);
    expect(line).toBeGreaterThan(0);
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ideas.config.yaml:${line}`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('the details of a config error say config, not front matter', () => {
    for (const edit of [
      (t: string) => t.replace('idPrefix: idea', 'idPrefix: idea: x'),
      (t: string) => t.replace('idPrefix: idea', 'idPrefix: idea\ncolour: blue'),
    ]) {
      const r = ideas(['validate'], { cwd: withConfig(edit) });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/front.matter/i);
    }
  });

  it('in a Swedish registry, every line of a config error is in Swedish', () => {
    const dir = cloneRegistry(sundsvall);
    const file = path.join(dir, 'ideas.config.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('idPrefix: sund', 'idPrefix: sund\ncolour: blue'));
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('Konfigurationen');
    expect(r.stderr).toContain('colour');
    expect(r.stderr).not.toMatch(/\b(the|is|not|allowed|here)\b/);
  });

  it('a missing criteria file → exit 2 naming it', () => {
    const dir = cloneRegistry(minimal);
    fs.rmSync(path.join(dir, 'criteria', 'doing.schema.json'));
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('criteria/doing.schema.json');
  });

  it('a criteria file that is not JSON → exit 2 naming it', () => {
    const dir = cloneRegistry(minimal);
    fs.writeFileSync(path.join(dir, 'criteria', 'doing.schema.json'), '{ "type": "object", }');
    const r = ideas(['validate', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson<{ kind: string; error: { message: string } }>(r)).toMatchObject({
      kind: 'error',
      error: { code: 'CONFIG_INVALID' },
    });
    expect(r.stdout).toContain('criteria/doing.schema.json');
  });

  it('a config or criteria file saved as Windows-1252 → exit 2 naming it and its line, never labels with U+FFFD', () => {
    const latin1 = (file: string, edit: (t: string) => string) =>
      fs.writeFileSync(file, Buffer.from(edit(fs.readFileSync(file, 'utf8')), 'latin1'));
    const dir = cloneRegistry(minimal);
    latin1(path.join(dir, 'ideas.config.yaml'), (t) => t.replace(/^name: .*$/m, 'name: Idésluss i Härnösand'));
    const line = lineOf(dir, 'name:');
    for (const args of [['validate'], ['list']]) {
      const r = ideas(args, { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`ideas.config.yaml is not saved as UTF-8 (line ${line} `);
      expect(r.stdout + r.stderr).not.toContain('\uFFFD');
    }
    const other = cloneRegistry(minimal);
    latin1(path.join(other, 'criteria', 'doing.schema.json'), (t) =>
      t.replace('"type"', '"description": "Pågår", "type"'),
    );
    const r = ideas(['validate'], { cwd: other });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toMatch(/criteria\/doing\.schema\.json is not saved as UTF-8 \(line \d+ /);
  });
});

describe('ideas validate: language of the messages', () => {
  let dir: string;
  beforeAll(() => {
    dir = cloneRegistry(sundsvall);
    writeFile(dir, 'ideas/01-ide/sund-bbbbbb-idea.md', GOOD('sund-aaaaaa'));
  });

  it('a Swedish registry speaks Swedish by default', () => {
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(/\bfel\b/);
    expect(r.stdout).toMatch(/kontrollerade?\b/);
    expect(r.stdout).not.toMatch(/\berror\b/);
  });

  it('… whatever the locale says', () => {
    const r = ideas(['validate'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(r.stdout).toMatch(/kontrollerade?\b/);
  });

  it('--lang en speaks English', () => {
    const r = ideas(['validate', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(/\berror\b/);
    expect(r.stdout).toMatch(/\bfiles? checked/);
    expect(r.stdout).toContain('The file name does not match');
    expect(r.stdout).not.toMatch(/kontrollerade?\b/);
  });

  it('the summary of one file with one problem is grammatical', () => {
    const sv = ideas(['validate'], { cwd: dir });
    expect(sv.stdout).not.toMatch(/\b1 (filer|varningar)\b/);
    expect(sv.stdout).toContain('1 fil kontrollerad: 1 fel och 0 varningar i 1 fil.');
    const en = ideas(['validate', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).not.toMatch(/\b1 (files|errors|warnings|problems)\b/);
    expect(en.stdout).toContain('1 file checked: 1 error and 0 warnings in 1 file.');
  });

  it("usage errors are in the registry's language too", () => {
    const r = ideas(['validate', '--format', 'xml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ideas: Flaggan --format kan inte vara "xml"/);
  });
});
