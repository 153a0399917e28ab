/**
 * The command line run inside the test's own process, through `run()` of src/program.ts: the function that
 * bin/ideas.js reaches through src/main.ts, which only adds the process's edge (its streams, its exit code). The
 * context is the spawned runs' (test/helpers/cli.ts): CI's environment, no terminal, no prompts.
 *
 * A spawned node spends about 0.25 s of CPU loading the command line before it does anything; in process, that is
 * paid once per test file. For a file that runs the same read-only command many times, in several output formats.
 * Such a file keeps spawned runs beside it and holds the two to the same output (see test/e2e/diff-attacks.test.ts):
 * an end-to-end test is still one of the built CLI.
 */
import type { Ctx, OutputStream } from '../../src/context.js';
import { run } from '../../src/program.js';
import { cliEnv, type RunOptions, type RunResult } from './cli.js';

export async function ideasInProcess(
  args: readonly string[],
  opts: Pick<RunOptions, 'cwd' | 'env'>,
): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  // A pipe, as a spawned run's streams are: no terminal, no width.
  const sink = (into: string[]): OutputStream => ({ write: (chunk: string) => into.push(chunk) });
  const ctx: Ctx = {
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    stdout: sink(stdout),
    stderr: sink(stderr),
    stdinIsTTY: false,
    prompter: () => Promise.reject(new Error('a command run in process asked a question')),
    clock: () => new Date(),
  };
  const code = await run([...args], ctx);
  return { code, signal: null, stdout: stdout.join(''), stderr: stderr.join('') };
}
