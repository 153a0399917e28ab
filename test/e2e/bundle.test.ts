/**
 * The CLI runs from the bundle the build makes, compiled with V8's code cache of it (src/launch.ts,
 * src/tools/bundle.ts): a cache V8 refuses, or a launch that falls back to the modules, would cost every command
 * about 50 ms without changing a byte of its output, so nothing else would notice.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, cliEnv, describeRun, ideas } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** Runs `script` as an ES module in a plain `node`, as bin/ideas.js runs, and returns what it printed. */
function nodeModule(script: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    env: cliEnv(),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

const LAUNCH = JSON.stringify(path.join(REPO_ROOT, 'dist/launch.js'));

describe('the bundled program', () => {
  it('is compiled with the code cache the build made, which this node takes', () => {
    const result = nodeModule(`
      import { readFileSync } from 'node:fs';
      const { runBundle, CODE_CACHE_FILE } = await import(${LAUNCH});
      const { script } = runBundle(readFileSync(CODE_CACHE_FILE));
      console.log(JSON.stringify({ rejected: script.cachedDataRejected }));
    `);
    expect(result).toEqual({ rejected: false });
  });

  it('is what the command line loads, not the modules one by one', () => {
    const result = nodeModule(`
      const { loadMain } = await import(${LAUNCH});
      const main = await loadMain();
      console.log(JSON.stringify({ esm: Object.prototype.toString.call(main), run: typeof main.run, main: typeof main.main }));
    `);
    expect(result).toEqual({ esm: '[object Object]', run: 'function', main: 'function' });
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
