/**
 * A stage's gate as the commands ask it: the base schema, the registry's criteria and the challenge rule
 * (core/sluice/gate.ts). Apart from src/commands/transition.ts, which writes: `show` and `site` only read, and load
 * nothing that writes (nor git, nor the `yaml` package) through it.
 */
import type { Stage } from '../core/sluice/config.js';
import { checkGate, type Gate } from '../core/sluice/gate.js';
import type { IdeaFields } from '../core/sluice/idea.js';
import type { StageValidators } from '../core/sluice/transition.js';
import { baseValidators } from '../io/schemas.js';
import type { Criteria, Registry } from '../io/registry.js';

/** The base schema and the registry's criteria, as a gate checks an idea against them. */
export function stageValidators(criteria: Map<string, Criteria>): StageValidators {
  return { base: baseValidators().idea, criteria: (s) => criteria.get(s.key)?.validate };
}

export function gateFor(registry: Registry, criteria: Map<string, Criteria>, idea: IdeaFields, to: Stage): Gate {
  const validators = stageValidators(criteria);
  return checkGate(idea, to, registry.config, validators.base, validators.criteria(to));
}
