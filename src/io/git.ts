import { execFile } from 'node:child_process';
import { IdeasError } from '../core/errors.js';

export interface GitResult {
  stdout: string;
  stderr: string;
}

/** Runs git with an argument array (never a shell string), in `cwd`, never asking for credentials. */
export function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const reason = (stderr || error.message).trim().split('\n')[0] ?? error.message;
        reject(new IdeasError('GIT', 'err.git', { reason }, { cause: error }));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** The work tree's top folder when `dir` is inside a git repository, else null (also when git is not installed). */
export async function gitTopLevel(dir: string): Promise<string | null> {
  try {
    const { stdout } = await git(['rev-parse', '--show-toplevel'], dir);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
