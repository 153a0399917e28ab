import type { RegistryConfig, Stage } from './config.js';
import type { Idea } from './idea.js';
import { describeErrors, type SchemaProblem, type Validator } from './schema-check.js';

/** Whether an idea may move from its stage into another, and what is missing if not. */
export interface Gate {
  from: Stage;
  to: Stage;
  /** The config lists `to` among the stage's next stages. */
  allowed: boolean;
  /** What the idea lacks to stand in `to`, in plain words, each naming its field in brackets. */
  missing: SchemaProblem[];
  open: boolean;
}

export function checkGate(idea: Idea, to: Stage, config: RegistryConfig, base: Validator, criteria: Validator | undefined): Gate {
  const from = idea.stage;
  const allowed = from.next.includes(to.key);
  const missing: SchemaProblem[] = [];
  if (!base(idea.data)) missing.push(...describeErrors(base.errors));
  if (criteria && !criteria(idea.data)) {
    const seen = new Set(missing.map((m) => m.pointer));
    for (const p of describeErrors(criteria.errors)) if (!seen.has(p.pointer)) missing.push(p);
  }
  if (config.challenges.length > 0 && idea.challenge !== null && !config.challenges.some((c) => c.id === idea.challenge)) {
    missing.push({
      pointer: '/challenge',
      field: 'challenge',
      keyword: 'enum',
      message: { sv: `Utmaningen "${idea.challenge}" finns inte i konfigurationen [challenge]`, en: `The challenge "${idea.challenge}" is not in the config [challenge]` },
    });
  }
  return { from, to, allowed, missing, open: allowed && missing.length === 0 };
}

/** The stage an approval leads to: the first of the stage's next stages, which the config lists forward first. */
export function forwardStage(stage: Stage, config: RegistryConfig): Stage | undefined {
  const key = stage.next[0];
  return key === undefined ? undefined : config.stages.find((s) => s.key === key);
}
