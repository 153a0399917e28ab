import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { resolveStage, stageWord } from '../core/sluice/stage-lookup.js';
import type { Stage } from '../core/sluice/config.js';
import { ideaWord, shellQuote } from '../core/shell/quote.js';
import { findIdea } from '../io/find-idea.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { requireCommitter } from '../io/git.js';
import { actingName } from './acting-name.js';
import { moveRequest, transition, type TransitionResult } from './transition.js';
import { gateFor } from './stage-gate.js';
import { councilCommand, planTransition, requireCouncil } from '../core/sluice/transition.js';
import { editedText } from './edit.js';
import { fieldBook, fixPlace, type FieldBook } from './field-book.js';
import { gateFixes } from '../core/sluice/gate-fix.js';
import type { SchemaProblem } from '../core/criteria/schema-check.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { councilEntries, fieldChanges } from '../core/sluice/idea-edit.js';
import { appendHistoryEntry } from '../core/front-matter/front-matter-edit.js';
import { isoDate, toIdea, type Idea } from '../core/sluice/idea.js';
import { editText, moveFacts, readIdeaText } from '../io/idea-write.js';
import { askField } from '../ui/field-prompt.js';
import { compileCriteria } from '../io/schemas.js';
import type { Prompter } from '../ui/prompter.js';
import { askingFirst } from './nothing-saved.js';

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
  if (opts.commit) await requireCommitter(registry.root);
  const criteria = loadCriteria(registry);
  const idea = findIdea(registry, opts.id);
  const { config } = registry;
  const nextStages = idea.stage.next.map((k) => config.stages.find((s) => s.key === k)).filter((s) => s !== undefined);
  let to = opts.to ? resolveStage(config, opts.to) : undefined;
  if (!to) {
    if (nextStages.length === 0)
      throw new IdeasError('USAGE', 'err.finalStage', { id: idea.id ?? idea.path, stage: idea.stage.label[lang] });
    // The stages a move may go to: those the council decides on take a decision (ideas decide, ideas review).
    const movable = nextStages.filter((s) => !s.council);
    if (movable.length === 0) requireCouncil(idea, nextStages[0] as Stage, undefined);
    if (noPromptReason(ctx, opts) !== null)
      throw new IdeasError(
        'USAGE',
        'err.stageMissing',
        { next: { sv: labels(movable, 'sv'), en: labels(movable, 'en') } },
        {
          hint: 'hint.stageMissing',
          hintParams: {
            example: {
              sv: `ideas move ${shellQuote(ideaWord(idea))} ${shellQuote(stageWord(config.stages, movable[0] as Stage, 'sv'))}`,
              en: `ideas move ${shellQuote(ideaWord(idea))} ${shellQuote(stageWord(config.stages, movable[0] as Stage, 'en'))}`,
            },
          },
        },
      );
    const prompter = await ctx.prompter(lang);
    // The way on that the council decides is not offered here, but said: a coordinator looking for it is told where.
    const council = nextStages.filter((s) => s.council);
    const help =
      council.length > 0
        ? t(lang, 'prompt.moveCouncil', {
            stages: council.map((s) => s.label[lang]).join(', '),
            command: councilCommand(ideaWord(idea), council[0] as Stage, config)[lang],
          })
        : undefined;
    const key = await prompter.select({
      message: t(lang, 'prompt.moveTo', { title: idea.title ?? idea.path }),
      help,
      choices: movable.map((s) => {
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
  const book = fieldBook(registry, criteria, lang);
  const fields = { by: await actingName(opts.by, registry), note: opts.note };
  // A closed gate the move may still pass: at a terminal, the fields it misses can be filled in on the way.
  // Moved back by hand into the stage it left (git says so): planned as any move made by hand, here as in transition.
  const facts = to.key === idea.stage.key ? await moveFacts(registry, idea) : {};
  const plan = planTransition({ ...moveRequest(registry, criteria, idea, to, fields, opts.force, ctx), facts });
  const fix = plan.kind === 'refused' ? gateFixes(plan.missing, idea, book, lang, fixPlace(opts, idea, ctx)) : [];
  let moving = idea;
  let filled: string | undefined;
  if (plan.kind === 'refused' && plan.gate.allowed && fix.length > 0 && noPromptReason(ctx, opts) === null) {
    const prompter = await ctx.prompter(lang);
    ({ idea: moving, text: filled } = await askingFirst(async () => {
      const fill = await prompter.confirm({
        message: t(lang, 'prompt.fillGate', { to: to.label[lang], count: plan.missing.length }),
        help: plan.missing.map((m) => `  ${m.message[lang]}`).join('\n'),
        default: true,
      });
      if (!fill) return { idea, text: undefined };
      const when = { date: isoDate(ctx.clock()), by: fields.by };
      return fillGate(prompter, idea, plan.missing, book, lang, when);
    }));
  }
  const result = await transition(
    registry,
    criteria,
    moving,
    to,
    fields,
    { force: opts.force, commit: opts.commit, lang, fix, filled, facts },
    ctx,
  );
  return { kind: 'idea-moved', registry, lang, ...result };
}

/** The fields a closed gate misses that a `--set` can fill: named, settable, and no records. */
function fillable(missing: readonly SchemaProblem[], book: FieldBook): string[] {
  const out: string[] = [];
  for (const m of missing) {
    if (!m.field || out.includes(m.field) || !book.settable.includes(m.field)) continue;
    const schema = book.spec(m.field).schema;
    const items = (schema.items ?? {}) as Record<string, unknown>;
    if (schema.type === 'object' || items.type === 'object') continue;
    out.push(m.field);
  }
  return out;
}

/**
 * At a closed gate, at a terminal: asks for each missing field as `ideas edit` does, then gives the idea as it
 * would be, and its text, for the move to write in one go. A field the council relies on (the coach, say) gets its
 * `assigned` entry, as `ideas edit` writes it, before the move's own entry.
 */
async function fillGate(
  prompter: Prompter,
  idea: Idea,
  missing: readonly SchemaProblem[],
  book: FieldBook,
  lang: Lang,
  when: { date: string; by: string | undefined },
): Promise<{ idea: Idea; text: string | undefined }> {
  const wanted = new Map<string, unknown>();
  for (const field of fillable(missing, book)) {
    const answer = await askField(
      prompter,
      { ...book.spec(field), required: true },
      lang,
      compileCriteria,
      idea.data[field],
    );
    if (answer !== undefined) wanted.set(field, answer);
  }
  const changes = fieldChanges(idea.data, wanted);
  if (changes.length === 0) return { idea, text: undefined };
  let text = editedText(idea, readIdeaText(idea), changes);
  for (const entry of councilEntries(changes, (f) => book.spec(f).schema, when.date, when.by))
    text = editText(idea, () => appendHistoryEntry(text, entry));
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) return { idea, text: undefined };
  return { idea: toIdea(fm, idea.stage, idea.path, idea.abs), text };
}

/** The stages' labels in one language, as a list for a sentence. */
function labels(stages: readonly Stage[], lang: Lang): string {
  return stages.map((s) => s.label[lang]).join(', ');
}
