// @ts-check
/**
 * `npm run bench:region`: a region at the issue's scale, 15 members of 5,000 ideas each (75,000), as real git
 * repositories served as file:// remotes, and what the coordinator waits for:
 *
 * - the first `ideas region sync` (every member fetched and read), and its peak memory;
 * - `ideas region list` after it, per idea, against `ideas list` per idea in one member's own registry (the issue:
 *   "within the per-idea speed of a single registry");
 * - a re-sync after 20 ideas changed in one member: it must read only those (the sync's JSON says `parsed`);
 * - `ideas region report` and the peak memory of each.
 *
 * Not a test: it measures and prints a table. The members' registries come from bench/generate.js (a seed each, kept
 * in bench/data/), committed to temp repositories that are removed at the end.
 *
 *   npm run build && node bench/region.js                       15 × 5,000, 3 rounds
 *   node bench/region.js --members 4 --size 1000 --runs 1 --md  a quick look
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryFor } from './generate.js';
import { BENCH_ENV, BIN, built, git, median, TIME, timeFigures } from './lib.js';

const fmt = new Intl.NumberFormat('en-GB');

function options() {
  const o = { members: 15, size: 5000, runs: 3, changed: 20, seed: 1, md: false };
  const args = process.argv.slice(2);
  /** @type {Record<string, 'members' | 'size' | 'runs' | 'changed' | 'seed'>} */
  const numeric = {
    '--members': 'members',
    '--size': 'size',
    '--runs': 'runs',
    '--changed': 'changed',
    '--seed': 'seed',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const n = Number.parseInt(args[i + 1] ?? '', 10);
    const key = Object.hasOwn(numeric, a) ? numeric[a] : undefined;
    if (a === '--md') o.md = true;
    else if (key && n > 0) {
      o[key] = n;
      i++;
    } else
      throw new Error(
        `bench/region.js: unknown option ${a}; options: --members n --size n --runs n --changed n --seed n --md`,
      );
  }
  return o;
}

/** The bench's environment, in English: the figures are read from its output. */
const ENV = { ...BENCH_ENV, LANG: 'C', IDEAS_LANG: 'en' };

/**
 * One run of the CLI under /usr/bin/time: wall time, CPU time and peak memory.
 * @param {string[]} args @param {string} cwd @param {number[]} [ok]
 */
function run(args, cwd, ok = [0]) {
  const argv = existsSync(TIME) ? [TIME, '-v', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const started = performance.now();
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd, env: ENV, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (!ok.includes(r.status ?? -1))
    throw new Error(`ideas ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const { cpu, kb } = timeFigures(r.stderr);
  return { ms, cpu, mb: kb / 1024, stdout: r.stdout };
}

/** The median of `runs` runs (after one to warm the file cache), with the highest peak memory. */
function measure(
  /** @type {string[]} */ args,
  /** @type {string} */ cwd,
  /** @type {number} */ runs,
  /** @type {number[]} */ ok = [0],
) {
  run(args, cwd, ok);
  const samples = Array.from({ length: runs }, () => run(args, cwd, ok));
  return {
    ms: median(samples.map((s) => s.ms)),
    cpu: median(samples.map((s) => s.cpu)),
    mb: Math.max(...samples.map((s) => s.mb)),
  };
}

function main() {
  if (!built()) return;
  const o = options();
  const log = (/** @type {string} */ s) => process.stderr.write(`bench: ${s}\n`);
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ideas-bench-region-')));
  const total = o.members * o.size;
  try {
    /** @type {{ id: string, repo: string, files: { path: string, planted: string | null }[] }[]} */
    const members = [];
    for (let i = 0; i < o.members; i++) {
      const seed = o.seed + i;
      log(`member ${i + 1} of ${o.members}: ${fmt.format(o.size)} ideas (seed ${seed})`);
      const { dir, manifest } = registryFor({ size: o.size, seed });
      const repo = path.join(tmp, `member-${i + 1}`);
      cpSync(dir, repo, { recursive: true });
      rmSync(path.join(repo, 'bench-manifest.json'), { force: true });
      // Each municipality makes its ids with its own prefix, as the region expects.
      const config = path.join(repo, 'ideas.config.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^idPrefix:.*$/m, `idPrefix: m${i + 1}`));
      git(['init', '-q', '-b', 'main'], repo);
      git(['add', '-A'], repo);
      git(['commit', '-q', '-m', 'registry'], repo);
      members.push({ id: `member-${i + 1}`, repo, files: manifest.files });
    }
    const region = path.join(tmp, 'region');
    mkdirSync(region, { recursive: true });
    git(['init', '-q', '-b', 'main'], region);
    writeFileSync(
      path.join(region, 'ideas.region.yaml'),
      [
        'schemaVersion: 1',
        'name: Bench region',
        'languages: [en]',
        'members:',
        ...members.flatMap((m, i) => [
          `  - id: ${m.id}`,
          `    name: Municipality ${i + 1}`,
          `    municipality: "${1400 + i}"`,
          `    url: file://${m.repo}`,
          '    branch: main',
        ]),
        '',
      ].join('\n'),
    );

    log(`first sync of ${fmt.format(total)} ideas`);
    // Exit 1 is a finding (an idea file the generator planted broken is a warning, never an error of the sync).
    const first = run(['region', 'sync', '--json'], region, [0, 1]);
    const firstDoc = JSON.parse(first.stdout);
    const held = firstDoc.members.reduce(
      (/** @type {number} */ n, /** @type {{ ideas: number }} */ m) => n + m.ideas,
      0,
    );

    log('region list, region report, and ideas list in one member');
    const single = measure(['list'], members[0]?.repo ?? '', o.runs);
    const list = measure(['region', 'list'], region, o.runs);
    const listOne = measure(['region', 'list', '--member', members[0]?.id ?? ''], region, o.runs);
    const report = measure(['region', 'report'], region, o.runs);
    // Exit 1 when a member holds an idea file the generator planted broken: a finding, not a failure to run.
    const unchanged = measure(['region', 'sync', '--json'], region, o.runs, [0, 1]);

    log(`${o.changed} ideas changed in one member, then a re-sync`);
    const target = members[Math.floor(members.length / 2)] ?? members[0];
    if (!target) throw new Error('no member');
    const valid = target.files.filter((f) => !f.planted);
    const step = Math.max(1, Math.floor(valid.length / o.changed));
    for (let i = 0; i < o.changed; i++) {
      const file = valid[i * step];
      if (!file) break;
      const abs = path.join(target.repo, file.path);
      writeFileSync(abs, `${readFileSync(abs, 'utf8')}\nAn addition after the council's meeting.\n`);
    }
    git(['commit', '-q', '-am', `change ${o.changed} ideas`], target.repo);
    const resync = run(['region', 'sync', '--json'], region, [0, 1]);
    const resyncDoc = JSON.parse(resync.stdout);
    /** @type {{ id: string, parsed: number, status: string }[]} */
    const outcomes = resyncDoc.members;
    const parsedThere = outcomes.find((m) => m.id === target.id)?.parsed ?? -1;
    const parsedElsewhere = outcomes.filter((m) => m.id !== target.id).reduce((n, m) => n + m.parsed, 0);

    const perIdea = (/** @type {number} */ ms, /** @type {number} */ n) => (ms * 1000) / Math.max(1, n);
    const rows = [
      ['first region sync', total, first.ms, first.cpu, first.mb, `${fmt.format(held)} ideas kept`],
      ['region sync, nothing changed', total, unchanged.ms, unchanged.cpu, unchanged.mb, ''],
      [
        `region sync, ${o.changed} ideas changed in one member`,
        total,
        resync.ms,
        resync.cpu,
        resync.mb,
        `parsed ${parsedThere} there, ${parsedElsewhere} elsewhere: ${parsedThere === o.changed && parsedElsewhere === 0 ? 'pass' : 'FAIL'}`,
      ],
      [
        'ideas list (one member, its own registry)',
        o.size,
        single.ms,
        single.cpu,
        single.mb,
        `${perIdea(single.ms, o.size).toFixed(1)} µs/idea`,
      ],
      [
        'region list (every member)',
        total,
        list.ms,
        list.cpu,
        list.mb,
        `${perIdea(list.ms, total).toFixed(1)} µs/idea: ${perIdea(list.ms, total) <= perIdea(single.ms, o.size) ? 'pass' : 'FAIL'}`,
      ],
      [
        'region list --member (one member)',
        o.size,
        listOne.ms,
        listOne.cpu,
        listOne.mb,
        `${perIdea(listOne.ms, o.size).toFixed(1)} µs/idea`,
      ],
      ['region report', total, report.ms, report.cpu, report.mb, `${perIdea(report.ms, total).toFixed(1)} µs/idea`],
    ];
    const head = ['command', 'ideas', 'wall ms', 'cpu ms', 'peak MB', 'note'];
    const cells = rows.map((r) => [
      String(r[0]),
      fmt.format(Number(r[1])),
      fmt.format(Math.round(Number(r[2]))),
      fmt.format(Math.round(Number(r[3]))),
      fmt.format(Math.round(Number(r[4]))),
      String(r[5]),
    ]);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `Region of ${o.members} members × ${fmt.format(o.size)} ideas, ${o.runs} runs (median), ${os.cpus().length} × ${cpu}, Node ${process.version}`,
    );
    if (o.md) {
      console.log(`| ${head.join(' | ')} |\n| --- | ---: | ---: | ---: | ---: | --- |`);
      for (const c of cells) console.log(`| ${c.join(' | ')} |`);
    } else {
      const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
      const line = (/** @type {string[]} */ c) =>
        c
          .map((x, i) => (i === 0 || i === 5 ? x.padEnd(w[i] ?? 0) : x.padStart(w[i] ?? 0)))
          .join('  ')
          .trimEnd();
      console.log(line(head));
      for (const c of cells) console.log(line(c));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
