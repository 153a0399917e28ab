import type { RegistryConfig, Stage } from './config.js';
import { IdeasError } from '../errors.js';
import type { Lang, Localized } from '../i18n/i18n.js';
import { nearMiss } from '../near-miss.js';
import { shellQuote } from '../shell/quote.js';
import { slugify } from './slug.js';

/**
 * The stage a name on the command line means, by its key, its folder (where the stage has one: a region's stages
 * do not) or its label in either language; undefined when none.
 */
function findStageByName<S extends { key: string; label: Localized; folder?: string }>(
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

/**
 * The word a printed command names `stage` by, in `lang`: its label as a person types it (`förädling`), which
 * findStageByName takes back to the same stage; its key where the label would find another.
 */
export function stageWord<S extends { key: string; label: Localized; folder?: string }>(
  stages: readonly S[],
  stage: S,
  lang: Lang,
): string {
  const word = stage.label[lang].toLowerCase();
  return findStageByName(stages, word)?.key === stage.key ? word : stage.key;
}

/** A name as it may be typed back: quoted when a shell would split it or read it otherwise. */
function typedBack(name: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(name) ? name : shellQuote(name);
}

/**
 * The stage a misspelled name was likely meant for, said as the nearest of the forms `findStageByName` takes (its
 * key, its label in `lang`, its label in the other language, its folder without and with its number where it has
 * one; compared without case and accents), when one stage is nearest: "testt" gives test, "Förädlng" Förädling. A
 * form that is not the stage's label in `lang` comes after that label, so that a message in Swedish names the stage
 * in Swedish: "dne" gives Klar (done).
 */
export function suggestedStage(
  stages: readonly { key: string; label: Localized; folder?: string }[],
  name: string,
  lang: Lang,
): string | null {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const candidates = stages.flatMap((s) =>
    [s.key, s.label[lang], s.label[other], ...(s.folder ? [s.folder.replace(/^\d+[-_]/, ''), s.folder] : [])].map(
      (text) => ({ text, value: s }),
    ),
  );
  const near = nearMiss(name.trim(), candidates, (text) => slugify(text));
  if (near === null) return null;
  const label = near.value.label[lang];
  return slugify(label) === slugify(near.text) ? typedBack(near.text) : `${label} (${typedBack(near.text)})`;
}

/** A stage named on the command line by its key, its folder or its label in either language. */
export function resolveStage(config: RegistryConfig, name: string): Stage {
  const stage = findStageByName(config.stages, name);
  if (!stage) {
    const stages = {
      sv: config.stages.map((s) => s.label.sv).join(', '),
      en: config.stages.map((s) => s.label.en).join(', '),
    };
    const sv = suggestedStage(config.stages, name, 'sv');
    const en = suggestedStage(config.stages, name, 'en');
    if (sv !== null && en !== null)
      throw new IdeasError('UNKNOWN_STAGE', 'err.unknownStageSuggest', {
        stage: name,
        suggestion: { sv, en },
        stages,
      });
    throw new IdeasError('UNKNOWN_STAGE', 'err.unknownStage', { stage: name, stages });
  }
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
