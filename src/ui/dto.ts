/**
 * The versioned JSON documents of `--json`. Built field by field from explicit types, so that internal fields
 * (absolute paths, parsed schemas) never leak, and missing values are null, never absent keys.
 */
import type { Finding } from '../core/finding.js';
import { daysSince, grantedAmount, historyOf, type Idea } from '../core/idea.js';
import type { IdeasError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import type { Registry } from '../io/registry.js';
import type { RevisionSide } from '../commands/diff.js';
import type { IdeaDiff, IdeaRef } from '../core/idea-diff.js';

export const SCHEMA_VERSION = 1;

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

function registryDto(r: Registry): RegistryDto {
  return { name: r.config.name, language: r.config.language };
}

export function ideaSummaryDto(idea: Idea, lang: Lang, today: Date): IdeaSummaryDto {
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

export function ideaDto(idea: Idea, lang: Lang, today: Date): IdeaDto {
  const { history: _history, ...fields } = idea.data;
  return {
    ...ideaSummaryDto(idea, lang, today),
    fields,
    history: historyOf(idea).map((e) => ({
      date: str(e.date),
      action: str(e.action),
      from: str(e.from),
      to: str(e.to),
      by: str(e.by),
      note: str(e.note),
      decision: str(e.decision),
      amount: typeof e.amount === 'number' ? e.amount : null,
      forced: e.forced === true,
    })),
    body: idea.body,
  };
}

export function ideaListDocument(registry: Registry, ideas: Idea[], lang: Lang, today: Date) {
  return { schemaVersion: SCHEMA_VERSION, kind: 'idea-list', registry: registryDto(registry), ideas: ideas.map((i) => ideaSummaryDto(i, lang, today)) };
}

export function ideaDocument(registry: Registry, idea: Idea, lang: Lang, today: Date, extra: Record<string, unknown> = {}) {
  return { schemaVersion: SCHEMA_VERSION, kind: 'idea', registry: registryDto(registry), idea: ideaDto(idea, lang, today), ...extra };
}

/** What `validate --changed` compared with: the base commit, the revision as named, and why more files were checked. */
export interface ChangedScopeDto {
  base: string;
  ref: string | null;
  config: boolean;
  criteria: string[];
}

export function validationDocument(
  registry: Registry,
  files: number,
  findings: Finding[],
  ok: boolean,
  scope: { total: number; changed: { base: string; ref: string | null; config: boolean; criteria: { key: string }[] } | null } = { total: files, changed: null },
) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const changed: ChangedScopeDto | null = scope.changed
    ? { base: scope.changed.base, ref: scope.changed.ref, config: scope.changed.config, criteria: scope.changed.criteria.map((s) => s.key) }
    : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    registry: registryDto(registry),
    ok,
    summary: { files, errors, warnings: findings.length - errors, total: scope.total },
    changed,
    findings: findings.map(
      (f): FindingDto => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message, hint: f.hint }),
    ),
  };
}

/** `ideas diff --format json`: what a change did to the sluice, and the rules it broke. */
export function ideaDiffDocument(v: { registry: Registry; lang: Lang; base: RevisionSide; head: RevisionSide; diff: IdeaDiff; ok: boolean }) {
  const { lang, diff } = v;
  const side = (s: RevisionSide) => ({ ref: s.ref, commit: s.commit, mergeBase: s.mergeBase, worktree: s.worktree });
  const ref = (i: IdeaRef) => ({ id: i.id, title: i.title, stage: i.stage.key, stageLabel: i.stage.label[lang], path: i.path });
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'idea-diff',
    registry: registryDto(v.registry),
    base: side(v.base),
    head: side(v.head),
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    moved: diff.moved.map((m) => ({
      id: m.id, title: m.title, path: m.path, previousPath: m.previousPath,
      from: m.from.key, fromLabel: m.from.label[lang], to: m.to.key, toLabel: m.to.label[lang],
      steps: m.steps.map((s) => ({ from: s.from, to: s.to, date: s.date, forced: s.forced })),
      forced: m.forced,
      gate: m.gate ? { open: m.gate.missing.length === 0, missing: m.gate.missing.map((p) => ({ field: p.field || null, message: p.message[lang] })) } : null,
    })),
    decisions: diff.decisions.map((d) => ({ id: d.id, title: d.title, path: d.path, date: d.date, action: d.action, decision: d.decision, amount: d.amount, from: d.from, to: d.to, by: d.by, note: d.note, forced: d.forced })),
    changed: diff.changed.map((c) => ({ id: c.id, title: c.title, path: c.path, fields: c.fields.map((f) => ({ field: f.field, old: f.old ?? null, new: f.new ?? null })), bodyChanged: c.bodyChanged })),
    findings: diff.findings.map((f): FindingDto => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message, hint: f.hint })),
    ok: v.ok,
  };
}

export function errorDocument(error: IdeasError, lang: Lang) {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'error',
    error: { code: error.code, message: error.messageIn(lang), hint: error.hint?.[lang] ?? null, details: [...error.details] },
  };
}
