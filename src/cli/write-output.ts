/**
 * The one place a command's output reaches its streams: what a presenter returned (src/ui/output.ts), in order, with
 * the stream's pace kept.
 */
import type { Ctx, OutputStream } from '../context.js';
import type { Output } from '../ui/output.js';

/**
 * Writes a chunk, and waits while the stream holds more than it wants: a pipe to a slow reader (`ideas export | gzip`)
 * would otherwise queue the whole document in memory. A reader that goes away ends the process (src/main.ts).
 */
async function put(stream: OutputStream, chunk: string): Promise<void> {
  if (stream.write(chunk) === false && stream.once) await new Promise<void>((done) => stream.once?.('drain', done));
}

/** Writes what a presenter returned, in order, and gives its exit code. */
export async function writeOutput(ctx: Pick<Ctx, 'stdout' | 'stderr' | 'settle'>, output: Output): Promise<number> {
  ctx.settle?.(output.exitCode);
  for (const w of output.writes) {
    const stream = w.to === 'stdout' ? ctx.stdout : ctx.stderr;
    if (typeof w.text === 'string') {
      await put(stream, w.text);
      continue;
    }
    // A text in pieces goes out in pieces of about 64 kB: a write for each would be thousands of system calls.
    let pending: string[] = [];
    let size = 0;
    for (const part of w.text) {
      pending.push(part);
      size += part.length;
      if (size < 65_536) continue;
      await put(stream, pending.join(''));
      pending = [];
      size = 0;
    }
    if (size > 0) await put(stream, pending.join(''));
  }
  return output.exitCode;
}
