/**
 * Temporary folders and git repositories for end-to-end tests. CI's git has no identity and no default branch, so
 * every repository is made with `-b main` and a local user. Call `removeTempDirs()` in afterAll (or afterEach).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function makeTempDir(prefix = 'ideas-e2e-'): string {
  // realpath: on some systems the temporary folder is a symbolic link, and the CLI prints resolved paths.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/**
 * The environment of the tests' own git: no global or system configuration, so the machine's settings cannot change
 * a test, and no repository inherited from the environment (a test run from a git hook has GIT_DIR set).
 */
function testGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
  };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

/** The one git of the tests, in testGitEnv; its stdout, or an error when it fails. */
export function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: testGitEnv(),
  });
}

/**
 * A home folder with nothing in it, the same for every run of a test process: the product's git reads the user's
 * config from HOME (src/io/git.ts passes HOME and drops every GIT_* variable), so an empty one keeps the machine's
 * name, e-mail and settings out, as on CI. git only reads a home's config, never writes one.
 */
export function emptyHome(): string {
  const home = path.join(os.tmpdir(), 'ideas-test-empty-home');
  fs.mkdirSync(home, { recursive: true });
  return home;
}

/**
 * Keeps the machine's git config out of the product's git when a test runs a command in its own process. The product
 * hands git HOME and XDG_CONFIG_HOME, never a GIT_* variable (src/io/git.ts), so they point at a home of the test's:
 * `home`, or an empty one, as on CI. For the rest of the test file, which has a process of its own.
 */
export function useGitHome(home: string = emptyHome()): void {
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete process.env[name];
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = os.devNull;
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
}

/**
 * `git commit -m <message> <args>` as a person runs it, hooks and all, in the environment of git() above (and
 * NO_COLOR); what git and the hook printed, together, and the exit code. `env` adds to it (LANG, a PATH without ideas).
 */
export function commitWithHooks(
  dir: string,
  message: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): { code: number | null; output: string } {
  const r = spawnSync('git', ['commit', '-q', '-m', message, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...testGitEnv(), NO_COLOR: '1', ...env },
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

export function makeTempRepo(): string {
  const dir = makeTempDir();
  git(['init', '-q', '-b', 'main'], dir);
  git(['config', 'user.name', 'E2E Test'], dir);
  git(['config', 'user.email', 'e2e@example.invalid'], dir);
  git(['config', 'commit.gpgsign', 'false'], dir);
  return dir;
}

/**
 * Stages everything and commits it; the new commit's id. A commit of nothing fails, as git's does: a test that meant
 * to change something and did not is told so here.
 */
export function commitAll(dir: string, message: string): string {
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', message], dir);
  return git(['rev-parse', 'HEAD'], dir).trim();
}

/** The paths staged in the index, relative to the repository. */
export function stagedFiles(dir: string): string[] {
  return git(['diff', '--cached', '--name-only'], dir)
    .split('\n')
    .filter((l) => l !== '');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8Text(bytes: Buffer, name: string): string {
  try {
    return UTF8.decode(bytes);
  } catch (e) {
    throw new Error(`${name} is not UTF-8`, { cause: e });
  }
}

/**
 * Every file under `dir` but .git's, by its path relative to `dir` with `/` between folders, and its text: what a
 * command wrote, and to prove that nothing changed. A file that is not UTF-8 fails the call: decoded leniently, two
 * different files could read as one text, and the comparison would no longer be byte for byte.
 */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const abs = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(abs, rel);
      else out.set(rel, utf8Text(fs.readFileSync(abs), rel));
    }
  };
  walk(dir, '');
  return out;
}

/** A copy of a folder in a new temporary folder. */
export function copyToTemp(source: string): string {
  const dir = makeTempDir();
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * A copy of a prepared repository (or registry), .git and all, in a new temporary folder: for a fixture made once
 * and copied per test, so that no two tests share one. The product's cache (.git/ideas-cache) is left out, so that
 * the copy is read as the first run would read it.
 */
export function copyRepo(source: string): string {
  const dir = makeTempDir();
  const cache = path.join(source, '.git', 'ideas-cache');
  fs.cpSync(source, dir, { recursive: true, filter: (from) => from !== cache });
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
