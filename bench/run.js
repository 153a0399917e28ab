// @ts-check
/**
 * `npm run bench`: how long the built CLI takes, as a user waits for it, each figure against a baseline measured in
 * the same run. Not a test: it measures and prints one table, with the issue's targets and whether they hold.
 *
 * Every command is a whole spawned process. The commands of a group run alternately (one of each per round), so that
 * a slow moment of the shared machine falls on all of them alike; each figure is the median of the rounds, with the
 * fastest and slowest run beside it. Registries come from bench/generate.js (seeded, kept in bench/data/) and are
 * committed to temp git repositories; Backlog.md, the peer `ideas list` is compared with, is installed by npm into a
 * temp folder for the run only (never a dependency of ideas).
 *
 *   npm run build && npm run bench -- --quick      3 rounds, 1,000 and 10,000 ideas: a few minutes
 *   npm run build && npm run bench                 7 rounds, 1,000, 10,000 and 50,000 ideas: ten to twenty minutes
 *   npm run bench -- --runs 11 --sizes 1000,10000,50000 --size 10000 --changed 5 --md
 *   npm run bench -- --quick --registry <dir>      a registry made elsewhere instead of the generated ones
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBacklogProject, ownRegistry, registryFor } from './generate.js';
import { BENCH_ENV, BIN, built, git, median, ROOT, TIME, timeFigures } from './lib.js';

const READ_ALL = path.join(ROOT, 'bench', 'read-all.js');
const NAIVE = path.join(ROOT, 'bench', 'naive-validate.js');
const MAX_RSS_HOOK = pathToFileURL(path.join(ROOT, 'bench', 'max-rss.js')).href;
/** The issue's ceilings of peak memory for every command that reads the registry, by registry size. */
const MEMORY_TARGET_MB = new Map([
  [10_000, 120],
  [50_000, 250],
]);
/** `ideas site` holds more (every idea with its text, and a page at a time): its own ceiling at 10,000 ideas. */
const SITE_MEMORY_TARGET_MB = 250;

const USAGE =
  'options: --quick, --runs n, --sizes a,b,c (validate scaling), --size n (the registry of the other rows), --changed n, --seed n, --registry <dir> (one made elsewhere, instead of --size and --sizes), --backlog <version> | --no-backlog, --md';

/**
 * The ceiling of peak memory for a registry made elsewhere, of any size: that of the generated size it does not
 * exceed.
 * @param {number} size
 */
function memoryTargetFor(size) {
  for (const [limit, mb] of [...MEMORY_TARGET_MB].sort((a, b) => a[0] - b[0])) if (size <= limit) return mb;
  return undefined;
}

function options() {
  const o = {
    runs: 7,
    sizes: [1000, 10_000, 50_000],
    size: 10_000,
    changed: 5,
    seed: 1,
    backlog: /** @type {string | null} */ ('1'),
    md: false,
    quick: false,
    registry: /** @type {string | null} */ (null),
  };
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean' },
        md: { type: 'boolean' },
        'no-backlog': { type: 'boolean' },
        backlog: { type: 'string' },
        registry: { type: 'string' },
        runs: { type: 'string' },
        size: { type: 'string' },
        changed: { type: 'string' },
        seed: { type: 'string' },
        sizes: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new Error(`${/** @type {Error} */ (e).message}; ${USAGE}`, { cause: e });
  }
  /** @param {string | undefined} text @param {string} name */
  const count = (text, name) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--${name} takes a whole number above 0, not ${text}; ${USAGE}`);
    return n;
  };
  if (values.quick) Object.assign(o, { quick: true, runs: 3, sizes: [1000, 10_000] });
  o.md = values.md === true;
  if (values['no-backlog']) o.backlog = null;
  else if (values.backlog) o.backlog = values.backlog;
  if (values.registry) o.registry = path.resolve(values.registry);
  o.runs = count(values.runs, 'runs') ?? o.runs;
  o.size = count(values.size, 'size') ?? o.size;
  o.changed = count(values.changed, 'changed') ?? o.changed;
  o.seed = count(values.seed, 'seed') ?? o.seed;
  if (values.sizes !== undefined)
    o.sizes = values.sizes.split(',').map((part) => /** @type {number} */ (count(part, 'sizes')));
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}

/**
 * A temp repository with `source` committed on main; with `changed` > 0 also a branch `change` that edits that many
 * valid ideas spread over the stages, committed as a pull request's branch would be.
 * @param {string} source @param {{ path: string, planted: string | null }[]} files @param {number} changed @param {string} tmp
 */
function makeRepo(source, files, changed, tmp) {
  const repo = realpathSync(mkdtempSync(path.join(tmp, 'repo-')));
  // A registry made elsewhere may be a repository of its own: its files are committed anew, without its history.
  cpSync(source, repo, { recursive: true, filter: (from) => path.basename(from) !== '.git' });
  git(['init', '-q', '-b', 'main'], repo);
  git(['add', '-A'], repo);
  git(['commit', '-q', '--allow-empty', '-m', 'registry'], repo);
  if (changed === 0) return repo;
  git(['checkout', '-q', '-b', 'change'], repo);
  const valid = files.filter((f) => !f.planted);
  const step = Math.max(1, Math.floor(valid.length / changed));
  for (let i = 0; i < changed; i++) {
    const file = valid[i * step];
    if (!file) break;
    const abs = path.join(repo, file.path);
    writeFileSync(
      abs,
      `${readFileSync(abs, 'utf8')}\nEtt tillägg efter idérådets möte. An addition after the council's meeting.\n`,
    );
  }
  git(['commit', '-q', '-am', `change ${changed} ideas`], repo);
  return repo;
}

/**
 * Backlog.md from npm into a temp folder, or why not.
 * @param {string} version @param {string} tmp @returns {{ bin: string, version: string } | { error: string }}
 */
function installBacklog(version, tmp) {
  const prefix = path.join(tmp, 'backlog-md');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--loglevel=error',
      `backlog.md@${version}`,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const bin = path.join(prefix, 'node_modules', '.bin', process.platform === 'win32' ? 'backlog.cmd' : 'backlog');
  if (r.status !== 0 || !existsSync(bin))
    return {
      error: `npm install backlog.md@${version} failed: ${(r.error?.message ?? r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`,
    };
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0)
    return { error: `backlog.md@${version} installed but does not run here: ${(v.error?.message ?? v.stderr).trim()}` };
  return { bin, version: v.stdout.trim() };
}

/**
 * @typedef {{ key: string, label: string, argv: string[], cwd: string, ok?: number[], before?: () => void, listed?: RegExp }} Command
 * @typedef {{ ms: number, cpu: number | null, kb: number | null, note: string, listed: number | null }} Sample
 * @typedef {{ median: number, min: number, max: number, note: string, all: number[], cpu: number, listed: number | null }} Stat
 */

/**
 * What was checked or printed, for the table's note; `listed`, how many items a listing printed (listedIn).
 * @param {Command} c @param {string} stdout @param {number | null} listed @returns {string}
 */
function noteOf(c, stdout, listed) {
  if (c.key.startsWith('validate')) {
    try {
      const s = JSON.parse(stdout).summary;
      return `${fmt.format(s.files)} files, ${fmt.format(s.errors)} errors`;
    } catch {
      return '';
    }
  }
  if (c.key.startsWith('naive')) {
    try {
      const s = JSON.parse(stdout);
      return `${fmt.format(s.files)} files, ${fmt.format(s.failed)} failed`;
    } catch {
      return '';
    }
  }
  if (c.key.startsWith('read-all')) {
    try {
      return `${fmt.format(JSON.parse(stdout).files)} files`;
    } catch {
      return '';
    }
  }
  if (listed !== null) return `${fmt.format(listed)} listed`;
  return '';
}

/**
 * How many items a listing printed, its lines that start with an item's id; null for a command that lists nothing.
 * @param {Command} c @param {string} stdout
 */
function listedIn(c, stdout) {
  const listed = c.listed;
  return listed ? stdout.split('\n').filter((l) => listed.test(l)).length : null;
}

/** @param {Command} c @param {'time' | 'memory'} mode @returns {Sample} */
function runOnce(c, mode) {
  const [file = '', ...rest] = c.argv;
  let argv = [file, ...rest];
  const env = { ...BENCH_ENV };
  let rssFile = null;
  // /usr/bin/time also gives the CPU time (user and system) of each timed run: a figure a busy machine disturbs less.
  if (existsSync(TIME)) argv = [TIME, '-v', ...argv];
  else if (mode === 'memory') {
    rssFile = path.join(os.tmpdir(), `ideas-bench-rss-${process.pid}`);
    env.BENCH_MAX_RSS_FILE = rssFile;
    argv = [file, '--import', MAX_RSS_HOOK, ...rest];
  }
  c.before?.();
  // Standard output goes to a file, as `> out.txt` sends it: into a pipe, a program that exits before Node has
  // written all it printed loses the rest (Backlog.md 1.52 printed 5,700 to 9,400 of its 10,000 tasks that way).
  const outFile = path.join(os.tmpdir(), `ideas-bench-out-${process.pid}`);
  const out = openSync(outFile, 'w');
  const started = performance.now();
  const r = spawnSync(argv[0] ?? '', argv.slice(1), {
    cwd: c.cwd,
    env,
    encoding: 'utf8',
    stdio: ['pipe', out, 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  closeSync(out);
  const stdout = readFileSync(outFile, 'utf8');
  rmSync(outFile, { force: true });
  if (!(c.ok ?? [0]).includes(r.status ?? -1))
    throw new Error(
      `${c.label} in ${c.cwd} exited ${r.status}${r.error ? ` (${r.error.message})` : ''}:\n${r.stderr.slice(-2000)}`,
    );
  const figures = timeFigures(r.stderr);
  let kb = null;
  if (mode === 'memory' && rssFile) kb = Number(readFileSync(rssFile, 'utf8'));
  else if (mode === 'memory') kb = figures.kb;
  const cpu = existsSync(TIME) ? figures.cpu : null;
  const listed = listedIn(c, stdout);
  return { ms, cpu, kb, note: noteOf(c, stdout, listed), listed };
}

/**
 * Every command once to warm the file cache, then `runs` rounds of every command in turn.
 * @param {Command[]} commands @param {number} runs @param {'time' | 'memory'} mode @returns {Map<string, Stat>}
 */
function measure(commands, runs, mode) {
  for (const c of commands) runOnce(c, mode);
  /** @type {Sample[][]} */
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    commands.forEach((c, i) => samples[i]?.push(runOnce(c, mode)));
    process.stderr.write(`  ${mode} round ${round + 1} of ${runs} done\n`);
  }
  return new Map(
    commands.map((c, i) => {
      const s = samples[i] ?? [];
      const xs = s.map((x) => (mode === 'memory' ? (x.kb ?? Number.NaN) / 1024 : x.ms));
      const cpu = median(s.map((x) => x.cpu ?? Number.NaN));
      return [
        c.key,
        {
          median: median(xs),
          min: Math.min(...xs),
          max: Math.max(...xs),
          note: s[0]?.note ?? '',
          all: xs,
          cpu,
          listed: s[0]?.listed ?? null,
        },
      ];
    }),
  );
}

const fmt = new Intl.NumberFormat('en-GB');
const ms = (/** @type {number} */ x) => `${fmt.format(Math.round(x))} ms`;
const mb = (/** @type {number} */ x) => `${fmt.format(Math.round(x))} MB`;
const times = (/** @type {number} */ x) => `${x.toFixed(2)}×`;
/**
 * A ratio that must reach a target, cut (not rounded) to two decimals: 1.2493 shows as 1.24, not as a 1.25 that fails.
 * @param {number} x
 */
const atLeastShown = (x) => (Math.floor(x * 100) / 100).toFixed(2);
/**
 * A ratio that must stay under a target, raised (not rounded) to two decimals: 3.5004 shows as 3.51, not as a 3.50
 * that fails.
 * @param {number} x
 */
const atMostShown = (x) => (Math.ceil(x * 100) / 100).toFixed(2);

/**
 * @typedef {{ what: string, registry: string, value: string, spread: string, baseline: string, baseValue: string,
 *   ratio: string, target: string, result: string, note: string }} Row
 */
/** @type {{ title: string, key: keyof Row, right?: boolean }[]} */
const COLUMNS = [
  { title: 'measured', key: 'what' },
  { title: 'registry', key: 'registry', right: true },
  { title: 'median', key: 'value', right: true },
  { title: 'min–max', key: 'spread', right: true },
  { title: 'baseline', key: 'baseline' },
  { title: 'median', key: 'baseValue', right: true },
  { title: 'ratio', key: 'ratio', right: true },
  { title: 'target', key: 'target' },
  { title: 'result', key: 'result' },
  { title: 'note', key: 'note' },
];

/** @param {Row[]} rows */
function table(rows) {
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => r[c.key]))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (COLUMNS[i]?.right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** @param {Row[]} rows */
function markdown(rows) {
  const esc = (/** @type {string} */ s) => s.replace(/\|/g, '\\|');
  return [
    `| ${COLUMNS.map((c) => c.title).join(' | ')} |`,
    `| ${COLUMNS.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${COLUMNS.map((c) => esc(r[c.key])).join(' | ')} |`),
  ].join('\n');
}

const verdict = (/** @type {boolean} */ pass) => (pass ? 'pass' : 'FAIL');

function main() {
  if (!built()) return;
  const o = options();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const began = Date.now();
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ideas-bench-')));
  const log = (/** @type {string} */ s) => process.stderr.write(`bench: ${s}\n`);
  try {
    // A registry made elsewhere is the main one, and the only one measured at its size.
    const own = o.registry ? ownRegistry(o.registry) : null;
    if (own) {
      o.size = own.manifest.size;
      o.sizes = [o.size];
    }
    const memoryTargets = new Map(MEMORY_TARGET_MB);
    const ownTarget = own ? memoryTargetFor(o.size) : undefined;
    if (ownTarget !== undefined) memoryTargets.set(o.size, ownTarget);
    const registryAt = (/** @type {number} */ size) =>
      own && size === o.size ? own : registryFor({ size, seed: o.seed });
    // The registries: every size of the scaling rows, the main size, and an empty one for the fixed cost.
    /** @type {Map<number, string>} */
    const repos = new Map();
    for (const size of [...new Set([0, ...o.sizes, o.size])]) {
      log(
        own && size === o.size
          ? `registry ${own.dir} (${fmt.format(size)} ideas)`
          : `registry of ${fmt.format(size)} ideas`,
      );
      const { dir, manifest } = registryAt(size);
      repos.set(size, makeRepo(dir, manifest.files, size === o.size ? o.changed : 0, tmp));
    }
    const main = repos.get(o.size) ?? '';
    const siteOut = path.join(tmp, 'site-out');
    let oldSites = 0;
    const moveSiteAside = () => {
      if (existsSync(siteOut)) renameSync(siteOut, path.join(tmp, `site-out-${++oldSites}`));
    };
    const node = process.execPath;
    const ideas = (/** @type {string[]} */ ...args) => [node, BIN, ...args];
    // A first run: the whole cache removed before the run (whichever kinds the command keeps), so that the run reads
    // and parses every file and writes its cache anew. A second run finds the cache the run before it wrote.
    const firstRun = (/** @type {string} */ repo) => () => {
      rmSync(path.join(repo, '.git', 'ideas-cache'), { recursive: true, force: true });
    };
    const n = (/** @type {number} */ size) => `${fmt.format(size)}`;
    // A line of `ideas list` that shows an idea starts with its id: the registry's prefix, a dash, the random part.
    const prefix = registryAt(o.size).manifest.idPrefix.replace(/[^a-z0-9]/gi, '');
    const idLine = new RegExp(`^\\s*${prefix}-[0-9a-z]+\\s`);

    /** @type {Command[]} */
    const startup = [
      { key: 'node', label: 'node -e 0', argv: [node, '-e', '0'], cwd: tmp },
      { key: 'version', label: 'ideas --version', argv: ideas('--version'), cwd: tmp },
      { key: 'help', label: 'ideas --help', argv: ideas('--help'), cwd: tmp },
    ];
    /** @type {Command[]} */
    const work = [
      { key: `read-all-${o.size}`, label: 'read every idea file (node)', argv: [node, READ_ALL], cwd: main },
      {
        key: `naive-${o.size}`,
        label: 'naive gray-matter + js-yaml + ajv script',
        argv: [node, NAIVE],
        cwd: main,
      },
      ...[...repos.keys()].map((size) => ({
        key: `validate-${size}`,
        label: 'ideas validate',
        argv: ideas('validate', '--format', 'json'),
        cwd: repos.get(size) ?? '',
        ok: [0, 1],
        before: firstRun(repos.get(size) ?? ''),
      })),
      {
        key: 'validate-again',
        label: 'ideas validate, second run',
        argv: ideas('validate', '--format', 'json'),
        cwd: main,
        ok: [0, 1],
      },
      {
        key: 'validate-changed',
        label: 'ideas validate --changed',
        argv: ideas('validate', '--changed', '--format', 'json'),
        cwd: main,
        ok: [0, 1],
        before: firstRun(main),
      },
      {
        key: 'list',
        label: 'ideas list',
        argv: ideas('list'),
        cwd: main,
        ok: [0, 1],
        before: firstRun(main),
        listed: idLine,
      },
      {
        key: 'list-again',
        label: 'ideas list, second run',
        argv: ideas('list'),
        cwd: main,
        ok: [0, 1],
        listed: idLine,
      },
      { key: 'report', label: 'ideas report', argv: ideas('report'), cwd: main, ok: [0, 1], before: firstRun(main) },
      { key: 'git-diff', label: 'git diff main HEAD', argv: ['git', 'diff', 'main', 'HEAD'], cwd: main },
      { key: 'diff', label: 'ideas diff main HEAD', argv: ideas('diff', 'main', 'HEAD'), cwd: main, ok: [0, 1] },
      {
        key: 'site',
        label: 'ideas site',
        argv: ideas('site', '--out', siteOut),
        cwd: main,
        ok: [0, 1],
        // A first run into a new folder: no cache, and no earlier site to check before it is replaced. The earlier
        // round's site is moved aside, not deleted, until the end: ext4 without a journal skips each inode freed in
        // the last minute, one read of its table block each, so 10,000 files deleted just before would bill the
        // benchmark's own cleanup to the command (2 s and more of system time here; docs/performance.md).
        before: () => {
          firstRun(main)();
          moveSiteAside();
        },
      },
    ];
    let backlogNote = 'not measured (--no-backlog)';
    if (o.backlog) {
      log(`installing backlog.md@${o.backlog} into ${tmp}`);
      const installed = installBacklog(o.backlog, tmp);
      if ('error' in installed) backlogNote = installed.error;
      else {
        const { manifest, dir } = registryAt(o.size);
        const project = path.join(tmp, 'backlog-project');
        const { tasks } = generateBacklogProject({ dir: project, files: manifest.files, source: dir });
        git(['init', '-q', '-b', 'main'], project);
        git(['add', '-A'], project);
        git(['commit', '-q', '-m', 'tasks'], project);
        backlogNote = `Backlog.md ${installed.version}, ${fmt.format(tasks)} tasks`;
        work.push({
          key: 'backlog',
          label: 'backlog task list --plain',
          argv: [installed.bin, 'task', 'list', '--plain'],
          cwd: project,
          listed: /^\s*TASK-\d+/,
        });
      }
    }
    const memorySizes = [...repos.keys()].filter((size) => memoryTargets.has(size));
    // Every command that reads the whole registry, at the main size, first runs; validate at every size measured.
    // The site twice: over the site the round before wrote (which it reads to check), and into a new folder, as the
    // time rounds run it.
    const shown = registryAt(o.size).manifest.files.find((f) => !f.planted)?.path ?? '';
    const readers = memoryTargets.has(o.size)
      ? [
          ['list --json', ideas('list', '--json')],
          ['report', ideas('report')],
          ['export', ideas('export')],
          ['diff', ideas('diff', 'main', 'HEAD')],
          ['show', ideas('show', shown)],
          ['review', ideas('review', '--dry-run', '--no-input')],
          ['site', ideas('site', '--out', siteOut)],
          ['site, new folder', ideas('site', '--out', siteOut), () => moveSiteAside()],
        ]
      : [];
    /** @type {Command[]} */
    const memory = [
      { key: 'node', label: 'node -e 0', argv: [node, '-e', '0'], cwd: tmp },
      ...memorySizes.map((size) => ({
        key: `validate-${size}`,
        label: 'ideas validate',
        argv: ideas('validate', '--format', 'json'),
        cwd: repos.get(size) ?? '',
        ok: [0, 1],
        before: firstRun(repos.get(size) ?? ''),
      })),
      ...readers.map(([name, argv, before]) => ({
        key: `${name}-${o.size}`,
        label: `ideas ${name}`,
        argv: /** @type {string[]} */ (argv),
        cwd: main,
        ok: [0, 1],
        before: () => {
          firstRun(main)();
          if (typeof before === 'function') before();
        },
      })),
    ];

    log(`start-up: ${o.runs * 3} rounds`);
    const s = measure(startup, o.runs * 3, 'time');
    log(`commands on the registries: ${o.runs} rounds`);
    const w = measure(work, o.runs, 'time');
    log(
      `peak memory: ${Math.min(o.runs, 3)} rounds, ${existsSync(TIME) ? `${TIME} -v` : 'process.resourceUsage().maxRSS'}`,
    );
    const m = measure(memory, Math.min(o.runs, 3), 'memory');

    const stat = (/** @type {Map<string, Stat>} */ map, /** @type {string} */ key) =>
      map.get(key) ?? {
        median: Number.NaN,
        min: Number.NaN,
        max: Number.NaN,
        note: '',
        all: [],
        cpu: Number.NaN,
        listed: null,
      };
    /** @type {Row[]} */
    const rows = [];
    /**
     * A row of one command against its baseline; `judge` turns the two medians into the ratio, target and result.
     * @param {{ what: string, registry?: string, x: Stat, base: string, b: Stat, judge: (x: number, b: number) => { ratio: string, target?: string, pass?: boolean, result?: string }, unit?: (v: number) => string }} r
     */
    const row = ({ what, registry = '', x, base, b, judge, unit = ms }) => {
      const j = judge(x.median, b.median);
      rows.push({
        what,
        registry,
        value: unit(x.median),
        spread: `${unit(x.min)}–${unit(x.max)}`,
        baseline: base,
        baseValue: unit(b.median),
        ratio: j.ratio,
        target: j.target ?? '',
        result: j.pass === undefined ? (j.result ?? '') : verdict(j.pass),
        note: x.note,
      });
    };
    const atMost =
      (/** @type {number} */ limit, stretch = 0) =>
      (/** @type {number} */ x, /** @type {number} */ b) => ({
        ratio: `${atMostShown(x / b)}×`,
        target: `≤ ${limit}×${stretch ? ` (stretch ${stretch}×)` : ''}`,
        pass: x / b <= limit,
      });
    const info = (/** @type {number} */ x, /** @type {number} */ b) => ({ ratio: times(x / b) });

    row({ what: 'ideas --version', x: stat(s, 'version'), base: 'node -e 0', b: stat(s, 'node'), judge: atMost(1.35) });
    row({ what: 'ideas --help', x: stat(s, 'help'), base: 'node -e 0', b: stat(s, 'node'), judge: atMost(1.35) });
    const readAll = stat(w, `read-all-${o.size}`);
    const validateMain = stat(w, `validate-${o.size}`);
    row({
      what: 'ideas validate, first run',
      registry: n(o.size),
      x: validateMain,
      base: 'read every idea file (node)',
      b: readAll,
      judge: atMost(3.5),
    });
    row({
      what: 'ideas validate, first run',
      registry: n(o.size),
      x: validateMain,
      base: 'naive gray-matter + js-yaml + ajv',
      b: stat(w, `naive-${o.size}`),
      judge: (v, b) => ({ ratio: `${atLeastShown(b / v)}× faster`, target: '≥ 1.25× faster', pass: b / v >= 1.25 }),
    });
    row({
      what: 'ideas validate, second run',
      registry: n(o.size),
      x: stat(w, 'validate-again'),
      base: 'read every idea file (node)',
      b: readAll,
      judge: atMost(2),
    });
    row({
      what: `ideas validate --changed (${o.changed} changed)`,
      registry: n(o.size),
      x: stat(w, 'validate-changed'),
      base: 'ideas validate',
      b: validateMain,
      judge: info,
    });

    // Cost per 1,000 ideas: the time above that of validating an empty registry (start-up, config, compiling the
    // criteria), per 1,000 ideas, so that its growth shows how the work scales and not how the fixed cost spreads.
    const empty = stat(w, 'validate-0');
    /** @type {Map<number, number>} */
    const per1000 = new Map();
    for (const size of o.sizes) {
      const x = stat(w, `validate-${size}`);
      const cost = ((x.median - empty.median) / size) * 1000;
      per1000.set(size, cost);
      row({
        what: 'ideas validate, first run',
        registry: n(size),
        x,
        base: 'ideas validate, empty registry',
        b: empty,
        judge: () => ({ ratio: `${ms(cost)} / 1,000` }),
      });
    }
    const first = o.sizes[0];
    const last = o.sizes[o.sizes.length - 1];
    if (first !== undefined && last !== undefined && first !== last) {
      const a = per1000.get(first) ?? Number.NaN;
      const z = per1000.get(last) ?? Number.NaN;
      const raw = stat(w, `validate-${last}`).median / last / (stat(w, `validate-${first}`).median / first);
      rows.push({
        what: 'validate: cost per 1,000 ideas',
        registry: n(last),
        value: ms(z),
        spread: '',
        baseline: `the same at ${n(first)}`,
        baseValue: ms(a),
        ratio: times(z / a),
        target: '≤ 1.3×',
        result: verdict(z / a <= 1.3),
        note: `growth of total time per idea: ${times(raw)}`,
      });
    }
    const backlog = w.get('backlog');
    for (const [key, what, times] of /** @type {const} */ ([
      ['list', 'ideas list, first run', 10],
      ['list-again', 'ideas list, second run', 20],
    ])) {
      const x = stat(w, key);
      // Backlog.md skips a task it cannot read: a comparison stands only when it listed about as many as ideas did.
      const compared = backlog ? (backlog.listed ?? 0) >= 0.9 * (x.listed ?? 0) : false;
      if (backlog)
        row({
          what,
          registry: n(o.size),
          x: { ...x, note: `${x.note}; Backlog.md ${backlog.note}` },
          base: 'backlog task list --plain',
          b: backlog,
          judge: (v, b) => ({
            ratio: `${atLeastShown(b / v)}× faster`,
            target: `≥ ${times}× faster`,
            ...(compared ? { pass: b / v >= times } : { result: 'not compared' }),
          }),
        });
      else
        rows.push({
          what,
          registry: n(o.size),
          value: ms(x.median),
          spread: `${ms(x.min)}–${ms(x.max)}`,
          baseline: 'backlog task list --plain',
          baseValue: '—',
          ratio: '',
          target: `≥ ${times}× faster`,
          result: 'not run',
          note: backlogNote,
        });
    }
    row({
      what: 'ideas report, first run',
      registry: n(o.size),
      x: stat(w, 'report'),
      base: 'read every idea file (node)',
      b: readAll,
      judge: info,
    });
    row({
      what: `ideas diff main HEAD (${o.changed} changed)`,
      registry: n(o.size),
      x: stat(w, 'diff'),
      base: 'git diff main HEAD',
      b: stat(w, 'git-diff'),
      judge: info,
    });
    row({
      what: 'ideas site, first run, new folder',
      registry: n(o.size),
      x: stat(w, 'site'),
      base: 'read every idea file (node)',
      b: readAll,
      judge: atMost(8),
    });
    // The same runs in CPU time (user and system, from /usr/bin/time): what the command costs, which a busy machine
    // disturbs less than the time it takes.
    if (existsSync(TIME)) {
      const cpuRow = (
        /** @type {string} */ what,
        /** @type {string} */ key,
        /** @type {string} */ base,
        /** @type {Stat} */ b,
      ) => {
        const x = stat(w, key);
        rows.push({
          what: `${what}, CPU time`,
          registry: n(o.size),
          value: ms(x.cpu),
          spread: '',
          baseline: base,
          baseValue: ms(b.cpu),
          ratio: x.cpu <= b.cpu ? `${(b.cpu / x.cpu).toFixed(2)}× less` : `${(x.cpu / b.cpu).toFixed(2)}× more`,
          target: '',
          result: '',
          note: '',
        });
      };
      cpuRow(
        'ideas validate, first run',
        `validate-${o.size}`,
        'naive gray-matter + js-yaml + ajv',
        stat(w, `naive-${o.size}`),
      );
      cpuRow('ideas validate, first run', `validate-${o.size}`, 'read every idea file (node)', readAll);
      if (backlog) {
        cpuRow('ideas list, first run', 'list', 'backlog task list --plain', backlog);
        cpuRow('ideas list, second run', 'list-again', 'backlog task list --plain', backlog);
      }
      cpuRow('ideas site, first run, new folder', 'site', 'read every idea file (node)', readAll);
    }
    for (const size of memorySizes) {
      const limit = memoryTargets.get(size) ?? 0;
      const x = stat(m, `validate-${size}`);
      // Every run's figure, since the median of three hides an odd one.
      row({
        what: 'ideas validate, peak memory',
        registry: n(size),
        x: { ...x, note: `runs: ${x.all.map((v) => Math.round(v)).join(', ')} MB` },
        base: 'node -e 0',
        b: stat(m, 'node'),
        unit: mb,
        // A ceiling: every run under it, not only the median.
        judge: () => ({ ratio: '', target: `≤ ${limit} MB`, pass: x.max <= limit }),
      });
    }
    for (const [name] of readers) {
      const limit = String(name).startsWith('site') ? SITE_MEMORY_TARGET_MB : (memoryTargets.get(o.size) ?? 0);
      const x = stat(m, `${name}-${o.size}`);
      row({
        what: `ideas ${name}, peak memory`,
        registry: n(o.size),
        x: { ...x, note: `runs: ${x.all.map((v) => Math.round(v)).join(', ')} MB` },
        base: 'node -e 0',
        b: stat(m, 'node'),
        unit: mb,
        // A ceiling: every run under it, not only the median.
        judge: () => ({ ratio: '', target: `≤ ${limit} MB`, pass: x.max <= limit }),
      });
    }
    for (const size of own ? [] : MEMORY_TARGET_MB.keys())
      if (!memorySizes.includes(size))
        rows.push({
          what: 'ideas validate, peak memory',
          registry: n(size),
          value: '',
          spread: '',
          baseline: '',
          baseValue: '',
          ratio: '',
          target: `≤ ${MEMORY_TARGET_MB.get(size)} MB`,
          result: 'not run',
          note: `add ${size} to --sizes`,
        });

    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ');
    console.log(
      `ideas benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} × ${cpu}, load average now ${load}`,
    );
    console.log(
      `${o.runs} alternated rounds of the registry commands (start-up: ${o.runs * 3}, memory: ${Math.min(o.runs, 3)}); medians, with the fastest and slowest run. ${backlogNote}.${own ? ` Registry: ${own.dir}.` : ''}\n`,
    );
    console.log(o.md ? markdown(rows) : table(rows));
    console.log(`\nTook ${Math.round((Date.now() - began) / 1000)} s.`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
