import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import type { Idea } from '../core/sluice/idea.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Stage } from '../core/sluice/config.js';
import { fieldLabeler, forwardStage, gateChecklist, type ChecklistItem } from '../core/sluice/gate.js';
import { findIdea } from '../io/find-idea.js';
import { loadCriteria, readCriteriaSchemas, type Registry } from '../io/registry.js';
import { readPackageSchema } from '../io/schemas.js';
import { openRegistry } from './open-registry.js';
import { gateFor } from './stage-gate.js';

export interface ShowOptions extends CommonOptions {
  id: string;
}

export interface ShowResult {
  kind: 'idea';
  registry: Registry;
  lang: Lang;
  idea: Idea;
  today: Date;
  /**
   * The schemas that label the idea's fields (its stage's criteria, the other stages', then the base): a field a
   * later gate asks for, filled in early, is named by its label too. Read for people, not for --json.
   */
  schemas: Record<string, unknown>[];
  /** The criteria of the gate forward, each met, not met or not given; null for --json, a last stage or bad criteria. */
  gate: { next: Stage; checklist: ChecklistItem[] } | null;
}

export async function runShow(opts: ShowOptions, ctx: Ctx): Promise<ShowResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const idea = findIdea(registry, opts.id);
  const others = registry.config.stages.filter((s) => s.key !== idea.stage.key);
  const schemas = opts.json
    ? []
    : [
        ...readCriteriaSchemas(registry, idea.stage.key),
        ...others.flatMap((s) => readCriteriaSchemas(registry, s.key)),
        readPackageSchema('idea'),
      ];
  const gate = opts.json ? null : nextGate(registry, idea, lang);
  return { kind: 'idea', registry, lang, idea, today: ctx.clock(), schemas, gate };
}

/** The gate an approval would pass, as review's agenda shows it; none when the criteria cannot be compiled. */
function nextGate(registry: Registry, idea: Idea, lang: Lang): ShowResult['gate'] {
  const next = forwardStage(idea.stage, registry.config);
  if (!next) return null;
  let criteria;
  try {
    criteria = loadCriteria(registry);
  } catch (e) {
    // A broken criteria file is validate's to report: show still shows the idea.
    if (e instanceof IdeasError) return null;
    throw e;
  }
  const label = fieldLabeler(readPackageSchema('idea'), lang);
  const checklist = gateChecklist(
    gateFor(registry, criteria, idea, next),
    idea.data,
    criteria.get(next.key)?.schema,
    lang,
    label,
  );
  return { next, checklist };
}
