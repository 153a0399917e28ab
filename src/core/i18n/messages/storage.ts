/** The file system's refusals (a full disk, a read-only folder), the write lock, and commands cut short. */
import type { Localized } from '../i18n.js';

export const storage = {
  'err.fsNoSpace': {
    sv: 'Disken är full: det finns inte plats att skriva {file}.',
    en: 'The disk is full: there is no room to write {file}.',
  },
  'hint.fsNoSpace': {
    sv: 'Frigör utrymme på disken (eller be om större kvot) och kör kommandot igen.',
    en: 'Free some space on the disk (or ask for a larger quota) and run the command again.',
  },
  'err.fsReadOnly': {
    sv: '{file} ligger på ett skrivskyddat filsystem och kan inte ändras.',
    en: '{file} is on a read-only file system and cannot be changed.',
  },
  'hint.fsReadOnly': {
    sv: 'Kör kommandot i en kopia av idéslussen som du kan skriva i, eller be IT göra mappen skrivbar.',
    en: 'Run the command in a copy of the registry you can write to, or ask IT to make the folder writable.',
  },
  'err.fsDenied': {
    sv: 'Du har inte behörighet att ändra {file}.',
    en: 'You do not have permission to change {file}.',
  },
  'hint.fsDenied': {
    sv: 'Be den som förvaltar mappen om skrivrätt (eller ta bort skrivskyddet med chmod u+w om det är ditt), och kör igen.',
    en: 'Ask whoever manages the folder for write access (or remove the protection with chmod u+w if it is yours), then run again.',
  },
  'err.fsIsDir': {
    sv: '{file} är en mapp, men här behövs en fil.',
    en: '{file} is a folder, but a file is needed here.',
  },
  'err.fsNotDir': {
    sv: 'En del av sökvägen {file} är en fil, men här behövs en mapp.',
    en: 'Part of the path {file} is a file, but a folder is needed here.',
  },
  'err.fsExists': {
    sv: '{file} finns redan och skrivs inte över.',
    en: '{file} already exists and is not overwritten.',
  },
  'err.fsMissing': { sv: '{file} finns inte.', en: '{file} does not exist.' },
  'err.fsTooManyOpen': {
    sv: 'För många öppna filer för att öppna {file}.',
    en: 'Too many open files to open {file}.',
  },
  'hint.fsTooManyOpen': {
    sv: 'Stäng andra program, eller höj gränsen (ulimit -n), och kör igen.',
    en: 'Close other programs, or raise the limit (ulimit -n), and run again.',
  },
  'err.fsBusy': {
    sv: '{file} används av ett annat program just nu.',
    en: '{file} is in use by another program right now.',
  },
  'hint.fsBusy': {
    sv: 'Stäng programmet som har filen öppen och kör igen.',
    en: 'Close the program that has the file open and run again.',
  },
  'err.fsIo': {
    sv: 'Disken kunde inte läsa eller skriva {file} (I/O-fel).',
    en: 'The disk could not read or write {file} (I/O error).',
  },
  // Why a file could not be read (src/io/fs-error.ts, readReason): the {reason} of err.readFile and its kin; the last
  // for any code without words of its own, read or written.
  'read.denied': {
    sv: 'du har inte behörighet att läsa den',
    en: 'you do not have permission to read it',
  },
  'read.missing': { sv: 'den finns inte', en: 'it does not exist' },
  'read.isDir': { sv: 'det är en mapp, inte en fil', en: 'it is a folder, not a file' },
  'read.notDir': {
    sv: 'en del av sökvägen är en fil, inte en mapp',
    en: 'a part of its path is a file, not a folder',
  },
  'read.io': {
    sv: 'disken kunde inte läsa den (I/O-fel)',
    en: 'the disk could not read it (I/O error)',
  },
  'read.tooManyOpen': { sv: 'för många filer är öppna', en: 'too many files are open' },
  'read.loop': {
    sv: 'dess symboliska länkar pekar på varandra i en ring',
    en: 'its symbolic links point at each other in a loop',
  },
  'read.nameTooLong': { sv: 'sökvägen är för lång', en: 'the path is too long' },
  'read.busy': { sv: 'den används av ett annat program', en: 'another program is using it' },
  'read.tooLarge': { sv: 'den är för stor för att läsas', en: 'it is too large to be read' },
  'read.notRegular': {
    sv: 'det är ingen vanlig fil (en FIFO eller en enhet)',
    en: 'it is not a regular file (a FIFO or a device)',
  },
  'fs.systemAnswered': { sv: 'systemet svarade {code}', en: 'the system answered {code}' },
  'hint.fsIo': {
    sv: 'Disken eller nätverksenheten kan vara trasig eller frånkopplad; be IT kontrollera den innan du kör igen.',
    en: 'The disk or network drive may be failing or disconnected; ask IT to check it before running again.',
  },
  'err.fsNameTooLong': { sv: 'Sökvägen {file} är för lång.', en: 'The path {file} is too long.' },
  'err.fsLoop': {
    sv: 'Sökvägen {file} går i cirkel genom symboliska länkar.',
    en: 'The path {file} goes round in circles through symbolic links.',
  },
  'err.fsCrossDevice': {
    sv: '{file} ligger på ett annat filsystem än idéslussen, och kan inte flyttas dit i ett steg.',
    en: '{file} is on another file system than the registry, and cannot be moved there in one step.',
  },
  'hint.locked': {
    sv: 'Kör inget ideas-kommando just nu (på den datorn) kan låset vara kvar efter ett avbrott: ta då bort mappen {lock}.',
    en: 'If no ideas command is running (on that computer), the lock may be left from a crash: then remove the folder {lock}.',
  },
  'err.recover': {
    sv: 'Ett avbrutet ideas-kommando ({what}) kunde inte slutföras: {reason}',
    en: 'An interrupted ideas command ({what}) could not be finished: {reason}',
  },
  'hint.recover': {
    sv: 'Åtgärda felet och kör kommandot igen; det avbrutna slutförs då först. Vad som återstår står i {journal}.',
    en: 'Fix the problem and run the command again; the interrupted one is finished first. What remains is in {journal}.',
  },
  'recover.move': {
    sv: 'Slutförde en avbruten flytt: {file}.',
    en: 'Finished an interrupted move: {file}.',
  },
  'recover.rewrite': {
    sv: 'Slutförde en avbruten ändring: {file}.',
    en: 'Finished an interrupted change: {file}.',
  },
  'recover.import': {
    sv: 'En import avbröts innan den var klar; den är ångrad ({count#idé borttagen|idéer borttagna}). Kör importen igen.',
    en: 'An import was cut short before it finished; it was undone ({count#idea|ideas} removed). Run the import again.',
  },
  'what.move': { sv: 'flytt av {file}', en: 'move of {file}' },
  'what.rewrite': { sv: 'ändring av {file}', en: 'change of {file}' },
  'what.import': { sv: 'import av {count#idé|idéer}', en: 'import of {count#idea|ideas}' },
  'err.unfinishedMove': {
    sv: 'Idén {id} har ett avbrutet steg: dess senaste post säger att den flyttades till {to}, men den ligger kvar i mappen för {stage}.',
    en: 'The idea {id} has a move cut short: its last entry says it moved to {to}, but it is still in the folder of {stage}.',
  },
  'hint.unfinishedMove': {
    sv: 'Slutför flytten med `ideas move {id} {to}` (ingen ny post skrivs), och försök sedan igen.',
    en: 'Finish the move with `ideas move {id} {to}` (no second entry is written), then try again.',
  },
  'h.historyStageUnfinished': {
    sv: 'En flytt som avbröts: slutför den med `ideas move {id} {to}` (ingen ny post skrivs). Flyttades filen tillbaka för hand efter en incheckad flytt, skriv i stället in den flytten med `{command}`.',
    en: 'A move that was cut short: finish it with `ideas move {id} {to}` (no second entry is written). If the file was moved back by hand after a committed move, record that move instead with `{command}`.',
  },
  'err.siteOutRoot': {
    sv: '{dir} är roten av ett filsystem; webbplatsen skrivs inte dit (mappen ersätts helt). Inget skrevs.',
    en: '{dir} is the root of a file system; the site is not written there (the folder is replaced whole). Nothing was written.',
  },
  'err.siteOutRegistry': {
    sv: '{dir} innehåller idéslussen ({root}); webbplatsen skrivs inte dit (mappen ersätts helt). Inget skrevs.',
    en: '{dir} holds the registry ({root}); the site is not written there (the folder is replaced whole). Nothing was written.',
  },
  'err.siteOutGit': {
    sv: '{dir} ligger i git-mappen; webbplatsen skrivs inte dit. Inget skrevs.',
    en: '{dir} is inside the git folder; the site is not written there. Nothing was written.',
  },
  'err.siteOutIdeas': {
    sv: '{dir} ligger bland idéernas stegmappar; webbplatsen skrivs inte dit. Inget skrevs.',
    en: '{dir} is among the stage folders of the ideas; the site is not written there. Nothing was written.',
  },
  'hint.siteOut': {
    sv: 'Välj en egen mapp för webbplatsen, till exempel --out site.',
    en: 'Choose a folder of its own for the site, for example --out site.',
  },
} as const satisfies Record<string, Localized>;
