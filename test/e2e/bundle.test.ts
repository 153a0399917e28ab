/**
 * The CLI runs from the bundle the build makes, compiled with V8's code cache of it (src/launch.ts,
 * src/tools/bundle.ts): a cache V8 refuses, or a launch that falls back to the modules, would cost every command
 * about 50 ms without changing a byte of its output, so nothing else would notice.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, cliEnv, describeRun, ideas } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';
import { loadedModules } from '../helpers/loaded-modules.js';

afterAll(removeTempDirs);

/** The launcher bin/ideas.js requires, built from src/launch.ts. */
const LAUNCHER = path.join(REPO_ROOT, 'dist/bundle/launch.cjs');

/** Runs `script` as bin/ideas.js runs, CommonJS in a plain `node`, and returns what it printed. */
function nodeScript(script: string): unknown {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, env: cliEnv(), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe('the bundled program', () => {
  it('is compiled with the code cache the build made, which this node takes', () => {
    const result = nodeScript(`
      const { runBundle, CODE_CACHE_FILE } = require(${JSON.stringify(LAUNCHER)});
      const { script } = runBundle(require('node:fs').readFileSync(CODE_CACHE_FILE));
      console.log(JSON.stringify({ rejected: script.cachedDataRejected }));
    `);
    expect(result).toEqual({ rejected: false });
  });

  it('is what the command line loads, not the modules one by one', () => {
    const bundle = JSON.stringify(path.join(REPO_ROOT, 'dist/bundle/ideas.cjs'));
    const result = nodeScript(`
      const main = require(${JSON.stringify(LAUNCHER)}).loadBundledMain();
      console.log(JSON.stringify({ required: ${bundle} in require.cache, run: typeof main.run, main: typeof main.main }));
    `);
    // Compiled from its text with the cache, not required (which would compile it without).
    expect(result).toEqual({ required: false, run: 'function', main: 'function' });
  });

  it('loads the yaml package from a script of its own, with the code cache the build made', () => {
    const result = nodeScript(`
      const { exports, script } = require(${JSON.stringify(LAUNCHER)}).runYamlBundle();
      console.log(JSON.stringify({ rejected: script.cachedDataRejected, parse: typeof exports.parseDocument }));
    `);
    expect(result).toEqual({ rejected: false, parse: 'function' });
  });

  it('takes the yaml package from that script when a file needs it, never from node_modules', () => {
    const registry = makeTempDir('ideas-yaml-');
    cpSync(path.join(REPO_ROOT, 'examples', 'sundsvall'), registry, { recursive: true });
    writeFileSync(path.join(registry, 'ideas', '01-ide', 'sund-bbbbb1-trasig.md'), '---\ntitle: "Trasig\n---\n');
    const dir = makeTempDir('ideas-probe-');
    const probe = path.join(dir, 'probe.cjs');
    const out = path.join(dir, 'required.json');
    writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = spawnSync(process.execPath, ['--require', probe, path.join(REPO_ROOT, 'bin', 'ideas.js'), 'validate'], {
      cwd: registry,
      env: cliEnv(),
      encoding: 'utf8',
    });
    // The package read the broken file: its finding is the package's, placed where the quote opens.
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/sund-bbbbb1-trasig\.md\n {2}2:8 .*front-matter\/yaml/);
    const required = JSON.parse(readFileSync(out, 'utf8')) as string[];
    expect(required.filter((file) => file.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`))).toEqual([]);
  });

  it("starts a command without Node's ES module loader", () => {
    const example = path.join(REPO_ROOT, 'examples', 'sundsvall');
    const loader = (script: string[]) =>
      loadedModules(script, example).filter((m) => m.includes('modules/esm/module_job'));
    // The probe sees the loader when it runs: an ES module loads it.
    expect(loader(['--input-type=module', '-e', 'await 0'])).not.toEqual([]);
    expect(loader([path.join(REPO_ROOT, 'bin', 'ideas.js'), 'list'])).toEqual([]);
  });

  it('loads child_process only for a command that runs a program: commander and src/io/git.ts have it when first used', () => {
    const example = path.join(REPO_ROOT, 'examples', 'sundsvall');
    const childProcess = (args: string[]) =>
      loadedModules([path.join(REPO_ROOT, 'bin', 'ideas.js'), ...args], example).includes('NativeModule child_process');
    expect(childProcess(['list'])).toBe(false);
    expect(childProcess(['report'])).toBe(false);
    // validate, which imports git for --changed, loads it for --changed alone.
    expect(childProcess(['validate'])).toBe(false);
    expect(childProcess(['validate', '--changed'])).toBe(true);
    // The probe sees it where it is loaded: `ideas diff` runs git.
    expect(childProcess(['diff', 'HEAD'])).toBe(true);
  });

  it('gives every module the URL of its own built file, as `import.meta.url` did', () => {
    const bundle = readFileSync(path.join(REPO_ROOT, 'dist/bundle/ideas.cjs'), 'utf8');
    expect(bundle).not.toContain('import.meta');
    // ASCII alone, which src/launch.ts reads as Latin-1.
    expect(bundle).not.toMatch(/[\u0080-\uffff]/);
    // Nor an `import()`: a script compiled from a code cache cannot run one on Node 20 (the prompts' readline).
    expect(bundle).not.toMatch(/\bimport\(/);
    // The worker's module and the generated validators are found beside the modules that name them.
    expect(bundle).toContain('__ideasFileUrl("../io/parallel-read.js")');
    expect(bundle).toContain('__ideasFileUrl("../io/schemas.js")');
  });

  it('is not needed: a build without it (tsc alone) runs the modules, and prints the same', () => {
    const pkg = makeTempDir('ideas-nobundle-');
    for (const part of ['bin', 'dist', 'schemas', 'examples', 'package.json']) {
      cpSync(path.join(REPO_ROOT, part), path.join(pkg, part), {
        recursive: true,
        filter: (from) => !from.startsWith(path.join(REPO_ROOT, 'dist', 'bundle')),
      });
    }
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    const example = path.join(REPO_ROOT, 'examples', 'sundsvall');
    const args = ['--no-cache', 'list', '--lang', 'en'];
    const bundled = ideas(args, { cwd: example });
    const modules = spawnSync(process.execPath, [path.join(pkg, 'bin', 'ideas.js'), ...args], {
      cwd: example,
      env: cliEnv(),
      encoding: 'utf8',
    });
    expect(bundled.code, describeRun(bundled)).toBe(0);
    expect(modules.status, modules.stderr).toBe(0);
    expect(modules.stdout).toBe(bundled.stdout);
    expect(bundled.stdout).toContain('sund-');
  });
});
