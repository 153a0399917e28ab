/** Decisions, gates and history entries, in words. */
import type { Localized } from '../i18n.js';

export const sluice = {
  'decision.approve': { sv: 'godkänd', en: 'approved' },
  'decision.return': { sv: 'återremitterad', en: 'sent back' },
  'decision.park': { sv: 'parkerad', en: 'parked' },
  'decision.reject': { sv: 'avslagen', en: 'rejected' },
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
} as const satisfies Record<string, Localized>;
