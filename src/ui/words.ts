/**
 * The catalogue's messages as the UI shows them. A message's parameters are text from outside the program as often
 * as not: a path typed or scripted (`ideas site --out`, `ideas import <file>`, `ideas init <dir>`), an id, a name from
 * the config, a field's value. Each string among them is made visible as src/core/terminal-text.ts makes text for a
 * terminal (an escape sequence shown as ␛[31m, never obeyed), so that no presenter has to remember it for each
 * message. The core's own t() leaves them as they are: it also writes files (history notes, minutes, a registry's
 * README), whose text is kept as it was given. Every module of src/ui/ takes t() from here (eslint.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place the UI takes the core's t()
import { t as message, type Lang, type MessageKey, type Params } from '../core/i18n/i18n.js';
import { terminalText } from '../core/terminal-text.js';

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  if (params === undefined) return message(lang, key);
  let safe: Params | undefined;
  for (const name in params) {
    const value = params[name];
    const shown =
      typeof value === 'string' ? terminalText(value) : typeof value === 'object' ? shownLocalized(value) : value;
    if (shown !== value) (safe ??= { ...params })[name] = shown as Params[string];
  }
  return message(lang, key, safe ?? params);
}

function shownLocalized(value: Record<Lang, string>): Record<Lang, string> {
  const sv = terminalText(value.sv);
  const en = terminalText(value.en);
  return sv === value.sv && en === value.en ? value : { sv, en };
}
