import type { RegistryConfig, Stage } from './config.js';
import { IdeasError } from '../errors.js';
import type { Localized } from '../i18n/i18n.js';
import { slugify } from './slug.js';

/**
 * The stage a name on the command line means, by its key, its folder (where the stage has one: a region's stages
 * do not) or its label in either language; undefined when none.
 */
export function findStageByName<S extends { key: string; label: Localized; folder?: string }>(
  stages: readonly S[],
  name: string,
): S | undefined {
  const wanted = name.trim().toLowerCase();
  const folded = slugify(name);
  return (
    stages.find(
      (s) =>
        s.key === wanted ||
        s.folder?.toLowerCase() === wanted ||
        s.label.sv.toLowerCase() === wanted ||
        s.label.en.toLowerCase() === wanted,
    ) ??
    // Forgiving forms: the folder without its number (foradling for 02-foradling), a label without å, ä and ö.
    stages.find(
      (s) =>
        folded !== '' &&
        (s.folder?.toLowerCase().replace(/^\d+[-_]/, '') === folded ||
          slugify(s.label.sv) === folded ||
          slugify(s.label.en) === folded),
    )
  );
}

/** A stage named on the command line by its key, its folder or its label in either language. */
export function resolveStage(config: RegistryConfig, name: string): Stage {
  const stage = findStageByName(config.stages, name);
  if (!stage)
    throw new IdeasError('UNKNOWN_STAGE', 'err.unknownStage', {
      stage: name,
      stages: {
        sv: config.stages.map((s) => s.label.sv).join(', '),
        en: config.stages.map((s) => s.label.en).join(', '),
      },
    });
  return stage;
}

export function stageIndex(config: RegistryConfig, key: string): number {
  const i = config.stages.findIndex((s) => s.key === key);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** The label of the stage `key`, for messages: people know stages by their labels; an unknown key as it is. */
export function stageLabelOf(config: RegistryConfig, key: string): Localized {
  return config.stages.find((s) => s.key === key)?.label ?? { sv: key, en: key };
}
