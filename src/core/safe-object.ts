/**
 * Objects whose keys come from input: a CSV header, a `--set` flag, a front matter key, a field's value. An ordinary
 * object inherits from Object.prototype, so such a key can read what the object never held (`constructor`), or
 * write where no idea belongs: `obj.__proto__ = x` swaps the object's prototype, and a path walked key by key
 * (`constructor.prototype.shell`, `__proto__.shell`) reaches Object.prototype itself, and with it every object of
 * the process, such as the options node's execFile reads `shell` from. So:
 * - objects keyed by input have no prototype (nullObject, nullProtoDeep), or are Maps;
 * - the three names that reach a prototype are refused wherever a user names a field or a path segment, in any
 *   case (`Constructor` too, since column names and fields are matched without regard to case).
 */
import { escapePointerToken } from './json-pointer.js';

/** The names that lead from an object to a prototype. */
const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Whether a field name or path segment is one of FORBIDDEN_KEYS, in any case. */
export function isForbiddenKey(key: string): boolean {
  // Every forbidden name is 9 or 11 characters long: most keys are ruled out without a lower-case copy.
  if (key.length !== 9 && key.length !== 11) return false;
  const lower = key.toLowerCase();
  return FORBIDDEN_KEYS.includes(lower);
}

/** The first forbidden segment of a dotted path (`a.__proto__.b`), or null. */
export function forbiddenSegment(dotted: string): string | null {
  return dotted.split('.').find((s) => isForbiddenKey(s.trim())) ?? null;
}

/** Whether `value` is a mapping: an object that is not a list (JSON's and YAML's, read from a file or a cache). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An empty object without a prototype: `__proto__` is an own key like any other, and nothing is inherited. */
export function nullObject<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-less object from key/value pairs (later pairs win, as with Object.fromEntries). */
export function nullObjectFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = nullObject<T>();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The value `obj` holds itself under `key`, never one it inherits. */
export function ownValue(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || proto === Object.prototype;
}

/**
 * A copy of parsed data (JSON.parse, a YAML reader, a cache) in which every mapping has no prototype. Arrays stay
 * arrays; other objects (a Date) are kept as they are. Keys are copied as own keys, `__proto__` included.
 */
export function nullProtoDeep<T>(value: T, depth = 0): T {
  // Parsers stop far earlier (src/core/front-matter limits nesting); this only keeps a cycle from running away.
  if (depth > 1000) throw new RangeError('nesting too deep');
  if (Array.isArray(value)) return value.map((v: unknown) => nullProtoDeep(v, depth + 1)) as T;
  if (!isPlainRecord(value)) return value;
  const out = nullObject();
  for (const key of Object.keys(value)) out[key] = nullProtoDeep(value[key], depth + 1);
  return out as T;
}

/**
 * nullProtoDeep without the copy, for data no one else holds (what this program's cache or one of its worker threads
 * gave back, by structured clone): every mapping in it loses its prototype where it stands. Two copies of 10,000
 * ideas' fields at once were a fifth of `ideas report`'s memory.
 */
export function nullProtoInPlace<T>(value: T, depth = 0): T {
  if (depth > 1000) throw new RangeError('nesting too deep');
  if (Array.isArray(value)) {
    for (const v of value as unknown[]) nullProtoInPlace(v, depth + 1);
    return value;
  }
  if (!isPlainRecord(value)) return value;
  if (Object.getPrototypeOf(value) !== null) Object.setPrototypeOf(value, null);
  for (const key of Object.keys(value)) nullProtoInPlace(value[key], depth + 1);
  return value;
}

/**
 * Every key of FORBIDDEN_KEYS (in any case, as isForbiddenKey) at any depth of parsed data, with its path as a JSON
 * pointer (`/a/0/__proto__`), in the order met; at most `limit` of them.
 */
export function forbiddenKeys(value: unknown, limit = 20): { key: string; pointer: string }[] {
  const out: { key: string; pointer: string }[] = [];
  // The keys and indexes on the way to the value walked: a pointer is written only for a key found, not for each of
  // the thousands of keys passed (a string for every key of 10,000 ideas was most of a check's garbage).
  const path: (string | number)[] = [];
  const segment = (s: string | number) => `/${typeof s === 'number' ? s : escapePointerToken(s)}`;
  // Only objects are walked into: a call for each of the thousands of texts and numbers was most of the walk.
  const walk = (v: object, depth: number): void => {
    if (out.length >= limit || depth > 1000) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        // A hole is not an item (as forEach passes over it).
        if (item === null || typeof item !== 'object' || !(i in v)) continue;
        path.push(i);
        walk(item, depth + 1);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(v)) {
      if (isForbiddenKey(key) && out.length < limit) out.push({ key, pointer: [...path, key].map(segment).join('') });
      const child = (v as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      path.push(key);
      walk(child, depth + 1);
      path.pop();
    }
  };
  if (value !== null && typeof value === 'object') walk(value, 0);
  return out;
}

/**
 * Text for a value that may be anything parsed: a prototype-less mapping has no toString, so String() of it throws
 * where an ordinary object would give "[object Object]". Mappings and lists are shown as JSON.
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  }
  return String(value);
}
