/**
 * What a command prints, as data: a presenter returns the text for stdout and stderr, in the order written, and the
 * exit code; the wiring writes it. Presenters never touch a stream, so each is a pure function a test can call.
 */
import type { ChalkInstance } from 'chalk';

export interface Write {
  to: 'stdout' | 'stderr';
  text: string;
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
    out(text: string) {
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

/** One JSON document, as every `--json` prints it. */
export function jsonText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2).replace(INVISIBLE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * Characters JSON.stringify leaves as they are but a terminal acts on, or that change how the text around them reads:
 * DEL and the C1 controls (U+009B is a CSI to many terminals), the line and paragraph separators, and the
 * bidirectional overrides and isolates. They can only stand inside strings, where `\uXXXX` means the same.
 */
const INVISIBLE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
