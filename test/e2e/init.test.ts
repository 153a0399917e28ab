import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, REPO_ROOT, STACK_LINE } from '../helpers/cli.js';
import { readConfig, snapshotFiles, stageDir, TEMPLATES, writeFile, type Lang } from '../helpers/registry.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const CASES = TEMPLATES.flatMap((template) => (['sv', 'en'] as Lang[]).map((lang) => ({ template, lang })));

describe('ideas init --template <t> --lang <l>', () => {
  it.each(CASES)(
    '$template, $lang: writes config, stage folders and criteria, and the result validates',
    ({ template, lang }) => {
      const dir = makeTempRepo();
      const r = ideas(['init', '--template', template, '--lang', lang], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout).toContain(dir);
      expect(r.stdout).toContain(template);
      expect(r.stdout).toContain(lang === 'sv' ? 'Nästa steg' : 'Next steps');
      expect(r.stderr).toBe('');

      const config = readConfig(dir);
      expect(config.language).toBe(lang);
      expect(config.stages.length).toBeGreaterThanOrEqual(3);
      for (const stage of config.stages) {
        const folder = path.join(dir, config.ideasDir, stage.folder);
        expect(fs.statSync(folder).isDirectory(), folder).toBe(true);
        expect(fs.readdirSync(folder)).toEqual(['.gitkeep']);
        const criteria = JSON.parse(fs.readFileSync(path.join(dir, stage.criteria), 'utf8')) as Record<string, unknown>;
        expect(criteria.type).toBe('object');
      }

      const v = ideas(['validate'], { cwd: dir });
      expect(v.code, describeRun(v)).toBe(0);
    },
  );
});

/** The stage folders of each template's example registry, which a Swedish registry keeps. */
function exampleFolders(template: string): string[] {
  return readConfig(path.join(REPO_ROOT, 'examples', template)).stages.map((s) => s.folder);
}

describe("ideas init: the registry's language names its stage folders and ids", () => {
  it.each([
    {
      name: 'minimal --lang en',
      template: 'minimal',
      args: ['--lang', 'en'],
      folders: ['01-idea', '02-in-progress', '03-done'],
      prefix: 'idea',
    },
    {
      name: 'sundsvall --lang en',
      template: 'sundsvall',
      args: ['--lang', 'en'],
      folders: ['01-idea', '02-refinement', '03-test', '04-evaluation', '05-spreading', '90-parked', '99-rejected'],
      prefix: 'sund',
    },
    {
      name: 'minimal --lang sv',
      template: 'minimal',
      args: ['--lang', 'sv'],
      folders: exampleFolders('minimal'),
      prefix: 'ide',
    },
    {
      name: 'minimal (Swedish by default)',
      template: 'minimal',
      args: [],
      folders: exampleFolders('minimal'),
      prefix: 'ide',
    },
    {
      name: 'sundsvall (Swedish by default)',
      template: 'sundsvall',
      args: [],
      folders: exampleFolders('sundsvall'),
      prefix: 'sund',
    },
  ])(
    '$name: its folders and id prefix, which new (and move) write to and validate accepts',
    ({ template, args, folders, prefix }) => {
      const dir = makeTempRepo();
      const r = ideas(['init', '--template', template, ...args], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      const config = readConfig(dir);
      expect(config.language).toBe(args[1] ?? 'sv');
      expect(config.stages.map((s) => s.folder)).toEqual(folders);
      expect(config.idPrefix).toBe(prefix);
      expect(fs.readdirSync(path.join(dir, config.ideasDir)).sort()).toEqual([...folders].sort());
      if (config.language === 'en') {
        expect(fs.readFileSync(path.join(dir, 'ideas.config.yaml'), 'utf8')).not.toMatch(
          /\b(ide|pagar|klar|parkerad)\b/,
        );
      }

      const created = ideas(['new', '--no-input', '--json', '--title', 'Bike pool at the station'], { cwd: dir });
      expect(created.code, describeRun(created)).toBe(0);
      const idea = parseJson<{ idea: { id: string; path: string } }>(created).idea;
      expect(idea.id).toMatch(new RegExp(`^${prefix}-[0-9a-z]{6}$`));
      expect(idea.path).toBe(`${stageDir(config)}/${idea.id}-bike-pool-at-the-station.md`);
      expect(fs.existsSync(path.join(dir, idea.path))).toBe(true);

      const second = config.stages[1]?.key as string;
      if (template === 'minimal') {
        const moved = ideas(['move', idea.id, second, '--no-input'], { cwd: dir });
        expect(moved.code, describeRun(moved)).toBe(0);
        expect(fs.existsSync(path.join(dir, stageDir(config, second), path.basename(idea.path)))).toBe(true);
      }

      const v = ideas(['validate', '--json'], { cwd: dir });
      expect(v.code, describeRun(v)).toBe(0);
      expect(parseJson(v)).toMatchObject({ ok: true, findings: [], summary: { files: 1 } });
    },
  );
});

describe('ideas init, other cases', () => {
  it('--json prints one registry-created document that lists every file written', () => {
    const dir = makeTempRepo();
    const r = ideas(['init', '--template', 'skaraborg', '--lang', 'en', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{
      schemaVersion: number;
      kind: string;
      registry: { name: string; language: string };
      template: string;
      files: string[];
    }>(r);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'registry-created',
      registry: { language: 'en' },
      template: 'skaraborg',
    });
    expect(typeof doc.registry.name).toBe('string');
    expect(doc.files).toContain('ideas.config.yaml');
    for (const f of doc.files) {
      expect(f, 'relative, forward slashes').not.toMatch(/^\/|\\/);
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const written = [...snapshotFiles(dir).keys()].sort();
    expect([...doc.files].sort()).toEqual(written);
  });

  it('a second init exits 2, says so, and changes nothing', () => {
    const dir = makeTempRepo();
    expect(ideas(['init', '--template', 'sundsvall'], { cwd: dir }).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'ideas.config.yaml'), '# edited by hand\n');
    const before = snapshotFiles(dir);

    const r = ideas(['init', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/already/i);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(snapshotFiles(dir)).toEqual(before);

    const j = ideas(['init', '--template', 'minimal', '--json'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(parseJson(j)).toMatchObject({ schemaVersion: 1, kind: 'error', error: { code: 'REGISTRY_EXISTS' } });
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('refuses to overwrite any file of the template, writing nothing at all', () => {
    const dir = makeTempRepo();
    writeFile(dir, 'criteria/idea.schema.json', '{"mine": true}\n');
    const before = snapshotFiles(dir);
    const r = ideas(['init', '--template', 'minimal'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('criteria/idea.schema.json');
    expect(snapshotFiles(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'ideas'))).toBe(false);
  });

  it.each(['ideas', 'criteria', '.github', 'ideas/01-idea'])(
    'refuses a folder of the registry that is a symbolic link (%s), writing nothing, there or where it leads',
    (folder) => {
      const dir = makeTempRepo();
      const elsewhere = makeTempDir();
      fs.mkdirSync(path.dirname(path.join(dir, folder)), { recursive: true });
      fs.symlinkSync(elsewhere, path.join(dir, folder));
      // Every entry of the work tree, links not followed.
      const entries = () =>
        (fs.readdirSync(dir, { recursive: true }) as string[]).filter((e) => !e.startsWith('.git/'));
      const before = entries();
      const r = ideas(['init', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`The folder ${folder} in the registry is a symbolic link (to ${elsewhere})`);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
      expect(entries()).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'ideas.config.yaml'))).toBe(false);
    },
  );

  it('refuses a config that is a link to nothing, naming it, and writes nothing', () => {
    const dir = makeTempRepo();
    fs.symlinkSync(path.join(makeTempDir(), 'nowhere.yaml'), path.join(dir, 'ideas.config.yaml'));
    const r = ideas(['init', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toMatch(/^ideas: ideas\.config\.yaml is a symbolic link/);
    expect(fs.existsSync(path.join(dir, 'ideas'))).toBe(false);
  });

  // Every file is created through one fault point, write:temp-written; the config is the last.
  it('killed at each file it writes: no config yet, and init run again finishes the registry as one run would', () => {
    const args = ['init', '--template', 'sundsvall', '--json'];
    const whole = makeTempRepo();
    const once = ideas(args, { cwd: whole });
    expect(once.code, describeRun(once)).toBe(0);
    const files = parseJson<{ files: string[] }>(once).files;
    const contents = (dir: string) => new Map([...snapshotFiles(dir)].map(([f, s]) => [f, s.content]));
    const expected = contents(whole);
    // The workflow, the .gitignore, the criteria and the folders' .gitkeep: one visit each, the config's the last.
    expect(files.length).toBeGreaterThan(10);
    for (let n = 1; n <= files.length; n++) {
      const dir = makeTempRepo();
      const killed = ideas(args, { cwd: dir, env: { IDEAS_FAULT: `kill:write:temp-written@${n}` } });
      expect(killed.signal, `kill at file ${n}: ${describeRun(killed)}`).toBe('SIGKILL');
      expect(fs.existsSync(path.join(dir, 'ideas.config.yaml')), `config after a kill at file ${n}`).toBe(false);
      const left = contents(dir);
      for (const [f, text] of left) expect(text, `${f} after a kill at file ${n}`).toBe(expected.get(f));
      const again = ideas(args, { cwd: dir });
      expect(again.code, `init after a kill at file ${n}: ${describeRun(again)}`).toBe(0);
      expect(parseJson<{ files: string[] }>(again).files).toEqual(files);
      expect(contents(dir)).toEqual(expected);
      expect(git(['status', '--porcelain'], dir)).toBe(git(['status', '--porcelain'], whole));
    }
  });

  it('a file of the template there already, holding exactly what init writes, is taken as it is', () => {
    const dir = makeTempRepo();
    const minimal = path.join(REPO_ROOT, 'examples', 'minimal', 'criteria', 'idea.schema.json');
    writeFile(dir, 'criteria/idea.schema.json', fs.readFileSync(minimal, 'utf8'));
    const r = ideas(['init', '--template', 'minimal'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'criteria/idea.schema.json'), 'utf8')).toBe(fs.readFileSync(minimal, 'utf8'));
    expect(ideas(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('an unknown template exits 2 and names the templates', () => {
    const dir = makeTempDir();
    const r = ideas(['init', '--template', 'stockholm'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('stockholm');
    for (const t of TEMPLATES) expect(r.stderr).toContain(t);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an unknown language exits 2 and writes nothing', () => {
    const dir = makeTempDir();
    const r = ideas(['init', '--template', 'minimal', '--lang', 'de'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('de');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('without a template under CI uses minimal, and the registry is Swedish', () => {
    const dir = makeTempRepo();
    const r = ideas(['init', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toMatchObject({ kind: 'registry-created', template: 'minimal', registry: { language: 'sv' } });
    expect(readConfig(dir).language).toBe('sv');
  });

  it('init <dir> creates the registry in that folder', () => {
    const dir = makeTempDir();
    const r = ideas(['init', 'sluss', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'sluss', 'ideas.config.yaml'))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['sluss']);
  });
});

describe('ideas init: the CI workflow', () => {
  it('writes .github/workflows/ideas.yml at the top of the repository, and lists it with the other files', () => {
    const dir = makeTempRepo();
    const r = ideas(['init', 'sluss', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('  ideas.config.yaml\n');
    expect(r.stdout).toMatch(/^ {2}\.\.\/\.github\/workflows\/ideas\.yml {2}\(GitHub Actions: .*\)$/m);
    expect(r.stdout).toContain('ideas hook install');
    expect(r.stderr).toBe('');
    const workflow = fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8');
    expect(workflow).toContain('ideas diff --format github --registry sluss\n');
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(pkg.name).toBe('idesluss');
    expect(workflow).toContain(`IDEAS_PACKAGE: idesluss@${pkg.version}\n`);
  });

  it('never overwrites a workflow: keeps it, says so on stderr, and still makes the registry', () => {
    const dir = makeTempRepo();
    writeFile(dir, '.github/workflows/ideas.yml', 'name: ours\n');
    const r = ideas(['init', '--template', 'minimal'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toContain('.github/workflows/ideas.yml finns redan och skrevs inte över');
    expect(r.stdout).not.toContain('.github/workflows/ideas.yml');
    expect(fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8')).toBe('name: ours\n');
    const j = ideas(['init', 'b', '--template', 'minimal', '--json'], { cwd: dir });
    expect(parseJson(j)).toMatchObject({ ci: { file: '../.github/workflows/ideas.yml', status: 'exists' } });
  });

  it('--ci gitlab --package <spec> writes .gitlab-ci.yml with that spec, and the JSON says so', () => {
    const dir = makeTempRepo();
    const spec = 'https://intra.example.se/npm/idesluss-0.1.0.tgz';
    const r = ideas(['init', '--template', 'minimal', '--ci', 'gitlab', '--package', spec, '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toMatchObject({
      ci: { file: '.gitlab-ci.yml', status: 'written', provider: 'gitlab', package: spec },
    });
    expect(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toContain(`    IDEAS_PACKAGE: ${spec}\n`);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('a --package that is not pinned exits 2, says why in Swedish and English, and writes nothing', () => {
    for (const [lang, why] of [
      ['sv', /exakt/],
      ['en', /exact/],
    ] as const) {
      const dir = makeTempDir();
      const r = ideas(['init', '--template', 'minimal', '--lang', lang, '--package', 'idesluss@latest'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain('idesluss@latest');
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it('--no-ci writes no workflow, and the JSON says so', () => {
    const dir = makeTempRepo();
    const r = ideas(['init', '--template', 'minimal', '--no-ci', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toMatchObject({ ci: { file: null, status: 'off' } });
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });
});
