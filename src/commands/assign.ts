import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { shellQuote } from '../core/shell/quote.js';
import { askingFirst } from './nothing-saved.js';
import { IdeasError } from '../core/errors.js';
import { appendHistoryEntry, setStringField } from '../core/front-matter/front-matter-edit.js';
import type { Lang } from '../core/i18n/i18n.js';
import { isoDate } from '../core/sluice/idea.js';
import { assignedEntry } from '../core/sluice/idea-edit.js';
import { commitHead } from '../core/sluice/transition.js';
import { findIdea } from '../io/find-idea.js';
import { editText, readIdeaText, rewriteIdea, type WriteOutcome } from '../io/idea-write.js';
import type { Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { requireCommitter } from '../io/git.js';
import { fieldTitles, type FieldTitles } from '../core/criteria/field-titles.js';
import { readPackageSchema } from '../io/schemas.js';
import { actingName } from './acting-name.js';

export interface AssignOptions extends CommonOptions {
  id: string;
  coach?: string;
  carrier?: string;
  by?: string;
  commit?: boolean;
}

export interface AssignResult extends WriteOutcome {
  kind: 'idea-assigned';
  registry: Registry;
  lang: Lang;
  changes: { field: string; old: string | null; new: string }[];
  /** The labels of the carrier and the coach. */
  titles: FieldTitles;
}

/** Sets an idea's coach or carrier, each change recorded in the history like any change that matters to the council. */
export async function runAssign(opts: AssignOptions, ctx: Ctx): Promise<AssignResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.commit) await requireCommitter(registry.root);
  let wanted = (['carrier', 'coach'] as const).flatMap((field) => {
    const value = opts[field]?.trim();
    return value ? [{ field, value }] : [];
  });
  const idea = findIdea(registry, opts.id);
  const titles = fieldTitles([readPackageSchema('idea')], ['carrier', 'coach']);
  if (wanted.length === 0) {
    if (noPromptReason(ctx, opts) !== null)
      throw new IdeasError(
        'USAGE',
        'err.nothingToAssign',
        {},
        { hint: 'hint.nothingToAssign', hintParams: { idArg: shellQuote(opts.id) } },
      );
    // At a terminal, asked as `ideas new` asks: the coach first (what a coordinator assigns), each name as it is
    // offered, Enter keeping it.
    const prompter = await ctx.prompter(lang);
    const asked: { field: 'carrier' | 'coach'; value: string }[] = [];
    await askingFirst(async () => {
      for (const field of ['coach', 'carrier'] as const) {
        const now = typeof idea.data[field] === 'string' ? (idea.data[field] as string) : '';
        const value = (
          await prompter.input({ message: titles[field]?.[lang] ?? field, ...(now ? { default: now } : {}) })
        ).trim();
        if (value !== '') asked.push({ field, value });
      }
    });
    wanted = asked;
  }
  const before = readIdeaText(idea);
  let text = before;
  const changes: AssignResult['changes'] = [];
  const by = await actingName(opts.by, registry);
  for (const { field, value } of wanted) {
    const old = typeof idea.data[field] === 'string' ? (idea.data[field] as string) : null;
    if (old === value) continue;
    text = editText(idea, () => setStringField(text, field, value));
    const entry = assignedEntry(isoDate(ctx.clock()), field, old, value, by);
    text = editText(idea, () => appendHistoryEntry(text, entry));
    changes.push({ field, old, new: value });
  }
  if (changes.length === 0)
    return { kind: 'idea-assigned', registry, lang, changes, titles, idea, staged: false, committed: false };
  const message = opts.commit
    ? commitHead(idea, changes.map((c) => `${titles[c.field]?.[lang] ?? c.field}: ${c.new}`).join(', '))
    : null;
  const outcome = await rewriteIdea(registry, idea, before, text, ctx.env, message);
  return { kind: 'idea-assigned', registry, lang, changes, titles, ...outcome };
}
