/** Errors, their hints, and why a prompt cannot be shown. */
import type { Localized } from '../i18n.js';

export const errors = {
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
  'err.unknownStageSuggest': {
    sv: 'Okänt steg "{stage}". Menade du {suggestion}? Stegen är: {stages}.',
    en: 'Unknown stage "{stage}". Did you mean {suggestion}? The stages are: {stages}.',
  },
  'err.everyoneConflicted': {
    sv: 'Alla som ska besluta ({by}) har anmält jäv: ingen är kvar att fatta beslutet.',
    en: 'Everyone who is to decide ({by}) declared a conflict of interest: no one is left to make the decision.',
  },
  'err.councilDecides': {
    sv: 'Idérådet beslutar om flytt till steget {stage}: det är ett beslut, ingen flytt med ideas move.',
    en: 'The idea council decides on moves into {stage}: that is a decision, not a move with ideas move.',
  },
  'err.councilDecisionNotThere': {
    sv: 'Beslutet {decision} leder inte till steget {stage}, där idérådet beslutar: dit leder ett godkännande, eller en återremiss bakåt.',
    en: 'The decision {decision} does not lead into {stage}, where the idea council decides: an approval leads there, or a return back.',
  },
  'err.councilNotNext': {
    sv: 'Idérådet beslutar om flytt till steget {stage}, och steget {from} leder inte dit; härifrån går det till: {next}.',
    en: 'The idea council decides on moves into {stage}, and the stage {from} does not lead there; from here ideas go to: {next}.',
  },
  'hint.councilDecides': {
    sv: 'Registrera rådets beslut: {command} (eller på rådets möte, med ideas review).',
    en: "Record the council's decision: {command} (or at the council's meeting, with ideas review).",
  },
  'hint.councilNextStep': {
    sv: 'En idé tar ett steg i taget: rådets beslut om nästa steg, {next}, registreras med {command} (eller på rådets möte, med ideas review).',
    en: "An idea goes one stage at a time: the council's decision on the next one, {next}, is recorded with {command} (or at the council's meeting, with ideas review).",
  },
  // The English with a typographic apostrophe: a shell-quoted straight one reads '<the council'\''s reason>'.
  'hint.councilReason': { sv: '<rådets motivering>', en: '<the council’s reason>' },
  'err.unknownTemplate': {
    sv: 'Okänd mall "{template}". Mallarna är: {templates}.',
    en: 'Unknown template "{template}". The templates are: {templates}.',
  },
  'err.unknownCi': {
    sv: 'Okänd CI "{ci}": välj {choices}.',
    en: 'Unknown CI "{ci}": choose {choices}.',
  },
  'err.packageWithoutCi': {
    sv: '--package säger vad CI-filen installerar, men med --no-ci skrivs ingen CI-fil.',
    en: '--package says what the CI file installs, but with --no-ci no CI file is written.',
  },
  'err.packageSpec': {
    sv: 'Paketet "{spec}" kan inte skrivas i CI-filen: {why}.',
    en: 'The package "{spec}" cannot be written into the CI file: {why}.',
  },
  'why.specChars': {
    sv: 'det har ett tecken som ett skal, YAML, GitHub eller GitLab kan läsa som något annat (bara a–z, A–Z, 0–9 och @ / . _ ~ : + # = % , - går)',
    en: 'it has a character that a shell, YAML, GitHub or GitLab could read as something else (only a–z, A–Z, 0–9 and @ / . _ ~ : + # = % , - are allowed)',
  },
  'why.specNotPinned': {
    sv: 'versionen måste anges exakt, som idesluss@0.1.0 (inte ^0.1.0, latest eller ingen alls), annars installerar CI det som namnet pekar på den dagen',
    en: 'the version must be exact, such as idesluss@0.1.0 (not ^0.1.0, latest or none at all), or CI installs whatever the name points to that day',
  },
  'why.specGitNotPinned': {
    sv: 'en git-adress behöver hela commit-id:t efter # (40 tecken), eftersom en gren eller tagg kan flyttas',
    en: 'a git address needs the full commit id after # (40 characters), since a branch or a tag can be moved',
  },
  'why.specInsecure': {
    sv: 'bara https-adresser går: det som hämtas över http: eller git: kan ändras på vägen, och ssh: behöver en nyckel som CI inte har',
    en: 'only https addresses will do: what comes over http: or git: can be changed on the way, and ssh: needs a key CI has not',
  },
  'why.specCredentials': {
    sv: 'adressen innehåller ett användarnamn eller lösenord, som då skulle checkas in med CI-filen',
    en: 'the address holds a user name or password, which would then be committed with the CI file',
  },
  'why.specUnknown': {
    sv: 'det är ingen av formerna som installerar exakt en version',
    en: 'it is none of the forms that install exactly one build',
  },
  'hint.packageSpec': {
    sv: 'Ange ett av: idesluss@<version>, https://…/<fil>.tgz, git+https://…#<hela commit-id:t>, file:<sökväg>. Se `ideas init --help`.',
    en: 'Give one of: idesluss@<version>, https://…/<file>.tgz, git+https://…#<full commit id>, file:<path>. See `ideas init --help`.',
  },
  'err.ideaNotFound': { sv: 'Ingen idé med id "{id}".', en: 'No idea with id "{id}".' },
  'err.ideaUnreadable': {
    sv: 'Idén "{id}" i {file} går inte att läsa.',
    en: 'The idea "{id}" in {file} cannot be read.',
  },
  'hint.ideaNotFound': { sv: 'Se alla idéer med `ideas list`.', en: 'See every idea with `ideas list`.' },
  'err.ambiguousId': { sv: '"{id}" passar flera idéer: {matches}.', en: '"{id}" matches several ideas: {matches}.' },
  'hint.ambiguousId': {
    sv: 'Ange idén med hela id:t, eller med sökvägen till dess fil. Har två filer samma id säger `ideas validate` vilka.',
    en: "Name the idea by its whole id, or by its file's path. Where two files carry the same id, `ideas validate` says which.",
  },
  'err.missingAnswers': {
    sv: 'Obligatoriska svar saknas och frågor kan inte ställas här ({why}). Ange: {flags}',
    en: 'Required answers are missing and prompts cannot be shown here ({why}). Pass: {flags}',
  },
  'why.noInput': { sv: '--no-input', en: '--no-input' },
  'why.ci': { sv: 'CI är satt', en: 'CI is set' },
  'why.notTTY': { sv: 'inmatningen kommer inte från en terminal', en: 'standard input is not a terminal' },
  'err.invalidAnswer': { sv: 'Ogiltigt värde för {field}: {problem}', en: 'Invalid value for {field}: {problem}' },
  'err.setSyntax': {
    sv: '--set väntar sig nyckel=värde, fick "{value}".',
    en: '--set expects key=value, got "{value}".',
  },
  'err.badCreated': {
    sv: 'Skapad ska vara ett datum ÅÅÅÅ-MM-DD som inte ligger efter i dag ({today}), fick "{value}".',
    en: 'Created must be a date YYYY-MM-DD not after today ({today}), got "{value}".',
  },
  'err.unknownFieldCase': {
    sv: 'Okänt fält "{field}" för {flag}; menade du {other}? Fälten skrivs som de heter: {fields}.',
    en: 'Unknown field "{field}" for {flag}; did you mean {other}? Fields are written as named: {fields}.',
  },
  'err.unknownField': {
    sv: 'Okänt fält "{field}" för {flag}. Fälten är: {fields}.',
    en: 'Unknown field "{field}" for {flag}. The fields are: {fields}.',
  },
  'err.forbiddenField': {
    sv: 'Fältnamnet "{field}" är inte tillåtet: __proto__, constructor och prototype kan inte vara namnet på ett fält eller en del av det.',
    en: 'The field name "{field}" is not allowed: __proto__, constructor and prototype cannot be the name of a field or a part of one.',
  },
  'err.readOnlyField': {
    sv: 'Fältet "{field}" sätts av ideas och kan inte anges med {flag}.',
    en: 'The field "{field}" is set by ideas and cannot be given with {flag}.',
  },
  'err.jsonAndFormat': {
    sv: 'Ange antingen --json eller --format {format}, inte båda: --json skriver alltid JSON.',
    en: 'Give either --json or --format {format}, not both: --json always writes JSON.',
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
  'hint.branchesHere': {
    sv: 'Grenarna här: {branches}. Ange den som ändringen ska jämföras med.',
    en: 'The branches here: {branches}. Name the one the change is compared with.',
  },
  'err.noDefaultBranch': {
    sv: 'Hittar ingen standardgren (main, master eller origin/HEAD) att jämföra med; ange den, till exempel ideas diff main eller ideas validate --changed --base main.',
    en: 'Cannot find a default branch (main, master or origin/HEAD) to compare with; name it, for example ideas diff main or ideas validate --changed --base main.',
  },
  'err.noMergeBase': {
    sv: 'Den här grenen och {branch} har ingen gemensam historik; ange en bas.',
    en: 'This branch and {branch} share no history; name a base.',
  },
  'hint.noMergeBase': {
    sv: 'Jämför de två som de står: `ideas diff {base} HEAD`.',
    en: 'Compare the two as they stand: `ideas diff {base} HEAD`.',
  },
  'err.noMergeBaseShallow': {
    sv: 'Klonen är grund (shallow): den saknar historiken tillbaka till {branch}, så ändringarna går inte att jämföra.',
    en: 'The clone is shallow: it lacks the history back to {branch}, so the changes cannot be compared.',
  },
  'hint.noMergeBaseShallow': {
    sv: 'Hämta historiken med `git fetch --unshallow` (i GitHub Actions: fetch-depth: 0 för actions/checkout).',
    en: 'Fetch the history with `git fetch --unshallow` (in GitHub Actions: fetch-depth: 0 for actions/checkout).',
  },
  'err.git': { sv: 'git misslyckades: {reason}', en: 'git failed: {reason}' },
  'err.cancelled': { sv: 'Avbrutet.', en: 'Cancelled.' },
  'hint.nothingSaved': {
    sv: 'Inget sparades: filerna är som de var.',
    en: 'Nothing was saved: the files are as they were.',
  },
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
  'err.criteriaUnreadable': {
    sv: 'Kriteriefilen {file} för steget {stage} kunde inte läsas: {reason}.',
    en: 'The criteria file {file} of stage {stage} could not be read: {reason}.',
  },
  'err.criteriaEndless': {
    sv: 'Kriterierna i {file} hänvisar till sig själva utan slut: en ring av $ref (eller allOf, if/then) som aldrig går in i något fält, så att ingen idé kan kontrolleras mot dem.',
    en: 'The criteria in {file} refer to themselves without end: a ring of $ref (or allOf, if/then) that never goes into a field, so no idea can be checked against them.',
  },
  'hint.criteriaEndless': {
    sv: 'Låt varje $ref som leder tillbaka gå in i ett fält först (under properties eller items).',
    en: 'Let every $ref that leads back go into a field first (under properties or items).',
  },
  'err.criteriaInvalid': {
    sv: 'Kriteriefilen {file} för steget {stage} är inget giltigt JSON Schema: {reason}',
    en: 'The criteria file {file} of stage {stage} is not a valid JSON Schema: {reason}',
  },
  // Why a criteria file is not a JSON Schema that can be used (src/core/criteria/schema-reasons.ts): the {reason} above.
  'schema.json': {
    sv: 'JSON-fel på rad {line}, kolumn {column} (saknas eller finns det ett kommatecken, citattecken eller en klammer för mycket?)',
    en: 'a JSON error on line {line}, column {column} (is a comma, quote or brace missing, or one too many?)',
  },
  'schema.notFile': { sv: 'det är ingen fil', en: 'it is not a file' },
  'schema.at': { sv: 'vid {where}: {problem}', en: 'at {where}: {problem}' },
  'schema.type': { sv: 'ska vara av typen {type}', en: 'must be of type {type}' },
  'schema.enum': { sv: 'ska vara ett av {values}', en: 'must be one of {values}' },
  'schema.required': { sv: '{field} saknas', en: '{field} is missing' },
  'schema.shape': {
    sv: 'följer inte JSON Schema (nyckelordet {keyword})',
    en: 'does not follow JSON Schema (the keyword {keyword})',
  },
  'schema.dialect': {
    sv: '$schema ska vara {expected} eller saknas',
    en: '$schema must be {expected} or left out',
  },
  'schema.missingRef': {
    sv: '$ref pekar på {ref}, som inte finns i kriteriefilen (ideas hämtar aldrig scheman ur andra filer eller från webben)',
    en: '$ref points to {ref}, which is not in the criteria file (ideas never fetches schemas from other files or the web)',
  },
  'schema.keywordType': {
    sv: 'nyckelordet "{keyword}" ska ha ett värde av typen {type}',
    en: 'the keyword "{keyword}" must have a value of type {type}',
  },
  'schema.keywordValue': {
    sv: 'värdet av nyckelordet "{keyword}" vid {where} är fel',
    en: 'the value of the keyword "{keyword}" at {where} is wrong',
  },
  'schema.unknownKeyword': {
    sv: 'nyckelordet "{keyword}" finns inte i JSON Schema (felstavat?)',
    en: 'the keyword "{keyword}" is not JSON Schema (misspelt?)',
  },
  'schema.unknownFormat': { sv: 'formatet "{format}" är okänt', en: 'the format "{format}" is unknown' },
  'schema.pattern': {
    sv: 'den har ett mönster (pattern) som ideas inte kan använda: {pattern} ({reason})',
    en: 'it has a pattern that ideas cannot use: {pattern} ({reason})',
  },
  'schema.compile': {
    sv: 'schemat kan inte användas för att kontrollera idéer',
    en: 'the schema cannot be used to check ideas',
  },
  'err.criteriaForbiddenKey': {
    sv: 'Kriteriefilen {file} för steget {stage} använder nyckeln "{key}" ({pointer}), som inte är tillåten: __proto__, constructor och prototype kan inte vara namnet på ett fält.',
    en: 'The criteria file {file} of stage {stage} uses the key "{key}" ({pointer}), which is not allowed: __proto__, constructor and prototype cannot be the name of a field.',
  },
  'err.folderSymlink': {
    sv: 'Mappen {folder} i idéslussen är en symbolisk länk (till {target}); ideas läser och skriver bara i idéslussens egna mappar, så inget lästes eller ändrades.',
    en: "The folder {folder} in the registry is a symbolic link (to {target}); ideas reads and writes only in the registry's own folders, so nothing was read or changed.",
  },
  'hint.folderSymlink': {
    sv: 'Ersätt länken med en riktig mapp och flytta in filerna, eller peka ut idéslussen där mappen finns med --registry.',
    en: 'Replace the link with a real folder and move the files into it, or point to the registry where the folder is with --registry.',
  },
  'err.notUtf8': {
    sv: '{file} är inte sparad som UTF-8 (rad {line} har ett tecken som inte är det); spara den som UTF-8 och försök igen.',
    en: '{file} is not saved as UTF-8 (line {line} has a character that is not); save it as UTF-8 and try again.',
  },
  'err.configOutside': {
    sv: '{file} leder ut ur idéslussen ({target}) genom en symbolisk länk; den lästes inte. Lägg konfigurationen i idéslussens mapp.',
    en: "{file} leads out of the registry ({target}) through a symbolic link; it was not read. Put the config in the registry's folder.",
  },
  'err.criteriaOutside': {
    sv: 'Kriteriefilen {file} för steget {stage} leder ut ur idéslussen ({target}) genom en symbolisk länk; den lästes inte.',
    en: 'The criteria file {file} of stage {stage} leads out of the registry ({target}) through a symbolic link; it was not read.',
  },
  'hint.criteriaOutside': {
    sv: 'Lägg kriteriefilen i idéslussens mapp, och ange den i ideas.config.yaml.',
    en: "Put the criteria file in the registry's folder, and name it in ideas.config.yaml.",
  },
  // The rules are read only from regular files: git keeps a link as the path it points to, so `ideas diff` would
  // read other rules at a revision than every other command reads from the disk.
  'err.configSymlink': {
    sv: '{file} är en symbolisk länk (till {target}); konfigurationen läses bara ur en vanlig fil, så att alla kommandon, och ideas diff i varje version, läser samma regler. Inget lästes eller ändrades.',
    en: '{file} is a symbolic link (to {target}); the config is read only from a regular file, so that every command, and ideas diff at every revision, reads the same rules. Nothing was read or changed.',
  },
  'hint.configSymlink': {
    sv: 'Ersätt länken med själva filen.',
    en: 'Replace the link with the file itself.',
  },
  'err.criteriaSymlink': {
    sv: 'Kriteriefilen {file} för steget {stage} läses genom en symbolisk länk ({link} → {target}); kriterier läses bara ur vanliga filer, så att alla kommandon, och ideas diff i varje version, läser samma regler. Inget lästes eller ändrades.',
    en: 'The criteria file {file} of stage {stage} is read through a symbolic link ({link} → {target}); criteria are read only from regular files, so that every command, and ideas diff at every revision, reads the same rules. Nothing was read or changed.',
  },
  'hint.criteriaSymlink': {
    sv: 'Ersätt länken med en kopia av filen (eller mappen), eller ange själva filen i ideas.config.yaml; flera steg kan ange samma fil.',
    en: 'Replace the link with a copy of the file (or folder), or name the file itself in ideas.config.yaml; several stages may name the same file.',
  },
  'err.criteriaPattern': {
    sv: 'Kriteriefilen {file} för steget {stage} har ett mönster (pattern) som ideas inte kan använda: {pattern} ({reason}).',
    en: 'The criteria file {file} of stage {stage} has a pattern that ideas cannot use: {pattern} ({reason}).',
  },
  'hint.criteriaPattern': {
    sv: 'ideas prövar mönster i linjär tid, så att inget mönster kan låsa ett kommando. Skriv mönstret utan lookahead, lookbehind och bakåtreferenser, till exempel med alternativ (a|b) eller med flera fält.',
    en: 'ideas matches patterns in linear time, so that no pattern can hang a command. Write the pattern without lookahead, lookbehind or back-references, for example with alternatives (a|b) or with several fields.',
  },
  'err.patternInvalid': {
    sv: 'inget giltigt reguljärt uttryck i JavaScript med flaggan u: {detail}',
    en: 'not a valid JavaScript regular expression with the u flag: {detail}',
  },
  'err.patternLookaround': {
    sv: 'lookahead och lookbehind, (?= (?! (?<= (?<!, stöds inte',
    en: 'lookahead and lookbehind, (?= (?! (?<= (?<!, are not supported',
  },
  'err.patternBackreference': {
    sv: 'bakåtreferenser, som \\1 eller \\k<namn>, stöds inte',
    en: 'back-references, such as \\1 or \\k<name>, are not supported',
  },
  'err.patternUnsupported': { sv: 'stöds inte: {detail}', en: 'not supported: {detail}' },
  'err.patternSurrogate': {
    sv: 'ett ensamt surrogattecken ({code}) kan aldrig matchas',
    en: 'a lone surrogate ({code}) can never be matched',
  },
  'err.patternProperty': {
    sv: 'egenskapen {property}; använd \\p{Script=…} eller en kategori',
    en: 'the property {property}; use \\p{Script=…} or a category',
  },
  'err.patternRepeat': { sv: 'fler upprepningar än {max}', en: 'a repeat count above {max}' },
  'err.cannotEdit': {
    sv: 'Kan inte ändra front matter i {file} ({reason}); rätta filen först (`ideas validate`).',
    en: 'Cannot edit the front matter of {file} ({reason}); fix the file first (`ideas validate`).',
  },
  'err.editUnreadable': {
    sv: 'Ändringen av {file} skulle ha gjort filen oläslig ({reason}); inget skrevs. Felet är i ideas, inte i filen.',
    en: 'The edit of {file} would have made the file unreadable ({reason}); nothing was written. The fault is in ideas, not in the file.',
  },
  'err.editReached': {
    sv: 'Ändringen av {file} skulle också ha ändrat {fields}, som den inte gäller; inget skrevs. Felet är i ideas, inte i filen.',
    en: 'The edit of {file} would also have changed {fields}, which it does not name; nothing was written. The fault is in ideas, not in the file.',
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
  'err.moveFromFinal': {
    sv: 'Steget {from} leder inte vidare.',
    en: 'The stage {from} leads nowhere further.',
  },
  'hint.moveFromFinal': {
    sv: 'Ska idén prövas igen, registrera den som en ny idé med ideas new, eller flytta den ändå med --force (det skrivs i historiken).',
    en: 'If the idea is to be tried again, register it as a new idea with ideas new, or move it anyway with --force (which is written in the history).',
  },
  'hint.moveNotNext': {
    sv: 'Flytta idén till ett av stegen härifrån, eller ändå med --force (det skrivs i historiken).',
    en: 'Move the idea to one of the stages it may go to from here, or anyway with --force (which is written in the history).',
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
    sv: 'Steget {stage} leder inte till något steg för beslutet {decision}; härifrån går det till: {next}.',
    en: 'The stage {stage} leads to no stage for the decision {decision}; from here it goes to: {next}.',
  },
  'err.amountNotApproved': {
    sv: 'Medel beviljas bara när idérådet godkänner idén (--decision godkänn); ta bort --amount.',
    en: 'Money is granted only when the idea council approves the idea (--decision approve); remove --amount.',
  },
  'err.amountNotFunded': {
    sv: 'Steget {stage} beviljar inga medel (det har inte funding: true i ideas.config.yaml); ta bort --amount.',
    en: 'The stage {stage} grants no money (it has no funding: true in ideas.config.yaml); remove --amount.',
  },
  'err.badAmount': {
    sv: 'Beloppet "{value}" är inget tal ≥ 0 med högst 15 siffror. Skriv kronorna med siffror, till exempel 30000, 30 000 eller 30 000 kr (30.000 läses både som 30 och som 30 000, så det tas inte).',
    en: 'The amount "{value}" is not a number ≥ 0 of at most 15 digits. Write the kronor in digits, for example 30000, 30 000 or 30 000 kr (30.000 reads both as 30 and as 30 000, so it is not taken).',
  },
  'err.nothingToAssign': { sv: 'Ange --coach och/eller --carrier.', en: 'Give --coach and/or --carrier.' },
  'hint.nothingToAssign': {
    sv: 'Till exempel: `ideas assign {idArg} --coach "Lisa Berg"`. I en terminal frågar ideas assign efter namnen.',
    en: 'For example: `ideas assign {idArg} --coach "Lisa Berg"`. At a terminal, ideas assign asks for the names.',
  },
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
  'err.byNotPublic': {
    sv: 'Fältet "{field}" är inte märkt som offentligt (x-public) i något schema och visas därför inte i rapporter.',
    en: 'The field "{field}" is not marked public (x-public) in any schema, so it is not shown in reports.',
  },
  'hint.byNotPublic': {
    sv: 'Får fältet visas öppet? Märk det med "x-public": true i ett kriterieschema. För en intern rapport: lägg till --include-personal (och dela den inte som allmän handling).',
    en: 'May the field be shown openly? Mark it "x-public": true in a criteria schema. For an internal report: add --include-personal (and do not publish it).',
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
  'hint.importMapMeant': {
    sv: 'Menade du {field}? Skriv --map "kolumn={field}"; ett fält kan också anges med sin etikett.',
    en: 'Did you mean {field}? Write --map "column={field}"; a field may also be given by its label.',
  },
  'err.importForbiddenColumn': {
    sv: 'Kolumnen "{column}" pekar ut ett fält som inte är tillåtet: __proto__, constructor och prototype kan inte vara namnet på ett fält eller en del av det. Inget importerades.',
    en: 'The column "{column}" names a field that is not allowed: __proto__, constructor and prototype cannot be the name of a field or a part of one. Nothing was imported.',
  },
  'hint.importForbiddenColumn': {
    sv: 'Byt namn på kolumnen, eller hoppa över den med --map {skip}.',
    en: 'Rename the column, or leave it out with --map {skip}.',
  },
  'err.importWorkbook': {
    sv: 'Filen {file} är en Excel-arbetsbok, inte en CSV-fil; ideas import läser CSV. Inget importerades.',
    en: 'The file {file} is an Excel workbook, not a CSV file; ideas import reads CSV. Nothing was imported.',
  },
  'hint.importWorkbook': {
    sv: 'Spara bladet som CSV i Excel (Arkiv → Spara som → CSV UTF-8) och importera den filen.',
    en: 'Save the sheet as CSV in Excel (File → Save As → CSV UTF-8) and import that file.',
  },
  'err.importTooLarge': {
    sv: 'Filen {file} är större än {max} MB, det mesta ideas import läser. Inget importerades.',
    en: 'The file {file} is larger than {max} MB, the most ideas import reads. Nothing was imported.',
  },
  'err.importTooManyRows': {
    sv: 'Filen {file} har fler än {max} rader, det mesta ideas import läser. Inget importerades.',
    en: 'The file {file} has more than {max} rows, the most ideas import reads. Nothing was imported.',
  },
  'hint.importTooLarge': {
    sv: 'Dela upp filen i mindre delar och importera dem en i taget.',
    en: 'Split the file into smaller parts and import them one at a time.',
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
  'hint.importMapColumn': {
    sv: 'Ange vilken kolumn som är namnet, till exempel --map {map}.',
    en: 'Say which column is the name, for example --map {map}.',
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
  'err.diffNotGitRepo': {
    sv: 'Idéslussen i {dir} ligger inte i ett git-repo; ideas diff jämför git-revisioner.',
    en: 'The registry in {dir} is not in a git repository; ideas diff compares git revisions.',
  },
  'err.noRegistryAt': {
    sv: 'Revisionen {rev} har ingen idésluss i {dir} (ingen {file}).',
    en: 'The revision {rev} has no registry in {dir} (no {file}).',
  },
  'err.changedNotGitRepo': {
    sv: '--changed jämför med git, men {dir} ligger inte i något git-repo (eller så är git inte installerat).',
    en: '--changed compares with git, but {dir} is not in a git repository (or git is not installed).',
  },
  'hint.changedNotGitRepo': {
    sv: 'Kör utan --changed för att kontrollera alla filer.',
    en: 'Run without --changed to check every file.',
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
  'hint.importRefused': {
    sv: 'Rätta filen och kör igen, eller importera de giltiga raderna med --skip-invalid.',
    en: 'Fix the file and run again, or import the valid rows with --skip-invalid.',
  },
  'err.siteNotOurs': {
    sv: 'Mappen {dir} finns och innehåller filer som ideas site inte skrev; inget skrevs: {files}',
    en: 'The folder {dir} exists and holds files that ideas site did not write; nothing was written: {files}',
  },
  'hint.siteNotOurs': {
    sv: 'Välj en annan mapp med --out, eller flytta filerna först. En tidigare webbplats från ideas site (med filen .ideas-site) ersätts utan fråga.',
    en: 'Choose another folder with --out, or move the files first. An earlier site from ideas site (with the file .ideas-site) is replaced without asking.',
  },
  'err.siteWriterStalled': {
    sv: 'Webbplatsen kunde inte skrivas: tråden som skriver sidorna har inte skrivit någon på en minut. Den tidigare webbplatsen är kvar som den var.',
    en: 'The site could not be written: the thread writing its pages has written none for a minute. The earlier site is kept as it was.',
  },
  'err.siteNotDir': {
    sv: '{dir} finns men är ingen mapp; inget skrevs.',
    en: '{dir} exists but is not a folder; nothing was written.',
  },
  'hint.ideaUnreadableHere': {
    sv: 'Se vad som är fel med `{command}`.',
    en: 'See what is wrong with `{command}`.',
  },
  'hint.stageMissing': {
    sv: 'Till exempel: {example}',
    en: 'For example: {example}',
  },
  'hint.importMapThese': {
    sv: 'Lägg till {maps} för att ta med dem (kontrollera först med --dry-run).',
    en: 'Add {maps} to take them in (check first with --dry-run).',
  },
  'hint.importMapAny': {
    sv: "Ta med en kolumn med --map '<kolumn>=<fält>'; fälten: {fields}.",
    en: "Take a column in with --map '<column>=<field>'; the fields: {fields}.",
  },
} as const satisfies Record<string, Localized>;
