import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { isOurHook, renderPreCommitHook } from '../core/scaffold/git-hook.js';
import type { Lang } from '../core/i18n/i18n.js';
import { git, gitTopLevel } from '../io/git.js';
import { readHook, removeHook, replaceForeignHook, writeHook } from '../io/hook-file.js';
import { cliScript, nodeExecutable } from '../io/package-files.js';
import { toPosix } from '../io/idea-files.js';
import { openRegistry } from './open-registry.js';

export interface HookInstallOptions extends CommonOptions {
  force?: boolean;
  /** The node and the CLI the hook runs first; by default the ones running now. */
  node?: string;
  cli?: string;
}

export interface HookInstallResult {
  kind: 'hook-installed';
  lang: Lang;
  /** The hook file, absolute. */
  hook: string;
  /** Installed anew, or an earlier hook of ours replaced. */
  status: 'installed' | 'updated';
  /** Where a foreign hook replaced with --force was kept, absolute; null when there was none. */
  backup: string | null;
}

export interface HookUninstallResult {
  kind: 'hook-uninstalled';
  lang: Lang;
  hook: string;
  /** Removed; there was no hook; or the hook there is not ours and was left alone. */
  status: 'removed' | 'absent' | 'foreign';
  /** The foreign hook put back in place, from where install --force had kept it; null when none. */
  restored: string | null;
}

interface HookPlace {
  lang: Lang;
  top: string;
  registry: string;
  ideasDir: string;
  hook: string;
}

/** The registry, the git work tree it is in, and the pre-commit hook's path, honouring core.hooksPath. */
async function locateHook(opts: CommonOptions, ctx: Ctx): Promise<HookPlace> {
  const { registry, lang } = openRegistry(opts, ctx);
  const top = await gitTopLevel(registry.root);
  if (top === null) throw new IdeasError('GIT', 'err.notGitRepo', { dir: registry.root }, { hint: 'hint.notGitRepo' });
  // --git-path answers relative to where git runs, and follows core.hooksPath and linked work trees.
  const { stdout } = await git(['rev-parse', '--git-path', 'hooks'], top);
  const hook = path.resolve(top, stdout.trim(), 'pre-commit');
  const rel = toPosix(path.relative(top, registry.root));
  return { lang, top, registry: rel, ideasDir: toPosix(path.join(rel, registry.config.ideasDir)), hook };
}

export async function runHookInstall(opts: HookInstallOptions, ctx: Ctx): Promise<HookInstallResult> {
  const place = await locateHook(opts, ctx);
  const text = renderPreCommitHook({
    lang: place.lang,
    node: opts.node ?? nodeExecutable(),
    cli: opts.cli ?? cliScript(),
    registry: place.registry,
    ideasDir: place.ideasDir,
  });
  const existing = readHook(place.hook);
  const base = { kind: 'hook-installed' as const, lang: place.lang, hook: place.hook };
  if (existing === null) {
    writeHook(place.hook, text, false);
    return { ...base, status: 'installed', backup: null };
  }
  if (isOurHook(existing)) {
    writeHook(place.hook, text, true);
    return { ...base, status: 'updated', backup: null };
  }
  if (!opts.force)
    throw new IdeasError('FILE_EXISTS', 'err.hookForeign', { file: place.hook }, { hint: 'hint.hookForeign' });
  return { ...base, status: 'installed', backup: replaceForeignHook(place.hook, text) };
}

export async function runHookUninstall(opts: CommonOptions, ctx: Ctx): Promise<HookUninstallResult> {
  const place = await locateHook(opts, ctx);
  const base = { kind: 'hook-uninstalled' as const, lang: place.lang, hook: place.hook };
  const existing = readHook(place.hook);
  if (existing === null) return { ...base, status: 'absent', restored: null };
  if (!isOurHook(existing)) return { ...base, status: 'foreign', restored: null };
  return { ...base, status: 'removed', restored: removeHook(place.hook) };
}
