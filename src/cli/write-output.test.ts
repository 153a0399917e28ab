import { describe, expect, it } from 'vitest';
import type { OutputStream } from '../context.js';
import { writeOutput } from './write-output.js';

/** A stream that is always full: every write asks the writer to wait for `drain`, which the test gives by hand. */
function fullStream() {
  const chunks: string[] = [];
  const waiting: (() => void)[] = [];
  const stream: OutputStream = {
    write: (chunk: string) => {
      chunks.push(chunk);
      return false;
    },
    once: (_event, listener) => waiting.push(listener),
  };
  return { stream, chunks, waiting };
}

const tick = () => new Promise((done) => setImmediate(done));

describe('writeOutput', () => {
  it('waits for drain before the next chunk when the stream is full, and writes everything in order', async () => {
    const out = fullStream();
    const err = fullStream();
    const piece = 'x'.repeat(40_000);
    const pieces = ['a', 'b', 'c', 'd'].map((c) => c + piece);
    const written = writeOutput(
      { stdout: out.stream, stderr: err.stream },
      {
        writes: [
          { to: 'stdout', text: pieces },
          { to: 'stderr', text: 'done\n' },
        ],
        exitCode: 1,
      },
    );
    await tick();
    // The first 64 kB went out; nothing more until the reader catches up.
    expect(out.chunks).toEqual([pieces[0]! + pieces[1]!]);
    expect(err.chunks).toEqual([]);
    await tick();
    expect(out.chunks).toHaveLength(1);
    out.waiting.shift()?.();
    await tick();
    expect(out.chunks).toEqual([pieces[0]! + pieces[1]!, pieces[2]! + pieces[3]!]);
    expect(err.chunks).toEqual([]);
    out.waiting.shift()?.();
    await tick();
    expect(err.chunks).toEqual(['done\n']);
    err.waiting.shift()?.();
    expect(await written).toBe(1);
  });

  it('does not wait on a stream that takes what it is given', async () => {
    const chunks: string[] = [];
    const code = await writeOutput(
      { stdout: { write: (c: string) => chunks.push(c) }, stderr: { write: () => true } },
      {
        writes: [
          { to: 'stdout', text: 'one' },
          { to: 'stdout', text: ['two', 'three'] },
        ],
        exitCode: 0,
      },
    );
    expect(code).toBe(0);
    expect(chunks).toEqual(['one', 'twothree']);
  });
});
