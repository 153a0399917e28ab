import { existsSync } from 'node:fs';
import path from 'node:path';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { forwardStage, gateChecklist } from '../core/sluice/gate.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { daysSince, enteredStageOn, isoDate, type Idea } from '../core/sluice/idea.js';
import { renderMinutes, type Minutes, type MinutesItem } from '../core/history/minutes.js';
import { fieldLabel, readPackageSchema } from '../core/criteria/schema-check.js';
import { resolveStage, stageIndex } from '../core/sluice/stage-lookup.js';
import { createFileExclusive } from '../io/atomic-file.js';
import { findIdea } from '../io/find-idea.js';
import { readIdeas } from '../io/read-ideas.js';
import { loadCriteria, type Criteria, type Registry } from '../io/registry.js';
import type { Choice } from '../ui/prompter.js';
import { decisionTarget } from './decide.js';
import { openRegistry } from './open-registry.js';
import type { ReviewCard, ReviewItem } from '../core/sluice/agenda.js';
import { DECISIONS, type Decision } from '../core/sluice/decision.js';
import { gateFor, transition } from './transition.js';

export type { ReviewCard, ReviewItem };

export interface ReviewOptions extends CommonOptions {
  stage?: string;
  by?: string;
  minutes?: string;
  dryRun?: boolean;
  /** Shows one idea to the council before its question; the command itself never prints. */
  present?: (card: ReviewCard) => void;
}

export interface ReviewResult {
  kind: 'review';
  registry: Registry;
  lang: Lang;
  agenda: ReviewItem[];
  minutes: Minutes | null;
  minutesText: string | null;
  minutesFile: string | null;
  cancelled: boolean;
}

/** The ideas that wait for a decision: those in the given stage, or else all whose next gate is open. */
function buildAgenda(
  registry: Registry,
  criteria: Map<string, Criteria>,
  ideas: Idea[],
  stage: Stage | null,
  lang: Lang,
  today: Date,
): ReviewItem[] {
  const items: ReviewItem[] = [];
  const baseProps = (readPackageSchema('idea').properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const idea of ideas) {
    if (stage && idea.stage.key !== stage.key) continue;
    const next = forwardStage(idea.stage, registry.config) ?? null;
    const gate = next ? gateFor(registry, criteria, idea, next) : null;
    if (!stage && !gate?.open) continue;
    const label = (schema: Record<string, unknown> | null, field: string) =>
      fieldLabel(schema?.['x-title'] || schema?.title ? schema : (baseProps[field] ?? null), `/${field}`, lang);
    const checklist = gate && next ? gateChecklist(gate, idea.data, criteria.get(next.key)?.schema, lang, label) : [];
    items.push({ idea, next, gate, checklist, daysInStage: daysSince(enteredStageOn(idea), today) });
  }
  return items.sort(
    (a, b) =>
      stageIndex(registry.config, a.idea.stage.key) - stageIndex(registry.config, b.idea.stage.key) ||
      (b.daysInStage ?? 0) - (a.daysInStage ?? 0),
  );
}

export async function runReview(opts: ReviewOptions, ctx: Ctx): Promise<ReviewResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.json && !opts.dryRun) throw new IdeasError('USAGE', 'err.reviewJson');
  const criteria = loadCriteria(registry);
  const stage = opts.stage ? resolveStage(registry.config, opts.stage) : null;
  const today = ctx.clock();
  const agenda = buildAgenda(registry, criteria, readIdeas(registry).ideas, stage, lang, today);
  const base = { kind: 'review' as const, registry, lang, agenda };
  if (opts.dryRun) return { ...base, minutes: null, minutesText: null, minutesFile: null, cancelled: false };

  const why = noPromptReason(ctx, opts);
  if (why !== null)
    throw new IdeasError('USAGE', 'err.usage', { message: t(lang, 'review.needsTerminal', { why: t(lang, why) }) });
  const minutesFile = opts.minutes ? path.resolve(ctx.cwd, opts.minutes) : null;
  if (minutesFile && existsSync(minutesFile))
    throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: opts.minutes ?? '' });

  const minutes: Minutes = {
    registry: registry.config.name,
    date: isoDate(today),
    by: opts.by ?? null,
    items: [],
    skipped: [],
  };
  const prompter = await ctx.prompter(lang);
  let cancelled = false;
  try {
    for (const [i, item] of agenda.entries()) {
      opts.present?.({ ...item, n: i + 1, total: agenda.length, lang });
      const idea = item.idea;
      const label = (d: Decision, to: Stage | null) =>
        d === 'approve' && to ? t(lang, 'review.approve', { to: to.label[lang] }) : t(lang, `review.${d}`);
      const choices: Choice<string>[] = [];
      for (const d of DECISIONS) {
        let to: Stage | null;
        try {
          to = decisionTarget(idea, d, registry.config);
        } catch {
          continue;
        }
        choices.push({ value: d, name: label(d, to) });
      }
      choices.push({ value: 'skip', name: t(lang, 'review.skip') }, { value: 'stop', name: t(lang, 'review.stop') });
      const choice = await prompter.select({
        message: t(lang, 'review.choose', { id: idea.id ?? idea.path }),
        choices,
      });
      if (choice === 'stop') break;
      if (choice === 'skip') {
        minutes.skipped.push({ id: idea.id ?? idea.path, title: idea.title ?? '' });
        continue;
      }
      const decision = choice as Decision;
      const to = decisionTarget(idea, decision, registry.config);
      let force = false;
      if (to && decision === 'approve' && item.gate && !item.gate.open) {
        force = await prompter.confirm({ message: t(lang, 'review.force'), default: false });
        if (!force) {
          minutes.skipped.push({ id: idea.id ?? idea.path, title: idea.title ?? '' });
          continue;
        }
      }
      let amount: number | undefined;
      if (decision === 'approve' && to?.funding) {
        const raw = await prompter.input({
          message: t(lang, 'review.amount'),
          validate: (v) => (/^\s*\d[\d\s]*([.,]\d+)?\s*$/.test(v) ? true : t(lang, 'err.badAmount', { value: v })),
        });
        amount = Number(raw.replace(/\s/g, '').replace(',', '.'));
      }
      const reason = (
        await prompter.input({
          message: t(lang, decision === 'return' ? 'review.advice' : 'review.reason'),
          required: true,
          validate: (v) => (v.trim() ? true : t(lang, 'prompt.requiredAnswer')),
        })
      ).trim();
      // Written as soon as it is confirmed, so stopping halfway keeps what was decided.
      const fresh = findIdea(registry, idea.id ?? idea.path);
      const result = await transition(
        registry,
        criteria,
        fresh,
        to,
        { by: opts.by, note: reason, decision, amount },
        { force, lang },
        ctx,
      );
      const entry: MinutesItem = {
        id: idea.id ?? idea.path,
        title: idea.title ?? '',
        decision,
        from: result.from.label[lang],
        to: result.to?.label[lang] ?? null,
        reason,
        amount: amount ?? null,
        forced: result.forced,
      };
      minutes.items.push(entry);
    }
  } catch (e) {
    if (!(e instanceof IdeasError && e.code === 'CANCELLED')) {
      // The decisions already written are in the ideas' history: the council's minutes must hold them too.
      if (minutesFile && minutes.items.length > 0) createFileExclusive(minutesFile, renderMinutes(minutes, lang));
      throw e;
    }
    cancelled = true;
  }
  const minutesText = renderMinutes(minutes, lang);
  if (minutesFile) createFileExclusive(minutesFile, minutesText);
  return { ...base, minutes, minutesText, minutesFile, cancelled };
}
