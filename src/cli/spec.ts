/**
 * A command of the command line as data: its name and place, its arguments and options with their help, how the
 * parsed options become the command's input, and how it runs (the command and its presenter, each loaded only when
 * it runs). src/program.ts builds commander from these; src/cli/commands.ts declares them.
 */
import type { CommonOptions, Ctx } from '../context.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { HelpKey } from '../ui/help.js';
import type { Output, View } from '../ui/output.js';

export type { HelpKey };

export interface ArgumentSpec {
  /** As commander writes it: `<id>`, `[stage]`, `[paths...]`. */
  name: string;
  help: HelpKey;
}

export interface OptionSpec {
  /** As commander writes it: `-s, --stage <stage>`, `--force`, `--no-ci`. */
  flags: string;
  help: HelpKey;
  choices?: readonly string[];
  default?: string;
  /** May be given several times; the values are collected in order. */
  repeatable?: boolean;
  required?: boolean;
  /** Left out of the help: for the tool's own use (the pre-commit hook), not for people. */
  hidden?: boolean;
}

/** The options as commander parsed them, the global ones included. */
export type ParsedOptions = Readonly<Record<string, unknown>>;
/** The arguments in the order declared: a string, a list for a variadic one, or undefined when left out. */
export type ParsedArguments = readonly (string | string[] | undefined)[];

/** What the wiring gives a command's run: the context, the view (colours, widths, the day) and the language. */
export interface RunEnv {
  ctx: Ctx;
  /** Loads chalk and reads the streams: called when the first thing is to be shown. */
  view: () => Promise<View>;
  /** The language before the registry is read: for progress shown while a command runs. */
  lang: Lang;
}

export interface CommandSpec<I extends CommonOptions = CommonOptions> {
  /** The words that name it: ['list'], ['hook', 'install']. */
  path: readonly string[];
  help: HelpKey;
  args?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** More help, printed after the options and before the examples. */
  notes?: HelpKey;
  /** The key of its examples in ui/help.ts; by default its first word. */
  examples?: string;
  /** From the parsed command line to the command's input: pure, and tested for every command. */
  input?: (args: ParsedArguments, o: ParsedOptions) => I;
  /** Runs the command and presents its result. */
  run?: (input: I, env: RunEnv) => Promise<Output>;
}

/** The options every command shares, from the global flags. */
export function common(o: ParsedOptions): CommonOptions {
  return {
    registry: o.registry as string | undefined,
    lang: o.lang as Lang | undefined,
    json: o.json === true || o.format === 'json',
    input: o.input !== false,
    debug: o.debug === true,
    cache: o.cache !== false,
  };
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
export const flag = (v: unknown): boolean => v === true;

/**
 * Declares a command, its input type inferred from `input`. The table holds every command under one type; the
 * wiring only ever hands a command's `run` the input its own `input` made, which is what makes the cast sound.
 */
export function command<I extends CommonOptions>(spec: CommandSpec<I>): CommandSpec {
  return spec as unknown as CommandSpec;
}
