/** The static site of `ideas site`. */
import type { Localized } from '../i18n.js';

export const site = {
  'site.skip': { sv: 'Hoppa till innehållet', en: 'Skip to the content' },
  'site.nav': { sv: 'Webbplatsen', en: 'The site' },
  'site.board': { sv: 'Idétavlan', en: 'The idea board' },
  'site.stats': { sv: 'Tratten och målen', en: 'The funnel and the goals' },
  'site.boardIntro': {
    sv: '{count#idé|idéer} i {stages} steg. Varje kolumn är ett steg; varje kort en idé.',
    en: '{count#idea|ideas} in {stages} stages. Each column is a stage; each card an idea.',
  },
  'site.filters': { sv: 'Filtrera idéerna', en: 'Filter the ideas' },
  'site.tag': { sv: 'Tagg', en: 'Tag' },
  'site.unit': { sv: 'Enhet', en: 'Unit' },
  'site.challenge': { sv: 'Utmaning', en: 'Challenge' },
  'site.all': { sv: 'Alla', en: 'All' },
  'site.reset': { sv: 'Visa alla', en: 'Show all' },
  'site.shown': { sv: 'Visar {shown} av {total} idéer.', en: 'Showing {shown} of {total} ideas.' },
  'site.columnShown': { sv: '{shown} av {total} visas', en: '{shown} of {total} shown' },
  'site.emptyStage': { sv: 'Inga idéer i steget.', en: 'No ideas in this stage.' },
  'site.inStageSince': { sv: 'i steget sedan {date}', en: 'in the stage since {date}' },
  'site.id': { sv: 'Id', en: 'Id' },
  'site.created': { sv: 'Registrerad', en: 'Registered' },
  'site.tags': { sv: 'Taggar', en: 'Tags' },
  'site.details': { sv: 'Uppgifter', en: 'Details' },
  'site.text': { sv: 'Beskrivning', en: 'Description' },
  'site.criteria': { sv: 'Krav', en: 'Criteria' },
  'site.criteriaStage': {
    sv: 'Krav för {stage}, där idén står nu',
    en: 'Criteria for {stage}, where the idea stands now',
  },
  'site.criteriaNext': { sv: 'Krav för nästa steg, {stage}', en: 'Criteria for the next stage, {stage}' },
  'site.met': { sv: 'uppfyllt', en: 'met' },
  'site.notMet': { sv: 'inte uppfyllt', en: 'not met' },
  'site.noCriteria': { sv: 'Inga särskilda krav.', en: 'No particular criteria.' },
  'site.gateOpen': { sv: 'Alla krav är uppfyllda.', en: 'Every criterion is met.' },
  'site.gateOpenShown': { sv: 'Alla krav som visas här är uppfyllda.', en: 'Every criterion shown here is met.' },
  'site.withheld': {
    sv: '{count#krav gäller|krav gäller} uppgifter som inte visas här.',
    en: '{count#criterion concerns|criteria concern} data not shown here.',
  },
  'site.gateClosed': {
    sv: '{count} av {total} krav är inte uppfyllda.',
    en: '{count} of {total} criteria are not met.',
  },
  'site.lastStage': { sv: 'Steget leder inte vidare.', en: 'This stage leads nowhere further.' },
  'site.noHistory': { sv: 'Ingen historik.', en: 'No history.' },
  'site.granted': { sv: 'beviljat {amount}', en: 'granted {amount}' },
  'site.back': { sv: 'Tillbaka till idétavlan', en: 'Back to the idea board' },
  'site.built': {
    sv: 'Byggd {date} med ideas site ur idéslussens git-repo.',
    en: "Built {date} with ideas site from the registry's git repository.",
  },
  'site.public': {
    sv: 'Personuppgifter, som namn på idébärare och idécoacher, visas inte.',
    en: 'Personal data, such as the names of carriers and coaches, is not shown.',
  },
  'site.internal': {
    sv: 'Intern version med personuppgifter. Publicera den inte.',
    en: 'Internal version with personal data. Do not publish it.',
  },
  'site.funnelDesc': {
    sv: 'Stapeldiagram: idéer i varje steg i dag. {rows}.',
    en: 'Bar chart: ideas in each stage today. {rows}.',
  },
  'site.goalDesc': { sv: 'Förloppsstapel: {reached} av {target}.', en: 'Progress bar: {reached} of {target}.' },
  'site.gateOpenNotGiven': {
    sv: 'Inget krav är ouppfyllt. Inte angivet: {count#valfri uppgift|valfria uppgifter} av {total}.',
    en: 'No criterion is unmet. Not given: {count#optional detail|optional details} of {total}.',
  },
  'site.tableRegion': { sv: 'Tabell, rullar i sidled', en: 'Table, scrolls sideways' },
} as const satisfies Record<string, Localized>;
