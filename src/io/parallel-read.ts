/**
 * Reading and checking thousands of idea files on more than one thread. A first run of `ideas validate` or
 * `ideas list` spends most of its time opening, reading and parsing files one after another, while the machine's
 * other cores wait; above a size where it pays (MIN_FILES_PER_THREAD), worker threads take their share.
 *
 * The answer is the one a single thread gives, in the same order: every file is computed by the same function (the
 * main thread makes it from the same factory the workers load), and results go into the slot of their file. The
 * work is handed out in batches through a shared counter, so a worker that starts late, or runs slowly on a busy
 * machine, only takes fewer; the main thread never waits for a batch no worker took. Whatever goes wrong in a worker
 * (its code throws, it stops answering), the main thread computes the batches it did not finish: a worker can make
 * a run faster, never different. The results travel by structured clone, so a mapping comes back with a prototype,
 * as one from the cache does (src/core/sluice/idea.ts copies it into one without).
 *
 * Everything stays synchronous for the caller: the main thread takes the workers' results off their ports with
 * receiveMessageOnPort, sleeping on Atomics.wait in between, so the readers' callers need not change.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { faultPoint } from './faults.js';
import type { IdeaFileEntry } from './idea-files.js';

/** A file's bytes, or why they could not be read. A symbolic link (or a name that is not UTF-8) is never read, nor followed: its bytes are empty. */
export type FileBytes = { ok: true; bytes: Uint8Array } | { ok: false; error: NodeJS.ErrnoException };

/** What one file comes to. */
export type Compute<V> = (entry: IdeaFileEntry, file: FileBytes) => V;

/**
 * The same computation for a worker thread: the module (its URL) whose export `name` makes it from `init`, which
 * must survive a structured clone. The caller's own computation must be that export applied to that `init`.
 */
export interface RemoteTask {
  module: string;
  name: string;
  init: unknown;
}

/** How many files make a worker worth its start: loading the modules, and the JIT's warming up, again. */
const MIN_FILES_PER_THREAD = 2_500;
/**
 * At most this many workers: the files come from one disk, each worker costs its start, and its isolate ~17 MB. At
 * 10,000 ideas two of them took `ideas list` and `ideas validate` over the 120 MB asked of a read command (125 to 127
 * MB with IDEAS_WORKERS=2, on a machine of four cores or more what the load would give); one, 104 to 108.
 */
const MAX_WORKERS = 1;
/** Files in a batch at most; fewer when there are few files, so that every thread gets some. */
const MAX_BATCH = 64;
/** A worker that finishes no batch for this long is not waited for: the main thread does its batches. */
const STALL_MS = 5_000;
/**
 * A worker's heap: a small young generation (the default grows to 16 MB a half) keeps a worker to a few MB, for it
 * keeps nothing but the batch at hand.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * A listed file's bytes, and the key of the cache they were read with (null when the file is not to be kept): the
 * reading of src/io/read-ideas.ts, which alone knows the cache.
 */
export type ReadFile<K> = (entry: IdeaFileEntry) => { file: FileBytes; key: K | null };

/** The number of workers IDEAS_WORKERS asks for (at most 16), whatever the work and the machine; null when unset. */
export function workersAsked(env: NodeJS.ProcessEnv): number | null {
  const asked = env.IDEAS_WORKERS;
  return asked !== undefined && /^\d{1,2}$/.test(asked) ? Math.min(Number(asked), 16) : null;
}

/**
 * How many workers to start for `files` files: one less than the cores the last minute's load leaves idle, since on
 * a busy machine a worker only competes for the same cores, and never more than the cores less two. One core is the
 * main thread's (the load counts it: a command's runs one after another make a load of about one) and one is V8's
 * own: its compiler and garbage collector work on threads of their own, a third of a first run's CPU time, so on two
 * cores a worker only takes time from them (measured on 10,000 ideas: the main thread 15% faster, the whole 25% more
 * CPU). None below MIN_FILES_PER_THREAD files each. IDEAS_WORKERS sets the number whatever the size and the load,
 * and then the workers do every batch (the main thread only waits, or steps in for a worker that fails): for tests
 * and measurements.
 */
function workersFor(files: number, env: NodeJS.ProcessEnv = process.env): { count: number; alone: boolean } {
  const asked = workersAsked(env);
  if (asked !== null) return { count: asked, alone: asked > 0 };
  const cores = availableParallelism();
  // The load of the last minute counts this command's own runs too (one after another, they make about one).
  const idle = Math.round(cores - (loadavg()[0] ?? 0));
  return {
    count: Math.max(0, Math.min(idle - 1, cores - 2, MAX_WORKERS, Math.floor(files / MIN_FILES_PER_THREAD) - 1)),
    alone: false,
  };
}

const workerFile = new URL('./read-worker.js', import.meta.url);

/** Slots of the shared counters. */
const CLAIMED = 0;
const POSTED = 1;

interface WorkerInput {
  remote: RemoteTask;
  entries: IdeaFileEntry[];
  /** Files in a batch. */
  size: number;
  /** The step between the batches taken one after another (see spreadStep). */
  step: number;
  control: SharedArrayBuffer;
  port: MessagePort;
}

type WorkerMessage = { batch: number; values: unknown[]; keys: unknown[] } | { error: string };

/**
 * What each of `entries` comes to (read, then computed), with the key each was read with, in their order; on
 * worker threads as well when `remote` is given and there are enough files. `onEach` is told of every file, with its
 * index, value and key, in the files' order: as soon as the file and every one before it are done (a batch a worker
 * sends back before an earlier one waits for it), so that a caller can write what it keeps of them as they come.
 */
export function computeFiles<V, K>(
  entries: readonly IdeaFileEntry[],
  read: ReadFile<K>,
  compute: Compute<V>,
  remote: RemoteTask | undefined,
  onEach?: (index: number, value: V, key: K | null) => void,
  spread = false,
): { values: V[]; keys: (K | null)[] } {
  const n = entries.length;
  const values = new Array<V>(n);
  const keys = new Array<K | null>(n);
  /** Which files are done, and how many from the first on have been given to onEach. */
  const ready = new Uint8Array(n);
  let given = 0;
  const settle = (i: number, value: V, key: K | null) => {
    values[i] = value;
    keys[i] = key;
    ready[i] = 1;
    for (; given < n && ready[given] === 1; given++) onEach?.(given, values[given] as V, keys[given] as K | null);
  };
  const { count, alone } = remote ? workersFor(n) : { count: 0, alone: false };
  const size = batchSize(n, count);
  const batches = Math.ceil(n / size);
  const step = spread ? spreadStep(batches) : 1;
  // The k-th batch taken, by any thread, is batch (k × step) mod batches: see spreadStep.
  const run = (k: number) => {
    const b = (k * step) % batches;
    readAhead(entries, b * size, Math.min(n, (b + 1) * size), read, (i, file, key) =>
      settle(i, compute(entries[i] as IdeaFileEntry, file), key),
    );
  };
  const control = new Int32Array(new SharedArrayBuffer(8));
  const pool =
    remote && count > 0
      ? startWorkers(count, { remote, entries: [...entries], size, step, control: control.buffer })
      : [];
  if (pool.length === 0) {
    for (let b = 0; b < batches; b++) run(b);
    return { values, keys };
  }
  const done = new Uint8Array(batches);
  let missing = batches;
  // The main thread's share: batches no worker has taken yet.
  if (!alone) {
    for (let b = Atomics.add(control, CLAIMED, 1); b < batches; b = Atomics.add(control, CLAIMED, 1)) {
      run(b);
      done[b] = 1;
      missing--;
    }
  }
  // The batches workers took: their results, as they come.
  let failed = false;
  let posted = Atomics.load(control, POSTED);
  let lastProgress = Date.now();
  while (missing > 0 && !failed) {
    for (const { port } of pool) {
      for (let m = threads?.receiveMessageOnPort(port); m; m = threads?.receiveMessageOnPort(port)) {
        const message = m.message as WorkerMessage;
        if ('error' in message) {
          failed = true;
          continue;
        }
        if (done[message.batch]) continue;
        const from = ((message.batch * step) % batches) * size;
        message.values.forEach((value, k) => settle(from + k, value as V, (message.keys[k] as K | undefined) ?? null));
        done[message.batch] = 1;
        missing--;
      }
    }
    if (missing === 0 || failed) break;
    if (Atomics.wait(control, POSTED, posted, 100) !== 'timed-out' || Atomics.load(control, POSTED) !== posted) {
      posted = Atomics.load(control, POSTED);
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > STALL_MS) failed = true;
  }
  // A worker that failed or stalled: its batches are done here, as they would have been without it.
  for (let b = 0; b < batches && missing > 0; b++) {
    if (done[b]) continue;
    run(b);
    done[b] = 1;
    missing--;
  }
  for (const { worker, port } of pool) {
    port.close();
    void worker.terminate().catch(() => undefined);
  }
  return { values, keys };
}

/** The bytes a thread reads ahead of its parsing at most: files far larger than an idea are parsed as they come. */
const READ_AHEAD_BYTES = 1_000_000;

/**
 * The files `from` to `to`, each given to `each` with its index: read a run of them first, then each of the run in
 * turn. Reading a file and then parsing it, 10,000 times over, made each open, fstat and read cost about half as much
 * again as in a loop that only reads (the kernel's path lookup and the parser take turns with the processor's
 * caches): a first `validate` at 10,000 ideas spent 170 to 245 ms in those calls, against 120 to 170 read a batch
 * of 64 at a time (docs/performance.md). A run ends at READ_AHEAD_BYTES, so that a folder of large files (hostile,
 * or a mistake) is never held a batch at once.
 */
function readAhead<K>(
  entries: readonly IdeaFileEntry[],
  from: number,
  to: number,
  read: ReadFile<K>,
  each: (index: number, file: FileBytes, key: K | null) => void,
): void {
  for (let start = from; start < to;) {
    const run: ReturnType<ReadFile<K>>[] = [];
    let bytes = 0;
    for (let i = start; i < to && bytes < READ_AHEAD_BYTES; i++) {
      const got = read(entries[i] as IdeaFileEntry);
      if (got.file.ok) bytes += got.file.bytes.length;
      run.push(got);
    }
    run.forEach(({ file, key }, k) => each(start + k, file, key));
    start += run.length;
  }
}

/**
 * The step between the batches taken one after another: about a seventh of the registry, and prime to the number of
 * batches, so that every batch is taken once. The files are listed folder by folder, and a registry's later stages
 * hold ideas of other shapes (more fields, block texts, histories of many entries). Read in that order, the first
 * thousands of files taught V8's optimizing compiler the shapes of the first stage only, and it compiled the reader
 * anew for each shape a later folder brought (20 to 30 deoptimizations in a first `ideas list`); taken across the
 * registry from the start, the reader meets them all in its first few hundred files (docs/performance.md). Results
 * still go to their files' places, and onEach still hears of them in the files' order: so only for readings whose
 * results are small (computeFiles's `spread`), since onEach, which writes the cache, then hears of most files only
 * at the end, and a site's whole ideas written to the cache at once took its peak from ~222 to ~237 MB.
 */
export function spreadStep(batches: number): number {
  if (batches < 3) return 1;
  let step = Math.max(1, Math.round(batches / 7));
  while (gcd(step, batches) !== 1) step++;
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Batches of up to MAX_BATCH files, small enough that each of the threads gets several. */
function batchSize(files: number, workers: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(files / (workers + 1) / 4)));
}

let threads: typeof import('node:worker_threads') | undefined;

/** Workers that start taking batches as soon as they have loaded; none when they cannot be started. */
function startWorkers(count: number, input: Omit<WorkerInput, 'port'>): { worker: Worker; port: MessagePort }[] {
  // Run from the TypeScript sources (the unit tests), there is no worker script: one thread does it all.
  if (count === 0 || !existsSync(fileURLToPath(workerFile))) return [];
  const pool: { worker: Worker; port: MessagePort }[] = [];
  try {
    // Loaded only here: most runs start no worker, and the module costs a few ms to load.
    threads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const { MessageChannel, Worker } = threads;
    for (let k = 0; k < count; k++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(workerFile, {
        workerData: { ...input, port: port2 } satisfies WorkerInput,
        transferList: [port2],
        stdout: true,
        stderr: true,
        resourceLimits: WORKER_LIMITS,
      });
      // A worker never keeps the process alive, nor stops it: whatever it does, the main thread does its batches.
      worker.unref();
      worker.on('error', () => undefined);
      pool.push({ worker, port: port1 });
    }
  } catch {
    // No thread could be started (a limit of the system): the ones that did still help.
  }
  return pool;
}

/** A worker's side (src/io/read-worker.ts): batches taken from the shared counter until none is left. */
export async function workBatches<K>(input: WorkerInput, read: ReadFile<K>): Promise<void> {
  const { remote, entries, size, step, port } = input;
  const control = new Int32Array(input.control);
  const batches = Math.ceil(entries.length / size);
  const post = (message: WorkerMessage) => {
    port.postMessage(message);
    Atomics.add(control, POSTED, 1);
    Atomics.notify(control, POSTED);
  };
  try {
    const factory = ((await import(remote.module)) as Record<string, unknown>)[remote.name];
    if (typeof factory !== 'function') throw new Error(`${remote.module} has no task ${remote.name}`);
    const compute = (factory as (init: unknown) => Compute<unknown>)(remote.init);
    for (let b = Atomics.add(control, CLAIMED, 1); b < batches; b = Atomics.add(control, CLAIMED, 1)) {
      faultPoint('read:worker');
      const values: unknown[] = [];
      const keys: (K | null)[] = [];
      const at = ((b * step) % batches) * size;
      readAhead(entries, at, Math.min(entries.length, at + size), read, (i, file, key) => {
        values.push(compute(entries[i] as IdeaFileEntry, file));
        keys.push(key);
      });
      post({ batch: b, values, keys });
    }
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    port.close();
  }
}
