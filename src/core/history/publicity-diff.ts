/**
 * What a change of the rules publishes, judged by what the public outputs would show rather than by keywords: each
 * idea's public copy (core/criteria/personal-data.ts, the one filter of the site, exports and reports) is made under
 * the base's schemas and under the head's, and a field that the head's copy shows more of is published by the
 * change. Whatever made the difference (a marking, a `$ref` into another file, a schema moved in the config), the
 * outputs differ, so no way of writing it slips past.
 */
import { aggregateFields, publicData, type FieldClasses } from '../criteria/personal-data.js';
import { compareText } from '../i18n/text-order.js';

const PUBLIC = { includePersonal: false };

/**
 * The top-level fields of `ideas` that `head`'s schemas show in a public output beyond what `base`'s show: per idea,
 * or summed in reports where they were not before.
 */
export function newlyPublicFields(
  ideas: Iterable<Record<string, unknown>>,
  base: FieldClasses,
  head: FieldClasses,
): string[] {
  const found = new Set<string>();
  const keys = new Set<string>();
  const shownBefore = new Set<string>();
  for (const data of ideas) {
    const before = publicData(data, base, PUBLIC);
    const after = publicData(data, head, PUBLIC);
    for (const key of Object.keys(data)) keys.add(key);
    for (const key of Object.keys(before)) shownBefore.add(key);
    for (const key of Object.keys(after)) {
      if (!found.has(key) && !(Object.hasOwn(before, key) && covers(before[key], after[key]))) found.add(key);
    }
  }
  // A field the reports now sum (x-aggregate) that they neither summed nor showed per idea before.
  const summed = new Set(aggregateFields(base, keys));
  for (const field of aggregateFields(head, keys)) if (!summed.has(field) && !shownBefore.has(field)) found.add(field);
  return [...found].sort(compareText);
}

/** Whether `more` shows nothing that `shown` does not: every key and item of it is in `shown`, however ordered. */
function covers(shown: unknown, more: unknown): boolean {
  if (Array.isArray(more)) {
    return Array.isArray(shown) && more.every((item) => shown.some((s) => covers(s, item)));
  }
  if (more !== null && typeof more === 'object') {
    if (shown === null || typeof shown !== 'object' || Array.isArray(shown)) return false;
    const from = shown as Record<string, unknown>;
    return Object.entries(more).every(([k, v]) => Object.hasOwn(from, k) && covers(from[k], v));
  }
  return Object.is(shown, more);
}
