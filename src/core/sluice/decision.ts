/** The idea council's decisions: the one list every part of the product takes them from. */
import { t, type Lang } from '../i18n/i18n.js';
import { textOf } from '../safe-object.js';

export const DECISIONS = ['approve', 'return', 'park', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
  return DECISIONS.some((d) => d === value);
}

/** A decision in words ("godkänd"), or the text as written when it is none of ours. */
export function decisionWord(value: unknown, lang: Lang): string {
  return isDecision(value) ? t(lang, `decision.${value}`) : textOf(value);
}
