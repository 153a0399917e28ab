import type { CommonOptions, Ctx } from '../context.js';
import type { Idea } from '../core/idea.js';
import type { Lang } from '../core/i18n.js';
import { resolveStage, stageIndex } from '../core/stage-lookup.js';
import { readIdeas } from '../io/read-ideas.js';
import type { Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';

export interface ListOptions extends CommonOptions {
  stage?: string;
  tag?: string;
}

export interface ListResult {
  kind: 'idea-list';
  registry: Registry;
  lang: Lang;
  ideas: Idea[];
  /** Files in stage folders that could not be read. */
  unreadable: number;
  today: Date;
}

export async function runList(opts: ListOptions, ctx: Ctx): Promise<ListResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const stage = opts.stage ? resolveStage(registry.config, opts.stage) : null;
  const { ideas, unreadable } = readIdeas(registry);
  const tag = opts.tag?.toLowerCase();
  const shown = ideas
    .filter((i) => !stage || i.stage.key === stage.key)
    .filter((i) => !tag || i.tags.some((x) => x.toLowerCase() === tag))
    .sort(
      (a, b) =>
        stageIndex(registry.config, a.stage.key) - stageIndex(registry.config, b.stage.key) ||
        (a.created ?? '').localeCompare(b.created ?? '') ||
        (a.id ?? a.path).localeCompare(b.id ?? b.path),
    );
  return { kind: 'idea-list', registry, lang, ideas: shown, unreadable: unreadable.length, today: ctx.clock() };
}
