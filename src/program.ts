/**
 * The command line: options, help with examples, and for each command: run it, render its result, pick the
 * exit code. Commands and their libraries load only when they run, so that --help and --version stay instant.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isCI, type CommonOptions, type Ctx } from './context.js';
import { IdeasError, isIdeasError } from './core/errors.js';
import { isLang, t, type Lang } from './core/i18n/i18n.js';
import { EXAMPLES, HELP, helpTitle } from './ui/help.js';
import { languageBeforeConfig } from './io/registry-root.js';
import type { colorFor as ColorFor } from './ui/color.js';
import type { Idea } from './core/sluice/idea.js';
import type { Registry } from './io/registry.js';

export const EXIT = { ok: 0, problems: 1, usage: 2, cancelled: 130 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The language before any registry is loaded: for help texts and for errors that come before the config. */
export function earlyLang(argv: string[], ctx: Ctx): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i === -1 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const r = argv.findIndex((a) => a === '-C' || a === '--registry' || a.startsWith('--registry='));
  const given = r === -1 ? undefined : argv[r]?.includes('=') ? argv[r]?.split('=')[1] : argv[r + 1];
  return languageBeforeConfig(isLang(flag) ? flag : undefined, given || undefined, ctx.env, ctx.cwd);
}

const COMMANDER_SV: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/, "fel: okänd flagga '$1'"],
  [/^error: unknown command '([^']*)'/, "fel: okänt kommando '$1'"],
  [/^error: missing required argument '([^']*)'/, "fel: argumentet '$1' saknas"],
  [/^error: option '([^']*)' argument missing/, "fel: flaggan '$1' saknar värde"],
  [
    /^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
    "fel: för många argument till '$1': väntade $2 men fick $3.",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    'fel: för många argument: väntade $1 men fick $2.',
  ],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
    "fel: flaggan '$1' kan inte vara '$2'. Tillåtna val: $3.",
  ],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, "fel: flaggan '$1' kan inte vara '$2'."],
  [/\(Did you mean (.*)\?\)/, '(Menade du $1?)'],
];

/** Commander's own error messages, which are English, in the help's language. */
function commanderMessage(message: string, lang: Lang): string {
  if (lang !== 'sv') return message;
  return COMMANDER_SV.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}

/** An option's help line, with its choices and default in the help's language. */
function optionDescription(option: Option, lang: Lang): string {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`${lang === 'sv' ? 'val' : 'choices'}: ${option.argChoices.join(', ')}`);
  if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') {
    extras.push(`${lang === 'sv' ? 'standard' : 'default'}: ${String(option.defaultValue)}`);
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

function examples(key: string, lang: Lang): string {
  const lines = EXAMPLES[key]?.[lang] ?? [];
  return `\n${helpTitle(HELP.examplesTitle[lang], lang)}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function common(o: Record<string, unknown>): CommonOptions {
  return {
    registry: o.registry as string | undefined,
    lang: o.lang as Lang | undefined,
    json: o.json === true,
    input: o.input !== false,
    debug: o.debug === true,
    cache: o.cache !== false,
  };
}

/**
 * Help is wrapped to the terminal, but never wider than 80 columns: long lines are hard to read, and a help text
 * that is the same at every width of 80 or more can be rendered at build time (see src/tools/render-help.ts).
 */
export const HELP_WIDTH = 80;

export function helpWidth(stream: Ctx['stdout']): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? Math.min(stream.columns, HELP_WIDTH) : HELP_WIDTH;
}

/**
 * Runs the command line. `inspect` sees the program once it is built and before it parses (the build step that
 * renders help uses it to find every command).
 */
export async function run(argv: string[], ctx: Ctx, inspect?: (program: Command) => void): Promise<number> {
  // chalk is loaded before an action runs, never for --help or a usage error: start-up stays light.
  let colorFor: typeof ColorFor = () => {
    throw new Error('colour used before the preAction hook');
  };
  const lang = earlyLang(argv, ctx);
  const h = (k: keyof typeof HELP) => HELP[k][lang];
  let exitCode: number = EXIT.ok;
  let json = argv.includes('--json');
  const out = (s: string) => ctx.stdout.write(s);
  const err = (s: string) => ctx.stderr.write(s);
  /** Files that could not be read are left out of list, report, export and site: say so, and where to look. */
  const warnUnreadable = (count: number, lang: Lang) => {
    if (count > 0) err(`${colorFor(ctx.stderr, ctx.env).yellow(t(lang, 'out.unreadable', { count }))}\n`);
  };

  const output = {
    writeOut: out,
    writeErr: err,
    getOutHelpWidth: () => helpWidth(ctx.stdout),
    getErrHelpWidth: () => helpWidth(ctx.stderr),
    outputError: (s: string, write: (s: string) => void) => write(commanderMessage(s, lang)),
  };
  const program = new Command('ideas')
    .description(h('program'))
    .version(version(), '-V, --version', h('optVersion'))
    .helpOption('-h, --help', h('optHelp'))
    .helpCommand('help [command]', h('helpCommand'))
    .option('-C, --registry <dir>', h('optRegistry'))
    .addOption(new Option('--lang <lang>', h('optLang')).argParser((v) => parseLang(v, lang)))
    .option('--no-input', h('optNoInput'))
    .option('--debug', h('optDebug'))
    .option('--no-cache', h('optNoCache'))
    .configureHelp({
      styleTitle: (s) => helpTitle(s, lang),
      optionDescription: (o) => optionDescription(o, lang),
      sortSubcommands: false,
    })
    .configureOutput(output)
    .showHelpAfterError(h('moreHelp'))
    .hook('preAction', async () => {
      colorFor = (await import('./ui/color.js')).colorFor;
    })
    .exitOverride()
    .addHelpText('after', `${examples('program', lang)}\n${h('exitCodes')}\n`);

  const sub = (name: string, description: string, parent: Command = program) =>
    parent
      .command(name)
      .description(description)
      .helpOption('-h, --help', h('optHelp'))
      .configureHelp({
        styleTitle: (s) => helpTitle(s, lang),
        optionDescription: (o) => optionDescription(o, lang),
        showGlobalOptions: true,
      })
      .configureOutput(output)
      .showHelpAfterError(h('moreHelp'))
      .exitOverride();

  sub('init', h('init'))
    .argument('[dir]', h('initDir'))
    .option('-t, --template <name>', h('initTemplate'))
    .addOption(new Option('--ci <provider>', h('initCi')).choices(['github', 'gitlab', 'none']).default('github'))
    .option('--no-ci', h('initNoCi'))
    .option('--package <spec>', h('initPackage'))
    .option('--json', h('optJson'))
    .addHelpText('after', `\n${h('initLang')}\n${examples('init', lang)}`)
    .action(async (dir: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const { runInit } = await import('./commands/init.js');
      const result = await runInit(
        {
          ...common(o),
          dir,
          template: o.template as string | undefined,
          ci: o.ci as string | boolean | undefined,
          package: o.package as string | undefined,
        },
        ctx,
      );
      if (o.json) {
        out(
          `${JSON.stringify({ schemaVersion: 1, kind: 'registry-created', registry: { name: result.name, language: result.lang }, template: result.template, files: result.files, ci: result.ci }, null, 2)}\n`,
        );
      } else {
        const uiLang = result.lang;
        const { ci } = result;
        const ciNote = t(uiLang, ci.provider === 'gitlab' ? 'out.ciWrittenGitlab' : 'out.ciWritten', {
          package: ci.package ?? '',
        });
        const files = result.files.map((f) => `  ${f}${f === ci.file ? `  (${ciNote})` : ''}\n`).join('');
        if (ci.status === 'exists') {
          const key = ci.provider === 'gitlab' ? 'out.ciExistsGitlab' : 'out.ciExists';
          err(`${colorFor(ctx.stderr, ctx.env).yellow(t(uiLang, key, { file: ci.file ?? '' }))}\n`);
        }
        out(
          `${t(uiLang, 'out.initDone', { name: result.name, dir: result.root, template: result.template })}\n${files}${t(uiLang, 'out.initNext')}\n${t(uiLang, 'out.initHook')}\n`,
        );
      }
    });

  const hook = sub('hook', h('hook')).addHelpText('after', examples('hook', lang));
  sub('install', h('hookInstall'), hook)
    .option('--force', h('hookForce'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('hook', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runHookInstall } = await import('./commands/hook.js');
      const r = await runHookInstall({ ...common(o), force: o.force === true }, ctx);
      if (o.json)
        out(
          `${JSON.stringify({ schemaVersion: 1, kind: r.kind, hook: r.hook, status: r.status, backup: r.backup }, null, 2)}\n`,
        );
      else {
        out(`${r.hook}\n`);
        err(
          `${colorFor(ctx.stderr, ctx.env).green(t(r.lang, r.status === 'updated' ? 'out.hookUpdated' : 'out.hookInstalled', { file: r.hook }))}\n`,
        );
        if (r.backup) err(`${t(r.lang, 'out.hookBackup', { file: r.backup })}\n`);
      }
    });
  sub('uninstall', h('hookUninstall'), hook)
    .option('--json', h('optJson'))
    .addHelpText('after', examples('hook', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runHookUninstall } = await import('./commands/hook.js');
      const r = await runHookUninstall(common(o), ctx);
      if (o.json)
        out(
          `${JSON.stringify({ schemaVersion: 1, kind: r.kind, hook: r.hook, status: r.status, restored: r.restored }, null, 2)}\n`,
        );
      else {
        const key =
          r.status === 'removed' ? 'out.hookRemoved' : r.status === 'absent' ? 'out.hookAbsent' : 'out.hookForeignKept';
        err(`${t(r.lang, key, { file: r.hook })}\n`);
        if (r.restored) err(`${t(r.lang, 'out.hookRestored', { file: r.restored })}\n`);
      }
    });

  sub('new', h('new'))
    .option('--title <text>', h('newTitle'))
    .option('--set <key=value>', h('newSet'), collect)
    .option('--body <markdown>', h('newBody'))
    .option('--body-file <file>', h('newBodyFile'))
    .option('--by <name>', h('newBy'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('new', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const { runNew } = await import('./commands/new.js');
      const result = await runNew(
        {
          ...common(o),
          title: o.title as string | undefined,
          set: (o.set as string[] | undefined) ?? [],
          body: o.body as string | undefined,
          bodyFile: o.bodyFile as string | undefined,
          by: o.by as string | undefined,
        },
        ctx,
      );
      const today = ctx.clock();
      if (o.json) {
        const { ideaDocument, ideaSummaryDto } = await import('./ui/dto.js');
        const similar = result.similar.map((s) => ({
          ...ideaSummaryDto(s.item, result.lang, today),
          score: Math.round(s.score * 100) / 100,
        }));
        out(
          `${JSON.stringify(ideaDocument(result.registry, result.idea, result.lang, today, { staged: result.staged, similar }), null, 2)}\n`,
        );
        return;
      }
      out(`${result.idea.path}\n`);
      const c = colorFor(ctx.stderr, ctx.env);
      err(
        `${c.green(t(result.lang, 'out.created', { path: result.idea.path }))}${result.staged ? ` ${c.dim(t(result.lang, 'out.staged'))}` : ''}\n`,
      );
      if (result.similar.length > 0) {
        err(`\n${c.yellow(t(result.lang, 'out.similar'))}\n`);
        for (const s of result.similar)
          err(
            `  ${c.cyan(s.item.id ?? '?')}  ${s.item.title ?? ''}  ${c.dim(`(${s.item.stage.label[result.lang]}, ${s.item.path})`)}\n`,
          );
      }
    });

  sub('list', h('list'))
    .option('-s, --stage <stage>', h('listStage'))
    .option('--tag <tag>', h('listTag'))
    .option('--funds', h('listFunds'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('list', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const { runList } = await import('./commands/list.js');
      const result = await runList(
        { ...common(o), stage: o.stage as string | undefined, tag: o.tag as string | undefined },
        ctx,
      );
      if (o.json) {
        const { ideaListDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(ideaListDocument(result.registry, result.ideas, result.lang, result.today), null, 2)}\n`);
      } else {
        const { renderIdeaList } = await import('./ui/render-list.js');
        const width = ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80;
        out(
          renderIdeaList(
            result.ideas,
            result.lang,
            result.today,
            width,
            colorFor(ctx.stdout, ctx.env),
            o.funds === true,
          ),
        );
      }
      warnUnreadable(result.unreadable, result.lang);
    });

  sub('show', h('show'))
    .argument('<id>', h('showId'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('show', lang))
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const { runShow } = await import('./commands/show.js');
      const result = await runShow({ ...common(o), id }, ctx);
      if (o.json) {
        const { ideaDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(ideaDocument(result.registry, result.idea, result.lang, result.today), null, 2)}\n`);
      } else {
        const { renderIdea } = await import('./ui/render-idea.js');
        const { readCriteriaSchemas } = await import('./io/registry.js');
        const { readPackageSchema } = await import('./core/criteria/schema-check.js');
        const schemas = [...readCriteriaSchemas(result.registry, result.idea.stage.key), readPackageSchema('idea')];
        out(
          renderIdea(
            result.idea,
            result.registry.config,
            schemas,
            result.lang,
            result.today,
            colorFor(ctx.stdout, ctx.env),
          ),
        );
      }
    });

  const printChange = async (
    result: { registry: Registry; lang: Lang; idea: Idea; committed: boolean },
    o: Record<string, unknown>,
    extra: Record<string, unknown>,
    human: string,
  ) => {
    if (o.json) {
      const { ideaDocument } = await import('./ui/dto.js');
      out(
        `${JSON.stringify(ideaDocument(result.registry, result.idea, result.lang, ctx.clock(), { change: extra, committed: result.committed }), null, 2)}\n`,
      );
    } else {
      out(`${result.idea.path}\n`);
      const committed = result.committed ? ` ${t(result.lang, 'out.committed')}` : '';
      err(`${colorFor(ctx.stderr, ctx.env).green(human)}${committed}\n`);
    }
  };

  sub('move', h('move'))
    .argument('<id>', h('showId'))
    .argument('[stage]', h('moveStage'))
    .option('--note <text>', h('moveNote'))
    .option('--by <name>', h('moveBy'))
    .option('--force', h('moveForce'))
    .option('--commit', h('moveCommit'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('move', lang))
    .action(async (id: string, stage: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runMove } = await import('./commands/move.js');
      const r = await runMove(
        {
          ...common(o),
          id,
          to: stage,
          note: o.note as string | undefined,
          by: o.by as string | undefined,
          force: o.force === true,
          commit: o.commit === true,
        },
        ctx,
      );
      const to = r.to ?? r.from;
      await printChange(
        r,
        o,
        { action: 'moved', from: r.from.key, to: to.key, forced: r.forced, entry: r.entry },
        t(r.lang, r.forced ? 'out.movedForced' : 'out.moved', {
          id: r.idea.id ?? '',
          from: r.from.label[r.lang],
          to: to.label[r.lang],
        }),
      );
    });

  sub('decide', h('decide'))
    .argument('<id>', h('showId'))
    .requiredOption('-d, --decision <decision>', h('decideDecision'))
    .requiredOption('-r, --reason <text>', h('decideReason'))
    .option('--amount <number>', h('decideAmount'))
    .option('--to <stage>', h('decideTo'))
    .option('--by <name>', h('moveBy'))
    .option('--force', h('moveForce'))
    .option('--commit', h('moveCommit'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('decide', lang))
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runDecide } = await import('./commands/decide.js');
      const r = await runDecide(
        {
          ...common(o),
          id,
          decision: o.decision as string,
          reason: o.reason as string,
          amount: o.amount as string | undefined,
          to: o.to as string | undefined,
          by: o.by as string | undefined,
          force: o.force === true,
          commit: o.commit === true,
        },
        ctx,
      );
      const where = r.to ? `${r.from.label[r.lang]} → ${r.to.label[r.lang]}` : r.from.label[r.lang];
      await printChange(
        r,
        o,
        {
          action: r.to ? 'moved' : 'decided',
          decision: r.decision,
          from: r.from.key,
          to: r.to?.key ?? null,
          forced: r.forced,
          entry: r.entry,
        },
        t(r.lang, 'out.decided', { id: r.idea.id ?? '', decision: t(r.lang, `decision.${r.decision}`), where }),
      );
    });

  sub('assign', h('assign'))
    .argument('<id>', h('showId'))
    .option('--coach <name>', h('assignCoach'))
    .option('--carrier <name>', h('assignCarrier'))
    .option('--by <name>', h('moveBy'))
    .option('--commit', h('moveCommit'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('assign', lang))
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runAssign } = await import('./commands/assign.js');
      const r = await runAssign(
        {
          ...common(o),
          id,
          coach: o.coach as string | undefined,
          carrier: o.carrier as string | undefined,
          by: o.by as string | undefined,
          commit: o.commit === true,
        },
        ctx,
      );
      await printChange(
        r,
        o,
        { action: 'assigned', changes: r.changes },
        r.changes.length > 0
          ? t(r.lang, 'out.assigned', {
              id: r.idea.id ?? '',
              changes: r.changes.map((c) => `${c.field}: ${c.new}`).join(', '),
            })
          : t(r.lang, 'out.unchanged'),
      );
    });

  sub('review', h('review'))
    .option('-s, --stage <stage>', h('reviewStage'))
    .option('--by <name>', h('reviewBy'))
    .option('--minutes <file>', h('reviewMinutes'))
    .option('--dry-run', h('reviewDryRun'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('review', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runReview } = await import('./commands/review.js');
      const { renderReviewCard, renderGate } = await import('./ui/render-review.js');
      const width = ctx.stderr.columns ?? 80;
      const cErr = colorFor(ctx.stderr, ctx.env);
      const r = await runReview(
        {
          ...common(o),
          stage: o.stage as string | undefined,
          by: o.by as string | undefined,
          minutes: o.minutes as string | undefined,
          dryRun: o.dryRun === true,
          present: (card) => err(renderReviewCard(card, width, cErr)),
        },
        ctx,
      );
      if (o.dryRun) {
        if (o.json) {
          const { ideaSummaryDto } = await import('./ui/dto.js');
          const agenda = r.agenda.map((a) => ({
            idea: ideaSummaryDto(a.idea, r.lang, ctx.clock()),
            daysInStage: a.daysInStage,
            next: a.next?.key ?? null,
            gate: a.gate
              ? {
                  open: a.gate.open,
                  criteria: a.checklist.map((x) => ({
                    field: x.field,
                    label: x.label,
                    met: x.met,
                    problem: x.problem,
                  })),
                }
              : null,
          }));
          out(
            `${JSON.stringify({ schemaVersion: 1, kind: 'review-agenda', registry: { name: r.registry.config.name, language: r.registry.config.language }, agenda }, null, 2)}\n`,
          );
        } else {
          const c = colorFor(ctx.stdout, ctx.env);
          if (r.agenda.length === 0) out(`${t(r.lang, 'review.empty')}\n`);
          for (const a of r.agenda)
            out(
              `${c.cyan(a.idea.id ?? '')}  ${a.idea.title ?? ''}  ${c.dim(`(${a.idea.stage.label[r.lang]})`)}\n${renderGate(
                a,
                r.lang,
                c,
              )
                .map((l) => `  ${l}`)
                .join('\n')}\n`,
            );
        }
        return;
      }
      if (r.agenda.length === 0) err(`${t(r.lang, 'review.empty')}\n`);
      out(`${r.minutesText ?? ''}`);
      if (r.minutesFile) err(`${cErr.green(t(r.lang, 'review.written', { file: r.minutesFile }))}\n`);
      if (r.cancelled) exitCode = EXIT.cancelled;
    });

  sub('validate', h('validate'))
    .argument('[paths...]', h('validatePaths'))
    .addOption(
      new Option('-f, --format <format>', h('validateFormat'))
        .choices(['pretty', 'json', 'github', 'junit'])
        .default('pretty'),
    )
    .option('--json', h('optJson'))
    .option('--strict', h('validateStrict'))
    .option('--changed', h('validateChanged'))
    .option('--base <ref>', h('validateBase'))
    .addHelpText('after', examples('validate', lang))
    .action(async (paths: string[], _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const format = o.json ? 'json' : (o.format as string);
      json = format === 'json';
      const showProgress = format === 'pretty' && ctx.stderr.isTTY === true && !isCI(ctx.env);
      const progress = showProgress
        ? (done: number, total: number) => {
            if (total >= 500) err(`\r${t(lang, 'out.progress', { done, total })}${done === total ? '\r\x1b[K' : ''}`);
          }
        : undefined;
      const { runValidate } = await import('./commands/validate.js');
      const result = await runValidate(
        {
          ...common(o),
          paths,
          strict: o.strict === true,
          changed: o.changed === true,
          base: o.base as string | undefined,
          onProgress: progress,
        },
        ctx,
      );
      if (format === 'json') {
        const { validationDocument } = await import('./ui/dto.js');
        out(
          `${JSON.stringify(validationDocument(result.registry, result.files, result.findings, result.ok, result), null, 2)}\n`,
        );
      } else if (format === 'junit') {
        const { renderValidationJunit } = await import('./ui/render-validation.js');
        out(
          renderValidationJunit(
            result,
            `ideas validate: ${result.registry.config.name}`,
            result.registry.root,
            ctx.cwd,
          ),
        );
      } else if (format === 'github') {
        const { renderValidationGithub } = await import('./ui/render-validation.js');
        out(renderValidationGithub(result, result.registry.root, ctx.cwd));
      } else {
        const { renderValidationPretty } = await import('./ui/render-validation.js');
        out(renderValidationPretty(result, result.lang, colorFor(ctx.stdout, ctx.env)));
      }
      exitCode = result.ok ? EXIT.ok : EXIT.problems;
    });

  sub('diff', h('diff'))
    .argument('[base]', h('diffBase'))
    .argument('[head]', h('diffHead'))
    .addOption(
      new Option('-f, --format <format>', h('diffFormat'))
        .choices(['text', 'md', 'json', 'github', 'junit'])
        .default('text'),
    )
    .option('--json', h('optJson'))
    .addHelpText('after', `\n${h('diffRules')}\n${examples('diff', lang)}`)
    .action(async (base: string | undefined, head: string | undefined, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const format = o.json ? 'json' : (o.format as string);
      json = format === 'json';
      const { runDiff } = await import('./commands/diff.js');
      const r = await runDiff({ ...common(o), base, head }, ctx);
      if (format === 'json') {
        const { ideaDiffDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(ideaDiffDocument(r), null, 2)}\n`);
      } else if (format === 'junit') {
        // A test case per idea the change touched, a failure per broken rule.
        const { renderValidationJunit } = await import('./ui/render-validation.js');
        const d = r.diff;
        const touched = new Map<string, string | null>();
        for (const x of [
          ...d.added,
          ...d.moved.map((m) => ({ path: m.path, stage: m.to })),
          ...d.changed,
          ...d.decisions,
        ]) {
          touched.set(x.path, 'stage' in x ? x.stage.key : (touched.get(x.path) ?? null));
        }
        const errors = d.findings.filter((f) => f.severity === 'error').length;
        const view = {
          files: touched.size,
          findings: d.findings,
          errors,
          warnings: d.findings.length - errors,
          strict: false,
          checked: [...touched].map(([p, stage]) => ({ path: p, stage })),
        };
        out(renderValidationJunit(view, `ideas diff: ${r.registry.config.name}`, r.registry.root, ctx.cwd));
      } else if (format === 'github') {
        const { renderValidationGithub } = await import('./ui/render-validation.js');
        const errors = r.diff.findings.filter((f) => f.severity === 'error').length;
        out(
          renderValidationGithub(
            { files: 0, findings: r.diff.findings, errors, warnings: r.diff.findings.length - errors },
            r.registry.root,
            ctx.cwd,
          ),
        );
      } else {
        const { renderDiffMarkdown, renderDiffText } = await import('./ui/render-diff.js');
        out(
          format === 'md'
            ? renderDiffMarkdown(r)
            : renderDiffText(
                r,
                colorFor(ctx.stdout, ctx.env),
                ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80,
              ),
        );
      }
      exitCode = r.ok ? EXIT.ok : EXIT.problems;
    });

  sub('schema', h('schema'))
    .option('-s, --stage <stage>', h('schemaStage'))
    .addHelpText('after', examples('schema', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const { runSchema } = await import('./commands/schema.js');
      const result = await runSchema({ ...common(o), stage: o.stage as string | undefined }, ctx);
      out(`${JSON.stringify(result.schema, null, 2)}\n`);
    });

  sub('report', h('report'))
    .option('--since <date>', h('reportSince'))
    .option('--until <date>', h('reportUntil'))
    .option('--by <field>', h('reportBy'), collect)
    .addOption(
      new Option('-f, --format <format>', h('reportFormat')).choices(['text', 'md', 'json', 'csv']).default('text'),
    )
    .option('--include-personal', h('optIncludePersonal'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('report', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const format = o.json ? 'json' : (o.format as string);
      json = format === 'json';
      const { runReport } = await import('./commands/report.js');
      const r = await runReport(
        {
          ...common(o),
          since: o.since as string | undefined,
          until: o.until as string | undefined,
          by: (o.by as string[] | undefined) ?? [],
          includePersonal: o.includePersonal === true,
        },
        ctx,
      );
      const view = { report: r.report, config: r.registry.config, titles: r.titles };
      if (format === 'json') {
        const { reportDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(reportDocument(r.registry, r.report, r.titles, r.lang), null, 2)}\n`);
      } else {
        const { renderReportCsv, renderReportMarkdown, renderReportText } = await import('./ui/render-report.js');
        if (format === 'csv') out(renderReportCsv(view, r.lang, r.registry.config.language === 'sv' ? ';' : ','));
        else if (format === 'md') out(renderReportMarkdown(view, r.lang));
        else
          out(
            renderReportText(view, r.lang, colorFor(ctx.stdout, ctx.env), {
              bars: ctx.stdout.isTTY === true,
              width: ctx.stdout.columns || 80,
            }),
          );
      }
      warnUnreadable(r.unreadable, r.lang);
    });

  sub('export', h('export'))
    .addOption(new Option('-f, --format <format>', h('exportFormat')).choices(['csv', 'json']).default('csv'))
    .option('-s, --stage <stage>', h('exportStage'))
    .option('--include-personal', h('optIncludePersonal'))
    .option('--delimiter <char>', h('exportDelimiter'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('export', lang))
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      const format = o.json ? 'json' : (o.format as string);
      json = format === 'json';
      const { runExport } = await import('./commands/export.js');
      const r = await runExport(
        {
          ...common(o),
          stage: o.stage as string | undefined,
          includePersonal: o.includePersonal === true,
          delimiter: o.delimiter as string | undefined,
        },
        ctx,
      );
      if (format === 'json') {
        const { exportDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(exportDocument(r.registry, r.table, o.includePersonal === true), null, 2)}\n`);
      } else {
        const { renderIdeaTableCsv } = await import('./ui/render-export.js');
        out(renderIdeaTableCsv(r.table, r.registry.config.language, r.delimiter));
      }
      warnUnreadable(r.unreadable, r.lang);
    });

  sub('site', h('site'))
    .option('-o, --out <dir>', h('siteOut'))
    .option('--include-personal', h('optIncludePersonal'))
    .option('--json', h('optJson'))
    .addHelpText('after', `\n${h('siteNotes')}\n${examples('site', lang)}`)
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const { runSite } = await import('./commands/site.js');
      const r = await runSite(
        { ...common(o), out: o.out as string | undefined, includePersonal: o.includePersonal === true },
        ctx,
      );
      if (json)
        out(
          `${JSON.stringify({ schemaVersion: 1, kind: 'site', out: r.out, pages: r.pages, files: r.files, includePersonal: r.includePersonal }, null, 2)}\n`,
        );
      else {
        out(`${r.out}\n`);
        err(`${colorFor(ctx.stderr, ctx.env).green(t(r.lang, 'out.siteWritten', { dir: r.out, count: r.pages }))}\n`);
      }
      if (r.includePersonal) err(`${colorFor(ctx.stderr, ctx.env).yellow(t(r.lang, 'out.siteInternal'))}\n`);
      warnUnreadable(r.unreadable, r.lang);
    });

  sub('import', h('import'))
    .argument('<file>', h('importFile'))
    .option('--map <column=field>', h('importMap'), collect)
    .option('-s, --stage <stage>', h('importStage'))
    .option('--dry-run', h('importDryRun'))
    .option('--skip-invalid', h('importSkipInvalid'))
    .option('--by <name>', h('importBy'))
    .option('--json', h('optJson'))
    .addHelpText('after', examples('import', lang))
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      json = o.json === true;
      const c = colorFor(ctx.stderr, ctx.env);
      // Progress only for large imports, on a terminal, and never in CI or with --json.
      let shown = -1;
      const progress =
        !json && ctx.stderr.isTTY === true && !isCI(ctx.env)
          ? (done: number, total: number) => {
              if (total < 400) return;
              const percent = Math.floor((done / total) * 100);
              if (percent === shown) return;
              shown = percent;
              err(`\r${t(lang, 'out.importProgress', { percent })}${done === total ? '\r\x1b[K' : ''}`);
            }
          : undefined;
      const { runImport } = await import('./commands/import.js');
      const r = await runImport(
        {
          ...common(o),
          file,
          map: (o.map as string[] | undefined) ?? [],
          stage: o.stage as string | undefined,
          dryRun: o.dryRun === true,
          skipInvalid: o.skipInvalid === true,
          by: o.by as string | undefined,
          onProgress: progress,
        },
        ctx,
      );
      if (shown >= 0 && shown < 100) err('\r\x1b[K');
      exitCode = r.ok ? EXIT.ok : EXIT.problems;
      if (json) {
        const { importDocument } = await import('./ui/dto.js');
        out(`${JSON.stringify(importDocument(r.registry, r, r.lang), null, 2)}\n`);
        return;
      }
      if (r.encoding !== 'utf-8')
        err(
          `${c.yellow(t(r.lang, 'out.importEncoding', { encoding: r.encoding === 'utf-16le' ? 'UTF-16' : 'Windows-1252' }))}\n`,
        );
      if (r.ignoredColumns.length > 0)
        err(`${c.dim(t(r.lang, 'out.ignoredColumns', { columns: r.ignoredColumns.join(', ') }))}\n`);
      for (const p of r.problems) {
        const problem = p.message[r.lang];
        err(
          `${c.red('✗')} ${p.column === null ? t(r.lang, 'out.importRowProblemNoColumn', { row: p.row, problem }) : t(r.lang, 'out.importRowProblem', { row: p.row, column: p.column, problem })}\n`,
        );
      }
      if (!r.ok) {
        err(
          `${c.red(t(r.lang, 'out.importRefused', { count: r.invalidRows.length }))}\n${c.dim(t(r.lang, 'hint.importRefused'))}\n`,
        );
        return;
      }
      for (const d of r.duplicates)
        err(`${c.yellow(t(r.lang, 'out.importDuplicate', { row: d.row, id: d.id ?? '?' }))}\n`);
      for (const i of r.imported) out(`${i.path}\n`);
      if (r.invalidRows.length > 0)
        err(`${c.yellow(t(r.lang, 'out.importSkipped', { count: r.invalidRows.length }))}\n`);
      if (r.rows === 0) err(`${t(r.lang, 'out.importNothing', { file })}\n`);
      else if (r.dryRun) err(`${t(r.lang, 'out.importDryRun', { count: r.imported.length, file })}\n`);
      else
        err(
          `${c.green(t(r.lang, 'out.imported', { count: r.imported.length, file }))}${r.staged ? ` ${c.dim(t(r.lang, 'out.staged'))}` : ''}\n`,
        );
    });

  inspect?.(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; every other commander error is a usage error.
      return e.exitCode === 0 ||
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    return await reportError(e, { json, lang, debug: argv.includes('--debug') }, ctx);
  }
}

async function reportError(e: unknown, how: { json: boolean; lang: Lang; debug: boolean }, ctx: Ctx): Promise<number> {
  const error = isIdeasError(e)
    ? e
    : new IdeasError(
        'UNEXPECTED',
        'err.unexpected',
        { message: e instanceof Error ? e.message : String(e) },
        { hint: 'hint.unexpected' },
      );
  const code = error.code === 'CANCELLED' ? EXIT.cancelled : error.code === 'GATE_CLOSED' ? EXIT.problems : EXIT.usage;
  if (how.json) {
    const { errorDocument } = await import('./ui/dto.js');
    ctx.stdout.write(`${JSON.stringify(errorDocument(error, how.lang), null, 2)}\n`);
  } else {
    const { colorFor } = await import('./ui/color.js');
    const c = colorFor(ctx.stderr, ctx.env);
    const lines = [`${c.red('ideas:')} ${error.messageIn(how.lang)}`, ...error.details.map((d) => `  ${d}`)];
    if (error.hint) lines.push(c.dim(error.hint[how.lang]));
    ctx.stderr.write(`${lines.join('\n')}\n`);
  }
  if (how.debug && !isIdeasError(e) && e instanceof Error && e.stack) ctx.stderr.write(`${e.stack}\n`);
  return code;
}
