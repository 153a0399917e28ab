/** Which of Node's own modules a process loaded: for tests that hold that a command does without one. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { cliEnv } from './cli.js';
import { makeTempDir } from './temp-repo.js';

/** The modules `node <args>` loaded, run in `cwd`, named as process.moduleLoadList names them ('NativeModule fs'). */
export function loadedModules(args: string[], cwd: string): string[] {
  const dir = makeTempDir('ideas-loader-');
  const probe = path.join(dir, 'probe.cjs');
  const out = path.join(dir, 'loaded.json');
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  const r = spawnSync(process.execPath, ['--require', probe, ...args], { cwd, env: cliEnv(), encoding: 'utf8' });
  expect([0, 1], r.stderr).toContain(r.status);
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}
