import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The git folder of the work tree `dir` is in, found as git finds it (a `.git` folder, or a `.git` file). */
export function findGitDir(dir: string): string | null {
  for (let d = path.resolve(dir); ;) {
    const dotGit = path.join(d, '.git');
    try {
      const s = statSync(dotGit);
      if (s.isDirectory()) return dotGit;
      const m = /(?:^|\n)gitdir:[ \t]*([^\r\n]+?)[ \t]*\r?(?:\n|$)/.exec(readFileSync(dotGit, 'utf8'));
      if (m?.[1]) return path.resolve(d, m[1]);
    } catch {
      // No .git here.
    }
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}
