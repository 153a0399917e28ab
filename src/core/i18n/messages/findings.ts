/** Findings of `ideas validate` on files (f.*), their hints (h.*), and the names of types. */
import type { Localized } from '../i18n.js';

export const findings = {
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
  'f.configTooDeep': {
    sv: 'Filen är för djupt nästlad för att läsas.',
    en: 'The file is nested too deeply to be read.',
  },
  // What a YAML error is, by the yaml package's code (src/core/front-matter/yaml-read.ts): the {reason} above.
  'yaml.unclosedQuote': { sv: 'ett citattecken stängs aldrig', en: 'a quote is never closed' },
  'yaml.noValue': {
    sv: 'en rad som varken är nyckel: värde eller fortsätter raden ovanför (saknas ett kolon?)',
    en: 'a line that is neither key: value nor continues the line above (is a colon missing?)',
  },
  'yaml.missingChar': {
    sv: 'ett tecken saknas, som ett kommatecken mellan leden i [ ] eller { }, eller ett mellanslag efter : eller före #',
    en: 'a character is missing, such as a comma between the items in [ ] or { }, or a space after : or before #',
  },
  'yaml.aliasProps': {
    sv: 'ett alias (*namn) kan inte ha ett ankare eller en tagg',
    en: 'an alias (*name) cannot have an anchor or a tag',
  },
  'yaml.badAlias': {
    sv: 'ett alias (*namn) pekar inte på något ankare (&namn) före det',
    en: 'an alias (*name) points to no anchor (&name) before it',
  },
  'yaml.badDirective': { sv: 'en okänd eller felskriven rad med %', en: 'an unknown or malformed line with %' },
  'yaml.badEscape': {
    sv: 'en ogiltig kod med \\ i text inom "citattecken"',
    en: 'an invalid code with \\ in text in "double quotes"',
  },
  'yaml.badIndent': {
    sv: 'fel indrag: raden är indragen mer eller mindre än raderna den hör ihop med',
    en: 'wrong indentation: the line is indented more or less than the lines it belongs with',
  },
  'yaml.badPropOrder': { sv: 'ett ankare och en tagg i fel ordning', en: 'an anchor and a tag in the wrong order' },
  'yaml.badScalarStart': {
    sv: 'ett värde börjar med ett tecken som inte får inleda text utan citattecken (som @ eller `)',
    en: 'a value starts with a character that cannot begin text without quotes (such as @ or `)',
  },
  'yaml.blockAsKey': {
    sv: 'ett värde innehåller ": " eller har en indragen rad under sig; sätt texten inom citattecken eller ta bort indraget',
    en: 'a value holds ": " or has an indented line below it; put the text in quotes or remove the indentation',
  },
  'yaml.unclosedFlow': {
    sv: 'en lista i [ ] eller fält i { } stängs aldrig, eller fortsätter på en rad som inte är indragen',
    en: 'a list in [ ] or fields in { } are never closed, or go on on a line that is not indented',
  },
  'yaml.blockInFlow': {
    sv: 'en lista eller fält med indrag inuti [ ] eller { }',
    en: 'an indented list or fields inside [ ] or { }',
  },
  'yaml.impossible': { sv: 'texten går inte att läsa som YAML', en: 'the text cannot be read as YAML' },
  'yaml.longKey': { sv: 'en nyckel är längre än 1 024 tecken', en: 'a key is longer than 1,024 characters' },
  'yaml.multilineKey': {
    sv: 'en nyckel måste stå på en enda rad (saknas ett kolon, eller stängs ett citattecken aldrig?)',
    en: 'a key must be on a single line (is a colon missing, or a quote never closed?)',
  },
  'yaml.multipleAnchors': { sv: 'ett värde har mer än ett ankare (&)', en: 'a value has more than one anchor (&)' },
  'yaml.multipleDocs': {
    sv: 'mer än ett YAML-dokument i front matter',
    en: 'more than one YAML document in the front matter',
  },
  'yaml.multipleTags': { sv: 'ett värde har mer än en tagg (!)', en: 'a value has more than one tag (!)' },
  'yaml.nonStringKey': { sv: 'en nyckel som inte är text', en: 'a key that is not text' },
  'yaml.tabIndent': {
    sv: 'ett tabbtecken används som indrag; använd mellanslag',
    en: 'a tab is used for indentation; use spaces',
  },
  'yaml.unexpected': {
    sv: 'ett tecken på fel ställe (som : eller # i text utan citattecken, eller ett kommatecken för mycket)',
    en: 'a character out of place (such as : or # in text without quotes, or a comma too many)',
  },
  'yaml.badCollection': {
    sv: 'en lista eller fält av fel slag för sin tagg',
    en: 'a list or fields of the wrong kind for its tag',
  },
  'yaml.complexKey': {
    sv: 'en nyckel måste vara ett enda värde, inte en lista eller fält',
    en: 'a key must be a single value, not a list or a mapping',
  },
  'yaml.repeatedDirective': {
    sv: 'direktivet %YAML får bara anges en gång',
    en: 'the %YAML directive may only be given once',
  },
  'f.configNotMapping': {
    sv: 'Konfigurationen ska vara fält (nyckel: värde).',
    en: 'The config must be fields (key: value).',
  },
  'h.yamlQuote': {
    sv: 'Stäng citattecknet i slutet av värdet, eller ta bort det om värdet inte behöver det.',
    en: 'Close the quote at the end of the value, or remove it if the value does not need it.',
  },
  'h.yamlIndent': {
    sv: 'Dra in raden med lika många mellanslag som raderna den hör ihop med.',
    en: 'Indent the line with as many spaces as the lines it belongs with.',
  },
  'h.restoreCommitted': {
    sv: 'Eller ta tillbaka filen som den var vid den senaste incheckningen (det som ändrats sedan dess försvinner):',
    en: 'Or bring back the file as it was at the last commit (what changed since is lost):',
  },
  'h.yaml': {
    sv: 'Rätta YAML-syntaxen; citera text som innehåller : eller #.',
    en: 'Fix the YAML syntax; quote text that contains : or #.',
  },
  'f.duplicateKey': { sv: 'Nyckeln "{key}" förekommer mer än en gång.', en: 'The key "{key}" occurs more than once.' },
  'h.duplicateKey': { sv: 'Behåll en av dem.', en: 'Keep one of them.' },
  'f.forbiddenKey': {
    sv: 'Nyckeln "{key}" är inte tillåten: namnen __proto__, constructor och prototype används inte som fält.',
    en: 'The key "{key}" is not allowed: the names __proto__, constructor and prototype are not used as fields.',
  },
  'h.forbiddenKey': { sv: 'Byt namn på nyckeln eller ta bort den.', en: 'Rename the key or remove it.' },
  'f.unknownTag': { sv: 'Okänd YAML-tagg {tag}: taggar läses inte.', en: 'Unknown YAML tag {tag}: tags are not read.' },
  'f.tagValue': {
    sv: 'Värdet efter taggen {tag} är inte av taggens typ.',
    en: 'The value after the tag {tag} is not of its type.',
  },
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
  'f.fileNameChars': {
    sv: 'Filnamnet har tecken som inte hör hemma i ett filnamn (en tabb, en radbrytning, ett styrtecken eller bytes som inte är UTF-8); git citerar sådana namn och verktyg läser dem olika.',
    en: 'The file name has characters that do not belong in a file name (a tab, a line break, a control character or bytes that are not UTF-8); git quotes such names and tools read them differently.',
  },
  'h.fileNameChars': {
    sv: 'Döp om filen till idéns id och ett kort namn med bokstäver, siffror och bindestreck (git mv).',
    en: "Rename the file to the idea's id and a short name of letters, digits and hyphens (git mv).",
  },
  'f.historyStartAgain': {
    sv: 'Historikpost {n} börjar idén på nytt i ett steg ({action}); en idé börjar en gång, i sin första post.',
    en: 'History entry {n} starts the idea again in a stage ({action}); an idea starts once, in its first entry.',
  },
  'h.historyStartAgain': {
    sv: 'Ta bort posten. En flytt skrivs av `ideas move {idArg}`, ett beslut av ideas decide.',
    en: 'Remove the entry. A move is written by `ideas move {idArg}`, a decision by ideas decide.',
  },
  'f.historyStage': {
    sv: 'Historiken säger att idén senast flyttades till "{to}", men den ligger i mappen för "{stage}".',
    en: 'The history says the idea last moved to "{to}", but it sits in the folder of "{stage}".',
  },
  'h.historyStage': {
    sv: 'Mappen avgör steget. Skriv in flytten som gjordes för hand med `{command}`, som skriver den i historiken och låter filen stå kvar.',
    en: 'The folder decides the stage. Record the move made by hand with `{command}`, which writes it in the history and leaves the file where it is.',
  },
  'h.historyStageCouncil': {
    sv: 'Mappen avgör steget, och en flytt till {stage} är idérådets beslut. När rådet har beslutat skriver ideas decide {idArg} --decision godkänn --to {toWord} --reason "<rådets motivering>"{amount} in flytten, och filen står kvar; annars flytta tillbaka filen: `{back}`.',
    en: 'The folder decides the stage, and a move into {stage} is the idea council\'s decision. When the council has decided, ideas decide {idArg} --decision approve --to {toWord} --reason "<the council\'s reason>"{amount} records the move, and the file stays where it is; otherwise move the file back: `{back}`.',
  },
  'f.criteria': {
    sv: 'Uppfyller inte kraven för steget {stage}: {problem}',
    en: 'Does not meet the criteria of stage {stage}: {problem}',
  },
  'h.schema': { sv: 'Rätta fältet i filens front matter.', en: "Fix the field in the file's front matter." },
  'h.schemaFix': { sv: 'Rätta fältet:', en: 'Set the field right:' },
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
  'h.fileNameOtherId': {
    sv: 'Namnet säger id:t {named}. En idé behåller sitt id: har id:t ändrats, sätt tillbaka id: {named}; har filen fått fel namn, döp om den till {expected}.',
    en: 'The name says the id {named}. An idea keeps its id: if the id was changed, set id: {named} back; if the file was misnamed, rename it to {expected}.',
  },
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
  'f.moveNotNext': {
    sv: 'Flyttad {from} → {to}, men {from} leder inte dit (nästa steg: {next}).',
    en: 'Moved {from} → {to}, but {from} does not lead there (next stages: {next}).',
  },
  'h.moveNotNextByHand': {
    sv: 'Flytta tillbaka filen och flytta idén ett steg i taget, eller skriv in flytten som en tvingad flytt med `{command}`, som skriver forced: true i historiken.',
    en: 'Move the file back and move the idea one stage at a time, or record the move as a forced one with `{command}`, which writes forced: true in the history.',
  },
  'h.moveNotNext': {
    sv: 'Flytta ett steg i taget med `ideas move {idArg}`, eller med `ideas move {idArg} --force`, som skriver forced: true i historiken.',
    en: 'Move one stage at a time with `ideas move {idArg}`, or with `ideas move {idArg} --force`, which writes forced: true in the history.',
  },
  'f.moveNoHistory': {
    sv: 'Idén flyttades {from} → {to} utan någon post i historiken.',
    en: 'The idea moved {from} → {to} without an entry in its history.',
  },
  'h.moveNoHistory': {
    sv: 'Skriv in flytten med `{command}`, som skriver historikposten och låter filen stå kvar, eller lägg till posten (action: moved, from: {fromKey}, to: {toKey}).',
    en: 'Record the move with `{command}`, which writes the history entry and leaves the file where it is, or add the entry (action: moved, from: {fromKey}, to: {toKey}).',
  },
  'h.moveNoHistoryCouncil': {
    sv: 'En flytt till {to} är idérådets beslut. När rådet har beslutat skriver ideas decide {idArg} --decision godkänn --to {toWord} --reason "<rådets motivering>"{amount} in flytten, och filen står kvar; annars flytta tillbaka filen.',
    en: 'A move into {to} is the idea council\'s decision. When the council has decided, ideas decide {idArg} --decision approve --to {toWord} --reason "<the council\'s reason>"{amount} records the move, and the file stays where it is; otherwise move the file back.',
  },
  'f.moveFromMismatch': {
    sv: 'Historikposten säger {entryFrom} → {entryTo}, men idén stod i {current}.',
    en: 'The history entry says {entryFrom} → {entryTo}, but the idea was in {current}.',
  },
  'f.moveToMismatch': {
    sv: 'Historiken leder till {last}, men idén ligger i mappen för {to}.',
    en: 'The history leads to {last}, but the idea sits in the folder of {to}.',
  },
  'h.moveFromMismatch': {
    sv: 'Historikposten ska beskriva flytten: from är steget idén kom från, to steget den står i nu.',
    en: 'The history entry must describe the move: from is the stage the idea came from, to the stage it is in now.',
  },
  'h.moveMismatch': {
    sv: 'Historikposten ska beskriva flytten: from är steget idén kom från, to steget den står i nu. Flyttades filen för hand, skriv in flytten med `{command}`.',
    en: 'The history entry must describe the move: from is the stage the idea came from, to the stage it is in now. If the file was moved by hand, record the move with `{command}`.',
  },
  'h.moveMismatchCouncil': {
    sv: 'Historikposten ska beskriva flytten: from är steget idén kom från, to steget den står i nu. Flyttades filen för hand är flytten till {to} idérådets beslut: när rådet har beslutat skriver ideas decide {idArg} --decision godkänn --to {toWord} --reason "<rådets motivering>"{amount} in den.',
    en: 'The history entry must describe the move: from is the stage the idea came from, to the stage it is in now. If the file was moved by hand, the move into {to} is the idea council\'s decision: when the council has decided, ideas decide {idArg} --decision approve --to {toWord} --reason "<the council\'s reason>"{amount} records it.',
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
    sv: 'Idéer tas inte bort utan parkeras eller avslås. Återställ filen och parkera idén: `git checkout {base} -- {file} && ideas decide {idArg} -d parkera -r {reason}`. Sätt allowDelete: true i konfigurationen om borttagning ska vara tillåten.',
    en: 'Ideas are parked or rejected rather than removed. Restore the file and park the idea: `git checkout {base} -- {file} && ideas decide {idArg} -d park -r {reason}`. Set allowDelete: true in the config to allow removal.',
  },
  'f.idReused': {
    sv: 'Id:t {id} tillhörde en annan idé i {where}: "{title}", skapad {created}.',
    en: 'The id {id} belonged to another idea at {where}: "{title}", created {created}.',
  },
  'f.idReusedDeleted': {
    sv: 'Id:t {id} tillhörde idén {path}, som togs bort i {commit}.',
    en: 'The id {id} belonged to the idea {path}, which was removed in {commit}.',
  },
  'f.idChanged': {
    sv: 'Idén i filen har bytt id från {old} till {new}: en idé behåller sitt id.',
    en: 'The idea in the file changed its id from {old} to {new}: an idea keeps its id.',
  },
  'h.idChanged': {
    sv: 'Sätt tillbaka id: {old} i filen, eller ta tillbaka filen som den var: `git checkout {base} -- {file}` (då går filens andra ändringar förlorade).',
    en: 'Set id: {old} back in the file, or take the file back as it was: `git checkout {base} -- {file}` (its other changes are then lost).',
  },
  'h.idReused': {
    sv: 'Ett id används bara en gång. Ge idén ett nytt id; `ideas new` skapar unika id:n.',
    en: 'An id is used only once. Give the idea a new id; `ideas new` makes unique ids.',
  },
  'f.diffUnreadable': {
    sv: 'Filen kan inte läsas som en idé, så ändringen kan inte kontrolleras.',
    en: 'The file cannot be read as an idea, so the change cannot be checked.',
  },
  'f.decisionNoMove': {
    sv: 'Historikpost {n} säger beslutet {decision} men flyttar inte idén: ett sådant beslut flyttar den alltid.',
    en: 'History entry {n} records the decision {decision} but moves the idea nowhere: such a decision always moves it.',
  },
  'h.decisionNoMove': {
    sv: 'Ta bort posten och fatta beslutet med ideas decide, som flyttar idén och skriver posten i samma steg.',
    en: 'Remove the entry and record the decision with ideas decide, which moves the idea and writes the entry in one step.',
  },
  'f.diffBaseUnreadable': {
    sv: 'Filen kunde inte läsas som en idé i {base}, och dess historik här är inte skriven som där: ändringen kan inte kontrolleras mot den historik idén hade.',
    en: 'The file could not be read as an idea at {base}, and its history here is not written as it was there: the change cannot be checked against the history the idea had.',
  },
  'h.diffBaseUnreadable': {
    sv: 'Laga filen i en ändring för sig som lämnar historiken som den var skriven, och gör andra ändringar efter den.',
    en: 'Mend the file in a change of its own that leaves its history as it was written, and make other changes after it.',
  },
  'f.diffBaseMended': {
    sv: 'Filen kunde inte läsas som en idé i {base}; här går den att läsa, och dess historik står som den var skriven där.',
    en: 'The file could not be read as an idea at {base}; here it reads, and its history stands as it was written there.',
  },
  'h.diffBaseMended': {
    sv: 'Granska att resten av ändringen bara lagar filen.',
    en: 'Check that the rest of the change only mends the file.',
  },
  'h.diffUnreadable': {
    sv: 'Kör `ideas validate` för att se vad som är fel.',
    en: 'Run `ideas validate` to see what is wrong.',
  },
  'type.string': { sv: 'text', en: 'text' },
  'type.number': { sv: 'ett tal', en: 'a number' },
  'type.integer': { sv: 'ett heltal', en: 'a whole number' },
  'type.boolean': { sv: 'ja eller nej (i filen: true eller false)', en: 'yes or no (in the file: true or false)' },
  'type.array': { sv: 'en lista', en: 'a list' },
  'type.object': { sv: 'fält (nyckel: värde)', en: 'fields (key: value)' },
  'type.null': { sv: 'tomt', en: 'empty' },
  'f.historyChanged': {
    sv: 'Historikpost {n} ({date}, {action}) har ändrats: {changes}.',
    en: 'History entry {n} ({date}, {action}) was changed: {changes}.',
  },
  'f.createdRepaired': {
    sv: 'Skapad rättades från {old} till {new}: datumet var inget datum, eller låg efter i dag.',
    en: 'Created was set right from {old} to {new}: it was no date, or after today.',
  },
  'h.createdRepaired': {
    sv: 'Kontrollera att {new} är dagen idén kom in.',
    en: 'Check that {new} is the day the idea came in.',
  },
  'f.createdChanged': {
    sv: 'Datumet då idén registrerades (created) har ändrats från {old} till {new}.',
    en: 'The date the idea was registered (created) was changed from {old} to {new}.',
  },
  'f.decisionNoDecider': {
    sv: 'Historikpost {n} är ett beslut som ingen fattade: alla som skulle besluta anmälde jäv ({conflicts}).',
    en: 'History entry {n} is a decision no one took: everyone who was to decide declared a conflict of interest ({conflicts}).',
  },
  'h.decisionNoDecider': {
    sv: 'Ett beslut fattas av ledamöter utan jäv; ta upp idén igen när någon utan jäv kan besluta.',
    en: 'A decision is taken by members without a conflict of interest; take the idea up again when one can decide.',
  },
  'f.decisionConflicted': {
    sv: 'Historikpost {n} är ett beslut där {names} anmälde jäv men ändå står bland dem som beslutade.',
    en: 'History entry {n} is a decision in which {names} declared a conflict of interest, yet is named among those who took it.',
  },
  'h.decisionConflicted': {
    sv: 'Den som anmält jäv deltar inte i beslutet: ta bort namnet ur by, som ideas decide --conflict gör.',
    en: 'A member who declared a conflict of interest takes no part in the decision: take the name out of by, as ideas decide --conflict does.',
  },
  'f.nulValue': {
    sv: 'Fältet {field} innehåller ett NUL-tecken (tecken 0), som ingen text ska innehålla: en export skulle föra det vidare till kalkylbladet, och en import tar inte emot det.',
    en: 'The field {field} holds a NUL character (character 0), which no text should: an export would carry it into a spreadsheet, and an import refuses it.',
  },
  'h.nulValue': {
    sv: 'Ta bort tecknet ur värdet i filen (det står där som \\0, \\x00 eller \\u0000), eller skriv om fältet med ideas edit --set.',
    en: 'Take the character out of the value in the file (it is written there as \\0, \\x00 or \\u0000), or set the field anew with ideas edit --set.',
  },
  'f.nulKey': {
    sv: 'Nyckeln {field} innehåller ett NUL-tecken (tecken 0), som ingen text ska innehålla: en export skulle föra det vidare till kalkylbladet, och en import tar inte emot det.',
    en: 'The key {field} holds a NUL character (character 0), which no text should: an export would carry it into a spreadsheet, and an import refuses it.',
  },
  'h.nulKey': {
    sv: 'Byt namn på nyckeln i filen: ta bort tecknet (det står där som \\0, \\x00 eller \\u0000).',
    en: 'Rename the key in the file: take the character out (it is written there as \\0, \\x00 or \\u0000).',
  },
  'f.gluedComment': {
    sv: 'Texten "#{comment}" efter {field} läses som en kommentar, inte som en del av värdet: {field} är "{value}".',
    en: 'The text "#{comment}" after {field} is read as a comment, not as part of the value: {field} is "{value}".',
  },
  'h.gluedCommentFile': {
    sv: 'Ska texten höra till värdet, skriv värdet inom citattecken i filen: {key}: "{value} #{comment}"',
    en: 'If the text belongs to the value, write the value in quotes in the file: {key}: "{value} #{comment}"',
  },
  'h.gluedComment': {
    sv: 'Ska texten höra till värdet: {command}',
    en: 'If the text belongs to the value: {command}',
  },
  'f.createdFuture': {
    sv: 'Idén är skapad {created}, efter i dag ({today}): ingen rapport räknar den förrän dess.',
    en: 'The idea was created {created}, after today ({today}): no report counts it until then.',
  },
  'h.createdFuture': {
    sv: "Rätta datumet: ideas edit {idArg} --set 'created=<ÅÅÅÅ-MM-DD>'",
    en: "Set the date right: ideas edit {idArg} --set 'created=<YYYY-MM-DD>'",
  },
  'f.fieldMisspelled': {
    sv: 'Fältet "{key}" finns inte i kriterierna och läses inte; menade du {field}?',
    en: 'The field "{key}" is not in the criteria and is not read; did you mean {field}?',
  },
  'h.fieldMisspelled': {
    sv: 'Är det fältet som menas, byt namn på raden "{key}:" till "{name}:" i filen; är "{key}" ett eget fält, låt det vara.',
    en: 'If that field is meant, rename the line "{key}:" to "{name}:" in the file; if "{key}" is a field of its own, leave it.',
  },
  'h.fieldMisspelledMove': {
    sv: 'Flytta värdet dit det läses: {command}',
    en: 'Move the value where it is read: {command}',
  },
  'f.fieldTwin': {
    sv: 'Fältet "{key}" finns inte i kriterierna och läses inte; fältet heter {field} och finns redan i filen.',
    en: 'The field "{key}" is not in the criteria and is not read; the field is {field}, which the file has already.',
  },
  'h.fieldTwin': {
    sv: 'Ta bort "{key}" om det inte behövs: {command}',
    en: 'Remove "{key}" if it is not needed: {command}',
  },
  'f.assignedMismatch': {
    sv: 'Historiken säger att {field} sattes till {said}, men fältet är {value}.',
    en: 'The history says {field} was set to {said}, but the field is {value}.',
  },
  'h.assignedMismatch': {
    sv: 'Ändra fältet med ideas edit eller ideas assign, som skriver både fältet och historikposten; eller ta bort posten.',
    en: 'Change the field with ideas edit or ideas assign, which write both the field and the history entry; or remove the entry.',
  },
  'h.createdChanged': {
    sv: 'Registreringsdatumet hör till idéns historik och skrivs inte om: sätt tillbaka {old}.',
    en: "The registration date is part of the idea's record and is not rewritten: put {old} back.",
  },
  'f.criteriaOverridden': {
    sv: 'Står i steget {stage} genom ett undantag från stängd grind ({who}, {date}); saknas: {problem}',
    en: 'Stands in stage {stage} on an override of a closed gate ({who}, {date}); missing: {problem}',
  },
  'h.criteriaOverridden': {
    sv: 'Ett medvetet undantag (forcerat enligt historiken), inget fel: komplettera idén när det går. `ideas validate --strict` räknar detta som fel tills idén lämnar steget.',
    en: 'A decision, not an error: complete the idea when you can. `ideas validate --strict` counts this as an error until the idea leaves the stage.',
  },
} as const satisfies Record<string, Localized>;
