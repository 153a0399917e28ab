/**
 * A field's value in words, the one way every screen says it (`show`, `edit`'s menu, `review`'s agenda and cards,
 * the minutes, `diff`, the site, the lines a change prints): a challenge by its label, never its key; yes or no in
 * the language, never `true`/`false`; a list joined; nothing as "(not given)". Plain text: a terminal presenter
 * neutralises it (terminal-text.ts), the site escapes it.
 */
import { t, type Lang } from '../i18n/i18n.js';
import type { Challenge } from './config.js';
import { isRecord } from '../safe-object.js';
import { formatAmount } from '../history/minutes.js';
import { challengeOf } from './challenge.js';

/** What the words of a value may depend on besides the value: the field it is of, and the registry's challenges. */
export interface ValueWords {
  field?: string;
  challenges?: readonly Pick<Challenge, 'id' | 'label'>[];
  /** The field's schema: a record's keys by the titles it gives them (`Kvinnor: 3`, not `women: 3`). */
  schema?: Record<string, unknown>;
}

/** A record's key as a screen says it: by its title in the field's schema, else as it is written. */
export function recordKeyWords(key: string, lang: Lang, schema: Record<string, unknown> | undefined): string {
  const properties = schema?.properties;
  const part = isRecord(properties) && Object.hasOwn(properties, key) ? properties[key] : undefined;
  const titles = isRecord(part) ? part['x-title'] : undefined;
  const title = isRecord(titles) ? titles[lang] : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title : key;
}

/** Whether a value says nothing: none, an empty text or an empty list. */
export function isNotGiven(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One value that is not a list or a record: a challenge's label, yes or no, a number or a text as it is. */
export function scalarWords(value: unknown, lang: Lang, words: ValueWords = {}): string {
  if (isNotGiven(value)) return t(lang, 'value.notGiven');
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (words.field === 'challenge') {
    const challenge = challengeOf(words.challenges, value);
    if (challenge) return challenge.label[lang];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** The schema of a list's items (`items`), or of a record's key (`properties`), when `schema` gives one. */
export function innerSchema(
  schema: Record<string, unknown> | undefined,
  key: string | null,
): Record<string, unknown> | undefined {
  const inner =
    key === null
      ? schema?.items
      : isRecord(schema?.properties) && Object.hasOwn(schema.properties, key)
        ? schema.properties[key]
        : undefined;
  return isRecord(inner) ? inner : undefined;
}

/**
 * A value on one line: a list joined by commas, a record as `key: value` pairs (each key by its title in the schema),
 * the rest as scalarWords says.
 */
export function valueWords(value: unknown, lang: Lang, words: ValueWords = {}): string {
  if (isNotGiven(value)) return t(lang, 'value.notGiven');
  if (Array.isArray(value))
    return value
      .map((v) =>
        isRecord(v) || Array.isArray(v)
          ? `(${valueWords(v, lang, { schema: innerSchema(words.schema, null) })})`
          : scalarWords(v, lang, words),
      )
      .join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `${recordKeyWords(k, lang, words.schema)}: ${valueWords(v, lang, { schema: innerSchema(words.schema, k) })}`,
      )
      .join(', ');
  return scalarWords(value, lang, words);
}

/**
 * Whether a field holds an amount of money, by its name (`requested_amount`, `budget`, `beviljat_belopp`): the
 * amounts whose changes the council sees in the history (idea-edit.ts).
 */
export function isAmountField(name: string): boolean {
  return /(?:^|_)(?:amount|budget|belopp)s?(?:_|$)/i.test(name);
}

/** What the words of an `assigned` history entry depend on besides the entry. */
export interface AssignedWords {
  /** A field by its label in the language (x-title), its key where it has none. */
  fieldLabel: (field: string) => string;
  challenges?: ValueWords['challenges'];
  /** Whether the field's values are withheld (a public site): the entry then says only that the field changed. */
  hidden?: (field: string) => boolean;
}

/**
 * An `assigned` history entry in words, the one way `ideas show`, `ideas diff` and the sites say it: its field by
 * its label, its new value as valueWords says it, an amount as money ("Sökt belopp satt till 20 000 kr"). Plain text.
 */
export function assignedWords(entry: { field?: unknown; new?: unknown }, lang: Lang, words: AssignedWords): string {
  const field = typeof entry.field === 'string' ? entry.field : '?';
  const label = words.fieldLabel(field);
  if (words.hidden?.(field)) return t(lang, 'history.assignedHidden', { field: label });
  const value = entry.new;
  return t(lang, 'history.assignedField', {
    field: label,
    value:
      typeof value === 'number' && Number.isFinite(value) && isAmountField(field)
        ? formatAmount(value, lang)
        : valueWords(value, lang, { field, challenges: words.challenges ?? [] }),
  });
}
