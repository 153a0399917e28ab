/** The idea council at work: decisions by their names, completing an idea in the meeting, conflicts of interest. */
import type { Localized } from '../i18n.js';

export const council = {
  'decision.name.approve': { sv: 'godkänn', en: 'approve' },
  'decision.name.return': { sv: 'återremittera', en: 'return' },
  'decision.name.park': { sv: 'parkera', en: 'park' },
  'decision.name.reject': { sv: 'avslå', en: 'reject' },
  'minutes.completed': { sv: 'Kompletterat under mötet', en: 'Completed in the meeting' },
  'minutes.conflicts': { sv: 'Jäv', en: 'Conflicts of interest' },
  'minutes.conflictNote': {
    sv: 'jäv anmält av {names}, som inte deltog i beslutet',
    en: 'conflict of interest declared by {names}, who took no part in the decision',
  },
  'minutes.unhandled': {
    sv: 'Ej behandlade när mötet avslutades',
    en: 'Not handled when the meeting ended',
  },
  'err.conflictSyntax': {
    sv: '--conflict väntar sig idé=namn (till exempel sund-4k7q2x="Anna Ek"), fick "{value}".',
    en: '--conflict expects idea=name (for example sund-4k7q2x="Anna Ek"), got "{value}".',
  },
  'review.complete': { sv: 'Komplettera idén: {fields}', en: 'Complete the idea: {fields}' },
  'review.coach': { sv: 'Tilldela idécoach', en: 'Assign an idea coach' },
  'review.conflict': { sv: 'Anmäl jäv', en: 'Declare a conflict of interest' },
  'review.conflictWho': {
    sv: 'Vem anmäler jäv? (deltar inte i beslutet om idén)',
    en: 'Who declares a conflict of interest? (takes no part in deciding the idea)',
  },
  'review.conflicts': { sv: 'Jäv: {names}', en: 'Conflict of interest: {names}' },
  'err.badDecision': {
    sv: 'Okänt beslut "{decision}": välj {decisions}.',
    en: 'Unknown decision "{decision}": choose {decisions}.',
  },
  'err.badDecisionSuggest': {
    sv: 'Okänt beslut "{decision}". Menade du {suggestion}? Välj {decisions}.',
    en: 'Unknown decision "{decision}". Did you mean {suggestion}? Choose {decisions}.',
  },
  'err.decideReason': {
    sv: 'Ett beslut behöver ett skäl (eller, för återremittera, ett råd), som skrivs i idéns historik.',
    en: "A decision needs a reason (or, to send back, advice), written in the idea's history.",
  },
  'hint.decideReason': {
    sv: 'Ge skälet med --reason, till exempel:\n  {command}',
    en: 'Give the reason with --reason, for example:\n  {command}',
  },
  'hint.exampleReason': { sv: 'Skälet i en mening', en: 'The reason in one sentence' },
  'hint.exampleAdvice': { sv: 'Rådet till idébäraren', en: 'The advice to the carrier' },
} as const satisfies Record<string, Localized>;
