/**
 * The user's own text editor for an idea's text, as git opens one for a commit message: `$VISUAL`, else `$EDITOR`,
 * run through `sh -c '<editor> "$@"'` so that an editor given with its options (`code --wait`, `nano -R`) works as
 * it does for git, with the file as an argument that the shell never reads as code. The file lives in the registry's
 * scratch folder inside the git folder (named by this process, so a killed run's file is cleared by the next one),
 * never in the work tree.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { makeFolder, safeUnlink, writeFileAtomic } from './atomic-file.js';
import { lockPlace } from './lock.js';

/** The editor command the user has named, or null when none is (then the text is asked for in the terminal). */
export function userEditor(env: NodeJS.ProcessEnv): string | null {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return null;
}

/** The editor's name for messages: its first word, without its folder. */
export function editorName(editor: string): string {
  return path.basename(editor.split(/\s+/)[0] ?? editor);
}

/** Opens `text` in the editor on this terminal and returns the text as saved; an IdeasError if the editor fails. */
export async function editInEditor(
  editor: string,
  text: string,
  root: string,
  env: NodeJS.ProcessEnv,
  name = 'IDEA.md',
): Promise<string> {
  const { scratch } = await lockPlace(root);
  makeFolder(scratch);
  const file = path.join(scratch, `${process.pid}-${name}`);
  writeFileAtomic(file, text, undefined, scratch);
  try {
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env });
      child.on('error', (e) => resolve(e.message));
      child.on('exit', (c, signal) => resolve(signal ?? c ?? 1));
    });
    if (code !== 0)
      throw new IdeasError(
        'USAGE',
        'err.editorFailed',
        { editor: editorName(editor), reason: typeof code === 'number' ? `exit ${code}` : code },
        { hint: 'hint.editorFailed' },
      );
    return readFileSync(file, 'utf8');
  } finally {
    safeUnlink(file);
  }
}
