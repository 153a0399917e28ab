/**
 * Test hooks for the promise that a failure at any step leaves every idea whole in exactly one place. Every write
 * names its steps with `faultPoint('<area>:<step>')`; the crash tests find them in the source and kill each one.
 * `IDEAS_FAULT` picks one step (`<step>@<n>`: its n-th visit, counted from 1) and what happens there:
 * - `<step>` throws an error there;
 * - `kill:<step>` kills the process there with SIGKILL, as `kill -9` or a power cut would, with no chance to clean up;
 * - `errno:<CODE>:<step>` throws an error such as fs throws, with that code (ENOSPC: a full disk, EROFS, EACCES…);
 * - `pause:<step>` stops there until the file `go` appears in the folder `IDEAS_FAULT_DIR`, after writing
 *   `paused-<pid>` there: a race test holds two processes at one step, then lets both go at once.
 * `IDEAS_FAULT_TRACE=<file>` appends `<pid> <step>` to the file at every step reached, so a test sees the order in
 * which processes passed them (one `write` with O_APPEND per line: lines of two processes never mix).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const visits = new Map<string, number>();

/**
 * The process's own two settings, read at its first step: a command's environment does not change while it runs, and
 * each read of process.env goes through Node's interceptor (~0.6 µs), at every page of a site of 10,000.
 */
let own: { trace: string | undefined; fault: string | undefined } | undefined;

export function faultPoint(step: string, env: NodeJS.ProcessEnv = process.env): void {
  const settings =
    env === process.env
      ? (own ??= { trace: env.IDEAS_FAULT_TRACE, fault: env.IDEAS_FAULT })
      : { trace: env.IDEAS_FAULT_TRACE, fault: env.IDEAS_FAULT };
  const { trace, fault } = settings;
  if (trace) appendFileSync(trace, `${process.pid} ${step}\n`);
  if (!fault) return;
  const n = (visits.get(step) ?? 0) + 1;
  visits.set(step, n);
  const m = /^(?:(kill|pause|errno:[A-Z]+):)?(.+?)(?:@(\d+))?$/.exec(fault);
  if (!m || m[2] !== step || (m[3] !== undefined && Number(m[3]) !== n)) return;
  const kind = m[1];
  if (kind === undefined) throw new Error(`injected fault at ${step}`);
  if (kind === 'kill') process.kill(process.pid, 'SIGKILL');
  if (kind === 'pause') return pause(env.IDEAS_FAULT_DIR ?? '.');
  const code = kind.slice('errno:'.length);
  throw Object.assign(new Error(`${code}: injected at ${step}`), { code, errno: -1, syscall: 'write' });
}

/** Waits without a timer of its own: the test decides when to go (and kills the process if it never does). */
function pause(dir: string): void {
  writeFileSync(path.join(dir, `paused-${process.pid}`), '');
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(path.join(dir, 'go'))) Atomics.wait(cell, 0, 0, 5);
}
