/**
 * `ideas --help`, `ideas <command> --help` and `ideas help [command]` without loading the command line. The texts
 * are commander's own, rendered at build time by src/tools/render-help.ts into dist/help.json for each language at
 * the width help never exceeds; a test compares them with the full path's for every command. Anything this cannot
 * answer exactly as the full path would (another flag, a narrower terminal, no rendered texts) is left to it.
 */
import { readFileSync } from 'node:fs';
import type { OutputStream } from './context.js';
import type { Lang } from './core/i18n/i18n.js';
import { languageBeforeConfig } from './io/registry-root.js';
import { languageBeforeRegion } from './io/region/region-lang.js';

export const HELP_CATALOG = new URL('./help.json', import.meta.url);

/** The rendered help texts: for each language, by command path ('' for the program, 'hook install' for a subcommand). */
export type HelpCatalog = { width: number; texts: Record<Lang, Record<string, string>> };

/** The command path asked for, or null when `argv` is not a plain request for help. */
export function helpRequest(argv: readonly string[]): string | null {
  if (argv.length === 0) return null;
  const last = argv[argv.length - 1];
  if (argv[0] === 'help')
    return argv.length <= 2 && !argv.slice(1).some((a) => a.startsWith('-')) ? argv.slice(1).join(' ') : null;
  if (last !== '--help' && last !== '-h') return null;
  const path = argv.slice(0, -1);
  return path.some((a) => a.startsWith('-')) ? null : path.join(' ');
}

/** Writes the help asked for and returns true, or returns false having written nothing. */
export function fastHelp(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  stdout: OutputStream,
  catalogFile: URL | string = HELP_CATALOG,
): boolean {
  const request = helpRequest(argv);
  if (request === null) return false;
  let catalog: HelpCatalog;
  try {
    catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as HelpCatalog;
  } catch {
    return false;
  }
  if (stdout.isTTY && stdout.columns && stdout.columns < catalog.width) return false;
  const region = request === 'region' || request.startsWith('region ');
  const lang = region
    ? languageBeforeRegion(undefined, undefined, env, cwd)
    : languageBeforeConfig(undefined, undefined, env, cwd);
  const text = catalog.texts[lang]?.[request];
  if (text === undefined) return false;
  stdout.write(text);
  return true;
}
