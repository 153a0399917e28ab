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
  groupValues,
  pool,
  subjectOf,
  type GoalProgress,
  type Report,
  type Subject,
} from '../report/report.js';
import type { Lang, Localized } from '../i18n/i18n.js';
import { compareText } from '../i18n/text-order.js';
import { nullObject, ownValue } from '../safe-object.js';
import { daysBetween } from '../history/stays.js';

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
  /** Ideas per stage of the region (merged by key) at the end of the period. */
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

export interface MemberReport extends ReportPart {
  member: RegionMember;
  snapshot: MemberSnapshot;
}

export interface RegionReport {
  /** Every member's stages, merged by key in the order first met, for the region's own figures. */
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

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

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
    challenge: str(idea.data.challenge),
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
export function regionGoals(members: readonly MemberReport[], until: string): GoalProgress[] {
  const sums = new Map<string, { goal: Goal; reached: number }>();
  for (const m of members)
    for (const g of m.report.goals) {
      const key = `${g.goal.id}\n${g.goal.stage}`;
      const sum = sums.get(key);
      if (!sum) sums.set(key, { goal: { ...g.goal }, reached: g.reached });
      else {
        sum.goal.target += g.goal.target;
        sum.reached += g.reached;
        // The region's date is the latest of its members': a member with none makes it open-ended.
        sum.goal.by =
          sum.goal.by === null || g.goal.by === null ? null : sum.goal.by > g.goal.by ? sum.goal.by : g.goal.by;
      }
    }
  return [...sums.values()].map(({ goal, reached }) => {
    const daysLeft = goal.by ? daysBetween(until, goal.by) : null;
    const status = reached >= goal.target ? 'met' : daysLeft !== null && daysLeft < 0 ? 'missed' : 'open';
    return { goal, reached, percent: Math.floor((reached / goal.target) * 100), daysLeft, status };
  });
}

export function buildRegionReport(
  name: string,
  held: readonly { member: RegionMember; snapshot: MemberSnapshot }[],
  period: ReportPeriod,
  by: readonly ByField[] = [],
  lang: Lang = 'sv',
): RegionReport {
  // The data is public already (filtered when synced): no schema is needed to say what may be shown.
  const classes = classifySources([]);
  const options = (k: number) => ({ ...period, by: [], includePersonal: false, minGroupSize: k });
  const merged = new Map<string, Stage>();
  const all: IdeaFields[] = [];
  const owners: Owner[] = [];
  let regionK = DEFAULT_MIN_GROUP_SIZE;
  const members = held.map(({ member, snapshot }): MemberReport => {
    const config = snapshotConfig(snapshot);
    const k = config.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
    regionK = Math.max(regionK, k);
    const stages = new Map(config.stages.map((s) => [s.key, s]));
    for (const s of config.stages) if (!merged.has(s.key)) merged.set(s.key, stageOf(s.key, s.label, null));
    const ideas: IdeaFields[] = [];
    for (const idea of snapshot.ideas) {
      const stage = stages.get(idea.stage);
      if (!stage) continue;
      ideas.push(ideaFieldsOf(idea, stage));
      // In the region's own figures an idea is named with its member, as `ideas region show` takes it.
      all.push({ ...ideaFieldsOf(idea, merged.get(idea.stage) as Stage), id: `${member.id}:${idea.id ?? idea.path}` });
      owners.push({ member: member.id, challenges: snapshot.registry.challenges ?? [] });
    }
    return { member, snapshot, config, ...withhold(buildReport(config, ideas, classes, options(k)), k) };
  });
  const config = regionConfig(name, [...merged.values()], regionK);
  const built = withhold(buildReport(config, all, classes, options(regionK)), regionK);
  // Limits are each member's own: the region's waiting list is its members', each idea named with its member.
  const time = built.report.time.map((row) => ({
    ...row,
    waiting: members
      .flatMap((m) =>
        (m.report.time.find((x) => x.stage.key === row.stage.key)?.waiting ?? []).map((w) => ({
          ...w,
          id: `${m.member.id}:${w.id ?? w.path}`,
        })),
      )
      .sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
  const goals = regionGoals(members, period.until);
  const o = options(regionK);
  const subjects = all
    .map((idea, n) => ({ s: subjectOf(idea, o), owner: owners[n] as Owner }))
    .filter((x) => x.s.now !== null);
  const memberIds = members.map((m) => m.member.id);
  const breakdowns = by.map((f) => regionBreakdown(f, subjects, config.stages, memberIds, regionK, lang));
  return {
    region: { config, report: { ...built.report, time, goals }, withheld: built.withheld },
    members,
    breakdowns,
  };
}

/** Whose an idea of the region is: its member, and that member's challenges (a challenge's id is the member's). */
interface Owner {
  member: string;
  challenges: readonly { id: string; label: Localized }[];
}

/** The name of a value in the region's language: a challenge by its member's label for it, any other as it is. */
function valueName(field: string, value: string, owner: Owner, lang: Lang): string {
  if (field === 'challenge') {
    const c = owner.challenges.find((x) => x.id === value);
    if (c && typeof c.label?.[lang] === 'string' && c.label[lang].trim() !== '') return c.label[lang].trim();
  }
  return value;
}

function regionBreakdown(
  by: ByField,
  subjects: readonly { s: Subject; owner: Owner }[],
  stages: readonly Stage[],
  memberIds: readonly string[],
  k: number,
  lang: Lang,
): RegionBreakdown {
  type Members = Set<{ s: Subject; owner: Owner }>;
  const groups = new Map<string | null, { values: Set<string>; ideas: Members }>();
  for (const x of subjects) {
    const values = groupValues(ownValue(x.s.idea.data, by.field));
    for (const v of values.length > 0 ? values : [null]) {
      const label = v === null ? null : valueName(by.field, v, x.owner, lang);
      let g = groups.get(label);
      if (!g) groups.set(label, (g = { values: new Set(), ideas: new Set() }));
      if (v !== null) g.values.add(v);
      g.ideas.add(x);
    }
  }
  const group = (label: string | null, values: Iterable<string>, ideas: Members): RegionGroup => {
    const byStage = nullObject<number>();
    for (const st of stages) byStage[st.key] = 0;
    const byMember = nullObject<number>();
    for (const id of memberIds) byMember[id] = 0;
    for (const x of ideas) {
      const key = x.s.now?.stage ?? x.s.idea.stage.key;
      byStage[key] = (byStage[key] ?? 0) + 1;
      byMember[x.owner.member] = (byMember[x.owner.member] ?? 0) + 1;
    }
    const list = [...ideas];
    return {
      label,
      values: [...new Set(values)].sort(compareText),
      ideas: ideas.size,
      members: new Set(list.map((x) => x.owner.member)).size,
      added: list.filter((x) => x.s.added).length,
      byStage,
      byMember,
    };
  };
  const rows = [...groups.entries()]
    .map(([label, g]) => ({ label, values: g.values, ideas: g.ideas }))
    .sort((a, b) =>
      a.label === null ? 1 : b.label === null ? -1 : b.ideas.size - a.ideas.size || compareText(a.label, b.label),
    );
  // An idea with a list value sits in several groups: the pool counts each idea once.
  const distinct = (rs: typeof rows) => new Set(rs.flatMap((r) => [...r.ideas])).size;
  const { shown, pooled } = pool(rows, (r) => r.ideas.size, distinct, subjects.length, k);
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
    suppressed: subjects.length < k,
  };
}

/** The stages of every member merged by key, in the order first met: the region's own stages. */
export function mergedStages(snapshots: readonly MemberSnapshot[]): Stage[] {
  const merged = new Map<string, Stage>();
  for (const s of snapshots)
    for (const st of s.registry.stages) if (!merged.has(st.key)) merged.set(st.key, stageOf(st.key, st.label, null));
  return [...merged.values()];
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
