/**
 * The region's views over all members: its lists and their columns, `ideas region report`, `region export` and
 * `region site`.
 */
import type { Localized } from '../i18n.js';

export const regionViews = {
  'region.report.title': { sv: '{name}: regionens rapport', en: '{name}: region report' },
  'region.report.members': {
    sv: '{members#medlem|medlemmar} med data från en synk; siffrorna för regionen är deras sammanlagda.',
    en: '{members#member|members} with data from a sync; the region figures are theirs together.',
  },
  'region.report.byMember': { sv: 'Per kommun', en: 'By municipality' },
  'region.report.funnelByMember': {
    sv: 'Tratten per kommun (idéer i varje steg vid periodens slut)',
    en: 'The funnel by municipality (ideas in each stage at the end of the period)',
  },
  'region.report.timeByMember': {
    sv: 'Tid i steget per kommun (mediandagar, antal inom parentes)',
    en: 'Time in stage by municipality (median days, count in brackets)',
  },
  'region.report.withheldNote': {
    sv: '– utan antal: inga avslutade vistelser. – med antal: färre än {k} vistelser, medianen undanhålls (minGroupSize).',
    en: '– without a count: no stays ended. – with a count: fewer than {k} stays, the median is withheld (minGroupSize).',
  },
  'region.report.goalsByMember': { sv: 'Mål per kommun', en: 'Goals by municipality' },
  'region.report.regionRow': { sv: 'Regionen', en: 'Region' },
  'region.report.none': {
    sv: 'Ingen medlem har data ännu. Kör ideas region sync först.',
    en: 'No member has data yet. Run ideas region sync first.',
  },
  'region.report.dataTitle': { sv: 'Uppgifternas ålder', en: 'How old the data is' },
  'err.regionNoStage': {
    sv: 'Ingen medlem har steget "{stage}". Stegen: {stages}.',
    en: 'No member has the stage "{stage}". The stages: {stages}.',
  },
  'err.regionNoStageSuggest': {
    sv: 'Ingen medlem har steget "{stage}". Menade du {suggestion}? Stegen: {stages}.',
    en: 'No member has the stage "{stage}". Did you mean {suggestion}? The stages: {stages}.',
  },
  // An empty list in a message that names what can be given ("The stages: {stages}."), never an empty "… : .".
  'region.listNone': { sv: 'inga', en: 'none' },
  'region.listNoneSynced': {
    sv: 'inga, för ingen medlem har data från en synk än (kör ideas region sync)',
    en: 'none, as no member has data from a sync yet (run ideas region sync)',
  },
  'region.col.municipality': { sv: 'Kommun', en: 'Municipality' },
  'region.col.municipalities': { sv: 'Kommuner', en: 'Municipalities' },
  'region.report.byNote': {
    sv: 'Över alla kommuner. Grupper med färre än {k} idéer slås ihop till en rad (minGroupSize).',
    en: 'Across all municipalities. Groups of fewer than {k} ideas are pooled into one row (minGroupSize).',
  },
  'region.report.crossBy': { sv: '{field} ({key}) per kommun', en: '{field} ({key}) by municipality' },
  'region.report.crossNote': {
    sv: 'Raderna ovan (grupper med färre än {k} idéer sammanslagna), antal idéer per kommun. En idé med flera värden räknas på varje rad.',
    en: 'The rows above (groups of fewer than {k} ideas pooled), ideas per municipality. An idea with several values counts in each row.',
  },
  'err.regionByPersonal': {
    sv: 'Fältet "{field}" innehåller personuppgifter i regionens medlemmar och lämnar dem aldrig; regionens rapport kan inte delas upp efter det. Fält som kan användas med --by: {fields}.',
    en: 'The field "{field}" holds personal data in the members of the region and never leaves them; the region report cannot be broken down by it. Fields that can be used with --by: {fields}.',
  },
  'err.regionByNotPublic': {
    sv: 'Fältet "{field}" är inte märkt som offentligt (x-public) hos någon medlem, så regionen har inte dess värden. Fält som kan användas med --by: {fields}.',
    en: 'The field "{field}" is not marked public (x-public) by any member, so the region does not hold its values. Fields that can be used with --by: {fields}.',
  },
  'hint.regionBy': {
    sv: 'Fälten kommer från medlemmarnas scheman vid senaste synken; kör ideas region sync om en medlem har ändrat sina.',
    en: "The fields come from the members' schemas at the last sync; run ideas region sync if a member has changed its own.",
  },
  'region.site.written': {
    sv: 'Regionens webbplats skrevs i {dir} ({count#sida|sidor}).',
    en: "The region's site was written to {dir} ({count#page|pages}).",
  },
  'region.site.members': { sv: 'Kommuner', en: 'Municipalities' },
  'region.site.intro': {
    sv: '{ideas#idé|idéer} hos {members#kommun|kommuner}. Varje kommun har sin egen idésluss; här visas deras publika uppgifter.',
    en: '{ideas#idea|ideas} in {members#municipality|municipalities}. Each municipality keeps its own idea sluice; this shows their public data.',
  },
  'region.site.memberIntro': {
    sv: '{ideas#idé|idéer}. Uppgifter från {date} (commit {commit}).',
    en: '{ideas#idea|ideas}. Data from {date} (commit {commit}).',
  },
  'region.site.noData': {
    sv: 'Ingen data ännu: kommunens idésluss har inte kunnat hämtas.',
    en: "No data yet: the municipality's idea sluice could not be fetched.",
  },
  'region.site.failed': {
    sv: 'Senaste hämtningen {date} misslyckades; uppgifterna är från en tidigare.',
    en: 'The latest fetch on {date} failed; the data is from an earlier one.',
  },
  'region.site.ownSite': {
    sv: 'Kommunens egen webbplats för idéslussen',
    en: "The municipality's own idea sluice site",
  },
  'region.site.ideaOnOwnSite': {
    sv: 'Idén på kommunens egen webbplats',
    en: "The idea on the municipality's own site",
  },
  'region.site.ideaOf': { sv: 'En idé från {member}', en: 'An idea from {member}' },
  'region.site.dataAge': { sv: 'Uppgifterna är från {date}.', en: 'The data is from {date}.' },
  'region.site.municipality': { sv: 'Kommun', en: 'Municipality' },
  'region.site.memberFact': { sv: 'Idésluss', en: 'Idea sluice' },
  'region.goalSummed': {
    sv: '{label} (summan av {members} medlemmars mål)',
    en: "{label} (the sum of {members} members' goals)",
  },
  'region.site.code': { sv: 'Kommunkod', en: 'Municipality code' },
  'region.site.nav': { sv: 'Regionen', en: 'Region' },
  'region.site.dataCol': { sv: 'Data från', en: 'Data from' },
  'region.site.basedOn': { sv: 'Bygger på', en: 'Based on' },
  'region.site.adoptedBy': { sv: 'Övertagen av', en: 'Adopted by' },
  'region.list.empty': { sv: 'Inga idéer.', en: 'No ideas.' },
  'region.list.count': {
    sv: '{ideas#idé|idéer} hos {members#medlem|medlemmar}',
    en: '{ideas#idea|ideas} in {members#member|members}',
  },
  'region.col.member': { sv: 'Kommun', en: 'Municipality' },
  'region.col.id': { sv: 'Id', en: 'Id' },
  'region.col.stage': { sv: 'Steg', en: 'Stage' },
  'region.col.title': { sv: 'Titel', en: 'Title' },
  'region.col.unit': { sv: 'Enhet', en: 'Unit' },
} satisfies Record<string, Localized>;
