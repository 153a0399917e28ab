/** Spreading with provenance: `ideas adopt`, the region's adoptions, and similar ideas in the region. */
import type { Localized } from '../i18n.js';

export const spread = {
  'err.noRegionNamed': {
    sv: 'Idéslussen anger ingen region: ideas.config.yaml saknar region:.',
    en: 'The registry names no region: ideas.config.yaml has no region:.',
  },
  'hint.noRegionNamed': {
    sv: 'Lägg till regionens mapp i ideas.config.yaml, t.ex. region: ../skaraborg, och synka regionen med ideas region sync i dess mapp.',
    en: "Add the region's folder to ideas.config.yaml, e.g. region: ../skaraborg, and sync the region with ideas region sync in its folder.",
  },
  'err.regionFolderMissing': {
    sv: 'Regionen som ideas.config.yaml anger finns inte: ingen ideas.region.yaml i {dir}.',
    en: 'The region ideas.config.yaml names is not there: no ideas.region.yaml in {dir}.',
  },
  'hint.regionFolderMissing': {
    sv: 'Rätta region: i ideas.config.yaml (en mapp, relativt idéslussens mapp), eller hämta regionens repo dit med git clone.',
    en: "Correct region: in ideas.config.yaml (a folder, relative to the registry's folder), or get the region's repository there with git clone.",
  },
  'err.adoptRef': {
    sv: '"{ref}" är ingen idé i regionen: skriv medlem:id, t.ex. lidkoping:lidk-4k7q2x.',
    en: '"{ref}" is not an idea of the region: write member:id, e.g. lidkoping:lidk-4k7q2x.',
  },
  'hint.adoptRef': {
    sv: 'Se regionens idéer med ideas region list i regionens mapp.',
    en: "See the region's ideas with ideas region list in the region's folder.",
  },
  'err.adoptNotSynced': {
    sv: 'Regionen har ännu inga uppgifter om medlemmen "{member}": den har inte synkats.',
    en: 'The region has no data on the member "{member}" yet: it has not been synced.',
  },
  'hint.adoptNotSynced': {
    sv: 'Synka regionen först: ideas -C {dir} region sync',
    en: 'Sync the region first: ideas -C {dir} region sync',
  },
  'err.adoptNotFound': {
    sv: 'Idén {ref} finns inte i regionens senaste synk ({date}).',
    en: "The idea {ref} is not in the region's last sync ({date}).",
  },
  'err.adoptNoKit': {
    sv: 'Idén {ref} kan inte tas över än: steget {stage} kräver inget spridningspaket, så idén är inte förberedd för spridning.',
    en: 'The idea {ref} cannot be adopted yet: its stage {stage} asks for no spread kit, so the idea is not prepared for spreading.',
  },
  'err.adoptKitMissing': {
    sv: 'Idén {ref} kan inte tas över: spridningspaketet i steget {stage} saknar {count#del|delar}:',
    en: 'The idea {ref} cannot be adopted: the spread kit of its stage {stage} lacks {count#part|parts}:',
  },
  'hint.adoptKitMissing': {
    sv: 'Be kommunen som äger idén fylla i delarna (med ideas edit) och synka regionen igen.',
    en: 'Ask the municipality that owns the idea to fill in the parts (with ideas edit), then sync the region again.',
  },
  'err.adoptedAlready': {
    sv: 'Idén {ref} är redan övertagen här, som {id}.',
    en: 'The idea {ref} has been adopted here already, as {id}.',
  },
  'hint.adoptedAlready': {
    sv: 'Fortsätt med {id}, eller lägg till --force för att ta över den en gång till.',
    en: 'Go on with {id}, or add --force to adopt it once more.',
  },
  'err.adoptGateClosed': {
    sv: 'Idén {ref} kan inte tas över till steget {stage}: grinden är stängd ({count#krav|krav} saknas):',
    en: 'The idea {ref} cannot be adopted into the stage {stage}: the gate is closed ({count#criterion|criteria} missing):',
  },
  'gate.adoptWith': {
    sv: 'Ta över idén med det som saknas (byt ut det inom <>):',
    en: 'Adopt the idea with what is missing (replace what is within <>):',
  },
  'hint.adoptGateClosed': {
    sv: 'Ange det som saknas med --set fält=värde, välj ett annat steg med --stage, eller lägg till --force (skrivs i historiken).',
    en: 'Give what is missing with --set field=value, choose another stage with --stage, or add --force (written in the history).',
  },
  'adopt.commitMessage': {
    sv: '{id}: {title} (övertagen från {source})',
    en: '{id}: {title} (adopted from {source})',
  },
  'out.adopted': {
    sv: 'Tog över {source} ({member}) som {id} i {stage}',
    en: 'Adopted {source} ({member}) as {id} in {stage}',
  },
  'out.adoptedForced': {
    sv: 'Tog över {source} ({member}) som {id} i {stage}, trots stängd grind:',
    en: 'Adopted {source} ({member}) as {id} in {stage}, despite a closed gate:',
  },
  'region.show.basedOn': {
    sv: 'Bygger på: {ref}{title} ({member}), commit {commit}',
    en: 'Based on: {ref}{title} ({member}), commit {commit}',
  },
  'region.show.basedOnGone': {
    sv: 'Bygger på: {ref} ({member}), commit {commit}; finns inte i regionens senaste synk',
    en: "Based on: {ref} ({member}), commit {commit}; not in the region's last sync",
  },
  'region.show.adoptedBy': {
    sv: 'Övertagen av {count#idé|idéer}:',
    en: 'Adopted by {count#idea|ideas}:',
  },
  'region.show.kitComplete': {
    sv: 'Spridningspaket: komplett; andra kan ta över idén med ideas adopt',
    en: 'Spread kit: complete; others can take up the idea with ideas adopt',
  },
  'region.show.kitLacks': {
    sv: 'Spridningspaketet saknar: {parts}',
    en: 'The spread kit lacks: {parts}',
  },
  'region.similar.line': {
    sv: '{member} har något liknande: «{title}» ({ref}, {stage}; regionens synk {date})',
    en: '{member} has something similar: «{title}» ({ref}, {stage}; region synced {date})',
  },
  'prompt.regionGoOn': {
    sv: 'Registrera idén ändå?',
    en: 'Register the idea all the same?',
  },
  'err.newStoppedSimilar': {
    sv: 'Idén registrerades inte: ta gärna kontakt med kommunen som har något liknande.',
    en: 'The idea was not registered: do get in touch with the municipality that has something similar.',
  },
  'region.similar.heading': {
    sv: 'Liknande idéer på andra håll i regionen',
    en: 'Similar ideas elsewhere in the region',
  },
  'region.similar.added': {
    sv: 'Den nya idén {id} «{title}» liknar idéer på andra håll i regionen:',
    en: 'The new idea {id} «{title}» looks like ideas elsewhere in the region:',
  },
  'region.problem.tooLarge': {
    sv: '{file} är större än {max} MB och läses inte',
    en: '{file} is larger than {max} MB and is not read',
  },
  'err.gitTimeout': {
    sv: 'git svarade inte inom {seconds} s och stoppades',
    en: 'git did not finish within {seconds} s and was stopped',
  },
  'region.problem.timeout': {
    sv: 'svarade inte inom {seconds} s (ändra gränsen med --timeout)',
    en: 'did not answer within {seconds} s (change the limit with --timeout)',
  },
  'err.regionTimeout': {
    sv: '--timeout tar ett antal sekunder, 1 till 3600, inte "{value}".',
    en: '--timeout takes a number of seconds, 1 to 3600, not "{value}".',
  },
  'err.regionCacheNotOwn': {
    sv: '{dir} är en länk eller en fil: en synk skriver bara i regionens egna mappar under .git.',
    en: "{dir} is a link or a file: a sync writes only into the region's own folders under .git.",
  },
  'hint.regionCacheNotOwn': {
    sv: 'Ta bort den (det den pekar på lämnas orört) och kör synken igen: den hämtar allt på nytt.',
    en: 'Remove it (what it points to is left alone) and run the sync again: it fetches everything anew.',
  },
  'err.regionSyncLocked': {
    sv: 'En annan synk av regionen pågår redan (process {pid}). Vänta tills den är klar och försök igen.',
    en: 'Another sync of this region is running (process {pid}). Wait for it to finish, then try again.',
  },
  'hint.regionSyncLocked': {
    sv: 'Pågår ingen synk (en dator som startats om)? Ta då bort mappen {lock}.',
    en: 'No sync running (a machine restarted)? Then remove the folder {lock}.',
  },
} as const satisfies Record<string, Localized>;
