/**
 * Runs the built CLI as CI does: `node bin/ideas.js <args>` in a working directory, with an argument array (never a
 * shell), CI's environment (cliEnv), and no terminal: no stdin at all, or a pipe holding the input a test gives.
 * The one runner of the tests: synchronous (`ideas`) or not (`ideasAsync`, for runs that may go side by side), and
 * `shell` for a command line as a user pastes it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyHome } from './temp-repo.js';

export const BIN = fileURLToPath(new URL('../../bin/ideas.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  /** The exit code, or null when the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to (or, with undefined, removed from) the default environment. */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed; without it the child has no stdin (/dev/null), as on CI. */
  input?: string | Buffer;
  timeoutMs?: number;
}

/** Variables that would make a run depend on the machine it happens on: its locale, colours, terminal and git. */
const MACHINE_VARIABLES = [
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_MESSAGES',
  'FORCE_COLOR',
  'TERM_PROGRAM',
  // A repository inherited from the environment (a test run from a git hook has GIT_DIR set).
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  // Who the user is to git, besides its config (src/io/git.ts passes these on).
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'EMAIL',
  'XDG_CONFIG_HOME',
];

/**
 * CI's environment: CI=true, NO_COLOR=1, no locale, no IDEAS_* variable, and no git identity or config (an empty
 * HOME for the product's git; no global or system config for a git a test's command line runs itself).
 * `overrides` adds or removes (undefined) variables: a test that answers prompts removes CI.
 */
export function cliEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('IDEAS_')) delete env[name];
  for (const name of MACHINE_VARIABLES) delete env[name];
  env.HOME = emptyHome();
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_CONFIG_GLOBAL = devNull;
  env.GIT_TERMINAL_PROMPT = '0';
  env.NO_COLOR = '1';
  env.CI = 'true';
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * How long one run of the CLI may take before it counts as hung: far beyond any command's time on a quiet machine,
 * and within a test's own 60 s, so that a loaded machine (a whole suite beside other work) is not taken for a hang.
 */
const SPAWN_TIMEOUT_MS = 45_000;

export function ideas(args: readonly string[], opts: RunOptions): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    input: opts.input,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? SPAWN_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Spawns `file` and gathers what it prints, without blocking. `input` is written to its stdin and closed (no input:
 * stdin is not opened at all); with `timeoutMs` it is killed when it runs longer.
 */
export function gather(
  file: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: RunOptions['input']; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const { cwd, env } = opts;
    const child =
      opts.input === undefined
        ? spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(file, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** The same as `ideas`, without blocking: for runs that may go side by side. */
export function ideasAsync(args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return gather(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    input: opts.input,
    timeoutMs: opts.timeoutMs ?? SPAWN_TIMEOUT_MS,
  });
}

/** stdout as JSON, with the run shown when it is not JSON. */
export function parseJson<T = Record<string, unknown>>(r: RunResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(r.code)}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
}

/** A one-line account of a run, for assertion messages. */
export function describeRun(r: RunResult): string {
  return `exit ${String(r.code)}${r.signal ? ` (${r.signal})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

/** A Node stack trace line, which users must never see without --debug. */
export const STACK_LINE = /^ {4}at /m;

/** The run, when it exited 0; otherwise an error that shows it. */
export function ok(r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(`expected exit 0: ${describeRun(r)}`);
  return r;
}

let shim: string | undefined;

/** A folder holding an `ideas` that runs this build: made once per test process, removed when it exits. */
export function ideasShimDir(): string {
  if (shim) return shim;
  const dir = mkdtempSync(path.join(tmpdir(), 'ideas-shim-'));
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  writeFileSync(path.join(dir, 'ideas'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(BIN)} "$@"\n`);
  chmodSync(path.join(dir, 'ideas'), 0o755);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  shim = dir;
  return dir;
}

/**
 * A command line run through sh as a user pastes it where they stand, `ideas` on the PATH being this build, with
 * no stdin, as `ideas` has: how a test proves that a printed command runs as printed.
 */
export function shell(command: string, cwd: string, env: NodeJS.ProcessEnv = cliEnv()): RunResult {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    env: withIdeasOnPath(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same as `shell`, without blocking: for pasted commands that may run side by side. */
export function shellAsync(command: string, cwd: string, env: NodeJS.ProcessEnv = cliEnv()): Promise<RunResult> {
  return gather('sh', ['-c', command], { cwd, env: withIdeasOnPath(env) });
}

/** `env` with this build's `ideas` first on the PATH. */
function withIdeasOnPath(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${ideasShimDir()}${path.delimiter}${env.PATH ?? process.env.PATH ?? ''}` };
}
