/**
 * Build step, the last but the build id: bundles the built program (dist/main.js and every module and package it
 * loads) into one script, dist/bundle/ideas.cjs, and writes V8's code cache of it, dist/bundle/ideas.cache, which
 * src/launch.ts compiles it with. Loading 80 to 180 modules one by one (list 80, site 180), each parsed and
 * compiled, was a third of a command on a small registry (docs/performance.md).
 *
 * The cache is made after a few commands have run on a copy of an example registry, so that it holds the code they
 * compiled too, not only the modules' first lines. Those runs also check the bundle: the build stops if one fails.
 */
// First, as src/launch.ts does: the flags V8 runs with are part of what its cache must match.
import '../io/v8-flags.js';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import {
  BUNDLE_FILE,
  BUNDLE_WRAPPER,
  CODE_CACHE_FILE,
  runBundle,
  runYamlBundle,
  YAML_BUNDLE_FILE,
  YAML_CACHE_FILE,
} from '../launch.js';
import type { Ctx, OutputStream } from '../context.js';

const dist = fileURLToPath(new URL('../', import.meta.url));
const bundleDir = path.dirname(BUNDLE_FILE);

/**
 * `import.meta.url` of each module, as the URL of the module's own built file: modules find the files beside them
 * with it (the generated validators, the worker's module), and a CommonJS script has no `import.meta`.
 */
const fileUrls: Plugin = {
  name: 'file-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = path.relative(bundleDir, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `__ideasFileUrl(${JSON.stringify(own)})`), loader: 'js' };
    });
  },
};

/**
 * commander's `node:child_process`, loaded when commander first uses it. It requires the module as it loads, for
 * commands that are programs of their own (which `ideas` has none of): with the `net`, `dgram` and socket streams it
 * brings, ~5 ms of every command's start, `ideas list` included. Every property is the real module's, asked for when
 * it is used. The commands that run git or an editor load it through src/io/git.ts as before.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    const commander = `${path.sep}node_modules${path.sep}commander${path.sep}`;
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(commander) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: `let real;
const load = () => (real ??= require("node:child_process"));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});`,
      loader: 'js',
    }));
  },
};

/**
 * How both scripts are built: one CommonJS file each, for this Node, with every `import.meta.url` replaced (an
 * `import.meta` the plugin did not replace would be empty in the bundle: a broken build, not a warning).
 */
const commonJs: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  plugins: [fileUrls, lazyChildProcess],
  banner: {
    js: 'const __ideasFileUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;',
  },
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
};

rmSync(bundleDir, { recursive: true, force: true });
await build({
  ...commonJs,
  entryPoints: [path.join(dist, 'main.js')],
  outfile: BUNDLE_FILE,
  // `import('node:readline')` as a `require`: a script compiled from a code cache has no loader for `import()` on
  // Node 20 ("A dynamic import callback was not specified").
  supported: { 'dynamic-import': false },
});

// The launcher bin/ideas.js requires: src/launch.ts with the flags it sets first, as one CommonJS script. Loaded as
// an ES module, it and bin/ideas.js started Node's ES module loader: about 5 ms of every command (docs/performance.md).
await build({ ...commonJs, entryPoints: [path.join(dist, 'launch.js')], outfile: path.join(bundleDir, 'launch.cjs') });

// esbuild writes every string as ASCII, but leaves a few characters of comments and regular expressions as they are:
// one `…` made V8 keep the whole 2.4 MB script as two bytes a character. A \u escape means the same in both.
// The script is written as the function Node would wrap a CommonJS module in, so that src/launch.ts compiles the file
// as it is, read as Latin-1 (which ASCII is): no copy of it is made on the way.
function wrapScript(file: string): void {
  const bundled = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    `${BUNDLE_WRAPPER[0]}${bundled.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}${BUNDLE_WRAPPER[1]}`,
  );
}
wrapScript(BUNDLE_FILE);

// The `yaml` package as one script of its own, which src/launch.ts loads with its code cache when the fast reader
// leaves a file to it: a `require` of its 40 modules took ~20 ms. The modules that edit front matter or write a
// config's comments import the package themselves, so the main bundle holds a copy too, set up only when a writing
// command loads them (its modules are wrapped, run on first use); list, validate, report and site never do.
await build({
  ...commonJs,
  plugins: [],
  banner: {},
  entryPoints: [createRequire(import.meta.url).resolve('yaml')],
  outfile: YAML_BUNDLE_FILE,
});
wrapScript(YAML_BUNDLE_FILE);

/** Output that goes nowhere. */
const sink = (): OutputStream & { text: string } => ({
  text: '',
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

const { exports, script } = runBundle();
// The package from its script, as src/launch.ts loads it; its cache is made after the runs below have used it.
const yaml = runYamlBundle();
exports.useYamlPackage(() => yaml.exports);
const work = mkdtempSync(path.join(tmpdir(), 'ideas-bundle-'));
try {
  const registry = path.join(work, 'registry');
  cpSync(fileURLToPath(new URL('../../examples/sundsvall/', import.meta.url)), registry, { recursive: true });
  const runs: string[][] = [
    ['list', '--json'],
    ['list'],
    ['validate'],
    ['validate', '--format', 'json'],
    ['report'],
    ['export'],
    ['site', '--out', path.join(work, 'site')],
  ];
  /** Runs `argv` in `cwd`, and its stdout if it exits with `expected`. */
  const runIn = async (cwd: string, argv: string[], expected = 0): Promise<string> => {
    const stdout = sink();
    const stderr = sink();
    const ctx: Ctx = {
      cwd,
      env: { PATH: process.env.PATH, CI: 'true' },
      stdout,
      stderr,
      stdinIsTTY: false,
      prompter: () => Promise.reject(new Error('no prompts while the build warms up')),
      clock: () => new Date(),
    };
    const code = await exports.run(argv, ctx);
    if (code !== expected) throw new Error(`ideas ${argv.join(' ')} exited ${code} in the bundle:\n${stderr.text}`);
    return stdout.text;
  };
  let first: string | undefined;
  for (const argv of [...runs, ['show', '<first>']]) {
    const args = argv.map((arg) => (arg === '<first>' ? (first as string) : arg));
    const out = await runIn(registry, args);
    if (first === undefined && argv.join(' ') === 'list --json') {
      first = (JSON.parse(out) as { ideas: { id: string }[] }).ideas[0]?.id;
    }
  }
  // The program's cache holds what these runs compiled; the runs below, for the package's cache, would add code that
  // few commands need to what every command loads.
  writeFileSync(CODE_CACHE_FILE, script.createCachedData());
  // The `yaml` package at work: files the fast reader leaves to it (one broken, one with a tag, one with a key
  // that is a list), and an edit that keeps a file's formatting.
  const odd = path.join(work, 'odd');
  cpSync(registry, odd, { recursive: true });
  const ideasDir = path.join(odd, 'ideas', '01-ide');
  writeFileSync(
    path.join(ideasDir, 'sund-bbbbb1-trasig.md'),
    '---\nid: sund-bbbbb1\ntitle: "Trasig\ncreated: 2026-01-01\n---\n',
  );
  writeFileSync(
    path.join(ideasDir, 'sund-bbbbb2-taggad.md'),
    '---\nid: sund-bbbbb2\ntitle: !!str Taggad\ncreated: 2026-01-01\ntags: [a, b]\nhistory:\n  - {date: 2026-01-01, action: created, to: idea}\n---\n\nText.\n',
  );
  writeFileSync(path.join(ideasDir, 'sund-bbbbb3-nyckel.md'), '---\nid: sund-bbbbb3\n? [a, b]\n: c\n---\n');
  await runIn(odd, ['validate'], 1);
  await runIn(odd, ['list']);
  await runIn(odd, ['edit', first as string, '--set', 'unit=Bygget', '--by', 'Bygget']);
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(YAML_CACHE_FILE, yaml.script.createCachedData());
