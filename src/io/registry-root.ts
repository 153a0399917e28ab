/**
 * Finding a registry and its language without loading any parser: `--help` and `--version` must start as fast
 * as Node itself, and they need only the language.
 */
import { existsSync } from 'node:fs';
import { peekText } from './read-limited.js';
import path from 'node:path';
import { CONFIG_FILE } from '../core/sluice/config-file.js';
import type { Lang } from '../core/i18n/i18n.js';
import { chooseLang } from '../core/i18n/lang-choice.js';

/** Walks up from `start`, as git looks for .git, to the first folder with `file` in it (a registry's or a region's). */
export function findFolderWith(file: string, start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, file))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The first folder with an ideas.config.yaml at or above `start`. */
export function findRegistryRoot(start: string): string | null {
  return findFolderWith(CONFIG_FILE, start);
}

/** The registry's `language`, read from its top-level line; null when it cannot be seen that way. */
export function peekLanguage(root: string): Lang | null {
  const text = peekText(path.join(root, CONFIG_FILE));
  // Lines broken at LF only, as YAML breaks them: with the `m` flag, a U+2028 in a quoted name would start one.
  const m = text === null ? null : /(?:^|\n)language:[ \t]*["']?(sv|en)["']?[ \t]*(?:#[^\n]*)?\r?(?:\n|$)/.exec(text);
  return m ? (m[1] as Lang) : null;
}

/**
 * The language before the config is loaded, for help and for errors that come first: --lang, else the language of
 * the registry at `registry` (or IDEAS_REGISTRY, or found upwards from `cwd`), else the locale.
 */
export function languageBeforeConfig(
  flag: Lang | undefined,
  registry: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): Lang {
  if (flag) return flag;
  const given = registry ?? (env.IDEAS_REGISTRY || undefined);
  const root = findRegistryRoot(given ? path.resolve(cwd, given) : cwd);
  return chooseLang(undefined, root ? peekLanguage(root) : null, env);
}
