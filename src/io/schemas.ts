/**
 * The package's own JSON Schemas (schemas/*.schema.json) and the validators made from them. The config's and the
 * base idea schema's are compiled at build time into standalone code when the build has run, so most commands never
 * load ajv's compiler; each registry's criteria schemas are compiled when a command needs them, or, when they are a
 * template's as `ideas init` wrote them, loaded as the build compiled them. The core checks with
 * what this module hands it and loads nothing itself (docs/architecture.md).
 */
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// What the validators compiled at build time ask `require` for, besides our own parts (loadValidatorFile): imported
// here, so that the bundle holds them and V8's code cache of them, rather than every command finding them in
// node_modules and compiling them (~5 ms of each command; the config's validator asks for two).
import equalImport from 'ajv/dist/runtime/equal.js';
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import { packageUrl } from './package-files.js';
import { EQUALITY_MODULE, EQUALITY_RUNTIME, useLinearEquality } from '../core/criteria/equality-keywords.js';
import { useSoundContains } from '../core/criteria/contains-keyword.js';
import { linearRegExpEngine } from '../core/criteria/linear-regexp.js';
import { isIsoDate } from '../core/criteria/date-format.js';
import { codePointLength } from '../core/criteria/code-point-length.js';
import {
  AJV_OPTIONS,
  LABEL_KEYWORDS,
  MARKING_KEYWORDS,
  SPREAD_KEYWORD,
  META_SCHEMA_2020,
  URL_FORMAT_MAX_LENGTH,
  type BaseValidatorName,
  type BaseValidators,
  type Validator,
} from '../core/criteria/schema-check.js';
import { metaSchemaReason, SchemaFileProblem } from '../core/criteria/schema-reasons.js';
import { localize } from '../core/i18n/i18n.js';
import { IdeasError } from '../core/errors.js';

export const BASE_VALIDATORS: readonly BaseValidatorName[] = ['config', 'idea', 'meta'];

/** The file a base validator is compiled into at build time (src/tools/compile-schemas.ts), in dist/generated/. */
export function generatedValidatorFile(name: BaseValidatorName): string {
  return `validator-${name}.cjs`;
}

export function readPackageSchema(name: 'idea' | 'config' | 'region'): Record<string, unknown> {
  return JSON.parse(readFileSync(packageUrl(`schemas/${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}

let base: BaseValidators | undefined;

/** The validators for schemas/config.schema.json and schemas/idea.schema.json. */
export function baseValidators(): BaseValidators {
  if (base) return base;
  const generated = (name: BaseValidatorName) => packageUrl(`dist/generated/${generatedValidatorFile(name)}`);
  if (BASE_VALIDATORS.every((name) => existsSync(generated(name)))) {
    // Each is loaded when first asked for.
    const loaded = Object.create(null) as Partial<BaseValidators>;
    const lazy = Object.create(null) as BaseValidators;
    for (const name of BASE_VALIDATORS)
      Object.defineProperty(lazy, name, {
        enumerable: true,
        get: () => (loaded[name] ??= (loadValidatorFile(fileURLToPath(generated(name))) as BaseValidators)[name]),
      });
    base = lazy;
    return base;
  }
  const ajv = createAjv();
  const meta = ajv.getSchema(META_SCHEMA_2020);
  if (!meta) throw new Error('ajv has no draft 2020-12 meta-schema');
  base = {
    config: ajv.compile(readPackageSchema('config')),
    idea: ajv.compile(readPackageSchema('idea')),
    meta,
  };
  return base;
}

type AjvInstance = import('ajv').default;
/** ajv's draft 2020-12 module: the class, and the code builders a keyword of our own writes its code with. */
type AjvModule = Pick<typeof import('ajv'), '_' | 'Name' | 'stringify'> & { default: new (o: object) => AjvInstance };
/**
 * The ajv that compiles a registry's criteria at run time, one for each set of schemas that belong together (a
 * scope): the working tree's, and in `ideas diff` each revision's. ajv knows a schema by its `$id` as well as by its
 * key, and refuses a second schema of the same `$id`: a criteria file with an `$id` that a branch changed is that
 * file at two revisions.
 */
const runtimeAjvs = new Map<string, AjvInstance>();

/**
 * What validator code names the formats by, `require(FORMATS_MODULE).date`, in a validator compiled at build time,
 * which loadValidator answers with formats(): ajv-formats' own, but for two of ours.
 */
const FORMATS_MODULE = 'ideas:formats';

type FormatDefinition = ((text: string) => boolean) | RegExp | { validate: unknown; compare?: unknown };
let formatsKept: Record<string, FormatDefinition> | undefined;

/**
 * ajv-formats' full formats, but `date`, checked without a regular expression's match (core/criteria/date-format.ts),
 * and `url`, whose pattern backtracks in time quadratic in the text, refused beyond URL_FORMAT_MAX_LENGTH.
 */
function formats(): Record<string, FormatDefinition> {
  if (formatsKept) return formatsKept;
  const fullFormats = ajvFormats as unknown as Record<string, FormatDefinition> & {
    url: RegExp;
    date: { compare: unknown };
  };
  const url = fullFormats.url;
  formatsKept = {
    ...fullFormats,
    date: { validate: isIsoDate, compare: fullFormats.date.compare },
    url: (text: string) => text.length <= URL_FORMAT_MAX_LENGTH && url.test(text),
  };
  return formatsKept;
}

export function createAjv(extra: Record<string, unknown> = {}): AjvInstance {
  const require = createRequire(import.meta.url);
  const ajvModule = require('ajv/dist/2020.js') as AjvModule;
  const addFormats = (require('ajv-formats') as { default: (a: AjvInstance) => void }).default;
  const code = { ...(extra.code as object | undefined), formats: ajvModule._`require(${FORMATS_MODULE})` };
  const ajv = new ajvModule.default({ ...AJV_OPTIONS, ...extra, code });
  // ajv-formats' formats and its formatMinimum and formatMaximum keywords, then ours over two of its formats.
  addFormats(ajv);
  for (const name of ['date', 'url']) ajv.addFormat(name, formats()[name] as never);
  ajv.addVocabulary([...LABEL_KEYWORDS]);
  for (const keyword of MARKING_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'boolean' });
  ajv.addKeyword({ keyword: SPREAD_KEYWORD, schemaType: 'boolean' });
  // JSON Schema 2020-12's `$anchor` (`"$ref": "#pers"` to a schema that says `"$anchor": "pers"`): ajv resolves such
  // a reference, but its strict mode knows no keyword of that name and refused every schema with one.
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  useSoundContains(ajv, ajvModule);
  return ajv;
}

/**
 * The ajv that compiles criteria, which come from the registry: nothing in them may take unbounded time. With
 * `source`, it keeps each validator's code, for the build to write out (src/tools/compile-schemas.ts).
 */
export function criteriaAjv(source = false): AjvInstance {
  const ajv = createAjv({
    validateSchema: false,
    // `pattern` and `patternProperties` run on RE2's engine, in time linear in the text (core/criteria/linear-regexp.ts).
    code: { regExp: linearRegExpEngine, source },
    // ajv's strict check of properties against patternProperties runs JavaScript's engine at compile time.
    allowMatchingProperties: true,
  });
  const require = createRequire(import.meta.url);
  useLinearEquality(ajv, require('ajv/dist/2020.js') as AjvModule);
  ajv.addSchema(readPackageSchema('idea'));
  return ajv;
}

/**
 * Compiles a registry's criteria schema (a CompileSchema, core/criteria/schema-check.ts). Throws, in ajv's own words,
 * for a schema that is not valid: it is checked against the meta-schema compiled at build time, so the ajv that
 * compiles it need not compile the meta-schema too. A pattern that cannot be matched in linear time is a
 * PatternError (core/criteria/linear-regexp.ts).
 */
export function compileCriteria(schema: unknown, cacheKey: string, scope = ''): Validator {
  const built = prebuiltCriteria(schema);
  if (built) return built;
  addCriteria(schema, cacheKey, scope);
  const compiled = ajvFor(scope).getSchema(cacheKey);
  if (!compiled) throw new Error(`could not compile ${cacheKey}`);
  return endless(compiled, cacheKey.replace(/^[^:]*:/, ''));
}

/**
 * Makes every stage's criteria schema of one scope (the working tree's, or a revision's in `ideas diff`) known to the
 * ajv that compiles criteria, each under its key, before any of them is compiled: a `$ref` from one stage's criteria
 * into another's, by `$id` or by file name, resolves whatever the order of the stages. The schemas the build compiled
 * are added only beside one compiled here, where a reference of the registry's own may point into them; with none,
 * ajv's compiler is never loaded. Returns, for each schema, why it could not be added (a schema that is not valid,
 * as compileCriteria throws it), or undefined.
 */
export function addCriteriaSet(set: readonly { schema: unknown; key: string }[], scope = ''): unknown[] {
  const compiledHere = set.some(({ schema }) => prebuiltCriteria(schema) === null);
  return set.map(({ schema, key }) => {
    try {
      addCriteria(schema, key, scope, compiledHere);
      return undefined;
    } catch (e) {
      return e;
    }
  });
}

/**
 * Makes a criteria schema known to the ajv of `scope` under `cacheKey`, without compiling it (once; a key known
 * already is left as it is). Throws as compileCriteria does for a schema that is not valid.
 */
function addCriteria(schema: unknown, cacheKey: string, scope = '', always = false): void {
  // A schema the build compiled needs none of this (ajv's compiler is never loaded for a template's criteria), unless
  // `always`: where a registry's own criteria are compiled beside it, a reference of theirs may point into it.
  if (!always && prebuiltCriteria(schema)) return;
  const ajv = ajvFor(scope);
  if (ajv.schemas[cacheKey] !== undefined) return;
  checkAgainstMetaSchema(schema);
  ajv.addSchema(schema as object, cacheKey);
}

/** The ajv of a scope's criteria, made when first asked for (loading ajv's compiler, ~60 ms). */
function ajvFor(scope: string): AjvInstance {
  let ajv = runtimeAjvs.get(scope);
  if (!ajv) runtimeAjvs.set(scope, (ajv = criteriaAjv()));
  return ajv;
}

/**
 * A validator that says so, naming the criteria's file, when checking a value never ends: a schema that refers to
 * itself through `$ref` (or allOf, if/then …) without going into any field (`{"$ref": "#"}`, found from outside) makes
 * ajv's code call itself until the stack runs out, which the command reported as an unexpected error, asking for a
 * bug report. Such a ring may be behind a condition, so it shows only for some ideas: it is caught where it shows.
 */
function endless(validate: Validator, file: string): Validator {
  return new Proxy(validate, {
    apply(target, self, args) {
      try {
        return Reflect.apply(target, self, args) as unknown;
      } catch (e) {
        if (e instanceof RangeError && /call stack/i.test(e.message))
          throw new IdeasError('CONFIG_INVALID', 'err.criteriaEndless', { file }, { hint: 'hint.criteriaEndless' });
        throw e;
      }
    },
  });
}

/**
 * Where the build puts the validator of a criteria schema it compiled (a template's, as `ideas init` writes it): named
 * by the SHA-256 of the schema's JSON, which the same schema read from any registry has.
 */
export function prebuiltCriteriaFile(schema: unknown): string {
  // node:crypto is loaded here, when a schema is first looked for: loading it cost every command ~3 ms.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  return fileURLToPath(packageUrl(`dist/generated/criteria/${hash}.cjs`));
}

const prebuilt = new Map<string, Validator | null>();

/**
 * The validator the build compiled for this very schema, or null: a registry that keeps a template's criteria as
 * `ideas init` wrote them loads their code (a few ms) instead of loading ajv's compiler and compiling them (~60 ms).
 * The code is the package's own; what it asks for by `require` is ajv's runtime, the formats under FORMATS_MODULE,
 * and the equality checks of core/criteria/equality-keywords.ts under EQUALITY_MODULE.
 */
function prebuiltCriteria(schema: unknown): Validator | null {
  if (schema === null || typeof schema !== 'object') return null;
  const file = prebuiltCriteriaFile(schema);
  const known = prebuilt.get(file);
  if (known !== undefined) return known;
  let validator: Validator | null = null;
  try {
    const exports = loadValidatorFile(file);
    if (typeof exports === 'function') validator = exports as Validator;
  } catch {
    // None built for this schema (a registry's own criteria), or a damaged install: it is compiled as any other.
  }
  prebuilt.set(file, validator);
  return validator;
}

/**
 * An ajv runtime module as `require` gives it, `{ default: f }`, from its default import: Node and the bundle import a
 * CommonJS module's exports as its default, the test runner (which honours `__esModule`) their `default`.
 */
function required(imported: unknown): unknown {
  return typeof imported === 'function' ? { default: imported } : imported;
}

/**
 * The exports of a validator the build compiled (src/tools/compile-schemas.ts), run as a CommonJS module whose
 * `require` answers the names its code gives our own parts by (EQUALITY_MODULE, FORMATS_MODULE) and the parts of
 * ajv's runtime imported above; anything else it asks for is found in node_modules. Throws as reading or running it does.
 */
function loadValidatorFile(file: string): unknown {
  const require = createRequire(import.meta.url);
  const module = { exports: {} as unknown };
  const load = compileFunction(readFileSync(file, 'utf8'), ['module', 'exports', 'require'], { filename: file });
  load(module, module.exports, (id: string) => {
    switch (id) {
      case EQUALITY_MODULE:
        return EQUALITY_RUNTIME;
      case FORMATS_MODULE:
        return formats();
      case 'ajv/dist/runtime/ucs2length':
        // The same count, without a loop over a text that holds no surrogate pair.
        return { default: codePointLength };
      case 'ajv/dist/runtime/equal':
        return required(equalImport);
      default:
        return require(id);
    }
  });
  return module.exports;
}

/**
 * What ajv's own `validateSchema` does before it compiles; what it finds is a SchemaFileProblem, said in the
 * catalogue's words (ajv's messages are English only).
 */
export function checkAgainstMetaSchema(schema: unknown): void {
  if (typeof schema === 'boolean') return;
  const $schema = (schema as { $schema?: unknown } | null)?.$schema;
  if ($schema !== undefined && (typeof $schema !== 'string' || $schema.replace(/#$/, '') !== META_SCHEMA_2020))
    throw new SchemaFileProblem(localize('schema.dialect', { expected: META_SCHEMA_2020 }));
  const meta = baseValidators().meta;
  if (!meta(schema)) throw new SchemaFileProblem(metaSchemaReason(meta.errors));
}

let region: Validator | undefined;

/** The validator of ideas.region.yaml, compiled when a region file is first read: the single-registry commands never pay. */
export function regionValidator(): Validator {
  region ??= createAjv().compile(readPackageSchema('region'));
  return region;
}
