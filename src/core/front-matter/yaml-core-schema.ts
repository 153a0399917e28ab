/**
 * What a plain (unquoted) scalar means under YAML 1.2's core schema: null, a boolean, an integer, a float, or the
 * text itself. The subset reader (src/core/front-matter/yaml-subset.ts) resolves plain scalars with it, as the
 * `yaml` package does with its core schema (yaml-subset.test.ts holds the two equal), so that every file reads the
 * same whichever reader reads it, and what `ideas new` writes reads back as written. Dates and words like `yes` stay
 * text, as the core schema says.
 */

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

/** What a plain scalar means under the core schema, tried in the schema's order: null, bool, int, float. */
export function resolveCoreScalar(s: string): unknown {
  // A scalar that starts with a letter other than n, t or f (in either case), or with any character beyond ASCII,
  // is text: null, the booleans and the numbers all start with one of those, `~`, a digit, a sign or a dot. Most
  // values of an idea (names, titles, units) end here.
  const c = s.charCodeAt(0);
  if (c >= 65 && c !== 126 && c !== 78 && c !== 84 && c !== 70 && c !== 110 && c !== 116 && c !== 102) return s;
  if (isNull(s)) return null;
  if (isBool(s)) return toBool(s);
  if (!mayBeNumber(s)) return s;
  if (isInt(s)) return toInt(s);
  if (isFloat(s)) return toFloat(s);
  return s;
}
