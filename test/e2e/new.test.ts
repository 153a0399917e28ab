import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import {
  cloneRegistry,
  initRegistry,
  markdownFiles,
  readConfig,
  readIdeaFile,
  stageDir,
  utcDate,
  type Lang,
  type TemplateKey,
} from '../helpers/registry.js';
import { git, makeTempDir, removeTempDirs, stagedFiles } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** What each template needs at intake besides the title (skaraborg: the municipality and a challenge). */
const INTAKE: { template: TemplateKey; lang: Lang; sets: Record<string, string>; expected: Record<string, unknown> }[] =
  [
    {
      template: 'sundsvall',
      lang: 'sv',
      sets: { carrier: 'Anna Berg', tags: 'vård, digital', challenge: 'valfard' },
      expected: { carrier: 'Anna Berg', tags: ['vård', 'digital'], challenge: 'valfard' },
    },
    {
      template: 'helsingborg-kultur',
      lang: 'en',
      sets: { unit: 'Kulturförvaltningen' },
      expected: { unit: 'Kulturförvaltningen' },
    },
    {
      template: 'skaraborg',
      lang: 'sv',
      sets: { municipality: 'Skövde', challenge: 'aldre' },
      expected: { municipality: 'Skövde', challenge: 'aldre' },
    },
    { template: 'minimal', lang: 'en', sets: {}, expected: {} },
  ];

function setArgs(sets: Record<string, string>): string[] {
  return Object.entries(sets).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
}

/** Proves that a run wrote nothing: no idea file, nothing staged. */
function expectNothingWritten(dir: string): void {
  expect(markdownFiles(path.join(dir, 'ideas'))).toEqual([]);
  expect(stagedFiles(dir)).toEqual([]);
}

const pristine = new Map<TemplateKey, string>();

beforeAll(() => {
  for (const c of INTAKE) pristine.set(c.template, initRegistry(c.template, c.lang));
});

/** A fresh registry of the template, in its own git repository. */
function registryOf(template: TemplateKey): string {
  return cloneRegistry(pristine.get(template) as string);
}

describe('ideas new --no-input', () => {
  it.each(INTAKE)(
    '$template: writes the idea in the first stage, prints its path, stages it',
    ({ template, sets, expected }) => {
      const dir = registryOf(template);
      const config = readConfig(dir);
      const before = utcDate();
      const r = ideas(
        [
          'new',
          '--no-input',
          '--title',
          'Trygghetslarm på distans',
          ...setArgs(sets),
          '--body',
          'Problemet.\n\nIdén.',
          '--by',
          'Eva',
        ],
        { cwd: dir },
      );
      const after = utcDate();
      expect(r.code, describeRun(r)).toBe(0);

      const rel = r.stdout.replace(/\n$/, '');
      expect(r.stdout).toBe(`${rel}\n`);
      expect(rel).toMatch(
        new RegExp(`^${stageDir(config)}/${config.idPrefix}-[0-9a-z]{6}-trygghetslarm-pa-distans\\.md$`),
      );
      expect(fs.existsSync(path.join(dir, rel))).toBe(true);
      // The path once, on stdout; stderr names the idea by its id.
      expect(r.stderr).not.toContain(rel);
      expect(r.stderr).toContain(path.basename(rel).slice(0, config.idPrefix.length + 7));
      expect(r.stderr).not.toMatch(STACK_LINE);

      const { data, body } = readIdeaFile(dir, rel);
      const id = path.basename(rel).slice(0, config.idPrefix.length + 7);
      expect(data).toMatchObject({ id, title: 'Trygghetslarm på distans', ...expected });
      expect([before, after]).toContain(data.created);
      expect(data.history).toEqual([{ date: data.created, action: 'created', to: config.stages[0]?.key, by: 'Eva' }]);
      expect(body.trim()).toBe('Problemet.\n\nIdén.');

      expect(stagedFiles(dir)).toEqual([rel]);
      const v = ideas(['validate'], { cwd: dir });
      expect(v.code, describeRun(v)).toBe(0);
    },
  );

  it('--json prints an idea document, and nothing but it on stdout', () => {
    const dir = registryOf('sundsvall');
    const r = ideas(['new', '--no-input', '--json', '--title', 'Cykelpool', '--set', 'carrier=Bo'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{
      schemaVersion: number;
      kind: string;
      idea: Record<string, unknown>;
      staged: boolean;
      similar: unknown[];
    }>(r);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'idea', staged: true, similar: [] });
    expect(doc.idea).toMatchObject({
      title: 'Cykelpool',
      stage: 'idea',
      carrier: 'Bo',
      coach: null,
      unit: null,
      challenge: null,
      tags: [],
    });
    const rel = doc.idea.path as string;
    expect(rel).toMatch(/^ideas\/01-ide\/sund-[0-9a-z]{6}-cykelpool\.md$/);
    expect(rel.startsWith(`ideas/01-ide/${doc.idea.id as string}-`)).toBe(true);
    expect(readIdeaFile(dir, rel).data.id).toBe(doc.idea.id);
    expect(r.stdout).not.toContain(dir);
  });

  it('--commit commits the new file alone, with its id and title, leaving what else is staged as it was', () => {
    const dir = registryOf('sundsvall');
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The registry'], dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'staged before, not for this commit\n');
    git(['add', 'notes.txt'], dir);
    const head = git(['rev-parse', 'HEAD'], dir).trim();
    const r = ideas(['new', '--no-input', '--json', '--title', 'Lånecykel', '--commit'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{ staged: boolean; committed: boolean; idea: { id: string; path: string } }>(r);
    expect(doc).toMatchObject({ staged: true, committed: true });
    expect(git(['rev-parse', 'HEAD~1'], dir).trim()).toBe(head);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe(`${doc.idea.id}: Lånecykel (ny idé)`);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim()).toBe(doc.idea.path);
    expect(stagedFiles(dir)).toEqual(['notes.txt']);
    // In words: committed, not merely staged.
    const again = ideas(['new', '--no-input', '--title', 'Lastcykel', '--commit'], { cwd: dir });
    expect(again.code, describeRun(again)).toBe(0);
    expect(again.stderr).toMatch(/^Skapade idén sund-[0-9a-z]{6} \(incheckad i git\)$/m);
    expect(again.stderr).not.toContain('Nästa steg');
    // Staged, not committed: what comes next (found by a newcomer, who was told nothing more).
    const staged = ideas(['new', '--no-input', '--title', 'Elcykel'], { cwd: dir });
    expect(staged.code, describeRun(staged)).toBe(0);
    expect(staged.stderr).toMatch(
      /^Nästa steg: fyll i mer med ideas edit sund-[0-9a-z]{6}, och spara med git commit\.$/m,
    );
  });

  it('outside git: writes the file and says it is not staged', () => {
    const dir = initRegistry('minimal', 'en', { git: false });
    const r = ideas(['new', '--json', '--title', 'No git here'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{ staged: boolean; idea: { path: string } }>(r);
    expect(doc.staged).toBe(false);
    expect(fs.existsSync(path.join(dir, doc.idea.path))).toBe(true);
  });

  it('--body-file refuses a text that would make the file larger than an idea may be, writing nothing', () => {
    const dir = registryOf('minimal');
    fs.writeFileSync(path.join(dir, 'near.md'), Buffer.alloc(4_999_990, 0x61));
    const r = ideas(['new', '--no-input', '--title', 'Near', '--body-file', 'near.md'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toMatch(/would be 5\.\d MB, and an idea file may be at most 5 MB\. Nothing was written\./);
    expect(r.stderr).not.toContain('--debug');
    expect(
      (fs.readdirSync(path.join(dir, 'ideas'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')),
    ).toEqual([]);
  });

  it('--body-file reads the text from a file', () => {
    const dir = registryOf('minimal');
    fs.writeFileSync(path.join(dir, 'text.md'), '## Bakgrund\n\nLång text.\n');
    const r = ideas(['new', '--title', 'From a file', '--body-file', 'text.md'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(readIdeaFile(dir, r.stdout.trim()).body).toContain('## Bakgrund\n\nLång text.');
  });

  it('--body-file reads a text saved as Windows-1252 ("ANSI") or UTF-16, and refuses one with a NUL, writing nothing', () => {
    const dir = registryOf('minimal');
    const texts = {
      'ansi.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xe5, 0xe4, 0xf6, 0x20, 0x80, 0x0a]),
      'unicode.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kafé åäö\n', 'utf16le')]),
    };
    const expected = { 'ansi.txt': 'Café åäö €', 'unicode.txt': 'Kafé åäö' };
    for (const [name, bytes] of Object.entries(texts)) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const r = ideas(['new', '--title', name, '--body-file', name], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      expect(readIdeaFile(dir, r.stdout.trim()).body.trim()).toBe(expected[name as keyof typeof expected]);
    }
    const before = markdownFiles(dir).length;
    fs.writeFileSync(path.join(dir, 'binary.bin'), Buffer.from([0x41, 0x00, 0x42]));
    const r = ideas(['new', '--title', 'Binary', '--body-file', 'binary.bin'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('binary.bin holds a NUL character');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(markdownFiles(dir).length).toBe(before);
  });
});

describe('ideas new: missing answers', () => {
  const skaraborgFlags = ["--set 'municipality=", "--set 'challenge="];

  it('skaraborg with only a title: exit 2, every missing flag named, nothing written', () => {
    const dir = registryOf('skaraborg');
    const r = ideas(['new', '--no-input', '--title', 'x'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    for (const flag of skaraborgFlags) expect(r.stderr).toContain(flag);
    expect(r.stderr).not.toContain('--title');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expectNothingWritten(dir);
  });

  it('skaraborg with nothing: the title is named too', () => {
    const dir = registryOf('skaraborg');
    const r = ideas(['new', '--no-input'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    for (const flag of ['--title', ...skaraborgFlags]) expect(r.stderr).toContain(flag);
    expectNothingWritten(dir);
  });

  it('without --no-input but with CI=true: the same usage error, no prompt', () => {
    const dir = registryOf('skaraborg');
    const r = ideas(['new', '--title', 'x'], { cwd: dir, env: { CI: 'true' } });
    expect(r.code, describeRun(r)).toBe(2);
    for (const flag of skaraborgFlags) expect(r.stderr).toContain(flag);
    expect(r.stderr).toMatch(/CI/);
    expectNothingWritten(dir);
  });

  it('with CI unset but stdin not a terminal: the same usage error, no prompt', () => {
    const dir = registryOf('skaraborg');
    const r = ideas(['new', '--title', 'x', '--lang', 'en'], { cwd: dir, env: { CI: undefined }, input: 'answer\n' });
    expect(r.code, describeRun(r)).toBe(2);
    for (const flag of skaraborgFlags) expect(r.stderr).toContain(flag);
    expect(r.stderr).toMatch(/not a terminal/);
    expectNothingWritten(dir);
  });

  it('with CI unset, stdin not a terminal and no flags at all (minimal): asks for --title instead of waiting', () => {
    const dir = registryOf('minimal');
    const r = ideas(['new'], { cwd: dir, env: { CI: undefined } });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('--title');
    expectNothingWritten(dir);
  });
});

describe('ideas new: usage errors', () => {
  it.each([
    { name: 'an unknown field', args: ['--set', 'unknown=x'], stderr: 'unknown' },
    { name: 'a field set by the tool', args: ['--set', 'id=ide-aaaaaa'], stderr: 'id' },
    { name: 'a --set without =', args: ['--set', 'carrier'], stderr: 'carrier' },
    { name: '--body and --body-file together', args: ['--body', 'a', '--body-file', 'b.md'], stderr: '--body' },
    { name: 'a --body-file that does not exist', args: ['--body-file', 'missing.md'], stderr: 'missing.md' },
    { name: 'an option without its value', args: ['--set'], stderr: '--set' },
  ])('$name → exit 2, nothing written', ({ args, stderr }) => {
    const dir = registryOf('minimal');
    const r = ideas(['new', '--no-input', '--title', 'x', ...args], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(stderr);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expectNothingWritten(dir);
  });

  // The config lists skaraborg's challenges; `validate` rejects any other value (challenge/unknown), so `new`
  // must not write one.
  it('a challenge that is not in the config → exit 2 naming the field, nothing written', () => {
    const dir = registryOf('skaraborg');
    const r = ideas(
      ['new', '--no-input', '--title', 'x', '--set', 'municipality=Skövde', '--set', 'challenge=not-a-challenge'],
      { cwd: dir },
    );
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('challenge');
    expectNothingWritten(dir);
  });

  it('outside any registry → exit 2 with a hint about ideas init', () => {
    const outside = makeTempDir();
    const r = ideas(['new', '--title', 'x'], { cwd: outside });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('ideas init');
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});

describe('ideas new: several ideas', () => {
  it('a second idea with a similar title names the first on stderr', () => {
    const dir = registryOf('minimal');
    const first = ideas(['new', '--title', 'Cykelpool för pendlare vid stationen'], { cwd: dir });
    expect(first.code, describeRun(first)).toBe(0);
    const firstId = path.basename(first.stdout.trim()).slice(0, `${readConfig(dir).idPrefix}-xxxxxx`.length);

    const second = ideas(['new', '--title', 'Cykelpool för pendlare vid resecentrum'], { cwd: dir });
    expect(second.code, describeRun(second)).toBe(0);
    expect(second.stdout).not.toContain(firstId);
    expect(second.stderr).toContain(firstId);
    expect(second.stderr).toContain(first.stdout.trim());

    const third = ideas(['new', '--json', '--title', 'Cykelpool för pendlare'], { cwd: dir });
    const doc = parseJson<{ similar: { id: string; score: number }[] }>(third);
    expect(doc.similar.map((s) => s.id)).toContain(firstId);
    for (const s of doc.similar) expect(s.score).toBeGreaterThan(0);
  });

  it('20 ideas made one after another all get distinct ids, and all validate', () => {
    const dir = registryOf('minimal');
    const paths: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = ideas(['new', '--title', `Idé nummer ${i}`], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      paths.push(r.stdout.trim());
    }
    const ids = paths.map((p) => readIdeaFile(dir, p).data.id);
    expect(new Set(ids).size).toBe(20);
    expect(new Set(paths).size).toBe(20);
    expect(stagedFiles(dir).sort()).toEqual([...paths].sort());
    const v = ideas(['validate'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
  });
});
