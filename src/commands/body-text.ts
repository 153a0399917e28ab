/** The Markdown text of an idea as `new` and `edit` take it: `--body`, `--body-file` (or `-` for stdin), or neither. */
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { readReason } from '../io/fs-error.js';
import { FileTooLarge, readFileLimited } from '../io/read-limited.js';
import { MAX_IDEA_BYTES } from '../core/front-matter/front-matter.js';
import { decodeHandedText } from '../core/exchange/handed-text.js';

/**
 * Reads a body file, refusing one larger than an idea file may be (the front matter adds to it: assertIdeaSize), in
 * the encodings a spreadsheet
 * may have (UTF-8, UTF-16 with its mark, Windows-1252: a text saved by Notepad as "ANSI" keeps its å, ä and ö).
 */
function readBodyFile(file: string, cwd: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileLimited(file === '-' ? '/dev/stdin' : path.resolve(cwd, file), MAX_IDEA_BYTES);
  } catch (e) {
    if (e instanceof FileTooLarge)
      throw new IdeasError('USAGE', 'err.bodyTooLarge', { file, max: MAX_IDEA_BYTES / 1_000_000 });
    throw new IdeasError('USAGE', 'err.readFile', { file, reason: readReason(e) });
  }
  const { text } = decodeHandedText(bytes);
  // A NUL makes an idea file one no command reads (ideas validate takes it for binary).
  if (text.includes('\0')) throw new IdeasError('USAGE', 'err.bodyNul', { file });
  return text;
}

/** The text given on the command line, if any; both flags at once is a usage error. */
export function bodyFromFlags(opts: { body?: string; bodyFile?: string }, cwd: string): string | undefined {
  if (opts.body !== undefined && opts.bodyFile !== undefined) throw new IdeasError('USAGE', 'err.bodyTwice');
  return opts.body ?? (opts.bodyFile !== undefined ? readBodyFile(opts.bodyFile, cwd) : undefined);
}
