/**
 * The command line's own contract: usage errors (what commander finds wrong with a command line) and the
 * placeholders of help (`<dir>`, `[options]`), in the language of the registry, so that nothing a coordinator sees
 * switches to English half-way.
 */
import type { Localized } from '../i18n.js';

export const contract = {
  'use.unknownOption': {
    sv: 'Okänd flagga {option}.',
    en: 'Unknown option {option}.',
  },
  'hint.optionAsSet': {
    sv: 'Ett fält sätts med {set}; se vad kommandot tar emot med `{help}`.',
    en: 'A field is set with {set}; see what the command takes with `{help}`.',
  },
  'use.unknownOptionSuggest': {
    sv: 'Okänd flagga {option}. Menade du {suggestion}?',
    en: 'Unknown option {option}. Did you mean {suggestion}?',
  },
  'use.unknownCommand': {
    sv: 'Okänt kommando "{command}".',
    en: 'Unknown command "{command}".',
  },
  'use.unknownCommandSuggest': {
    sv: 'Okänt kommando "{command}". Menade du {suggestion}?',
    en: 'Unknown command "{command}". Did you mean {suggestion}?',
  },
  'use.missingArgument': {
    sv: 'Argumentet {argument} saknas.',
    en: 'The argument {argument} is missing.',
  },
  'use.optionMissingValue': {
    sv: 'Flaggan {option} saknar ett värde.',
    en: 'The option {option} needs a value.',
  },
  'use.missingOption': {
    sv: 'Flaggan {option} måste anges.',
    en: 'The option {option} is required.',
  },
  'use.tooManyArguments': {
    sv: 'För många argument: väntade {expected}, fick {got}. Ett värde med mellanslag skrivs inom citattecken, till exempel --set "carrier=Anna Berg".',
    en: 'Too many arguments: expected {expected}, got {got}. A value with spaces goes in quotes, for example --set "carrier=Anna Berg".',
  },
  'use.badChoice': {
    sv: 'Flaggan {option} kan inte vara "{value}". Tillåtna val: {choices}.',
    en: 'The option {option} cannot be "{value}". Allowed choices: {choices}.',
  },
  'use.badValue': {
    sv: 'Flaggan {option} kan inte vara "{value}": {reason}',
    en: 'The option {option} cannot be "{value}": {reason}',
  },
  'use.other': { sv: '{message}', en: '{message}' },
  'hint.optionAfterCommand': {
    sv: 'Flaggan hör till kommandot och skrivs efter det: `{command}`.',
    en: 'The option belongs to the command and goes after it: `{command}`.',
  },
  'hint.usage': {
    sv: 'Se vad kommandot tar emot med `{help}`.',
    en: 'See what the command takes with `{help}`.',
  },
  'h.parkReason': { sv: 'Parkeras i stället för att tas bort', en: 'Parked rather than removed' },
  'init.commitMessage': { sv: 'Skapa idéslussen {name}', en: 'Create the idea registry {name}' },
  'out.initCd': { sv: 'gå till idéslussens mapp', en: "go to the registry's folder" },
  'out.initStaged': {
    sv: 'Filerna är tillagda i git (git add). Spara den första versionen:',
    en: 'The files are staged in git (git add). Save the first version:',
  },
  'out.initNotStaged': {
    sv: 'git lade inte till filerna. Lägg till dem (git add) och spara den första versionen:',
    en: 'git did not stage the files. Stage them and save the first version:',
  },
  'out.initNoGit': {
    sv: 'Mappen är inte i git än. Lägg idéslussen i git och spara den första versionen:',
    en: 'The folder is not in git yet. Put the registry in git and save the first version:',
  },
  'out.initCommitted': {
    sv: 'Sparade den första versionen i git (commit {commit}).',
    en: 'Saved the first version in git (commit {commit}).',
  },
  'out.initGitignore': {
    sv: 'håller webbplatsen från ideas site utanför git',
    en: 'keeps the site from ideas site out of git',
  },
  'err.initCommitNoRepo': {
    sv: '--commit sparar i git, men {dir} ligger inte i något git-repo. Inget skrevs.',
    en: '--commit saves in git, but {dir} is not in a git repository. Nothing was written.',
  },
  'hint.initCommitNoRepo': {
    sv: 'Skapa repot först med `{init}`, eller kör utan --commit.',
    en: 'Create the repository first with `{init}`, or run without --commit.',
  },
  'err.commitNoIdentity': {
    sv: 'git vet inte vem du är (user.name och user.email saknas), så --commit kan inte spara något. Inget skrevs. git föreslår:',
    en: 'git does not know who you are (user.name and user.email are not set), so --commit cannot save anything. Nothing was written. git suggests:',
  },
  'hint.commitNoIdentity': {
    sv: 'Kör raderna ovan med ditt namn och din e-post, eller kör utan --commit.',
    en: 'Run the lines above with your name and e-mail, or run without --commit.',
  },
  // Placeholders of help and usage lines, by the English word commander and the command table use.
  'ph.options': { sv: 'flaggor', en: 'options' },
  'ph.command': { sv: 'kommando', en: 'command' },
  'ph.dir': { sv: 'mapp', en: 'dir' },
  'ph.lang': { sv: 'språk', en: 'lang' },
  'ph.name': { sv: 'namn', en: 'name' },
  'ph.provider': { sv: 'leverantör', en: 'provider' },
  'ph.spec': { sv: 'paket', en: 'spec' },
  'ph.text': { sv: 'text', en: 'text' },
  'ph.key=value': { sv: 'nyckel=värde', en: 'key=value' },
  'ph.key': { sv: 'nyckel', en: 'key' },
  'ph.field=value': { sv: 'fält=värde', en: 'field=value' },
  'ph.idea=name': { sv: 'idé=namn', en: 'idea=name' },
  'ph.seconds': { sv: 'sekunder', en: 'seconds' },
  'ph.markdown': { sv: 'markdown', en: 'markdown' },
  'ph.file': { sv: 'fil', en: 'file' },
  'ph.stage': { sv: 'steg', en: 'stage' },
  'ph.tag': { sv: 'tagg', en: 'tag' },
  'ph.id': { sv: 'id', en: 'id' },
  'ph.decision': { sv: 'beslut', en: 'decision' },
  'ph.number': { sv: 'tal', en: 'number' },
  'ph.format': { sv: 'format', en: 'format' },
  'ph.ref': { sv: 'revision', en: 'ref' },
  'ph.member:id': { sv: 'medlem:id', en: 'member:id' },
  'ph.url': { sv: 'adress', en: 'url' },
  'ph.code': { sv: 'kod', en: 'code' },
  'ph.base': { sv: 'bas', en: 'base' },
  'ph.head': { sv: 'topp', en: 'head' },
  'ph.paths': { sv: 'sökvägar', en: 'paths' },
  'ph.date': { sv: 'datum', en: 'date' },
  'ph.field': { sv: 'fält', en: 'field' },
  'ph.char': { sv: 'tecken', en: 'char' },
  'ph.column=field': { sv: 'kolumn=fält', en: 'column=field' },
  'ph.template': { sv: 'mall', en: 'template' },
  'ph.message': { sv: 'meddelande', en: 'message' },
  'ph.value': { sv: 'värde', en: 'value' },
  'ph.question': { sv: 'fråga', en: 'question' },
  'ph.answer': { sv: 'svar', en: 'answer' },
  'init.comment.config': {
    sv: ' {name}: registrets konfiguration, läses av `ideas` och kontrolleras av `ideas validate`',
    en: " {name}: the registry's config, read by `ideas` and checked by `ideas validate`",
  },
  'init.comment.minGroupSize': {
    sv: ' Rapporter visar uppgifter om personer (fält märkta x-aggregate) bara för grupper om minst så här många idéer.',
    en: ' Reports show data about people (fields marked x-aggregate) only for groups of at least this many ideas.',
  },
  // The pre-commit hook `ideas hook install` writes: its comments, and what it says when it refuses a commit.
  'hook.about': {
    sv: 'Kontrollerar de köade idéfilerna med `ideas validate` före varje commit. Ta bort den med `ideas hook uninstall`;\n# hoppa över den en gång med `git commit --no-verify`. Installera om med `ideas hook install` om idéslussen flyttas.',
    en: 'Checks the staged idea files with `ideas validate` before every commit. Remove it with `ideas hook uninstall`;\n# skip it once with `git commit --no-verify`. Install it again with `ideas hook install` if the registry moves.',
  },
  'hook.staged': {
    sv: 'De köade idéfilerna (tillagda, kopierade, ändrade eller omdöpta); inga: inget att kontrollera, och Node startas inte.',
    en: 'The staged idea files (added, copied, modified or renamed); none: nothing to check, and Node is not started.',
  },
  'hook.passed': {
    sv: 'ideas läser själv listan över köade filer från git med -z, så att namn med tabbar, citattecken, radbrytningar\n# eller bytes som inte är UTF-8 kommer fram som de är: skalet tolkar inga filnamn.',
    en: 'ideas reads the list of staged files from git itself, with -z, so that names with tabs, quotes, line breaks or\n# bytes that are not UTF-8 arrive as they are: the shell parses no file names.',
  },
  'hook.found': {
    sv: 'Kommandot ideas: först det som installerade kroken, annars ideas på PATH, annars projektets eget (npx --no-install).',
    en: "The ideas command: first the one that installed the hook, then ideas on PATH, then the project's own (npx --no-install).",
  },
  'hook.noCli': {
    sv: 'ideas: hittar inte kommandot ideas, så idéfilerna kunde inte kontrolleras och inget checkades in. Installera ideas, eller ta bort kroken med: ideas hook uninstall',
    en: 'ideas: cannot find the ideas command, so the idea files could not be checked and nothing was committed. Install ideas, or remove the hook with: ideas hook uninstall',
  },
  'hook.refused': {
    sv: 'ideas: inget checkades in. Rätta idéfilerna ovan och köa dem igen (git add).',
    en: 'ideas: nothing was committed. Fix the idea files above and stage them again (git add).',
  },
} as const satisfies Record<string, Localized>;
