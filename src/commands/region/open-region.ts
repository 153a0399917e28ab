import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { chooseLang } from '../../core/i18n/lang-choice.js';
import { REGION_FILE } from '../../core/region/config.js';
import { loadRegion, locateRegion, type Region } from '../../io/region/region-root.js';

export interface OpenRegion {
  region: Region;
  lang: Lang;
}

/** The language the region file names first, read before the file is checked (for the messages of that check). */
function peekRegionLanguage(root: string): Lang | null {
  try {
    const m = /^languages:\s*\[?\s*(sv|en)\b/m.exec(readFileSync(path.join(root, REGION_FILE), 'utf8'));
    return m ? (m[1] as Lang) : null;
  } catch {
    return null;
  }
}

export function openRegion(opts: CommonOptions, ctx: Ctx): OpenRegion {
  const root = locateRegion(ctx.cwd, opts.registry, ctx.env);
  const region = loadRegion(root, chooseLang(opts.lang, peekRegionLanguage(root), ctx.env));
  return { region, lang: chooseLang(opts.lang, region.config.language, ctx.env) };
}
