/**
 * The catalogue's messages as the UI shows them. A message's parameters are text from outside the program as often
 * as not: a path typed or scripted (`ideas site --out`, `ideas import <file>`, `ideas init <dir>`), an id, a name from
 * the config, a field's value. Each string among them is made one visible line as src/core/terminal-text.ts makes a
 * value for a terminal (an escape sequence shown as ␛[31m, never obeyed; a line feed as ␊, so that no value
 * starts a line of its own), so that no presenter has to remember it for each message. The core's own t() leaves them as they are: it also writes files (history notes, minutes, a registry's
 * README), whose text is kept as it was given. Every module of src/ui/ takes t() from here (eslint.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place the UI takes the core's t()
import { t as message, type Lang, type MessageKey, type Params } from '../core/i18n/i18n.js';
import { lineParams } from '../core/terminal-text.js';

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return params === undefined ? message(lang, key) : message(lang, key, lineParams(params));
}
