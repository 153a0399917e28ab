/**
 * Where `ideas site --out` may write. The site's folder is replaced whole (see site-dir.ts), so some folders are
 * refused before anything is read: the root of a file system (`--out /`), a folder that holds the registry itself,
 * git's own folder, and the folder of the stage folders. Each gets a clear message rather than a walk through every file on the disk.
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

export function checkSiteOut(out: string, root: string, ideasDir?: string): void {
  const target = real(out);
  if (path.parse(target).root === target)
    throw new IdeasError('USAGE', 'err.siteOutRoot', { dir: out }, { hint: 'hint.siteOut' });
  if (inside(real(root), target))
    throw new IdeasError('USAGE', 'err.siteOutRegistry', { dir: out, root }, { hint: 'hint.siteOut' });
  const gitDir = findGitDir(root);
  if (gitDir && inside(target, real(gitDir)))
    throw new IdeasError('USAGE', 'err.siteOutGit', { dir: out }, { hint: 'hint.siteOut' });
  // The stage folders hold the ideas: a site among them would be read as files out of place, or shadow a stage.
  if (ideasDir !== undefined && inside(target, real(path.resolve(root, ideasDir))))
    throw new IdeasError('USAGE', 'err.siteOutIdeas', { dir: out }, { hint: 'hint.siteOut' });
}
