/** A worker thread of src/io/parallel-read.ts: takes batches of idea files and computes them as the main thread would. */
import { workerData } from 'node:worker_threads';
import { workBatches } from './parallel-read.js';
import { readEntry } from './read-ideas.js';

// Not awaited at the top level: a module still evaluating (its top-level await pending) when the main thread
// terminates the worker, as it does with one that failed, hits a V8 check in Node 20 that aborts the whole process
// (nodejs/node#53238). workBatches answers every failure with a message and never rejects.
void workBatches(workerData as Parameters<typeof workBatches>[0], readEntry);
