import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { buildRegionReport, type RegionReport } from '../../core/region/report.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import { isoDate } from '../../core/sluice/idea.js';
import type { Region } from '../../io/region/region-root.js';
import { parseDay } from '../report.js';
import { openRegion } from './open-region.js';
import { heldMembers, type HeldMember } from './read-region.js';

export interface RegionReportOptions extends CommonOptions {
  members: string[];
  since?: string;
  until?: string;
}

export interface RegionReportResult {
  kind: 'region-report';
  region: Region;
  lang: Lang;
  /** Every member asked for, with how old its data is; those never synced are in no figure. */
  members: HeldMember[];
  report: RegionReport;
}

/** The funnel, time in stage and goals of each member and of the region, from the last sync: offline. */
export function runRegionReport(opts: RegionReportOptions, ctx: Ctx): Promise<RegionReportResult> {
  const { region, lang } = openRegion(opts, ctx);
  const today = isoDate(ctx.clock());
  const since = opts.since !== undefined ? parseDay(opts.since, '--since') : null;
  const until = opts.until !== undefined ? parseDay(opts.until, '--until') : today;
  if (since !== null && since > until) throw new IdeasError('USAGE', 'err.badPeriod', { since, until });
  const members = heldMembers(region, opts.members);
  const held = members.filter((h): h is HeldMember & { snapshot: MemberSnapshot } => h.snapshot !== null);
  const report = buildRegionReport(region.config.name, held, { since, until, today });
  return Promise.resolve({ kind: 'region-report', region, lang, members, report });
}
