/**
 * Writes a site's pages on a thread of their own while the main thread makes the next ones. Creating 10,000 files
 * was a third of `ideas site`'s time on this VM's disk, all of it in the kernel; on a second core it runs beside the
 * rendering (docs/performance.md).
 *
 * The worker writes the pages in the order they are given, as the main thread would, and hashes each for the site's
 * marker. Pages travel as strings by structured clone, in batches, and the main thread never has more than
 * MAX_IN_FLIGHT of them, nor MAX_IN_FLIGHT_CHARS of their text, on their way: a slow disk or large ideas hold the
 * rendering back rather than fill memory. A piece of text that pages share (their frame: src/core/file-text.ts) is
 * sent once and encoded once; each page then names it by a number, and only its own pieces travel. A made piece (an
 * idea's Markdown, to be HTML) travels as its source, and the worker makes its text with the maker it loaded at its
 * start, so that this work runs on the second core too; while the worker is behind, the main thread makes them
 * itself rather than wait. Everything stays synchronous for the caller: the main thread waits on a shared counter
 * with Atomics.wait and takes the worker's last message off its port with receiveMessageOnPort.
 *
 * Nothing is lost when the worker fails. A worker that cannot start leaves the writing to the main thread. A failed
 * write (a full disk, a fault injected by a test) ends the worker's work with its error, which the main thread
 * throws as fs would have; a worker that stops answering fails the build after STALL_MS without progress. Either
 * way the caller removes the half-written folder and the old site stays as it was (src/io/site-dir.ts).
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { IdeasError } from '../core/errors.js';
import { unmade, type FileText, type MadeText, type SharedText } from '../core/file-text.js';
import { faultPoint } from './faults.js';
import { workersAsked } from './parallel-read.js';

/** Pages below which a thread costs more to start than it saves. */
export const MIN_PAGES_FOR_THREAD = 500;
/** Pages a message carries, and their text at most (a message goes sooner when its pages are large). */
const BATCH = 32;
const BATCH_CHARS = 1_000_000;
/**
 * Pages sent and not yet written, at most, and their text at most: an idea's text may be 5 MB, and 256 pages of
 * that on their way would be gigabytes where one thread held one page at a time.
 */
const MAX_IN_FLIGHT = 256;
const MAX_IN_FLIGHT_CHARS = 8_000_000;
/**
 * Pages on their way beyond which this thread makes a page's made pieces itself rather than leave them to the
 * worker: it would otherwise wait for a worker that has the writing and the making to do, with nothing to do itself.
 */
const MAKE_HERE_BEYOND = 2 * BATCH;
/** No page written for this long, with pages on their way: the worker is taken for gone (IDEAS_STALL_MS for tests). */
const STALL_MS = 60_000;
const stalled = () => new IdeasError('IO', 'err.siteWriterStalled');

/** Slots of the shared counters: pages written; 1 once the worker's last message is posted; 1 to stop writing. */
const WRITTEN = 0;
const ANSWERED = 1;
const STOP = 2;

/** In a batch, before a made piece's source. */
const MADE = -1;

export interface PageWriterInput {
  control: SharedArrayBuffer;
  port: MessagePort;
  maker: RemoteMaker | null;
}

/** How a made piece's text is made (src/core/file-text.ts): on this thread, and on the writing thread. */
export interface PieceMaker {
  make: (source: string) => string;
  remote: RemoteMaker;
}

/** The module (its URL) whose export `name` makes the maker from `init`, on the writing thread. */
export interface RemoteMaker {
  module: string;
  name: string;
  init: string;
}

interface ErrorShape {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/**
 * A batch: the shared pieces first used in it, numbered on from those sent before, and its pages in one flat array,
 * each as its absolute path, its number of pieces and the pieces (its own text, a shared piece's number, or MADE
 * followed by a made piece's source).
 */
type ToWorker = { shared: string[]; pages: (string | number)[] } | { end: true };
/** The worker's last message: the hashes of the pages it wrote, in their order, or why it stopped. */
type FromWorker = { hashes: string[] } | { error: ErrorShape };

/** The hash of a site's marker: markerHash and markerHashOf give the same text for the same bytes. */
const MARKER_HASH = 'sha256';

/**
 * The hash a site's marker keeps of each page, from its bytes in one or more pieces: what src/io/site-dir.ts checks
 * the files it finds against.
 */
export function markerHash(pieces: Iterable<Uint8Array>): string {
  const h = createHash(MARKER_HASH);
  for (const piece of pieces) h.update(piece);
  return h.digest('hex');
}

/** markerHash of one piece, in one call: without a Hash object for each of 10,000 pages, ~20% less time. */
function markerHashOf(bytes: Uint8Array): string {
  return hash(MARKER_HASH, bytes, 'hex');
}

/**
 * Writes a page (`abs`, its pieces joined: texts, and shared pieces encoded already) into its folder, made once, and
 * returns its hash. The bytes are put together in one buffer kept from page to page: a new buffer for each of
 * 10,000 pages was memory outside V8's heap that its collector let pile up to tens of MB.
 */
export function pageWriting(folders: Set<string>): (abs: string, pieces: readonly (string | Uint8Array)[]) => string {
  let buffer = Buffer.allocUnsafe(64 * 1024);
  return (abs, pieces) => {
    const folder = path.dirname(abs);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    // At most three bytes for each UTF-16 unit.
    let most = 0;
    for (const piece of pieces) most += typeof piece === 'string' ? piece.length * 3 : piece.length;
    if (most > buffer.length) buffer = Buffer.allocUnsafe(most);
    let end = 0;
    for (const piece of pieces) {
      if (typeof piece === 'string') end += buffer.write(piece, end, 'utf8');
      else {
        buffer.set(piece, end);
        end += piece.length;
      }
    }
    const bytes = buffer.subarray(0, end);
    const fd = openSync(abs, 'w');
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
    faultPoint('site:page');
    return markerHashOf(bytes);
  };
}

export interface PageWriter {
  /** Writes (or has the worker write) the next page. */
  write(abs: string, text: FileText): void;
  /** Waits for every page to be written; their hashes, in the order given. */
  finish(): string[];
  /** After a failure elsewhere: the worker, if any, stops and has stopped writing when this returns. */
  abort(): void;
}

const workerFile = new URL('./page-writer-worker.js', import.meta.url);

/**
 * Whether about `pages` pages are worth a thread: many of them, and a second core. IDEAS_WORKERS=0 says never and
 * any other number always (for tests and measurements), as for src/io/parallel-read.ts.
 */
export function wantThread(pages: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const asked = workersAsked(env);
  if (asked !== null) return asked > 0;
  return pages >= MIN_PAGES_FOR_THREAD && availableParallelism() >= 2;
}

/**
 * A writer of about `pages` pages into folders below those in `folders` (made already), whose made pieces `maker`
 * makes (a page with one and no maker is refused).
 */
export function pageWriter(
  pages: number,
  folders: Set<string>,
  maker: PieceMaker | null = null,
  env: NodeJS.ProcessEnv = process.env,
): PageWriter {
  const worker = wantThread(pages, env) ? startWorker(maker?.remote ?? null) : null;
  if (!worker) {
    const write = pageWriting(folders);
    const make = (piece: MadeText) => (maker ? maker.make(piece.source) : unmade());
    const encoded = new WeakMap<SharedText, Buffer>();
    const bytesOf = (piece: SharedText) => {
      let bytes = encoded.get(piece);
      if (!bytes) encoded.set(piece, (bytes = Buffer.from(piece.shared, 'utf8')));
      return bytes;
    };
    const hashes: string[] = [];
    return {
      write: (abs, text) =>
        void hashes.push(
          write(
            abs,
            typeof text === 'string'
              ? [text]
              : text.map((p) => (typeof p === 'string' ? p : 'shared' in p ? bytesOf(p) : make(p))),
          ),
        ),
      finish: () => hashes,
      abort: () => undefined,
    };
  }
  const { control, port, threads } = worker;
  const stallMs = /^\d{1,6}$/.test(env.IDEAS_STALL_MS ?? '') ? Number(env.IDEAS_STALL_MS) : STALL_MS;
  let batch: (string | number)[] = [];
  let batchChars = 0;
  let batchPages = 0;
  /** The shared pieces sent, by their number, and those first used in the batch being made. */
  const sharedIds = new WeakMap<SharedText, number>();
  let sharedCount = 0;
  let newShared: string[] = [];
  let sent = 0;
  /** The length of each page sent, in order, and the sum of those not yet written. */
  const lengths: number[] = [];
  let counted = 0;
  let flightChars = 0;
  /** Pages and text on their way, the written ones taken off. */
  const inFlight = () => {
    const written = Atomics.load(control, WRITTEN);
    for (; counted < written; counted++) flightChars -= lengths[counted] as number;
    return sent - written > MAX_IN_FLIGHT || flightChars > MAX_IN_FLIGHT_CHARS;
  };
  let stopped = false;
  const stop = () => {
    stopped = true;
    port.close();
    void worker.worker.terminate().catch(() => undefined);
  };
  /** The worker's last message taken in: its hashes, or its error thrown. */
  const settle = (): string[] => {
    const answer = threads.receiveMessageOnPort(port)?.message as FromWorker | undefined;
    stop();
    if (answer === undefined) throw stalled();
    if ('error' in answer) {
      const { message, ...rest } = answer.error;
      throw Object.assign(new Error(message), rest);
    }
    return answer.hashes;
  };
  /** Waits while `busy()` holds and the worker has not answered; throws when it makes no progress for STALL_MS. */
  const waitWhile = (busy: () => boolean) => {
    let written = Atomics.load(control, WRITTEN);
    let progress = Date.now();
    while (busy() && Atomics.load(control, ANSWERED) === 0) {
      Atomics.wait(control, WRITTEN, written, 100);
      const now = Atomics.load(control, WRITTEN);
      if (now !== written) {
        written = now;
        progress = Date.now();
      } else if (Date.now() - progress > stallMs) {
        stop();
        throw stalled();
      }
    }
  };
  const post = (message: ToWorker) => port.postMessage(message);
  const postBatch = () => {
    post({ shared: newShared, pages: batch });
    batch = [];
    batchChars = 0;
    batchPages = 0;
    newShared = [];
  };
  return {
    write(abs, text) {
      const pieces = typeof text === 'string' ? [text] : text;
      batch.push(abs, pieces.length);
      // The text this page sends: its own pieces, and a shared piece the first time.
      let chars = 0;
      for (const piece of pieces) {
        if (typeof piece === 'string') {
          batch.push(piece);
          chars += piece.length;
          continue;
        }
        if (!('shared' in piece)) {
          if (!maker) unmade();
          if (sent - Atomics.load(control, WRITTEN) > MAKE_HERE_BEYOND) {
            const text = maker.make(piece.source);
            batch.push(text);
            chars += text.length;
          } else {
            batch.push(MADE, piece.source);
            chars += piece.source.length;
          }
          continue;
        }
        let id = sharedIds.get(piece);
        if (id === undefined) {
          sharedIds.set(piece, (id = sharedCount++));
          newShared.push(piece.shared);
          chars += piece.shared.length;
        }
        batch.push(id);
      }
      batchChars += chars;
      lengths.push(chars);
      flightChars += chars;
      sent++;
      if (++batchPages < BATCH && batchChars < BATCH_CHARS) return;
      postBatch();
      waitWhile(inFlight);
      // The worker answers early only when a write failed.
      if (Atomics.load(control, ANSWERED) !== 0) settle();
    },
    finish() {
      if (batchPages > 0) postBatch();
      post({ end: true });
      waitWhile(() => true);
      return settle();
    },
    abort() {
      // Answered, failed or given up on already: terminated, and not waited for twice.
      if (stopped) return;
      // Nothing may be written into the folder once the caller goes on to remove it.
      Atomics.store(control, STOP, 1);
      try {
        post({ end: true });
        waitWhile(() => true);
      } catch {
        // Closed already, or stalled: terminated below.
      }
      stop();
    },
  };
}

/** The worker, started; null when none can start, or there is no worker script (run from the sources). */
function startWorker(maker: RemoteMaker | null): {
  worker: Worker;
  port: MessagePort;
  control: Int32Array;
  threads: typeof import('node:worker_threads');
} | null {
  if (!existsSync(fileURLToPath(workerFile))) return null;
  try {
    // Loaded only here: most commands start no thread.
    const threads = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const control = new Int32Array(new SharedArrayBuffer(12));
    const { port1, port2 } = new threads.MessageChannel();
    const worker = new threads.Worker(workerFile, {
      workerData: { control: control.buffer, port: port2, maker } satisfies PageWriterInput,
      transferList: [port2],
      // It keeps nothing but the pages at hand.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    worker.on('error', () => undefined);
    return { worker, port: port1, control, threads };
  } catch {
    return null;
  }
}

/**
 * The worker's side (src/io/page-writer-worker.ts): writes the pages as they come, until told the end. The pages
 * wait in the port until the maker's module, if any, has loaded.
 */
export function servePages(input: PageWriterInput): void {
  const { port, maker } = input;
  const control = new Int32Array(input.control);
  const write = pageWriting(new Set<string>());
  const hashes: string[] = [];
  /** The shared pieces, encoded, by their number. */
  const shared: Buffer[] = [];
  let failed = false;
  const answer = (message: FromWorker) => {
    failed = true;
    port.postMessage(message);
    Atomics.store(control, ANSWERED, 1);
    Atomics.notify(control, WRITTEN);
    port.close();
  };
  let make: ((source: string) => string) | null = null;
  const serve = (message: ToWorker) => {
    if (failed) return;
    if ('end' in message) return answer({ hashes });
    try {
      const { pages } = message;
      for (const text of message.shared) shared.push(Buffer.from(text, 'utf8'));
      faultPoint('site:thread');
      for (let k = 0; k < pages.length;) {
        if (Atomics.load(control, STOP) !== 0) return answer({ hashes });
        const abs = pages[k++] as string;
        const pieces: (string | Uint8Array)[] = [];
        for (let n = pages[k++] as number; n > 0; n--) {
          const piece = pages[k++] as string | number;
          if (piece !== MADE) pieces.push(typeof piece === 'string' ? piece : (shared[piece] as Buffer));
          else if (make) pieces.push(make(pages[k++] as string));
          else unmade();
        }
        hashes.push(write(abs, pieces));
        Atomics.add(control, WRITTEN, 1);
        Atomics.notify(control, WRITTEN);
      }
    } catch (e) {
      failedWith(e);
    }
  };
  const failedWith = (e: unknown) => {
    const err = e as NodeJS.ErrnoException;
    answer({
      error: {
        message: err instanceof Error ? err.message : String(e),
        ...(typeof err.code === 'string' && { code: err.code }),
        ...(typeof err.errno === 'number' && { errno: err.errno }),
        ...(typeof err.syscall === 'string' && { syscall: err.syscall }),
        ...(typeof err.path === 'string' && { path: err.path }),
      },
    });
  };
  if (!maker) {
    port.on('message', serve);
    return;
  }
  import(maker.module)
    .then((loaded: Record<string, unknown>) => {
      const factory = loaded[maker.name];
      if (typeof factory !== 'function') throw new Error(`${maker.module} has no maker ${maker.name}`);
      make = (factory as (init: string) => (source: string) => string)(maker.init);
      port.on('message', serve);
    })
    .catch(failedWith);
}
