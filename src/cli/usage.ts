/**
 * The command line's usage errors and help placeholders in the registry's language. Commander writes its errors in
 * English and stops with a CommanderError (see exitOverride in src/program.ts); this turns one into an IdeasError,
 * so that a usage error looks and exits like every other error: `ideas:` and a hint on stderr, or one `error`
 * document with --json, and exit 2. Commander's messages have a fixed shape per error code; the values are read
 * back from it, and anything not recognised is shown as commander wrote it, never lost.
 */
import type { CommanderError } from 'commander';
import { IdeasError } from '../core/errors.js';
import { isMessageKey, t, type Lang, type MessageKey, type Params } from '../core/i18n/i18n.js';
import { nearMiss } from '../core/near-miss.js';
import { shellCommand } from '../core/shell/quote.js';

/** The long flag of an option's flags (`-s, --stage <stage>` gives `--stage`), else the flags as written. */
function flagOf(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0] ?? flags;
}

/** The `(Did you mean …?)` commander adds to an unknown option or command. */
function suggestionOf(rest: string | undefined): string | null {
  const m = /\(Did you mean (?:one of )?(.*)\?\)/.exec(rest ?? '');
  return m ? (m[1] as string) : null;
}

/** What went wrong, as a message key and its params, from commander's error code and message. */
function usageMessage(e: Pick<CommanderError, 'code' | 'message'>): { key: MessageKey; params: Params } {
  const message = e.message.replace(/^error: /, '');
  let m: RegExpExecArray | null;
  switch (e.code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '([^']*)'(.*)$/s.exec(message))) {
        const suggestion = suggestionOf(m[2]);
        return suggestion
          ? { key: 'use.unknownOptionSuggest', params: { option: m[1] as string, suggestion } }
          : { key: 'use.unknownOption', params: { option: m[1] as string } };
      }
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '([^']*)'(.*)$/s.exec(message))) {
        const suggestion = suggestionOf(m[2]);
        return suggestion
          ? { key: 'use.unknownCommandSuggest', params: { command: m[1] as string, suggestion } }
          : { key: 'use.unknownCommand', params: { command: m[1] as string } };
      }
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '([^']*)'/.exec(message)))
        return { key: 'use.missingArgument', params: { argument: `<${m[1] as string}>` } };
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '([^']*)' argument missing/.exec(message)))
        return { key: 'use.optionMissingValue', params: { option: flagOf(m[1] as string) } };
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^required option '([^']*)' not specified/.exec(message)))
        return { key: 'use.missingOption', params: { option: flagOf(m[1] as string) } };
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)\./.exec(message)))
        return { key: 'use.tooManyArguments', params: { expected: Number(m[1]), got: Number(m[2]) } };
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s.exec(message)))
        return {
          key: 'use.badChoice',
          params: { option: flagOf(m[1] as string), value: m[2] as string, choices: m[3] as string },
        };
      if ((m = /^option '([^']*)' argument '([^']*)' is invalid\. (.*)$/s.exec(message)))
        return {
          key: 'use.badValue',
          params: { option: flagOf(m[1] as string), value: m[2] as string, reason: m[3] as string },
        };
      break;
  }
  return { key: 'use.other', params: { message } };
}

/** A command's name and its options: each long and short flag, and whether it takes a value. */
export interface CommandOptions {
  name: string;
  options: readonly { flags: readonly string[]; takesValue: boolean }[];
}

/**
 * Commander's error as an IdeasError; `path` names the command it was parsing, for the hint. With the command line
 * and the commands: an unknown option before a command that has it (`ideas --json list`) is put where it goes
 * (`ideas list --json`), with its value when it takes one.
 */
export function usageError(
  e: Pick<CommanderError, 'code' | 'message'>,
  path: readonly string[],
  line?: { argv: readonly string[]; commands: readonly CommandOptions[] },
): IdeasError {
  const { key, params } = usageMessage(e);
  const moved =
    key === 'use.unknownOption' && path.length === 0 && line ? optionAfter(String(params.option), line) : null;
  if (moved !== null)
    return new IdeasError('USAGE', key, params, { hint: 'hint.optionAfterCommand', hintParams: { command: moved } });
  // `ideas edit <id> --title …` or `--coach …`: a command that sets fields takes them with --set, which is said.
  const takesSet = line?.commands.find((c) => c.name === path[0])?.options.some((o) => o.flags.includes('--set'));
  const field = /^--([a-z][a-z0-9_]*)$/.exec(String(params.option ?? ''))?.[1];
  if (key === 'use.unknownOption' && takesSet && field)
    return new IdeasError('USAGE', key, params, {
      hint: 'hint.optionAsSet',
      hintParams: { set: shellCommand(['--set', `${field}=<…>`]), help: ['ideas', ...path, '--help'].join(' ') },
    });
  return new IdeasError('USAGE', key, params, {
    hint: 'hint.usage',
    hintParams: { help: ['ideas', ...path, '--help'].join(' ') },
  });
}

/** `ideas <command> <option> [value]` for an option written before a command that takes it, else null. */
function optionAfter(
  option: string,
  { argv, commands }: { argv: readonly string[]; commands: readonly CommandOptions[] },
): string | null {
  const at = argv.indexOf(option);
  if (at === -1) return null;
  for (const word of argv.slice(at + 1)) {
    const command = commands.find((c) => c.name === word);
    if (!command) continue;
    const spec = command.options.find((o) => o.flags.includes(option));
    if (!spec) return null;
    const value = spec.takesValue ? argv[at + 1] : undefined;
    const words = ['ideas', command.name, option, ...(value !== undefined && value !== word ? [value] : [])];
    return shellCommand(words);
  }
  return null;
}

/** An unknown command as commander says it, with the nearest of `commands` as commander suggests one. */
export function unknownCommandMessage(word: string, commands: readonly string[]): string {
  const near = nearMiss(
    word,
    commands.map((c) => ({ text: c, value: c })),
  );
  return `unknown command '${word}'${near === null ? '' : ` (Did you mean ${near.text}?)`}`;
}

/**
 * `ideas help <word>` where no command is called <word>: the word, else null. `valued` are the global options that
 * take a value (`--lang sv`), skipped with it when looking for the first word.
 */
export function unknownHelpTopic(
  argv: readonly string[],
  commands: readonly string[],
  valued: readonly string[],
): string | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (valued.includes(a)) i++;
    } else words.push(a);
  }
  const [first, topic] = words;
  if (first !== 'help' || topic === undefined) return null;
  return commands.includes(topic) ? null : topic;
}

/**
 * What the wiring needs of a command line before commander reads it (the language of help and of errors that come
 * before the config, the registry of a failed run's `error` document, whether that document is asked for), read as
 * commander reads options: `--name value` and `--name=value`, `-C value` and `-Cvalue`, the last of a repeated option,
 * and nothing after `--`. The command is the first word that is no option or global option's value (for `ideas help
 * region`, the one after `help`).
 */
export interface EarlyArgs {
  lang: string | undefined;
  registry: string | undefined;
  command: string | undefined;
  json: boolean;
}

export function earlyArgs(argv: readonly string[]): EarlyArgs {
  const out: EarlyArgs = { lang: undefined, registry: undefined, command: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a === '--lang') out.lang = argv[++i];
    else if (a.startsWith('--lang=')) out.lang = a.slice('--lang='.length);
    else if (a === '-C' || a === '--registry') out.registry = argv[++i];
    else if (a.startsWith('--registry=')) out.registry = a.slice('--registry='.length);
    else if (a.startsWith('-C')) out.registry = a.slice(2);
    else if (a === '--json' || a === '--format=json' || a === '-fjson') out.json = true;
    else if (a === '--format' || a === '-f') {
      if (argv[++i] === 'json') out.json = true;
    } else if (!a.startsWith('-') && out.command === undefined) out.command = a === 'help' ? argv[i + 1] : a;
  }
  return out;
}

/**
 * A help text's placeholders in the language: `<dir>` becomes `<mapp>`, `[options]` `[flaggor]`, `[paths...]`
 * `[sökvägar...]`. A word without a translation (a new option's) is left as it is.
 */
export function localizePlaceholders(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(
    /([<[])([^<>[\]\s.]+)(\.\.\.)?([>\]])/g,
    (whole, open: string, word: string, dots = '', close: string) => {
      const key = `ph.${word}`;
      return isMessageKey(key) ? `${open}${t(lang, key)}${dots}${close}` : whole;
    },
  );
}
