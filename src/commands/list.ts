import type { CommonOptions, Ctx } from '../context.js';
import type { IdeaSummary } from '../core/sluice/idea.js';
import type { Lang } from '../core/i18n/i18n.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { sortByTexts } from '../core/i18n/text-order.js';
import { readIdeaSummaries } from '../io/read-ideas.js';
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
  ideas: IdeaSummary[];
  /** Files in stage folders that could not be read. */
  unreadable: number;
  today: Date;
}

export async function runList(opts: ListOptions, ctx: Ctx): Promise<ListResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const stage = opts.stage ? resolveStage(registry.config, opts.stage) : null;
  const { ideas, unreadable } = readIdeaSummaries(registry);
  const tag = opts.tag?.toLowerCase();
  const order = new Map(registry.config.stages.map((s, i) => [s.key, i]));
  const wanted = ideas.filter(
    (i) => (!stage || i.stage.key === stage.key) && (!tag || i.tags.some((x) => x.toLowerCase() === tag)),
  );
  const shown = sortByTexts(
    wanted,
    (i) => order.get(i.stage.key) ?? Infinity,
    (i) => [i.created ?? '', i.id ?? i.path],
    registry.config.language,
  );
  return { kind: 'idea-list', registry, lang, ideas: shown, unreadable: unreadable.length, today: ctx.clock() };
}
