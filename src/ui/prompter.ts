import { IdeasError } from '../core/errors.js';
import { type Lang, type MessageKey } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { terminalLine } from '../core/terminal-text.js';
import { truncate } from './text-width.js';

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  /** For checkboxes: ticked from the start. */
  checked?: boolean;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /** An empty answer is refused, with a message in the prompter's language. */
  required?: boolean;
  validate?: (value: string) => string | true;
  /** A line of help shown above the question (a field's `x-description`). */
  help?: string;
}

export interface SelectQuestion<T> {
  message: string;
  choices: Choice<T>[];
  default?: T;
  help?: string;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
  help?: string;
}

/** A text of several lines (an idea's text) typed at the terminal, for one without a text editor of their own. */
export interface TextQuestion {
  message: string;
  /** The text as it is: shown above, and kept when the first line is left empty. */
  default?: string;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: Choice<T>[];
  required?: boolean;
  help?: string;
}

/** Every question the product asks goes through this interface; commands get it injected. */
export interface Prompter {
  input(q: InputQuestion): Promise<string>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]>;
  /** Lines typed one by one: an empty line starts a new paragraph, two in a row end the text. */
  text(q: TextQuestion): Promise<string>;
  /**
   * Text shown between the questions (what happens next, what the answers so far found), where the questions are:
   * so that a command never writes to the terminal itself.
   */
  note(text: string): void;
}

/** The words inquirer shows around its prompts, by the English it has them in. */
const KEY_WORDS: Record<string, MessageKey> = {
  navigate: 'keys.navigate',
  select: 'keys.select',
  all: 'keys.all',
  invert: 'keys.invert',
  submit: 'keys.submit',
  space: 'keys.space',
};

/**
 * The real prompter: @inquirer/prompts, drawn on stderr so that stdout carries only the result, with its hints,
 * yes/no words and messages in the registry's language.
 */
export async function createInquirerPrompter(
  output: NodeJS.WritableStream,
  lang: Lang,
  input: NodeJS.ReadableStream,
): Promise<Prompter> {
  const inquirer = await import('./inquirer.js');
  const { styleText } = await import('node:util');
  const context = { input, output, clearPromptOnDone: false };
  const word = (w: string) => {
    const key = Object.hasOwn(KEY_WORDS, w) ? KEY_WORDS[w] : undefined;
    return key ? t(lang, key) : w;
  };
  const keysHelpTip = (keys: [string, string][]) =>
    keys
      .map(([key, action]) => `${styleText('bold', word(key))} ${styleText('dim', word(action))}`)
      .join(styleText('dim', ' • '));
  const listTheme = { style: { keysHelpTip }, i18n: { disabledError: t(lang, 'prompt.disabled') } };
  const confirmTheme = {
    keywords: {
      yes: t(lang, 'prompt.yes'),
      no: t(lang, 'prompt.no'),
      error: (k: { yes: string; no: string }) => t(lang, 'prompt.yesOrNo', k),
    },
  };
  const required = t(lang, 'prompt.requiredAnswer');
  // Questions and choices name ideas, stages and fields by their titles and labels, from the registry's files.
  const safeChoices = <T>(choices: Choice<T>[]): Choice<T>[] =>
    choices.map((c) => ({
      ...c,
      name: terminalLine(c.name),
      ...(c.description === undefined ? {} : { description: terminalLine(c.description) }),
    }));
  // A field's help, dimmed, on its own lines above the question: inquirer's inputs have no place for it. Each line
  // of it is one on the screen (a gate's missing criteria, one a line), each made safe for a terminal on its own.
  const showHelp = (help: string | undefined) => {
    if (help === undefined || help.trim() === '') return;
    for (const line of help.split('\n')) output.write(`${styleText('dim', terminalLine(line))}\n`);
  };
  const safeVerdict = (verdict: string | true) => (verdict === true ? true : terminalLine(verdict));
  const cancelled = (e: unknown): never => {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      throw new IdeasError('CANCELLED', 'err.cancelled');
    }
    throw e;
  };
  return {
    input: (q) => {
      showHelp(q.help);
      return inquirer
        .input(
          {
            message: terminalLine(q.message),
            default: q.default,
            validate: (v: string) => (q.required && v.trim() === '' ? required : safeVerdict(q.validate?.(v) ?? true)),
          },
          context,
        )
        .catch(cancelled);
    },
    select: <T>(q: SelectQuestion<T>) => {
      showHelp(q.help);
      return inquirer
        .select<T>(
          {
            message: terminalLine(q.message),
            choices: safeChoices(q.choices),
            default: q.default,
            pageSize: 12,
            theme: listTheme,
          },
          context,
        )
        .catch(cancelled);
    },
    confirm: (q) => {
      showHelp(q.help);
      return inquirer
        .confirm({ message: terminalLine(q.message), default: q.default, theme: confirmTheme }, context)
        .catch(cancelled);
    },
    text: async (q) => {
      output.write(`${styleText('green', '?')} ${styleText('bold', terminalLine(q.message))}\n`);
      const current = q.default?.trim() ?? '';
      if (current !== '') {
        output.write(`${styleText('dim', t(lang, 'prompt.textNow'))}\n`);
        for (const line of current.split('\n')) output.write(`${styleText('dim', `  │ ${terminalLine(line)}`)}\n`);
      }
      output.write(`${styleText('dim', t(lang, 'prompt.textHow'))}\n`);
      if (current !== '') output.write(`${styleText('dim', t(lang, 'prompt.textKeep'))}\n`);
      const text = await readLines(input, output, current);
      // Answered, as the other questions show it: a check mark, the question, and the text's first line.
      const shown = truncate(terminalLine(text.split('\n').find((line) => line.trim() !== '') ?? ''), 60);
      output.write(
        `${styleText('green', '✔')} ${styleText('bold', terminalLine(q.message))} ${styleText('cyan', shown)}\n`,
      );
      return text;
    },
    checkbox: <T>(q: CheckboxQuestion<T>) => {
      showHelp(q.help);
      return inquirer
        .checkbox<T>(
          {
            message: terminalLine(q.message),
            choices: safeChoices(q.choices),
            pageSize: 12,
            theme: listTheme,
            validate: (chosen) => (q.required && chosen.length === 0 ? required : true),
          },
          context,
        )
        .catch(cancelled);
    },
    note: (text) => void output.write(text),
  };
}

/**
 * Reads lines until two empty ones in a row (or the end of input), as a mail program once took a letter: nothing
 * to learn but Enter. A first line left empty keeps `current`. Pasted text comes in whole, a line at a time.
 */
async function readLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  current: string,
): Promise<string> {
  const readline = await import('node:readline');
  const rl = readline.createInterface({ input, output, terminal: true, prompt: '  ' });
  return new Promise<string>((resolve, reject) => {
    const lines: string[] = [];
    let done = false;
    const finish = (result: () => void) => {
      if (done) return;
      done = true;
      rl.close();
      result();
    };
    const text = () => lines.join('\n').trim();
    rl.on('line', (line) => {
      if (lines.length === 0 && line.trim() === '') return finish(() => resolve(current));
      if (line.trim() === '' && lines.at(-1) === '') return finish(() => resolve(text()));
      lines.push(line.trim() === '' ? '' : line.replace(/\s+$/, ''));
      rl.prompt();
    });
    rl.on('SIGINT', () => finish(() => reject(new IdeasError('CANCELLED', 'err.cancelled'))));
    rl.on('close', () => finish(() => resolve(lines.length === 0 ? current : text())));
    rl.prompt();
  });
}

/**
 * A scripted select answered by Enter alone: the choice inquirer's cursor starts on (the default, where it is one of
 * the choices, else the first), so that a test shows what Enter takes rather than naming it.
 */
export const ENTER: unique symbol = Symbol('Enter');

export type ScriptedAnswer =
  | { kind: 'input'; message?: RegExp; answer: string }
  | { kind: 'select'; message?: RegExp; answer: unknown }
  | { kind: 'confirm'; message?: RegExp; answer: boolean }
  | { kind: 'checkbox'; message?: RegExp; answer: unknown[] }
  | { kind: 'text'; message?: RegExp; answer: string };

/**
 * A prompter for tests that answers from a script and fails on any question the test did not expect: a question
 * of another kind, one whose message does not match, or one too many.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  /** The help shown with each question, in order (undefined where none). */
  readonly helps: (string | undefined)[] = [];
  /** The notes shown between the questions, in order. */
  readonly notes: string[] = [];
  private readonly script: ScriptedAnswer[];

  constructor(script: ScriptedAnswer[]) {
    this.script = [...script];
  }

  private next(kind: ScriptedAnswer['kind'], message: string): ScriptedAnswer {
    this.asked.push(message);
    const step = this.script.shift();
    if (!step) throw new Error(`unexpected ${kind} question: ${message}`);
    if (step.kind !== kind) throw new Error(`expected a ${step.kind} question, got ${kind}: ${message}`);
    if (step.message && !step.message.test(message))
      throw new Error(`question "${message}" does not match ${String(step.message)}`);
    return step;
  }

  get remaining(): number {
    return this.script.length;
  }

  async input(q: InputQuestion): Promise<string> {
    this.helps.push(q.help);
    const given = (this.next('input', q.message) as { answer: string }).answer;
    // As inquirer does: Enter on an empty line takes the default.
    const answer = given === '' && q.default !== undefined ? q.default : given;
    const verdict = q.validate?.(answer);
    if (typeof verdict === 'string') throw new Error(`answer "${answer}" refused: ${verdict}`);
    return answer;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.helps.push(q.help);
    const given = this.next('select', q.message).answer;
    const first = q.choices.find((c) => c.value === q.default) ?? q.choices[0];
    if (given === ENTER && !first) throw new Error(`Enter on a select without choices: ${q.message}`);
    const answer = (given === ENTER ? first?.value : given) as T;
    if (!q.choices.some((c) => c.value === answer))
      throw new Error(`"${String(answer)}" is not a choice of: ${q.message}`);
    return answer;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    this.helps.push(q.help);
    return this.next('confirm', q.message).answer as boolean;
  }

  async text(q: TextQuestion): Promise<string> {
    this.helps.push(undefined);
    const given = (this.next('text', q.message) as { answer: string }).answer;
    // As the terminal does: nothing typed keeps the text as it is.
    return given.trim() === '' ? (q.default ?? '') : given;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    this.helps.push(q.help);
    const answer = this.next('checkbox', q.message).answer as T[];
    for (const a of answer)
      if (!q.choices.some((c) => c.value === a)) throw new Error(`"${String(a)}" is not a choice of: ${q.message}`);
    return answer;
  }
}
