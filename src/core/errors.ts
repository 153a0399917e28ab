import { type Lang, type MessageKey, type Params, localize, type Localized } from './i18n/i18n.js';
import { lineParams } from './terminal-text.js';

/**
 * Why a command could not run as asked. Its presenter (ui/present/error.ts) makes every code exit 2, but GATE_CLOSED
 * exit 1 (what stops the command is a problem of the idea, as validate's are) and CANCELLED 130.
 */
export type ErrorCode =
  | 'USAGE'
  | 'NOT_A_REGISTRY'
  | 'REGISTRY_EXISTS'
  | 'CONFIG_INVALID'
  | 'UNKNOWN_STAGE'
  | 'UNKNOWN_TEMPLATE'
  | 'IDEA_NOT_FOUND'
  | 'AMBIGUOUS_ID'
  | 'MISSING_ANSWERS'
  | 'INVALID_ANSWER'
  | 'FILE_EXISTS'
  | 'IO'
  | 'GIT'
  | 'GATE_CLOSED'
  | 'CONFLICT'
  | 'LOCKED'
  | 'CANCELLED'
  | 'UNEXPECTED';

export class IdeasError extends Error {
  readonly code: ErrorCode;
  readonly text: Localized;
  readonly hint: Localized | null;
  /** Extra lines, such as the config problems behind CONFIG_INVALID. */
  readonly details: readonly string[];

  constructor(
    code: ErrorCode,
    key: MessageKey,
    params: Params = {},
    opts: { hint?: MessageKey; hintParams?: Params; details?: string[]; cause?: unknown } = {},
  ) {
    // Each parameter one line, its controls visible: a value from outside (a file name, a label, an argument) never
    // starts a line of its own in the message, which a CI log could read as a command (`::error::…`).
    const text = localize(key, lineParams(params));
    super(text.en, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'IdeasError';
    this.code = code;
    this.text = text;
    this.hint = opts.hint ? localize(opts.hint, lineParams(opts.hintParams ?? params)) : null;
    this.details = opts.details ?? [];
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export function isIdeasError(e: unknown): e is IdeasError {
  return e instanceof IdeasError;
}
