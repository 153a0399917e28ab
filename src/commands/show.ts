import type { CommonOptions, Ctx } from '../context.js';
import type { Idea } from '../core/sluice/idea.js';
import type { Lang } from '../core/i18n/i18n.js';
import { findIdea } from '../io/find-idea.js';
import type { Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';

export interface ShowOptions extends CommonOptions {
  id: string;
}

export interface ShowResult {
  kind: 'idea';
  registry: Registry;
  lang: Lang;
  idea: Idea;
  today: Date;
}

export async function runShow(opts: ShowOptions, ctx: Ctx): Promise<ShowResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  return { kind: 'idea', registry, lang, idea: findIdea(registry, opts.id), today: ctx.clock() };
}
