import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { findIdea } from '../io/find-idea.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { gateFor, transition, type TransitionResult } from './transition.js';

export interface MoveOptions extends CommonOptions {
  id: string;
  to?: string;
  note?: string;
  by?: string;
  force?: boolean;
  commit?: boolean;
}

export interface MoveResult extends TransitionResult {
  kind: 'idea-moved';
  registry: Registry;
  lang: Lang;
}

export async function runMove(opts: MoveOptions, ctx: Ctx): Promise<MoveResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const criteria = loadCriteria(registry);
  const idea = findIdea(registry, opts.id);
  const { config } = registry;
  const nextStages = idea.stage.next.map((k) => config.stages.find((s) => s.key === k)).filter((s) => s !== undefined);
  let to = opts.to ? resolveStage(config, opts.to) : undefined;
  if (!to) {
    if (nextStages.length === 0)
      throw new IdeasError('USAGE', 'err.finalStage', { id: idea.id ?? idea.path, stage: idea.stage.label[lang] });
    if (noPromptReason(ctx, opts) !== null)
      throw new IdeasError('USAGE', 'err.stageMissing', { next: idea.stage.next.join(', ') });
    const prompter = await ctx.prompter(lang);
    const key = await prompter.select({
      message: t(lang, 'prompt.moveTo', { title: idea.title ?? idea.path }),
      choices: nextStages.map((s) => {
        const gate = gateFor(registry, criteria, idea, s);
        const status = gate.open ? t(lang, 'gate.open') : t(lang, 'gate.closed', { count: gate.missing.length });
        return {
          value: s.key,
          name: `${s.label[lang]}  (${status})`,
          description: gate.missing.map((m) => m.message[lang]).join('\n') || undefined,
        };
      }),
    });
    to = resolveStage(config, key);
  }
  if (to.key === idea.stage.key)
    throw new IdeasError('USAGE', 'err.sameStage', { id: idea.id ?? idea.path, stage: to.label[lang] });
  const result = await transition(
    registry,
    criteria,
    idea,
    to,
    { by: opts.by, note: opts.note },
    { force: opts.force, commit: opts.commit, lang },
    ctx,
  );
  return { kind: 'idea-moved', registry, lang, ...result };
}
