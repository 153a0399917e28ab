/**
 * The members' fetched git data: a bare repository per member under `.git/ideas-region/repos/<id>.git`. A member
 * taken out of ideas.region.yaml (or renamed: its old id is gone from the file) leaves its repository behind, which a
 * sync deletes with its state. Only inside the region's own cache folder: a folder on the way that is a link is not
 * entered, an entry that is a link is unlinked (never what it leads to), and nothing inside a repository is followed
 * out. A repository is first renamed aside in one step, then removed: a sync killed while it removes leaves either the
 * whole repository or a folder set aside, which the next sync removes, never a half repository under a member's name.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { renameFile } from '../atomic-file.js';
import { faultPoint } from '../faults.js';

/** The folder of the members' repositories. */
export function reposDir(cacheDir: string): string {
  return path.join(cacheDir, 'repos');
}

/** A member's repository, by its id (an id is a-z, digits and dashes: the config's schema says so). */
export function memberRepoDir(cacheDir: string, member: string): string {
  return path.join(reposDir(cacheDir), `${member}.git`);
}

const REPO = /^([a-z0-9-]+)\.git$/;
/** A repository set aside for removal by a sync that was stopped before it removed it. */
const SET_ASIDE = /^\.([a-z0-9-]+)\.git\.removing$/;

/** A folder of its own, not a link to one (nor a file): what may be entered to delete inside. */
function isOwnFolder(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Deletes the repositories of members not in `keep`, and any a stopped sync set aside. */
export function pruneMemberRepos(cacheDir: string, keep: ReadonlySet<string>): void {
  const repos = reposDir(cacheDir);
  if (!isOwnFolder(cacheDir) || !isOwnFolder(repos)) return;
  for (const name of readdirSync(repos)) {
    const id = REPO.exec(name)?.[1];
    if (SET_ASIDE.test(name)) remove(path.join(repos, name));
    else if (id !== undefined && !keep.has(id)) {
      const aside = path.join(repos, `.${id}.git.removing`);
      remove(aside);
      renameFile(path.join(repos, name), aside);
      faultPoint('region:prune-repo');
      remove(aside);
    }
  }
}

/**
 * Removes an entry of the cache: a link itself, a file, or a folder and all in it. Node's recursive rm looks at each
 * entry with lstat and unlinks a link rather than entering it, so nothing outside the folder is touched.
 */
function remove(entry: string): void {
  rmSync(entry, { recursive: true, force: true });
}
