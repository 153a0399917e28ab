/**
 * `contains` for every schema the product compiles, in place of ajv's. ajv 8 (to 8.20 at least) checks a plain
 * `contains` (no `minContains` above 1, no `maxContains`) with a `var` that is set only inside its loop over the
 * items and never reset before it: for an empty array the loop does not run, so the result is whatever the previous
 * check in the same function left. Under `items`, `additionalProperties` or any other loop, `[["granskad"], []]`
 * passed `items: {contains: {const: "granskad"}}`: a criterion said to be met when it was not. This is ajv's own
 * code for that case with the result set to false before the loop; every other case is ajv's, unchanged.
 */

type AjvInstance = import('ajv').default;
type KeywordCxt = import('ajv').KeywordCxt;
type Codegen = Pick<typeof import('ajv'), '_'>;

/** ajv's index of a number-keyed data property (its `Type.Num`), for a subschema's path. */
const NUMBER_PROPERTY = 0;

/** Whether ajv takes `schema` for one that every value meets: `true`, or an object without keywords. */
function alwaysValid(schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  return typeof schema === 'object' && schema !== null && Object.keys(schema).length === 0;
}

export function useSoundContains(ajv: AjvInstance, codegen: Codegen): void {
  const { _ } = codegen;
  const own = ajv.getKeyword('contains');
  if (!own || typeof own !== 'object' || !('code' in own)) throw new Error('ajv has no contains keyword to replace');
  const original = own;
  ajv.removeKeyword('contains');
  ajv.addKeyword({
    ...original,
    keyword: 'contains',
    code(cxt: KeywordCxt) {
      const { minContains, maxContains } = cxt.parentSchema as { minContains?: number; maxContains?: number };
      const min = cxt.it.opts.next ? (minContains ?? 1) : 1;
      const max = cxt.it.opts.next ? maxContains : undefined;
      // ajv's other branches each set their result before the loop.
      if (max !== undefined || min !== 1 || alwaysValid(cxt.schema)) {
        original.code(cxt, undefined as never);
        return;
      }
      const { gen, data, it } = cxt;
      const len = gen.const('len', _`${data}.length`);
      cxt.setParams({ min, max });
      it.items = true;
      const valid = gen.let('valid', false);
      const item = gen.name('_valid');
      gen.forRange('i', 0, len, (i) => {
        cxt.subschema({ keyword: 'contains', dataProp: i, dataPropType: NUMBER_PROPERTY, compositeRule: true }, item);
        gen.if(item, () => gen.assign(valid, true).break());
      });
      cxt.result(valid, () => cxt.reset());
    },
  });
}
