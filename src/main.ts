/** The process edge: builds the real context, runs the command line, and is the only place that sets the exit code. */
import type { Ctx } from './context.js';
import { run } from './program.js';
import { createInquirerPrompter } from './ui/prompter.js';

const ctx: Ctx = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
  prompter: () => createInquirerPrompter(process.stderr),
  clock: () => new Date(),
};

process.exitCode = await run(process.argv.slice(2), ctx);
