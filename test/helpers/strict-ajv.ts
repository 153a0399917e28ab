/**
 * A schema compiled as a consumer of it would: a fresh ajv (draft 2020-12, with ajv-formats) in strict mode that
 * knows no other schema, so a reference that points outside the document fails to compile. `vocabulary`: keywords
 * of the product's own the consumer is told of, as any tool must be.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type AjvType = import('ajv').default;
const Ajv2020 = (require('ajv/dist/2020.js') as { default: new (o: object) => AjvType }).default;
const addFormats = (require('ajv-formats') as { default: (a: AjvType) => void }).default;

export function compileStrict(schema: Record<string, unknown>, vocabulary: readonly string[] = []) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  if (vocabulary.length > 0) ajv.addVocabulary([...vocabulary]);
  return ajv.compile(schema);
}
