import path from 'node:path';
import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { snapshotConfig } from '../../core/region/report.js';
import { isoDate } from '../../core/sluice/idea.js';
import type { Region } from '../../io/region/region-root.js';
import { writeSite } from '../../io/site-dir.js';
import { checkSiteOut } from '../../io/site-out.js';
import { fsError } from '../../io/fs-error.js';
import { regionSiteFiles, type RegionSiteMember } from '../../ui/render-region-site.js';
import { DEFAULT_SITE_DIR } from '../site.js';
import { openRegion } from './open-region.js';
import { heldMembers, type HeldMember } from './read-region.js';

export interface RegionSiteOptions extends CommonOptions {
  members: string[];
  /** The site's folder; default `site` under the region's root. */
  out?: string;
}

export interface RegionSiteResult {
  kind: 'region-site';
  region: Region;
  lang: Lang;
  members: HeldMember[];
  out: string;
  pages: number;
}

/** One static site over the region's members, from the last sync: offline, public fields only. */
export function runRegionSite(opts: RegionSiteOptions, ctx: Ctx): Promise<RegionSiteResult> {
  const { region, lang } = openRegion(opts, ctx);
  const out = opts.out !== undefined ? path.resolve(ctx.cwd, opts.out) : path.join(region.root, DEFAULT_SITE_DIR);
  checkSiteOut(out, region.root);
  const members = heldMembers(region, opts.members);
  const siteMembers: RegionSiteMember[] = members.map((h) => ({
    member: h.member,
    config: h.snapshot ? snapshotConfig(h.snapshot) : null,
    snapshot: h.snapshot,
    failure: h.failure,
  }));
  const files = regionSiteFiles({
    // The site speaks the region's language, whatever --lang says for the command's own messages.
    name: region.config.name,
    lang: region.config.language,
    members: siteMembers,
    builtOn: isoDate(ctx.clock()),
  });
  let written: string[];
  try {
    written = writeSite(
      out,
      (function* () {
        yield* files;
        // GitHub Pages would otherwise run the files through Jekyll.
        yield ['.nojekyll', ''] as const;
      })(),
    );
  } catch (e) {
    throw fsError(e, out);
  }
  return Promise.resolve({
    kind: 'region-site',
    region,
    lang,
    members,
    out,
    pages: written.filter((f) => f.endsWith('.html')).length,
  });
}
