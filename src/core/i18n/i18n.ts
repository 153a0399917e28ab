/**
 * Every text the product shows, in Swedish and English: one catalogue, split by area in messages/, so that a
 * missing translation is a type error rather than a surprise in front of a council.
 */
import * as areas from './messages/index.js';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export type Localized = Record<Lang, string>;

/** Whether `value` is a text in each language (a label's `{ sv, en }`, read from a schema or handed as a parameter). */
export function isLocalized(value: unknown): value is Localized {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Localized).sv === 'string' &&
    typeof (value as Localized).en === 'string'
  );
}
/** Values put into a message; a Localized value is taken in the message's own language. */
export type Params = Record<string, string | number | Localized>;

/** The types of a union as one intersection. */
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every area's messages in one object: an area is added in messages/index.ts alone. */
type Catalogue = Intersection<(typeof areas)[keyof typeof areas]>;

/**
 * Copied into one object with Object.assign: an object spread of the 900 messages took 4 ms of every command's start
 * (V8 adds the keys one by one to a new object's shape), Object.assign a tenth of a millisecond. No key is in two
 * areas (i18n.test.ts), so their order does not matter.
 */
const messages = Object.assign({}, ...Object.values(areas)) as Catalogue;

export type MessageKey = keyof typeof messages;

/** Whether `key` names a message: for keys made from data, such as a help placeholder's word. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return interpolate(messages[key][lang], params, lang);
}

/** Words as alternatives: `text eller ett tal`, `text or a number`; none, an empty text. */
export function orWords(words: readonly string[], lang: Lang): string {
  return words.length === 0 ? '' : words.reduce((a, b) => t(lang, 'words.or', { a, b }));
}

export function localize(key: MessageKey, params: Params = {}): Localized {
  return { sv: t('sv', key, params), en: t('en', key, params) };
}

/**
 * Fills `{name}` with a parameter, and `{name#one|other}` with a count and the word's singular or plural form
 * (`{files#fil|filer}` gives `1 fil`, `3 filer`). A placeholder without its parameter is left as it is.
 */
function interpolate(text: string, params: Params, lang: Lang): string {
  // Most messages have nothing to fill: a site of 10,000 pages asks for the same labels on each.
  if (!text.includes('{')) return text;
  let out = '';
  for (const part of partsOf(text)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = params[part.name];
    if (value === undefined) {
      out += part.whole;
      continue;
    }
    const shown = typeof value === 'object' ? value[lang] : String(value);
    out += part.forms ? `${shown} ${Number(value) === 1 ? part.forms[0] : part.forms[1]}` : shown;
  }
  return out;
}

/** A message's text cut at its placeholders: literal text, and each placeholder with its name and word forms. */
type Part = string | { name: string; whole: string; forms: readonly [one: string, other: string] | null };

const PLACEHOLDER = /\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g;

/**
 * Each message's parts, cut once: a run that shows thousands of findings or pages fills the same few messages over
 * and over, and a regular expression's replace for each took ~3 µs. Only the catalogue's texts come here, so the
 * map holds at most one entry for each of them.
 */
const parts = new Map<string, readonly Part[]>();

function partsOf(text: string): readonly Part[] {
  let cut = parts.get(text);
  if (cut) return cut;
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const [whole, name = '', one, other] = m;
    out.push({ name, whole, forms: one !== undefined && other !== undefined ? [one, other] : null });
    last = m.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  cut = out;
  parts.set(text, cut);
  return cut;
}

export { isLang, langFromLocale } from './lang-choice.js';
