import path from 'node:path';
import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { REGION_FILE, regionTemplate } from '../../core/region/config.js';
import { createFileExclusive, makeFolder, writeFileAtomic } from '../../io/atomic-file.js';
import { scratchFolder } from '../../io/lock.js';
import { pathExists, readTextIfExists } from '../../io/files.js';
import { withIgnoreLine } from '../../core/scaffold/gitignore.js';
import { git, gitTopLevel } from '../../io/git.js';
import { fsError } from '../../io/fs-error.js';

export interface RegionInitOptions extends CommonOptions {
  dir?: string;
  name?: string;
}

export interface RegionInitResult {
  kind: 'region-init';
  lang: Lang;
  root: string;
  /** The region's name, as written into its config. */
  name: string;
  file: string;
  gitInit: boolean;
  /** Whether the config and the .gitignore were staged (git add). */
  staged: boolean;
}

/** Makes a region: a folder (a git repository, made when it is not in one) with a new ideas.region.yaml. */
export async function runRegionInit(opts: RegionInitOptions, ctx: Ctx): Promise<RegionInitResult> {
  // Swedish unless asked otherwise, as `ideas init` makes a registry: the region's members are Swedish municipalities.
  const lang: Lang = opts.lang ?? 'sv';
  const root = path.resolve(ctx.cwd, opts.dir ?? '.');
  const file = path.join(root, REGION_FILE);
  if (pathExists(file))
    throw new IdeasError('REGISTRY_EXISTS', 'err.regionExists', { file }, { hint: 'hint.regionExists' });
  try {
    makeFolder(root);
  } catch (e) {
    throw fsError(e, root);
  }
  const name = opts.name?.trim() || path.basename(root);
  const gitInit = (await gitTopLevel(root)) === null;
  if (gitInit) await git(['init', '-q'], root);
  // Its temporary file in the git folder: a killed run leaves none in the work tree.
  const scratch = await scratchFolder(root);
  try {
    createFileExclusive(file, regionTemplate(name, lang), undefined, scratch);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new IdeasError('REGISTRY_EXISTS', 'err.regionExists', { file }, { hint: 'hint.regionExists' });
    throw fsError(e, file);
  }
  // The region's site (`ideas region site`, into site/ by default) is built from the members: output, not a source,
  // so it stays out of the repository, as `ideas init` keeps a registry's.
  const ignoreFile = path.join(root, '.gitignore');
  const ignoreBefore = readTextIfExists(ignoreFile);
  const ignoreAfter = withIgnoreLine(ignoreBefore, '/site/');
  try {
    if (ignoreAfter !== ignoreBefore) writeFileAtomic(ignoreFile, ignoreAfter, undefined, scratch);
  } catch (e) {
    throw fsError(e, ignoreFile);
  }
  // Staged, so that the next commit saves the region: git add of exactly these files.
  const staged = await git(['add', '--', REGION_FILE, '.gitignore'], root).then(
    () => true,
    () => false,
  );
  return { kind: 'region-init', lang, root, name, file, gitInit, staged };
}
