/**
 * `ideas diff` calls a change to the criteria a tightening (a warning) only when it cannot let more ideas through.
 * A seeded differential test of that promise: random small schemas, and each one changed at a random place (a keyword
 * added, changed or removed, as a pull request would); whenever compareSchemas finds no loosening, ajv, compiling both
 * schemas as draft 2020-12, must accept under the new schema no value of a sample the old one refused.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../../src/core/criteria/schema-check.js';
import { compareSchemas } from '../../src/core/history/criteria-diff.js';
import { prng } from './mutate.js';
import { useSoundContains } from '../../src/core/criteria/contains-keyword.js';

const require = createRequire(import.meta.url);
type AjvType = import('ajv').default;
const Ajv2020 = (require('ajv/dist/2020.js') as { default: new (o: object) => AjvType }).default;

const SEED = 20261201;
const CASES = 4000;

type Json = unknown;
type Schema = boolean | Record<string, Json>;
type Random = () => number;

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const NAMES = ['a', 'b', 'names', 'x1'] as const;
const SCALARS: readonly Json[] = [null, true, false, 0, 1, 2, -1, 1.5, 100, '', 'x', 'granskad', 'abcdefghij', 'a'];

/** A sample value: scalars, and arrays and objects of them, with the names the schemas use. */
function value(r: Random, depth: number): Json {
  const roll = r();
  if (depth <= 0 || roll < 0.4) return pick(r, SCALARS);
  if (roll < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth - 1));
  const out: Record<string, Json> = {};
  for (const name of NAMES) if (r() < 0.4) out[name] = value(r, depth - 1);
  return out;
}

/** A keyword's value, made at random: a schema where the keyword takes one. */
function keyword(r: Random, k: string, depth: number): Json {
  const sub = () => schema(r, depth - 1);
  switch (k) {
    case 'type':
      return r() < 0.7
        ? pick(r, ['string', 'number', 'integer', 'object', 'array', 'null', 'boolean'])
        : [pick(r, ['string', 'number', 'object']), pick(r, ['array', 'null', 'integer'])];
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'minContains':
    case 'maxContains':
      return Math.floor(r() * 3);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return Math.floor(r() * 5) - 1;
    case 'multipleOf':
      return pick(r, [1, 2]);
    case 'const':
      return pick(r, SCALARS);
    case 'enum':
      return [pick(r, SCALARS), pick(r, SCALARS)].filter((x, i, all) => all.indexOf(x) === i);
    case 'required':
      return NAMES.filter(() => r() < 0.4);
    case 'uniqueItems':
      return r() < 0.7;
    case 'pattern':
      return pick(r, ['^x', 'a', '^g']);
    case 'dependentRequired':
      return { a: ['b'] };
    case 'properties':
    case 'patternProperties':
    case 'dependentSchemas': {
      const out: Record<string, Json> = {};
      const names = k === 'patternProperties' ? ['^x', '^n', 'a'] : NAMES;
      for (const name of names) if (r() < 0.4) out[name] = sub();
      return out;
    }
    case 'prefixItems':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return Array.from({ length: 1 + Math.floor(r() * 2) }, sub);
    case 'propertyNames':
      return pick(r, [{ maxLength: 1 }, { pattern: '^a' }, { enum: ['a', 'b'] }]);
    case '$ref':
      return '#/$defs/d';
    default:
      // additionalProperties, items, contains, not, if, then, else, unevaluatedProperties, unevaluatedItems
      return sub();
  }
}

const KEYWORDS = [
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'const',
  'enum',
  'required',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'pattern',
  'dependentRequired',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependentSchemas',
  'propertyNames',
  'items',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'not',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  '$ref',
] as const;

function schema(r: Random, depth: number): Schema {
  if (depth <= 0 || r() < 0.15) return r() < 0.8;
  const out: Record<string, Json> = {};
  const count = 1 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) {
    const k = pick(r, KEYWORDS);
    out[k] = keyword(r, k, depth);
  }
  return out;
}

/** Every schema object of `s`, as the object and the path of keys to it. */
function places(s: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return out;
  out.push(at);
  for (const [k, v] of Object.entries(s)) {
    if (['properties', 'patternProperties', 'dependentSchemas', '$defs'].includes(k) && v && typeof v === 'object')
      for (const [name, x] of Object.entries(v)) places(x, [...at, k, name], out);
    else if (['prefixItems', 'allOf', 'anyOf', 'oneOf'].includes(k) && Array.isArray(v))
      v.forEach((x, i) => places(x, [...at, k, i], out));
    else if (typeof v === 'object' && KEYWORDS.includes(k as (typeof KEYWORDS)[number])) places(v, [...at, k], out);
  }
  return out;
}

function at(s: Json, path: readonly (string | number)[]): Record<string, Json> {
  let node = s as Record<string | number, Json>;
  for (const step of path) node = node[step] as Record<string | number, Json>;
  return node;
}

/** A copy of `base` with one keyword added, changed or removed at a random schema object. */
function mutate(r: Random, base: Record<string, Json>): Record<string, Json> {
  const head = structuredClone(base);
  const path = pick(r, places(head));
  const target = at(head, path);
  const keys = Object.keys(target).filter((k) => k !== '$defs');
  const roll = r();
  if (roll < 0.15 && keys.length > 0) delete target[pick(r, keys)];
  else if (roll < 0.35 && keys.length > 0) {
    const k = pick(r, keys);
    target[k] = keyword(r, k, 2);
  } else {
    const k = pick(r, KEYWORDS);
    target[k] = keyword(r, k, 2);
  }
  return head;
}

describe('fuzz: criteria changes called tightenings', () => {
  it(`${CASES} random changes (seed ${SEED}): none called a tightening lets through a value the base refused`, () => {
    const r = prng(SEED);
    // The product's options (with allErrors ajv checks every keyword: without, an always-false `prefixItems` entry
    // skips the array's later keywords), but not strict: ajv passes over what it would refuse to compile.
    const ajv = new Ajv2020({ ...AJV_OPTIONS, strict: false, validateFormats: false });
    // ajv's `contains` as the product compiles it (core/criteria/contains-keyword.ts): sound in a loop.
    useSoundContains(ajv, require('ajv/dist/2020.js') as typeof import('ajv'));
    const samples = Array.from({ length: 300 }, () => value(r, 3));
    let judged = 0;
    for (let i = 0; i < CASES; i++) {
      const base = { ...(schema(r, 3) as object), $defs: { d: schema(r, 2) } } as Record<string, Json>;
      const head = mutate(r, base);
      const changes = compareSchemas(base, head);
      if (changes.some((c) => c.kind === 'loosened')) continue;
      let before: (v: Json) => boolean;
      let after: (v: Json) => boolean;
      try {
        [before, after] = [ajv.compile(base), ajv.compile(head)] as [(v: Json) => boolean, (v: Json) => boolean];
      } catch {
        continue;
      }
      let through: Json;
      try {
        through = samples.find((v) => !before(v) && after(v));
      } catch {
        // A `$ref` into $defs that leads back to itself: endless for ajv too, no criteria anyone could use.
        continue;
      }
      judged++;
      expect(through, JSON.stringify({ base, head, value: through, changes }, null, 1)).toBeUndefined();
    }
    // The test judges something: most random changes are found to tighten, or to ask nothing new.
    expect(judged).toBeGreaterThan(CASES / 4);
  });
});
