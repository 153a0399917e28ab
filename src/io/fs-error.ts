/**
 * What the file system says when it refuses (a full disk, a read-only folder, a file where a folder should be), in
 * plain words with the path and what to do: never "unexpected error, report a bug" for a state of the machine.
 */
import { IdeasError } from '../core/errors.js';
import { localize, type Localized, type MessageKey } from '../core/i18n/i18n.js';

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
function errnoCode(e: unknown): string | null {
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
 * the error itself when it is already an IdeasError. A code without words of its own is named as it is.
 */
export function fsError(e: unknown, file: string, opts: { exact?: boolean } = {}): IdeasError {
  if (e instanceof IdeasError) return e;
  const code = errnoCode(e);
  // exact: the caller knows better than the system call (a rename names its source, whichever folder refused).
  const where = (opts.exact ? undefined : (e as NodeJS.ErrnoException | null)?.path) ?? file;
  const key = code ? KEYS[code] : undefined;
  if (!key) return new IdeasError('IO', 'err.writeFile', { file: where, reason: systemAnswered(e) }, { cause: e });
  const hint = HINTS[key];
  return new IdeasError('IO', key, { file: where, code: code ?? '' }, { ...(hint ? { hint } : {}), cause: e });
}

const READ_REASONS: Record<string, MessageKey> = {
  EACCES: 'read.denied',
  EPERM: 'read.denied',
  ENOENT: 'read.missing',
  EISDIR: 'read.isDir',
  ENOTDIR: 'read.notDir',
  EIO: 'read.io',
  EMFILE: 'read.tooManyOpen',
  ENFILE: 'read.tooManyOpen',
  ELOOP: 'read.loop',
  ENAMETOOLONG: 'read.nameTooLong',
  EBUSY: 'read.busy',
  ETXTBSY: 'read.busy',
  ERR_FS_FILE_TOO_LARGE: 'read.tooLarge',
  ERR_NOT_REGULAR_FILE: 'read.notRegular',
};

/**
 * Why the system would not let a file be read, in words of the catalogue (the {reason} of err.readFile): Node's own
 * message is English, and names the machine's absolute path. A code without words of its own is named as it is.
 */
export function readReason(e: unknown): Localized | string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const key = typeof code === 'string' && Object.hasOwn(READ_REASONS, code) ? READ_REASONS[code] : undefined;
  return key ? localize(key) : systemAnswered(e);
}

/** A system error without words of its own: its code (ENOSYS, ERR_…), which an administrator can look up. */
function systemAnswered(e: unknown): Localized | string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return localize('fs.systemAnswered', { code });
  // Not the system's: an unexpected error, whose own text is all there is to say.
  return e instanceof Error ? e.message : String(e);
}
