/** The idea council's decisions: the one list every part of the product takes them from. */
import { IdeasError } from '../errors.js';
import { LANGS, t, type Lang, type Localized } from '../i18n/i18n.js';
import { textOf } from '../safe-object.js';
import { nearMiss } from '../near-miss.js';

export const DECISIONS = ['approve', 'return', 'park', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
  return DECISIONS.some((d) => d === value);
}

/** A decision in words ("godkänd"), or the text as written when it is none of ours. */
export function decisionWord(value: unknown, lang: Lang): string {
  return isDecision(value) ? t(lang, `decision.${value}`) : textOf(value);
}

/** The word a council member gives a decision by, in a language: "godkänn", "approve". */
export function decisionName(decision: Decision, lang: Lang): string {
  return t(lang, `decision.name.${decision}`);
}

/** A decision's name in both languages, for a message that names it in its own language. */
export function decisionNames(decision: Decision): Localized {
  return { sv: decisionName(decision, 'sv'), en: decisionName(decision, 'en') };
}

/** The decisions as a member may write them in a language, for messages that list them: "godkänn, återremittera, …". */
export function decisionChoices(lang: Lang): string {
  return DECISIONS.map((d) => decisionName(d, lang)).join(', ');
}

/**
 * The decision a word names: the key (approve, …) or its name in any language (godkänn, återremittera, parkera,
 * avslå), in any case; null when it names none. Composed and decomposed "å" are the same letter here.
 */
export function parseDecisionWord(value: string): Decision | null {
  const word = value.normalize('NFC').trim().toLocaleLowerCase('sv');
  if (word === '') return null;
  return DECISIONS.find((d) => d === word || LANGS.some((lang) => decisionName(d, lang) === word)) ?? null;
}

/** A decision as a member writes it (see parseDecisionWord), or a usage error that lists the decisions. */
export function parseDecision(value: string): Decision {
  const decision = parseDecisionWord(value);
  if (decision !== null) return decision;
  const decisions = { sv: decisionChoices('sv'), en: decisionChoices('en') };
  // A word near one of them ("godkän"): that word, in the language it was nearest to (in that language's words).
  const near = nearMiss(
    value.normalize('NFC').trim(),
    LANGS.flatMap((lang) => DECISIONS.map((d) => ({ text: decisionName(d, lang), value: d }))),
  );
  if (near === null) throw new IdeasError('USAGE', 'err.badDecision', { decision: value, decisions });
  throw new IdeasError('USAGE', 'err.badDecisionSuggest', { decision: value, suggestion: near.text, decisions });
}

/** The words the product's own examples give for a reason, which a command printed as a line to run shows. */
const EXAMPLE_REASONS = ['hint.councilReason', 'hint.exampleReason', 'hint.exampleAdvice'] as const;

/**
 * Whether a decision's reason is an example's placeholder, run as printed (`--reason '<rådets motivering>'`): the
 * history would keep it as the council's reason. Brackets, quotes, case and spaces do not matter.
 */
export function isExampleReason(reason: string): boolean {
  const bare = (s: string) =>
    s
      .replace(/[<>‹›«»"'“”‘’]/g, '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLocaleLowerCase('sv');
  const given = bare(reason);
  return EXAMPLE_REASONS.some((key) => LANGS.some((lang) => bare(t(lang, key)) === given));
}
