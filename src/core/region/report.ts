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
import { buildReport, type GoalProgress, type Report } from '../report/report.js';
import { daysBetween } from '../history/stays.js';

export interface ReportPeriod {
  since: string | null;
  until: string;
  today: string;
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
): RegionReport {
  // The data is public already (filtered when synced): no schema is needed to say what may be shown.
  const classes = classifySources([]);
  const options = (k: number) => ({ ...period, by: [], includePersonal: false, minGroupSize: k });
  const merged = new Map<string, Stage>();
  const all: IdeaFields[] = [];
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
  return { region: { config, report: { ...built.report, time, goals }, withheld: built.withheld }, members };
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
