/**
 * One string for each short text that many ideas repeat. A history says `moved`, `approve` and `refinement`, the
 * same few names and dates, over and over: read from 10,000 files, each was a string of its own, 5 MB of the 36 that
 * `ideas report` held on a registry whose ideas had been through several stages (docs/performance.md). What a command
 * keeps of whole ideas (src/io/read-ideas.ts) gets its short texts from one table instead.
 */

/** Texts longer than this are rarely repeated, and are left as they are. */
const MAX_LENGTH = 40;
/** The most texts the table holds: a bound on what hostile files can make it hold. */
const MAX_TEXTS = 20_000;

const texts = new Map<string, string>();

/** The one string of `text` when it is short, else `text`. */
function shared(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < MAX_TEXTS) texts.set(text, text);
  return text;
}

/**
 * `value` (data read from YAML: mappings, lists and scalars, without cycles) with every short text in it, at any
 * depth, replaced in place by its one string. Returns `value`.
 */
export function shareStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = shared(item);
      else if (item !== null && typeof item === 'object') shareStrings(item);
    }
  } else if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      const item = map[key];
      if (typeof item === 'string') map[key] = shared(item);
      else if (item !== null && typeof item === 'object') shareStrings(item);
    }
  }
  return value;
}
