/** A region of sluices: `ideas region …`, its config, sync and duplicates. */
import type { Localized } from '../i18n.js';

export const region = {
  'err.regionInvalid': {
    sv: '{file} går inte att använda ({count#problem|problem}).',
    en: '{file} cannot be used ({count#problem|problems}).',
  },
  'hint.regionInvalid': {
    sv: 'Rätta raderna ovan i ideas.region.yaml. Formatet, fält för fält: ideas schema --region (även för en editor).',
    en: 'Fix the lines above in ideas.region.yaml. The format, field by field: ideas schema --region (for an editor too).',
  },
  'region.rule.duplicateId': {
    sv: 'medlemmen "{id}" finns redan (medlem {other}); varje medlem behöver ett eget id',
    en: 'member "{id}" is already listed (member {other}); each member needs its own id',
  },
  'region.rule.duplicatePlace': {
    sv: 'medlemmen "{id}" pekar på samma repo, gren och mapp som "{other}"',
    en: 'member "{id}" points at the same repository, branch and folder as "{other}"',
  },
  'err.notRegion': {
    sv: 'Ingen region här: hittade ingen ideas.region.yaml i {dir} eller ovanför.',
    en: 'No region here: found no ideas.region.yaml in {dir} or above.',
  },
  'hint.notRegion': {
    sv: 'Gå till regionens mapp, ange den med -C <mapp>, eller skapa en med "ideas region init".',
    en: 'Go to the region\'s folder, name it with -C <dir>, or make one with "ideas region init".',
  },
  'err.regionNotGit': {
    sv: 'Regionen i {dir} ligger inte i ett git-repo.',
    en: 'The region in {dir} is not in a git repository.',
  },
  'hint.regionNotGit': {
    sv: 'Regionen sparar medlemmarnas data under .git/. Kör "git init" i mappen.',
    en: 'The region keeps its members\' data under .git/. Run "git init" in the folder.',
  },
  'err.regionNotFile': {
    sv: '{file} är ingen vanlig fil (en symbolisk länk, en mapp eller en enhet) och läses inte: en region läses bara ur en vanlig fil.',
    en: '{file} is not a regular file (a symbolic link, a folder or a device) and is not read: a region is read only from a regular file.',
  },
  'err.regionTooLarge': {
    sv: '{file} är större än {max} MB och läses inte; en regionfil är några kilobyte.',
    en: '{file} is larger than {max} MB and is not read; a region file is a few kilobytes.',
  },
  'err.regionExists': {
    sv: 'Det finns redan en region här: {file}.',
    en: 'There is a region here already: {file}.',
  },
  'hint.regionExists': {
    sv: 'Lägg till medlemmar i filen, eller välj en annan mapp.',
    en: 'Add members to the file, or choose another folder.',
  },
  'err.regionJobs': {
    sv: '--jobs måste vara ett heltal från 1 till {max}, inte "{value}".',
    en: '--jobs must be a whole number from 1 to {max}, not "{value}".',
  },
  'err.regionNoMember': {
    sv: 'Regionen har ingen medlem "{member}". Medlemmar: {members}.',
    en: 'The region has no member "{member}". Members: {members}.',
  },
  'err.schemaRegionStage': {
    sv: '--region skriver schemat för regionens fil, som inte har några steg: ta bort --stage {stage}.',
    en: "--region prints the schema of the region's file, which has no stages: leave out --stage {stage}.",
  },
  'err.regionNoMembers': {
    sv: 'Regionen har ingen medlem "{member}": den har inga medlemmar än.',
    en: 'The region has no member "{member}": it has no members yet.',
  },
  'hint.regionNoMembers': {
    sv: 'Lägg till en medlem under members: i {file} (id, name och url för medlemmens git-repo) och kör sedan ideas region sync.',
    en: "Add a member under members: in {file} (id, name and the url of the member's git repository), then run ideas region sync.",
  },
  'err.regionIdeaNotFound': {
    sv: 'Ingen idé "{id}" i regionen (enligt senaste synken).',
    en: 'No idea "{id}" in the region (as of the last sync).',
  },
  'hint.regionIdeaNotFound': {
    sv: 'Se alla idéer med "ideas region list", eller hämta det senaste med "ideas region sync".',
    en: 'See every idea with "ideas region list", or fetch the latest with "ideas region sync".',
  },
  'err.regionAmbiguous': {
    sv: 'Id:t "{id}" finns hos flera medlemmar: {members}.',
    en: 'The id "{id}" is held by several members: {members}.',
  },
  'hint.regionAmbiguous': {
    sv: 'Ange medlemmen, till exempel: "ideas region show {example}".',
    en: 'Name the member, for example: "ideas region show {example}".',
  },
  'err.regionNeverSynced': {
    sv: 'Regionen har inte synkats än: det finns inga data om medlemmarna.',
    en: 'The region has not been synced yet: there is no data about its members.',
  },
  'hint.regionNeverSynced': {
    sv: 'Kör "ideas region sync" först.',
    en: 'Run "ideas region sync" first.',
  },
  'err.regionThreshold': {
    sv: '--min-score måste vara ett tal från 0 till 1, inte "{value}".',
    en: '--min-score must be a number from 0 to 1, not "{value}".',
  },
  'err.regionLimit': {
    sv: '--limit måste vara ett heltal större än 0, inte "{value}".',
    en: '--limit must be a whole number above 0, not "{value}".',
  },
  'region.problem.fetch': {
    sv: 'kunde inte hämtas med git: {reason}',
    en: 'could not be fetched with git: {reason}',
  },
  'region.problem.noRegistry': {
    sv: 'har ingen {file} i mappen {path}',
    en: 'has no {file} in the folder {path}',
  },
  'region.problem.noRegistryTop': {
    sv: 'har ingen {file} i repots översta mapp',
    en: 'has no {file} at the top of the repository',
  },
  'region.problem.config': {
    sv: 'har en ideas.config.yaml som inte går att använda: {reason}',
    en: 'has an ideas.config.yaml that cannot be used: {reason}',
  },
  'region.problem.criteriaMissing': {
    sv: 'saknar kriteriefilen {file}',
    en: 'lacks the criteria file {file}',
  },
  'region.problem.criteriaInvalid': {
    sv: 'har en kriteriefil som inte går att läsa: {file} ({reason})',
    en: 'has a criteria file that cannot be read: {file} ({reason})',
  },
  'region.finding.member': {
    sv: 'Medlemmen {member} {problem}.',
    en: 'Member {member} {problem}.',
  },
  'region.finding.kept': {
    sv: 'Regionen behåller medlemmens senaste fungerande data, från {date} (commit {commit}).',
    en: "The region keeps the member's last good data, from {date} (commit {commit}).",
  },
  'region.finding.none': {
    sv: 'Regionen har inga data om medlemmen än. Kontrollera url, gren och mapp i ideas.region.yaml.',
    en: 'The region has no data about the member yet. Check its url, branch and path in ideas.region.yaml.',
  },
  'region.finding.unreadable': {
    sv: 'Medlemmen {member}: filen {path} går inte att läsa som en idé ({reason}) och är utelämnad.',
    en: 'Member {member}: the file {path} cannot be read as an idea ({reason}) and is left out.',
  },
  'region.finding.clash': {
    sv: 'Id:t {id} finns hos flera medlemmar: {members}.',
    en: 'The id {id} is held by several members: {members}.',
  },
  'region.finding.clashHint': {
    sv: 'Varje idésluss behöver ett eget idPrefix i ideas.config.yaml; en idé från en annan kommun registreras som en ny idé i den egna slussen, inte som en kopia av filen.',
    en: "Each sluice needs its own idPrefix in ideas.config.yaml; an idea from another municipality is registered as a new idea of one's own sluice, not as a copy of its file.",
  },
  'region.init.done': { sv: 'Skapade regionen {file}.', en: 'Made the region {file}.' },
  'region.init.git': { sv: 'Mappen är nu ett git-repo.', en: 'The folder is now a git repository.' },
  'region.init.next': {
    sv: 'Nästa steg: lägg till medlemmarna, en i taget med ideas region add (se ideas region add --help), och kör "ideas region sync".',
    en: 'Next: add the members, one at a time with ideas region add (see ideas region add --help), and run "ideas region sync".',
  },
  'region.add.done': {
    sv: 'La till medlemmen {id} ({name}) i {file}.',
    en: 'Added the member {id} ({name}) to {file}.',
  },
  'region.add.next': {
    sv: 'Hämta den med "ideas region sync --member {idArg}".',
    en: 'Fetch it with "ideas region sync --member {idArg}".',
  },
  'region.add.sameName': {
    sv: 'namnet "{value}" används redan av {members}; är det samma kommun två gånger?',
    en: 'the name "{value}" is already used by {members}; is it the same municipality twice?',
  },
  'region.add.sameMunicipality': {
    sv: 'kommunkoden {value} används redan av {members}; är det samma kommun två gånger?',
    en: 'the municipality code {value} is already used by {members}; is it the same municipality twice?',
  },
  'err.regionAddExists': {
    sv: 'Medlemmen {id} finns redan i {file}; inget ändrades. Ska den ändras: ta bort den med "ideas region remove {id}" och lägg till den igen.',
    en: 'The member {id} is already in {file}; nothing changed. To change it: remove it with "ideas region remove {id}" and add it again.',
  },
  'err.regionAddName': {
    sv: 'Medlemmen {id} behöver ett namn: --name.',
    en: 'The member {id} needs a name: --name.',
  },
  'hint.regionAddName': {
    sv: 'Namnet visas i regionens vyer och på dess webbplats, till exempel kommunens: --name "Lidköpings kommun".',
    en: 'The name is shown in the region\'s views and on its site, the municipality\'s for example: --name "Lidköping Municipality".',
  },
  'err.regionAddInvalid': {
    sv: 'Medlemmen {id} kan inte läggas till; ideas.region.yaml är som förut.',
    en: 'The member {id} cannot be added; ideas.region.yaml is as it was.',
  },
  'region.remove.done': {
    sv: 'Tog bort medlemmen {id} ({name}) ur {file}, och det regionen hade hämtat av den. Kommunens eget repo är orört.',
    en: "Removed the member {id} ({name}) from {file}, and what the region had fetched of it. The municipality's own repository is untouched.",
  },
  'region.remove.undo': {
    sv: 'Ångra med `{command}`.',
    en: 'To undo it: `{command}`.',
  },
  'region.sync.progress': {
    sv: 'Synkar medlemmar: {done} av {total}',
    en: 'Syncing members: {done} of {total}',
  },
  'region.sync.updated': {
    sv: '{member}: {ideas#idé|idéer}, commit {commit} ({parsed#läst|lästa} nu)',
    en: '{member}: {ideas#idea|ideas}, commit {commit} ({parsed} read now)',
  },
  'region.sync.unchanged': {
    sv: '{member}: oförändrad, {ideas#idé|idéer}, commit {commit}',
    en: '{member}: unchanged, {ideas#idea|ideas}, commit {commit}',
  },
  'region.sync.failed': {
    sv: '{member}: misslyckades; behåller data från {date}',
    en: '{member}: failed; keeping data from {date}',
  },
  'region.sync.failedNone': {
    sv: '{member}: misslyckades; inga data',
    en: '{member}: failed; no data',
  },
  'region.sync.summary': {
    sv: '{region}: {members#medlem synkad|medlemmar synkade}, {failed} misslyckades, {ideas#idé|idéer} i regionen.',
    en: '{region}: {members#member|members} synced, {failed} failed, {ideas#idea|ideas} in the region.',
  },
  'region.age.today': { sv: 'i dag', en: 'today' },
  'region.age.days': { sv: 'för {days#dag|dagar} sedan', en: '{days#day|days} ago' },
  'region.age.line': {
    sv: '{member} ({name}): data från {date}, {age}, commit {commit}',
    en: '{member} ({name}): data from {date}, {age}, commit {commit}',
  },
  'region.age.failed': {
    sv: '(senaste synken {date} misslyckades: {reason})',
    en: '(the latest sync, {date}, failed: {reason})',
  },
  'region.age.never': {
    sv: '{member} ({name}): aldrig synkad',
    en: '{member} ({name}): never synced',
  },
  'region.show.member': { sv: 'Kommun', en: 'Municipality' },
  'region.show.data': {
    sv: 'Data från {date} ({age}), commit {commit}',
    en: 'Data from {date} ({age}), commit {commit}',
  },
  'region.show.site': { sv: 'Kommunens egen webbplats', en: "The municipality's own site" },
  'region.dup.none': {
    sv: 'Inga liknande idéer i olika kommuner.',
    en: 'No similar ideas in different municipalities.',
  },
  'region.dup.pair': { sv: 'likhet {score}', en: 'similarity {score}' },
  'region.dup.count': {
    sv: '{pairs#par|par} av liknande idéer i olika kommuner.',
    en: '{pairs#pair|pairs} of similar ideas in different municipalities.',
  },
} as const satisfies Record<string, Localized>;
