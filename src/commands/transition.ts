/** What `move`, `decide` and `review` share: checking a gate and moving an idea with its history entry. */
import type { Ctx } from '../context.js';
import type { RegistryConfig, Stage } from '../core/sluice/config.js';
import { stageLabelOf } from '../core/sluice/stage-lookup.js';
import { shellQuote } from '../core/shell/quote.js';
import { IdeasError } from '../core/errors.js';
import { appendHistoryEntry } from '../core/front-matter/front-matter-edit.js';
import { checkGate, type Gate } from '../core/sluice/gate.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { historyOf, isoDate, type Idea } from '../core/sluice/idea.js';
import { unfinishedMove } from '../core/sluice/unfinished-move.js';
import { baseValidators } from '../io/schemas.js';
import { editText, moveIdea, readIdeaText, rewriteIdea, type WriteOutcome } from '../io/idea-write.js';
import type { Criteria, Registry } from '../io/registry.js';

import { decisionWord, type Decision } from '../core/sluice/decision.js';
export type { Decision };

export interface HistoryFields {
  by?: string;
  note?: string;
  decision?: Decision;
  amount?: number;
}

export function gateFor(registry: Registry, criteria: Map<string, Criteria>, idea: Idea, to: Stage): Gate {
  return checkGate(idea, to, registry.config, baseValidators().idea, criteria.get(to.key)?.validate);
}

/** The error for a closed gate: exit 1, with what is missing in plain words, each naming its field. */
export function gateClosedError(
  gate: Gate,
  idea: Idea,
  lang: Lang,
  config: RegistryConfig,
  fix: readonly string[] = [],
): IdeasError {
  const details = [
    ...(gate.allowed
      ? []
      : [
          t(lang, 'err.moveNotAllowed', {
            from: gate.from.label[lang],
            to: gate.to.label[lang],
            next: gate.from.next.map((k) => stageLabelOf(config, k)[lang]).join(', ') || '–',
          }),
        ]),
    ...gate.missing.map((m) => m.message[lang]),
    // The commands that fill in what is missing, one per field, to copy and run.
    ...(gate.allowed && fix.length > 0 ? [t(lang, 'gate.fixWith'), ...fix.map((f) => `  ${f}`)] : []),
  ];
  return new IdeasError(
    'GATE_CLOSED',
    'err.gateClosed',
    { from: gate.from.label[lang], to: gate.to.label[lang], id: idea.id ?? idea.path },
    { hint: 'hint.gateClosed', details },
  );
}

export function commitMessage(idea: Idea, from: Stage, to: Stage | null, lang: Lang, fields: HistoryFields): string {
  const head = to
    ? `${idea.id}: ${idea.title ?? ''} (${from.label[lang]} → ${to.label[lang]})`
    : `${idea.id}: ${idea.title ?? ''} (${fields.decision ?? ''})`;
  const body = [
    fields.decision ? t(lang, 'history.decided', { decision: decisionWord(fields.decision, lang) }) : '',
    fields.note ?? '',
    fields.by ? `— ${fields.by}` : '',
  ].filter(Boolean);
  return body.length > 0 ? `${head}\n\n${body.join('\n')}` : head;
}

export interface TransitionResult extends WriteOutcome {
  gate: Gate | null;
  from: Stage;
  to: Stage | null;
  forced: boolean;
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
  },
  ctx: Ctx,
): Promise<TransitionResult> {
  const from = idea.stage;
  const pending = unfinishedMove(idea);
  if (pending !== null) {
    const message = opts.commit && to ? commitMessage(idea, from, to, opts.lang, fields) : null;
    if (to?.key === pending) return finishMove(registry, idea, to, message, ctx);
    throw new IdeasError(
      'CONFLICT',
      'err.unfinishedMove',
      { id: idea.id ?? idea.path, to: stageLabelOf(registry.config, pending), stage: from.label },
      // The hint is a command: the stage's key, as `ideas move` takes it, and the id quoted for the shell.
      { hint: 'hint.unfinishedMove', hintParams: { id: shellQuote(idea.id ?? idea.path), to: shellQuote(pending) } },
    );
  }
  const gate = to ? gateFor(registry, criteria, idea, to) : null;
  const forced = gate !== null && !gate.open;
  if (gate && !gate.open && !opts.force) throw gateClosedError(gate, idea, opts.lang, registry.config, opts.fix);
  const entry: Record<string, unknown> = { date: isoDate(ctx.clock()), action: to ? 'moved' : 'decided' };
  if (to) {
    entry.from = from.key;
    entry.to = to.key;
  }
  if (fields.by) entry.by = fields.by;
  if (fields.decision) entry.decision = fields.decision;
  if (fields.amount !== undefined) entry.amount = fields.amount;
  if (forced) entry.forced = true;
  if (fields.note) entry.note = fields.note;
  const before = readIdeaText(idea);
  const after = editText(idea, () => appendHistoryEntry(opts.filled ?? before, entry));
  const message = opts.commit ? commitMessage(idea, from, to, opts.lang, fields) : null;
  const outcome = to
    ? await moveIdea(registry, idea, to, before, after, ctx.env, message)
    : await rewriteIdea(registry, idea, before, after, ctx.env, message);
  return { ...outcome, gate, from, to, forced, entry };
}

/** Finishes a move cut short (see core/sluice/unfinished-move.ts): the rename and the index, with the entry it has. */
async function finishMove(
  registry: Registry,
  idea: Idea,
  to: Stage,
  message: string | null,
  ctx: Ctx,
): Promise<TransitionResult> {
  const text = readIdeaText(idea);
  const entry = historyOf(idea).findLast((e) => typeof e.to === 'string');
  const outcome = await moveIdea(registry, idea, to, text, text, ctx.env, message);
  return { ...outcome, gate: null, from: idea.stage, to, forced: entry?.forced === true, entry: { ...entry } };
}
