import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { chooseLang } from '../../core/i18n/lang-choice.js';
import { loadRegion, locateRegion, peekRegionLanguage, type Region } from '../../io/region/region-root.js';

export interface OpenRegion {
  region: Region;
  lang: Lang;
}

export function openRegion(opts: CommonOptions, ctx: Ctx): OpenRegion {
  const root = locateRegion(ctx.cwd, opts.registry, ctx.env);
  const region = loadRegion(root, chooseLang(opts.lang, peekRegionLanguage(root), ctx.env));
  return { region, lang: chooseLang(opts.lang, region.config.language, ctx.env) };
}
