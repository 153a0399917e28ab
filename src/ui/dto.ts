/**
 * The versioned JSON documents of `--json`. Built field by field from explicit types, so that internal fields
 * (absolute paths, parsed schemas) never leak, and missing values are null, never absent keys.
 */
import path from 'node:path';
import type { Finding } from '../core/finding.js';
import { totalGranted, type Minutes } from '../core/history/minutes.js';
import {
  daysSince,
  grantedAmount,
  historyOf,
  type Idea,
  type HistoryEntry,
  type IdeaFields,
  type IdeaSummary,
} from '../core/sluice/idea.js';
import type { IdeasError } from '../core/errors.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { RegistryConfig, RegistryRef } from '../core/sluice/config.js';
import type { RevisionSide } from '../core/history/idea-diff.js';
import type { IdeaDiff, IdeaRef } from '../core/history/idea-diff.js';
import type { Stage } from '../core/sluice/config.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import type { Localized } from '../core/i18n/i18n.js';
import { rowObject, type IdeaTable } from '../core/exchange/idea-row.js';
import { lazyMap } from './lazy-list.js';
import type { AddedNearbyView, NeighbourView } from './present/region-similar.js';
import type { Similar } from '../core/sluice/similarity.js';
import type { ReviewItem } from '../core/sluice/agenda.js';
import type { ImportedIdea, RowProblem } from '../core/exchange/import-rows.js';
import { ageInDays } from '../core/region/age.js';
import type { IdClash } from '../core/region/clashes.js';
import { REGION_FILE, type RegionMember } from '../core/region/config.js';
import type { RegionIdea, SnapshotSummary } from '../core/region/snapshot.js';
import type { RegionBreakdown, RegionGroup } from '../core/region/report.js';
import type { BasedOn, IdeaSpread } from '../core/region/spread.js';
import { groupLabel, type AggregateRow, type Group, type Report } from '../core/report/report.js';

const SCHEMA_VERSION = 1;

declare const built: unique symbol;

/**
 * A value this module built to be written as JSON: the only kind src/ui/output.ts writes (jsonText, jsonParts), so
 * that a document put together anywhere else does not compile. The brand is the type's alone: nothing at run time.
 */
export type Dto<T extends object = object> = T & { readonly [built]: true };

function dto<T extends object>(value: T): Dto<T> {
  return value as Dto<T>;
}

export interface RegistryDto {
  name: string;
  language: Lang;
}

export interface IdeaSummaryDto {
  id: string | null;
  title: string | null;
  stage: string;
  stageLabel: string;
  path: string;
  created: string | null;
  ageDays: number | null;
  carrier: string | null;
  coach: string | null;
  unit: string | null;
  challenge: string | null;
  tags: string[];
  /** The sum of the amounts granted in the idea's history, in kronor. */
  granted: number;
}

/** A history entry: every key the base schema gives an entry, null where the entry has none. */
export interface HistoryEntryDto {
  date: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  by: string | null;
  note: string | null;
  decision: string | null;
  amount: number | null;
  forced: boolean;
  /** A decision: the council members who declared a conflict of interest. */
  conflicts: string | null;
  /** assigned and edited: the field, and its value before and after. */
  field: string | null;
  old: unknown;
  new: unknown;
  /** imported: the file and row; adopted: the idea it is based on, as member:id. */
  source: string | null;
}

export interface IdeaDto extends IdeaSummaryDto {
  fields: Record<string, unknown>;
  history: HistoryEntryDto[];
  body: string;
}

export interface FindingDto {
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
}

/** A finding as every document carries it: the same fields, whatever the command. */
function findingDto(f: Finding): FindingDto {
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    hint: f.hint,
  };
}

function registryDto(r: RegistryRef): RegistryDto {
  return { name: r.config.name, language: r.config.language };
}

export function ideaSummaryDto(idea: IdeaFields | IdeaSummary, lang: Lang, today: Date): IdeaSummaryDto {
  return {
    id: idea.id,
    title: idea.title,
    stage: idea.stage.key,
    stageLabel: idea.stage.label[lang],
    path: idea.path,
    created: idea.created,
    ageDays: daysSince(idea.created, today),
    carrier: idea.carrier,
    coach: idea.coach,
    unit: idea.unit,
    challenge: idea.challenge,
    tags: idea.tags,
    granted: grantedAmount(idea),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function ideaDto(idea: Idea, lang: Lang, today: Date): IdeaDto {
  const { history: _history, ...fields } = idea.data;
  return {
    ...ideaSummaryDto(idea, lang, today),
    fields,
    history: historyOf(idea).map(historyEntryDto),
    body: idea.body,
  };
}

function historyEntryDto(entry: HistoryEntry | Readonly<Record<string, unknown>>): HistoryEntryDto {
  const e = entry as Readonly<Record<string, unknown>>;
  return {
    date: str(e.date),
    action: str(e.action),
    from: str(e.from),
    to: str(e.to),
    by: str(e.by),
    note: str(e.note),
    decision: str(e.decision),
    amount: typeof e.amount === 'number' ? e.amount : null,
    forced: e.forced === true,
    conflicts: str(e.conflicts),
    field: str(e.field),
    old: Object.hasOwn(e, 'old') ? (e.old ?? null) : null,
    new: Object.hasOwn(e, 'new') ? (e.new ?? null) : null,
    source: str(e.source),
  };
}

export function ideaListDocument(
  registry: RegistryRef,
  ideas: Array<IdeaFields | IdeaSummary>,
  lang: Lang,
  today: Date,
) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'idea-list',
    registry: registryDto(registry),
    ideas: lazyMap(ideas, (i) => ideaSummaryDto(i, lang, today)),
  });
}

/** `ideas show --json`: one idea. */
export function ideaDocument(registry: RegistryRef, idea: Idea, lang: Lang, today: Date) {
  return ideaDocumentWith(registry, idea, lang, today, {});
}

/** The document of one idea, and after it what the command that printed it says besides (its change, its commit). */
function ideaDocumentWith<T extends object>(registry: RegistryRef, idea: Idea, lang: Lang, today: Date, extra: T) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'idea',
    registry: registryDto(registry),
    idea: ideaDto(idea, lang, today),
    ...extra,
  });
}

/** `ideas new --json`: the idea made, and the ideas like it here and elsewhere in the region. */
export function ideaCreatedDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  r: { staged: boolean; committed: boolean; similar: readonly Similar<Idea>[]; elsewhere: readonly NeighbourView[] },
) {
  return ideaDocumentWith(registry, idea, lang, today, {
    staged: r.staged,
    committed: r.committed,
    similar: similarIdeasDto(r.similar, lang, today),
    regionSimilar: neighboursDto(r.elsewhere),
  });
}

/** `ideas move --json`: the idea moved, and the history entry the move wrote. */
export function ideaMovedDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  m: {
    from: Stage;
    to: Stage;
    forced: boolean;
    entry: Readonly<Record<string, unknown>>;
    staged: boolean;
    committed: boolean;
  },
) {
  return ideaDocumentWith(registry, idea, lang, today, {
    change: { action: 'moved', from: m.from.key, to: m.to.key, forced: m.forced, entry: historyEntryDto(m.entry) },
    staged: m.staged,
    committed: m.committed,
  });
}

/** `ideas decide --json`: the idea decided on, the history entry, and the fields filled in with --set. */
export function ideaDecidedDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  d: {
    decision: string;
    from: Stage;
    /** The stage the decision moved the idea to; null when it stayed. */
    to: Stage | null;
    forced: boolean;
    entry: Readonly<Record<string, unknown>>;
    changes: readonly { field: string; old: unknown; new: unknown }[];
    staged: boolean;
    committed: boolean;
  },
) {
  return ideaDocumentWith(registry, idea, lang, today, {
    change: {
      action: d.to ? 'moved' : 'decided',
      decision: d.decision,
      from: d.from.key,
      to: d.to?.key ?? null,
      forced: d.forced,
      entry: historyEntryDto(d.entry),
      fields: fieldChangesDto(d.changes),
    },
    staged: d.staged,
    committed: d.committed,
  });
}

/**
 * `ideas assign --json`: the idea, and each name set with the one it replaced (null for none), under `fields` as
 * `edit` and `decide` say theirs; `changes` is the same list, by the name schema version 1 first gave it.
 */
export function ideaAssignedDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  a: { changes: readonly { field: string; old: string | null; new: string }[]; staged: boolean; committed: boolean },
) {
  const fields = fieldChangesDto(a.changes);
  return ideaDocumentWith(registry, idea, lang, today, {
    change: { action: 'assigned', fields, changes: fields },
    staged: a.staged,
    committed: a.committed,
  });
}

/** `ideas adopt --json`: the new idea, the stage it entered, and the idea of another member it is based on. */
export function ideaAdoptedDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  a: { to: string; forced: boolean; basedOn: BasedOn; staged: boolean; committed: boolean },
) {
  const { member, id, commit, url } = a.basedOn;
  return ideaDocumentWith(registry, idea, lang, today, {
    change: { action: 'adopted', to: a.to, forced: a.forced, basedOn: { member, id, commit, url } },
    staged: a.staged,
    committed: a.committed,
  });
}

/** Fields an edit or a decision set: each with its old and new value, null for none. */
function fieldChangesDto(changes: readonly { field: string; old: unknown; new: unknown }[]) {
  return changes.map((c) => ({ field: c.field, old: c.old ?? null, new: c.new ?? null }));
}

/** What `ideas edit` changed: each field with its old and new value (null for none), the text, and what the history got. */
export function ideaEditDocument(
  registry: RegistryRef,
  idea: Idea,
  lang: Lang,
  today: Date,
  edit: {
    changes: readonly { field: string; old: unknown; new: unknown }[];
    bodyChanged: boolean;
    recorded: readonly string[];
    staged: boolean;
    committed: boolean;
  },
) {
  return ideaDocumentWith(registry, idea, lang, today, {
    change: {
      action: 'edited',
      fields: fieldChangesDto(edit.changes),
      body: edit.bodyChanged,
      recorded: [...edit.recorded],
    },
    staged: edit.staged,
    committed: edit.committed,
  });
}

/** What `validate --changed` compared with: the base commit, the revision as named, and why more files were checked. */
export interface ChangedScopeDto {
  base: string;
  ref: string | null;
  config: boolean;
  criteria: string[];
}

export function validationDocument(
  registry: RegistryRef,
  files: number,
  findings: Finding[],
  ok: boolean,
  scope: {
    total: number;
    changed: { base: string; ref: string | null; config: boolean; criteria: { key: string }[] } | null;
    /** --strict: warnings count as errors, so `ok` may be false with no error. */
    strict?: boolean;
  } = { total: files, changed: null },
) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const changed: ChangedScopeDto | null = scope.changed
    ? {
        base: scope.changed.base,
        ref: scope.changed.ref,
        config: scope.changed.config,
        criteria: scope.changed.criteria.map((s) => s.key),
      }
    : null;
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    registry: registryDto(registry),
    ok,
    strict: scope.strict === true,
    summary: { files, errors, warnings: findings.length - errors, total: scope.total },
    changed,
    findings: findings.map(findingDto),
  });
}

/** `ideas diff --format json`: what a change did to the sluice, and the rules it broke. */
export function ideaDiffDocument(v: {
  registry: RegistryRef;
  lang: Lang;
  base: RevisionSide;
  head: RevisionSide;
  diff: IdeaDiff;
  ok: boolean;
  /** The ideas the change adds that are like ideas elsewhere in the region. */
  regionSimilar?: readonly AddedNearbyView[];
}) {
  const { lang, diff } = v;
  const side = (s: RevisionSide) => ({ ref: s.ref, commit: s.commit, mergeBase: s.mergeBase, worktree: s.worktree });
  const ref = (i: IdeaRef) => ({
    id: i.id,
    title: i.title,
    stage: i.stage.key,
    stageLabel: i.stage.label[lang],
    path: i.path,
  });
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'idea-diff',
    registry: registryDto(v.registry),
    base: side(v.base),
    head: side(v.head),
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    moved: diff.moved.map((m) => ({
      id: m.id,
      title: m.title,
      path: m.path,
      previousPath: m.previousPath,
      from: m.from.key,
      fromLabel: m.from.label[lang],
      to: m.to.key,
      toLabel: m.to.label[lang],
      steps: m.steps.map((s) => ({ from: s.from, to: s.to, date: s.date, forced: s.forced })),
      forced: m.forced,
      gate: m.gate
        ? {
            open: m.gate.missing.length === 0,
            missing: m.gate.missing.map((p) => ({ field: p.field || null, message: p.message[lang] })),
          }
        : null,
    })),
    decisions: diff.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      path: d.path,
      date: d.date,
      action: d.action,
      decision: d.decision,
      amount: d.amount,
      from: d.from,
      to: d.to,
      by: d.by,
      conflicts: d.conflicts,
      note: d.note,
      forced: d.forced,
    })),
    changed: diff.changed.map((c) => ({
      id: c.id,
      title: c.title,
      path: c.path,
      fields: c.fields.map((f) => ({ field: f.field, old: f.old ?? null, new: f.new ?? null })),
      bodyChanged: c.bodyChanged,
      historyAdded: c.history.map((h) => h.entry),
    })),
    findings: diff.findings.map(findingDto),
    ok: v.ok,
    regionSimilar: addedNearbyDto(v.regionSimilar ?? []),
  });
}

/** `--json` when a command could not run: `registry` is the registry it was to work in, null when none was found. */
export function errorDocument(error: IdeasError, lang: Lang, registry: RegistryRef | null = null) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'error',
    registry: registry === null ? null : registryDto(registry),
    error: {
      code: error.code,
      message: error.messageIn(lang),
      hint: error.hint?.[lang] ?? null,
      details: [...error.details],
    },
  });
}

// report, export, import

function localized(l: Localized, lang: Lang): string {
  return l[lang];
}

/** `ideas report --format json`: every figure, with the labels in the chosen language; null where there is none. */
export function reportDocument(registry: RegistryRef, report: Report, titles: FieldTitles, lang: Lang) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'report',
    registry: registryDto(registry),
    ...reportFigures(registry.config, report, titles, lang),
  });
}

/** The figures of a report, as `ideas report --json` and each part of `ideas region report --json` give them. */
function reportFigures(config: RegistryConfig, report: Report, titles: FieldTitles, lang: Lang) {
  const stageLabel = (key: string | null) => config.stages.find((s) => s.key === key)?.label[lang] ?? null;
  const title = (path: string) => titles[path]?.[lang] ?? path;
  const groupDto = (field: string, g: Group) => ({
    value: g.value,
    label: g.value === null ? null : localized(groupLabel(config, field, g.value), lang),
    ideas: g.ideas,
    added: g.added,
    granted: g.granted,
    byStage: g.byStage,
  });
  const aggregateRow = (by: string | null, x: AggregateRow) => ({
    group: x.group,
    label:
      x.group === null ? null : by === null ? stageLabel(x.group) : localized(groupLabel(config, by, x.group), lang),
    contributors: x.contributors,
    sums: x.sums,
  });
  return {
    period: report.period,
    today: report.today,
    minGroupSize: report.minGroupSize,
    includePersonal: report.includePersonal,
    ideas: report.ideas,
    added: report.added,
    funnel: report.funnel.map((f) => ({
      stage: f.stage.key,
      label: f.stage.label[lang],
      now: f.now,
      entered: f.entered,
      left: f.left,
    })),
    timeInStage: report.time.map((x) => ({
      stage: x.stage.key,
      label: x.stage.label[lang],
      stays: x.n,
      median: x.median,
      p90: x.p90,
      limitDays: x.limitDays,
      waiting: x.waiting.map((w) => ({
        id: w.id,
        title: w.title,
        path: w.path,
        since: w.since,
        days: w.days,
        personal: w.personal,
      })),
    })),
    goals: report.goals.map((g) => ({
      id: g.goal.id,
      label: g.goal.label[lang],
      stage: g.goal.stage,
      target: g.goal.target,
      by: g.goal.by,
      reached: g.reached,
      percent: g.percent,
      daysLeft: g.daysLeft,
      status: g.status,
    })),
    funds: {
      byStage: report.funds.rows.map((f) => ({
        stage: f.stage.key,
        label: f.stage.label[lang],
        amount: f.amount,
        ideas: f.ideas,
      })),
      total: report.funds.total,
      ideas: report.funds.ideas,
    },
    breakdowns: report.breakdowns.map((b) => ({
      field: b.field,
      label: title(b.field),
      aggregate: b.aggregate,
      groups: b.groups.map((g) => groupDto(b.field, g)),
      pooled: b.pooled ? groupDto(b.field, b.pooled) : null,
      pooledGroups: b.pooledGroups,
    })),
    aggregates: report.aggregates.map((a) => ({
      field: a.field,
      label: title(a.field),
      by: a.by,
      keys: a.keys.map((k) => ({ key: k, label: k === '' ? title(a.field) : title(`${a.field}.${k}`) })),
      rows: a.rows.map((x) => aggregateRow(a.by, x)),
      pooled: a.pooled ? aggregateRow(a.by, a.pooled) : null,
      pooledGroups: a.pooledGroups,
      total: aggregateRow(a.by, a.total),
      withheld: a.withheld,
    })),
    overrides: report.overrides.map((o) => ({
      id: o.id,
      title: o.title,
      path: o.path,
      stage: o.stage.key,
      label: o.stage.label[lang],
      date: o.date,
      action: o.action,
      missing: o.missing,
      personal: o.personal,
    })),
  };
}

/** `ideas export --format json`: one flat object per idea, keyed as the CSV's columns, values typed. */
export function exportDocument(registry: RegistryRef, table: IdeaTable, includePersonal: boolean) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'idea-export',
    registry: registryDto(registry),
    includePersonal,
    columns: table.columns,
    ideas: lazyMap(table.rows, (row) => rowObject(table.columns, row)),
  });
}

type ImportedRow = ImportedIdea;
const importedRow = (i: ImportedRow) => ({ row: i.row, id: i.id, title: i.title, stage: i.stage.key, path: i.path });
const updatedRow = (i: ImportedRow) => ({
  ...importedRow(i),
  changes: (i.changes ?? []).map((c) => ({ field: c.field, cleared: c.cleared })),
});

export interface ImportSummary {
  file: string;
  ok: boolean;
  dryRun: boolean;
  written: boolean;
  staged: boolean;
  rows: number;
  imported: ImportedRow[];
  updated: ImportedRow[];
  unchanged: ImportedRow[];
  problems: RowProblem[];
  invalidRows: number[];
  ignoredColumns: string[];
  suggestedMaps: { column: string; field: string }[];
  duplicates: { row: number; id: string | null; title: string }[];
}

/** `ideas import --json`: what was (or with --dry-run would be) imported, and every row's problems. */
export function importDocument(registry: RegistryRef, r: ImportSummary, lang: Lang) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'import',
    registry: registryDto(registry),
    file: r.file,
    ok: r.ok,
    dryRun: r.dryRun,
    written: r.written,
    staged: r.staged,
    rows: r.rows,
    counts: { created: r.imported.length, updated: r.updated.length, unchanged: r.unchanged.length },
    imported: r.imported.map(importedRow),
    updated: r.updated.map(updatedRow),
    unchanged: r.unchanged.map(importedRow),
    invalid: r.problems.map((p) => ({
      row: p.row,
      line: p.line,
      column: p.column,
      field: p.field,
      message: p.message[lang],
    })),
    invalidRows: r.invalidRows,
    ignoredColumns: r.ignoredColumns,
    suggestedMaps: r.suggestedMaps.map((m) => ({ column: m.column, field: m.field })),
    duplicates: r.duplicates,
  });
}

/** `ideas init --json`: the registry made, every file written, the CI file, the .gitignore, and what git got. */
export function registryCreatedDocument(r: {
  name: string;
  lang: Lang;
  template: string;
  files: string[];
  ci: { file: string | null; status: string; provider: string | null; package: string | null };
  gitignore: string;
  git: { repository: boolean; staged: boolean; commit: string | null; message: string };
}) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'registry-created',
    registry: { name: r.name, language: r.lang },
    template: r.template,
    files: [...r.files],
    ci: { file: r.ci.file, status: r.ci.status, provider: r.ci.provider, package: r.ci.package },
    gitignore: r.gitignore,
    git: { repository: r.git.repository, staged: r.git.staged, commit: r.git.commit, message: r.git.message },
  });
}

/** `ideas hook install|uninstall --json`: the hook is git's, not a registry's, so `registry` is null. */
export function hookDocument(r: {
  kind: string;
  hook: string;
  status: string;
  backup?: string | null;
  restored?: string | null;
}) {
  const base = { schemaVersion: SCHEMA_VERSION, kind: r.kind, registry: null, hook: r.hook, status: r.status };
  return dto(
    r.kind === 'hook-uninstalled' ? { ...base, restored: r.restored ?? null } : { ...base, backup: r.backup ?? null },
  );
}

/** `ideas site --json`: where the site went and what it holds. */
export function siteDocument(
  registry: RegistryRef,
  r: { out: string; pages: number; files: string[]; includePersonal: boolean },
) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'site',
    registry: registryDto(registry),
    out: r.out,
    pages: r.pages,
    files: [...r.files],
    includePersonal: r.includePersonal,
  });
}

/** `ideas review --dry-run --json`: the ideas waiting for the council, each with its gate. */
export function reviewAgendaDocument(registry: RegistryRef, agenda: readonly ReviewItem[], lang: Lang, today: Date) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'review-agenda',
    registry: registryDto(registry),
    agenda: agenda.map((a) => ({
      idea: ideaSummaryDto(a.idea, lang, today),
      daysInStage: a.daysInStage,
      next: a.next?.key ?? null,
      gate: a.gate
        ? {
            open: a.gate.open,
            criteria: a.checklist.map((x) => ({
              field: x.field,
              label: x.label,
              met: x.status === 'met',
              status: x.status,
              problem: x.problem,
            })),
            fix: [...(a.fix ?? [])],
          }
        : null,
    })),
  });
}

/**
 * `ideas review --json`: the meeting held, as its minutes say it: each decision (stages by key), the fields the
 * council filled in, the conflicts of interest, the ideas skipped and those not handled when it stopped.
 */
export function reviewMinutesDocument(
  registry: RegistryRef,
  m: Minutes,
  r: { minutesFile: string | null; cancelled: boolean },
) {
  const ref = (i: { id: string; title: string }) => ({ id: i.id, title: i.title });
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'review-minutes',
    registry: registryDto(registry),
    date: m.date,
    by: m.by,
    decisions: m.items.map((i) => ({
      ...ref(i),
      decision: i.decision,
      from: i.keys?.from ?? null,
      to: i.keys?.to ?? null,
      fromLabel: i.from,
      toLabel: i.to,
      reason: i.reason,
      amount: i.amount,
      forced: i.forced,
      deciders: i.deciders === undefined ? m.by : i.deciders,
    })),
    completed: (m.completed ?? []).map((c) => ({
      ...ref(c),
      field: c.name ?? null,
      label: c.field,
      value: c.data ?? c.value,
    })),
    conflicts: (m.conflicts ?? []).map((c) => ({ ...ref(c), names: [...c.names] })),
    skipped: m.skipped.map(ref),
    unhandled: (m.unhandled ?? []).map(ref),
    granted: totalGranted(m),
    minutesFile: r.minutesFile === null ? null : relativePath(registry.root, r.minutesFile),
    cancelled: r.cancelled,
  });
}

/** A path as documents give it: relative to the registry's root, with forward slashes. */
function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** `ideas schema --json`: the JSON Schema (as printed without --json), with the registry and the stage it is for. */
export function schemaDocument(
  registry: RegistryRef,
  stage: Stage | null,
  lang: Lang,
  schema: Record<string, unknown>,
) {
  return dto({
    schemaVersion: SCHEMA_VERSION,
    kind: 'schema',
    registry: registryDto(registry),
    stage: stage === null ? null : { key: stage.key, label: stage.label[lang] },
    schema,
  });
}

/**
 * `ideas schema` without --json: the JSON Schema itself, for editors, as it is written to a file. The one JSON output
 * that is not a versioned document: it has no `schemaVersion`, `kind` or `registry` of ours.
 */
export function jsonSchemaFile(schema: Record<string, unknown>) {
  return dto(schema);
}

/**
 * `ideas schema --region --json`: the JSON Schema of ideas.region.yaml (as printed without --json). It is about no
 * registry, and is printed anywhere, with no region read: `registry` is null, as every document has it.
 */
export function regionSchemaDocument(schema: Record<string, unknown>) {
  return dto({ schemaVersion: SCHEMA_VERSION, kind: 'region-schema', registry: null, file: REGION_FILE, schema });
}

// ---- Regions (`ideas region …`): documents about many registries, each idea labelled by its member.

interface MemberDto {
  id: string;
  name: string;
  municipality: string | null;
  url: string;
  site: string | null;
  commit: string | null;
  syncedAt: string | null;
  ageDays: number | null;
  ideas: number | null;
}

function memberDto(member: RegionMember, snapshot: SnapshotSummary | null, now: Date): MemberDto {
  return {
    id: member.id,
    name: member.name,
    municipality: member.municipality,
    url: member.url,
    site: member.site,
    commit: snapshot?.commit ?? null,
    syncedAt: snapshot?.syncedAt ?? null,
    ageDays: snapshot ? ageInDays(snapshot.syncedAt, now) : null,
    ideas: snapshot ? snapshot.ideas.length : null,
  };
}

function regionIdeaDto(member: RegionMember, idea: RegionIdea, withText: boolean) {
  const base = {
    member: member.id,
    municipality: member.municipality,
    ref: `${member.id}:${idea.id ?? idea.path}`,
    id: idea.id,
    title: idea.title,
    stage: idea.stage,
    unit: idea.unit,
    created: idea.created,
    path: idea.path,
  };
  return withText ? { ...base, data: idea.data, body: idea.body } : base;
}

/**
 * What every region document starts with: the region it speaks for. A region is not a registry, so `registry` is
 * null, as the contract says of a document with none.
 */
function regionHeader(name: string, lang: Lang) {
  return { schemaVersion: SCHEMA_VERSION, registry: null, region: { name, language: lang } };
}

/** `ideas region init --json`: the config it wrote (relative to the region's root, as every path is). */
export function regionCreatedDocument(r: { name: string; lang: Lang; gitInit: boolean }) {
  return dto({ ...regionHeader(r.name, r.lang), kind: 'region-created', file: REGION_FILE, gitInit: r.gitInit });
}

interface RegionMemberChange {
  region: { config: { name: string } };
  lang: Lang;
  member: RegionMember;
}

/** `ideas region add --json`: the member as the region's file now holds it. */
export function regionMemberAddedDocument(r: RegionMemberChange) {
  return memberChangeDocument('region-member-added', r);
}

/** `ideas region remove --json`: the member as the region's file held it. */
export function regionMemberRemovedDocument(r: RegionMemberChange) {
  return memberChangeDocument('region-member-removed', r);
}

function memberChangeDocument<K extends string>(kind: K, r: RegionMemberChange) {
  const { id, name, municipality, url, site } = r.member;
  // As every region document names a member: its branch and folder are the fetch's business.
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind,
    file: REGION_FILE,
    member: { id, name, municipality, url, site },
  });
}

interface RegionMemberState {
  member: RegionMember;
  snapshot: SnapshotSummary | null;
  failure?: { at: string; message: Localized } | null;
}

/** `ideas region sync --json`: each member's state after the sync, id clashes and findings. */
export function regionSyncDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    ok: boolean;
    members: (RegionMemberState & { status: 'updated' | 'unchanged' | 'failed'; parsed: number })[];
    clashes: readonly IdClash[];
    findings: readonly Finding[];
  },
  now: Date,
) {
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-sync',
    ok: r.ok,
    members: r.members.map((m) => ({ ...memberDto(m.member, m.snapshot, now), status: m.status, parsed: m.parsed })),
    clashes: r.clashes,
    findings: r.findings.map(findingDto),
  });
}

/** `ideas region list --json`: every member's ideas, each labelled by its member. */
export function regionListDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    members: readonly RegionMemberState[];
    rows: readonly { member: RegionMember; idea: RegionIdea }[];
  },
  now: Date,
) {
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-idea-list',
    members: r.members.map((m) => ({ ...memberDto(m.member, m.snapshot, now), lastFailure: m.failure ?? null })),
    ideas: r.rows.map((row) => regionIdeaDto(row.member, row.idea, false)),
  });
}

/** `ideas region show --json`: one idea of the region, with its public fields and text. */
export function regionIdeaDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    held: RegionMemberState;
    idea: RegionIdea;
    spread: IdeaSpread;
  },
  now: Date,
) {
  const { basedOn, adoptedBy, kit } = r.spread;
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-idea',
    member: memberDto(r.held.member, r.held.snapshot, now),
    idea: regionIdeaDto(r.held.member, r.idea, true),
    // Spreading with provenance: the idea this one was adopted from (null: none), the ideas adopted from it, and its
    // stage's spread kit (empty when the stage asks for none).
    basedOn: basedOn
      ? {
          member: basedOn.member,
          id: basedOn.id,
          ref: `${basedOn.member}:${basedOn.id}`,
          commit: basedOn.commit,
          url: basedOn.url,
          title: basedOn.title,
          inRegion: basedOn.held,
        }
      : null,
    adoptedBy: adoptedBy.map((a) => ({
      member: a.member,
      id: a.id,
      ref: `${a.member}:${a.id}`,
      title: a.title,
      stage: a.stage,
      created: a.created,
    })),
    spreadKit: kit.map((k) => ({ field: k.field, title: k.title, given: k.given })),
  });
}

interface RegionPairSide {
  member: RegionMember;
  idea: RegionIdea;
  stageLabel: Localized | null;
}

/** `ideas region duplicates --json`: pairs of similar ideas in different municipalities, the most alike first. */
export function regionDuplicatesDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    members: readonly RegionMemberState[];
    pairs: readonly { score: number; shared: string[]; a: RegionPairSide; b: RegionPairSide }[];
  },
  now: Date,
) {
  const side = (s: RegionPairSide) => ({
    ...regionIdeaDto(s.member, s.idea, false),
    memberName: s.member.name,
    stageLabel: s.stageLabel,
  });
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-duplicates',
    members: r.members.map((m) => memberDto(m.member, m.snapshot, now)),
    pairs: r.pairs.map((p) => ({
      score: Math.round(p.score * 1000) / 1000,
      shared: p.shared,
      a: side(p.a),
      b: side(p.b),
    })),
  });
}

interface RegionReportPart {
  config: RegistryConfig;
  report: Report;
  withheld: readonly string[];
}

/** The figures of one part of a region report, in the form of `ideas report --json`, with what is withheld. */
function regionFiguresDto(part: RegionReportPart, lang: Lang) {
  return { ...reportFigures(part.config, part.report, {}, lang), withheld: [...part.withheld] };
}

/** `ideas region report --json`: the region's figures, then each member's, each with how old its data is. */
export function regionReportDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    members: readonly RegionMemberState[];
    report: {
      region: RegionReportPart;
      members: readonly (RegionReportPart & { member: RegionMember })[];
      breakdowns?: readonly RegionBreakdown[];
    };
  },
  now: Date,
) {
  const group = (g: RegionGroup) => ({
    label: g.label,
    values: [...g.values],
    ideas: g.ideas,
    members: g.members,
    added: g.added,
    byStage: g.byStage,
    // The cross table by municipality: ideas of the group per member id (every member with data).
    byMember: g.byMember,
  });
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-report',
    report: {
      ...regionFiguresDto(r.report.region, r.lang),
      // `--by`: the region's ideas by a public field, small groups pooled (a group's label in the region's language).
      breakdowns: (r.report.breakdowns ?? []).map((b) => ({
        field: b.field,
        label: b.title[r.lang],
        groups: b.groups.map(group),
        pooled: b.pooled ? group(b.pooled) : null,
        pooledGroups: b.pooledGroups,
        suppressed: b.suppressed,
      })),
    },
    members: r.members.map((m) => {
      const part = r.report.members.find((x) => x.member.id === m.member.id);
      return {
        ...memberDto(m.member, m.snapshot, now),
        lastFailure: m.failure ?? null,
        report: part ? regionFiguresDto(part, r.lang) : null,
      };
    }),
  });
}

/** `ideas region export --format json`: one flat object per idea, keyed as the CSV's columns, member first. */
export function regionExportDocument(
  r: {
    region: { config: { name: string } };
    lang: Lang;
    members: readonly RegionMemberState[];
    table: IdeaTable;
  },
  now: Date,
) {
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-idea-export',
    members: r.members.map((m) => ({ ...memberDto(m.member, m.snapshot, now), lastFailure: m.failure ?? null })),
    columns: r.table.columns,
    ideas: lazyMap(r.table.rows, (row) => rowObject(r.table.columns, row)),
  });
}

/** `ideas region site --json`: where the site went (relative to the region's root), its pages and its members. */
export function regionSiteDocument(
  r: {
    region: { root: string; config: { name: string } };
    lang: Lang;
    members: readonly RegionMemberState[];
    out: string;
    pages: number;
  },
  now: Date,
) {
  return dto({
    ...regionHeader(r.region.config.name, r.lang),
    kind: 'region-site',
    out: relativePath(r.region.root, r.out) || '.',
    pages: r.pages,
    members: r.members.map((m) => ({ ...memberDto(m.member, m.snapshot, now), lastFailure: m.failure ?? null })),
  });
}

/** The JSON of the similar ideas elsewhere in the region. */
function neighboursDto(items: readonly NeighbourView[]) {
  return items.map((n) => ({
    member: n.member,
    memberName: n.memberName,
    ref: `${n.member}:${n.idea.id ?? n.idea.path}`,
    id: n.idea.id,
    title: n.idea.title,
    stageLabel: n.stageLabel,
    score: Math.round(n.score * 100) / 100,
    syncedAt: n.syncedAt,
  }));
}

/** The ideas a change adds, each with the similar ideas elsewhere in the region (`ideas diff --json`). */
function addedNearbyDto(items: readonly AddedNearbyView[]) {
  return items.map((a) => ({ id: a.id, title: a.title, path: a.path, similar: neighboursDto(a.similar) }));
}

/** Ideas like a new one in the registry, with how alike (`ideas new --json`). */
function similarIdeasDto(similar: readonly Similar<Idea>[], lang: Lang, today: Date) {
  return similar.map((s) => ({ ...ideaSummaryDto(s.item, lang, today), score: Math.round(s.score * 100) / 100 }));
}
