import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { buildRegionReport, type ByField, type RegionReport } from '../../core/region/report.js';
import { listOrNone } from '../../core/region/choices.js';
import type { Localized } from '../../core/i18n/i18n.js';
import { compareText } from '../../core/i18n/text-order.js';
import { forbiddenSegment, ownValue } from '../../core/safe-object.js';
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
  /** Fields to break the region's ideas down by: public fields of some member. */
  by?: string[];
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
  // The report counts fields; no idea's text is held.
  const members = heldMembers(region, opts.members, 'fields');
  const held = members.filter((h): h is HeldMember & { snapshot: MemberSnapshot } => h.snapshot !== null);
  const by = byFields(opts.by ?? [], held);
  const report = buildRegionReport(region.config.name, held, { since, until, today }, by, lang);
  return Promise.resolve({ kind: 'region-report', region, lang, members, report });
}

/** Set by the program, never a breakdown: an idea's own id, title, date and history. */
const NOT_GROUPS = new Set(['id', 'title', 'created', 'history', 'basedOn']);

/**
 * The `--by` fields, each checked: a field some member's schemas mark public (the sync kept only such fields, so
 * the groups hold only values a member publishes). A field no member marks public, personal in some, is refused as
 * personal; one that no member declares or publishes, as unknown; each refusal names the fields that can be used.
 */
export function byFields(asked: readonly string[], held: readonly { snapshot: MemberSnapshot }[]): ByField[] {
  const usable = new Map<string, Localized>();
  const classes = new Map<string, Set<string>>();
  for (const { snapshot } of held) {
    const fields = snapshot.registry.fields;
    // A state from before fields were kept: what it holds is public (the sync kept nothing else).
    if (fields === undefined)
      for (const idea of snapshot.ideas)
        for (const key of Object.keys(idea.data)) if (!usable.has(key)) usable.set(key, { sv: key, en: key });
    for (const f of fields ?? []) {
      if (typeof f?.key !== 'string' || forbiddenSegment(f.key) !== null) continue;
      if (!classes.has(f.key)) classes.set(f.key, new Set());
      classes.get(f.key)?.add(f.class);
      const title = f.title && typeof f.title.sv === 'string' && typeof f.title.en === 'string' ? f.title : null;
      if (f.class === 'public') usable.set(f.key, usable.get(f.key) ?? title ?? { sv: f.key, en: f.key });
    }
  }
  for (const key of NOT_GROUPS) usable.delete(key);
  const names = () => listOrNone([...usable.keys()].sort(compareText), held.length);
  const out: ByField[] = [];
  for (const raw of asked) {
    const field = raw.trim();
    if (out.some((b) => b.field === field)) continue;
    if (forbiddenSegment(field) !== null) throw new IdeasError('USAGE', 'err.forbiddenField', { field });
    const title = usable.get(field);
    if (title === undefined) {
      const cls = classes.get(field);
      if (cls?.has('personal'))
        throw new IdeasError('USAGE', 'err.regionByPersonal', { field, fields: names() }, { hint: 'hint.regionBy' });
      if (cls !== undefined && !NOT_GROUPS.has(field))
        throw new IdeasError('USAGE', 'err.regionByNotPublic', { field, fields: names() }, { hint: 'hint.regionBy' });
      throw new IdeasError('USAGE', 'err.unknownByField', { field, fields: names() });
    }
    const structured = held.some(({ snapshot }) =>
      snapshot.ideas.some((i) => {
        const v = ownValue(i.data, field);
        return (
          v !== null &&
          typeof v === 'object' &&
          !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
        );
      }),
    );
    if (structured) throw new IdeasError('USAGE', 'err.byNotCategorical', { field });
    out.push({ field, title });
  }
  return out;
}
