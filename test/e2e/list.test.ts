import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import { cloneRegistry, ideaText, initRegistry, readConfig, writeFile } from '../helpers/registry.js';
import { misalignedRows, terminalWidth } from '../helpers/table.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface ListedIdea {
  id: string | null;
  title: string | null;
  stage: string;
  path: string;
  created: string | null;
  carrier: string | null;
  coach: string | null;
  unit: string | null;
  challenge: string | null;
  tags: string[];
  [key: string]: unknown;
}
interface IdeaList {
  schemaVersion: number;
  kind: string;
  ideas: ListedIdea[];
}

/**
 * A sundsvall registry (English) with ideas in three stages, written by hand so that their ids, dates and fields
 * are known: long titles and carriers to make the table truncate, Swedish letters, tags.
 */
/** util-linux `script`: runs a command on a pseudo-terminal, whose width `stty` sets. */
const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** The lines `ideas <args>` prints on a terminal `columns` wide. */
function inTerminal(args: string[], cwd: string, columns: number): string[] {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', `stty cols ${columns} rows 40; ${command}`, '/dev/null'], {
    cwd,
    env: cliEnv({ CI: undefined }),
    encoding: 'utf8',
  });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  return r.stdout.replace(/\r/g, '').replace(/\n$/, '').split('\n');
}

let sund: string;
/** A minimal registry whose stage folders sort against the stage order: c-ide (first), b-pagar, a-klar (last). */
let reordered: string;

beforeAll(() => {
  sund = initRegistry('sundsvall', 'en', { git: false });
  // The paths below are the English registry's folders.
  expect(readConfig(sund).stages.map((s) => s.folder)).toEqual(expect.arrayContaining(['01-idea', '02-refinement']));
  writeFile(
    sund,
    'ideas/01-idea/sund-aaaaaa-cykelpool.md',
    ideaText({ id: 'sund-aaaaaa', title: 'Cykelpool', tags: '[Mobilitet, klimat]' }),
  );
  writeFile(
    sund,
    'ideas/01-idea/sund-bbbbbb-trygghetslarm.md',
    ideaText({
      id: 'sund-bbbbbb',
      title: 'Digitala trygghetslarm i hemtjänsten som larmar anhöriga och personal samtidigt när något händer',
      carrier: 'Anna-Karin Östlund Westerberg-Lindqvist',
      created: '2026-02-01',
      tags: '[vård]',
    }),
  );
  writeFile(
    sund,
    'ideas/02-refinement/sund-cccccc-aterbruk.md',
    ideaText({
      id: 'sund-cccccc',
      title: 'Återbruk av möbler',
      carrier: 'Åsa Öberg',
      coach: 'Per',
      unit: 'Servicecenter',
      challenge: 'klimat',
      tags: '[klimat]',
    }),
  );
  writeFile(
    sund,
    'ideas/03-test/sund-dddddd-lasplatta.md',
    ideaText({
      id: 'sund-dddddd',
      title: 'Läsplattor i skolan',
      carrier: 'Bo',
      coach: 'Cia',
      unit: 'Skola',
      challenge: 'valfard',
      test_plan: 'Test in two classes during the spring term',
      manager_support: 'true',
    }),
  );

  reordered = initRegistry('minimal', 'en', { git: false });
  const configPath = path.join(reordered, 'ideas.config.yaml');
  const renames = readConfig(reordered).stages.map((s, i) => [s.folder, ['c-ide', 'b-pagar', 'a-klar'][i]] as const);
  expect(renames).toHaveLength(3);
  let config = fs.readFileSync(configPath, 'utf8');
  for (const [from, to] of renames) {
    config = config.replace(`folder: ${from}\n`, `folder: ${to}\n`);
    fs.renameSync(path.join(reordered, 'ideas', from), path.join(reordered, 'ideas', to as string));
  }
  fs.writeFileSync(configPath, config);
  expect(readConfig(reordered).stages.map((s) => s.folder)).toEqual(['c-ide', 'b-pagar', 'a-klar']);
  writeFile(
    reordered,
    'ideas/a-klar/ide-aaaaaa-done.md',
    ideaText({ id: 'ide-aaaaaa', title: 'Done', created: '2025-01-01' }),
  );
  writeFile(
    reordered,
    'ideas/b-pagar/ide-bbbbbb-doing.md',
    ideaText({ id: 'ide-bbbbbb', title: 'Doing', created: '2025-01-01' }),
  );
  writeFile(
    reordered,
    'ideas/c-ide/ide-zzzzzz-new.md',
    ideaText({ id: 'ide-zzzzzz', title: 'New', created: '2026-03-01' }),
  );
  writeFile(
    reordered,
    'ideas/c-ide/ide-yyyyyy-old.md',
    ideaText({ id: 'ide-yyyyyy', title: 'Old', created: '2025-01-01' }),
  );
});

describe('ideas list: the table', () => {
  it('piped to another program: a header, aligned columns, and every title whole, however long', () => {
    const r = ideas(['list'], { cwd: sund });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines[0]).toMatch(/^ID\s{2,}TITLE\s{2,}STAGE\s{2,}AGE\s{2,}CARRIER$/);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.slice(0, 11))).toEqual([
      'sund-aaaaaa',
      'sund-bbbbbb',
      'sund-cccccc',
      'sund-dddddd',
    ]);
    expect(misalignedRows(lines)).toEqual([]);
    expect(r.stdout).toContain(
      'Digitala trygghetslarm i hemtjänsten som larmar anhöriga och personal samtidigt när något händer',
    );
    expect(r.stdout).toContain('Anna-Karin Östlund Westerberg-Lindqvist');
    expect(r.stdout).not.toContain('…');
    expect(r.stdout).not.toContain('\x1b[');
    // grep finds an idea by any word of its title.
    const grep = spawnSync('grep', ['samtidigt när något händer'], { input: r.stdout, encoding: 'utf8' });
    expect(grep.stdout).toMatch(/^sund-bbbbbb/);
  });

  it.skipIf(!HAS_SCRIPT)('in a terminal 80 columns wide: no line wider, long titles cut with an ellipsis', () => {
    const lines = inTerminal(['list'], sund, 80);
    expect(lines[0]).toMatch(/^ID\s{2,}TITLE\s{2,}STAGE\s{2,}AGE\s{2,}CARRIER$/);
    for (const line of lines) expect(terminalWidth(line), line).toBeLessThanOrEqual(80);
    expect(misalignedRows(lines)).toEqual([]);
    expect(lines.join('\n')).toContain('Digitala trygghetslarm');
    expect(lines.join('\n')).toContain('…');
  });

  it("is in the registry's language (Swedish headers in a Swedish registry)", () => {
    const dir = cloneRegistry(sund);
    fs.writeFileSync(
      path.join(dir, 'ideas.config.yaml'),
      fs.readFileSync(path.join(dir, 'ideas.config.yaml'), 'utf8').replace('language: en', 'language: sv'),
    );
    const r = ideas(['list'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines[0]).toMatch(/^ID\s{2,}TITEL\s{2,}STEG\s{2,}ÅLDER\s{2,}IDÉBÄRARE$/);
    expect(misalignedRows(lines)).toEqual([]);
  });

  // Titles are typed by people: an emoji or a word in Chinese takes two columns in a terminal.
  it('keeps columns aligned with wide characters in a title, piped and within 80 columns in a terminal', () => {
    const dir = cloneRegistry(sund);
    const title = '🚲🚲 Cykelpool för 自転車 pendlare i hela kommunen och i regionen runt omkring';
    writeFile(
      dir,
      'ideas/01-idea/sund-eeeeee-cykel.md',
      ideaText({
        id: 'sund-eeeeee',
        title,
        carrier: 'Li Wei 李伟',
      }),
    );
    const r = ideas(['list'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(misalignedRows(lines)).toEqual([]);
    expect(r.stdout).toContain(title);
    if (HAS_SCRIPT) {
      const shown = inTerminal(['list'], dir, 80);
      for (const line of shown) expect(terminalWidth(line), line).toBeLessThanOrEqual(80);
      expect(misalignedRows(shown)).toEqual([]);
    }
  });

  it('says there are no ideas in an empty registry', () => {
    const dir = initRegistry('minimal', 'en', { git: false });
    const r = ideas(['list'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('No ideas.\n');
  });

  it('lists the readable ideas and counts the unreadable ones on stderr', () => {
    const dir = cloneRegistry(sund);
    writeFile(dir, 'ideas/01-idea/sund-ffffff-broken.md', '---\ntitle: [unclosed\n---\n');
    const r = ideas(['list', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaList>(r).ideas).toHaveLength(4);
    expect(r.stderr).toMatch(/1/);
    expect(r.stderr).toContain('validate');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('ideas list: order and filters', () => {
  it('sorts by the stage order of the config, then by date, not by folder name or id', () => {
    const r = ideas(['list', '--json'], { cwd: reordered });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaList>(r).ideas.map((i) => [i.stage, i.id])).toEqual([
      ['idea', 'ide-yyyyyy'],
      ['idea', 'ide-zzzzzz'],
      ['doing', 'ide-bbbbbb'],
      ['done', 'ide-aaaaaa'],
    ]);
    const table = ideas(['list'], { cwd: reordered });
    expect(
      table.stdout
        .split('\n')
        .slice(1, 5)
        .map((l) => l.slice(0, 10)),
    ).toEqual(['ide-yyyyyy', 'ide-zzzzzz', 'ide-bbbbbb', 'ide-aaaaaa']);
  });

  it.each([
    { args: ['--stage', 'refinement'], ids: ['sund-cccccc'] },
    { args: ['--stage', 'Refinement'], ids: ['sund-cccccc'] },
    { args: ['-s', 'test'], ids: ['sund-dddddd'] },
    { args: ['--stage', 'spread'], ids: [] },
    { args: ['--tag', 'klimat'], ids: ['sund-aaaaaa', 'sund-cccccc'] },
    { args: ['--tag', 'MOBILITET'], ids: ['sund-aaaaaa'] },
    { args: ['--tag', 'klimat', '--stage', 'idea'], ids: ['sund-aaaaaa'] },
    { args: ['--tag', 'nothing'], ids: [] },
  ])('list $args', ({ args, ids }) => {
    const r = ideas(['list', '--json', ...args], { cwd: sund });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaList>(r).ideas.map((i) => i.id)).toEqual(ids);
  });

  it('an unknown stage → exit 2 naming the stages', () => {
    const r = ideas(['list', '--stage', 'nowhere'], { cwd: sund });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nowhere');
    // By their labels, as every message names stages.
    for (const label of ['Idea', 'Refinement', 'Test', 'Evaluation', 'Spreading']) expect(r.stderr).toContain(label);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('an unknown stage with --json → an error document on stdout', () => {
    const r = ideas(['list', '--json', '--stage', 'nowhere'], { cwd: sund });
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson(r)).toMatchObject({ schemaVersion: 1, kind: 'error', error: { code: 'UNKNOWN_STAGE' } });
  });
});

describe('ideas list --json', () => {
  it('is one idea-list document: relative paths, null for missing values, no internal fields', () => {
    const r = ideas(['list', '--json'], { cwd: sund });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    const doc = parseJson<IdeaList>(r);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'idea-list' });
    expect(doc.ideas).toHaveLength(4);
    const byId = new Map(doc.ideas.map((i) => [i.id, i]));
    expect(byId.get('sund-aaaaaa')).toMatchObject({
      id: 'sund-aaaaaa',
      title: 'Cykelpool',
      stage: 'idea',
      path: 'ideas/01-idea/sund-aaaaaa-cykelpool.md',
      created: '2026-01-15',
      carrier: null,
      coach: null,
      unit: null,
      challenge: null,
      tags: ['Mobilitet', 'klimat'],
    });
    expect(byId.get('sund-cccccc')).toMatchObject({
      stage: 'refinement',
      carrier: 'Åsa Öberg',
      coach: 'Per',
      unit: 'Servicecenter',
      challenge: 'klimat',
    });
    for (const idea of doc.ideas) {
      for (const key of ['id', 'title', 'stage', 'path', 'created', 'carrier', 'coach', 'unit', 'challenge', 'tags']) {
        expect(Object.keys(idea), `${String(idea.id)} has ${key}`).toContain(key);
      }
      expect(idea.path).toMatch(/^ideas\/[^\\]+\.md$/);
      for (const key of ['abs', 'matter', 'body', 'data', 'schema']) expect(Object.keys(idea)).not.toContain(key);
    }
    expect(r.stdout).not.toContain(sund);
  });

  it('gives null, not a missing key, for an idea without a date or a title', () => {
    const dir = cloneRegistry(sund);
    writeFile(dir, 'ideas/01-idea/sund-gggggg-bare.md', '---\nid: sund-gggggg\n---\n');
    const r = ideas(['list', '--json', '--stage', 'idea'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const bare = parseJson<IdeaList>(r).ideas.find((i) => i.id === 'sund-gggggg');
    expect(bare).toBeDefined();
    expect(bare).toMatchObject({ title: null, created: null, carrier: null, tags: [] });
    expect(Object.keys(bare ?? {})).toContain('created');
  });
});

describe('ideas list: finding the registry', () => {
  let outside: string;
  beforeAll(() => {
    outside = makeTempDir();
  });

  it('outside any registry → exit 2 with a hint mentioning ideas init', () => {
    const r = ideas(['list'], { cwd: outside });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ideas init');
    expect(r.stderr).toContain(outside);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    { name: '-C <dir>', args: (d: string) => ['-C', d, 'list', '--json'], env: () => ({}) },
    {
      name: '--registry <dir> after the command',
      args: (d: string) => ['list', '--registry', d, '--json'],
      env: () => ({}),
    },
    { name: '--registry=<dir>', args: (d: string) => [`--registry=${d}`, 'list', '--json'], env: () => ({}) },
    { name: 'IDEAS_REGISTRY', args: () => ['list', '--json'], env: (d: string) => ({ IDEAS_REGISTRY: d }) },
  ])('$name points to the registry from anywhere', ({ args, env }) => {
    const r = ideas(args(sund), { cwd: outside, env: env(sund) });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaList>(r).ideas).toHaveLength(4);
  });

  it('a relative -C is resolved from the working directory', () => {
    const r = ideas(['-C', path.relative(outside, sund), 'list', '--json'], { cwd: outside });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaList>(r).ideas).toHaveLength(4);
  });

  it('--registry to a folder that does not exist → exit 2', () => {
    const r = ideas(['list', '--registry', path.join(outside, 'nope')], { cwd: outside });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('nope');
  });

  it('from a subfolder of the registry, walks up to it', () => {
    const r = ideas(['list', '--json'], { cwd: path.join(sund, 'ideas', '02-refinement') });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<IdeaList>(r);
    expect(doc.ideas).toHaveLength(4);
    expect(doc.ideas.map((i) => i.path)).toContain('ideas/02-refinement/sund-cccccc-aterbruk.md');
  });
});
