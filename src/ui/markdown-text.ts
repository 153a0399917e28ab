/**
 * Text from idea files, configs and branch names in Markdown that GitHub renders (a pull-request comment, a job
 * summary, a report pasted into one), and that is just as often printed on a terminal: it is shown as written, never
 * as a link, an image, HTML or a mention, and its control characters and bidirectional overrides are made visible as
 * on a terminal (src/core/terminal-text.ts), so that neither a terminal nor a reader of the comment is misled by them.
 */
import { terminalLine } from '../core/terminal-text.js';

/** One line, cut to `max` characters. */
function flat(text: string, max: number): string {
  const one = terminalLine(text).replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}

// A zero-width space, written as an entity so that it shows in the Markdown text: it parts what GitHub would
// otherwise turn into a link or a notification, and a reader sees nothing of it.
const ZWSP = '\u200b';

/**
 * Text from idea files, configs and branch names, for Markdown that GitHub renders in a pull request or a job
 * summary: the reader sees the text as written, never a link, an image, HTML, a mention that notifies someone
 * or a reference to an issue. HTML is escaped; Markdown's inline syntax is escaped with backslashes; and what
 * GitHub links in plain text (`@user`, `@org/team`, `#123`, `GH-123`, `https://…`, `www.…`, e-mail addresses,
 * commit hashes) is parted by a zero-width space.
 */
export function mdText(text: string, max = 80): string {
  return flat(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|$!]/g, (ch) => `\\${ch}`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
    .replace(/:(?=\/\/)/g, `${ZWSP}:`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])([0-9a-f]{4})([0-9a-f]{3,36})\b/gi, `$1${ZWSP}$2`)
    .replace(/\u200b/g, '&#8203;');
}

/** A code span of any text (a path, a rule, a field): nothing in it is Markdown, and no backtick in it ends it. */
export function mdCode(text: string, max = 200): string {
  const one = flat(text, max);
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || one === '' ? ' ' : '';
  // A table's cells are split at pipes before anything else is read, also inside code: `\|` keeps one whole.
  return `${fence}${pad}${one.replace(/\|/g, '\\|')}${pad}${fence}`;
}
