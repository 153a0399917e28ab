/**
 * Finding a region and its language without loading any parser, as src/io/registry-root.ts does for a registry:
 * help and the errors that come before the region's file is read speak the region's language.
 */
import { existsSync } from 'node:fs';
import { peekText } from '../read-limited.js';
import path from 'node:path';
import type { Lang } from '../../core/i18n/i18n.js';
import { chooseLang } from '../../core/i18n/lang-choice.js';
import { REGION_FILE } from '../../core/region/file-name.js';
import { findFolderWith, findRegistryRoot, peekLanguage } from '../registry-root.js';

/** The folder with ideas.region.yaml at or above `start`, or null. */
export function findRegionRoot(start: string): string | null {
  return findFolderWith(REGION_FILE, start);
}

/**
 * Where a region command looks (`-C`, else IDEAS_REGISTRY, else the working directory) and the region found there
 * or above it; none when that place does not exist.
 */
export function regionFrom(
  cwd: string,
  flag: string | undefined,
  env: Record<string, string | undefined>,
): { start: string; root: string | null } {
  const given = flag ?? (env.IDEAS_REGISTRY || undefined);
  const start = given ? path.resolve(cwd, given) : cwd;
  return { start, root: existsSync(start) ? findRegionRoot(start) : null };
}

/** The language the region file names first, read before the file is checked (for the messages of that check). */
export function peekRegionLanguage(root: string): Lang | null {
  const text = peekText(path.join(root, REGION_FILE));
  // Lines broken at LF only, as YAML breaks them (see peekLanguage).
  const m = text === null ? null : /(?:^|\n)languages:[ \t]*\[?[ \t]*(sv|en)\b/.exec(text);
  return m ? (m[1] as Lang) : null;
}

/**
 * The language of a region command before its file is read: --lang, else the first of the languages of the region
 * at `region` (or IDEAS_REGISTRY, or found upwards from `cwd`); with no region there, the language of a registry
 * there (a coordinator in a Swedish registry who types `ideas region list` is told in Swedish that there is no
 * region); else the locale.
 */
export function languageBeforeRegion(
  flag: Lang | undefined,
  region: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): Lang {
  if (flag) return flag;
  const { start, root } = regionFrom(cwd, region, env);
  if (root) return chooseLang(undefined, peekRegionLanguage(root), env);
  const registry = existsSync(start) ? findRegistryRoot(start) : null;
  return chooseLang(undefined, registry ? peekLanguage(registry) : null, env);
}
