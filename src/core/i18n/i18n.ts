/**
 * Every text the product shows, in Swedish and English. One table, so that a missing translation
 * is a type error rather than a surprise in front of a council.
 */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export type Localized = Record<Lang, string>;
/** Values put into a message; a Localized value is taken in the message's own language. */
export type Params = Record<string, string | number | Localized>;

const messages = {
  // errors
  'err.usage': { sv: '{message}', en: '{message}' },
  'err.notRegistry': {
    sv: 'Hittade ingen idésluss: ingen ideas.config.yaml i {dir} eller någon mapp ovanför.',
    en: 'No idea registry found: no ideas.config.yaml in {dir} or any folder above it.',
  },
  'hint.notRegistry': {
    sv: 'Skapa en med `ideas init`, eller peka ut en med --registry <mapp> eller IDEAS_REGISTRY.',
    en: 'Create one with `ideas init`, or point to one with --registry <dir> or IDEAS_REGISTRY.',
  },
  'err.registryDirMissing': { sv: 'Mappen {dir} finns inte.', en: 'The folder {dir} does not exist.' },
  'err.registryExists': {
    sv: 'Det finns redan en idésluss i {dir} (ideas.config.yaml). Inget skrevs.',
    en: 'There is already an idea registry in {dir} (ideas.config.yaml). Nothing was written.',
  },
  'err.filesExist': {
    sv: 'Följande filer finns redan och skrivs inte över; inget skrevs: {files}',
    en: 'These files already exist and are not overwritten; nothing was written: {files}',
  },
  'err.configInvalid': {
    sv: 'Konfigurationen {file} är ogiltig ({count} fel).',
    en: 'The config {file} is invalid ({count#problem|problems}).',
  },
  'hint.configInvalid': {
    sv: 'Rätta felen ovan. Formatet beskrivs i schemas/config.schema.json.',
    en: 'Fix the problems above. The format is described in schemas/config.schema.json.',
  },
  'err.unknownStage': {
    sv: 'Okänt steg "{stage}". Stegen är: {stages}.',
    en: 'Unknown stage "{stage}". The stages are: {stages}.',
  },
  'err.unknownTemplate': {
    sv: 'Okänd mall "{template}". Mallarna är: {templates}.',
    en: 'Unknown template "{template}". The templates are: {templates}.',
  },
  'err.ideaNotFound': { sv: 'Ingen idé med id "{id}".', en: 'No idea with id "{id}".' },
  'hint.ideaNotFound': { sv: 'Se alla idéer med `ideas list`.', en: 'See every idea with `ideas list`.' },
  'err.ambiguousId': { sv: '"{id}" passar flera idéer: {matches}.', en: '"{id}" matches several ideas: {matches}.' },
  'err.missingAnswers': {
    sv: 'Obligatoriska svar saknas och frågor kan inte ställas här ({why}). Ange: {flags}',
    en: 'Required answers are missing and prompts cannot be shown here ({why}). Pass: {flags}',
  },
  'why.noInput': { sv: '--no-input', en: '--no-input' },
  'why.ci': { sv: 'CI är satt', en: 'CI is set' },
  'why.notTTY': { sv: 'standard in är ingen terminal', en: 'standard input is not a terminal' },
  'err.invalidAnswer': { sv: 'Ogiltigt värde för {field}: {problem}', en: 'Invalid value for {field}: {problem}' },
  'err.setSyntax': {
    sv: '--set väntar sig nyckel=värde, fick "{value}".',
    en: '--set expects key=value, got "{value}".',
  },
  'err.unknownField': {
    sv: 'Okänt fält "{field}" för --set. Fälten är: {fields}.',
    en: 'Unknown field "{field}" for --set. The fields are: {fields}.',
  },
  'err.readOnlyField': {
    sv: 'Fältet "{field}" sätts av ideas och kan inte anges med --set.',
    en: 'The field "{field}" is set by ideas and cannot be given with --set.',
  },
  'err.bodyTwice': {
    sv: 'Ange antingen --body eller --body-file, inte båda.',
    en: 'Give either --body or --body-file, not both.',
  },
  'err.readFile': { sv: 'Kunde inte läsa {file}: {reason}', en: 'Could not read {file}: {reason}' },
  'err.writeFile': { sv: 'Kunde inte skriva {file}: {reason}', en: 'Could not write {file}: {reason}' },
  'err.pathOutside': {
    sv: 'Sökvägen {path} ligger utanför idéslussen i {root}.',
    en: 'The path {path} lies outside the registry in {root}.',
  },
  'err.pathMissing': { sv: 'Sökvägen {path} finns inte.', en: 'The path {path} does not exist.' },
  'err.badRevision': { sv: 'Git känner inte igen revisionen "{rev}".', en: 'Git does not know the revision "{rev}".' },
  'err.noDefaultBranch': {
    sv: 'Hittar ingen standardgren (main, master eller origin/HEAD) att jämföra med; ange den, till exempel --base main.',
    en: 'Cannot find a default branch (main, master or origin/HEAD) to compare with; name it, for example --base main.',
  },
  'err.noMergeBase': {
    sv: 'Den här grenen och {branch} har ingen gemensam historik; ange en bas.',
    en: 'This branch and {branch} share no history; name a base.',
  },
  'err.git': { sv: 'git misslyckades: {reason}', en: 'git failed: {reason}' },
  'err.cancelled': { sv: 'Avbrutet.', en: 'Cancelled.' },
  'err.unexpected': {
    sv: 'Ett oväntat fel inträffade: {message}',
    en: 'An unexpected error occurred: {message}',
  },
  'hint.unexpected': {
    sv: 'Kör igen med --debug för detaljer och rapportera felet.',
    en: 'Run again with --debug for details, and report the problem.',
  },
  'err.badLang': { sv: 'Okänt språk "{lang}": välj sv eller en.', en: 'Unknown language "{lang}": choose sv or en.' },
  'err.badFormat': {
    sv: 'Okänt format "{format}": välj {formats}.',
    en: 'Unknown format "{format}": choose {formats}.',
  },
  'err.criteriaMissing': {
    sv: 'Kriteriefilen {file} för steget {stage} finns inte.',
    en: 'The criteria file {file} of stage {stage} does not exist.',
  },
  'err.criteriaInvalid': {
    sv: 'Kriteriefilen {file} för steget {stage} är inget giltigt JSON Schema: {reason}',
    en: 'The criteria file {file} of stage {stage} is not a valid JSON Schema: {reason}',
  },

  'err.cannotEdit': {
    sv: 'Kan inte ändra front matter i {file} ({reason}); rätta filen först (`ideas validate`).',
    en: 'Cannot edit the front matter of {file} ({reason}); fix the file first (`ideas validate`).',
  },
  'err.changedMeanwhile': {
    sv: 'Filen {file} ändrades eller flyttades av någon annan under tiden; inget ändrades. Försök igen.',
    en: 'The file {file} was changed or moved by someone else meanwhile; nothing was changed. Try again.',
  },
  'err.locked': {
    sv: 'Ett annat ideas-kommando (process {pid}) skriver i idéslussen just nu; inget ändrades. Försök igen om en stund.',
    en: 'Another ideas command (process {pid}) is writing to the registry right now; nothing was changed. Try again shortly.',
  },
  'err.readOnly': {
    sv: 'Filen {file} är skrivskyddad; inget ändrades. Ta bort skrivskyddet (chmod u+w) om den ska ändras.',
    en: 'The file {file} is read-only; nothing was changed. Make it writable (chmod u+w) if it is to change.',
  },
  'err.gateClosed': {
    sv: 'Grinden från {from} till {to} är stängd för {id}:',
    en: 'The gate from {from} to {to} is closed for {id}:',
  },
  'err.moveNotAllowed': {
    sv: 'Steget {from} leder inte till {to}; härifrån går det till: {next}.',
    en: 'The stage {from} does not lead to {to}; from here ideas go to: {next}.',
  },
  'hint.gateClosed': {
    sv: 'Komplettera idén, eller flytta ändå med --force (det skrivs i historiken).',
    en: 'Complete the idea, or move it anyway with --force (which is written in the history).',
  },
  'err.sameStage': { sv: 'Idén {id} står redan i {stage}.', en: 'The idea {id} is already in {stage}.' },
  'err.stageMissing': { sv: 'Ange vart idén ska: {next}.', en: 'Say where the idea goes: {next}.' },
  'err.finalStage': {
    sv: 'Idén {id} står i {stage}, som inte leder vidare.',
    en: 'The idea {id} is in {stage}, which leads nowhere further.',
  },
  'err.noStageFor': {
    sv: 'Steget {stage} har inget nästa steg för beslutet {decision}; ange det med --to.',
    en: 'The stage {stage} has no next stage for the decision {decision}; give it with --to.',
  },
  'err.amountNotFunded': {
    sv: 'Steget {stage} beviljar inga medel (funding i konfigurationen); ta bort --amount.',
    en: 'The stage {stage} grants no money (funding in the config); remove --amount.',
  },
  'err.badAmount': { sv: 'Beloppet "{value}" är inget tal ≥ 0.', en: 'The amount "{value}" is not a number ≥ 0.' },
  'err.nothingToAssign': { sv: 'Ange --coach och/eller --carrier.', en: 'Give --coach and/or --carrier.' },
  'err.reviewJson': {
    sv: 'ideas review är interaktivt och skriver ingen JSON; använd --dry-run --json för att se vad mötet skulle gå igenom.',
    en: 'ideas review is interactive and prints no JSON; use --dry-run --json to see what the meeting would go through.',
  },
  // report, export, import: errors
  'err.badDate': {
    sv: '{flag} väntar sig ett datum ÅÅÅÅ-MM-DD, fick "{value}".',
    en: '{flag} expects a date YYYY-MM-DD, got "{value}".',
  },
  'err.badPeriod': {
    sv: 'Perioden börjar ({since}) efter att den slutar ({until}).',
    en: 'The period starts ({since}) after it ends ({until}).',
  },
  'err.unknownByField': {
    sv: 'Okänt fält "{field}" för --by. Fälten är: {fields}.',
    en: 'Unknown field "{field}" for --by. The fields are: {fields}.',
  },
  'err.byPersonal': {
    sv: 'Fältet "{field}" innehåller personuppgifter och visas inte i rapporter.',
    en: 'The field "{field}" holds personal data and is not shown in reports.',
  },
  'hint.byPersonal': {
    sv: 'För en intern rapport: lägg till --include-personal (och dela den inte som allmän handling).',
    en: 'For an internal report: add --include-personal (and do not publish it).',
  },
  'err.byNotCategorical': {
    sv: 'Fältet "{field}" har sammansatta värden, och rapporten kan inte delas upp efter det; välj ett fält med text, tal eller en lista.',
    en: 'The field "{field}" has compound values and cannot be broken down by; choose a field with text, numbers or a list.',
  },
  'err.badDelimiter': {
    sv: 'Avgränsaren "{value}" duger inte: ange ett tecken (inte " eller radbrytning), eller tab.',
    en: 'The delimiter "{value}" will not do: give one character (not " or a line break), or tab.',
  },
  'err.mapSyntax': {
    sv: '--map väntar sig kolumn=fält, fick "{value}".',
    en: '--map expects column=field, got "{value}".',
  },
  'err.importMapTarget': {
    sv: '"{field}" är inget fält som kan importeras. Fälten är: {fields} (samt body, stage och created).',
    en: '"{field}" is not a field that can be imported. The fields are: {fields} (and body, stage and created).',
  },
  'err.importMapColumn': {
    sv: 'Filen har ingen kolumn "{column}". Kolumnerna är: {columns}.',
    en: 'The file has no column "{column}". The columns are: {columns}.',
  },
  'err.importDuplicateColumn': {
    sv: 'Kolumnerna {columns} ger alla fältet {field}; ignorera en med --map "kolumn=".',
    en: 'The columns {columns} all give the field {field}; ignore one with --map "column=".',
  },
  'err.importNoTitle': {
    sv: 'Ingen kolumn ger idéns namn (title). Kolumnerna är: {columns}.',
    en: 'No column gives the name of the idea (title). The columns are: {columns}.',
  },
  'hint.importMap': {
    sv: 'Ange vilken kolumn som är namnet, till exempel --map "Idé=title".',
    en: 'Say which column is the name, for example --map "Idea=title".',
  },
  'err.csvSyntax': {
    sv: 'Kan inte läsa {file} som CSV: ett citerat fält som börjar på rad {line} avslutas aldrig.',
    en: 'Cannot read {file} as CSV: a quoted cell starting on line {line} never ends.',
  },
  'err.importEmpty': { sv: 'Filen {file} har inga rader.', en: 'The file {file} has no rows.' },

  // findings
  'f.empty': { sv: 'Filen är tom.', en: 'The file is empty.' },
  'h.empty': {
    sv: 'Skapa idéer med `ideas new`, eller ta bort filen.',
    en: 'Create ideas with `ideas new`, or delete the file.',
  },
  'f.binary': { sv: 'Filen är binär, inte text.', en: 'The file is binary, not text.' },
  'h.binary': {
    sv: 'En idé är en textfil i Markdown; flytta bilagor ur stegmappen eller byt filändelse.',
    en: 'An idea is a Markdown text file; move attachments out of the stage folder or change their extension.',
  },
  'f.encoding': { sv: 'Filen är inte giltig UTF-8.', en: 'The file is not valid UTF-8.' },
  'h.encoding': { sv: 'Spara filen som UTF-8 i din editor.', en: 'Save the file as UTF-8 in your editor.' },
  'f.fmMissing': {
    sv: 'Filen saknar front matter: första raden ska vara exakt ---.',
    en: 'The file has no front matter: the first line must be exactly ---.',
  },
  'h.fmMissing': {
    sv: 'Börja filen med ---, fälten i YAML och ytterligare en rad ---.',
    en: 'Start the file with ---, the fields in YAML and another line ---.',
  },
  'f.fmOpening': {
    sv: 'Första raden ska vara exakt --- men är "{line}". Front matter med språk (som ---js) läses aldrig.',
    en: 'The first line must be exactly --- but is "{line}". Front matter with a language (such as ---js) is never read.',
  },
  'h.fmOpening': {
    sv: 'Ändra första raden till --- och skriv fälten i YAML.',
    en: 'Change the first line to --- and write the fields in YAML.',
  },
  'f.fmUnclosed': {
    sv: 'Front matter avslutas aldrig: ingen rad med bara --- efter rad 1.',
    en: 'The front matter is never closed: no line with just --- after line 1.',
  },
  'h.fmUnclosed': {
    sv: 'Lägg till en rad med bara --- efter fälten.',
    en: 'Add a line with just --- after the fields.',
  },
  'f.fmStrayDelimiter': {
    sv: 'Raden börjar med --- men är ingen avslutning av front matter.',
    en: 'The line starts with --- but does not close the front matter.',
  },
  'h.fmStrayDelimiter': {
    sv: 'Avsluta front matter med en rad med bara ---.',
    en: 'Close the front matter with a line with just ---.',
  },
  'f.yaml': { sv: 'YAML-fel i front matter: {reason}', en: 'YAML error in the front matter: {reason}' },
  'f.configYaml': { sv: 'YAML-fel: {reason}', en: 'YAML error: {reason}' },
  'f.configNotMapping': {
    sv: 'Konfigurationen ska vara fält (nyckel: värde).',
    en: 'The config must be fields (key: value).',
  },
  'h.yaml': {
    sv: 'Rätta YAML-syntaxen; citera text som innehåller : eller #.',
    en: 'Fix the YAML syntax; quote text that contains : or #.',
  },
  'f.duplicateKey': { sv: 'Nyckeln "{key}" förekommer mer än en gång.', en: 'The key "{key}" occurs more than once.' },
  'h.duplicateKey': { sv: 'Behåll en av dem.', en: 'Keep one of them.' },
  'f.unknownTag': { sv: 'Okänd YAML-tagg {tag}: taggar läses inte.', en: 'Unknown YAML tag {tag}: tags are not read.' },
  'h.unknownTag': {
    sv: 'Ta bort taggen och skriv värdet som vanlig text.',
    en: 'Remove the tag and write the value as plain text.',
  },
  'f.aliasLimit': {
    sv: 'För många YAML-alias (möjlig aliasbomb).',
    en: 'Too many YAML aliases (a possible alias bomb).',
  },
  'h.aliasLimit': {
    sv: 'Skriv ut värdena i stället för att använda & och *.',
    en: 'Write the values out instead of using & and *.',
  },
  'f.notMappingList': {
    sv: 'Front matter ska vara fält (nyckel: värde), inte en lista.',
    en: 'The front matter must be fields (key: value), not a list.',
  },
  'f.notMappingScalar': {
    sv: 'Front matter ska vara fält (nyckel: värde), inte ett enskilt värde.',
    en: 'The front matter must be fields (key: value), not a single value.',
  },
  'h.notMapping': { sv: 'Skriv till exempel "title: Min idé".', en: 'Write for example "title: My idea".' },
  'f.tooDeep': {
    sv: 'Front matter är för djupt nästlad för att läsas.',
    en: 'The front matter is nested too deeply to be read.',
  },
  'h.tooDeep': {
    sv: 'Skriv fälten på en eller två nivåer, som i schemat.',
    en: 'Write the fields one or two levels deep, as in the schema.',
  },
  'f.tooLarge': {
    sv: 'Filen är {size} MB; en idéfil får vara högst {max} MB och läses inte.',
    en: 'The file is {size} MB; an idea file may be at most {max} MB and is not read.',
  },
  'h.tooLarge': {
    sv: 'Korta texten, eller lägg bilagor utanför idéfilen och länka till dem.',
    en: 'Shorten the text, or keep attachments outside the idea file and link to them.',
  },
  'f.symlink': {
    sv: 'Filen är en symbolisk länk; länkar följs aldrig.',
    en: 'The file is a symbolic link; links are never followed.',
  },
  'h.symlink': {
    sv: 'Lägg idén som en vanlig fil i stegmappen.',
    en: 'Put the idea in the stage folder as a plain file.',
  },
  'f.historyStage': {
    sv: 'Historiken säger att idén senast flyttades till "{to}", men den ligger i mappen för "{stage}".',
    en: 'The history says the idea last moved to "{to}", but it sits in the folder of "{stage}".',
  },
  'h.historyStage': {
    sv: 'Mappen avgör steget. Flytta idéer med `ideas move` så att historiken följer med.',
    en: 'The folder decides the stage. Move ideas with `ideas move` so that the history follows.',
  },
  'f.criteria': {
    sv: 'Uppfyller inte kraven för steget {stage}: {problem}',
    en: 'Does not meet the criteria of stage {stage}: {problem}',
  },
  'h.schema': { sv: 'Rätta fältet i filens front matter.', en: "Fix the field in the file's front matter." },
  'h.criteria': {
    sv: 'Komplettera idén, eller flytta den till ett steg vars krav den uppfyller.',
    en: 'Complete the idea, or move it to a stage whose criteria it meets.',
  },
  'f.duplicateId': { sv: 'Id:t {id} används också av {other}.', en: 'The id {id} is also used by {other}.' },
  'h.duplicateId': {
    sv: 'Ett id får bara finnas en gång. Ge den nyare idén ett nytt id (`ideas new` skapar unika id:n).',
    en: 'An id may exist only once. Give the newer idea a new id (`ideas new` makes unique ids).',
  },
  'f.fileName': {
    sv: 'Filnamnet stämmer inte med id:t {id}: det ska börja med "{id}-".',
    en: 'The file name does not match the id {id}: it must start with "{id}-".',
  },
  'h.fileName': { sv: 'Döp om filen till {expected}.', en: 'Rename the file to {expected}.' },
  'f.outsideStage': {
    sv: 'Markdown-filen ligger utanför stegmapparna.',
    en: 'The Markdown file lies outside the stage folders.',
  },
  'h.outsideStage': { sv: 'Flytta den till en stegmapp: {folders}.', en: 'Move it into a stage folder: {folders}.' },
  'f.unknownFolder': {
    sv: 'Mappen {folder} är ingen stegmapp i konfigurationen.',
    en: 'The folder {folder} is not a stage folder of the config.',
  },
  'h.unknownFolder': { sv: 'Stegmapparna är: {folders}.', en: 'The stage folders are: {folders}.' },
  'f.unknownChallenge': {
    sv: 'Utmaningen "{value}" finns inte i konfigurationen.',
    en: 'The challenge "{value}" is not in the config.',
  },
  'h.unknownChallenge': { sv: 'Utmaningarna är: {values}.', en: 'The challenges are: {values}.' },
  'f.config': { sv: '{problem}', en: '{problem}' },

  // ideas diff: the rules of a change to the sluice, and its report
  'err.diffNotGitRepo': {
    sv: 'Idéslussen i {dir} ligger inte i ett git-repo; ideas diff jämför git-revisioner.',
    en: 'The registry in {dir} is not in a git repository; ideas diff compares git revisions.',
  },
  'err.noRegistryAt': {
    sv: 'Revisionen {rev} har ingen idésluss i {dir} (ingen {file}).',
    en: 'The revision {rev} has no registry in {dir} (no {file}).',
  },
  'f.moveNotNext': {
    sv: 'Flyttad {from} → {to}, men {from} leder inte dit (nästa steg: {next}).',
    en: 'Moved {from} → {to}, but {from} does not lead there (next stages: {next}).',
  },
  'h.moveNotNext': {
    sv: 'Flytta ett steg i taget med `ideas move`, eller med `ideas move --force`, som skriver forced: true i historiken.',
    en: 'Move one stage at a time with `ideas move`, or with `ideas move --force`, which writes forced: true in the history.',
  },
  'f.moveNoHistory': {
    sv: 'Idén flyttades {from} → {to} utan någon post i historiken.',
    en: 'The idea moved {from} → {to} without an entry in its history.',
  },
  'h.moveNoHistory': {
    sv: 'Flytta idéer med `ideas move`, som skriver historiken, eller lägg till posten (action: moved, from: {fromKey}, to: {toKey}).',
    en: 'Move ideas with `ideas move`, which writes the history, or add the entry (action: moved, from: {fromKey}, to: {toKey}).',
  },
  'f.moveFromMismatch': {
    sv: 'Historikposten säger {entryFrom} → {entryTo}, men idén stod i {current}.',
    en: 'The history entry says {entryFrom} → {entryTo}, but the idea was in {current}.',
  },
  'f.moveToMismatch': {
    sv: 'Historiken leder till {last}, men idén ligger i mappen för {to}.',
    en: 'The history leads to {last}, but the idea sits in the folder of {to}.',
  },
  'h.moveMismatch': {
    sv: 'Historikposten ska beskriva flytten: from är steget idén kom från, to steget den står i nu.',
    en: 'The history entry must describe the move: from is the stage the idea came from, to the stage it is in now.',
  },
  'f.historyEdited': {
    sv: 'Historikpost {n} ({date}, {action}) har ändrats.',
    en: 'History entry {n} ({date}, {action}) was changed.',
  },
  'f.historyRemoved': {
    sv: 'Historikpost {n} ({date}, {action}) har tagits bort.',
    en: 'History entry {n} ({date}, {action}) was removed.',
  },
  'f.historyReordered': {
    sv: 'Historikens poster har bytt ordning från post {n}.',
    en: 'The history entries were reordered from entry {n} on.',
  },
  'h.historyRewritten': {
    sv: 'Historiken får bara byggas på: återställ posterna som de var i {base} och lägg till en ny post för ändringen.',
    en: 'History may only be appended to: restore the entries as they were at {base} and add a new entry for the change.',
  },
  'f.ideaRemoved': { sv: 'Idén {id} ({title}) har tagits bort.', en: 'The idea {id} ({title}) was removed.' },
  'h.ideaRemoved': {
    sv: 'Idéer tas inte bort utan parkeras eller avslås (`ideas decide {id} -d park`). Sätt allowDelete: true i konfigurationen om borttagning ska vara tillåten.',
    en: 'Ideas are parked or rejected rather than removed (`ideas decide {id} -d park`). Set allowDelete: true in the config to allow removal.',
  },
  'f.idReused': {
    sv: 'Id:t {id} tillhörde en annan idé i {where}: "{title}", skapad {created}.',
    en: 'The id {id} belonged to another idea at {where}: "{title}", created {created}.',
  },
  'f.idReusedDeleted': {
    sv: 'Id:t {id} tillhörde idén {path}, som togs bort i {commit}.',
    en: 'The id {id} belonged to the idea {path}, which was removed in {commit}.',
  },
  'h.idReused': {
    sv: 'Ett id används bara en gång. Ge idén ett nytt id; `ideas new` skapar unika id:n.',
    en: 'An id is used only once. Give the idea a new id; `ideas new` makes unique ids.',
  },
  'f.diffUnreadable': {
    sv: 'Filen kan inte läsas som en idé, så ändringen kan inte kontrolleras.',
    en: 'The file cannot be read as an idea, so the change cannot be checked.',
  },
  'h.diffUnreadable': {
    sv: 'Kör `ideas validate` för att se vad som är fel.',
    en: 'Run `ideas validate` to see what is wrong.',
  },
  'diff.title': { sv: '{name}: ändringar', en: '{name}: changes' },
  'diff.range': { sv: 'Från {base} till {head}', en: 'From {base} to {head}' },
  'diff.mergeBase': { sv: 'grenpunkten mot {ref} ({commit})', en: 'the merge base with {ref} ({commit})' },
  'diff.worktree': { sv: 'arbetskopian', en: 'the working tree' },
  'diff.findings': { sv: 'Regelbrott', en: 'Rules broken' },
  'diff.moved': { sv: 'Flyttade idéer', en: 'Moved ideas' },
  'diff.decisions': { sv: 'Beslut och medel', en: 'Decisions and funding' },
  'diff.added': { sv: 'Nya idéer', en: 'New ideas' },
  'diff.removed': { sv: 'Borttagna idéer', en: 'Removed ideas' },
  'diff.changed': { sv: 'Ändrade fält', en: 'Changed fields' },
  'diff.none': { sv: 'Inga ändringar i idéerna.', en: 'No changes to the ideas.' },
  'diff.ok': { sv: 'Inga regelbrott.', en: 'No rules broken.' },
  'diff.summary': {
    sv: '{added#ny|nya}, {moved#flyttad|flyttade}, {removed#borttagen|borttagna}, {changed#ändrad|ändrade}, {decisions#beslut|beslut}.',
    en: '{added} new, {moved} moved, {removed} removed, {changed} changed, {decisions#decision|decisions}.',
  },
  'diff.broken': { sv: '{errors#regel bruten|regler brutna}.', en: '{errors#rule|rules} broken.' },
  'diff.via': { sv: 'via {stages}', en: 'via {stages}' },
  'diff.bodyChanged': { sv: 'texten ändrad', en: 'text changed' },
  'diff.empty': { sv: '(tomt)', en: '(empty)' },
  'diff.colIdea': { sv: 'Idé', en: 'Idea' },
  'diff.colFrom': { sv: 'Från', en: 'From' },
  'diff.colTo': { sv: 'Till', en: 'To' },
  'diff.colGate': { sv: 'Grind', en: 'Gate' },
  'diff.colStage': { sv: 'Steg', en: 'Stage' },
  'diff.colFile': { sv: 'Fil', en: 'File' },
  'diff.colDate': { sv: 'Datum', en: 'Date' },
  'diff.colDecision': { sv: 'Beslut', en: 'Decision' },
  'diff.colAmount': { sv: 'Belopp', en: 'Amount' },
  'diff.colBy': { sv: 'Av', en: 'By' },
  'diff.colNote': { sv: 'Anteckning', en: 'Note' },
  'diff.colField': { sv: 'Fält', en: 'Field' },
  'diff.colOld': { sv: 'Före', en: 'Before' },
  'diff.colNew': { sv: 'Efter', en: 'After' },
  'diff.colRule': { sv: 'Regel', en: 'Rule' },
  'diff.colProblem': { sv: 'Problem och åtgärd', en: 'Problem and what to do' },

  // schema problems in plain words
  'p.required': { sv: 'saknas', en: 'is missing' },
  'p.type': { sv: 'ska vara {type}', en: 'must be {type}' },
  'p.enum': { sv: 'ska vara ett av: {values}', en: 'must be one of: {values}' },
  'p.const': { sv: 'ska vara {value}', en: 'must be {value}' },
  'p.constTrue': { sv: 'ska vara ja (true)', en: 'must be yes (true)' },
  'p.minLength': { sv: 'är för kort (minst {limit} tecken)', en: 'is too short (at least {limit} characters)' },
  'p.maxLength': { sv: 'är för lång (högst {limit} tecken)', en: 'is too long (at most {limit} characters)' },
  'p.minimum': { sv: 'ska vara minst {limit}', en: 'must be at least {limit}' },
  'p.maximum': { sv: 'ska vara högst {limit}', en: 'must be at most {limit}' },
  'p.minItems': { sv: 'ska ha minst {limit} värden', en: 'must have at least {limit} values' },
  'p.maxItems': { sv: 'får ha högst {limit} värden', en: 'may have at most {limit} values' },
  'p.uniqueItems': { sv: 'har dubbletter', en: 'has duplicates' },
  'p.pattern': { sv: 'har fel form (ska matcha {pattern})', en: 'has the wrong form (must match {pattern})' },
  'p.format': { sv: 'ska vara {format}', en: 'must be {format}' },
  'p.additional': { sv: 'fältet "{property}" är inte tillåtet här', en: 'the field "{property}" is not allowed here' },
  'p.anyOf': { sv: 'uppfyller inget av alternativen', en: 'meets none of the alternatives' },
  'p.other': { sv: '{message}', en: '{message}' },
  'type.string': { sv: 'text', en: 'text' },
  'type.number': { sv: 'ett tal', en: 'a number' },
  'type.integer': { sv: 'ett heltal', en: 'a whole number' },
  'type.boolean': { sv: 'ja eller nej (true/false)', en: 'yes or no (true/false)' },
  'type.array': { sv: 'en lista', en: 'a list' },
  'type.object': { sv: 'fält (nyckel: värde)', en: 'fields (key: value)' },
  'type.null': { sv: 'tomt', en: 'empty' },
  'format.date': { sv: 'ett datum (ÅÅÅÅ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  'format.date-time': { sv: 'en tidpunkt (ÅÅÅÅ-MM-DDTHH:MM:SSZ)', en: 'a date and time (YYYY-MM-DDTHH:MM:SSZ)' },
  'format.email': { sv: 'en e-postadress', en: 'an e-mail address' },
  'format.uri': { sv: 'en webbadress', en: 'a web address' },

  // human output
  'out.valid': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: inga fel.',
    en: '{files#file|files} checked: no problems.',
  },
  'out.validWithWarnings': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: inga fel, {warnings#varning|varningar}.',
    en: '{files#file|files} checked: no errors, {warnings#warning|warnings}.',
  },
  'out.invalid': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: {errors} fel och {warnings#varning|varningar} i {bad#fil|filer}.',
    en: '{files#file|files} checked: {errors#error|errors} and {warnings#warning|warnings} in {bad#file|files}.',
  },
  'out.progress': { sv: 'Kontrollerar {done}/{total} filer', en: 'Checking {done}/{total} files' },
  // validate --changed, and ideas schema
  'out.validChanged': {
    sv: '{files} av {total#fil|filer} kontrollerades (ändrade sedan {base}): inga fel.',
    en: '{files} of {total#file|files} checked (changed since {base}): no problems.',
  },
  'out.validWithWarningsChanged': {
    sv: '{files} av {total#fil|filer} kontrollerades (ändrade sedan {base}): inga fel, {warnings#varning|varningar}.',
    en: '{files} of {total#file|files} checked (changed since {base}): no errors, {warnings#warning|warnings}.',
  },
  'out.invalidChanged': {
    sv: '{files} av {total#fil|filer} kontrollerades (ändrade sedan {base}): {errors} fel och {warnings#varning|varningar} i {bad#fil|filer}.',
    en: '{files} of {total#file|files} checked (changed since {base}): {errors#error|errors} and {warnings#warning|warnings} in {bad#file|files}.',
  },
  'out.changedConfig': {
    sv: 'Konfigurationen har ändrats sedan {base}, så alla filer kontrollerades.',
    en: 'The config has changed since {base}, so every file was checked.',
  },
  'out.changedCriteria': {
    sv: 'Kriterierna för {stages} har ändrats sedan {base}, så alla idéer där kontrollerades.',
    en: 'The criteria of {stages} have changed since {base}, so every idea there was checked.',
  },
  'err.changedNotGitRepo': {
    sv: '--changed jämför med git, men {dir} ligger inte i något git-repo (eller så är git inte installerat).',
    en: '--changed compares with git, but {dir} is not in a git repository (or git is not installed).',
  },
  'hint.changedNotGitRepo': {
    sv: 'Kör utan --changed för att kontrollera alla filer.',
    en: 'Run without --changed to check every file.',
  },
  'schema.title': { sv: '{registry}: en idé i steget {stage}', en: '{registry}: an idea in the stage {stage}' },
  'schema.titleBase': { sv: '{registry}: en idé', en: '{registry}: an idea' },
  'schema.description': {
    sv: 'Allt som en idés front matter måste uppfylla i steget {stage}: grundschemat och stegets kriterier ({criteria}). Skapat av `{command}`; skapa det på nytt när kriterierna ändras.',
    en: "Everything an idea's front matter must meet in the stage {stage}: the base schema and the stage's criteria ({criteria}). Made by `{command}`; make it again when the criteria change.",
  },
  'schema.descriptionBase': {
    sv: 'Det som varje idés front matter måste uppfylla, i alla steg. Skapat av `{command}`.',
    en: "What every idea's front matter must meet, in every stage. Made by `{command}`.",
  },
  'out.created': { sv: 'Skapade {path}', en: 'Created {path}' },
  'out.staged': { sv: '(tillagd i git med git add)', en: '(staged with git add)' },
  'out.similar': {
    sv: 'Liknande idéer finns redan; kanske ska ni prata med varandra:',
    en: 'Similar ideas exist already; perhaps you should talk to each other:',
  },
  'out.noIdeas': { sv: 'Inga idéer.', en: 'No ideas.' },
  'out.ideaCount': { sv: '{count#idé|idéer}', en: '{count#idea|ideas}' },
  'out.unreadable': {
    sv: '{count#fil|filer} kunde inte läsas och visas inte; kör `ideas validate` för detaljer.',
    en: '{count#file|files} could not be read and are not shown; run `ideas validate` for details.',
  },
  'out.initDone': {
    sv: 'Skapade idéslussen "{name}" i {dir} (mall: {template}).',
    en: 'Created the idea registry "{name}" in {dir} (template: {template}).',
  },
  'out.initNext': {
    sv: 'Nästa steg:\n  ideas new            registrera en idé\n  ideas list           se idéerna\n  ideas validate       kontrollera filerna',
    en: 'Next steps:\n  ideas new            register an idea\n  ideas list           see the ideas\n  ideas validate       check the files',
  },
  'out.initHook': {
    sv: '  ideas hook install   kontrollera idéfilerna före varje commit',
    en: '  ideas hook install   check the idea files before every commit',
  },
  'out.ciWritten': {
    sv: 'GitHub Actions: kontrollerar idéfilerna i varje pull request',
    en: 'GitHub Actions: checks the idea files in every pull request',
  },
  'out.ciExists': {
    sv: '{file} finns redan och skrevs inte över.',
    en: '{file} exists already and was not overwritten.',
  },
  'err.notGitRepo': {
    sv: 'Idéslussen i {dir} ligger inte i något git-repo.',
    en: 'The registry in {dir} is not in a git repository.',
  },
  'hint.notGitRepo': {
    sv: 'Skapa ett med `git init`, och installera sedan kroken.',
    en: 'Make one with `git init`, then install the hook.',
  },
  'err.hookForeign': {
    sv: 'Det finns redan en pre-commit-krok som inte kommer från ideas: {file}. Den lämnades orörd.',
    en: 'There is already a pre-commit hook that does not come from ideas: {file}. It was left alone.',
  },
  'hint.hookForeign': {
    sv: 'Ersätt den med --force (den sparas bredvid och kommer tillbaka med `ideas hook uninstall`), eller låt den köra `ideas validate`.',
    en: 'Replace it with --force (it is kept beside it and comes back with `ideas hook uninstall`), or let it run `ideas validate`.',
  },
  'out.hookInstalled': {
    sv: 'Installerade pre-commit-kroken {file}: varje commit kontrollerar nu de köade idéfilerna.',
    en: 'Installed the pre-commit hook {file}: every commit now checks the staged idea files.',
  },
  'out.hookUpdated': { sv: 'Uppdaterade pre-commit-kroken {file}.', en: 'Updated the pre-commit hook {file}.' },
  'out.hookBackup': { sv: 'Den tidigare kroken sparades som {file}.', en: 'The earlier hook was kept as {file}.' },
  'out.hookRemoved': { sv: 'Tog bort pre-commit-kroken {file}.', en: 'Removed the pre-commit hook {file}.' },
  'out.hookRestored': { sv: 'Den tidigare kroken är tillbaka som {file}.', en: 'The earlier hook is back as {file}.' },
  'out.hookAbsent': {
    sv: 'Ingen pre-commit-krok från ideas är installerad ({file}).',
    en: 'No pre-commit hook from ideas is installed ({file}).',
  },
  'out.hookForeignKept': {
    sv: 'Pre-commit-kroken {file} kommer inte från ideas och lämnades orörd.',
    en: 'The pre-commit hook {file} does not come from ideas and was left alone.',
  },
  'out.moved': { sv: '{id} flyttad: {from} → {to}', en: '{id} moved: {from} → {to}' },
  'out.movedForced': {
    sv: '{id} flyttad trots stängd grind: {from} → {to} (skrivet i historiken)',
    en: '{id} moved despite a closed gate: {from} → {to} (written in the history)',
  },
  'out.committed': { sv: '(incheckad i git)', en: '(committed to git)' },
  'out.decided': { sv: '{id}: {decision} ({where})', en: '{id}: {decision} ({where})' },
  'out.assigned': { sv: '{id}: {changes}', en: '{id}: {changes}' },
  'out.unchanged': { sv: 'Inget att ändra.', en: 'Nothing to change.' },
  'minutes.title': { sv: 'Protokoll från idérådets möte {date}', en: "Minutes of the idea council's meeting {date}" },
  'minutes.registry': { sv: 'Idésluss', en: 'Registry' },
  'minutes.date': { sv: 'Datum', en: 'Date' },
  'minutes.by': { sv: 'Beslutande', en: 'Decided by' },
  'minutes.decisions': { sv: 'Beslut', en: 'Decisions' },
  'minutes.none': { sv: 'Inga beslut fattades.', en: 'No decisions were taken.' },
  'minutes.forced': { sv: 'trots stängd grind', en: 'despite a closed gate' },
  'minutes.reason': { sv: 'Skäl', en: 'Reason' },
  'minutes.skipped': { sv: 'Bordlagda', en: 'Skipped' },
  'minutes.total': { sv: 'Beviljade medel totalt', en: 'Total funds granted' },
  'review.header': { sv: 'Idé {n} av {total}', en: 'Idea {n} of {total}' },
  'review.inStage': { sv: '{age} i {stage}', en: '{age} in {stage}' },
  'review.gate': { sv: 'Grinden till {to}:', en: 'The gate to {to}:' },
  'review.noGate': { sv: '{stage} leder inte vidare.', en: '{stage} leads nowhere further.' },
  'review.met': { sv: 'uppfyllt', en: 'met' },
  'review.unmet': { sv: 'saknas', en: 'missing' },
  'review.choose': { sv: 'Beslut för {id}?', en: 'Decision on {id}?' },
  'review.approve': { sv: 'Godkänn: vidare till {to}', en: 'Approve: on to {to}' },
  'review.return': { sv: 'Skicka tillbaka med råd', en: 'Send back with advice' },
  'review.park': { sv: 'Parkera', en: 'Park' },
  'review.reject': { sv: 'Avslå', en: 'Reject' },
  'review.skip': { sv: 'Hoppa över (bordlägg)', en: 'Skip' },
  'review.stop': { sv: 'Avsluta mötet', en: 'Stop the meeting' },
  'review.reason': { sv: 'Skäl (kort)', en: 'Reason (briefly)' },
  'review.advice': { sv: 'Råd till idébäraren', en: 'Advice to the carrier' },
  'review.amount': { sv: 'Beviljat belopp i kronor', en: 'Amount granted, in kronor' },
  'review.force': {
    sv: 'Grinden är stängd. Godkänna ändå? (skrivs i historiken)',
    en: 'The gate is closed. Approve anyway? (written in the history)',
  },
  'review.empty': { sv: 'Inga idéer väntar på beslut.', en: 'No ideas wait for a decision.' },
  'review.written': { sv: 'Protokollet skrevs till {file}.', en: 'The minutes were written to {file}.' },
  'review.needsTerminal': {
    sv: 'ideas review ställer frågor och behöver en terminal ({why}); använd ideas decide i skript.',
    en: 'ideas review asks questions and needs a terminal ({why}); use ideas decide in scripts.',
  },
  'report.title': { sv: '{name}: rapport', en: '{name}: report' },
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
  'import.extraCells': {
    sv: 'Raden har {count} celler men rubrikraden bara {columns}.',
    en: 'The row has {count} cells but the header only {columns}.',
  },
  'import.sourceRow': { sv: 'rad {row}', en: 'row {row}' },
  'out.importRowProblem': { sv: 'Rad {row}, kolumn {column}: {problem}', en: 'Row {row}, column {column}: {problem}' },
  'out.importRowProblemNoColumn': { sv: 'Rad {row}: {problem}', en: 'Row {row}: {problem}' },
  'out.importRefused': {
    sv: 'Inget importerades: {count#rad|rader} har fel.',
    en: 'Nothing was imported: {count#row has|rows have} problems.',
  },
  'hint.importRefused': {
    sv: 'Rätta filen och kör igen, eller importera de giltiga raderna med --skip-invalid.',
    en: 'Fix the file and run again, or import the valid rows with --skip-invalid.',
  },
  'out.importSkipped': { sv: 'Hoppade över {count#rad|rader} med fel.', en: 'Skipped {count#row|rows} with problems.' },
  'out.imported': { sv: 'Importerade {count#idé|idéer} från {file}.', en: 'Imported {count#idea|ideas} from {file}.' },
  'out.importDryRun': {
    sv: 'Provkörning: {count#idé|idéer} skulle importeras från {file}; inget skrevs.',
    en: 'Dry run: {count#idea|ideas} would be imported from {file}; nothing was written.',
  },
  'out.importNothing': {
    sv: 'Filen {file} har inga rader att importera.',
    en: 'The file {file} has no rows to import.',
  },
  'out.ignoredColumns': { sv: 'Kolumner som inte importerades: {columns}', en: 'Columns not imported: {columns}' },
  'out.importDuplicate': {
    sv: 'Rad {row}: en idé med samma namn finns redan ({id}).',
    en: 'Row {row}: an idea of the same name exists already ({id}).',
  },
  'out.importEncoding': {
    sv: 'Filen är inte UTF-8 och lästes som {encoding}.',
    en: 'The file is not UTF-8 and was read as {encoding}.',
  },
  'out.importProgress': { sv: 'Importerar {percent} %', en: 'Importing {percent}%' },
  'col.id': { sv: 'ID', en: 'ID' },
  'col.title': { sv: 'TITEL', en: 'TITLE' },
  'col.stage': { sv: 'STEG', en: 'STAGE' },
  'col.age': { sv: 'ÅLDER', en: 'AGE' },
  'col.granted': { sv: 'BEVILJAT', en: 'GRANTED' },
  'col.carrier': { sv: 'IDÉBÄRARE', en: 'CARRIER' },
  'age.days': { sv: '{n} d', en: '{n}d' },
  'age.weeks': { sv: '{n} v', en: '{n}w' },
  'age.months': { sv: '{n} mån', en: '{n}mo' },
  'age.years': { sv: '{n} år', en: '{n}y' },
  'show.stage': { sv: 'Steg', en: 'Stage' },
  'show.path': { sv: 'Fil', en: 'File' },
  'show.history': { sv: 'Historik', en: 'History' },
  'show.noText': { sv: '(ingen text)', en: '(no text)' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  'decision.approve': { sv: 'godkänd', en: 'approved' },
  'decision.return': { sv: 'återremitterad', en: 'sent back' },
  'decision.park': { sv: 'parkerad', en: 'parked' },
  'decision.reject': { sv: 'avslagen', en: 'rejected' },
  'history.created': { sv: 'skapad i {to}', en: 'created in {to}' },
  'history.imported': { sv: 'importerad till {to}', en: 'imported into {to}' },
  'history.moved': { sv: 'flyttad {from} → {to}', en: 'moved {from} → {to}' },
  'history.decided': { sv: 'beslut: {decision}', en: 'decision: {decision}' },
  'history.assignedField': { sv: '{field} satt till {value}', en: '{field} set to {value}' },
  'history.edited': { sv: 'ändrad', en: 'edited' },
  'history.assignedHidden': { sv: '{field} ändrad', en: '{field} changed' },

  // ideas site: the static website
  'err.siteNotOurs': {
    sv: 'Mappen {dir} finns och innehåller filer som ideas site inte skrev; inget skrevs: {files}',
    en: 'The folder {dir} exists and holds files that ideas site did not write; nothing was written: {files}',
  },
  'hint.siteNotOurs': {
    sv: 'Välj en annan mapp med --out, eller flytta filerna först. En tidigare webbplats från ideas site (med filen .ideas-site) ersätts utan fråga.',
    en: 'Choose another folder with --out, or move the files first. An earlier site from ideas site (with the file .ideas-site) is replaced without asking.',
  },
  'err.siteNotDir': {
    sv: '{dir} finns men är ingen mapp; inget skrevs.',
    en: '{dir} exists but is not a folder; nothing was written.',
  },
  'out.siteWritten': {
    sv: 'Skrev webbplatsen till {dir}: {count#sida|sidor}.',
    en: 'Wrote the site to {dir}: {count#page|pages}.',
  },
  'out.siteInternal': {
    sv: 'Den här webbplatsen innehåller personuppgifter: publicera den inte.',
    en: 'This site holds personal data: do not publish it.',
  },
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
  'site.inStageSince': { sv: 'I steget sedan {date}', en: 'In the stage since {date}' },
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

  // prompts
  'prompt.moveTo': { sv: 'Vart ska "{title}"?', en: 'Where does "{title}" go?' },
  'gate.open': { sv: 'grinden öppen', en: 'gate open' },
  'gate.closed': { sv: 'grinden stängd: {count} saknas', en: 'gate closed: {count} missing' },
  'prompt.template': {
    sv: 'Vilken mall ska idéslussen utgå från?',
    en: 'Which template should the registry start from?',
  },
  'prompt.title': { sv: 'Vad heter idén?', en: 'What is the idea called?' },
  'prompt.body': {
    sv: 'Beskriv idén kort (problemet, idén, vem som har nytta av den)',
    en: 'Describe the idea briefly (the problem, the idea, who benefits)',
  },
  'prompt.optional': { sv: '(valfritt, Enter hoppar över)', en: '(optional, Enter skips)' },
  'prompt.skip': { sv: '(hoppa över)', en: '(skip)' },
  'prompt.list': { sv: '(kommaseparerat)', en: '(comma-separated)' },
  'prompt.requiredAnswer': { sv: 'Ett svar behövs.', en: 'An answer is needed.' },
  'prompt.yes': { sv: 'Ja', en: 'Yes' },
  'prompt.no': { sv: 'Nej', en: 'No' },
  'prompt.yesOrNo': { sv: 'Svara "{yes}" eller "{no}".', en: 'Answer "{yes}" or "{no}".' },
  'prompt.disabled': { sv: 'Det här valet går inte att välja.', en: 'This choice cannot be chosen.' },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return interpolate(messages[key][lang], params, lang);
}

export function localize(key: MessageKey, params: Params = {}): Localized {
  return { sv: t('sv', key, params), en: t('en', key, params) };
}

/**
 * Fills `{name}` with a parameter, and `{name#one|other}` with a count and the word's singular or plural form
 * (`{files#fil|filer}` gives `1 fil`, `3 filer`).
 */
function interpolate(text: string, params: Params, lang: Lang): string {
  return text.replace(/\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const shown = typeof value === 'object' ? value[lang] : String(value);
    if (one === undefined || other === undefined) return shown;
    return `${shown} ${Number(value) === 1 ? one : other}`;
  });
}

export { isLang, langFromLocale } from './lang-choice.js';
