/**
 * `const`, `enum` and `uniqueItems` for criteria, in place of ajv's. ajv compares with fast-deep-equal, which calls
 * `a.valueOf()` on two objects: the front matter's objects have no prototype (so that a key is never an inherited
 * one), and an idea with an object where a criterion names `const: {…}`, `enum: [{…}]` or `uniqueItems` stopped every
 * command with "unexpected error". Its `uniqueItems` also compares every item with every other one: twenty thousand
 * lists in one field took a quarter of a minute. Here each value is reduced once to a key that two values share when
 * JSON Schema calls them equal (keys in any order, 1 and 1.0 the same), so a check is linear in the value's size.
 */

type AjvInstance = import('ajv').default;
type CodeGen = import('ajv').CodeGen;

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

/**
 * The first item of `items` equal to an earlier one, as [its index, the earlier one's], or null: one key per item,
 * so linear in the list's size.
 */
function duplicatePair(items: readonly unknown[]): [number, number] | null {
  const seen = new Map<string, number>();
  for (let j = 0; j < items.length; j++) {
    const key = equalityKey(items[j]);
    const i = seen.get(key);
    if (i !== undefined) return [j, i];
    seen.set(key, j);
  }
  return null;
}

/**
 * What validator code names the two functions above by: `require(EQUALITY_MODULE)` in a validator compiled at build
 * time (src/tools/compile-schemas.ts), which src/io/schemas.ts loads with a `require` that answers this name.
 */
export const EQUALITY_MODULE = 'ideas:equality';
export const EQUALITY_RUNTIME = { equalityKey, duplicatePair };

type Codegen = Pick<typeof import('ajv'), '_' | 'Name' | 'stringify'>;

/**
 * Replaces ajv's `const`, `enum` and `uniqueItems` with checks that compare by `equalityKey`. They are written as
 * code, as ajv's own keywords are, so that a schema using them compiles to standalone code too; `codegen` is ajv's
 * code builders (`_`, `Name` and `stringify`, from the module that loaded ajv), handed in so that the core loads nothing.
 */
export function useLinearEquality(ajv: AjvInstance, codegen: Codegen): void {
  const { _, Name, stringify } = codegen;
  const runtime = (gen: CodeGen, name: keyof typeof EQUALITY_RUNTIME) =>
    gen.scopeValue('func', {
      ref: EQUALITY_RUNTIME[name],
      code: _`require(${EQUALITY_MODULE}).${new Name(name)}`,
    });
  for (const keyword of ['const', 'enum', 'uniqueItems']) ajv.removeKeyword(keyword);
  ajv.addKeyword({
    keyword: 'const',
    error: { message: 'must be const', params: ({ schemaCode }) => _`{allowedValue: ${schemaCode}}` },
    code(cxt) {
      cxt.fail(_`${runtime(cxt.gen, 'equalityKey')}(${cxt.data}) !== ${equalityKey(cxt.schema)}`);
    },
  });
  ajv.addKeyword({
    keyword: 'enum',
    schemaType: 'array',
    error: { message: 'must be enum', params: ({ schemaCode }) => _`{allowedValues: ${schemaCode}}` },
    code(cxt) {
      const keys = [...new Set((cxt.schema as unknown[]).map((v) => equalityKey(v)))];
      const allowed = cxt.gen.scopeValue('obj', { ref: new Set(keys), code: _`new Set(${stringify(keys)})` });
      cxt.fail(_`!${allowed}.has(${runtime(cxt.gen, 'equalityKey')}(${cxt.data}))`);
    },
  });
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: { message: 'must be uniqueItems', params: ({ params }) => _`{i: ${params.i}, j: ${params.j}}` },
    code(cxt) {
      if (!cxt.schema) return;
      const pair = cxt.gen.const('pair', _`${runtime(cxt.gen, 'duplicatePair')}(${cxt.data})`);
      cxt.setParams({ i: _`${pair}[0]`, j: _`${pair}[1]` });
      cxt.fail(_`${pair} !== null`);
    },
  });
}
