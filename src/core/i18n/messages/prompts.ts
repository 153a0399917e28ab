/** The questions of `ideas new` and their answers. */
import type { Localized } from '../i18n.js';

export const prompts = {
  'p.required': { sv: 'saknas', en: 'is missing' },
  'p.type': { sv: 'ska vara {type}', en: 'must be {type}' },
  'p.enum': { sv: 'ska vara ett av: {values}', en: 'must be one of: {values}' },
  'p.const': { sv: 'ska vara {value}', en: 'must be {value}' },
  'p.constTrue': { sv: 'ska vara ja (true)', en: 'must be yes (true)' },
  'p.minLength': {
    sv: 'är för kort (minst {limit} tecken)',
    en: 'is too short (at least {limit#character|characters})',
  },
  'p.maxLength': { sv: 'är för lång (högst {limit} tecken)', en: 'is too long (at most {limit#character|characters})' },
  'p.minimum': { sv: 'ska vara minst {limit}', en: 'must be at least {limit}' },
  'p.maximum': { sv: 'ska vara högst {limit}', en: 'must be at most {limit}' },
  'p.exclusiveMinimum': { sv: 'ska vara större än {limit}', en: 'must be greater than {limit}' },
  'p.exclusiveMaximum': { sv: 'ska vara mindre än {limit}', en: 'must be less than {limit}' },
  'p.multipleOf': { sv: 'ska vara en multipel av {limit}', en: 'must be a multiple of {limit}' },
  'p.minProperties': { sv: 'ska ha minst {limit} fält', en: 'must have at least {limit#field|fields}' },
  'p.maxProperties': { sv: 'får ha högst {limit} fält', en: 'may have at most {limit#field|fields}' },
  'p.contains': {
    sv: 'ska ha minst {min#värde|värden} som uppfyller kraven',
    en: 'must have at least {min#value|values} meeting the criteria',
  },
  'p.containsBetween': {
    sv: 'ska ha minst {min} och högst {max#värde|värden} som uppfyller kraven',
    en: 'must have at least {min} and at most {max#value|values} meeting the criteria',
  },
  'p.propertyName': { sv: 'fältnamnet "{name}" är inte tillåtet', en: 'the field name "{name}" is not allowed' },
  'p.not': { sv: 'har ett värde som inte är tillåtet', en: 'has a value that is not allowed' },
  'p.false': { sv: 'är inte tillåtet här', en: 'is not allowed here' },
  'p.dependentRequired': {
    sv: 'saknas (krävs när "{property}" finns)',
    en: 'is missing (required when "{property}" is present)',
  },
  'p.minItems': { sv: 'ska ha minst {limit#värde|värden}', en: 'must have at least {limit#value|values}' },
  'p.maxItems': { sv: 'får ha högst {limit#värde|värden}', en: 'may have at most {limit#value|values}' },
  'p.uniqueItems': { sv: 'har dubbletter', en: 'has duplicates' },
  'p.pattern': { sv: 'har fel form (ska matcha {pattern})', en: 'has the wrong form (must match {pattern})' },
  'p.format': { sv: 'ska vara {format}', en: 'must be {format}' },
  'p.additional': { sv: 'fältet "{property}" är inte tillåtet här', en: 'the field "{property}" is not allowed here' },
  'p.anyOf': { sv: 'uppfyller inget av alternativen', en: 'meets none of the alternatives' },
  'p.other': { sv: 'uppfyller inte kravet {keyword}', en: 'does not meet the requirement {keyword}' },
  // The keys inquirer names under a prompt (src/ui/prompter.ts), and what they do.
  'keys.navigate': { sv: 'flytta', en: 'navigate' },
  'keys.select': { sv: 'välj', en: 'select' },
  'keys.all': { sv: 'alla', en: 'all' },
  'keys.invert': { sv: 'vänd', en: 'invert' },
  'keys.submit': { sv: 'klar', en: 'submit' },
  'keys.space': { sv: 'mellanslag', en: 'space' },
  'prompt.moveTo': { sv: 'Vart ska "{title}"?', en: 'Where does "{title}" go?' },
  'prompt.moveCouncil': {
    sv: 'Till {stages} beslutar idérådet: {command}, eller på mötet med ideas review.',
    en: 'The council decides on {stages}: {command}, or at the meeting with ideas review.',
  },
  'prompt.template': {
    sv: 'Vilken mall ska idéslussen utgå från?',
    en: 'Which template should the registry start from?',
  },
  'prompt.title': { sv: 'Vad heter idén?', en: 'What is the idea called?' },
  'prompt.body': {
    sv: 'Beskriv idén kort: problemet, idén och vem som har nytta av den',
    en: 'Describe the idea briefly: the problem, the idea and who benefits',
  },
  'prompt.optional': { sv: '(valfritt, Enter hoppar över)', en: '(optional, Enter skips)' },
  // A field's yes or no is typed: Enter alone never answers it (src/ui/field-prompt.ts).
  'prompt.yesNo': { sv: '(j/n)', en: '(y/n)' },
  'prompt.optionalYesNo': { sv: '(valfritt, j/n; Enter hoppar över)', en: '(optional, y/n; Enter skips)' },
  'prompt.neededAheadYesNo': {
    sv: '(behövs för steget {stage}, j/n; Enter hoppar över nu)',
    en: '(needed for the stage {stage}, y/n; Enter skips it for now)',
  },
  'prompt.skip': { sv: '(hoppa över)', en: '(skip)' },
  'prompt.list': { sv: '(kommaseparerat)', en: '(comma-separated)' },
  'prompt.requiredAnswer': { sv: 'Ett svar behövs.', en: 'An answer is needed.' },
  'prompt.yes': { sv: 'Ja', en: 'Yes' },
  'prompt.no': { sv: 'Nej', en: 'No' },
  'prompt.yesOrNo': { sv: 'Svara "{yes}" eller "{no}".', en: 'Answer "{yes}" or "{no}".' },
  'prompt.disabled': { sv: 'Det här valet går inte att välja.', en: 'This choice cannot be chosen.' },
  'prompt.optionalList': {
    sv: '(valfritt, kommaseparerat; Enter hoppar över)',
    en: '(optional, comma-separated; Enter skips)',
  },
  'prompt.neededAhead': {
    sv: '(behövs för steget {stage}; Enter hoppar över nu)',
    en: '(needed for the stage {stage}; Enter skips it for now)',
  },
  'prompt.neededAheadList': {
    sv: '(behövs för steget {stage}, kommaseparerat; Enter hoppar över nu)',
    en: '(needed for the stage {stage}, comma-separated; Enter skips it for now)',
  },
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
