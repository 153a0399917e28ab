/**
 * The rest of a coordinator's first week (issue 14): the council meeting as a JSON document, what a decision filled
 * in, jäv chosen from the council, gates that say how to fill every field, text without an editor, and criteria
 * that tell an empty value from a wrong one.
 */
import type { Localized } from '../i18n.js';

export const firstWeek = {
  'out.decidedFilled': { sv: 'Ifyllt före beslutet: {changes}', en: 'Filled in before the decision: {changes}' },
  'gate.fixInFile': {
    sv: '{field} är en lista med poster och skrivs direkt i idéns fil: {file}',
    en: "{field} is a list of records and is written in the idea's file itself: {file}",
  },
  'gate.fixPartsInFile': {
    sv: '{field} tar ett värde i flera delar och skrivs direkt i idéns fil: {file}',
    en: "{field} takes a value of several parts and is written in the idea's file itself: {file}",
  },
  'hint.ideaUnreadableHere': {
    sv: 'Se vad som är fel med `{command}`.',
    en: 'See what is wrong with `{command}`.',
  },
  'criterion.emptyRequired': { sv: 'tomt, men krävs', en: 'empty, but required' },
  'criterion.wrongType': { sv: 'fel sorts värde: ska vara {expected}', en: 'wrong type: expected {expected}' },
  'review.conflictSomeoneElse': { sv: 'Någon annan (skriv namnet)', en: 'Someone else (type the name)' },
  'review.conflictName': { sv: 'Namnet på den som anmäler jäv', en: 'The name of the one who declares it' },
  'prompt.textNow': { sv: 'Texten nu:', en: 'The text now:' },
  'prompt.textHow': {
    sv: 'Skriv texten rad för rad. En tom rad börjar ett nytt stycke; två tomma rader i rad avslutar.',
    en: 'Type the text line by line. An empty line starts a new paragraph; two empty lines in a row end it.',
  },
  'prompt.textKeep': {
    sv: 'Tryck Enter direkt för att behålla texten som den är.',
    en: 'Press Enter at once to keep the text as it is.',
  },
} as const satisfies Record<string, Localized>;
