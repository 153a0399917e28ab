import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdeasError } from '../core/errors.js';

export interface GitResult {
  stdout: string;
  stderr: string;
}

/** Another git process (an editor, a second terminal) holds the index for a moment. */
const INDEX_BUSY = /index\.lock'?: File exists/;

/**
 * Runs git with an argument array (never a shell string), in `cwd`, never asking for credentials. When another git
 * process holds the index, it waits a little and tries again instead of failing.
 */
export async function git(args: string[], cwd: string): Promise<GitResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await gitOnce(args, cwd);
    } catch (e) {
      const stderr = e instanceof IdeasError ? e.text.en : '';
      if (attempt >= 40 || !INDEX_BUSY.test(stderr)) throw e;
      await sleep(25 + Math.floor(Math.random() * 50));
    }
  }
}

function gitOnce(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const reason = (stderr || error.message).trim().split('\n')[0] ?? error.message;
          reject(new IdeasError('GIT', 'err.git', { reason }, { cause: error }));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
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
