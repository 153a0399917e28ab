/**
 * What a command prints, as data: a presenter returns the text for stdout and stderr, in the order written, and the
 * exit code; the wiring writes it. Presenters never touch a stream, so each is a pure function a test can call.
 */
import type { ChalkInstance } from 'chalk';
import { LazyList } from './lazy-list.js';
import { terminalText } from '../core/terminal-text.js';
import type { Dto } from './dto.js';

/** A stream the wiring writes to (stdout, stderr), as much of it as the presenters and the writer need to know. */
export interface OutputStream {
  /** False when the stream holds more than it wants: the writer waits for `drain` (a pipe to a slow reader). */
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Write {
  to: 'stdout' | 'stderr';
  /**
   * The text, or its pieces in order: a document of 10,000 ideas is made piece by piece as it is written, never
   * held whole (a string of megabytes, and the bytes it becomes on the way out, would double a command's memory).
   */
  text: string | Iterable<string>;
}

export interface Output {
  writes: Write[];
  exitCode: number;
}

/** How the terminal the output goes to looks: colours per stream, widths, and the day. */
export interface View {
  /** Colours for text on stdout and on stderr (no colour off a terminal, or with NO_COLOR). */
  out: ChalkInstance;
  err: ChalkInstance;
  /** Columns of stdout when it is a terminal, else 80. */
  outWidth: number;
  /** Columns of stderr as the stream reports them, else 80. */
  errWidth: number;
  outIsTTY: boolean;
  today: Date;
  cwd: string;
}

export const EXIT = { ok: 0, problems: 1, usage: 2, cancelled: 130 } as const;

/** Collects writes in order: `o.out(text)`, `o.err(text)`, then `o.done(exitCode)`. */
export function output() {
  const writes: Write[] = [];
  return {
    out(text: string | Iterable<string>) {
      if (text !== '') writes.push({ to: 'stdout', text });
    },
    err(text: string) {
      if (text !== '') writes.push({ to: 'stderr', text });
    },
    done(exitCode: number = EXIT.ok): Output {
      return { writes, exitCode };
    },
  };
}

/**
 * A document meant for a file or another program (CSV, Markdown), as written to stdout: where stdout is a terminal
 * (`ideas export` typed without `> file`), its text from idea files is made safe as terminalText makes it, since a
 * terminal obeys the escape sequences a title may hold; into a file or a pipe, byte for byte as it is.
 */
export function documentOut(text: string | Iterable<string>, v: Pick<View, 'outIsTTY'>): string | Iterable<string> {
  if (!v.outIsTTY) return text;
  if (typeof text === 'string') return terminalText(text);
  return (function* () {
    for (const piece of text) yield terminalText(piece);
  })();
}

/** One JSON document, as every `--json` prints it: dto.ts builds it, and nothing else is written as JSON. */
export function jsonText(doc: Dto): string {
  return `${escapeInvisible(JSON.stringify(doc, null, 2))}\n`;
}

/** Whether JSON.stringify leaves out a value of an object (undefined, a function, a symbol). */
function leftOut(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * jsonText of a document (an object whose values are plain data), in pieces: each element of an array (or LazyList)
 * among its values on its own, so that a list of 10,000 ideas is never one string. The text is jsonText's, byte for
 * byte.
 */
export function* jsonParts(doc: Dto): Generator<string> {
  const entries = Object.entries(doc).filter(([, value]) => !leftOut(value));
  yield '{';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    const list =
      value instanceof LazyList || Array.isArray(value) ? (value as ArrayLike<unknown> & Iterable<unknown>) : null;
    if (!list || list.length === 0) {
      yield `\n  ${JSON.stringify(key)}: ${escapeInvisible(indented(JSON.stringify(value, null, 2), '  '))}${comma}`;
      continue;
    }
    yield `\n  ${JSON.stringify(key)}: [`;
    let j = 0;
    for (const item of list) {
      // In an array, what JSON.stringify cannot write is null.
      const text = JSON.stringify(item, null, 2) ?? 'null';
      yield `\n    ${escapeInvisible(indented(text, '    '))}${++j < list.length ? ',' : ''}`;
    }
    yield `\n  ]${comma}`;
  }
  yield entries.length > 0 ? '\n}\n' : '}\n';
}

function indented(text: string, pad: string): string {
  return text.includes('\n') ? text.replaceAll('\n', `\n${pad}`) : text;
}

function escapeInvisible(json: string): string {
  // Tested first: a replace that finds nothing still copies the text (3.6 MB of validate's JSON at 10,000 ideas).
  if (!HAS_INVISIBLE_IN_JSON.test(json)) return json;
  return json.replace(INVISIBLE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Characters JSON.stringify leaves as they are but a terminal acts on, or that change how the text around them reads:
 * DEL and the C1 controls (U+009B is a CSI to many terminals), the line and paragraph separators, and the
 * bidirectional overrides and isolates. They can only stand inside strings, where `\uXXXX` means the same.
 */
const INVISIBLE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_INVISIBLE_IN_JSON = new RegExp(INVISIBLE_IN_JSON.source);
