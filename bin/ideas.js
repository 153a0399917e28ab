#!/usr/bin/env node
// `ideas --version` and `ideas --help` are answered before the command line loads: scripts and CI call them to see
// that the tool is there, and people to see what it does.
const args = process.argv.slice(2);
const asksHelp = args[0] === 'help' || args.at(-1) === '--help' || args.at(-1) === '-h';
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else if (
  asksHelp &&
  (await import('../dist/help-fast.js')).fastHelp(args, process.env, process.cwd(), process.stdout)
) {
  // A reader that stops early (`ideas --help | head -1`) closes the pipe: that is its choice, not an error.
  process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 2));
} else {
  // The program, bundled with V8's code cache of it when the build made one (src/launch.ts).
  const { loadMain } = await import('../dist/launch.js');
  await (await loadMain()).main();
}
