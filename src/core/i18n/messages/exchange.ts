/** `ideas import` and `ideas export`: the CSV's columns in the registry's language, and a spreadsheet imported before. */
import type { Localized } from '../i18n.js';

export const exchange = {
  'import.extraCells': {
    sv: 'Raden har {count} celler men rubrikraden bara {columns}.',
    en: 'The row has {count} cells but the header only {columns}.',
  },
  'import.sourceRow': { sv: 'rad {row}', en: 'row {row}' },
  'import.createdFuture': {
    sv: 'Datumet {created} ligger efter i dag ({today}); en idé kan inte vara skapad i framtiden.',
    en: 'The date {created} is after today ({today}); an idea cannot be created in the future.',
  },
  'import.nulByte': {
    sv: 'Cellen innehåller ett NUL-tecken (tecken 0), som en idéfil inte kan innehålla.',
    en: 'The cell holds a NUL character (character 0), which an idea file cannot hold.',
  },
  'import.forbiddenKey': {
    sv: 'Cellens JSON har nyckeln "{key}", som inte är tillåten: __proto__, constructor och prototype är inga fältnamn.',
    en: 'The cell\'s JSON has the key "{key}", which is not allowed: __proto__, constructor and prototype are no field names.',
  },
  'import.wouldFail': {
    sv: 'Idéfilen skulle inte godkännas av ideas validate: {problem}',
    en: 'The idea file would not pass ideas validate: {problem}',
  },
  'recover.reimport': {
    sv: 'En import avbröts innan den var klar; den är ångrad ({removed#ny idé borttagen|nya idéer borttagna}, {restored#idé återställd|idéer återställda}). Kör importen igen.',
    en: 'An import was cut short before it finished; it was undone ({removed#new idea|new ideas} removed, {restored#idea|ideas} restored). Run the import again.',
  },
  'import.keyTwice': {
    sv: 'Raden hör till flera idéer ({ids}): deras historik säger att samma rad i samma fil importerades till var och en. Lägg till en kolumn id med idéns id, så vet importen vilken.',
    en: "The row belongs to several ideas ({ids}): their history says the same row of the same file was imported into each. Add an id column with the idea's id, so the import knows which.",
  },
  'import.idTwice': {
    sv: 'Id:t {id} finns i flera filer ({files}). Kör `ideas validate` och ge kopian ett eget id innan raden importeras.',
    en: 'The id {id} is in several files ({files}). Run `ideas validate` and give the copy an id of its own before the row is imported.',
  },
  'import.sameIdeaTwice': {
    sv: 'Raden gäller idén {id}, som rad {row} redan gäller. Ta bort en av raderna, eller ge dem olika id.',
    en: 'The row is about the idea {id}, which row {row} is about already. Remove one of the rows, or give them different ids.',
  },
  'import.stageDiffers': {
    sv: 'Raden säger steget {stage}, men idén {id} står i {now}. En import flyttar inga idéer: flytta den med ideas move, eller rätta cellen.',
    en: 'The row says the stage {stage}, but the idea {id} is in {now}. An import moves no ideas: move it with ideas move, or correct the cell.',
  },
  'import.stageDiffersCouncil': {
    sv: 'Raden säger steget {stage}, men idén {id} står i {now}. En import flyttar inga idéer, och till {stage} flyttar idérådets beslut: registrera det med ideas decide, eller rätta cellen.',
    en: "The row says the stage {stage}, but the idea {id} is in {now}. An import moves no ideas, and into {stage} the idea council's decision moves them: record it with ideas decide, or correct the cell.",
  },
  'import.derivedDiffers': {
    sv: 'Raden säger {value} i kolumnen {column}, men idén {id} har {now} där. Kolumnen kommer från idéns historik, som en import inte skriver: registrera beslut och belopp med ideas decide, rätta cellen, eller hoppa över kolumnen med --map {skip}.',
    en: "The row says {value} in the column {column}, but the idea {id} has {now} there. The column comes from the idea's history, which an import does not write: record decisions and amounts with ideas decide, correct the cell, or skip the column with --map {skip}.",
  },
  'import.keptField': {
    sv: 'Raden säger {value} i kolumnen {column}, men idén {id} har {now} där. Fältet {field} sätts av ideas och skrivs aldrig om, varken av ideas edit eller av en import: rätta cellen, eller hoppa över kolumnen med --map {skip}.',
    en: 'The row says {value} in the column {column}, but the idea {id} has {now} there. The field {field} is set by ideas and never rewritten, by ideas edit or by an import: correct the cell, or skip the column with --map {skip}.',
  },
  'import.cannotEdit': {
    sv: 'Idéfilen {file} kan inte ändras av importen: dess front matter är inte en lista av fält. Rätta filen och importera igen.',
    en: 'The import cannot change the idea file {file}: its front matter is not a list of fields. Fix the file and import again.',
  },
  // What a row changes in an idea imported before: "sund-4k7q2x: Beskrivning (tömd), Taggar".
  'import.bodyField': { sv: 'Texten', en: 'The text' },
  'csv.col.stage': { sv: 'Steg', en: 'Stage' },
  // The report's long form (ideas report --format csv, ideas region report --format csv): its columns, sections and
  // measures, each a fixed word of its language for a pivot table to build on.
  'csv.report.member': { sv: 'medlem', en: 'member' },
  'csv.report.name': { sv: 'namn', en: 'name' },
  'csv.report.municipality': { sv: 'kommun', en: 'municipality' },
  'csv.report.section': { sv: 'avsnitt', en: 'section' },
  'csv.report.field': { sv: 'fält', en: 'field' },
  'csv.report.by': { sv: 'per', en: 'by' },
  'csv.report.group': { sv: 'grupp', en: 'group' },
  'csv.report.stage': { sv: 'steg', en: 'stage' },
  'csv.report.measure': { sv: 'mått', en: 'measure' },
  'csv.report.value': { sv: 'värde', en: 'value' },
  'csv.section.period': { sv: 'period', en: 'period' },
  'csv.section.funnel': { sv: 'tratt', en: 'funnel' },
  'csv.section.time': { sv: 'tid i steget', en: 'time in stage' },
  'csv.section.waiting': { sv: 'väntar', en: 'waiting' },
  'csv.section.override': { sv: 'forcerad', en: 'override' },
  'csv.section.goal': { sv: 'mål', en: 'goal' },
  'csv.section.funds': { sv: 'medel', en: 'funds' },
  'csv.section.breakdown': { sv: 'fördelning', en: 'breakdown' },
  'csv.section.aggregate': { sv: 'summering', en: 'aggregate' },
  'csv.measure.since': { sv: 'från', en: 'since' },
  'csv.measure.until': { sv: 'till', en: 'until' },
  'csv.measure.ideas': { sv: 'idéer', en: 'ideas' },
  'csv.measure.added': { sv: 'nya', en: 'added' },
  'csv.measure.members': { sv: 'medlemmar', en: 'members' },
  'csv.measure.now': { sv: 'nu', en: 'now' },
  'csv.measure.entered': { sv: 'in', en: 'entered' },
  'csv.measure.left': { sv: 'ut', en: 'left' },
  'csv.measure.stays': { sv: 'vistelser', en: 'stays' },
  'csv.measure.median': { sv: 'median (dagar)', en: 'median (days)' },
  'csv.measure.p90': { sv: '90:e percentil (dagar)', en: '90th percentile (days)' },
  'csv.measure.limitDays': { sv: 'gräns (dagar)', en: 'limit (days)' },
  'csv.measure.days': { sv: 'dagar', en: 'days' },
  'csv.measure.reached': { sv: 'nått', en: 'reached' },
  'csv.measure.target': { sv: 'mål', en: 'target' },
  'csv.measure.percent': { sv: 'procent', en: 'percent' },
  'csv.measure.by': { sv: 'senast', en: 'by' },
  'csv.measure.daysLeft': { sv: 'dagar kvar', en: 'days left' },
  'csv.measure.amount': { sv: 'belopp', en: 'amount' },
  'csv.measure.granted': { sv: 'beviljat', en: 'granted' },
  'csv.measure.sum': { sv: 'summa', en: 'sum' },
  'csv.col.granted': { sv: 'Beviljat belopp', en: 'Amount granted' },
  'csv.col.body': { sv: 'Beskrivning', en: 'Text' },
  'csv.col.entered': { sv: 'In i steget {stage}', en: 'Entered {stage}' },
  'csv.col.member': { sv: 'Medlem', en: 'Member' },
  'csv.col.municipality': { sv: 'Kommunkod', en: 'Municipality code' },
} as const satisfies Record<string, Localized>;
