import type { CommonOptions, Ctx } from '../context.js';
import { langFromLocale, type Lang } from '../core/i18n.js';
import { loadRegistry, locateRegistry, type Registry } from '../io/registry.js';

export interface OpenRegistry {
  registry: Registry;
  lang: Lang;
}

/** The language: --lang, then the registry's, then the locale (LC_ALL, LC_MESSAGES, LANG), then English. */
export function chooseLang(flag: Lang | undefined, registryLang: Lang | null, env: NodeJS.ProcessEnv): Lang {
  return flag ?? registryLang ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

export function openRegistry(opts: CommonOptions, ctx: Ctx): OpenRegistry {
  const root = locateRegistry(ctx.cwd, opts.registry, ctx.env);
  const fallback = chooseLang(opts.lang, null, ctx.env);
  const registry = loadRegistry(root, fallback);
  return { registry, lang: chooseLang(opts.lang, registry.config.language, ctx.env) };
}
