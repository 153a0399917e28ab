import type { CommonOptions, Ctx } from '../context.js';
import type { Lang } from '../core/i18n/i18n.js';
import { chooseLang } from '../core/i18n/lang-choice.js';
import { loadRegistry, locateRegistry, type Registry } from '../io/registry.js';
import { peekLanguage } from '../io/registry-root.js';

export interface OpenRegistry {
  registry: Registry;
  lang: Lang;
}

export function openRegistry(opts: CommonOptions, ctx: Ctx): OpenRegistry {
  const root = locateRegistry(ctx.cwd, opts.registry, ctx.env);
  const fallback = chooseLang(opts.lang, peekLanguage(root), ctx.env);
  const here = { cwd: ctx.cwd, flag: opts.registry };
  const registry = { ...loadRegistry(root, fallback), cache: opts.cache !== false, here };
  return { registry, lang: chooseLang(opts.lang, registry.config.language, ctx.env) };
}
