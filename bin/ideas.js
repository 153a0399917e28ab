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

/**
 * Output the fast answers below could not write: a reader that stops early (`ideas --version | true`) closes the pipe,
 * which is its choice, not an error (exit 0); anything else (a full disk) is said, and is exit 2, as the full command
 * line says it (src/main.ts).
 */
function onOutputError(e) {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`ideas: ${e.message}\n`);
  process.exit(2);
}

// `ideas --version` and `ideas --help` are answered before the command line loads: scripts and CI call them to see
// that the tool is there, and people to see what it does.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
  process.stdout.on('error', onOutputError);
  process.stdout.write(`${pkg.version}\n`);
} else if (asksHelp) {
  import('../dist/help-fast.js').then(({ fastHelp }) => {
    process.stdout.on('error', onOutputError);
    if (!fastHelp(args, process.env, process.cwd(), process.stdout)) {
      process.stdout.off('error', onOutputError);
      return run();
    }
  });
} else run();
