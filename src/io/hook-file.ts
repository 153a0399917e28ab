/**
 * The pre-commit hook's file: read to see whose it is, and written so that a hook that is not ours is never lost.
 * A foreign hook replaced with --force is first set aside beside it (`pre-commit.before-ideas`), and uninstall puts
 * it back over ours in one rename.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { createFileExclusive, removeFile, renameFile, writeFileAtomic } from './atomic-file.js';
import { faultPoint } from './faults.js';
import { fsError } from './fs-error.js';

/** A foreign hook replaced with --force is kept beside it under this suffix, and uninstall puts it back. */
const BACKUP_SUFFIX = '.before-ideas';

const HOOK_MODE = 0o755;

/** The hook's text; null when there is none; '' when something is there that cannot be read (a dangling link). */
export function readHook(file: string): string | null {
  try {
    lstatSync(file);
  } catch {
    return null;
  }
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // A dangling link or an unreadable file: something is there, and it is not ours.
    return '';
  }
}

function freeBackupName(hook: string): string {
  for (let n = 0; ; n++) {
    const candidate = `${hook}${BACKUP_SUFFIX}${n === 0 ? '' : `.${n}`}`;
    if (readHook(candidate) === null) return candidate;
  }
}

/** Writes the hook where there is none; `replace`: over our own earlier one. */
export function writeHook(hook: string, text: string, replace: boolean): void {
  try {
    if (replace) writeFileAtomic(hook, text, HOOK_MODE);
    else createFileExclusive(hook, text, HOOK_MODE);
  } catch (e) {
    throw fsError(e, hook);
  }
}

/**
 * Sets a foreign hook aside under a free name beside it and writes ours in its place; when that fails, the foreign
 * one is put back. Returns where it was set aside. A kill between the two steps leaves it there, whole, for
 * uninstall to put back.
 */
export function replaceForeignHook(hook: string, text: string): string {
  const backup = freeBackupName(hook);
  renameFile(hook, backup);
  try {
    faultPoint('hook:set-aside');
    createFileExclusive(hook, text, HOOK_MODE);
  } catch (e) {
    renameFile(backup, hook);
    throw fsError(e, hook);
  }
  return backup;
}

/**
 * Removes our hook; when a foreign hook was set aside by install --force, puts it back over ours in one rename,
 * so that no moment has neither. Returns the hook's path when one was put back, else null.
 */
export function removeHook(hook: string): string | null {
  const backup = `${hook}${BACKUP_SUFFIX}`;
  if (readHook(backup) === null) {
    removeFile(hook);
    return null;
  }
  renameFile(backup, hook);
  return hook;
}
