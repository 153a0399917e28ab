/**
 * The install step of the CI files `ideas init` writes, run for real: this tool packed with `npm pack`, published to
 * a private registry (verdaccio, on the loopback address, with no uplink), and installed by the generated steps in a
 * temp prefix, as the runner would, then run on a pull request branch. npm is pointed at the private registry and
 * at a proxy that refuses every connection, so an install that needs anything but the one tarball fails here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GITLAB_CI_FILE } from '../../src/core/scaffold/gitlab-ci.js';
import { WORKFLOW_FILE } from '../../src/core/scaffold/ci-workflow.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { startNpmRegistry, type NpmRegistry } from '../helpers/npm-registry.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

const PKG = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  bundleDependencies: string[] | boolean;
};
const OWN_SPEC = `${PKG.name}@${PKG.version}`;
const BIN_FILE = PKG.bin.ideas ?? '(none)';

interface Packed {
  filename: string;
  integrity: string;
  files: { path: string }[];
  bundled: string[];
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let registry: NpmRegistry | undefined;
let packed: Packed;
let tarball: string;
let prefixes = 0;

/** npm's settings for this test only: nothing from the machine's config, cache, or environment reaches npm. */
function npmEnv(prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|no_proxy$|https?_proxy$|all_proxy$)/i.test(name)) env[name] = value;
  }
  return {
    ...env,
    PATH: [path.join(prefix, 'bin'), path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
    npm_config_userconfig: path.join(work, 'npmrc'),
    npm_config_globalconfig: path.join(work, 'npmrc-global'),
    npm_config_cache: fs.mkdtempSync(path.join(work, 'cache-')),
    npm_config_prefix: prefix,
    npm_config_registry: registry?.url ?? 'http://127.0.0.1:9/',
    // Anything not on the loopback address goes to a proxy that refuses it, at once and without retries.
    npm_config_proxy: 'http://127.0.0.1:9/',
    npm_config_https_proxy: 'http://127.0.0.1:9/',
    npm_config_noproxy: '127.0.0.1',
    npm_config_fetch_retries: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    CI: 'true',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    ...extra,
  };
}

function newPrefix(): string {
  prefixes += 1;
  return path.join(work, `prefix-${prefixes}`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A script from a CI file, run as GitHub's and GitLab's runners run it on Linux: bash, stopping at the first failure. */
function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Run {
  return run('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], cwd, env);
}

const describeRun = (r: Run) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/**
 * The package a prefix has installed: its version, and the build it came from. Every build writes a new random id
 * (dist/generated/build-id.txt), so the same id as this repository's build means the very files packed above.
 */
function installed(prefix: string): { version: string; build: string } {
  const root = path.join(prefix, 'lib/node_modules', PKG.name);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const id = path.join(root, 'dist/generated/build-id.txt');
  return { version, build: fs.existsSync(id) ? fs.readFileSync(id, 'utf8') : '(none)' };
}

/** This repository's build, which was packed. */
const ours = () => ({
  version: PKG.version,
  build: fs.readFileSync(path.join(REPO_ROOT, 'dist/generated/build-id.txt'), 'utf8'),
});

/** The `ideas` a prefix's bin holds, run with that prefix first on PATH. */
function ideasIn(prefix: string, args: string[], cwd: string, extra: Record<string, string> = {}): Run {
  return run(path.join(prefix, 'bin', 'ideas'), args, cwd, npmEnv(prefix, extra));
}

beforeAll(async () => {
  work = makeTempDir('ideas-install-');
  for (const built of [
    'dist/main.js',
    'dist/bundle/ideas.cjs',
    'dist/help.json',
    'dist/generated/validator-config.cjs',
    'dist/generated/build-id.txt',
  ]) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  fs.writeFileSync(path.join(work, 'npmrc-global'), '');
  // The tarball npm publish would make, from the build the other tests use (prepare, the build, is skipped).
  const pack = run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
    REPO_ROOT,
    npmEnv(newPrefix()),
  );
  expect(pack.status, describeRun(pack)).toBe(0);
  packed = (JSON.parse(pack.stdout) as Packed[])[0] as Packed;
  tarball = path.join(work, packed.filename);

  registry = await startNpmRegistry(path.join(work, 'registry'));
  fs.writeFileSync(path.join(work, 'npmrc'), `${registry.authLine}\n`);
  const publish = run('npm', ['publish', tarball], work, npmEnv(newPrefix()));
  expect(publish.status, `${describeRun(publish)}\n--- registry\n${registry.log()}`).toBe(0);

  // A later version under the same name, as a hijacked or careless release would be: the pinned spec must not get it.
  const impostor = path.join(work, 'impostor');
  fs.mkdirSync(impostor);
  fs.writeFileSync(
    path.join(impostor, 'package.json'),
    JSON.stringify({ name: PKG.name, version: '99.0.0', bin: { ideas: 'ideas.js' } }),
  );
  fs.writeFileSync(path.join(impostor, 'ideas.js'), '#!/usr/bin/env node\nconsole.log("impostor");\n', { mode: 0o755 });
  const second = run('npm', ['publish', impostor], work, npmEnv(newPrefix()));
  expect(second.status, describeRun(second)).toBe(0);
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  removeTempDirs();
});

let tool: string | undefined;
/** A prefix with the tarball installed, to run `ideas init` with, as a user would. */
function installedTool(): string {
  if (tool) return tool;
  const prefix = newPrefix();
  const r = run('npm', ['install', '--global', tarball], work, npmEnv(prefix));
  expect(r.status, describeRun(r)).toBe(0);
  tool = prefix;
  return prefix;
}

describe('the packed package', { timeout: 120_000 }, () => {
  it('holds the built CLI, its schemas, the templates and every dependency, and no sources, tests or tools', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      BIN_FILE,
      'dist/main.js',
      'dist/launch.js',
      'dist/bundle/ideas.cjs',
      'dist/bundle/ideas.cache',
      'dist/help-fast.js',
      'dist/help.json',
      'dist/generated/validator-config.cjs',
      'dist/generated/build-id.txt',
      'schemas/config.schema.json',
      'schemas/idea.schema.json',
      'examples/minimal/ideas.config.yaml',
      'examples/sundsvall/criteria/test.schema.json',
    ]) {
      expect(files, needed).toContain(needed);
    }
    if (fs.existsSync(path.join(REPO_ROOT, 'LICENSE'))) expect(files).toContain('LICENSE');
    const unwanted = files.filter(
      (f) =>
        !f.startsWith('node_modules/') &&
        /^(src|test|bench|ideas|\.ci|\.github|dist\/tools|coverage)\/|\.test\.|\.ts$|^(tsconfig|vitest|eslint)/.test(f),
    );
    expect(unwanted).toEqual([]);
    // Bundled as the lock file pinned them: one tarball is the whole tool, and gray-matter gets the js-yaml the
    // overrides give it, which a dependency's overrides would not do in another project.
    for (const dependency of Object.keys(PKG.dependencies)) expect(packed.bundled, dependency).toContain(dependency);
    expect(files.some((f) => f.startsWith('node_modules/gray-matter/node_modules/js-yaml/'))).toBe(false);
  });

  it('is published, and the registry serves nothing it was not given (no uplink)', () => {
    const env = npmEnv(newPrefix());
    const ours = run('npm', ['view', OWN_SPEC, 'dist.integrity'], work, env);
    expect(ours.stdout.trim(), describeRun(ours)).toBe(packed.integrity);
    const other = run('npm', ['view', 'chalk', 'version'], work, env);
    expect(other.status, describeRun(other)).not.toBe(0);
    expect(other.stderr).toMatch(/E404|404/);
  });
});

describe('npm install --global <tarball>', { timeout: 120_000 }, () => {
  it('gives a working ideas command, outside this repository, that needs nothing from a registry', () => {
    const prefix = installedTool();
    expect(installed(prefix)).toEqual(ours());
    expect(fs.realpathSync(path.join(prefix, 'bin', 'ideas'))).toBe(
      path.join(fs.realpathSync(prefix), 'lib/node_modules', PKG.name, BIN_FILE),
    );

    const dir = makeTempRepo();
    expect(ideasIn(prefix, ['--version'], dir).stdout).toBe(`${PKG.version}\n`);
    const help = ideasIn(prefix, ['init', '--help'], dir);
    expect(help.status, describeRun(help)).toBe(0);
    expect(help.stdout).toContain('--package');
    // The templates, the schemas and the generated validators are found inside the installed package.
    const init = ideasIn(prefix, ['init', '--template', 'sundsvall', '--lang', 'en'], dir);
    expect(init.status, describeRun(init)).toBe(0);
    const workflow = parse(fs.readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8')) as { env: Record<string, string> };
    expect(workflow.env.IDEAS_PACKAGE).toBe(OWN_SPEC);
    const made = ideasIn(prefix, ['new', '--no-input', '--title', 'Lånecykel', '--set', 'carrier=Anna Berg'], dir);
    expect(made.status, describeRun(made)).toBe(0);
    const validate = ideasIn(prefix, ['validate'], dir);
    expect(validate.status, describeRun(validate)).toBe(0);
    const list = ideasIn(prefix, ['list', '--json'], dir);
    expect(list.stdout).toContain('Lånecykel');
  });
});

/** A repository with a registry `ideas init` made with the installed tool, committed on main, and `args` given. */
function initRepo(prefix: string, args: string[]): string {
  const dir = makeTempRepo();
  const init = ideasIn(prefix, ['init', '--template', 'minimal', '--lang', 'en', ...args], dir);
  expect(init.status, describeRun(init)).toBe(0);
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'The registry'], dir);
  return dir;
}

interface WorkflowDoc {
  env: Record<string, string>;
  jobs: { ideas: { steps: { id?: string; run?: string }[] } };
}

describe("the GitHub workflow's steps, against the registry", { timeout: 120_000 }, () => {
  it('install exactly this build at its version, not the newer one, and check a pull request with it', () => {
    const dir = initRepo(installedTool(), []);
    const wf = parse(fs.readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8')) as WorkflowDoc;
    expect(wf.env.IDEAS_PACKAGE).toBe(OWN_SPEC);
    const steps = wf.jobs.ideas.steps.filter((s) => s.run !== undefined);
    const [install, validate, diff] = steps;

    const prefix = newPrefix();
    const env = npmEnv(prefix, { ...wf.env, GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main' });
    const r = runScript(install?.run ?? 'false', dir, env);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(PKG.version);
    expect(installed(prefix)).toEqual(ours());
    expect(run('bash', ['-c', 'command -v ideas'], dir, env).stdout.trim()).toBe(path.join(prefix, 'bin', 'ideas'));

    git(['checkout', '-q', '-b', 'idea'], dir);
    const made = run('ideas', ['new', '--no-input', '--title', 'Lånecykel'], dir, env);
    expect(made.status, describeRun(made)).toBe(0);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'An idea'], dir);
    for (const step of [validate, diff]) {
      const checked = runScript(step?.run ?? 'false', dir, env);
      expect(checked.status, `${step?.run}\n${describeRun(checked)}`).toBe(0);
    }
  });

  it('the same steps with the spec unpinned would have installed the newer one: the check can fail', () => {
    const dir = initRepo(installedTool(), []);
    const wf = parse(fs.readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8')) as WorkflowDoc;
    const install = wf.jobs.ideas.steps.find((s) => s.id === 'install');
    const prefix = newPrefix();
    const r = runScript(install?.run ?? 'false', dir, npmEnv(prefix, { IDEAS_PACKAGE: PKG.name }));
    expect(r.stdout.trim().split('\n').at(-1)).toBe('impostor');
    expect(installed(prefix)).toEqual({ version: '99.0.0', build: '(none)' });
  });

  it('--package file:<tarball>: the workflow installs that file', () => {
    const spec = `file:${tarball}`;
    const dir = initRepo(installedTool(), ['--package', spec]);
    const wf = parse(fs.readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8')) as WorkflowDoc;
    expect(wf.env.IDEAS_PACKAGE).toBe(spec);
    const install = wf.jobs.ideas.steps.find((s) => s.id === 'install');
    const prefix = newPrefix();
    const r = runScript(install?.run ?? 'false', dir, npmEnv(prefix, wf.env));
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(PKG.version);
    expect(installed(prefix)).toEqual(ours());
  });
});

describe("the GitLab job's install lines, against the registry", { timeout: 120_000 }, () => {
  it('install exactly this build at its version', () => {
    const dir = initRepo(installedTool(), ['--ci', 'gitlab']);
    const job = (
      parse(fs.readFileSync(path.join(dir, GITLAB_CI_FILE), 'utf8')) as {
        ideas: { variables: Record<string, string>; script: string[] };
      }
    ).ideas;
    expect(job.variables.IDEAS_PACKAGE).toBe(OWN_SPEC);
    const prefix = newPrefix();
    const r = runScript(job.script.slice(0, 2).join('\n'), dir, npmEnv(prefix, job.variables));
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(PKG.version);
    expect(installed(prefix)).toEqual(ours());
  });
});
