/**
 * Finding and reading a region: the folder with ideas.region.yaml (from `-C`, IDEAS_REGISTRY or the working
 * directory, searched upwards), and the place under its git folder where the members' caches and snapshots live.
 */
import path from 'node:path';
import { NotUtf8, utf8Text } from '../files.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../read-limited.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { parseRegionText, REGION_FILE, type RegionConfig } from '../../core/region/config.js';
import { findGitDir } from '../git-dir.js';
import { regionFrom } from './region-lang.js';
import { regionValidator } from '../schemas.js';
import { readReason } from '../fs-error.js';

export { findRegionRoot, peekRegionLanguage } from './region-lang.js';

export interface Region {
  root: string;
  file: string;
  text: string;
  config: RegionConfig;
  /** `<git folder>/ideas-region`: the caches of the members and what the last sync kept of each. */
  cacheDir: string;
}

export function locateRegion(cwd: string, flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const { start, root } = regionFrom(cwd, flag, env);
  if (!root) throw new IdeasError('NOT_A_REGISTRY', 'err.notRegion', { dir: start }, { hint: 'hint.notRegion' });
  return root;
}

/** The most a region file may hold: a region of hundreds of members is tens of kilobytes. */
const MAX_REGION_BYTES = 1_000_000;

/**
 * Reads and checks the region's file, and finds its git folder (a region lives in a git repository). The file must
 * be a regular one, and is read up to a limit: a member registry names its region in its config, which a pull request
 * may change, and a link there to /dev/zero or a FIFO would otherwise hang `ideas diff` in CI or fill its memory.
 */
export function loadRegion(root: string, lang: Lang): Region {
  const file = path.join(root, REGION_FILE);
  let text: string;
  try {
    text = utf8Text(readRegularFile(file, MAX_REGION_BYTES));
  } catch (e) {
    if (e instanceof NotRegularFile) throw new IdeasError('CONFIG_INVALID', 'err.regionNotFile', { file });
    if (e instanceof NotUtf8) throw new IdeasError('CONFIG_INVALID', 'err.notUtf8', { file, line: e.line });
    if (e instanceof FileTooLarge)
      throw new IdeasError('CONFIG_INVALID', 'err.regionTooLarge', { file, max: MAX_REGION_BYTES / 1_000_000 });
    throw new IdeasError('CONFIG_INVALID', 'err.readFile', { file, reason: readReason(e) });
  }
  const config = parseRegionText(text, file, lang, regionValidator());
  const gitDir = findGitDir(root);
  if (!gitDir) throw new IdeasError('USAGE', 'err.regionNotGit', { dir: root }, { hint: 'hint.regionNotGit' });
  return { root, file, text, config, cacheDir: path.join(gitDir, 'ideas-region') };
}
