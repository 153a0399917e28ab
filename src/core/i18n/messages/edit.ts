/** `ideas edit`, the values of fields as people write them, and the help a closed gate gives. */
import type { Localized } from '../i18n.js';

export const edit = {
  'err.notANumber': {
    sv: 'Ogiltigt värde för {field}: "{value}" är inget tal. Skriv till exempel 45000, 45 000 eller 45 000 kr (45.000 läses på två sätt, så det tas inte).',
    en: 'Invalid value for {field}: "{value}" is not a number. Write for example 45000, 45 000 or 45 000 kr (45.000 reads two ways, so it is not taken).',
  },
  'err.notAnInteger': {
    sv: 'Ogiltigt värde för {field}: "{value}" är inget heltal. Skriv till exempel 12 eller 1 200.',
    en: 'Invalid value for {field}: "{value}" is not a whole number. Write for example 12 or 1 200.',
  },
  'err.unsetTitle': {
    sv: 'Idéns namn (title) kan inte tas bort; ge det ett nytt med --set title=….',
    en: "The idea's name (title) cannot be removed; give it a new one with --set title=….",
  },
  'err.nothingToEdit': {
    sv: 'Inget att ändra i {id}. Ange --set fält=värde, --unset fält, --body eller --body-file, eller kör "ideas edit {id}" i en terminal för att få frågor.',
    en: 'Nothing to change in {id}. Give --set field=value, --unset field, --body or --body-file, or run "ideas edit {id}" at a terminal to be asked.',
  },
  'err.setAndUnset': {
    sv: 'Fältet "{field}" anges både med --set och --unset; välj det ena.',
    en: 'The field "{field}" is given with both --set and --unset; choose one.',
  },
  'err.bodyNul': {
    sv: '{file} innehåller ett NUL-tecken (tecken 0): det är inte en textfil, och en idéfil kan inte innehålla det. Inget ändrades.',
    en: '{file} holds a NUL character (character 0): it is not a text file, and an idea file cannot hold one. Nothing was changed.',
  },
  'err.ideaTooLarge': {
    sv: '{file} skulle bli {size} MB, och en idéfil får vara högst {max} MB. Inget skrevs.',
    en: '{file} would be {size} MB, and an idea file may be at most {max} MB. Nothing was written.',
  },
  'err.bodyTooLarge': {
    sv: '{file} är större än {max} MB, det mesta en idés text får vara. Inget ändrades.',
    en: "{file} is larger than {max} MB, the most an idea's text may be. Nothing was changed.",
  },
  'err.editorFailed': {
    sv: 'Textredigeraren ({editor}) avslutades med ett fel: {reason}. Inget ändrades.',
    en: 'The editor ({editor}) ended with an error: {reason}. Nothing was changed.',
  },
  'hint.editorFailed': {
    sv: 'Ange en annan redigerare i $VISUAL eller $EDITOR, eller ge texten med --body-file <fil>.',
    en: 'Name another editor in $VISUAL or $EDITOR, or give the text with --body-file <file>.',
  },
  'err.editBreaks': {
    sv: 'Ändringen skulle göra fältet {field} ogiltigt: {problem}. Inget ändrades.',
    en: 'The change would make {field} invalid: {problem}. Nothing was changed.',
  },
  'prompt.editWhat': { sv: 'Vad vill du ändra i "{title}"?', en: 'What do you want to change in "{title}"?' },
  'prompt.editSave': { sv: 'Spara och avsluta', en: 'Save and finish' },
  'prompt.editBody': { sv: 'Texten (öppnas i {editor})', en: 'The text (opens in {editor})' },
  'prompt.editBodyInline': { sv: 'Texten', en: 'The text' },
  'prompt.neededFor': { sv: 'behövs för {stage}', en: 'needed for {stage}' },
  'prompt.changed': { sv: 'ändrat', en: 'changed' },
  'prompt.fillGate': {
    sv: 'Grinden till {to} är stängd: {count} saknas. Vill du fylla i det som saknas nu?',
    en: 'The gate to {to} is closed: {count} missing. Do you want to fill in what is missing now?',
  },
  'prompt.by': { sv: 'Vem registrerar idén?', en: 'Who registers the idea?' },
  'prompt.editorWhatNow': { sv: 'Vad vill du göra?', en: 'What do you want to do?' },
  'prompt.editorAgain': { sv: 'Försöka igen med samma redigerare', en: 'Try the same editor again' },
  'prompt.editorHere': { sv: 'Skriva texten här i stället', en: 'Type the text here instead' },
  'prompt.editorKeep': { sv: 'Behålla texten som den var', en: 'Keep the text as it was' },
  'prompt.editorWithout': { sv: 'Fortsätta utan text', en: 'Go on without a text' },
  'prompt.editorEmptied': {
    sv: 'Texten sparades tom. Ska idéns text tömmas?',
    en: "The text was saved empty. Empty the idea's text?",
  },
  'prompt.editorOpening': {
    sv: 'Texten öppnas i {editor}. Spara och stäng för att fortsätta.',
    en: 'The text opens in {editor}. Save and close it to go on.',
  },
  'out.createdIdea': { sv: 'Skapade idén {id}', en: 'Created the idea {id}' },
  'out.newNext': {
    sv: 'Nästa steg: fyll i mer med ideas edit {idArg}, och spara med git commit.',
    en: 'Next: fill in more with ideas edit {idArg}, and save it with git commit.',
  },
  // The commit of `ideas new --commit`: the idea by its id and title, as a move's commit names it.
  'new.commitMessage': { sv: '{id}: {title} (ny idé)', en: '{id}: {title} (new idea)' },
  'out.edited': { sv: '{id}: {changes}', en: '{id}: {changes}' },
  'out.bodyChanged': { sv: 'texten', en: 'the text' },
  'gate.fixWith': {
    sv: 'Fyll i det som saknas, ett kommando per fält (byt ut det inom <>):',
    en: 'Fill in what is missing, one command per field (replace what is within <>):',
  },
  'gate.fixWithRemove': {
    sv: 'Fyll i det som saknas och ta bort det som inte får finnas, ett kommando per fält (byt ut det inom <>):',
    en: 'Fill in what is missing and remove what may not be there, one command per field (replace what is within <>):',
  },
  'value.text': { sv: 'text', en: 'text' },
  'value.date': { sv: 'ÅÅÅÅ-MM-DD', en: 'YYYY-MM-DD' },
  'value.number': { sv: 'belopp eller tal', en: 'amount or number' },
  'value.integer': { sv: 'heltal', en: 'whole number' },
  'value.yesNo': { sv: 'ja|nej', en: 'yes|no' },
  'value.list': { sv: 'a,b', en: 'a,b' },
  'value.choice': { sv: 'ett av: {choices}', en: 'one of: {choices}' },
  'value.notGiven': { sv: '(inte angivet)', en: '(not given)' },
} as const satisfies Record<string, Localized>;
