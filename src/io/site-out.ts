/**
 * Where `ideas site --out` may write. The site's folder is replaced whole (see site-dir.ts), so some folders are
 * refused before anything is read: the root of a file system (`--out /`), a folder that holds the registry itself,
 * and git's own folder. Each gets a clear message rather than a walk through every file on the disk.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { findGitDir } from './git-dir.js';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: its parent decides where it will be.
    const parent = path.dirname(p);
    return parent === p ? p : path.join(real(parent), path.basename(p));
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);

export function checkSiteOut(out: string, root: string): void {
  const target = real(out);
  if (path.parse(target).root === target)
    throw new IdeasError('USAGE', 'err.siteOutRoot', { dir: out }, { hint: 'hint.siteOut' });
  if (inside(real(root), target))
    throw new IdeasError('USAGE', 'err.siteOutRegistry', { dir: out, root }, { hint: 'hint.siteOut' });
  const gitDir = findGitDir(root);
  if (gitDir && inside(target, real(gitDir)))
    throw new IdeasError('USAGE', 'err.siteOutGit', { dir: out }, { hint: 'hint.siteOut' });
}
