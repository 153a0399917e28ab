// @ts-check
/** What the two benchmarks (bench/run.js, bench/region.js) share: where things are, git as a CI runner has it, and the figures of a run. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'ideas.js');
/** GNU time: a run's CPU time (user and system) and peak memory, where the machine has it. */
export const TIME = '/usr/bin/time';

/** No machine configuration of git, no colour, and not CI: as on a runner, with the bench's own commits. */
export const BENCH_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
  NO_COLOR: '1',
};
delete BENCH_ENV.CI;
delete BENCH_ENV.FORCE_COLOR;

/** @param {string[]} args @param {string} cwd */
export function git(args, cwd) {
  return execFileSync(
    'git',
    ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, env: BENCH_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * What `/usr/bin/time -v` wrote on a run's stderr: CPU time (user + system) in ms and peak memory in KB, NaN where
 * it did not say.
 * @param {string} stderr
 */
export function timeFigures(stderr) {
  const seconds = (/** @type {string} */ what) =>
    Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN);
  return {
    cpu: (seconds('User') + seconds('System')) * 1000,
    kb: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN),
  };
}

/** Whether the CLI is built; when not, says so and sets exit code 2. */
export function built() {
  if (existsSync(path.join(ROOT, 'dist', 'main.js'))) return true;
  console.error('bench: the CLI is not built; run `npm run build` first.');
  process.exitCode = 2;
  return false;
}
