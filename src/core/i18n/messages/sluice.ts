/** Gates, history entries and the config's own rules, in words. */
import type { Localized } from '../i18n.js';

export const sluice = {
  'history.created': { sv: 'skapad i {to}', en: 'created in {to}' },
  'history.imported': { sv: 'importerad till {to}', en: 'imported into {to}' },
  // An import's row that updated an idea already there: its entry leads nowhere.
  'history.importedUpdate': { sv: 'uppdaterad från ett kalkylark', en: 'updated from a spreadsheet' },
  'history.adopted': { sv: 'övertagen till {to}', en: 'adopted into {to}' },
  'history.moved': { sv: 'flyttad {from} → {to}', en: 'moved {from} → {to}' },
  'history.decided': { sv: 'beslut: {decision}', en: 'decision: {decision}' },
  'history.assignedField': { sv: '{field} satt till {value}', en: '{field} set to {value}' },
  'history.edited': { sv: 'ändrad', en: 'edited' },
  'history.assignedHidden': { sv: '{field} ändrad', en: '{field} changed' },
  'gate.open': { sv: 'grinden öppen', en: 'gate open' },
  'gate.closed': { sv: 'grinden stängd: {count} saknas', en: 'gate closed: {count} missing' },
  'gate.fixInFile': {
    sv: '{field} är en lista med poster och skrivs direkt i idéns fil: {file}',
    en: "{field} is a list of records and is written in the idea's file itself: {file}",
  },
  'gate.fixPartsInFile': {
    sv: '{field} tar ett värde i flera delar och skrivs direkt i idéns fil: {file}',
    en: "{field} takes a value of several parts and is written in the idea's file itself: {file}",
  },
  // What a config's schema cannot say: unique keys and folders, and references between stages (checkConfigRules).
  'config.stageKeyTwice': {
    sv: 'Stegnyckeln "{key}" används redan av steg {n}.',
    en: 'The stage key "{key}" is already used by stage {n}.',
  },
  'config.folderTwice': {
    sv: 'Mappen "{folder}" används redan av steg {n}.',
    en: 'The folder "{folder}" is already used by stage {n}.',
  },
  'config.nextUnknown': {
    sv: 'Steget "{key}" leder till "{next}", som inte är något steg.',
    en: 'The stage "{key}" leads to "{next}", which is not a stage.',
  },
  'config.goalStageUnknown': {
    sv: 'Målet "{goal}" räknar steget "{stage}", som inte finns.',
    en: 'The goal "{goal}" counts the stage "{stage}", which does not exist.',
  },
  'config.reservedName': {
    sv: 'Namnet "{name}" kan inte användas: __proto__, constructor och prototype är inga nycklar eller id:n.',
    en: 'The name "{name}" cannot be used: __proto__, constructor and prototype are no keys or ids.',
  },
  'config.challengeTwice': {
    sv: 'Utmaningen "{challenge}" finns två gånger.',
    en: 'The challenge "{challenge}" is listed twice.',
  },
  'config.ideasDirOutside': {
    sv: 'ideasDir ska vara en mapp inne i idéslussen, som "ideas".',
    en: 'ideasDir must be a folder inside the registry, such as "ideas".',
  },
  'config.ideasDirInGit': {
    sv: 'ideasDir "{dir}" ligger i git-mappen .git, där git har sina egna filer; välj en mapp som "ideas".',
    en: 'ideasDir "{dir}" is inside git\'s .git folder, which holds git\'s own files; choose a folder such as "ideas".',
  },
  'config.criteriaOutside': {
    sv: 'Kriteriefilen "{file}" ligger utanför idéslussen eller i .git; den ska ligga i idéslussens mapp, som "criteria/{key}.schema.json".',
    en: 'The criteria file "{file}" is outside the registry or in .git; it must be in the registry\'s folder, such as "criteria/{key}.schema.json".',
  },
} as const satisfies Record<string, Localized>;
