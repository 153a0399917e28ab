/** The idea council's decisions, by their names and in words, and conflicts of interest. */
import type { Localized } from '../i18n.js';

export const council = {
  /** Who decided, when a decision names no one (`decide` or `review` without --by): the council as a whole. */
  'council.whole': { sv: 'Idérådet', en: 'The idea council' },
  'decision.name.approve': { sv: 'godkänn', en: 'approve' },
  'decision.name.return': { sv: 'återremittera', en: 'return' },
  'decision.name.park': { sv: 'parkera', en: 'park' },
  'decision.name.reject': { sv: 'avslå', en: 'reject' },
  'err.conflictSyntax': {
    sv: '--conflict väntar sig idé=namn (till exempel sund-4k7q2x="Anna Ek"), fick "{value}".',
    en: '--conflict expects idea=name (for example sund-4k7q2x="Anna Ek"), got "{value}".',
  },
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
  'err.decideReasonExample': {
    sv: 'Skälet "{reason}" är exemplets platshållare, inte rådets motivering. Skriv motiveringen med --reason, till exempel --reason "Bra plan, tydlig nytta för de äldre".',
    en: 'The reason "{reason}" is the example\'s placeholder, not the council\'s reason. Give the reason with --reason, for example --reason "A good plan, of clear use to the elderly".',
  },
  'hint.decideReason': {
    sv: 'Ge skälet med --reason, till exempel:\n  {command}',
    en: 'Give the reason with --reason, for example:\n  {command}',
  },
  'err.decideAmount': {
    sv: 'Ett godkännande till {stage} beviljar medel: ange beloppet med --amount, också när det är 0. Ett belopp som utelämnas kan inte läggas till i historiken efteråt.',
    en: 'An approval into {stage} grants funds: give the amount with --amount, 0 included. An amount left out cannot be added to the history afterwards.',
  },
  'hint.decideAmount': {
    sv: 'Till exempel, med beloppet i kronor:\n  {command}',
    en: 'For example, with the amount in kronor:\n  {command}',
  },
  'hint.exampleAmount': { sv: '<belopp i kr>', en: '<amount in kr>' },
  'hint.exampleReason': { sv: 'Skälet i en mening', en: 'The reason in one sentence' },
  'hint.exampleAdvice': { sv: 'Rådet till idébäraren', en: 'The advice to the carrier' },
  'decision.approve': { sv: 'godkänd', en: 'approved' },
  'decision.return': { sv: 'återremitterad', en: 'sent back' },
  'decision.park': { sv: 'parkerad', en: 'parked' },
  'decision.reject': { sv: 'avslagen', en: 'rejected' },
} as const satisfies Record<string, Localized>;
