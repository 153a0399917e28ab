import type { RegistryConfig, Stage } from './config.js';
import { IdeasError } from '../errors.js';
import { slugify } from './slug.js';

/** A stage named on the command line by its key, its folder or its label in either language. */
export function resolveStage(config: RegistryConfig, name: string): Stage {
  const wanted = name.trim().toLowerCase();
  const folded = slugify(name);
  const stage =
    config.stages.find(
      (s) =>
        s.key === wanted ||
        s.folder.toLowerCase() === wanted ||
        s.label.sv.toLowerCase() === wanted ||
        s.label.en.toLowerCase() === wanted,
    ) ??
    // Forgiving forms: the folder without its number (foradling for 02-foradling), a label without å, ä and ö.
    config.stages.find(
      (s) =>
        folded !== '' &&
        (s.folder.toLowerCase().replace(/^\d+[-_]/, '') === folded ||
          slugify(s.label.sv) === folded ||
          slugify(s.label.en) === folded),
    );
  if (!stage)
    throw new IdeasError('UNKNOWN_STAGE', 'err.unknownStage', {
      stage: name,
      stages: config.stages.map((s) => s.key).join(', '),
    });
  return stage;
}

export function stageIndex(config: RegistryConfig, key: string): number {
  const i = config.stages.findIndex((s) => s.key === key);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}
