/** The Markdown text of an idea as `new` and `edit` take it: `--body`, `--body-file` (or `-` for stdin), or neither. */
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { readReason } from '../io/fs-error.js';
import { FileTooLarge, MAX_HANDED_BYTES, readFileLimited } from '../io/read-limited.js';

/** Reads a body file, refusing one larger than a spreadsheet `ideas import` would take. */
export function readBodyFile(file: string, cwd: string): string {
  try {
    return readFileLimited(file === '-' ? '/dev/stdin' : path.resolve(cwd, file), MAX_HANDED_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof FileTooLarge)
      throw new IdeasError('USAGE', 'err.bodyTooLarge', { file, max: MAX_HANDED_BYTES / 1_000_000 });
    throw new IdeasError('USAGE', 'err.readFile', { file, reason: readReason(e) });
  }
}

/** The text given on the command line, if any; both flags at once is a usage error. */
export function bodyFromFlags(opts: { body?: string; bodyFile?: string }, cwd: string): string | undefined {
  if (opts.body !== undefined && opts.bodyFile !== undefined) throw new IdeasError('USAGE', 'err.bodyTwice');
  return opts.body ?? (opts.bodyFile !== undefined ? readBodyFile(opts.bodyFile, cwd) : undefined);
}
