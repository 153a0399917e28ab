#!/usr/bin/env node
// A CommonJS script (bin/package.json): a command starts without Node's ES module loader, which cost every run about
// 5 ms (docs/performance.md).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const asksHelp = args[0] === 'help' || args.at(-1) === '--help' || args.at(-1) === '-h';

/** The program: the bundle the build made, compiled with V8's code cache of it (src/launch.ts), else its modules. */
function run() {
  const launcher = path.join(__dirname, '../dist/bundle/launch.cjs');
  const bundled = existsSync(launcher) ? require(launcher).loadBundledMain() : null;
  return bundled ? bundled.main() : import('../dist/main.js').then((m) => m.main());
}

// `ideas --version` and `ideas --help` are answered before the command line loads: scripts and CI call them to see
// that the tool is there, and people to see what it does.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else if (asksHelp) {
  import('../dist/help-fast.js').then(({ fastHelp }) => {
    if (fastHelp(args, process.env, process.cwd(), process.stdout)) {
      // A reader that stops early (`ideas --help | head -1`) closes the pipe: that is its choice, not an error.
      process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 2));
    } else return run();
  });
} else run();
