/**
 * The regular-expression engine for criteria schemas (`pattern`, `patternProperties`): RE2's, through re2js, a pure
 * JavaScript port that matches in time linear in the text. JavaScript's own engine backtracks: `^(a+)+$` against
 * thirty `a`s and a `b` takes minutes, so a criteria file could hang every command that reads the registry.
 *
 * A pattern must first be valid JavaScript with the `u` flag, as JSON Schema and ajv require; it is then written in
 * RE2's syntax with JavaScript's meaning: `.`, `\s` and `\S`, `[]` and `[^]` mean what they mean in JavaScript, not
 * in RE2. What RE2 cannot do in linear time (lookaround, back-references) is refused, naming the pattern.
 */
import { createRequire } from 'node:module';
import { localize, type Localized } from '../i18n/i18n.js';

type Re2 = { test(input: string): boolean };
type Re2Class = { compile(pattern: string, flags?: number): Re2 };

let re2js: Re2Class | undefined;

// Loaded on first use: most commands never compile a criteria schema, and the module is a quarter of a megabyte.
function engine(): Re2Class {
  if (!re2js) {
    const require = createRequire(import.meta.url);
    re2js = (require('re2js') as { RE2JS: Re2Class }).RE2JS;
  }
  return re2js;
}

export type PatternProblem = 'invalid' | 'lookaround' | 'backreference' | 'unsupported';

/** A pattern that cannot be used, and why: the message names the pattern, in English as ajv's own errors do. */
export class PatternError extends Error {
  readonly pattern: string;
  readonly problem: PatternProblem;
  /** Why, in the registry's languages: this module's own words, or the engine's (JavaScript's, RE2's) as it said them. */
  readonly detail: Localized;

  constructor(pattern: string, problem: PatternProblem, detail: Localized | string) {
    const said = typeof detail === 'string' ? { sv: detail, en: detail } : detail;
    super(`pattern ${JSON.stringify(pattern)}: ${said.en}`);
    this.name = 'PatternError';
    this.pattern = pattern;
    this.problem = problem;
    this.detail = said;
  }
}

// JavaScript's \s: ECMAScript's WhiteSpace and LineTerminator, as code point ranges.
const SPACE: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const MAX = 0x10ffff;
/** RE2's largest repeat count, for every pattern, whichever engine runs it. */
const MAX_REPEAT = 1000;

function hex(n: number): string {
  return `\\x{${n.toString(16)}}`;
}

function ranges(list: [number, number][]): string {
  return list.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

function complement(list: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of list) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

const SPACE_ITEMS = ranges(SPACE);
const NOT_SPACE_ITEMS = ranges(complement(SPACE));
const ANY_ITEMS = ranges([[0, MAX]]);
// JavaScript's `.` without the s flag: any code point but a line terminator.
const DOT = `[^${ranges([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
])}]`;

/** General categories by their long names, which JavaScript accepts and RE2 does not. */
const CATEGORIES: Record<string, string> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Private_Use: 'Co',
  Unassigned: 'Cn',
};

/**
 * A JavaScript pattern (valid with the `u` flag) in RE2's syntax, with the same meaning, and how many choice points
 * a backtracking engine meets in it.
 */
export function translatePattern(pattern: string): { source: string; choices: number } {
  const refuse = (problem: PatternProblem, detail: Localized): never => {
    throw new PatternError(pattern, problem, detail);
  };
  let i = 0;
  let out = '';

  const codePointEscape = (): number => {
    // After `\u`: {hex…} or four hex digits, a surrogate pair written as two escapes making one code point.
    if (pattern[i] === '{') {
      const end = pattern.indexOf('}', i);
      const n = parseInt(pattern.slice(i + 1, end), 16);
      i = end + 1;
      return n;
    }
    const n = parseInt(pattern.slice(i, i + 4), 16);
    i += 4;
    if (n >= 0xd800 && n <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(pattern.slice(i, i + 6))) {
      const low = parseInt(pattern.slice(i + 2, i + 6), 16);
      i += 6;
      return 0x10000 + ((n - 0xd800) << 10) + (low - 0xdc00);
    }
    if (n >= 0xd800 && n <= 0xdfff)
      refuse('unsupported', localize('err.patternSurrogate', { code: `\\u${n.toString(16)}` }));
    return n;
  };

  const property = (negated: boolean): string => {
    const end = pattern.indexOf('}', i);
    const body = pattern.slice(i + 1, end);
    i = end + 1;
    const [name, value] = body.includes('=') ? body.split('=', 2) : [body, undefined];
    let re2Name: string;
    if (value === undefined) re2Name = CATEGORIES[name ?? ''] ?? name ?? '';
    else if (name === 'General_Category' || name === 'gc') re2Name = CATEGORIES[value] ?? value;
    else if (name === 'Script' || name === 'sc') re2Name = value;
    else return refuse('unsupported', localize('err.patternProperty', { property: `\\p{${body}}` }));
    return `\\${negated ? 'P' : 'p'}{${re2Name}}`;
  };

  /** One escape after `\`, `i` at the character after it; `inClass` for escapes inside brackets. */
  const escape = (inClass: boolean): string => {
    const ch = pattern[i++] ?? '';
    switch (ch) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return `\\${ch}`;
      case 'b':
        return inClass ? hex(8) : '\\b';
      case 'B':
        return '\\B';
      case 's':
        return inClass ? SPACE_ITEMS : `[${SPACE_ITEMS}]`;
      case 'S':
        return inClass ? NOT_SPACE_ITEMS : `[^${SPACE_ITEMS}]`;
      case 't':
        return hex(9);
      case 'n':
        return hex(10);
      case 'v':
        return hex(11);
      case 'f':
        return hex(12);
      case 'r':
        return hex(13);
      case '0':
        return hex(0);
      case 'c': {
        const letter = pattern.charCodeAt(i++);
        return hex(letter % 32);
      }
      case 'x': {
        const n = parseInt(pattern.slice(i, i + 2), 16);
        i += 2;
        return hex(n);
      }
      case 'u':
        return hex(codePointEscape());
      case 'p':
      case 'P':
        return property(ch === 'P');
      case 'k':
        return refuse('backreference', localize('err.patternBackreference'));
      default:
        if (/[1-9]/.test(ch)) return refuse('backreference', localize('err.patternBackreference'));
        // A syntax character, `/` or `-`, escaped to stand for itself.
        return `\\${ch}`;
    }
  };

  const characterClass = (): string => {
    // `i` is after `[`.
    const negated = pattern[i] === '^';
    if (negated) i++;
    if (pattern[i] === ']') {
      i++;
      // JavaScript's `[]` matches nothing and `[^]` any character; in RE2 a `]` first in brackets is a literal.
      return negated ? `[${ANY_ITEMS}]` : `[^${ANY_ITEMS}]`;
    }
    let items = '';
    while (i < pattern.length && pattern[i] !== ']') {
      const ch = pattern[i++] ?? '';
      if (ch === '\\') items += escape(true);
      // Literal in JavaScript, but `[:`, `[=` and `[.` start POSIX classes in RE2.
      else if (ch === '[' || ch === '^') items += `\\${ch}`;
      else items += ch;
    }
    i++;
    return `[${negated ? '^' : ''}${items}]`;
  };

  // Choice points, for the fast path (see `linearRegExp`): alternatives, and quantifiers that may repeat a
  // varying number of times; a `?` after a quantifier only makes it lazy.
  let choices = 0;
  let afterQuantifier = false;
  let afterGroup = false;
  while (i < pattern.length) {
    const ch = pattern[i++] ?? '';
    const quantifierBefore: boolean = afterQuantifier;
    const groupBefore: boolean = afterGroup;
    afterQuantifier = false;
    afterGroup = false;
    if (ch === '\\') out += escape(false);
    else if (ch === '[') out += characterClass();
    else if (ch === '.') out += DOT;
    else if (ch === '(') {
      if (pattern.startsWith('?=', i) || pattern.startsWith('?!', i))
        refuse('lookaround', localize('err.patternLookaround'));
      if (pattern.startsWith('?<=', i) || pattern.startsWith('?<!', i))
        refuse('lookaround', localize('err.patternLookaround'));
      if (pattern.startsWith('?<', i)) {
        // A named group: the name does not matter to a test, and JavaScript allows names RE2 does not.
        i = pattern.indexOf('>', i) + 1;
        out += '(';
      } else if (pattern[i] === '?') {
        // `(?:` or a group with modifiers, `(?i:`, which RE2 writes the same way.
        const colon = pattern.indexOf(':', i);
        out += pattern.slice(i - 1, colon + 1);
        i = colon + 1;
      } else out += '(';
    } else if (ch === '*' || ch === '+' || ch === '?') {
      if (!(ch === '?' && quantifierBefore)) choices++;
      afterQuantifier = ch !== '?' || !quantifierBefore;
      out += ch;
    } else if (ch === '{') {
      // With the u flag a `{` is always a quantifier: {n}, {n,} or {n,m}.
      const end = pattern.indexOf('}', i);
      const [min, max] = pattern.slice(i, end).split(',');
      if (Number(min) > MAX_REPEAT || Number(max ?? 0) > MAX_REPEAT)
        refuse('unsupported', localize('err.patternRepeat', { max: MAX_REPEAT }));
      // A fixed repeat of a group repeats the choice points inside it: `^(a*){30}$` backtracks as thirty `a*`s do.
      if ((max !== undefined && max !== min) || groupBefore) choices++;
      out += pattern.slice(i - 1, end + 1);
      i = end + 1;
      afterQuantifier = true;
    } else {
      if (ch === '|') choices++;
      afterGroup = ch === ')';
      out += ch;
    }
  }
  return { source: out, choices };
}

export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

const compiled = new Map<string, LinearRegExp>();
const MEMO_TEXT_LENGTH = 64;
const MEMO_ENTRIES = 1024;

/** The pattern parsed by JavaScript (compiled, never run), or a PatternError: JSON Schema means JavaScript's syntax. */
function javascriptRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (e) {
    throw new PatternError(pattern, 'invalid', (e as Error).message);
  }
}

/** The pattern on RE2's engine, whatever its shape. */
export function re2RegExp(pattern: string): LinearRegExp {
  javascriptRegExp(pattern);
  return onRe2(pattern, translatePattern(pattern).source);
}

function onRe2(pattern: string, source: string): LinearRegExp {
  let re: Re2;
  try {
    re = engine().compile(source);
  } catch (e) {
    throw new PatternError(pattern, 'unsupported', (e as Error).message);
  }
  // Property names and short values repeat from idea to idea (every idea has an `id`, a `title`, a `created`), and
  // RE2 takes microseconds where JavaScript takes nanoseconds: short texts are answered once per pattern.
  const known = new Map<string, boolean>();
  return {
    test: (input) => {
      if (input.length > MEMO_TEXT_LENGTH) return re.test(input);
      let answer = known.get(input);
      if (answer === undefined) {
        answer = re.test(input);
        if (known.size < MEMO_ENTRIES) known.set(input, answer);
      }
      return answer;
    },
    toString: () => pattern,
  };
}

/**
 * A compiled pattern whose `test` runs in time linear in the text: ajv's `code.regExp` engine. It is compiled once
 * per pattern; a pattern that is not valid JavaScript, or that RE2 cannot match, is a PatternError.
 *
 * Most criteria patterns are simple (`^[0-9]{3}-[0-9]{4}$`, `\S`, `^\p{Lu}\p{L}*$`), and JavaScript's engine
 * runs them a hundred times faster than RE2's without loading it: a backtracking engine backtracks only at choice
 * points, so a pattern with none, or with one and anchored at the start, is linear there too. Every other pattern
 * runs on RE2. Either way lookaround and back-references are refused, so that a pattern's fate never depends on
 * its shape.
 */
export function linearRegExp(pattern: string): LinearRegExp {
  const done = compiled.get(pattern);
  if (done) return done;
  const native = javascriptRegExp(pattern);
  const { source, choices } = translatePattern(pattern);
  const made =
    choices === 0 || (choices === 1 && pattern.startsWith('^'))
      ? { test: (input: string) => native.test(input), toString: () => pattern }
      : onRe2(pattern, source);
  compiled.set(pattern, made);
  return made;
}

/**
 * ajv's `code.regExp` option. Its `code` is what standalone validators would call instead; criteria are compiled
 * at run time only (the package's own schemas, compiled at build time, have fixed patterns), so it refuses loudly.
 */
export const linearRegExpEngine = Object.assign((pattern: string) => linearRegExp(pattern), {
  code: '(() => { throw new Error("criteria validators are compiled at run time, not standalone"); })',
});
