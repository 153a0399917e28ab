/**
 * Build step: a new id for every build, so that caches written by another build of the program (whose parsing or
 * checks may differ) are never read by this one (see src/io/file-cache.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

const out = new URL('../generated/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('build-id.txt', out), `${randomUUID()}\n`);
