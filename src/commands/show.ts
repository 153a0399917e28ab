import type { CommonOptions, Ctx } from '../context.js';
import type { Idea } from '../core/sluice/idea.js';
import type { Lang } from '../core/i18n/i18n.js';
import { findIdea } from '../io/find-idea.js';
import { readCriteriaSchemas, type Registry } from '../io/registry.js';
import { readPackageSchema } from '../core/criteria/schema-check.js';
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
  /** The schemas that label the idea's fields (its stage's criteria, then the base): read for people, not for --json. */
  schemas: Record<string, unknown>[];
}

export async function runShow(opts: ShowOptions, ctx: Ctx): Promise<ShowResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const idea = findIdea(registry, opts.id);
  const schemas = opts.json ? [] : [...readCriteriaSchemas(registry, idea.stage.key), readPackageSchema('idea')];
  return { kind: 'idea', registry, lang, idea, today: ctx.clock(), schemas };
}
