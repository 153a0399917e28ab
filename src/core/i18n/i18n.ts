/**
 * Every text the product shows, in Swedish and English: one catalogue, split by area in messages/, so that a
 * missing translation is a type error rather than a surprise in front of a council.
 */
import {
  council,
  contract,
  criteria,
  diff,
  edit,
  errors,
  exchange,
  exchange2,
  findings,
  output,
  prompts,
  region,
  regionViews,
  report,
  review,
  site,
  sluice,
  storage,
  truth,
  tour,
  firstWeek,
  spread,
  week,
} from './messages/index.js';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export type Localized = Record<Lang, string>;
/** Values put into a message; a Localized value is taken in the message's own language. */
export type Params = Record<string, string | number | Localized>;

const messages = {
  ...errors,
  ...findings,
  ...diff,
  ...prompts,
  ...output,
  ...criteria,
  ...review,
  ...report,
  ...exchange,
  ...exchange2,
  ...sluice,
  ...council,
  ...site,
  ...storage,
  ...truth,
  ...edit,
  ...contract,
  ...region,
  ...regionViews,
  ...tour,
  ...firstWeek,
  ...spread,
  ...week,
} as const;

export type MessageKey = keyof typeof messages;

/** Whether `key` names a message: for keys made from data, such as a help placeholder's word. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return interpolate(messages[key][lang], params, lang);
}

export function localize(key: MessageKey, params: Params = {}): Localized {
  return { sv: t('sv', key, params), en: t('en', key, params) };
}

/**
 * Fills `{name}` with a parameter, and `{name#one|other}` with a count and the word's singular or plural form
 * (`{files#fil|filer}` gives `1 fil`, `3 filer`).
 */
function interpolate(text: string, params: Params, lang: Lang): string {
  // Most messages have nothing to fill: a site of 10,000 pages asks for the same labels on each.
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const shown = typeof value === 'object' ? value[lang] : String(value);
    if (one === undefined || other === undefined) return shown;
    return `${shown} ${Number(value) === 1 ? one : other}`;
  });
}

export { isLang, langFromLocale } from './lang-choice.js';
