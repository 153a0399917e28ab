import { isLocalized, type Localized } from '../i18n/i18n.js';
import { nullObject, ownValue } from '../safe-object.js';

type Schema = Record<string, unknown>;

/** Fields' labels by their paths (`unit`, `team_gender.women`), for outputs that name fields in words. */
export type FieldTitles = Record<string, Localized>;

/** The `x-title` (or `title`) of each path in the first schema that has one; the path itself otherwise. */
export function fieldTitles(schemas: readonly Schema[], paths: readonly string[]): FieldTitles {
  const out: FieldTitles = nullObject();
  for (const p of paths) {
    let found: Localized | null = null;
    for (const schema of schemas) {
      let s: Schema | undefined = schema;
      for (const part of p.split('.')) s = ownValue(s?.properties, part) as Schema | undefined;
      if (!s) continue;
      if (isLocalized(s['x-title'])) found = s['x-title'];
      else if (typeof s.title === 'string') found = { sv: s.title, en: s.title };
      if (found) break;
    }
    out[p] = found ?? { sv: p.split('.').pop() ?? p, en: p.split('.').pop() ?? p };
  }
  return out;
}

/** A key or label as people compare them: case, the form of "é" and spaces, underscores or dashes between words aside. */
export function keyForm(text: string): string {
  let form = forms.get(text);
  if (form === undefined) {
    form = text
      .normalize('NFC')
      .trim()
      .toLocaleLowerCase('sv')
      .replace(/[\s_-]+/g, ' ');
    if (forms.size < MAX_FORMS) forms.set(text, form);
  }
  return form;
}

/**
 * The forms made so far: a field's name and labels are compared with every key no schema names, 300,000 in one
 * front matter at most. Bounded, so that such keys fill it only up to MAX_FORMS, after the fields' own.
 */
const forms = new Map<string, string>();
const MAX_FORMS = 4096;

/**
 * The one field of `fields` whose label (sv or en, not the field's own key) `name` is, or the label's first words
 * when `name` has four letters or more (`enhet` for "Enhet eller förvaltning"); undefined when none, or more than
 * one, is: a word two labels start with names neither.
 */
export function fieldNamedByLabel(name: string, fields: Iterable<string>, titles: FieldTitles): string | undefined {
  const wanted = keyForm(name);
  const named = new Set<string>();
  for (const f of fields) {
    const title = titles[f];
    if (!title) continue;
    for (const label of [title.sv, title.en]) if (label !== f && formNames(wanted, keyForm(label))) named.add(f);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** Whether `name` is `label`, or its first words when `name` has four letters or more, compared as keyForm says. */
export function namesLabel(name: string, label: string): boolean {
  return formNames(keyForm(name), keyForm(label));
}

function formNames(wanted: string, whole: string): boolean {
  return whole === wanted || (wanted.length >= 4 && whole.startsWith(`${wanted} `));
}
