/** The process edge: builds the real context, runs the command line, and is the only place that sets the exit code. */
// First, before the modules of the command line allocate anything: how the heap grows (see the module).
import './v8-flags.js';
import type { Ctx } from './context.js';
import { run } from './program.js';
import { createInquirerPrompter } from './ui/prompter.js';

/** For the build's warming up of the bundle (src/tools/bundle.ts), which runs commands with a context of its own. */
export { run };

/** Runs the command line on this process's arguments, streams and terminal. */
export async function main(): Promise<void> {
  // A reader that stops early (`ideas list | head -1`) closes the pipe: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }

  const ctx: Ctx = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Asked only by a command that may prompt: making process.stdin cost every other command ~3 ms.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    prompter: (lang) => createInquirerPrompter(process.stderr, lang, process.stdin),
    clock: () => new Date(),
  };

  process.exitCode = await run(process.argv.slice(2), ctx);
}
