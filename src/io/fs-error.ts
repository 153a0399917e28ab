/**
 * What the file system says when it refuses (a full disk, a read-only folder, a file where a folder should be), in
 * plain words with the path and what to do: never "unexpected error, report a bug" for a state of the machine.
 */
import { IdeasError } from '../core/errors.js';
import type { MessageKey } from '../core/i18n/i18n.js';

const KEYS: Record<string, MessageKey> = {
  ENOSPC: 'err.fsNoSpace',
  EDQUOT: 'err.fsNoSpace',
  EROFS: 'err.fsReadOnly',
  EACCES: 'err.fsDenied',
  EPERM: 'err.fsDenied',
  EISDIR: 'err.fsIsDir',
  ENOTDIR: 'err.fsNotDir',
  EEXIST: 'err.fsExists',
  ENOENT: 'err.fsMissing',
  EMFILE: 'err.fsTooManyOpen',
  ENFILE: 'err.fsTooManyOpen',
  EBUSY: 'err.fsBusy',
  ETXTBSY: 'err.fsBusy',
  EIO: 'err.fsIo',
  ENAMETOOLONG: 'err.fsNameTooLong',
  ELOOP: 'err.fsLoop',
  EXDEV: 'err.fsCrossDevice',
};

const HINTS: Partial<Record<MessageKey, MessageKey>> = {
  'err.fsNoSpace': 'hint.fsNoSpace',
  'err.fsReadOnly': 'hint.fsReadOnly',
  'err.fsDenied': 'hint.fsDenied',
  'err.fsTooManyOpen': 'hint.fsTooManyOpen',
  'err.fsBusy': 'hint.fsBusy',
  'err.fsIo': 'hint.fsIo',
};

/** The error code of an error thrown by node:fs or a system call, or null for any other error. */
export function errnoCode(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const code = (e as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** Whether an error is one of the file system's that `fsError` words. */
export function isFsError(e: unknown): boolean {
  const code = errnoCode(e);
  return code !== null && code in KEYS;
}

/**
 * An error of the file system as an IdeasError (code IO, exit 2) naming the path the system names (or `file`), or
 * the error itself when it is already an IdeasError. Codes without words of their own keep the system's text.
 */
export function fsError(e: unknown, file: string, opts: { exact?: boolean } = {}): IdeasError {
  if (e instanceof IdeasError) return e;
  const code = errnoCode(e);
  // exact: the caller knows better than the system call (a rename names its source, whichever folder refused).
  const where = (opts.exact ? undefined : (e as NodeJS.ErrnoException | null)?.path) ?? file;
  const key = code ? KEYS[code] : undefined;
  if (!key) return new IdeasError('IO', 'err.writeFile', { file: where, reason: (e as Error).message }, { cause: e });
  const hint = HINTS[key];
  return new IdeasError('IO', key, { file: where, code: code ?? '' }, { ...(hint ? { hint } : {}), cause: e });
}
