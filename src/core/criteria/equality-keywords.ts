/**
 * `const`, `enum` and `uniqueItems` for criteria, in place of ajv's. ajv compares with fast-deep-equal, which calls
 * `a.valueOf()` on two objects: the front matter's objects have no prototype (so that a key is never an inherited
 * one), and an idea with an object where a criterion names `const: {…}`, `enum: [{…}]` or `uniqueItems` stopped every
 * command with "unexpected error". Its `uniqueItems` also compares every item with every other one: twenty thousand
 * lists in one field took a quarter of a minute. Here each value is reduced once to a key that two values share when
 * JSON Schema calls them equal (keys in any order, 1 and 1.0 the same), so a check is linear in the value's size.
 */
import type { AnySchemaObject, ErrorObject } from 'ajv';

type AjvInstance = import('ajv').default;

const MAX_DEPTH = 256;

/** A text two JSON values share exactly when JSON Schema calls them equal. */
export function equalityKey(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError('value nested too deeply to compare');
  if (Array.isArray(value)) return `[${value.map((v) => equalityKey(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${equalityKey((value as Record<string, unknown>)[k], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  // -0 is 0; Infinity and NaN (YAML's .inf and .nan) stay themselves, never null.
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** A check as ajv calls a compiled keyword: the value, and its errors left on the function. */
type Check = ((data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] };

function fail(
  check: Check,
  keyword: string,
  params: Record<string, unknown>,
  schema: unknown,
  parent: AnySchemaObject,
) {
  check.errors = [{ keyword, params, schema, parentSchema: parent, message: `must be ${keyword}` }];
  return false;
}

/** Replaces ajv's `const`, `enum` and `uniqueItems` with checks that compare by `equalityKey`. */
export function useLinearEquality(ajv: AjvInstance): void {
  for (const keyword of ['const', 'enum', 'uniqueItems']) ajv.removeKeyword(keyword);
  ajv.addKeyword({
    keyword: 'const',
    errors: true,
    compile(schema: unknown, parent) {
      const key = equalityKey(schema);
      const check: Check = (data) =>
        equalityKey(data) === key || fail(check, 'const', { allowedValue: schema }, schema, parent);
      return check;
    },
  });
  ajv.addKeyword({
    keyword: 'enum',
    schemaType: 'array',
    errors: true,
    compile(schema: unknown[], parent) {
      const keys = new Set(schema.map((v) => equalityKey(v)));
      const check: Check = (data) =>
        keys.has(equalityKey(data)) || fail(check, 'enum', { allowedValues: schema }, schema, parent);
      return check;
    },
  });
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    errors: true,
    compile(schema: boolean, parent) {
      const check: Check = (data) => {
        if (!schema || !Array.isArray(data)) return true;
        const seen = new Map<string, number>();
        for (let j = 0; j < data.length; j++) {
          const key = equalityKey(data[j]);
          const i = seen.get(key);
          if (i !== undefined) return fail(check, 'uniqueItems', { i: j, j: i }, schema, parent);
          seen.set(key, j);
        }
        return true;
      };
      return check;
    },
  });
}
