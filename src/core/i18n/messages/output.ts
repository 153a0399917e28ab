/** What commands print on success: results, counts, columns and ages. */
import type { Localized } from '../i18n.js';

export const output = {
  'format.date': { sv: 'ett datum (ÅÅÅÅ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  'format.date-time': { sv: 'en tidpunkt (ÅÅÅÅ-MM-DDTHH:MM:SSZ)', en: 'a date and time (YYYY-MM-DDTHH:MM:SSZ)' },
  'format.email': { sv: 'en e-postadress', en: 'an e-mail address' },
  'format.uri': { sv: 'en webbadress', en: 'a web address' },
  'out.valid': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: inga fel.',
    en: '{files#file|files} checked: no problems.',
  },
  'out.validWithWarnings': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: inga fel, {warnings#varning|varningar}.',
    en: '{files#file|files} checked: no errors, {warnings#warning|warnings}.',
  },
  'out.strictWarnings': {
    sv: 'Med --strict räknas varningarna som fel.',
    en: 'With --strict, the warnings count as errors.',
  },
  'out.invalid': {
    sv: '{files#fil kontrollerad|filer kontrollerade}: {errors} fel och {warnings#varning|varningar} i {bad#fil|filer}.',
    en: '{files#file|files} checked: {errors#error|errors} and {warnings#warning|warnings} in {bad#file|files}.',
  },
  'out.progress': { sv: 'Kontrollerar {done}/{total} filer', en: 'Checking {done}/{total} files' },
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
  'out.created': { sv: 'Skapade {path}', en: 'Created {path}' },
  'out.staged': { sv: '(tillagd i git med git add)', en: '(staged with git add)' },
  'out.stagedMany': { sv: '(tillagda i git med git add)', en: '(staged with git add)' },
  'out.similar': {
    sv: 'Liknande idéer finns redan; kanske ska ni prata med varandra:',
    en: 'Similar ideas exist already; perhaps you should talk to each other:',
  },
  'out.noIdeas': { sv: 'Inga idéer.', en: 'No ideas.' },
  // What a failed write to stdout names as the file it could not write (`> /dev/full`, a full disk).
  'out.standardOutput': { sv: 'kommandots utdata (stdout)', en: "the command's output (stdout)" },
  'out.ideaCount': { sv: '{count#idé|idéer}', en: '{count#idea|ideas}' },
  'out.unreadable': {
    sv: '{count#fil|filer} kunde inte läsas och visas inte; kör `ideas validate` för detaljer.',
    en: '{count#file|files} could not be read (not shown); run `ideas validate` for details.',
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
    sv: 'GitHub Actions: kontrollerar idéfilerna i varje pull request, med {package}',
    en: 'GitHub Actions: checks the idea files in every pull request, with {package}',
  },
  'out.ciWrittenGitlab': {
    sv: 'GitLab CI: kontrollerar idéfilerna i varje merge request, med {package}',
    en: 'GitLab CI: checks the idea files in every merge request, with {package}',
  },
  'out.ciExists': {
    sv: '{file} finns redan och skrevs inte över.',
    en: '{file} exists already and was not overwritten.',
  },
  'out.ciExistsGitlab': {
    sv: '{file} finns redan och skrevs inte över. Jobbet ideas att lägga till i den står i README för idesluss, under CI.',
    en: '{file} exists already and was not overwritten. The job ideas to add to it is in the README of idesluss, under CI.',
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
  'out.movedRecorded': {
    sv: '{id}: flytten {from} → {to}, som gjordes för hand, är nu skriven i historiken',
    en: '{id}: the move {from} → {to}, made by hand, is now written in the history',
  },
  'out.movedRecordedForced': {
    sv: '{id}: flytten {from} → {to}, som gjordes för hand trots stängd grind, är nu skriven i historiken',
    en: '{id}: the move {from} → {to}, made by hand despite a closed gate, is now written in the history',
  },
  'out.movedForced': {
    sv: '{id} flyttad trots stängd grind: {from} → {to} (skrivet i historiken)',
    en: '{id} moved despite a closed gate: {from} → {to} (written in the history)',
  },
  'out.committed': { sv: '(incheckad i git)', en: '(committed to git)' },
  'out.decided': { sv: '{id}: {decision} ({where})', en: '{id}: {decision} ({where})' },
  'out.assigned': { sv: '{id}: {changes}', en: '{id}: {changes}' },
  'out.unchanged': { sv: 'Inget att ändra.', en: 'Nothing to change.' },
  'out.importRowProblem': { sv: 'Rad {row}, kolumn {column}: {problem}', en: 'Row {row}, column {column}: {problem}' },
  'out.importRowProblemNoColumn': { sv: 'Rad {row}: {problem}', en: 'Row {row}: {problem}' },
  'out.importRefused': {
    sv: 'Inget importerades: {count#rad|rader} har fel.',
    en: 'Nothing was imported: {count#row has|rows have} problems.',
  },
  'out.importSkipped': { sv: 'Hoppade över {count#rad|rader} med fel.', en: 'Skipped {count#row|rows} with problems.' },
  'out.imported': {
    sv: 'Importerade {count#idé|idéer} från {file}{staged}.',
    en: 'Imported {count#idea|ideas} from {file}{staged}.',
  },
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
  'severity.error': { sv: 'fel', en: 'error' },
  'severity.warning': { sv: 'varning', en: 'warning' },
  'words.or': { sv: '{a} eller {b}', en: '{a} or {b}' },
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
  'out.siteWritten': {
    sv: 'Skrev webbplatsen till {dir}: {count#sida|sidor}. Öppna {index} i en webbläsare för att se den.',
    en: 'Wrote the site to {dir}: {count#page|pages}. Open {index} in a web browser to see it.',
  },
  'out.siteInternal': {
    sv: 'Den här webbplatsen innehåller personuppgifter: publicera den inte.',
    en: 'This site holds personal data: do not publish it.',
  },
  // On stderr, for the formats that cannot say it themselves (CSV, read by Excel and `ideas import`).
  'out.reportInternal': {
    sv: 'Den här rapporten innehåller personuppgifter: publicera den inte.',
    en: 'This report holds personal data: do not publish it.',
  },
  'out.exportInternal': {
    sv: 'Den här exporten innehåller personuppgifter: publicera den inte.',
    en: 'This export holds personal data: do not publish it.',
  },
  'out.importDryRunCounts': {
    sv: 'Provkörning av {file}: {created#ny idé|nya idéer} skulle skapas, {updated#idé|idéer} uppdateras och {unchanged#idé lämnas oförändrad|idéer lämnas oförändrade}; inget skrevs.',
    en: 'Dry run of {file}: {created#new idea|new ideas} would be created, {updated#idea|ideas} updated and {unchanged#idea|ideas} left unchanged; nothing was written.',
  },
  'out.importChanges': { sv: '  {id}: {fields}', en: '  {id}: {fields}' },
  'out.importWouldCreate': {
    sv: '  rad {row}: en ny idé i {stage}, "{title}" (id ges när den importeras)',
    en: '  row {row}: a new idea in {stage}, "{title}" (its id is given when it is imported)',
  },
  'out.importCleared': { sv: '{field} (tömt)', en: '{field} (emptied)' },
  'out.importedCounts': {
    sv: 'Från {file}: {created#ny idé skapad|nya idéer skapade}, {updated#idé uppdaterad|idéer uppdaterade} och {unchanged#idé oförändrad|idéer oförändrade}{staged}.',
    en: 'From {file}: {created#new idea|new ideas} created, {updated#idea|ideas} updated and {unchanged#idea|ideas} unchanged{staged}.',
  },
  'out.decidedFilled': { sv: 'Ifyllt före beslutet: {changes}', en: 'Filled in before the decision: {changes}' },
} as const satisfies Record<string, Localized>;
