/** A worker thread of src/io/parallel-read.ts: takes batches of idea files and computes them as the main thread would. */
import { workerData } from 'node:worker_threads';
import { workBatches } from './parallel-read.js';
import { readEntry } from './read-ideas.js';

await workBatches(workerData as Parameters<typeof workBatches>[0], readEntry);
