/**
 * The figures of `ideas region report`: the funnel, the time in each stage and the goals of every member, and of the
 * region as a whole, computed by the same `buildReport` as `ideas report`, from what the last sync kept. A member's
 * snapshot is made into what the report reads (a config with its stages and goals, and each idea's public fields):
 * the region never sees more than the member publishes.
 *
 * Small groups: a median or 90th percentile of fewer stays than the threshold is one or two ideas' own times; per
 * member and for the region, such a figure is withheld (the count of stays is still given). The threshold is the
 * member's own `minGroupSize`, and for the region the strictest of its members'.
 */
import type { RegionMember } from './config.js';
import type { MemberSnapshot, RegionIdea } from './snapshot.js';
import { DEFAULT_MIN_GROUP_SIZE, type Goal, type RegistryConfig, type Stage } from '../sluice/config.js';
import type { IdeaFields } from '../sluice/idea.js';
import { classifySources } from '../criteria/personal-data.js';
import {
  buildReport,
  grants,
  groupValues,
  inPeriod,
  overrideAtEnd,
  pool,
  countsIn,
  subjectOf,
  timeRow,
  type GoalProgress,
  type OverrideRow,
  type Report,
  type ReportOptions,
} from '../report/report.js';
import { t, type Lang, type Localized } from '../i18n/i18n.js';
import { compareText } from '../i18n/text-order.js';
import { nullObject, ownValue } from '../safe-object.js';
import { daysBetween } from '../history/stays.js';
import { scalarText } from '../field-text.js';
import {
  addMemberStages,
  distinguishedStages,
  emptyRegionStages,
  ideaInRegionStages,
  regionStageKeyOf,
  regionStagesOf,
  type RegionStages,
} from './stages.js';
import { challengeOf } from '../sluice/challenge.js';

export interface ReportPeriod {
  since: string | null;
  until: string;
  today: string;
}

/** A field to break the region's ideas down by: its key and its label (a public field of some member). */
export interface ByField {
  field: string;
  title: Localized;
}

/** One group of a breakdown across the region: the ideas giving one value (or, for a challenge, one label). */
export interface RegionGroup {
  /** The group's name in the region's language: a challenge's label, else the value; null for ideas without one. */
  label: string | null;
  /** The values the ideas give (a challenge's id in each member that has it). */
  values: string[];
  ideas: number;
  /** In how many members the group's ideas are. */
  members: number;
  /** Ideas of the group created or imported during the period. */
  added: number;
  /** Ideas per stage of the region (merged where key and labels agree) at the end of the period. */
  byStage: Record<string, number>;
  /**
   * Ideas per member (by id; every member with data, 0 where it has none): the cross table of the field by
   * municipality. Its rows are the groups shown and the pool, as pooled for the region; its cells are counts, as
   * `byStage` is, within a group of at least the threshold.
   */
  byMember: Record<string, number>;
}

/**
 * The region's ideas by a field. Groups of fewer ideas than the threshold are pooled, and the pool topped up to at
 * least that many (`pool` of the single report): a region report is handed round across municipalities, and a group
 * of one or two ideas is those ideas. Fewer ideas than the threshold in all: nothing is shown (`suppressed`).
 */
export interface RegionBreakdown {
  field: string;
  title: Localized;
  groups: RegionGroup[];
  pooled: RegionGroup | null;
  pooledGroups: number;
  suppressed: boolean;
}

export interface ReportPart {
  config: RegistryConfig;
  report: Report;
  /** The stages whose median and 90th percentile are withheld: fewer stays than the threshold. */
  withheld: string[];
}

/** A member's figures: no snapshot (every idea of it), which is let go once they are made. */
export interface MemberReport extends ReportPart {
  member: RegionMember;
}

export interface RegionReport {
  /** Every member's stages, merged where key and labels agree, in the order first met, for the region's own figures. */
  region: ReportPart;
  members: MemberReport[];
  /** The region's ideas by each `--by` field, in the order asked. */
  breakdowns: RegionBreakdown[];
}

function stageOf(key: string, label: Stage['label'], limitDays: number | null): Stage {
  return { key, folder: key, label, next: [], criteria: '', council: false, funding: false, limitDays };
}

/** The member's config as far as the snapshot keeps it: enough for the report (no criteria, no folders). */
export function snapshotConfig(snapshot: MemberSnapshot): RegistryConfig {
  const r = snapshot.registry;
  return {
    schemaVersion: 1,
    name: r.name,
    language: r.language === 'en' ? 'en' : 'sv',
    idPrefix: r.idPrefix,
    ideasDir: '',
    stages: r.stages.map((s) => stageOf(s.key, s.label, s.limitDays ?? null)),
    challenges: [],
    goals: r.goals ?? [],
    ...(typeof r.minGroupSize === 'number' ? { minGroupSize: r.minGroupSize } : {}),
  };
}

/** A kept idea as the report reads it. Its data is public already: nobody's name is there to read. */
export function ideaFieldsOf(idea: RegionIdea, stage: Stage): IdeaFields {
  const tags = Array.isArray(idea.data.tags) ? idea.data.tags.filter((x): x is string => typeof x === 'string') : [];
  return {
    id: idea.id,
    title: idea.title,
    created: idea.created,
    carrier: null,
    coach: null,
    unit: idea.unit,
    challenge: scalarText(idea.data.challenge),
    tags,
    data: idea.data,
    stage,
    path: idea.path,
    abs: idea.path,
  };
}

/** Withholds the time figures of stages with fewer stays than `k`. */
function withhold(report: Report, k: number): { report: Report; withheld: string[] } {
  const withheld: string[] = [];
  const time = report.time.map((row) => {
    if (row.n === 0 || row.n >= k) return row;
    withheld.push(row.stage.key);
    return { ...row, median: null, p90: null };
  });
  return { report: { ...report, time }, withheld };
}

/** The region's goals: each member's goals of the same id and stage added up (targets and ideas reached). */
function regionGoals(members: readonly MemberReport[], until: string): GoalProgress[] {
  const sums = new Map<string, { goal: Goal; reached: number; members: number }>();
  for (const m of members)
    for (const g of m.report.goals) {
      const key = `${g.goal.id}\n${g.goal.stage}`;
      const sum = sums.get(key);
      if (!sum) sums.set(key, { goal: { ...g.goal }, reached: g.reached, members: 1 });
      else {
        sum.goal.target += g.goal.target;
        sum.reached += g.reached;
        sum.members += 1;
        // The region's date is the latest of its members': a member with none makes it open-ended.
        sum.goal.by =
          sum.goal.by === null || g.goal.by === null ? null : sum.goal.by > g.goal.by ? sum.goal.by : g.goal.by;
      }
    }
  return [...sums.values()].map(({ goal: own, reached, members: count }) => {
    // A label that names its member's own target ("Fem innovationer …") is said to be the members' together, so
    // that it does not contradict the sum beside it.
    const goal =
      count > 1
        ? {
            ...own,
            label: {
              sv: t('sv', 'region.goalSummed', { label: own.label.sv, members: count }),
              en: t('en', 'region.goalSummed', { label: own.label.en, members: count }),
            },
          }
        : own;
    const daysLeft = goal.by ? daysBetween(until, goal.by) : null;
    const status = reached >= goal.target ? 'met' : daysLeft !== null && daysLeft < 0 ? 'missed' : 'open';
    return { goal, reached, percent: Math.floor((reached / goal.target) * 100), daysLeft, status };
  });
}

/** An idea of the region as a breakdown counts it: its stage at the end of the period, its member, whether new. */
interface Counted {
  stage: string;
  member: string;
  added: boolean;
}

/** One `--by` field's groups: each label's values, and the ideas that give them. */
type Groups = Map<string | null, { values: Set<string>; ideas: Set<Counted> }>;

/** An idea standing on an override, its stage by key: the region's stages are known only once every member is in. */
type PendingOverride = Omit<OverrideRow, 'stage'> & { stage: string };

/**
 * The region's report while its members are added, one at a time (`addMember`), then finished (`finishRegionReport`):
 * the region's figures are counted as each member comes, so that a member's snapshot can be let go before the next
 * is read. Its own figures are what `buildReport` would give for every idea of the region at once (with the merged
 * stages, no limits, no goals, no schema: src/core/region/report.test.ts holds them to that); nothing here keeps a
 * member's ideas: a breakdown keeps, per idea, its stage, member and whether it is new, no more.
 */
export interface RegionFold {
  name: string;
  period: ReportPeriod;
  lang: Lang;
  /** The strictest threshold of the members added so far. */
  k: number;
  /** Every member's stages, merged where key and labels agree, in the order first met (stages.ts). */
  stages: RegionStages;
  members: MemberReport[];
  /** Ideas at the end of the period, and of those the ones created or imported during it. */
  ideas: number;
  added: number;
  /** By stage key (any a history names): ideas in it at the end of the period, that came in, that left. */
  now: Map<string, number>;
  entered: Map<string, number>;
  left: Map<string, number>;
  /** By stage key: the days of each stay that ended in the period, in the order of the ideas. */
  days: Map<string, number[]>;
  /** By stage key, in the order first granted: the amount granted in the period and to how many ideas. */
  funds: Map<string, { amount: number; ideas: number }>;
  /** Ideas granted anything in the period. */
  funded: number;
  overrides: PendingOverride[];
  /** By `--by` field, in the order asked. */
  groups: Map<string, Groups>;
}

// The data is public already (filtered when synced): no schema is needed to say what may be shown.
/**
 * How buildReport classifies what the region holds of a member: it is public already (the sync kept only what the
 * member publishes), and of it the report names an idea by the id the region keeps of it and by its title; no field
 * is summed as aggregate-only.
 */
export const REGION_HELD = classifySources([
  { schema: { properties: { id: { 'x-public': true }, title: { 'x-public': true } } }, uri: null },
]);

function reportOptions(period: ReportPeriod, k: number): ReportOptions {
  return { ...period, by: [], includePersonal: false, minGroupSize: k };
}

/** A region's report with no member added yet; `fields` are the `--by` fields, checked by the caller. */
export function regionReportFold(
  name: string,
  period: ReportPeriod,
  fields: readonly string[] = [],
  lang: Lang = 'sv',
): RegionFold {
  return {
    name,
    period,
    lang,
    k: DEFAULT_MIN_GROUP_SIZE,
    stages: emptyRegionStages(),
    members: [],
    ideas: 0,
    added: 0,
    now: new Map(),
    entered: new Map(),
    left: new Map(),
    days: new Map(),
    funds: new Map(),
    funded: 0,
    overrides: [],
    groups: new Map(fields.map((f) => [f, new Map()])),
  };
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * Adds a member: its own report, made from its snapshot, and its ideas counted into the region's figures. Nothing
 * of the snapshot is kept (its config's stages and goals are copied into the member's report): the caller can let
 * it go.
 */
export function addMember(fold: RegionFold, member: RegionMember, snapshot: MemberSnapshot): void {
  const config = snapshotConfig(snapshot);
  const k = config.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  fold.k = Math.max(fold.k, k);
  const stages = new Map(config.stages.map((s) => [s.key, s]));
  addMemberStages(fold.stages, member.id, config.stages);
  const regionKey = (key: string) => regionStageKeyOf(fold.stages, member.id, key);
  const owner: Owner = { member: member.id, challenges: snapshot.registry.challenges ?? [] };
  const ideas: IdeaFields[] = [];
  const o = reportOptions(fold.period, k);
  for (const idea of snapshot.ideas) {
    const stage = stages.get(idea.stage);
    if (!stage) continue;
    const fields = ideaFieldsOf(idea, stage);
    ideas.push(fields);
    if (!countsIn(fields, o)) continue;
    // In the region's own figures an idea is named with its member, as `ideas region show` takes it, and counted in
    // the region's stage that is its member's: by the region's key for it, in its history too.
    const region = regionStage(fold.stages, regionKey(idea.stage));
    const named = {
      ...ideaFieldsOf(ideaInRegionStages(idea, regionKey), region),
      id: `${member.id}:${idea.id ?? idea.path}`,
    };
    count(fold, o, named, owner);
  }
  const report = buildReport(config, ideas, REGION_HELD, o);
  fold.members.push({ member, config, ...withhold(report, k) });
}

/** One idea into the region's figures, as `buildReport` counts it (src/core/report/report.ts). */
function count(fold: RegionFold, o: ReportOptions, idea: IdeaFields, owner: Owner): void {
  const s = subjectOf(idea, o);
  for (const stage of new Set(s.stays.filter((x) => inPeriod(x.entered, o)).map((x) => x.stage)))
    bump(fold.entered, stage);
  for (const stage of new Set(s.stays.filter((x) => inPeriod(x.left, o)).map((x) => x.stage))) bump(fold.left, stage);
  for (const x of s.stays) {
    if (x.entered === null || !inPeriod(x.left, o)) continue;
    const days = fold.days.get(x.stage) ?? [];
    days.push(daysBetween(x.entered, x.left as string));
    fold.days.set(x.stage, days);
  }
  const granted = grants(idea, o);
  const seen = new Set<string>();
  for (const g of granted) {
    const row = fold.funds.get(g.stage) ?? { amount: 0, ideas: 0 };
    row.amount += g.amount;
    if (!seen.has(g.stage)) row.ideas++;
    seen.add(g.stage);
    fold.funds.set(g.stage, row);
  }
  if (granted.length > 0) fold.funded++;
  if (s.now === null) return;
  const stage = s.now.stage;
  fold.ideas++;
  if (s.added) fold.added++;
  bump(fold.now, stage);
  const override = overrideAtEnd(s, o);
  if (override)
    fold.overrides.push({
      id: idea.id,
      title: idea.title,
      path: idea.path,
      stage,
      date: override.date,
      action: override.action,
      missing: null,
      personal: null,
    });
  if (fold.groups.size === 0) return;
  const counted: Counted = { stage, member: owner.member, added: s.added };
  for (const [field, groups] of fold.groups) {
    const values = groupValues(ownValue(idea.data, field));
    for (const v of values.length > 0 ? values : [null]) {
      const label = v === null ? null : valueName(field, v, owner, fold.lang);
      let g = groups.get(label);
      if (!g) groups.set(label, (g = { values: new Set(), ideas: new Set() }));
      if (v !== null) g.values.add(v);
      g.ideas.add(counted);
    }
  }
}

/** The region's report once every member is added; `by` gives the titles of the fields the fold was started with. */
export function finishRegionReport(fold: RegionFold, by: readonly ByField[] = []): RegionReport {
  const k = fold.k;
  // Headed by their labels, and where two rows share one, by their keys too.
  const config = regionConfig(
    fold.name,
    distinguishedStages(fold.stages).map((s) => stageOf(s.key, s.label, null)),
    k,
  );
  const stages = config.stages;
  const byKey = new Map(stages.map((s) => [s.key, s]));
  const o = reportOptions(fold.period, k);
  const order = (key: string) => stages.findIndex((s) => s.key === key);
  const overrides: OverrideRow[] = fold.overrides
    .filter((r) => byKey.has(r.stage))
    .map((r) => ({ ...r, stage: byKey.get(r.stage) as Stage }))
    .sort(
      (a, b) =>
        order(a.stage.key) - order(b.stage.key) || compareText(a.id ?? a.path ?? '', b.id ?? b.path ?? '', fold.lang),
    );
  const report: Report = {
    period: { since: o.since, until: o.until },
    today: o.today,
    minGroupSize: k,
    includePersonal: false,
    ideas: fold.ideas,
    added: fold.added,
    funnel: stages.map((stage) => ({
      stage,
      now: fold.now.get(stage.key) ?? 0,
      entered: fold.entered.get(stage.key) ?? 0,
      left: fold.left.get(stage.key) ?? 0,
    })),
    // The merged stages have no limit (each member's own is in its waiting list, below), and the region no goals.
    time: stages.map((stage) => timeRow(stage, fold.days.get(stage.key) ?? [], [])),
    goals: [],
    funds: {
      rows: stages
        .filter((st) => fold.funds.has(st.key))
        .map((stage) => ({
          stage,
          amount: fold.funds.get(stage.key)?.amount ?? 0,
          ideas: fold.funds.get(stage.key)?.ideas ?? 0,
        })),
      total: [...fold.funds.values()].reduce((sum, r) => sum + r.amount, 0),
      ideas: fold.funded,
    },
    // No schema: no field is aggregate-only, and the region's breakdowns are its own (below).
    breakdowns: [],
    aggregates: [],
    overrides,
  };
  const members = fold.members;
  const built = withhold(report, k);
  // Limits are each member's own: the region's waiting list is its members', each idea named with its member.
  const time = built.report.time.map((row) => ({
    ...row,
    waiting: members
      .flatMap((m) =>
        (
          m.report.time.find((x) => regionStageKeyOf(fold.stages, m.member.id, x.stage.key) === row.stage.key)
            ?.waiting ?? []
        ).map((w) => ({
          ...w,
          id: `${m.member.id}:${w.id ?? w.path}`,
        })),
      )
      .sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
  const goals = regionGoals(members, fold.period.until);
  const memberIds = members.map((m) => m.member.id);
  const breakdowns = by.map((f) => {
    const groups = fold.groups.get(f.field);
    if (!groups) throw new Error(`region report: --by ${f.field} was not counted`);
    return regionBreakdown(f, groups, fold.ideas, stages, memberIds, k, fold.lang);
  });
  return {
    region: { config, report: { ...built.report, time, goals }, withheld: built.withheld },
    members,
    breakdowns,
  };
}

/** The report of a region whose members are all at hand: each added in turn (`addMember`), then finished. */
export function buildRegionReport(
  name: string,
  held: readonly { member: RegionMember; snapshot: MemberSnapshot }[],
  period: ReportPeriod,
  by: readonly ByField[] = [],
  lang: Lang = 'sv',
): RegionReport {
  const fold = regionReportFold(
    name,
    period,
    by.map((b) => b.field),
    lang,
  );
  for (const { member, snapshot } of held) addMember(fold, member, snapshot);
  return finishRegionReport(fold, by);
}

/** Whose an idea of the region is: its member, and that member's challenges (a challenge's id is the member's). */
interface Owner {
  member: string;
  challenges: readonly { id: string; label: Localized }[];
}

/** The name of a value in the region's language: a challenge by its member's label for it, any other as it is. */
function valueName(field: string, value: string, owner: Owner, lang: Lang): string {
  if (field === 'challenge') {
    const c = challengeOf(owner.challenges, value);
    if (c && typeof c.label?.[lang] === 'string' && c.label[lang].trim() !== '') return c.label[lang].trim();
  }
  return value;
}

/** A field's groups as counted (`total` ideas at the end of the period), pooled and laid out by stage and member. */
function regionBreakdown(
  by: ByField,
  groups: Groups,
  total: number,
  stages: readonly Stage[],
  memberIds: readonly string[],
  k: number,
  lang: Lang,
): RegionBreakdown {
  const group = (label: string | null, values: Iterable<string>, ideas: Set<Counted>): RegionGroup => {
    const byStage = nullObject<number>();
    for (const st of stages) byStage[st.key] = 0;
    const byMember = nullObject<number>();
    for (const id of memberIds) byMember[id] = 0;
    for (const x of ideas) {
      byStage[x.stage] = (byStage[x.stage] ?? 0) + 1;
      byMember[x.member] = (byMember[x.member] ?? 0) + 1;
    }
    const list = [...ideas];
    return {
      label,
      values: [...new Set(values)].sort((a, b) => compareText(a, b, lang)),
      ideas: ideas.size,
      members: new Set(list.map((x) => x.member)).size,
      added: list.filter((x) => x.added).length,
      byStage,
      byMember,
    };
  };
  const rows = [...groups.entries()]
    .map(([label, g]) => ({ label, values: g.values, ideas: g.ideas }))
    .sort((a, b) =>
      a.label === null ? 1 : b.label === null ? -1 : b.ideas.size - a.ideas.size || compareText(a.label, b.label, lang),
    );
  // An idea with a list value sits in several groups: the pool counts each idea once.
  const distinct = (rs: typeof rows) => new Set(rs.flatMap((r) => [...r.ideas])).size;
  const { shown, pooled } = pool(rows, (r) => r.ideas.size, distinct, total, k);
  return {
    field: by.field,
    title: by.title,
    groups: shown.map((r) => group(r.label, r.values, r.ideas)),
    pooled:
      pooled.length > 0
        ? group(
            null,
            pooled.flatMap((r) => [...r.values]),
            new Set(pooled.flatMap((r) => [...r.ideas])),
          )
        : null,
    pooledGroups: pooled.length,
    suppressed: total < k,
  };
}

/** A stage of the region as a member's config has it: its key in the region, its members' label for it. */
function regionStage(stages: RegionStages, key: string): Stage {
  const s = stages.stages.get(key);
  return stageOf(key, s?.label ?? { sv: key, en: key }, null);
}

/**
 * The stages of every member as the region's rows are: merged where key and labels agree (core/region/stages.ts), in
 * the order first met, each by its members' own label; and what maps each member's keys to them.
 */
export function memberStages(held: readonly { member: RegionMember; snapshot: MemberSnapshot }[]): {
  stages: Stage[];
  region: RegionStages;
} {
  const region = regionStagesOf(held.map((h) => ({ member: h.member.id, stages: h.snapshot.registry.stages })));
  return { stages: [...region.stages.keys()].map((key) => regionStage(region, key)), region };
}

/** A config for the region as a whole: its name and merged stages, for what reads a registry's config. */
export function regionConfig(name: string, stages: Stage[], minGroupSize = DEFAULT_MIN_GROUP_SIZE): RegistryConfig {
  return {
    schemaVersion: 1,
    name,
    language: 'sv',
    idPrefix: '',
    ideasDir: '',
    stages,
    challenges: [],
    goals: [],
    minGroupSize,
  };
}
