/** A command that could not run as asked: the message, its details and hint, or one `error` document with --json. */
import type { ChalkInstance } from 'chalk';
import type { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { RegistryRef } from '../../core/sluice/config.js';
import { errorDocument } from '../dto.js';
import { EXIT, jsonText, output, type Output } from '../output.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';

function exitCodeOf(error: IdeasError): number {
  return error.code === 'CANCELLED' ? EXIT.cancelled : error.code === 'GATE_CLOSED' ? EXIT.problems : EXIT.usage;
}

export function presentError(
  error: IdeasError,
  opts: { json: boolean; lang: Lang; stack: string | null; registry?: RegistryRef | null },
  c: ChalkInstance,
): Output {
  const o = output();
  if (opts.json) o.out(jsonText(errorDocument(error, opts.lang, opts.registry ?? null)));
  else {
    // Messages echo what they are about (an id, a stage, a value from a file): made safe for the terminal.
    const lines = [
      `${c.red('ideas:')} ${terminalText(error.messageIn(opts.lang))}`,
      ...error.details.map((d) => `  ${terminalLine(d)}`),
    ];
    if (error.hint) lines.push(c.dim(terminalText(error.hint[opts.lang])));
    o.err(`${lines.join('\n')}\n`);
  }
  if (opts.stack) o.err(`${opts.stack}\n`);
  return o.done(exitCodeOf(error));
}
