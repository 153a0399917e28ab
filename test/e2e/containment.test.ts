/**
 * The registry stays inside itself: stage folders that are symbolic links, an ideasDir in .git or outside, criteria
 * outside the registry (by path, by link, by $ref), idea files that are links, and file names that git quotes or
 * that are not UTF-8. Each is refused with a clear error, or handled, in the commands that read, write, list,
 * stage and commit; the pre-commit hook is tested for real with `git commit`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ideasAsync, parseJson } from '../helpers/cli.js';
import { cloneRegistry, ideaText, initRegistry, writeFile } from '../helpers/registry.js';
import { commitWithHooks, git, makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let minimal: string;
beforeAll(() => {
  minimal = initRegistry('minimal', 'en', { git: false });
});

/** A copy of the minimal registry in a git repository, with one idea in each of the first two stages, committed. */
function repo(): string {
  const dir = cloneRegistry(minimal);
  git(['init', '-q', '-b', 'main'], dir);
  git(['config', 'user.name', 'T'], dir);
  git(['config', 'user.email', 't@example.invalid'], dir);
  git(['config', 'commit.gpgsign', 'false'], dir);
  writeFile(dir, 'ideas/01-idea/ide-aaaa-first.md', ideaText({ id: 'ide-aaaa', title: 'First' }, 'Text.\n'));
  writeFile(dir, 'ideas/02-in-progress/ide-bbbb-second.md', ideaText({ id: 'ide-bbbb', title: 'Second' }, 'Text.\n'));
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'registry'], dir);
  return dir;
}

function setConfig(dir: string, replace: (text: string) => string): void {
  const file = path.join(dir, 'ideas.config.yaml');
  fs.writeFileSync(file, replace(fs.readFileSync(file, 'utf8')));
}

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('stage folders and the ideas folder that are symbolic links are refused before anything is read or written', () => {
  const targets: [string, (dir: string) => string][] = [
    ['a folder in /tmp', () => makeTempDir('ideas-outside-')],
    ['another stage', (dir) => path.join(dir, 'ideas/01-idea')],
    [
      'a folder of another repository',
      () => {
        const other = makeTempDir('ideas-other-repo-');
        git(['init', '-q', '-b', 'main'], other);
        return other;
      },
    ],
  ];
  for (const [name, target] of targets) {
    it(`a stage folder linked to ${name}`, () => {
      const dir = repo();
      const to = target(dir);
      fs.writeFileSync(path.join(to, 'ide-zzzz-planted.md'), ideaText({ id: 'ide-zzzz', title: 'Planted' }));
      fs.rmSync(path.join(dir, 'ideas/02-in-progress'), { recursive: true });
      fs.symlinkSync(to, path.join(dir, 'ideas/02-in-progress'));
      const before = listing(to);
      for (const args of [
        ['list'],
        ['validate'],
        ['show', 'ide-zzzz'],
        ['report'],
        ['new', '--title', 'New', '--no-input'],
        ['move', 'ide-aaaa', 'doing'],
        ['diff'],
      ]) {
        const r = ideas(args, { cwd: dir });
        expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
        expect(r.stderr).toContain('ideas/02-in-progress');
        expect(r.stderr).toContain('symbolic link');
        expect(r.stdout).not.toContain('Planted');
      }
      expect(listing(to)).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'ideas/01-idea/ide-aaaa-first.md'))).toBe(true);
    });
  }

  it('the ideas folder linked elsewhere, and a folder on the way to it', () => {
    const dir = repo();
    const outside = makeTempDir('ideas-outside-');
    fs.renameSync(path.join(dir, 'ideas'), path.join(outside, 'ideas'));
    fs.symlinkSync(path.join(outside, 'ideas'), path.join(dir, 'ideas'));
    const r = ideas(['list'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('The folder ideas in the registry is a symbolic link');

    const nested = repo();
    setConfig(nested, (t) => t.replace('ideasDir: ideas', 'ideasDir: work/ideas'));
    fs.symlinkSync(outside, path.join(nested, 'work'));
    const n = ideas(['validate'], { cwd: nested });
    expect(n.code, describeRun(n)).toBe(2);
    expect(n.stderr).toContain('The folder work in the registry is a symbolic link');
  });
});

describe('idea files that are symbolic links are never read through', () => {
  it('a link to /etc/passwd and to a file outside: a finding, and their text never shown', () => {
    const dir = repo();
    const secret = path.join(makeTempDir('ideas-secret-'), 'ide-ssss-secret.md');
    fs.writeFileSync(secret, ideaText({ id: 'ide-ssss', title: 'TOP SECRET' }, 'classified\n'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'ideas/01-idea/ide-pppp-passwd.md'));
    fs.symlinkSync(secret, path.join(dir, 'ideas/01-idea/ide-ssss-secret.md'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'ideas/01-idea/notes.txt'));
    const v = ideas(['validate', '--format', 'json'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(1);
    const doc = parseJson<{ findings: { file: string; rule: string }[] }>(v);
    expect(doc.findings.map((f) => [f.file, f.rule])).toEqual([
      ['ideas/01-idea/ide-pppp-passwd.md', 'file/symlink'],
      ['ideas/01-idea/ide-ssss-secret.md', 'file/symlink'],
    ]);
    // Named on the command line, a link is reported, not followed, whatever its name.
    const named = ideas(['validate', 'ideas/01-idea/notes.txt', 'ideas/01-idea/ide-ssss-secret.md'], { cwd: dir });
    expect(named.code, describeRun(named)).toBe(1);
    expect(named.stdout).toContain('file/symlink');
    for (const args of [['list'], ['show', 'ide-ssss'], ['report'], ['export'], ['diff'], ['validate']]) {
      const r = ideas(args, { cwd: dir });
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/root:|TOP SECRET|classified/);
    }
    expect(ideas(['show', 'ide-ssss'], { cwd: dir }).code).toBe(2);
    // Never read, and never left out without a word: counted with the files that could not be read.
    for (const args of [['list'], ['report'], ['export']]) {
      const r = ideas(args, { cwd: dir });
      expect(r.stderr, args.join(' ')).toContain('2 files could not be read');
    }
  });
});

describe('the config itself is read only from inside the registry', () => {
  it('an ideas.config.yaml that links out of the registry is refused, and its text never shown', () => {
    const dir = repo();
    const elsewhere = path.join(makeTempDir('ideas-config-'), 'ideas.config.yaml');
    fs.copyFileSync(path.join(dir, 'ideas.config.yaml'), elsewhere);
    fs.appendFileSync(elsewhere, '# TOP SECRET\n');
    fs.rmSync(path.join(dir, 'ideas.config.yaml'));
    fs.symlinkSync(elsewhere, path.join(dir, 'ideas.config.yaml'));
    for (const args of [['validate'], ['list'], ['report'], ['site', '--out', 'site']]) {
      const r = ideas(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
      expect(r.stderr).toContain('symbolic link');
      expect(r.stdout + r.stderr).not.toContain('TOP SECRET');
    }
  });

  it('an ideas.config.yaml that is a link inside the registry is refused too, by every command', () => {
    // git keeps a link as the path it points to: `ideas diff` would read other rules at a revision than these.
    const dir = repo();
    fs.renameSync(path.join(dir, 'ideas.config.yaml'), path.join(dir, 'config.yaml'));
    fs.symlinkSync('config.yaml', path.join(dir, 'ideas.config.yaml'));
    for (const args of [['validate'], ['list'], ['report'], ['diff', 'main'], ['site', '--out', 'site']]) {
      const r = ideas([...args, '--lang', 'en'], { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
      expect(r.stderr).toMatch(
        /ideas\.config\.yaml is a symbolic link \(to config\.yaml\); the config is read only from a regular file/,
      );
    }
    const sv = ideas(['validate', '--lang', 'sv'], { cwd: dir });
    expect(sv.stderr).toContain('ideas.config.yaml är en symbolisk länk (till config.yaml)');
  });
});

describe('the config cannot put ideas or criteria outside the registry or into .git', () => {
  const IDEAS_DIRS = [
    '.git',
    '.git/x',
    '.GIT',
    'a/.Git/b',
    '".git."',
    '".git "',
    'GIT~1',
    '../other',
    'a/../../other',
    '/abs',
    '/tmp/ideas',
    'C:/ideas',
    '"..\\\\other"',
    '.',
    './.',
  ];
  for (const value of IDEAS_DIRS) {
    it(`ideasDir: ${value}`, () => {
      const dir = cloneRegistry(minimal);
      setConfig(dir, (t) => t.replace('ideasDir: ideas', `ideasDir: ${value}`));
      for (const args of [['list'], ['new', '--title', 'x', '--no-input']]) {
        const r = ideas(args, { cwd: dir });
        expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
        expect(r.stderr).toMatch(/ideasDir/);
      }
      expect(fs.existsSync(path.join(dir, '.git'))).toBe(false);
    });
  }

  const CRITERIA = [
    '../outside.json',
    '/etc/x.json',
    '"..\\\\outside.json"',
    'criteria/../../outside.json',
    '.git/x.json',
    'C:/x.json',
  ];
  for (const value of CRITERIA) {
    it(`criteria: ${value}`, () => {
      const dir = cloneRegistry(minimal);
      writeFile(path.dirname(dir), 'outside.json', '{"type":"object"}');
      setConfig(dir, (t) => t.replace('criteria: criteria/idea.schema.json', `criteria: ${value}`));
      const r = ideas(['validate'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(/stages\.0\.criteria|criteria file/);
    });
  }

  it('a criteria file, or its folder, that is a link leading out of the registry', () => {
    const outside = makeTempDir('ideas-criteria-');
    fs.writeFileSync(path.join(outside, 'idea.schema.json'), '{"type":"object","x-secret":"s3cret"}');
    const file = cloneRegistry(minimal);
    fs.rmSync(path.join(file, 'criteria/idea.schema.json'));
    fs.symlinkSync(path.join(outside, 'idea.schema.json'), path.join(file, 'criteria/idea.schema.json'));
    const folder = cloneRegistry(minimal);
    fs.rmSync(path.join(folder, 'criteria'), { recursive: true });
    fs.cpSync(path.join(minimal, 'criteria'), outside, { recursive: true });
    fs.symlinkSync(outside, path.join(folder, 'criteria'));
    for (const dir of [file, folder]) {
      for (const args of [['validate'], ['validate', '--no-cache'], ['schema', '--stage', 'idea']]) {
        const r = ideas(args, { cwd: dir });
        expect(r.code, describeRun(r)).toBe(2);
        expect(r.stderr).toContain('criteria/idea.schema.json');
        expect(r.stderr).toContain('leads out of the registry');
        expect(r.stdout).not.toContain('s3cret');
      }
    }
  });

  it('a criteria file, or its folder, that is a link inside the registry is refused the same way by every command', () => {
    // git keeps a link as the path it points to: `ideas diff` would read other criteria at a revision than these.
    const file = repo();
    fs.renameSync(path.join(file, 'criteria/idea.schema.json'), path.join(file, 'criteria/real.json'));
    fs.symlinkSync('real.json', path.join(file, 'criteria/idea.schema.json'));
    const folder = repo();
    fs.renameSync(path.join(folder, 'criteria'), path.join(folder, 'rules'));
    fs.symlinkSync('rules', path.join(folder, 'criteria'));
    for (const [dir, link] of [
      [file, 'criteria/idea.schema.json → real.json'],
      [folder, 'criteria → rules'],
    ] as const) {
      for (const args of [
        ['validate'],
        ['validate', '--no-cache'],
        ['list'],
        ['schema', '--stage', 'idea'],
        ['report'],
        ['diff', 'main'],
      ]) {
        const r = ideas([...args, '--lang', 'en'], { cwd: dir });
        expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
        expect(r.stderr).toContain(
          `The criteria file criteria/idea.schema.json of stage Idea is read through a symbolic link (${link}); criteria are read only from regular files`,
        );
      }
      const sv = ideas(['validate', '--lang', 'sv'], { cwd: dir });
      expect(sv.stderr).toContain(
        `Kriteriefilen criteria/idea.schema.json för steget Idé läses genom en symbolisk länk (${link})`,
      );
    }
  });

  it('$ref to a file outside the registry or to a URL is refused, and nothing is fetched', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end('{"type":"string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const outside = path.join(makeTempDir('ideas-ref-'), 'x.json');
      fs.writeFileSync(outside, '{"type":"string"}');
      for (const ref of [`http://127.0.0.1:${port}/x.json`, `file://${outside}`, '../../x.json', outside]) {
        const dir = cloneRegistry(minimal);
        writeFile(dir, 'criteria/idea.schema.json', JSON.stringify({ properties: { x: { $ref: ref } } }));
        const r = await ideasAsync(['validate'], { cwd: dir });
        expect(r.code, describeRun(r)).toBe(2);
        // Named as written, in the registry's words: never fetched, never resolved against the machine's paths.
        expect(r.stderr).toMatch(/\$ref (pekar på|points to) /);
        expect(r.stderr).toContain(ref);
      }
    } finally {
      server.close();
    }
    expect(requests).toBe(0);
  });
});

/** `git commit` with hooks, as a person runs it. */
const commit = (dir: string) => commitWithHooks(dir, 'change', { LANG: 'C' });

describe('file names that git quotes, or that are not UTF-8', () => {
  // Handled: names git quotes but that are fine as names.
  const HANDLED = ['ide-q001-"quoted".md', "ide-q002-it's.md", 'ide-q003-back\\slash.md', 'ide-q004-with space.md'];
  // Refused with a finding: names with control characters, or bytes that are not UTF-8.
  const REFUSED: [string, string | Buffer][] = [
    ['a tab', 'ide-r001-a\tb.md'],
    ['a line break', 'ide-r002-a\nb.md'],
    ['an escape', 'ide-r003-\x1b[31m.md'],
    [
      'bytes that are not UTF-8',
      Buffer.concat([Buffer.from('ide-r004-'), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]),
    ],
  ];
  const idOf = (name: string) => /ide-[a-z0-9]{4}/.exec(name)?.[0] ?? '';
  const write = (dir: string, name: string | Buffer) => {
    const text = ideaText({ id: idOf(name.toString('latin1')), title: 'Named' }, 'Text.\n');
    const folder = Buffer.from(path.join(dir, 'ideas/01-idea/'));
    fs.writeFileSync(Buffer.concat([folder, typeof name === 'string' ? Buffer.from(name) : name]), text);
  };

  it('validate, --changed, list and move handle quotes, backslashes and spaces', () => {
    const dir = repo();
    for (const name of HANDLED) write(dir, name);
    const v = ideas(['validate', '--format', 'json'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
    const changed = ideas(['validate', '--changed', '--base', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(changed.code, describeRun(changed)).toBe(0);
    expect(parseJson<{ summary: { files: number } }>(changed).summary.files).toBe(HANDLED.length);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'names'], dir);
    expect(ideas(['list'], { cwd: dir }).stdout).toContain('ide-q001');
    for (const name of HANDLED) {
      const r = ideas(['move', idOf(name), 'doing', '--commit'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      expect(fs.existsSync(path.join(dir, 'ideas/02-in-progress', name))).toBe(true);
    }
    expect(git(['status', '--porcelain'], dir)).toBe('');
  });

  for (const [what, name] of REFUSED) {
    it(`a name with ${what}: a finding in validate and --changed, and the hook refuses the commit`, () => {
      const dir = repo();
      expect(ideas(['hook', 'install'], { cwd: dir }).code).toBe(0);
      write(dir, name);
      for (const args of [
        ['validate', '--format', 'json'],
        ['validate', '--changed', '--base', 'HEAD', '--format', 'json'],
      ]) {
        const r = ideas(args, { cwd: dir });
        expect(r.code, describeRun(r)).toBe(1);
        const doc = parseJson<{ findings: { rule: string }[] }>(r);
        expect(doc.findings.map((f) => f.rule)).toContain('file/name');
      }
      git(['add', '-A'], dir);
      const before = git(['rev-parse', 'HEAD'], dir);
      const c = commit(dir);
      expect(c.code, c.output).not.toBe(0);
      expect(c.output).toContain('file/name');
      expect(git(['rev-parse', 'HEAD'], dir)).toBe(before);
      // A name that is not UTF-8 names no file to Node: the other commands never read it, and say that a file could
      // not be read rather than leave it out unseen. (A name git quotes is a file they read and show.)
      if (typeof name === 'string') return;
      for (const args of [['list'], ['report'], ['export']]) {
        const r = ideas(args, { cwd: dir });
        expect(r.stderr, args.join(' ')).toContain('1 file could not be read');
        expect(r.stdout, args.join(' ')).not.toContain(idOf(name.toString('latin1')));
      }
    });
  }

  it('the hook passes names with quotes, backslashes, spaces and a leading dash to ideas whole', () => {
    const dir = repo();
    expect(ideas(['hook', 'install'], { cwd: dir }).code).toBe(0);
    for (const name of HANDLED) write(dir, name);
    git(['add', '-A'], dir);
    const ok = commit(dir);
    expect(ok.code, ok.output).toBe(0);
    // A leading dash is not an option: the file is checked (its name does not start with its id).
    writeFile(dir, 'ideas/01-idea/-ide-d001.md', ideaText({ id: 'ide-d001', title: 'Dash' }));
    fs.mkdirSync(path.join(dir, 'ideas/01-idea/--help'));
    writeFile(dir, 'ideas/01-idea/--help/ide-d002-x.md', ideaText({ id: 'ide-d002', title: 'Help' }));
    git(['add', '-A'], dir);
    const dash = commit(dir);
    expect(dash.code, dash.output).not.toBe(0);
    expect(dash.output).toContain('ideas/01-idea/-ide-d001.md');
    expect(dash.output).toContain('id/file-name');
    expect(dash.output).toContain('ideas/01-idea/--help/ide-d002-x.md');
    expect(dash.output).not.toMatch(/unknown option|Usage:/);
  });
});
