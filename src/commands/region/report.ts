import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import {
  addMember,
  finishRegionReport,
  regionReportFold,
  type ByField,
  type RegionReport,
} from '../../core/region/report.js';
import { listOrNone } from '../../core/region/choices.js';
import type { Localized } from '../../core/i18n/i18n.js';
import { compareText } from '../../core/i18n/text-order.js';
import { forbiddenSegment, ownValue } from '../../core/safe-object.js';
import { snapshotSummary, type MemberSnapshot, type SnapshotSummary } from '../../core/region/snapshot.js';
import type { RegionMember } from '../../core/region/config.js';
import { isoDate } from '../../core/sluice/idea.js';
import type { Region } from '../../io/region/region-root.js';
import { parseDay } from '../report.js';
import { openRegion } from './open-region.js';
import type { SyncFailure } from '../../io/region/state.js';
import { mapHeldMembers } from './read-region.js';

export interface RegionReportOptions extends CommonOptions {
  members: string[];
  since?: string;
  until?: string;
  /** Fields to break the region's ideas down by: public fields of some member. */
  by?: string[];
}

/** A member of the report, with how old its data is: the summary of its snapshot, never its ideas. */
export interface ReportedMember {
  member: RegionMember;
  snapshot: SnapshotSummary | null;
  /** Why the latest sync of the member failed, when it did: the data shown is then from an earlier one. */
  failure: SyncFailure | null;
}

export interface RegionReportResult {
  kind: 'region-report';
  region: Region;
  lang: Lang;
  /** Every member asked for, with how old its data is; those never synced are in no figure. */
  members: ReportedMember[];
  report: RegionReport;
}

/**
 * The funnel, time in stage and goals of each member and of the region, from the last sync: offline. The members are
 * read one at a time, each counted into the report and let go before the next is read: the memory a report takes
 * grows with the largest member, not with the region (75,000 ideas in 15 members, the scale).
 */
export function runRegionReport(opts: RegionReportOptions, ctx: Ctx): Promise<RegionReportResult> {
  const { region, lang } = openRegion(opts, ctx);
  const today = isoDate(ctx.clock());
  const since = opts.since !== undefined ? parseDay(opts.since, '--since') : null;
  const until = opts.until !== undefined ? parseDay(opts.until, '--until') : today;
  if (since !== null && since > until) throw new IdeasError('USAGE', 'err.badPeriod', { since, until });
  const asked = opts.by ?? [];
  const facts = fieldFacts(asked);
  const fold = regionReportFold(region.config.name, { since, until, today }, facts.fields, lang);
  // A member is read, counted and let go before the next is read: the report counts fields, no idea's text is read.
  const members = mapHeldMembers(region, opts.members, 'fields', ({ member, snapshot, failure }): ReportedMember => {
    if (snapshot === null) return { member, snapshot: null, failure };
    addFieldFacts(facts, snapshot);
    addMember(fold, member, snapshot);
    return { member, snapshot: snapshotSummary(snapshot), failure };
  });
  // Checked once every member is read (a field is usable when some member publishes it), before anything is shown.
  const by = checkedByFields(asked, facts);
  const report = finishRegionReport(fold, by);
  return Promise.resolve({ kind: 'region-report', region, lang, members, report });
}

/** Set by the program, never a breakdown: an idea's own id, title, date and history. */
const NOT_GROUPS = new Set(['id', 'title', 'created', 'history', 'basedOn']);

/** What the check of the `--by` fields needs of the members, gathered as each is read: never their ideas. */
interface FieldFacts {
  /** The fields asked for, trimmed, once each, without a name that is refused whatever the members hold. */
  fields: string[];
  /** The fields that can be used, with their titles: the first member's that gives one. */
  usable: Map<string, Localized>;
  /** Each field's classes in the members' schemas. */
  classes: Map<string, Set<string>>;
  /** The fields asked for that some idea gives a compound value (an object, or a list of them). */
  structured: Set<string>;
  /** Members with data. */
  held: number;
}

function fieldFacts(asked: readonly string[]): FieldFacts {
  const fields: string[] = [];
  for (const raw of asked) {
    const field = raw.trim();
    if (!fields.includes(field) && forbiddenSegment(field) === null) fields.push(field);
  }
  return { fields, usable: new Map(), classes: new Map(), structured: new Set(), held: 0 };
}

function addFieldFacts(facts: FieldFacts, snapshot: MemberSnapshot): void {
  const { usable, classes } = facts;
  facts.held++;
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
  for (const field of facts.fields) {
    if (facts.structured.has(field)) continue;
    const compound = snapshot.ideas.some((i) => {
      const v = ownValue(i.data, field);
      return (
        v !== null &&
        typeof v === 'object' &&
        !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
      );
    });
    if (compound) facts.structured.add(field);
  }
}

/**
 * The `--by` fields, each checked against what every member holds (gathered by addFieldFacts as each is read): a field
 * some member's schemas mark public (the sync kept only such fields, so the groups hold only values a member
 * publishes). A field no member marks public, personal in some, is refused as personal; one that no member declares or
 * publishes, as unknown; each refusal names the fields that can be used. The first refused is the error.
 */
function checkedByFields(asked: readonly string[], facts: FieldFacts): ByField[] {
  const usable = new Map(facts.usable);
  const classes = facts.classes;
  for (const key of NOT_GROUPS) usable.delete(key);
  const names = () => listOrNone([...usable.keys()].sort(compareText), facts.held);
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
    if (facts.structured.has(field)) throw new IdeasError('USAGE', 'err.byNotCategorical', { field });
    out.push({ field, title });
  }
  return out;
}
