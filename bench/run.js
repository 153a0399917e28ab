// @ts-check
/**
 * `npm run bench`: how long the built CLI takes, as a user waits for it. Not a test: it measures and prints a
 * table. Each case is a spawned `node bin/ideas.js ...` in a temp git repository holding a generated registry
 * (bench/generate.js); cases of one registry run alternately, so that a slow moment of the machine falls on all
 * of them alike, and each figure is the median of the runs.
 *
 *   npm run build && npm run bench
 *   npm run bench -- --runs 11 --sizes 2000,10000 --changed 5
 *
 * To extend it (start-up time, list, larger registries, peaks of memory), add to CASES, or a column to COLUMNS
 * fed by a new field of the measured sample.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryFor } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'ideas.js');

/**
 * @typedef {{ name: string, args: string[] }} Case
 * @typedef {{ ms: number, code: number | null, checked: number | null, errors: number | null }} Sample
 */

/** @type {Case[]} */
const CASES = [
  { name: 'validate', args: ['validate', '--format', 'json'] },
  { name: 'validate --changed', args: ['validate', '--changed', '--format', 'json'] },
];

function options() {
  const o = { runs: 7, sizes: [2000], changed: 5, seed: 1 };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const value = Number.parseInt(args[i + 1] ?? '', 10);
    if (args[i] === '--runs' && value > 0) o.runs = value;
    else if (args[i] === '--changed' && value > 0) o.changed = value;
    else if (args[i] === '--seed' && value > 0) o.seed = value;
    else if (args[i] === '--sizes') o.sizes = (args[i + 1] ?? '').split(',').map(Number).filter((n) => n > 0);
    else throw new Error(`unknown option ${args[i]}: use --runs n, --sizes a,b, --changed n, --seed n`);
    i++;
  }
  return o;
}

/** git with no machine configuration, as on a CI runner. */
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0' };
/** @param {string[]} args @param {string} cwd */
function git(args, cwd) {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/**
 * A temp repository with the registry committed on main, and a branch that changes `changed` valid ideas spread
 * over the stages, committed as a pull request's branch would be.
 * @param {string} source @param {{ path: string, planted: string | null }[]} files @param {number} changed
 */
function makeRepo(source, files, changed) {
  const repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ideas-bench-')));
  cpSync(source, repo, { recursive: true });
  git(['init', '-q', '-b', 'main'], repo);
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'registry'], repo);
  git(['checkout', '-q', '-b', 'change'], repo);
  const valid = files.filter((f) => !f.planted);
  const step = Math.max(1, Math.floor(valid.length / changed));
  for (let i = 0; i < changed; i++) {
    const file = valid[i * step];
    if (!file) break;
    const abs = path.join(repo, file.path);
    writeFileSync(abs, `${readFileSync(abs, 'utf8')}\nEtt tillägg efter idérådets möte. An addition after the council's meeting.\n`);
  }
  git(['commit', '-q', '-am', `change ${changed} ideas`], repo);
  return repo;
}

/** @param {Case} c @param {string} cwd @returns {Sample} */
function runOnce(c, cwd) {
  const env = { ...GIT_ENV, NO_COLOR: '1' };
  delete env.CI;
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...c.args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  let checked = null;
  let errors = null;
  try {
    const doc = JSON.parse(r.stdout);
    checked = doc.summary?.files ?? null;
    errors = doc.summary?.errors ?? null;
  } catch {
    // Not JSON: a case that prints something else.
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`${c.name} exited ${r.status}:\n${r.stderr}`);
  return { ms, code: r.status, checked, errors };
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Every case once to warm the file cache, then `runs` rounds of every case in turn. */
function measure(/** @type {Case[]} */ cases, /** @type {string} */ cwd, /** @type {number} */ runs) {
  for (const c of cases) runOnce(c, cwd);
  /** @type {Sample[][]} */
  const samples = cases.map(() => []);
  for (let round = 0; round < runs; round++) cases.forEach((c, i) => samples[i]?.push(runOnce(c, cwd)));
  return cases.map((c, i) => {
    const s = samples[i] ?? [];
    const ms = s.map((x) => x.ms);
    return { case: c, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), checked: s[0]?.checked ?? null, errors: s[0]?.errors ?? null };
  });
}

const fmt = new Intl.NumberFormat('en-GB');
/** @typedef {{ size: number, case: Case, median: number, min: number, max: number, checked: number | null, errors: number | null }} Row */
/** @type {{ title: string, cell: (r: Row) => string, right?: boolean }[]} */
const COLUMNS = [
  { title: 'registry', cell: (r) => `${fmt.format(r.size)} ideas` },
  { title: 'command', cell: (r) => `ideas ${r.case.name}` },
  { title: 'checked', cell: (r) => (r.checked === null ? '' : fmt.format(r.checked)), right: true },
  { title: 'errors', cell: (r) => (r.errors === null ? '' : fmt.format(r.errors)), right: true },
  { title: 'median', cell: (r) => `${fmt.format(Math.round(r.median))} ms`, right: true },
  { title: 'min', cell: (r) => `${fmt.format(Math.round(r.min))} ms`, right: true },
  { title: 'max', cell: (r) => `${fmt.format(Math.round(r.max))} ms`, right: true },
];

/** @param {Row[]} rows */
function table(rows) {
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells.map((row) => row.map((cell, i) => (COLUMNS[i]?.right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'main.js'))) {
    console.error('bench: the CLI is not built; run `npm run build` first.');
    process.exitCode = 2;
    return;
  }
  const o = options();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`ideas benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} × ${cpu}`);
  console.log(`${o.runs} runs of each case, alternated; the median, and the fastest and slowest run. ${o.changed} ideas changed on the branch.\n`);
  /** @type {Row[]} */
  const rows = [];
  /** @type {string[]} */
  const ratios = [];
  for (const size of o.sizes) {
    const { dir, manifest } = registryFor({ size, seed: o.seed });
    const repo = makeRepo(dir, manifest.files, o.changed);
    try {
      const results = measure(CASES, repo, o.runs);
      for (const r of results) rows.push({ size, ...r });
      const [full, changed] = results;
      if (full && changed) ratios.push(`${fmt.format(size)} ideas: validate --changed takes ${(changed.median / full.median * 100).toFixed(0)}% of the time of validate (${(full.median / changed.median).toFixed(1)}× faster); ${manifest.planted} errors planted.`);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }
  console.log(table(rows));
  console.log(`\n${ratios.join('\n')}`);
}

main();
