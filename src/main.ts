/** The process edge: builds the real context, runs the command line, and is the only place that sets the exit code. */
// First, before the modules of the command line allocate anything: how the heap grows (see the module).
import './io/v8-flags.js';
import type { Ctx } from './context.js';
import { reportOutputFailure, run } from './program.js';
import { createInquirerPrompter } from './ui/prompter.js';

/** For the build's warming up of the bundle (src/tools/bundle.ts), which runs commands with a context of its own. */
export { run };
/** For the launcher (src/launch.ts), which loads the `yaml` package from a script of its own. */
export { useYamlPackage } from './core/front-matter/yaml-package.js';

/** Runs the command line on this process's arguments, streams and terminal. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  /** The exit code of the output being written (Ctx.settle). */
  let settled: number | undefined;
  let failed = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // A reader that stops early (`ideas list | head -1`) closes the pipe: that is the reader's choice, not an
      // error, and the command's own exit code stands (a `validate` that found problems still exits 1).
      if (e.code === 'EPIPE') process.exit(settled ?? process.exitCode ?? 0);
      if (failed) return;
      failed = true;
      // Output that cannot be written (a full disk, a file system gone read-only): said in plain words on stderr,
      // exit 2. When stderr is what failed, nothing more can be said.
      if (stream === process.stderr) process.exit(2);
      void reportOutputFailure(e, argv, { ...ctx, settle: undefined }).finally(() => process.exit(2));
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
    settle: (code) => {
      settled = code;
    },
  };

  process.exitCode = await run(argv, ctx);
}
