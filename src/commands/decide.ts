import type { CommonOptions, Ctx } from '../context.js';
import type { RegistryConfig, Stage } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { forwardStage } from '../core/sluice/gate.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Idea } from '../core/sluice/idea.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { findIdea } from '../io/find-idea.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { DECISIONS, isDecision, type Decision } from '../core/sluice/decision.js';
import { transition, type TransitionResult } from './transition.js';

export interface DecideOptions extends CommonOptions {
  id: string;
  decision: string;
  reason: string;
  amount?: string;
  by?: string;
  to?: string;
  force?: boolean;
  commit?: boolean;
}

export interface DecideResult extends TransitionResult {
  kind: 'idea-decided';
  registry: Registry;
  lang: Lang;
  decision: Decision;
}

/** Where a decision takes an idea: approve forward, park and reject to those stages, return nowhere (advice only). */
export function decisionTarget(
  idea: Idea,
  decision: Decision,
  config: RegistryConfig,
  explicit?: string,
): Stage | null {
  if (explicit) return resolveStage(config, explicit);
  const next = (key: string) => (idea.stage.next.includes(key) ? config.stages.find((s) => s.key === key) : undefined);
  switch (decision) {
    case 'approve': {
      const to = forwardStage(idea.stage, config);
      if (!to) throw new IdeasError('USAGE', 'err.finalStage', { id: idea.id ?? idea.path, stage: idea.stage.label });
      return to;
    }
    case 'park':
    case 'reject': {
      const to = decision === 'park' ? next('parked') : (next('rejected') ?? next('dropped'));
      if (!to) throw new IdeasError('USAGE', 'err.noStageFor', { stage: idea.stage.label, decision });
      return to;
    }
    case 'return':
      return null;
  }
}

export function parseDecision(value: string): Decision {
  if (!isDecision(value))
    throw new IdeasError('USAGE', 'err.badFormat', { format: value, formats: DECISIONS.join(', ') });
  return value;
}

export function parseAmount(value: string | undefined, to: Stage | null): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) throw new IdeasError('USAGE', 'err.badAmount', { value });
  if (!to?.funding) throw new IdeasError('USAGE', 'err.amountNotFunded', { stage: to?.label ?? '–' });
  return n;
}

export async function runDecide(opts: DecideOptions, ctx: Ctx): Promise<DecideResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const decision = parseDecision(opts.decision);
  const criteria = loadCriteria(registry);
  const idea = findIdea(registry, opts.id);
  const to = decisionTarget(idea, decision, registry.config, opts.to);
  const amount = parseAmount(opts.amount, to);
  const result = await transition(
    registry,
    criteria,
    idea,
    to,
    { by: opts.by, note: opts.reason, decision, amount },
    { force: opts.force, commit: opts.commit, lang },
    ctx,
  );
  return { kind: 'idea-decided', registry, lang, decision, ...result };
}
