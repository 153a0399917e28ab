/**
 * The command line's wiring: builds commander from the commands declared in src/cli/commands.ts, turns what it
 * parsed into a command's input, runs the command, writes what its presenter returns, and maps errors to exit codes.
 * Nothing here prints on its own account or knows a command's output.
 */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import type { CommonOptions, Ctx } from './context.js';
import type { RegistryRef } from './core/sluice/config.js';
import { COMMANDS } from './cli/commands.js';
import type { CommandSpec, OptionSpec, ParsedArguments } from './cli/spec.js';
import { localizePlaceholders, unknownCommandMessage, unknownHelpTopic, usageError, earlyArgs } from './cli/usage.js';
import { writeOutput } from './cli/write-output.js';
import { IdeasError, isIdeasError } from './core/errors.js';
import { isLang, t, type Lang } from './core/i18n/i18n.js';
import { examplesFor, helpText, helpTitle, type HelpKey } from './ui/help.js';
import { EXIT, type View } from './ui/output.js';
import { languageBeforeConfig } from './io/registry-root.js';
import { languageBeforeRegion } from './io/region/region-lang.js';
import { ownPackage } from './io/package-files.js';
import { terminalText } from './core/terminal-text.js';

export { EXIT };

function version(): string {
  return ownPackage().version;
}

/**
 * The language before any registry (or region) is loaded: for help texts and for errors that come before the
 * config. A region command looks for a region's file, every other command for a registry's.
 */
function earlyLang(argv: string[], ctx: Ctx): Lang {
  const early = earlyArgs(argv);
  const lang = isLang(early.lang) ? early.lang : undefined;
  const given = early.registry || undefined;
  return early.command === 'region'
    ? languageBeforeRegion(lang, given, ctx.env, ctx.cwd)
    : languageBeforeConfig(lang, given, ctx.env, ctx.cwd);
}

/** An option's help line, with its choices and default in the help's language. */
function optionDescription(option: Option, lang: Lang): string {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`${t(lang, 'help.choices')}: ${option.argChoices.join(', ')}`);
  if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') {
    extras.push(`${t(lang, 'help.default')}: ${String(option.defaultValue)}`);
  }
  return extras.length > 0 ? `${option.description} (${extras.join('; ')})` : option.description;
}

function parseLang(value: string, lang: Lang): Lang {
  if (!isLang(value)) throw new InvalidArgumentError(t(lang, 'err.badLang', { lang: value }));
  return value;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(key: string, lang: Lang, path: readonly string[] = []): string {
  const lines = examplesFor(key, lang, path);
  return `\n${helpTitle(helpText('examplesTitle', lang), lang)}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Help is wrapped to the terminal, but never wider than 80 columns: long lines are hard to read, and a help text
 * that is the same at every width of 80 or more can be rendered at build time (see src/tools/render-help.ts).
 */
export const HELP_WIDTH = 80;

function helpWidth(stream: Ctx['stdout']): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? Math.min(stream.columns, HELP_WIDTH) : HELP_WIDTH;
}

const JSON_OPTION: OptionSpec = { flags: '--json', help: 'optJson' };

/** What to do with a command once its input is parsed: run it, or (for the table test of the wiring) keep it. */
type OnAction = (spec: CommandSpec, input: CommonOptions) => Promise<void>;

/**
 * Help in the language: titles, placeholders (`[options]`, `<dir>`), choices and defaults. Commander's Help methods
 * are overridden through configureHelp; the base class renders, and the words are swapped after.
 */
function helpConfiguration(lang: Lang): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (s) => helpTitle(s, lang),
    optionDescription: (o) => optionDescription(o, lang),
    commandUsage: (cmd) => localizePlaceholders(base.commandUsage(cmd), lang),
    subcommandTerm: (cmd) => localizePlaceholders(base.subcommandTerm(cmd), lang),
  };
}

/** The command that failed to parse, for the hint of its usage error: commander's error does not say. */
interface ParseState {
  failedIn: readonly string[];
}

/** Builds commander's program from the declared commands, in the language of the help. */
function buildProgram(lang: Lang, ctx: Ctx, onAction: OnAction, state: ParseState = { failedIn: [] }): Command {
  const h = (k: HelpKey) => helpText(k, lang);
  const ph = (flags: string) => localizePlaceholders(flags, lang);
  // Commander's own error text is never written: run() reports the error, in the language, as every other error.
  const output = {
    writeOut: (s: string) => ctx.stdout.write(s),
    writeErr: (s: string) => ctx.stderr.write(s),
    getOutHelpWidth: () => helpWidth(ctx.stdout),
    getErrHelpWidth: () => helpWidth(ctx.stderr),
    outputError: () => undefined,
  };
  const failIn = (path: readonly string[]) => (e: CommanderError) => {
    state.failedIn = path;
    throw e;
  };
  const program = new Command('ideas')
    .description(h('program'))
    .version(version(), '-V, --version', h('optVersion'))
    .helpOption('-h, --help', h('optHelp'))
    .helpCommand(ph('help [command]'), h('helpCommand'))
    .option(ph('-C, --registry <dir>'), h('optRegistry'))
    .addOption(new Option(ph('--lang <lang>'), h('optLang')).argParser((v) => parseLang(v, lang)))
    .option('--no-input', h('optNoInput'))
    .option('--debug', h('optDebug'))
    .option('--no-cache', h('optNoCache'))
    .configureHelp({ ...helpConfiguration(lang), sortSubcommands: false })
    .configureOutput(output)
    .exitOverride(failIn([]))
    .addHelpText('after', `${examples('program', lang)}\n${h('exitCodes')}\n`);

  const made = new Map<string, Command>([['', program]]);
  for (const spec of COMMANDS) {
    const parent = made.get(spec.path.slice(0, -1).join(' ')) ?? program;
    const cmd = parent
      .command(spec.path[spec.path.length - 1] as string)
      .description(h(spec.help))
      .helpOption('-h, --help', h('optHelp'))
      .configureHelp({ ...helpConfiguration(lang), showGlobalOptions: true })
      .configureOutput(output)
      .exitOverride(failIn(spec.path));
    made.set(spec.path.join(' '), cmd);
    for (const a of spec.args ?? []) cmd.argument(ph(a.name), h(a.help));
    const options = spec.options ?? [];
    // Every command that runs takes --json: a script gets one document, a result or an error, whatever it runs.
    const withJson = spec.input && !options.some((o) => o.flags === '--json') ? [...options, JSON_OPTION] : options;
    for (const o of withJson) {
      const option = new Option(ph(o.flags), h(o.help));
      if (o.choices) option.choices(o.choices);
      if (o.default !== undefined) option.default(o.default);
      if (o.repeatable) option.argParser(collect);
      if (o.required) option.makeOptionMandatory();
      if (o.hidden) option.hideHelp();
      cmd.addOption(option);
    }
    const more = examples(spec.examples ?? (spec.path[0] as string), lang, spec.path);
    cmd.addHelpText('after', spec.notes ? `\n${h(spec.notes)}\n${more}` : more);
    const { input } = spec;
    if (input) {
      cmd.action(async (...args: unknown[]) => {
        const self = args[args.length - 1] as Command;
        const positional = args.slice(0, spec.args?.length ?? 0) as ParsedArguments;
        const opts = self.optsWithGlobals();
        // --json writes JSON: a --format of something else given with it is a mistake, not a choice to ignore.
        if (opts.json === true && self.getOptionValueSource('format') === 'cli' && opts.format !== 'json')
          throw new IdeasError('USAGE', 'err.jsonAndFormat', { format: String(opts.format) });
        await onAction(spec, input(positional, opts));
      });
    }
  }
  return program;
}

/** The command and its input that `argv` asks for, without running anything: for the table test of the wiring. */
export async function parseCommandLine(argv: string[], ctx: Ctx): Promise<{ path: string; input: CommonOptions }> {
  let parsed: { path: string; input: CommonOptions } | null = null;
  const program = buildProgram('en', ctx, async (spec, input) => {
    parsed = { path: spec.path.join(' '), input };
  });
  await program.parseAsync(argv, { from: 'user' });
  if (parsed === null) throw new Error(`no command in: ${argv.join(' ')}`);
  return parsed;
}

async function viewOf(ctx: Ctx): Promise<View> {
  const { colorFor } = await import('./ui/color.js');
  return {
    out: colorFor(ctx.stdout, ctx.env),
    err: colorFor(ctx.stderr, ctx.env),
    outWidth: ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80,
    errWidth: ctx.stderr.columns ?? 80,
    outIsTTY: ctx.stdout.isTTY === true,
    today: ctx.clock(),
    cwd: ctx.cwd,
  };
}

/**
 * Runs the command line. `inspect` sees the program once it is built and before it parses (the build step that
 * renders help uses it to find every command).
 */
export async function run(argv: string[], ctx: Ctx, inspect?: (program: Command) => void): Promise<number> {
  const lang = earlyLang(argv, ctx);
  let exitCode: number = EXIT.ok;
  let json = earlyArgs(argv).json;
  const state: ParseState = { failedIn: [] };
  const program = buildProgram(
    lang,
    ctx,
    async (spec, input) => {
      json = input.json === true;
      if (!spec.run) return;
      await finishInterrupted(input.registry, lang, ctx);
      exitCode = await writeOutput(ctx, await spec.run(input, { ctx, view: () => viewOf(ctx), lang }));
    },
    state,
  );
  inspect?.(program);
  const how = { json, lang, debug: argv.includes('--debug'), argv };
  // `ideas help <unknown>`: commander would show the program's help; it is an unknown command like any other.
  const topic = unknownHelpTopic(
    argv,
    program.commands.map((c) => c.name()),
    program.options.filter((o) => o.required).flatMap((o) => [o.short, o.long].filter((f) => f !== undefined)),
  );
  if (topic !== null) {
    return await reportError(
      usageError(
        {
          code: 'commander.unknownCommand',
          message: unknownCommandMessage(
            topic,
            program.commands.map((c) => c.name()),
          ),
        },
        [],
      ),
      how,
      ctx,
    );
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; every other commander error is a usage error.
      if (
        e.exitCode === 0 ||
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok;
      const commands = program.commands.map((c) => ({
        name: c.name(),
        options: c.options.map((o) => ({
          flags: [o.short, o.long].filter((f): f is string => f !== undefined),
          takesValue: o.required || o.optional,
        })),
      }));
      const line = { argv, commands };
      return await reportError(usageError(e, state.failedIn, line), how, ctx);
    }
    return await reportError(e, { ...how, json }, ctx);
  }
}

/**
 * Before any command: a command killed while it wrote (see src/io/journal.ts) is finished, or undone, so that no
 * command (a list, a validate in a pre-commit hook) ever shows a half-done import or move as the registry's state.
 * Costs a few stat calls when there is nothing to do. A reading command goes on if it cannot (the lock held, a
 * read-only clone); a writing command then meets the problem, with its message, when it takes the lock.
 */
async function finishInterrupted(registryFlag: string | undefined, lang: Lang, ctx: Ctx): Promise<void> {
  let root: string;
  try {
    root = (await import('./io/registry.js')).locateRegistry(ctx.cwd, registryFlag, ctx.env);
  } catch {
    return;
  }
  // Nearly always there is no journal: asked without loading the module that would finish its work.
  if (!(await import('./io/journal-file.js')).hasJournal(root)) return;
  const journal = await import('./io/journal.js');
  if (!journal.interruptedWork(root)) return;
  const { withWriteLock } = await import('./io/write-session.js');
  await withWriteLock(root, async () => undefined, 2_000).catch(() => undefined);
  for (const note of journal.takeRecoveryNotes()) ctx.stderr.write(`ideas: ${terminalText(note[lang])}\n`);
}

/**
 * The output of a run could not be written (src/main.ts): the file system's reason, as any write's, on stderr, for
 * the standard output the command wrote to.
 */
export async function reportOutputFailure(e: unknown, argv: string[], ctx: Ctx): Promise<void> {
  const lang = earlyLang(argv, ctx);
  const { fsError } = await import('./io/fs-error.js');
  await reportError(
    fsError(e, t(lang, 'out.standardOutput')),
    { json: false, lang, debug: argv.includes('--debug'), argv },
    ctx,
  );
}

async function reportError(
  e: unknown,
  how: { json: boolean; lang: Lang; debug: boolean; argv: readonly string[] },
  ctx: Ctx,
): Promise<number> {
  const { isFsError, fsError } = await import('./io/fs-error.js');
  const error = isIdeasError(e)
    ? e
    : isFsError(e)
      ? fsError(e, '?')
      : new IdeasError(
          'UNEXPECTED',
          'err.unexpected',
          { message: e instanceof Error ? e.message : String(e) },
          { hint: 'hint.unexpected' },
        );
  const { colorFor } = await import('./ui/color.js');
  const { presentError } = await import('./ui/present/error.js');
  const stack = how.debug && !isIdeasError(e) && e instanceof Error && e.stack ? e.stack : null;
  const registry = how.json ? await registryOfRun(how.argv, ctx) : null;
  return await writeOutput(
    ctx,
    presentError(error, { json: how.json, lang: how.lang, stack, registry }, colorFor(ctx.stderr, ctx.env)),
  );
}

/**
 * The registry a failed run was to work in, for its `error` document: found as the command finds it (`-C`,
 * IDEAS_REGISTRY, or up from the working directory) and read for its name and language; null when there is none or
 * its config cannot be read (often the very error), and for `ideas region`, which works on a region.
 */
async function registryOfRun(argv: readonly string[], ctx: Ctx): Promise<RegistryRef | null> {
  const { registry: flag, command } = earlyArgs(argv);
  if (command === 'region') return null;
  try {
    const { locateRegistry, loadRegistry } = await import('./io/registry.js');
    return loadRegistry(locateRegistry(ctx.cwd, flag, ctx.env), 'en');
  } catch {
    return null;
  }
}
