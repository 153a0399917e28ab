/**
 * YAML 1.2's core schema for js-yaml, and the same resolution of plain scalars for src/core/front-matter/yaml-subset.ts: one
 * definition of what `0x1f`, `~` or `True` mean, whichever reader reads a file.
 *
 * js-yaml's JSON schema resolves a few plain scalars differently from the core schema, which the `yaml` package
 * uses to read files with anchors and to write new ones (`0b101` is a number to one and text to the other; `+.5`
 * the other way round). These types are the core schema's own, so every file reads the same whichever parser reads
 * it, and what `ideas new` writes reads back as written.
 */
import { createRequire } from 'node:module';

// js-yaml's CommonJS build, the one gray-matter loads too (package.json's overrides give gray-matter js-yaml 4
// instead of the js-yaml 3 it asks for, whose JavaScript types were never used): one copy loaded, not two or three.
export const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml');

/**
 * Every number of the core schema starts with a digit, a sign or a dot, and has no dash after that but the sign of
 * an exponent: most plain scalars in an idea (names, titles, keys, and dates) are ruled out before any regular
 * expression runs.
 */
function mayBeNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false;
  const dash = s.indexOf('-', 1);
  return dash === -1 || (s.charCodeAt(dash - 1) | 32) === 101; /* e or E */
}

const isNull = (s: string): boolean =>
  s.length <= 4 && (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL');
const isBool = (s: string): boolean =>
  s === 'true' || s === 'True' || s === 'TRUE' || s === 'false' || s === 'False' || s === 'FALSE';
const toBool = (s: string): boolean => s === 'true' || s === 'True' || s === 'TRUE';
const isInt = (s: string): boolean => mayBeNumber(s) && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(s);
const toInt = (s: string): number =>
  s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10);
const isFloat = (s: string): boolean =>
  mayBeNumber(s) &&
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(s);
const toFloat = (s: string): number =>
  /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : parseFloat(s);

function coreType(
  name: string,
  resolve: (s: string) => boolean,
  construct: (s: string) => unknown,
  predicate: (v: unknown) => boolean,
) {
  return new jsYaml.Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve,
    construct,
    predicate,
    represent: (v: object) => String(v),
  });
}

// js-yaml tries these in this order on every plain scalar; resolveCoreScalar below keeps the same order.
const coreTypes = [
  coreType(
    'null',
    isNull,
    () => null,
    (v) => v === null,
  ),
  coreType('bool', isBool, toBool, (v) => typeof v === 'boolean'),
  coreType('int', isInt, toInt, (v) => typeof v === 'number' && Number.isInteger(v)),
  coreType('float', isFloat, toFloat, (v) => typeof v === 'number'),
];
export const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: coreTypes });

/** What a plain (unquoted) scalar means under the core schema, as js-yaml resolves it with the types above. */
export function resolveCoreScalar(s: string): unknown {
  if (isNull(s)) return null;
  if (isBool(s)) return toBool(s);
  if (!mayBeNumber(s)) return s;
  if (isInt(s)) return toInt(s);
  if (isFloat(s)) return toFloat(s);
  return s;
}
