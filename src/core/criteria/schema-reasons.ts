/**
 * Why a criteria file is not a JSON Schema that can be used, in the catalogue's words: the messages of JSON.parse and
 * of ajv are English only, and a coordinator who mistyped a criteria file in a Swedish registry reads Swedish.
 */
import { localize, type Localized } from '../i18n/i18n.js';

/** A criteria file that cannot be used, and why. */
export class SchemaFileProblem extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

/** Where JSON.parse stopped in `text`, from its message ("... at position 11", "Unexpected end of JSON input"). */
export function jsonSyntaxReason(text: string, message: string): Localized {
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return localize('schema.json', { line, column });
}

/** The first error of a check against JSON Schema's meta-schema, as ajv reports it. */
export interface MetaSchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** What is wrong where, from the first error of the meta-schema's check. */
export function metaSchemaReason(errors: readonly MetaSchemaError[] | null | undefined): Localized {
  const first = errors?.[0];
  const where = first?.instancePath || '/';
  const params = first?.params ?? {};
  let problem: Localized;
  switch (first?.keyword) {
    case 'type':
      problem = localize('schema.type', { type: String(params.type) });
      break;
    case 'enum':
      problem = localize('schema.enum', {
        values: Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : '',
      });
      break;
    case 'required':
      problem = localize('schema.required', { field: String(params.missingProperty) });
      break;
    default:
      problem = localize('schema.shape', { keyword: first?.keyword ?? '?' });
  }
  return localize('schema.at', { where, problem });
}

/**
 * Why ajv would not compile a schema that passed the meta-schema, from its message: a `$ref` to nothing, a keyword
 * with a value its definition refuses, a keyword it does not know (strict mode), an unknown format; any other, in
 * general words.
 */
export function compileReason(e: unknown): Localized {
  const message = e instanceof Error ? e.message : String(e);
  // The reference as written, which ajv's message names (its missingRef is resolved against an internal key).
  const ref = /^can't resolve reference (.+) from id /.exec(message);
  if (ref) return localize('schema.missingRef', { ref: ref[1] ?? '' });
  // A keyword of our own (x-public, x-personal, ...) or ajv's with a value of a type its definition refuses.
  const type = /^(\S+) value must be \[(.*)\]$/.exec(message);
  if (type)
    return localize('schema.keywordType', { keyword: type[1] ?? '', type: (type[2] ?? '').replaceAll('"', '') });
  const value = /keyword "([^"]+)" value is invalid at path "([^"]*)"/.exec(message);
  if (value) return localize('schema.keywordValue', { keyword: value[1] ?? '', where: value[2] || '#' });
  const unknown = /unknown keyword: "?([^"]+)"?/.exec(message);
  if (unknown) return localize('schema.unknownKeyword', { keyword: unknown[1] ?? '' });
  const format = /unknown format "([^"]+)"/.exec(message);
  if (format) return localize('schema.unknownFormat', { format: format[1] ?? '' });
  return localize('schema.compile');
}
