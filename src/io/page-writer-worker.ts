/** The thread of src/io/page-writer.ts: writes a site's pages as they come. */
import { workerData } from 'node:worker_threads';
import { servePages } from './page-writer.js';

servePages(workerData as Parameters<typeof servePages>[0]);
