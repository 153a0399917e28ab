/**
 * The challenge rule: when the config lists challenges, an idea that names one names one of them. One definition
 * with one message, read by `validate` (a finding), every gate (what an idea lacks to enter a stage) and `import`
 * (a row's problem), so the three cannot drift apart again.
 */
import { localize, type Lang, type Localized } from '../i18n/i18n.js';
import type { Challenge, RegistryConfig } from './config.js';
import { scalarText } from '../field-text.js';

export interface ChallengeProblem {
  /** The challenge the idea names. */
  value: string;
  message: Localized;
  /** The challenges the config lists. */
  hint: Localized;
}

/** The challenge a front matter names, as every view of an idea reads it: text, or a number as text. */
function namedChallenge(data: Record<string, unknown>): string | null {
  const value = Object.prototype.hasOwnProperty.call(data, 'challenge') ? data.challenge : undefined;
  return scalarText(value);
}

/** What is wrong with the challenge a front matter names: null when it names none, or one the config lists. */
export function challengeProblem(config: RegistryConfig, data: Record<string, unknown>): ChallengeProblem | null {
  if (config.challenges.length === 0) return null;
  const value = namedChallenge(data);
  if (value === null || config.challenges.some((c) => c.id === value)) return null;
  return {
    value,
    message: localize('f.unknownChallenge', { value }),
    // By their labels, each with the key the file may hold (either is taken by --set and the prompts).
    hint: localize('h.unknownChallenge', {
      values: { sv: challengeList(config, 'sv'), en: challengeList(config, 'en') },
    }),
  };
}

/** The config's challenges by their labels, each with its key when that differs: "Klimatet (klimat)". */
function challengeList(config: RegistryConfig, lang: Lang): string {
  return config.challenges.map((c) => (c.label[lang] === c.id ? c.id : `${c.label[lang]} (${c.id})`)).join(', ');
}

/** The challenge whose id `id` is, among a registry's or a region member's; undefined when none is. */
export function challengeOf<C extends { id: string }>(
  challenges: readonly C[] | undefined,
  id: unknown,
): C | undefined {
  return typeof id === 'string' ? challenges?.find((c) => c.id === id) : undefined;
}

/** A challenge by its label in `lang`: the id as written when no challenge of the registry's has it. */
export function challengeName(challenges: readonly Pick<Challenge, 'id' | 'label'>[], id: string, lang: Lang): string {
  return challengeOf(challenges, id)?.label[lang] ?? id;
}
