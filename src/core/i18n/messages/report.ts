/** `ideas report`: the funnel, time in stage, goals, funds and breakdowns. */
import type { Localized } from '../i18n.js';

export const report = {
  'report.title': { sv: '{name}: rapport', en: '{name}: report' },
  // At the top of a report made with --include-personal, in its text: the words the site shows (site.internal).
  'report.internal': {
    sv: 'Intern version med personuppgifter. Publicera den inte.',
    en: 'Internal version with personal data. Do not publish it.',
  },
  'report.summary': {
    sv: '{period}: {ideas#idé|idéer}, varav {added} nya under perioden.',
    en: '{period}: {ideas#idea|ideas}, {added} of them new in the period.',
  },
  'report.period': { sv: 'Perioden {since} – {until}', en: 'The period {since} to {until}' },
  'report.periodUntil': { sv: 'Hela tiden till och med {until}', en: 'All time up to {until}' },
  'report.funnel': { sv: 'Tratten', en: 'The funnel' },
  'report.funnelNote': {
    sv: 'Nu: idéer i steget vid periodens slut. In och ut: idéer som kom in i eller lämnade steget under perioden.',
    en: 'Now: ideas in the stage at the end of the period. In and out: ideas that came into or left the stage in the period.',
  },
  'report.stage': { sv: 'Steg', en: 'Stage' },
  'report.now': { sv: 'Nu', en: 'Now' },
  'report.entered': { sv: 'In', en: 'In' },
  'report.left': { sv: 'Ut', en: 'Out' },
  'report.total': { sv: 'Totalt', en: 'Total' },
  'report.time': { sv: 'Tid i steg', en: 'Time in stage' },
  'report.timeNote': {
    sv: 'Dagar i steget för idéer som lämnade det under perioden: median och 90:e percentil (som PERCENTIL.INK i Excel).',
    en: 'Days in the stage for ideas that left it in the period: median and 90th percentile (as PERCENTILE.INC in Excel).',
  },
  'report.stays': { sv: 'Antal', en: 'Count' },
  'report.median': { sv: 'Median', en: 'Median' },
  'report.p90': { sv: '90 %', en: '90th pct' },
  'report.limit': { sv: 'Gräns', en: 'Limit' },
  'report.waiting': { sv: 'Väntar längre än stegets gräns', en: "Waiting longer than the stage's limit" },
  'report.noneWaiting': { sv: 'Ingen idé väntar längre än gränsen.', en: 'No idea waits longer than the limit.' },
  'report.id': { sv: 'Id', en: 'Id' },
  'report.titleCol': { sv: 'Titel', en: 'Title' },
  'report.since': { sv: 'Sedan', en: 'Since' },
  'report.days': { sv: 'Dagar', en: 'Days' },
  'report.carrier': { sv: 'Idébärare', en: 'Carrier' },
  'report.coach': { sv: 'Idécoach', en: 'Coach' },
  'report.goals': { sv: 'Mål', en: 'Goals' },
  'report.noGoals': { sv: 'Konfigurationen har inga mål.', en: 'The config sets no goals.' },
  'report.goalLine': {
    sv: '{label}: {reached} av {target} ({percent} %) har nått {stage}',
    en: '{label}: {reached} of {target} ({percent}%) have reached {stage}',
  },
  'report.goalMet': { sv: '(uppnått)', en: '(met)' },
  'report.goalBy': { sv: 'senast {by}, {days#dag|dagar} kvar', en: 'by {by}, {days#day|days} left' },
  'report.goalMissed': { sv: 'skulle ha nåtts {by}', en: 'was due {by}' },
  'report.funds': { sv: 'Beviljade medel', en: 'Funds granted' },
  'report.fundsNote': {
    sv: 'Belopp beviljade under perioden, per steg de beviljades för.',
    en: 'Amounts granted in the period, by the stage they were granted for.',
  },
  'report.noFunds': { sv: 'Inga medel beviljades under perioden.', en: 'No funds were granted in the period.' },
  'report.amount': { sv: 'Belopp', en: 'Amount' },
  'report.ideasCol': { sv: 'Idéer', en: 'Ideas' },
  'report.added': { sv: 'Nya', en: 'New' },
  'report.granted': { sv: 'Beviljat', en: 'Granted' },
  'report.by': { sv: 'Per {field} ({key})', en: 'By {field} ({key})' },
  'report.notGiven': { sv: '(ej angivet)', en: '(not given)' },
  'report.withheldOverlap': {
    sv: 'Bara summan: grupperna delar idéer (en idé kan ha flera värden) och kunde dras från varandra ner till färre än {k} idéer.',
    en: 'The total only: the groups share ideas (an idea may have several values) and could be subtracted from each other down to fewer than {k} ideas.',
  },
  'report.withheldBreakdown': {
    sv: 'Bara summan: rapporten delar redan upp fältet på ett annat sätt, och två uppdelningar kunde dras från varandra ner till färre än {k} idéer.',
    en: 'The total only: the report already breaks this field down another way, and two breakdowns could be subtracted from each other down to fewer than {k} ideas.',
  },
  'report.pooled': { sv: '(övriga: {count#grupp|grupper})', en: '(others: {count#group|groups})' },
  'report.aggregate': { sv: '{field}, summerat per steg', en: '{field}, summed by stage' },
  'report.aggregateBy': { sv: '{field}, summerat per {by}', en: '{field}, summed by {by}' },
  'report.aggregateNote': {
    sv: 'Uppgifter om personer visas bara summerade, för grupper om minst {k} idéer; mindre grupper slås ihop.',
    en: 'Figures about people are only shown summed, for groups of at least {k} ideas; smaller groups are pooled.',
  },
  'report.suppressedAll': {
    sv: 'Färre än {k} idéer har uppgiften, så inget visas.',
    en: 'Fewer than {k} ideas give this, so nothing is shown.',
  },
} as const satisfies Record<string, Localized>;
