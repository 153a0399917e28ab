import type { Lang } from './core/i18n/i18n.js';
import type { OutputStream } from './ui/output.js';
import type { Prompter } from './ui/prompter.js';

export type { OutputStream };

/** Everything a command may touch of the world, injected so tests never chdir, mock or spawn a terminal. */
export interface Ctx {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
  stdinIsTTY: boolean;
  /**
   * The prompter, made only when a question is really asked (@inquirer/prompts costs about 110 ms to load), speaking
   * `lang`.
   */
  prompter: (lang: Lang) => Promise<Prompter>;
  clock: () => Date;
  /**
   * Told the exit code a command's output ends with, before that output is written: the process ends with it when
   * the reader stops reading early (`ideas validate | head -1` in a script with `set -o pipefail`).
   */
  settle?: (exitCode: number) => void;
}

/** The options every command shares, from the global flags. */
export interface CommonOptions {
  registry?: string;
  lang?: Lang;
  json?: boolean;
  input?: boolean;
  debug?: boolean;
  /** False with --no-cache: read every file, and neither use nor write the cache. */
  cache?: boolean;
}

/** Why prompts cannot be shown, or null when they can. */
export function noPromptReason(ctx: Ctx, opts: CommonOptions): 'why.noInput' | 'why.ci' | 'why.notTTY' | null {
  if (opts.input === false) return 'why.noInput';
  if (isCI(ctx.env)) return 'why.ci';
  if (!ctx.stdinIsTTY) return 'why.notTTY';
  return null;
}

export function isCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
