/** `ideas import` of a spreadsheet imported before, and the CSV's columns in the registry's language. */
import type { Localized } from '../i18n.js';

export const exchange2 = {
  'recover.reimport': {
    sv: 'En import avbröts innan den var klar; den är ångrad ({removed#ny idé borttagen|nya idéer borttagna}, {restored#idé återställd|idéer återställda}). Kör importen igen.',
    en: 'An import was cut short before it finished; it was undone ({removed#new idea|new ideas} removed, {restored#idea|ideas} restored). Run the import again.',
  },
  'import.keyTwice': {
    sv: 'Raden hör till flera idéer ({ids}): deras historik säger att samma rad i samma fil importerades till var och en. Lägg till en kolumn id med idéns id, så vet importen vilken.',
    en: "The row belongs to several ideas ({ids}): their history says the same row of the same file was imported into each. Add an id column with the idea's id, so the import knows which.",
  },
  'import.sameIdeaTwice': {
    sv: 'Raden gäller idén {id}, som rad {row} redan gäller. Ta bort en av raderna, eller ge dem olika id.',
    en: 'The row is about the idea {id}, which row {row} is about already. Remove one of the rows, or give them different ids.',
  },
  'import.stageDiffers': {
    sv: 'Raden säger steget {stage}, men idén {id} står i {now}. En import flyttar inga idéer: flytta den med ideas move, eller rätta cellen.',
    en: 'The row says the stage {stage}, but the idea {id} is in {now}. An import moves no ideas: move it with ideas move, or correct the cell.',
  },
  'import.cannotEdit': {
    sv: 'Idéfilen {file} kan inte ändras av importen: dess front matter är inte en lista av fält. Rätta filen och importera igen.',
    en: 'The import cannot change the idea file {file}: its front matter is not a list of fields. Fix the file and import again.',
  },
  'out.importDryRunCounts': {
    sv: 'Provkörning av {file}: {created#ny idé|nya idéer} skulle skapas, {updated#idé|idéer} uppdateras och {unchanged#idé lämnas oförändrad|idéer lämnas oförändrade}; inget skrevs.',
    en: 'Dry run of {file}: {created#new idea|new ideas} would be created, {updated#idea|ideas} updated and {unchanged#idea|ideas} left unchanged; nothing was written.',
  },
  // What a row changes in an idea imported before: "sund-4k7q2x: Beskrivning (tömd), Taggar".
  'import.bodyField': { sv: 'Texten', en: 'The text' },
  'out.importChanges': { sv: '  {id}: {fields}', en: '  {id}: {fields}' },
  'out.importCleared': { sv: '{field} (tömt)', en: '{field} (emptied)' },
  'out.importedCounts': {
    sv: 'Från {file}: {created#ny idé skapad|nya idéer skapade}, {updated#idé uppdaterad|idéer uppdaterade} och {unchanged#idé oförändrad|idéer oförändrade}{staged}.',
    en: 'From {file}: {created#new idea|new ideas} created, {updated#idea|ideas} updated and {unchanged#idea|ideas} unchanged{staged}.',
  },
  'csv.col.stage': { sv: 'Steg', en: 'Stage' },
  'csv.col.granted': { sv: 'Beviljat belopp', en: 'Amount granted' },
  'csv.col.body': { sv: 'Beskrivning', en: 'Text' },
  'csv.col.entered': { sv: 'In i steget {stage}', en: 'Entered {stage}' },
  'f.historyChanged': {
    sv: 'Historikpost {n} ({date}, {action}) har ändrats: {changes}.',
    en: 'History entry {n} ({date}, {action}) was changed: {changes}.',
  },
} as const satisfies Record<string, Localized>;
