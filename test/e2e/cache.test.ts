/**
 * The cache in .git/ideas-cache, as a user meets it: a second run answers the same from the cache, and a run after
 * any change to a file, the config or the criteria answers as if there were no cache.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, REPO_ROOT } from '../helpers/cli.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';
import { loadedModules } from '../helpers/loaded-modules.js';
import { packCache, unpackCache, type Stored } from '../../src/io/file-cache.js';

afterAll(removeTempDirs);

// A test that changes a file uses one no earlier test changed: a changed file is not cached for 3 s.
const IDEA = 'ideas/01-ide/sund-emspzg-minskat-matsvinn-i-aldreboendenas-kok.md';
const SECOND = 'ideas/01-ide/sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md';
const THIRD = 'ideas/02-foradling/sund-eev2bz-bokbussen-som-servicepunkt-pa-landsbygden.md';
const FOURTH = 'ideas/03-test/sund-732bj6-sommarjobb-i-varden-med-en-mentor-per-ungdom.md';
const CACHE_DIR = '.git/ideas-cache';

let repo: string;

/** A copy of the Swedish example, committed, its files older than the cache's window for recent changes. */
beforeAll(async () => {
  repo = makeTempRepo();
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'sundsvall'), repo, { recursive: true });
  git(['add', '-A'], repo);
  git(['commit', '-qm', 'init'], repo);
  // A file changed less than 3 s before a run is read but not cached (src/io/file-cache.ts: RACY_MS).
  await sleep(3_200);
}, 20_000);

function run(...args: string[]) {
  const r = ideas(args, { cwd: repo });
  expect([0, 1], describeRun(r)).toContain(r.code);
  return r;
}

function cacheFile(kind: string): string {
  const name = fs.readdirSync(path.join(repo, CACHE_DIR)).find((f) => f.startsWith(`${kind}-`));
  if (!name) throw new Error(`no ${kind} cache`);
  return path.join(repo, CACHE_DIR, name);
}

/** Changes what the cache holds for `file`, to show whether a run takes it from there. */
function tamper<T>(kind: string, file: string, change: (value: T) => void): void {
  // The cache's columns (src/io/file-cache.ts): the paths joined by NUL, and a value for each in the same order.
  const stored = unpackCache(fs.readFileSync(cacheFile(kind))) as Stored<T>;
  const at = stored.paths.split('\0').indexOf(file);
  if (at === -1) throw new Error(`${file} is not in the ${kind} cache`);
  change(stored.values[at] as T);
  fs.writeFileSync(cacheFile(kind), Buffer.concat([...packCache(stored)]));
}

/** Rewrites a file to the same size and puts its times back, to the nanosecond, as a restore from backup would. */
function editKeepingSizeAndTimes(file: string, from: string, to: string): void {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const abs = path.join(repo, file);
  execFileSync('touch', ['-r', abs, `${abs}.times`]);
  const text = fs.readFileSync(abs, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(abs, text.replace(from, to));
  execFileSync('touch', ['-r', `${abs}.times`, abs]);
  fs.rmSync(`${abs}.times`);
}

describe('ideas list and validate with the cache', () => {
  it('a second run prints the same as the first, which wrote the cache in the git folder and nowhere else', () => {
    const list = run('list', '--json').stdout;
    const validate = run('validate', '--format', 'json').stdout;
    // export reads every idea with its text (a column of the table), report only their fields, list a few of them.
    const exported = run('export').stdout;
    const report = run('report', '--format', 'json').stdout;
    expect(fs.readdirSync(path.join(repo, CACHE_DIR)).sort()).toEqual([
      expect.stringMatching(/^checked-/),
      expect.stringMatching(/^fields-/),
      expect.stringMatching(/^parsed-/),
      expect.stringMatching(/^summary-/),
    ]);
    expect(git(['status', '--porcelain'], repo)).toBe('');
    expect(run('list', '--json').stdout).toBe(list);
    expect(run('validate', '--format', 'json').stdout).toBe(validate);
    expect(run('export').stdout).toBe(exported);
    expect(run('report', '--format', 'json').stdout).toBe(report);
    expect(run('--no-cache', 'list', '--json').stdout).toBe(list);
    expect(run('--no-cache', 'validate', '--format', 'json').stdout).toBe(validate);
    expect(run('--no-cache', 'export').stdout).toBe(exported);
    expect(run('--no-cache', 'report', '--format', 'json').stdout).toBe(report);
  });

  it('loads no node:crypto (~4 ms) to read, nor to write its cache', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'ideas.js');
    const crypto = (args: string[]) => loadedModules([bin, ...args], repo).filter((m) => m === 'NativeModule crypto');
    for (const args of [['list'], ['validate'], ['report'], ['export']])
      expect(crypto(args), args.join(' ')).toEqual([]);
    // A list without its cache writes it anew, through a temporary file with a random name.
    for (const name of fs.readdirSync(path.join(repo, CACHE_DIR)).filter((f) => f.startsWith('summary-')))
      fs.rmSync(path.join(repo, CACHE_DIR, name));
    expect(crypto(['list'])).toEqual([]);
    expect(fs.readdirSync(path.join(repo, CACHE_DIR)).filter((f) => f.startsWith('summary-'))).toHaveLength(1);
    // The probe sees it where it is loaded: the site hashes its stylesheet for its Content-Security-Policy.
    expect(crypto(['site', '--out', path.join(makeTempDir(), 'site')])).toEqual(['NativeModule crypto']);
  });

  it('an unchanged file is taken from the cache, and a changed one never is, even at the same size and times', () => {
    run('list');
    // A summary is kept as its cells, the title second (SummaryCells in src/core/sluice/idea.ts).
    tamper<string[]>('summary', IDEA, (cells) => {
      cells[1] = 'Från cachen';
    });
    expect(run('list').stdout).toContain('Från cachen');
    expect(run('--no-cache', 'list').stdout).not.toContain('Från cachen');

    editKeepingSizeAndTimes(IDEA, 'title: Minskat', 'title: Mindre ');
    const list = run('list').stdout;
    expect(list).not.toContain('Från cachen');
    expect(list).toContain('Mindre');
  });

  it('validate: a cached file keeps its findings; a change to the file, or another language, is seen at once', () => {
    const clean = JSON.parse(run('validate', '--format', 'json').stdout) as { summary: { errors: number } };
    expect(clean.summary.errors).toBe(0);
    tamper<{ findings: unknown[] }>('checked', SECOND, (checked) => {
      checked.findings.push({
        file: SECOND,
        line: 1,
        column: 1,
        rule: 'planted/in-cache',
        severity: 'error',
        message: 'från cachen',
        hint: null,
      });
    });
    expect(run('validate', '--format', 'json').stdout).toContain('planted/in-cache');

    // The file: an id that is not the one in its name, at the same size and times.
    editKeepingSizeAndTimes(SECOND, 'id: sund-njf5rp', 'id: sund-njf5rx');
    const afterEdit = run('validate', '--format', 'json');
    expect(afterEdit.code).toBe(1);
    expect(afterEdit.stdout).not.toContain('planted/in-cache');
    expect(afterEdit.stdout).toContain('id/file-name');
    git(['checkout', '--', SECOND], repo);
    expect(run('validate').code).toBe(0);

    // The language: every message again, in English.
    tamper<{ findings: unknown[] }>('checked', THIRD, (checked) => {
      checked.findings.push({
        file: THIRD,
        line: 1,
        column: 1,
        rule: 'planted/in-cache',
        severity: 'error',
        message: 'från cachen',
        hint: null,
      });
    });
    expect(run('validate').code).toBe(1);
    expect(run('--lang', 'en', 'validate').code).toBe(0);
  });

  it('a cache value of another shape than the reading makes is computed again, never used', () => {
    const replace = (kind: string, file: string, value: unknown) => {
      const stored = unpackCache(fs.readFileSync(cacheFile(kind))) as Stored<unknown>;
      const at = stored.paths.split('\0').indexOf(file);
      if (at === -1) throw new Error(`${file} is not in the ${kind} cache`);
      stored.values[at] = value;
      fs.writeFileSync(cacheFile(kind), Buffer.concat([...packCache(stored)]));
    };
    const commands = [['list'], ['report'], ['export'], ['validate', '--format', 'json']];
    const expected = commands.map((args) => run('--no-cache', ...args).stdout);
    for (const args of commands) run(...args);
    for (const junk of [
      null,
      5,
      [1, 2],
      { ok: true },
      { ok: true, data: null },
      { ok: true, data: { t: new Date(0) } },
    ]) {
      for (const kind of ['summary', 'fields', 'parsed', 'checked']) replace(kind, THIRD, junk);
      commands.forEach((args, i) => {
        expect(run(...args).stdout, `${args.join(' ')} with ${JSON.stringify(junk)}`).toBe(expected[i]);
      });
    }
  });

  it('a FIFO in the place of a cache file is passed over, not waited for', () => {
    run('list');
    const file = cacheFile('summary');
    fs.rmSync(file);
    execFileSync('mkfifo', [file]);
    const r = ideas(['list'], { cwd: repo, timeoutMs: 20_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(run('--no-cache', 'list').stdout);
  });

  it('a FIFO in the place of a criteria file or the config is refused at once by every command, never waited for', () => {
    const config = fs.readFileSync(path.join(repo, 'ideas.config.yaml'), 'utf8');
    const criteria = /criteria: (\S*01-ide\S*|\S*idea\S*\.json)/.exec(config)?.[1] ?? '';
    const file = path.join(repo, criteria);
    const kept = fs.readFileSync(file);
    const id = (JSON.parse(run('list', '--json').stdout) as { ideas: { id: string }[] }).ideas[0]?.id ?? '';
    try {
      fs.rmSync(file);
      execFileSync('mkfifo', [file]);
      for (const args of [['validate'], ['list'], ['show', id], ['report'], ['export']]) {
        const r = ideas(args, { cwd: repo, timeoutMs: 20_000 });
        // A criteria file is needed by some commands (exit 2, naming it) and not by others; none waits.
        expect(r.signal, `${args.join(' ')}: ${describeRun(r)}`).toBeNull();
        if (r.code === 2) expect(r.stderr, args.join(' ')).toContain(criteria);
      }
    } finally {
      fs.rmSync(file);
      fs.writeFileSync(file, kept);
    }
    const configFile = path.join(repo, 'ideas.config.yaml');
    try {
      fs.rmSync(configFile);
      execFileSync('mkfifo', [configFile]);
      const r = ideas(['--lang', 'sv', 'list'], { cwd: repo, timeoutMs: 20_000 });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain('det är ingen vanlig fil (en FIFO eller en enhet)');
    } finally {
      fs.rmSync(configFile);
      fs.writeFileSync(configFile, config);
    }
  });

  it('a stricter criteria file is applied to ideas whose findings were cached', () => {
    expect(run('validate').code).toBe(0);
    const config = fs.readFileSync(path.join(repo, 'ideas.config.yaml'), 'utf8');
    const criteria = /criteria: (\S*01-ide\S*|\S*idea\S*\.json)/.exec(config)?.[1];
    expect(criteria, config).toBeDefined();
    const file = path.join(repo, criteria ?? '');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { required?: string[] };
    schema.required = [...(schema.required ?? []), 'a-field-no-idea-has'];
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
    const r = run('validate', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a-field-no-idea-has');
  });
});

describe('worker threads (src/io/parallel-read.ts)', () => {
  // What each kind of reading keeps: a summary (list), the checks (validate), the whole idea (export).
  const COMMANDS = [['list', '--json'], ['validate', '--format', 'json'], ['export']];
  const clearCache = () => fs.rmSync(path.join(repo, CACHE_DIR), { recursive: true, force: true });
  const withEnv = (env: Record<string, string>, args: string[]) => {
    const r = ideas(args, { cwd: repo, env });
    expect([0, 1], describeRun(r)).toContain(r.code);
    return r;
  };

  it('read and check the files as one thread does, and leave a cache that a run without them uses', () => {
    for (const args of COMMANDS) {
      clearCache();
      const alone = run(...args).stdout;
      clearCache();
      // IDEAS_WORKERS: two workers take every file, the main thread none.
      expect(withEnv({ IDEAS_WORKERS: '2' }, args).stdout, args.join(' ')).toBe(alone);
      expect(run(...args).stdout, args.join(' ')).toBe(alone);
    }
    clearCache();
    withEnv({ IDEAS_WORKERS: '2' }, ['list']);
    // A file no test changes: one changed less than 3 s ago is not in the cache (the first tests change IDEA).
    tamper<string[]>('summary', FOURTH, (cells) => {
      cells[1] = 'Från trådarnas cache';
    });
    expect(run('list').stdout).toContain('Från trådarnas cache');
  });

  it('a worker that fails, at its first batch or a later one, leaves its files to the main thread', () => {
    // Killed at a batch: the workers did take them (and a killed run leaves no cache behind).
    clearCache();
    const killed = ideas(['list'], { cwd: repo, env: { IDEAS_WORKERS: '2', IDEAS_FAULT: 'kill:read:worker' } });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    expect(fs.existsSync(path.join(repo, CACHE_DIR))).toBe(false);
    // A file left undone would be missing from the list: listed as unreadable.
    const args = ['list', '--json'];
    const alone = run('--no-cache', ...args).stdout;
    for (const fault of ['read:worker', 'read:worker@2']) {
      clearCache();
      const r = withEnv({ IDEAS_WORKERS: '2', IDEAS_FAULT: fault }, args);
      expect(r.stdout, fault).toBe(alone);
      expect(r.stderr).not.toContain('injected');
    }
  });
});
