/**
 * The help of the command line (`ideas --help`, `ideas <command> --help`): the program's and each command's and
 * option's description, in both languages, and the titles and words of commander's help around them. src/ui/help.ts
 * gives the descriptions by their names (helpText).
 */
import type { Localized } from '../i18n.js';

export const help = {
  'help.program': {
    sv: 'ideas: en idésluss i ett git-repo. Idéer är Markdown-filer, steg är mappar, kriterier är JSON Schema.',
    en: 'ideas: an idea sluice in a git repository. Ideas are Markdown files, stages are folders, criteria are JSON Schema.',
  },
  'help.optRegistry': {
    sv: 'idéslussens mapp (annars sökt uppåt från arbetsmappen; även IDEAS_REGISTRY)',
    en: "the registry's folder (otherwise searched upwards from the working directory; also IDEAS_REGISTRY)",
  },
  'help.optLang': { sv: 'språk för meddelanden: sv eller en', en: 'language of messages: sv or en' },
  'help.optNoInput': {
    sv: 'ställ aldrig frågor; saknade svar är ett fel',
    en: 'never prompt; missing answers are an error',
  },
  'help.optNoCache': {
    sv: 'läs varje idéfil, utan att använda eller skriva cachen i .git/ideas-cache',
    en: 'read every idea file, neither using nor writing the cache in .git/ideas-cache',
  },
  'help.optDebug': { sv: 'visa stackspår vid oväntade fel', en: 'show stack traces of unexpected errors' },
  'help.optJson': { sv: 'skriv ett JSON-dokument på stdout', en: 'print one JSON document on stdout' },
  'help.optVersion': { sv: 'visa versionen', en: 'show the version' },
  'help.optHelp': { sv: 'visa hjälp', en: 'show help' },
  'help.helpCommand': { sv: 'visa hjälp för ett kommando', en: 'show help for a command' },
  'help.init': {
    sv: 'skapa en idésluss: konfiguration, stegmappar, kriterieschema och ett CI-arbetsflöde',
    en: 'create a registry: config, stage folders, criteria schemas and a CI workflow',
  },
  'help.initDir': { sv: 'mappen (standard: arbetsmappen)', en: 'the folder (default: the working directory)' },
  'help.initTemplate': {
    sv: 'mall: sundsvall, helsingborg-kultur, skaraborg eller minimal (utan flaggan: frågar vid en terminal, annars minimal)',
    en: 'template: sundsvall, helsingborg-kultur, skaraborg or minimal (without it: asked at a terminal, else minimal)',
  },
  'help.initLang': {
    sv: 'idéslussens språk: sv (standard) eller en',
    en: "the registry's language: sv (default) or en",
  },
  'help.initCi': {
    sv: 'CI-filen att skriva: github (.github/workflows/ideas.yml), gitlab (.gitlab-ci.yml) eller none',
    en: 'the CI file to write: github (.github/workflows/ideas.yml), gitlab (.gitlab-ci.yml) or none',
  },
  'help.initNoCi': {
    sv: 'skriv ingen CI-fil (som --ci none)',
    en: 'write no CI file (the same as --ci none)',
  },
  'help.initPackage': {
    sv: 'vad CI installerar, låst till en version (standard: idesluss@<denna version>): idesluss@x.y.z, https://…/x.tgz, git+https://…#<commit-id> eller file:<sökväg>',
    en: 'what CI installs, pinned (default: idesluss@<this version>): idesluss@x.y.z, https://…/x.tgz, git+https://…#<commit id> or file:<path>',
  },
  'help.initCommit': {
    sv: 'spara den första versionen i git (git commit av exakt de skrivna filerna); kräver ett git-repo och user.name och user.email',
    en: 'save the first version in git (git commit of exactly the files written); needs a git repository and user.name and user.email',
  },
  'help.hook': {
    sv: 'git-krok som kontrollerar idéfilerna som ska checkas in, före varje commit',
    en: 'a git hook that checks the staged idea files before every commit',
  },
  'help.hookInstall': {
    sv: 'installera pre-commit-kroken (följer core.hooksPath)',
    en: 'install the pre-commit hook (follows core.hooksPath)',
  },
  'help.hookUninstall': {
    sv: 'ta bort pre-commit-kroken, om den kommer från ideas',
    en: 'remove the pre-commit hook, if it comes from ideas',
  },
  'help.hookForce': {
    sv: 'ersätt en annan krok; den sparas bredvid och kommer tillbaka vid uninstall',
    en: 'replace another hook; it is kept beside it and comes back on uninstall',
  },
  'help.new': { sv: 'registrera en ny idé i första steget', en: 'register a new idea in the first stage' },
  'help.newTitle': { sv: 'idéns namn', en: 'the name of the idea' },
  'help.newSet': {
    sv: 'sätt ett fält; värdet läses som fältet vill ha det, ja/nej, tal eller lista (kan upprepas)',
    en: 'set a field, typed by the schema (repeatable)',
  },
  'help.newBody': { sv: 'idéns text i Markdown', en: "the idea's text in Markdown" },
  'help.newBodyFile': {
    sv: 'läs idéns text från en fil (- för det som skickas in via en pipe; högst 5 MB)',
    en: "read the idea's text from a file (- for standard input; at most 5 MB)",
  },
  'help.newBy': {
    sv: 'vem som registrerar idén (skrivs i historiken)',
    en: 'who registers the idea (written in the history)',
  },
  'help.list': {
    sv: 'lista idéerna: id, titel, steg, ålder och idébärare',
    en: 'list the ideas: id, title, stage, age and carrier',
  },
  'help.listStage': {
    sv: 'bara idéer i detta steg (nyckel, mapp eller namn)',
    en: 'only ideas in this stage (key, folder or label)',
  },
  'help.listTag': { sv: 'bara idéer med denna tagg', en: 'only ideas with this tag' },
  'help.listFunds': {
    sv: 'visa beviljade medel i stället för idébäraren, och summan',
    en: 'show the funds granted instead of the carrier, and their total',
  },
  'help.show': { sv: 'visa en idé: fält, historik och text', en: 'show one idea: fields, history and text' },
  'help.showId': {
    sv: 'idéns id (eller bara dess slumpdel, eller filens sökväg)',
    en: "the idea's id (or only its random part, or the file's path)",
  },
  'help.validate': { sv: 'kontrollera idéfilerna och konfigurationen', en: 'check the idea files and the config' },
  'help.validatePaths': {
    sv: 'filer eller mappar att kontrollera (standard: alla)',
    en: 'files or folders to check (default: all)',
  },
  'help.validateFormat': {
    sv: 'utdata: pretty, json, github (annoteringar) eller junit (testrapport för CI)',
    en: 'output: pretty, json, github (annotations) or junit (a test report for CI)',
  },
  'help.validateStaged': {
    sv: 'idéfilerna som ska checkas in (git add), som pre-commit-kroken kontrollerar',
    en: 'the staged idea files, as the pre-commit hook checks them',
  },
  'help.validateIndexFile': {
    sv: 'git-indexet som --staged läser (kroken anger det som git gav den)',
    en: 'the git index --staged reads (the hook names the one git gave it)',
  },
  'help.validateStrict': { sv: 'varningar räknas som fel', en: 'warnings count as errors' },
  'help.diff': {
    sv: 'visa vad en ändring gör med idéslussen, och vilka regler den bryter',
    en: 'show what a change does to the sluice, and which rules it breaks',
  },
  'help.diffBase': {
    sv: 'revisionen att jämföra från (standard: grenpunkten mot standardgrenen); även a..b eller a...b',
    en: 'the revision to compare from (default: the merge base with the default branch); also a..b or a...b',
  },
  'help.diffHead': {
    sv: 'revisionen att jämföra med (standard: arbetskopian, även det som inte är incheckat)',
    en: 'the revision to compare with (default: the working tree, uncommitted changes included)',
  },
  'help.diffFormat': {
    sv: 'utdata: text, md (PR-kommentar, jobbsammanfattning), json, github (annoteringar) eller junit (testrapport för CI)',
    en: 'output: text, md (pull-request comment, job summary), json, github (annotations) or junit (a CI test report)',
  },
  'help.diffRules': {
    sv: 'Idéer känns igen på id:t i sin front matter, även när de flyttats och ändrats i samma commit.\nBasens konfiguration och kriterier är reglerna (slutkod 1 när någon bryts):\n  en flytt går till ett av stegets nästa steg och genom en öppen grind, om den inte är forced;\n  varje stegbyte har sin historikpost, även ett som konfigurationen orsakar; historiken byggs bara på,\n  i datumordning och inte efter i dag; medel beviljas bara in i ett steg med funding;\n  en ny idé börjar med created i första steget (eller imported med källa);\n  idéer tas inte bort (om inte allowDelete: true); ett id används bara en gång;\n  en ändring av konfigurationen eller kriterierna som släpper igenom mer, eller inte kan visas bara skärpa, är ett fel.\nForcerade flyttar, nya idéers flyttar och skärpta regler listas som varningar att granska.',
    en: "Ideas are recognised by the id in their front matter, also when moved and edited in one commit.\nThe base's config and criteria are the rules (exit 1 when one is broken):\n  a move goes to one of the stage's next stages and through an open gate, unless forced;\n  every stage change has its history entry, also one the config causes; history is only appended to,\n  in date order and not after today; money is granted only into a stage with funding;\n  a new idea starts with created in the first stage (or imported, with its source);\n  ideas are not removed (unless allowDelete: true); an id is used only once;\n  a change to the config or the criteria that lets more through, or cannot be shown to only tighten, is an error.\nForced moves, new ideas' moves and tightened rules are listed as warnings to review.",
  },
  'help.validateChanged': {
    sv: 'bara filer ändrade sedan basen (sammanfogningsbasen med standardgrenen), plus id:n i hela idéslussen',
    en: 'only files changed since the base (the merge base with the default branch), plus ids across the whole registry',
  },
  'help.validateBase': {
    sv: 'git-revisionen att jämföra med, t.ex. origin/main (innebär --changed)',
    en: 'the git revision to compare with, e.g. origin/main (implies --changed)',
  },
  'help.schema': {
    sv: 'skriv JSON Schema som en idé måste uppfylla, i ett fristående dokument för editorer',
    en: 'print the JSON Schema an idea must meet, as one self-contained document for editors',
  },
  'help.schemaStage': {
    sv: 'steget (nyckel, mapp eller namn); utan det: grundschemat för alla idéer',
    en: 'the stage (key, folder or label); without it: the base schema of every idea',
  },
  'help.schemaRegion': {
    sv: 'schemat för en regions ideas.region.yaml i stället (går att köra var som helst)',
    en: "the schema of a region's ideas.region.yaml instead (runs anywhere)",
  },
  'help.move': {
    sv: 'flytta en idé till ett annat steg, om grinden är öppen',
    en: 'move an idea to another stage, if the gate is open',
  },
  'help.moveStage': {
    sv: 'steget (utan det, i en terminal: välj bland nästa steg)',
    en: 'the stage (without it, at a terminal: choose among the next stages)',
  },
  'help.moveNote': { sv: 'en anteckning i historiken', en: 'a note in the history' },
  'help.decideBy': {
    sv: 'vem som beslutade, t.ex. ledamöterna: "Anna Ek, Bo Berg" (skrivs i historiken; annars Idérådet)',
    en: 'who decided, e.g. the members: "Anna Ek, Bo Berg" (written in the history; otherwise the idea council)',
  },
  'help.actorBy': {
    sv: 'vem som gör ändringen (skrivs i historiken; annars gits user.name)',
    en: "who makes the change (written in the history; otherwise git's user.name)",
  },
  'help.moveForce': {
    sv: 'flytta trots stängd grind; skrivs i historiken',
    en: 'move despite a closed gate; written in the history',
  },
  'help.moveCommit': { sv: 'gör också en git-commit av ändringen', en: 'also make a git commit of the change' },
  'help.decide': {
    sv: 'registrera idérådets beslut utan frågor',
    en: "record the idea council's decision without prompts",
  },
  // The decisions by their names in the catalogue (core/sluice/decision.ts), never spelled out a second time.
  'help.decideDecision': {
    sv: '{approve} (vidare), {return} (tillbaka med råd), {park} eller {reject}; också {others}',
    en: '{approve} (onwards), {return} (back with advice), {park} or {reject}; also {others}',
  },
  'help.decideReason': { sv: 'skälet, kort (krävs)', en: 'the reason, briefly (required)' },
  'help.decideSet': {
    sv: 'komplettera ett fält före beslutet, fält=värde (upprepa för flera); skrivs i historiken',
    en: 'complete a field before the decision, field=value (repeat for more); written in the history',
  },
  'help.decideConflict': {
    sv: 'ledamot med jäv: deltar inte i beslutet; historiken namnger hen under conflicts, inte under by (upprepa för flera)',
    en: 'a member with a conflict of interest: takes no part; the history names them under conflicts, not by (repeat for more)',
  },
  'help.decideAmount': {
    sv: 'beviljat belopp i kronor (steg med funding)',
    en: 'amount granted in kronor (stages with funding)',
  },
  'help.decideTo': {
    sv: 'steget, när beslutet inte ger det självt',
    en: 'the stage, when the decision does not imply it',
  },
  'help.assign': {
    sv: 'sätt idécoach eller idébärare; skrivs i historiken',
    en: 'set the coach or the carrier; written in the history',
  },
  'help.assignCoach': { sv: 'idécoachens namn', en: "the coach's name" },
  'help.assignCarrier': { sv: 'idébärarens namn', en: "the carrier's name" },
  'help.edit': {
    sv: 'ändra en idés fält eller text utan att redigera YAML; ändringar av idébärare, idécoach, belopp och beslut skrivs i historiken',
    en: "change an idea's fields or text without editing YAML; changes of carrier, coach, amounts and decisions are written in the history",
  },
  'help.editSet': {
    sv: 'sätt ett fält (värdet läses som fältet vill ha det, som i ideas new), eller en nyckel i en post (team_gender.women=3); upprepa för fler fält eller listvärden',
    en: 'set a field (typed by the schema, as in ideas new), or a key of a record (team_gender.women=3); repeat for more fields or list items',
  },
  'help.editUnset': { sv: 'ta bort ett fält; upprepa för fler', en: 'remove a field; repeat for more' },
  'help.editBody': { sv: 'ny text för idén (Markdown)', en: 'new text for the idea (Markdown)' },
  'help.editBodyFile': {
    sv: 'läs den nya texten från en fil (- för det som skickas in via en pipe; högst 5 MB)',
    en: 'read the new text from a file (- for stdin; at most 5 MB)',
  },
  'help.editNotes': {
    sv: 'Utan flaggor, i en terminal: välj bland fälten i idéns steg och i grindarna framåt, och skriv texten i din textredigerare ($VISUAL eller $EDITOR). Utan textredigerare skriver du texten direkt i terminalen, rad för rad: en tom rad börjar ett nytt stycke, två tomma rader i rad avslutar.',
    en: "Without flags, at a terminal: choose among the fields of the idea's stage and of the gates ahead, and write the text in your editor ($VISUAL or $EDITOR). Without an editor you type the text in the terminal, line by line: an empty line starts a new paragraph, two empty lines in a row end it.",
  },
  'help.review': {
    sv: 'håll idérådets möte: gå igenom idéerna som väntar på beslut',
    en: "hold the idea council's meeting: go through the ideas that wait for a decision",
  },
  'help.reviewStage': {
    sv: 'idéerna i detta steg (annars alla vars grind är öppen)',
    en: 'the ideas in this stage (otherwise all whose gate is open)',
  },
  'help.reviewBy': {
    sv: 'vem som beslutar, t.ex. ledamöterna: "Anna Ek, Bo Berg" (annars Idérådet)',
    en: 'who decides, e.g. the members: "Anna Ek, Bo Berg" (otherwise the idea council)',
  },
  'help.reviewIncludeParked': {
    sv: 'ta med parkerade idéer på dagordningen',
    en: 'put parked ideas on the agenda too',
  },
  'help.reviewConflict': {
    sv: 'jäv anmält före mötet: idé=namn (upprepa för flera); skrivs i protokollet',
    en: 'a conflict of interest (jäv) declared before the meeting: idea=name (repeat for more); in the minutes',
  },
  'help.reviewMinutes': {
    sv: 'skriv protokollet som Markdown till denna fil',
    en: 'write the minutes as Markdown to this file',
  },
  'help.reviewDryRun': {
    sv: 'visa bara vad mötet skulle gå igenom',
    en: 'only show what the meeting would go through',
  },
  'help.report': {
    sv: 'rapport: tratten, tid i steg, mål, beviljade medel och uppdelningar på fält',
    en: 'report: the funnel, time in stage, goals, funds granted and breakdowns by field',
  },
  'help.reportSince': {
    sv: 'periodens första dag (ÅÅÅÅ-MM-DD; standard: från början)',
    en: 'the first day of the period (YYYY-MM-DD; default: from the start)',
  },
  'help.reportUntil': {
    sv: 'periodens sista dag (ÅÅÅÅ-MM-DD; standard: i dag)',
    en: 'the last day of the period (YYYY-MM-DD; default: today)',
  },
  'help.reportBy': {
    sv: 'dela upp på ett fält, t.ex. unit, challenge eller municipality (kan upprepas)',
    en: 'break down by a field, such as unit, challenge or municipality (repeatable)',
  },
  'help.reportFormat': {
    sv: 'utdata: text, md (Markdown), json eller csv',
    en: 'output: text, md (Markdown), json or csv',
  },
  'help.optIncludePersonal': {
    sv: 'ta med personuppgifter och andra fält som inte är märkta som offentliga (x-public); bara för interna dokument',
    en: 'include personal data and other fields not marked x-public; for internal documents only',
  },
  'help.export': {
    sv: 'exportera idéerna som en tabell med en rad per idé: CSV för Excel, eller JSON',
    en: 'export the ideas as a table with one row per idea: CSV for Excel, or JSON',
  },
  'help.exportFormat': { sv: 'utdata: csv eller json', en: 'output: csv or json' },
  'help.exportStage': {
    sv: 'bara idéer i detta steg (nyckel, mapp eller namn)',
    en: 'only ideas in this stage (key, folder or label)',
  },
  'help.exportDelimiter': {
    sv: 'avgränsare i CSV, ett tecken eller tab (standard: ; i en svensk idésluss, annars ,)',
    en: 'the CSV delimiter, one character or tab (default: ; in a Swedish registry, otherwise ,)',
  },
  'help.import': {
    sv: 'importera idéer från ett kalkylark (CSV), en idé per rad',
    en: 'import ideas from a spreadsheet (CSV), one idea per row',
  },
  'help.importFile': {
    sv: 'CSV-filen: UTF-8, UTF-16 eller Windows-1252, med ; eller , som avgränsare',
    en: 'the CSV file: UTF-8, UTF-16 or Windows-1252, with ; or , as the delimiter',
  },
  'help.importMap': {
    sv: 'kolumn=fält: vilket fält en kolumn ger (kan upprepas; kolumn= hoppar över den)',
    en: 'column=field: the field a column gives (repeatable; column= skips it)',
  },
  'help.importStage': {
    sv: 'steget idéerna hamnar i (annars kolumnen stage, annars första steget)',
    en: 'the stage the ideas go into (otherwise the stage column, otherwise the first stage)',
  },
  'help.importDryRun': { sv: 'kontrollera bara raderna; skriv inget', en: 'only check the rows; write nothing' },
  'help.importSkipInvalid': {
    sv: 'importera de giltiga raderna och hoppa över dem med fel',
    en: 'import the valid rows and skip those with problems',
  },
  'help.importBy': { sv: 'vem som importerar (skrivs i historiken)', en: 'who imports (written in the history)' },
  'help.site': {
    sv: 'bygg en statisk webbplats av idéslussen: tavla, en sida per idé, tratten och målen (utan personuppgifter)',
    en: 'build a static website of the registry: a board, a page per idea, the funnel and the goals (without personal data)',
  },
  'help.siteOut': {
    sv: 'mappen för webbplatsen (standard: site/ i idéslussens rot); en tidigare webbplats där ersätts, andra filer vägrar den skriva över',
    en: "the site's folder (default: site/ in the registry's root); an earlier site there is replaced, other files are never overwritten",
  },
  'help.siteNotes': {
    sv: 'Webbplatsen är på idéslussens språk, fungerar utan server och utan JavaScript (filtren kräver det), och hämtar inget från andra värdar.\nIdéernas text visas utan rå HTML och utan skript. Publicera mappen med GitHub Pages eller vilken webbserver som helst.',
    en: "The site is in the registry's language, works without a server and without JavaScript (the filters need it), and loads nothing from other hosts.\nThe ideas' text is shown without raw HTML or scripts. Publish the folder with GitHub Pages or any web server.",
  },
  'help.region': {
    sv: 'en region av idéslussar: en vy över flera kommuners idéslussar, dubbletter mellan dem',
    en: "a region of sluices: one view over several municipalities' registries, duplicates across them",
  },
  'help.regionInit': {
    sv: 'skapa en region: ideas.region.yaml med namn, språk och medlemmar',
    en: 'create a region: ideas.region.yaml with its name, languages and members',
  },
  'help.regionAdd': {
    sv: 'lägg till en medlem i ideas.region.yaml: en kommuns idésluss i ett eget git-repo',
    en: "add a member to ideas.region.yaml: a municipality's registry in a git repository of its own",
  },
  'help.regionRemove': {
    sv: 'ta bort en medlem ur ideas.region.yaml, och det regionen hämtat av den (kommunens repo rörs inte)',
    en: "remove a member from ideas.region.yaml, and what the region fetched of it (the municipality's repository is not touched)",
  },
  'help.regionRemoveId': {
    sv: 'medlemmens id, som i ideas region list',
    en: "the member's id, as in ideas region list",
  },
  'help.regionAddId': {
    sv: 'medlemmens id: en kort nyckel (a-z, siffror, bindestreck) som namnger dess idéer, lidkoping:lidk-4k7q2x',
    en: "the member's id: a short key (a-z, digits, dashes) that names its ideas, lidkoping:lidk-4k7q2x",
  },
  'help.regionAddUrl': {
    sv: 'repots adress: https, ssh, git://, file:// eller en sökväg',
    en: "the repository's address: https, ssh, git://, file:// or a path",
  },
  'help.regionAddName': {
    sv: 'medlemmens namn, som vyerna visar (krävs)',
    en: "the member's name, as the views show it (required)",
  },
  'help.regionAddMunicipality': { sv: 'kommunkoden, till exempel 1494', en: 'the municipality code, 1494 for example' },
  'help.regionAddBranch': {
    sv: 'grenen (standard: repots standardgren)',
    en: "the branch (default: the repository's default branch)",
  },
  'help.regionAddPath': {
    sv: 'mappen med ideas.config.yaml i repot (standard: repots rot)',
    en: "the folder of ideas.config.yaml in the repository (default: the repository's top)",
  },
  'help.regionAddSite': {
    sv: 'medlemmens egen publicerade webbplats, om den har en',
    en: "the member's own published site, if it has one",
  },
  'help.regionInitDir': { sv: 'mappen (standard: arbetsmappen)', en: 'the folder (default: the working directory)' },
  'help.regionInitName': {
    sv: 'regionens namn (standard: mappens namn)',
    en: "the region's name (default: the folder's name)",
  },
  'help.regionSync': {
    sv: 'hämta varje medlems idésluss med git (grunt, bara läsning) till regionens cache',
    en: "fetch every member's registry with git (shallow, read-only) into the region's cache",
  },
  'help.regionSyncFormat': {
    sv: 'utdata: pretty, json eller github (anteckningar i GitHub Actions)',
    en: 'output: pretty, json or github (annotations in GitHub Actions)',
  },
  'help.regionJobs': {
    sv: 'hur många medlemmar som hämtas samtidigt (standard: 4)',
    en: 'how many members are fetched at once (default: 4)',
  },
  'help.regionMember': {
    sv: 'bara denna medlem (id i ideas.region.yaml); kan anges flera gånger',
    en: 'only this member (its id in ideas.region.yaml); may be given several times',
  },
  'help.regionList': {
    sv: 'lista idéerna i alla medlemmar, från senaste synken (fungerar utan nät)',
    en: 'list the ideas of every member, from the last sync (works offline)',
  },
  'help.regionStage': {
    sv: 'bara idéer i detta steg (dess namn eller nyckel, i någon medlem)',
    en: 'only ideas in this stage (its label or key, in any member)',
  },
  'help.regionShow': {
    sv: 'visa en idé i regionen, med kommun och hur gamla uppgifterna är',
    en: 'show an idea of the region, with its municipality and how old the data is',
  },
  'help.regionShowId': {
    sv: '<medlem>:<id>, eller ett id som bara en medlem har',
    en: '<member>:<id>, or an id only one member holds',
  },
  'help.regionDuplicates': {
    sv: 'hitta liknande idéer i olika kommuner (titel och text, med svensk ordstamning), rangordnade',
    en: 'find similar ideas in different municipalities (title and text, with Swedish stemming), ranked',
  },
  'help.regionMinScore': {
    sv: 'lägsta likhet att visa, 0 till 1 (standard: 0.3)',
    en: 'the lowest similarity shown, 0 to 1 (default: 0.3)',
  },
  'help.regionReport': {
    sv: 'tratten, tid i steget och målen per kommun och för regionen, från senaste synken',
    en: 'the funnel, time in stage and goals by municipality and for the region, from the last sync',
  },
  'help.regionReportFormat': {
    sv: 'utdata: text, md, json eller csv (en siffra per rad, medlemmen först)',
    en: 'output: text, md, json or csv (one figure a row, the member first)',
  },
  'help.regionReportBy': {
    sv: 'dela upp regionens idéer på ett publikt fält, t.ex. tags, challenge eller unit (kan upprepas)',
    en: "break the region's ideas down by a public field, such as tags, challenge or unit (repeatable)",
  },
  'help.regionExport': {
    sv: 'exportera idéerna i alla medlemmar som CSV eller JSON, med medlem och kommunkod (bara publika fält)',
    en: 'export the ideas of every member as CSV or JSON, with member and municipality code (public fields only)',
  },
  'help.regionSite': {
    sv: 'bygg en statisk webbplats över regionen: en sida per kommun och per idé, bara publika fält',
    en: 'build one static site over the region: a page per municipality and per idea, public fields only',
  },
  'help.regionSiteOut': {
    sv: 'webbplatsens mapp (standard: site/ i regionens rot); en tidigare webbplats där ersätts',
    en: "the site's folder (default: site/ in the region's root); an earlier site there is replaced",
  },
  'help.regionLimit': { sv: 'högst så många par (standard: 50)', en: 'at most this many pairs (default: 50)' },
  'help.regionTimeout': {
    sv: 'längsta tid i sekunder som hämtningen av en medlem får ta (standard: 120); sedan är medlemmen ett fynd',
    en: "the longest one member's fetch may take, in seconds (default: 120); then the member is a finding",
  },
  'help.adopt': {
    sv: 'ta över en testad idé från en annan kommun i regionen, som en ny idé här med källan angiven (basedOn)',
    en: 'take up a tested idea from another municipality of the region, as a new idea here naming its source (basedOn)',
  },
  'help.adoptRef': {
    sv: 'idén i regionen: medlem:id, som i ideas region show (läses från regionens senaste synk)',
    en: "the region's idea: member:id, as in ideas region show (read from the region's last sync)",
  },
  'help.adoptStage': {
    sv: 'steget idén börjar i (standard: första steget), genom stegets grind',
    en: "the stage the idea starts in (default: the first stage), through that stage's gate",
  },
  'help.adoptSet': {
    sv: 'sätt ett fält i den nya idén (upprepas), t.ex. --set unit="Hemtjänsten"',
    en: 'set a field of the new idea (repeatable), e.g. --set unit="Home care"',
  },
  'help.adoptBy': {
    sv: 'vem som tar över idén (skrivs i historiken)',
    en: 'who takes up the idea (written in the history)',
  },
  'help.adoptForce': {
    sv: 'ta över trots stängd grind, eller en idé som redan tagits över; skrivs i historiken',
    en: 'adopt despite a closed gate, or an idea adopted before; written in the history',
  },
  'help.exitCodes': {
    sv: 'Slutkoder: 0 klart, 1 idéslussen har problem, 2 kunde inte köras som angivet, 130 avbrutet.',
    en: 'Exit codes: 0 done, 1 the registry has problems, 2 could not run as asked, 130 cancelled.',
  },
  'help.examplesTitle': { sv: 'Exempel:', en: 'Examples:' },
  'help.choices': { sv: 'val', en: 'choices' },
  'help.title.usage': { sv: 'Användning:', en: 'Usage:' },
  'help.title.arguments': { sv: 'Argument:', en: 'Arguments:' },
  'help.title.options': { sv: 'Flaggor:', en: 'Options:' },
  'help.title.commands': { sv: 'Kommandon:', en: 'Commands:' },
  'help.title.globalOptions': { sv: 'Globala flaggor:', en: 'Global Options:' },
  'help.default': { sv: 'standard', en: 'default' },
} as const satisfies Record<string, Localized>;
