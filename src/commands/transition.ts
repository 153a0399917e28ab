/**
 * What `move`, `decide` and `review` share: a transition planned in the core (core/sluice/transition.ts), carried
 * out through io/ (the journal, the atomic write, the rename and git's index, each with its fault point).
 */
import type { Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { appendHistoryEntry } from '../core/front-matter/front-matter-edit.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Gate } from '../core/sluice/gate.js';
import { isoDate, type Idea } from '../core/sluice/idea.js';
import {
  commitMessage,
  planTransition,
  refusalError,
  type HistoryFields,
  type MoveRequest,
} from '../core/sluice/transition.js';
import { stageValidators } from './stage-gate.js';
import { editText, moveFacts, moveIdea, readIdeaText, rewriteIdea, type WriteOutcome } from '../io/idea-write.js';
import type { Criteria, Registry } from '../io/registry.js';
import type { MoveFacts } from '../core/sluice/unfinished-move.js';

export type { HistoryFields };

/** The request to plan a move or a decision of `idea` into `to`, on today's date. */
export function moveRequest(
  registry: Registry,
  criteria: Map<string, Criteria>,
  idea: Idea,
  to: Stage | null,
  fields: HistoryFields,
  force: boolean | undefined,
  ctx: Ctx,
): MoveRequest {
  return {
    kind: 'move',
    config: registry.config,
    validators: stageValidators(criteria),
    date: isoDate(ctx.clock()),
    idea,
    to,
    ...fields,
    force,
  };
}

export interface TransitionResult extends WriteOutcome {
  gate: Gate | null;
  from: Stage;
  to: Stage | null;
  forced: boolean;
  /** A move made by hand, now written in the history: the file stayed where it was. */
  recorded: boolean;
  entry: Record<string, unknown>;
}

/**
 * Moves an idea into `to` (or records a decision in place when `to` is null), appending one history entry.
 * A closed gate refuses unless `force`, and a forced move says so in its entry.
 */
export async function transition(
  registry: Registry,
  criteria: Map<string, Criteria>,
  idea: Idea,
  to: Stage | null,
  fields: HistoryFields,
  opts: {
    force?: boolean;
    commit?: boolean;
    lang: Lang;
    /** The commands a closed gate's message names to fill in what is missing. */
    fix?: readonly string[];
    /** The idea's text with fields filled in at the gate (move.ts): the entry goes after them, in the same write. */
    filled?: string;
    /** What git says of the idea's file, when the caller asked it already (moveFacts). */
    facts?: MoveFacts;
  },
  ctx: Ctx,
): Promise<TransitionResult> {
  const facts = opts.facts ?? (to?.key === idea.stage.key ? await moveFacts(registry, idea) : {});
  const plan = planTransition({ ...moveRequest(registry, criteria, idea, to, fields, opts.force, ctx), facts });
  if (plan.kind === 'refused' || plan.kind === 'unfinished' || plan.kind === 'amount')
    throw refusalError(plan, idea, opts.lang, registry.config, opts.fix);
  const message = opts.commit ? commitMessage(idea, plan.from, plan.to, opts.lang, fields) : null;
  if (plan.kind === 'finish') {
    // A move cut short (see core/sluice/unfinished-move.ts): the rename and the index, with the entry it has.
    const text = readIdeaText(idea);
    const outcome = await moveIdea(registry, idea, plan.to, text, text, ctx.env, message);
    return {
      ...outcome,
      gate: null,
      from: plan.from,
      to: plan.to,
      forced: plan.forced,
      recorded: false,
      entry: plan.entry,
    };
  }
  const before = readIdeaText(idea);
  const after = editText(idea, () => appendHistoryEntry(opts.filled ?? before, plan.entry));
  const outcome =
    plan.to && !plan.inPlace
      ? await moveIdea(registry, idea, plan.to, before, after, ctx.env, message)
      : await rewriteIdea(registry, idea, before, after, ctx.env, message);
  const recorded = plan.inPlace === true;
  return {
    ...outcome,
    gate: plan.gate,
    from: plan.from,
    to: plan.to,
    forced: plan.forced,
    recorded,
    entry: plan.entry,
  };
}
