/**
 * The figures of `ideas report`, computed from the idea files and their histories alone: the funnel, the time in
 * each stage, the goals, the funds granted, breakdowns by a field, and the sums of aggregate-only fields.
 *
 * The period is `since` to `until`, both days included. "Now" is the end of the period: the stage an idea stood in
 * that day, from its history (or its folder, when the period ends today or later). Flows (entered, left, funds,
 * completed stays) count what happened inside the period.
 */
import type { Goal, RegistryConfig, Stage } from '../sluice/config.js';
import { calendarDate, createdAfter, enteredStageOn, grantOf, historyOf, type IdeaFields } from '../sluice/idea.js';
import { compareText } from '../i18n/text-order.js';
import type { Lang, Localized } from '../i18n/i18n.js';
import { median, percentile } from './percentile.js';
import {
  aggregateFields,
  isPublicField,
  publicField,
  summableKey,
  type FieldClasses,
} from '../criteria/personal-data.js';
import { daysBetween, stayOn, staysOf, type Stay } from '../history/stays.js';
import { isRecord, nullObject, nullObjectFrom, ownValue } from '../safe-object.js';
import { overrideIn } from '../sluice/override.js';
import { challengeOf } from '../sluice/challenge.js';

export interface ReportOptions {
  since: string | null;
  until: string;
  today: string;
  by: readonly string[];
  includePersonal: boolean;
  minGroupSize: number;
  /**
   * The fields an idea lacks for the criteria of the stage it stands in now (src/core/sluice/override.ts); without it,
   * or for a period that ended before today, the report does not say.
   */
  missing?: (idea: IdeaFields) => string[];
  /**
   * Only what a site's page of figures shows: the funnel, the goals and the funds. The time in each stage, the
   * breakdowns, the aggregate tables and the overrides are left empty, and not worked out (`ideas site`).
   */
  brief?: boolean;
}

/** An idea that stood at the end of the period in a stage it was forced into past a closed gate. */
export interface OverrideRow {
  id: string | null;
  title: string | null;
  /** Null in a public report whose title is not public: the file's name is made from the title. */
  path: string | null;
  stage: Stage;
  /** When it was forced, and how: `moved` or `decided` (a forced approval). */
  date: string | null;
  action: string;
  /** The fields its stage's criteria still lack; null when not known (a past period). */
  missing: string[] | null;
  /** Who overrode: only in an internal report (`--include-personal`); null otherwise. */
  personal: { by: string | null } | null;
}

export interface FunnelRow {
  stage: Stage;
  /** Ideas in the stage at the end of the period. */
  now: number;
  /** Ideas that came into the stage during the period (created or imported into it, or moved there). */
  entered: number;
  /** Ideas that left the stage during the period. */
  left: number;
}

export interface Waiting {
  id: string | null;
  title: string | null;
  /** Null in a public report whose title is not public: the file's name is made from the title. */
  path: string | null;
  stage: Stage;
  since: string;
  days: number;
  /** Only in an internal report (`--include-personal`); null otherwise. */
  personal: { carrier: string | null; coach: string | null } | null;
}

export interface TimeRow {
  stage: Stage;
  /** Stays in the stage that ended during the period: how many, and their median and 90th percentile in days. */
  n: number;
  median: number | null;
  p90: number | null;
  limitDays: number | null;
  /** Ideas in the stage at the end of the period for longer than its limit, longest first. */
  waiting: Waiting[];
}

export interface GoalProgress {
  goal: Goal;
  /** Ideas that had reached the goal's stage by the end of the period. */
  reached: number;
  percent: number;
  /** Days from the end of the period to the goal's date; negative when it has passed; null without a date. */
  daysLeft: number | null;
  status: 'met' | 'open' | 'missed';
}

export interface FundsRow {
  stage: Stage;
  amount: number;
  ideas: number;
}

export interface Funds {
  rows: FundsRow[];
  total: number;
  ideas: number;
}

export interface Group {
  /** The field's value; null for ideas without one. */
  value: string | null;
  ideas: number;
  /** Ideas per stage at the end of the period; null for an aggregate-only field, whose cross table could show one idea. */
  byStage: Record<string, number> | null;
  /**
   * Ideas of the group that were created or imported during the period, and the money granted to them; null for an
   * aggregate-only field, where a small count or a grant others can see per idea gives one idea's value away.
   */
  added: number | null;
  granted: number | null;
}

export interface Breakdown {
  field: string;
  /** An aggregate-only field: groups smaller than the threshold are pooled. */
  aggregate: boolean;
  groups: Group[];
  /** The small groups pooled together (never fewer ideas than the threshold), or null. */
  pooled: Group | null;
  /** How many groups the pool holds. */
  pooledGroups: number;
}

export interface AggregateRow {
  /** A stage key, a value of the breakdown field, or null for ideas without one. */
  group: string | null;
  /** Ideas that give a value for the field. */
  contributors: number;
  /** The sums, or null when suppressed. */
  sums: Record<string, number> | null;
}

export interface AggregateTable {
  field: string;
  /** The field the rows are grouped by, or null for stages. */
  by: string | null;
  /** The parts summed: the properties of an object field, or [''] for a number. */
  keys: string[];
  rows: AggregateRow[];
  pooled: AggregateRow | null;
  pooledGroups: number;
  total: AggregateRow;
  /**
   * Why a public report gives only the total here: `overlap`, the groups share ideas (a list field's); `breakdown`,
   * the report breaks the same field down another way. Null when the rows are shown.
   */
  withheld: 'overlap' | 'breakdown' | null;
}

export interface Report {
  period: { since: string | null; until: string };
  today: string;
  minGroupSize: number;
  includePersonal: boolean;
  /** Ideas that existed at the end of the period. */
  ideas: number;
  /** Of those, created or imported during the period. */
  added: number;
  funnel: FunnelRow[];
  time: TimeRow[];
  goals: GoalProgress[];
  funds: Funds;
  breakdowns: Breakdown[];
  aggregates: AggregateTable[];
  /** The ideas standing on an override at the end of the period, by stage and id. */
  overrides: OverrideRow[];
}

/** An idea as the report sees it at the end of the period (the region's breakdowns read it too). */
export interface Subject {
  idea: IdeaFields;
  stays: Stay[];
  /** The stay at the end of the period; null when the idea did not exist yet. */
  now: Stay | null;
  /** The date it came into that stay. */
  nowSince: string | null;
  added: boolean;
  granted: number;
}

/** Whether a date falls in the period, both ends included (the region's figures count by it too). */
export const inPeriod = (date: string | null, o: ReportOptions) =>
  date !== null && (o.since === null || date >= o.since) && date <= o.until;

export function subjectOf(idea: IdeaFields, o: ReportOptions): Subject {
  const stays = staysOf(idea);
  const present = o.until >= o.today;
  const created = calendarDate(idea.created);
  // Not yet created at the end of the period: whatever its history says, it did not stand anywhere then.
  const notYet = created !== null && created > o.until;
  let now: Stay | null;
  let nowSince: string | null;
  if (present) {
    // The folder is the stage: the last stay always is the folder's.
    now = notYet ? null : (stays[stays.length - 1] ?? null);
    nowSince = now?.entered ?? enteredStageOn(idea);
  } else {
    now = notYet ? null : stayOn(stays, o.until);
    nowSince = now?.entered ?? null;
  }
  const firstEntered = stays[0]?.entered ?? created;
  const granted = grants(idea, o).reduce((sum, g) => sum + g.amount, 0);
  return { idea, stays, now, nowSince, added: inPeriod(firstEntered, o), granted };
}

/** Amounts granted in the period, each to the stage it was granted for: the entry's `to`, else its `from`. */
export function grants(idea: IdeaFields, o: ReportOptions): { stage: string; amount: number }[] {
  return historyOf(idea).flatMap((e) => {
    // grantOf counts only an entry with a calendar date, which is then its date.
    const amount = grantOf(e);
    return amount > 0 && inPeriod(e.date as string, o)
      ? [{ stage: typeof e.to === 'string' ? e.to : typeof e.from === 'string' ? e.from : idea.stage.key, amount }]
      : [];
  });
}

/** A stage's row of time in stage: how many stays ended in the period, their median and 90th percentile in days. */
export function timeRow(stage: Stage, days: number[], waiting: Waiting[]): TimeRow {
  return {
    stage,
    n: days.length,
    median: median(days),
    p90: percentile(days, 0.9),
    limitDays: stage.limitDays,
    waiting,
  };
}

/**
 * Whether a report counts the idea at all: not one created after today (validate's created/future), as validate
 * says, in none of its figures: not its stays, its grants or its goals either (found from outside: the funnel and
 * the funds counted what the total did not). The region's figures hold to it too.
 */
export function countsIn(idea: IdeaFields, o: ReportOptions): boolean {
  return !createdAfter(idea.created, o.today);
}

export function buildReport(
  config: RegistryConfig,
  ideas: readonly IdeaFields[],
  classes: FieldClasses,
  o: ReportOptions,
): Report {
  const all = ideas.filter((i) => countsIn(i, o)).map((i) => subjectOf(i, o));
  const existing = all.filter((s) => s.now !== null);
  const stageOf = (s: Subject) => s.now?.stage ?? s.idea.stage.key;

  // Each stage's counts and its stays' days, the ideas gone over once (not once for each stage and count). An idea
  // counts once for a stage however many of its stays were there; the days keep the ideas' and stays' order.
  const tally = new Map<string, { entered: number; left: number; now: number; days: number[] }>();
  for (const stage of config.stages) tally.set(stage.key, { entered: 0, left: 0, now: 0, days: [] });
  for (const s of all) {
    const entered: string[] = [];
    const left: string[] = [];
    for (const x of s.stays) {
      const row = tally.get(x.stage);
      if (!row) continue;
      if (inPeriod(x.entered, o) && !entered.includes(x.stage)) {
        entered.push(x.stage);
        row.entered++;
      }
      if (inPeriod(x.left, o) && !left.includes(x.stage)) {
        left.push(x.stage);
        row.left++;
      }
      if (x.entered !== null && inPeriod(x.left, o)) row.days.push(daysBetween(x.entered, x.left as string));
    }
  }
  for (const s of existing) {
    const row = tally.get(stageOf(s));
    if (row) row.now++;
  }
  const tallyOf = (stage: Stage) =>
    tally.get(stage.key) as { entered: number; left: number; now: number; days: number[] };

  const funnel = config.stages.map((stage): FunnelRow => {
    const { now, entered, left } = tallyOf(stage);
    return { stage, now, entered, left };
  });

  const time = o.brief ? [] : timeRows(config, existing, classes, o, tallyOf, stageOf);

  const goals = config.goals.map((goal): GoalProgress => {
    const reached = existing.filter(
      (s) =>
        s.stays.some((x) => x.stage === goal.stage && x.entered !== null && x.entered <= o.until) ||
        stageOf(s) === goal.stage,
    ).length;
    const daysLeft = goal.by ? daysBetween(o.until, goal.by) : null;
    const status = reached >= goal.target ? 'met' : daysLeft !== null && daysLeft < 0 ? 'missed' : 'open';
    return { goal, reached, percent: Math.floor((reached / goal.target) * 100), daysLeft, status };
  });

  const fundRows = new Map<string, { amount: number; ideas: Set<IdeaFields> }>();
  for (const s of all) {
    for (const g of grants(s.idea, o)) {
      const row = fundRows.get(g.stage) ?? { amount: 0, ideas: new Set<IdeaFields>() };
      row.amount += g.amount;
      row.ideas.add(s.idea);
      fundRows.set(g.stage, row);
    }
  }
  const funds: Funds = {
    rows: config.stages
      .filter((st) => fundRows.has(st.key))
      .map((stage) => ({
        stage,
        amount: fundRows.get(stage.key)?.amount ?? 0,
        ideas: fundRows.get(stage.key)?.ideas.size ?? 0,
      })),
    total: [...fundRows.values()].reduce((sum, r) => sum + r.amount, 0),
    ideas: new Set([...fundRows.values()].flatMap((r) => [...r.ideas])).size,
  };

  const k = o.minGroupSize;
  const { breakdowns, aggregates, overrides } = o.brief
    ? { breakdowns: [], aggregates: [], overrides: [] }
    : detailOf(config, existing, classes, o, stageOf);

  return {
    period: { since: o.since, until: o.until },
    today: o.today,
    minGroupSize: k,
    includePersonal: o.includePersonal,
    ideas: existing.length,
    added: existing.filter((s) => s.added).length,
    funnel,
    time,
    goals,
    funds,
    breakdowns,
    aggregates,
    overrides,
  };
}

/** How long ideas stayed in each stage, and which wait past its limit (the report's `time`). */
function timeRows(
  config: RegistryConfig,
  existing: readonly Subject[],
  classes: FieldClasses,
  o: ReportOptions,
  tallyOf: (stage: Stage) => { days: number[] },
  stageOf: (s: Subject) => string,
): TimeRow[] {
  return config.stages.map((stage): TimeRow => {
    const { days } = tallyOf(stage);
    const waiting: Waiting[] = [];
    if (stage.limitDays !== null) {
      for (const s of existing) {
        if (stageOf(s) !== stage.key || s.nowSince === null) continue;
        const d = daysBetween(s.nowSince, o.until);
        if (d <= stage.limitDays) continue;
        waiting.push({
          ...named(s, classes, o),
          stage,
          since: s.nowSince,
          days: d,
          personal: o.includePersonal ? { carrier: s.idea.carrier, coach: s.idea.coach } : null,
        });
      }
      waiting.sort(
        (a, b) => b.days - a.days || compareText(a.id ?? a.path ?? '', b.id ?? b.path ?? '', config.language),
      );
    }
    return timeRow(stage, days, waiting);
  });
}

/** The report's breakdowns by field, its aggregate tables and its overrides. */
function detailOf(
  config: RegistryConfig,
  existing: readonly Subject[],
  classes: FieldClasses,
  o: ReportOptions,
  stageOf: (s: Subject) => string,
): Pick<Report, 'breakdowns' | 'aggregates' | 'overrides'> {
  const k = o.minGroupSize;
  // A breakdown groups by the values a public output may show; an aggregate-only field's are pooled instead.
  const pooled = (field: string) => classes.field(field).aggregate && !classes.field(field).personal;
  // A field the schemas make a list, holding something else (`tags: "skola, klimat"`, which validate refuses), has no
  // value here, as it has none in `ideas list` and on the site (found from outside: it was a group of its own).
  const listed = (field: string, read: (s: Subject) => unknown) =>
    classes.list(field)
      ? (s: Subject) => {
          const value = read(s);
          return Array.isArray(value) ? value : undefined;
        }
      : read;
  const valueOf = (field: string) =>
    listed(
      field,
      o.includePersonal || pooled(field)
        ? (s: Subject) => s.idea.data[field]
        : (s: Subject) => publicField(s.idea.data, field, classes),
    );
  const breakdowns = o.by.map((field) =>
    breakdown(field, valueOf(field), existing, config, classes.field(field).aggregate, k, stageOf),
  );
  const aggregates: AggregateTable[] = [];
  const keys = new Set(existing.flatMap((s) => Object.keys(s.idea.data)));
  const stageGroups = config.stages.map((st) => ({
    key: st.key,
    members: existing.filter((s) => stageOf(s) === st.key),
  }));
  const byGroups = o.by.map((by) =>
    groupsOf(valueOf(by), existing, config.language).map(([key, members]) => ({ key, members })),
  );
  // A public report breaks each aggregate-only field down one way only, into groups that share no idea: two ways (the
  // stages and a --by field, or a list field's groups, where an idea counts in several) could be subtracted from each
  // other down to fewer ideas than minGroupSize, whatever each table pools. The first --by field whose groups share
  // no idea is that way, else the stages; every other table gives the total only.
  const oneWay = o.includePersonal ? null : byGroups.findIndex((g) => disjoint(g));
  const withheld = (way: number, groups: readonly { members: Subject[] }[]): AggregateTable['withheld'] =>
    oneWay === null || way === oneWay ? null : disjoint(groups) ? 'breakdown' : 'overlap';
  for (const field of aggregateFields(classes, keys)) {
    const keys = partsOf(field, existing, o.includePersonal ? null : (key) => summableKey(field, key, classes));
    if (keys === null) continue;
    aggregates.push(aggregateTable(field, null, keys, stageGroups, existing, k, withheld(-1, stageGroups)));
    o.by.forEach((by, i) => {
      const groups = byGroups[i] ?? [];
      aggregates.push(aggregateTable(field, by, keys, groups, existing, k, withheld(i, groups)));
    });
  }

  const overrides = overridesOf(existing, config, classes, o);
  return { breakdowns, aggregates, overrides };
}

/**
 * An idea's id, title and file as the report may name them: in a public report each only where the schemas make it
 * public, as the site does; the file only with both, as its name is made of the two. An idea named by none is still
 * counted.
 */
function named(
  s: Subject,
  classes: FieldClasses,
  o: ReportOptions,
): { id: string | null; title: string | null; path: string | null } {
  const idShown = isPublicField('id', classes, o);
  const titleShown = o.includePersonal || typeof publicField(s.idea.data, 'title', classes) === 'string';
  return {
    id: idShown ? s.idea.id : null,
    title: titleShown ? s.idea.title : null,
    path: idShown && titleShown ? s.idea.path : null,
  };
}

/**
 * The override an idea stood on, in its stage, on the last day of the period (the rule of
 * src/core/sluice/override.ts), read from its history as it stood that day: entries after the period have not
 * happened yet.
 */
export function overrideAtEnd(s: Subject, o: ReportOptions): ReturnType<typeof overrideIn> {
  const history =
    o.until >= o.today
      ? historyOf(s.idea)
      : historyOf(s.idea).filter((e) => {
          const day = calendarDate(e.date);
          return day !== null && day <= o.until;
        });
  return overrideIn(history, s.now?.stage ?? s.idea.stage.key);
}

/** The ideas that stood on an override on the last day of the period. */
function overridesOf(
  existing: readonly Subject[],
  config: RegistryConfig,
  classes: FieldClasses,
  o: ReportOptions,
): OverrideRow[] {
  const present = o.until >= o.today;
  const rows: OverrideRow[] = [];
  for (const s of existing) {
    const stageKey = s.now?.stage ?? s.idea.stage.key;
    const stage = config.stages.find((x) => x.key === stageKey);
    if (!stage) continue;
    const override = overrideAtEnd(s, o);
    if (!override) continue;
    rows.push({
      ...named(s, classes, o),
      stage,
      date: override.date,
      action: override.action,
      missing: present && o.missing ? o.missing(s.idea) : null,
      personal: o.includePersonal ? { by: override.by } : null,
    });
  }
  const order = (st: Stage) => config.stages.indexOf(st);
  return rows.sort(
    (a, b) =>
      order(a.stage) - order(b.stage) || compareText(a.id ?? a.path ?? '', b.id ?? b.path ?? '', config.language),
  );
}

/** The values an idea has for a field, as group keys: each item of a list; none for a missing or empty value. */
export function groupValues(value: unknown): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap(groupValues))];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}

/** Ideas by their value for a field; ideas without one under null, last. A list puts an idea in several groups. */
function groupsOf(
  valueOf: (s: Subject) => unknown,
  subjects: readonly Subject[],
  lang: Lang,
): [string | null, Subject[]][] {
  const groups = new Map<string | null, Subject[]>();
  for (const s of subjects) {
    const values = groupValues(valueOf(s));
    for (const v of values.length > 0 ? values : [null]) {
      const members = groups.get(v);
      if (members) members.push(s);
      else groups.set(v, [s]);
    }
  }
  return [...groups.entries()].sort(([a, x], [b, y]) =>
    a === null ? 1 : b === null ? -1 : y.length - x.length || compareText(a, b, lang),
  );
}

/**
 * Small groups are pooled, and the pool is topped up with the next smallest groups until it holds at least `k`:
 * otherwise the total less the groups shown would give the small group's figures anyway. `pooledSize` counts the
 * pool's ideas once each, as an idea with a list value sits in several groups.
 */
export function pool<T>(
  rows: T[],
  size: (r: T) => number,
  pooledSize: (rs: T[]) => number,
  total: number,
  k: number,
): { shown: T[]; pooled: T[] } {
  if (total < k) return { shown: [], pooled: [] };
  const shown = rows.filter((r) => size(r) >= k);
  const pooled = rows.filter((r) => size(r) > 0 && size(r) < k);
  while (pooled.length > 0 && pooledSize(pooled) < k && shown.length > 0) {
    let smallest = 0;
    shown.forEach((r, i) => {
      if (size(r) < size(shown[smallest] as T)) smallest = i;
    });
    pooled.push(...shown.splice(smallest, 1));
  }
  return { shown, pooled };
}

function breakdown(
  field: string,
  valueOf: (s: Subject) => unknown,
  subjects: readonly Subject[],
  config: RegistryConfig,
  aggregate: boolean,
  k: number,
  stageOf: (s: Subject) => string,
): Breakdown {
  const group = (value: string | null, members: Subject[]): Group => {
    const byStage = nullObject<number>();
    for (const st of config.stages) byStage[st.key] = members.filter((s) => stageOf(s) === st.key).length;
    return {
      value,
      ideas: members.length,
      byStage: aggregate ? null : byStage,
      added: aggregate ? null : members.filter((s) => s.added).length,
      granted: aggregate ? null : members.reduce((sum, s) => sum + s.granted, 0),
    };
  };
  const groups = groupsOf(valueOf, subjects, config.language);
  if (!aggregate)
    return { field, aggregate, groups: groups.map(([v, m]) => group(v, m)), pooled: null, pooledGroups: 0 };
  // An idea with a list value sits in several groups; the pool counts each idea once.
  const distinct = (gs: typeof groups) => new Set(gs.flatMap(([, m]) => m)).size;
  const { shown, pooled } = pool(groups, ([, m]) => m.length, distinct, subjects.length, k);
  const pooledMembers = [...new Set(pooled.flatMap(([, m]) => m))];
  return {
    field,
    aggregate,
    groups: shown.map(([v, m]) => group(v, m)),
    pooled: pooled.length > 0 ? group(null, pooledMembers) : null,
    pooledGroups: pooled.length,
  };
}

/** What an aggregate field sums: the numeric properties of an object, [''] for a number, null when neither. */
function partsOf(
  field: string,
  subjects: readonly Subject[],
  summable: ((key: string) => boolean) | null,
): string[] | null {
  const keys = new Set<string>();
  let number = false;
  for (const s of subjects) {
    const v = s.idea.data[field];
    if (typeof v === 'number') number = true;
    else if (isRecord(v))
      for (const [key, x] of Object.entries(v))
        if (typeof x === 'number' && !keys.has(key) && (summable === null || summable(key))) keys.add(key);
  }
  if (keys.size > 0) return [...keys];
  return number ? [''] : null;
}

function sumsOf(
  field: string,
  keys: readonly string[],
  members: readonly Subject[],
): { contributors: number; sums: Record<string, number> } {
  const sums = nullObjectFrom<number>(keys.map((k) => [k, 0]));
  let contributors = 0;
  for (const s of members) {
    const v = s.idea.data[field];
    let gave = false;
    for (const key of keys) {
      const x = key === '' ? v : ownValue(v, key);
      if (typeof x === 'number' && Number.isFinite(x)) {
        sums[key] = (sums[key] ?? 0) + x;
        gave = true;
      }
    }
    if (gave) contributors++;
  }
  return { contributors, sums };
}

/** Whether no idea is in two of the groups. */
function disjoint(groups: readonly { members: readonly Subject[] }[]): boolean {
  const seen = new Set<Subject>();
  for (const g of groups) {
    for (const s of g.members) {
      if (seen.has(s)) return false;
      seen.add(s);
    }
  }
  return true;
}

function aggregateTable(
  field: string,
  by: string | null,
  keys: string[],
  groups: { key: string | null; members: Subject[] }[],
  all: readonly Subject[],
  k: number,
  withheld: AggregateTable['withheld'],
): AggregateTable {
  const total = sumsOf(field, keys, all);
  const rows = (withheld ? [] : groups)
    .map((g) => ({ group: g.key, members: g.members, ...sumsOf(field, keys, g.members) }))
    .filter((r) => r.contributors > 0);
  const distinct = (rs: typeof rows) => sumsOf(field, keys, [...new Set(rs.flatMap((r) => r.members))]).contributors;
  const { shown, pooled } = pool(rows, (r) => r.contributors, distinct, total.contributors, k);
  const pooledSums = pooled.length > 0 ? sumsOf(field, keys, [...new Set(pooled.flatMap((r) => r.members))]) : null;
  return {
    field,
    by,
    keys,
    rows: shown.map((r) => ({ group: r.group, contributors: r.contributors, sums: r.sums })),
    pooled: pooledSums ? { group: null, contributors: pooledSums.contributors, sums: pooledSums.sums } : null,
    pooledGroups: pooled.length,
    total: { group: null, contributors: total.contributors, sums: total.contributors >= k ? total.sums : null },
    withheld,
  };
}

/** A label for a group value: a challenge's label, else the value itself. */
export function groupLabel(config: RegistryConfig, field: string, value: string): Localized {
  const c = field === 'challenge' ? challengeOf(config.challenges, value) : undefined;
  if (c) return c.label;
  return { sv: value, en: value };
}
