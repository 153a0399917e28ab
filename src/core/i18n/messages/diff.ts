/** `ideas diff`: what a change does to the sluice, and its rules. */
import type { Localized } from '../i18n.js';

export const diff = {
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
  'diff.historyAdded': { sv: 'ny i historiken: {entry}', en: 'new in the history: {entry}' },
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
  'diff.review': { sv: 'Att granska', en: 'To review' },
  'diff.toReview': { sv: '{warnings#sak|saker} att granska.', en: '{warnings#thing|things} to review.' },
  // The rules a change brings: the config and the criteria, compared with the base's.
  'f.cfgIdeasDir': {
    sv: 'ideasDir ändrad från {from} till {to}: alla idéer byter mapp utan att deras filer ändras.',
    en: 'ideasDir changed from {from} to {to}: every idea changes folder without its file being changed.',
  },
  'f.cfgStageFolder': {
    sv: 'Steget {stage} har nu mappen {to} i stället för {from}: idéerna i mapparna byter steg utan att deras filer ändras.',
    en: 'The stage {stage} now has the folder {to} instead of {from}: the ideas in those folders change stage without their files being changed.',
  },
  'f.cfgStageRemoved': {
    sv: 'Steget {stage} ({key}) har tagits bort ur konfigurationen.',
    en: 'The stage {stage} ({key}) was removed from the config.',
  },
  'f.cfgStageRenamed': {
    sv: 'Steget {stage} har bytt nyckel från {from} till {to}: idéerna där byter steg, och historiken pekar på den gamla nyckeln.',
    en: 'The stage {stage} changed its key from {from} to {to}: its ideas change stage, and their history names the old key.',
  },
  'f.cfgFirstStage': {
    sv: 'Första steget, där nya idéer börjar, är nu {to} i stället för {from}.',
    en: 'The first stage, where new ideas start, is now {to} instead of {from}.',
  },
  'f.cfgNextWidened': {
    sv: 'Steget {stage} leder nu också till {to} (next: i ideas.config.yaml).',
    en: 'The stage {stage} now also leads to {to} (next: in ideas.config.yaml).',
  },
  'f.cfgNextNarrowed': {
    sv: 'Steget {stage} leder inte längre till {to} (next: i ideas.config.yaml).',
    en: 'The stage {stage} no longer leads to {to} (next: in ideas.config.yaml).',
  },
  'f.cfgFundingOn': {
    sv: 'Steget {stage} kan nu bevilja medel (funding: true).',
    en: 'The stage {stage} may now grant money (funding: true).',
  },
  'f.cfgFundingAdded': {
    sv: 'Ett nytt steg, {stage} ({key}), kan bevilja medel (funding: true).',
    en: 'A new stage, {stage} ({key}), may grant money (funding: true).',
  },
  'f.cfgFundingOff': {
    sv: 'Steget {stage} beviljar inte längre medel.',
    en: 'The stage {stage} no longer grants money.',
  },
  'f.cfgCouncilOff': {
    sv: 'Idérådet beslutar inte längre om steget {stage} (council togs bort).',
    en: 'The idea council no longer decides on the stage {stage} (council was removed).',
  },
  'f.cfgCouncilOn': {
    sv: 'Idérådet beslutar nu om steget {stage} (council: true).',
    en: 'The idea council now decides on the stage {stage} (council: true).',
  },
  'f.cfgCriteriaPath': {
    sv: 'Steget {stage} läser nu sina kriterier från {to} i stället för {from}.',
    en: 'The stage {stage} now reads its criteria from {to} instead of {from}.',
  },
  'f.cfgStageAdded': { sv: 'Ett nytt steg: {stage} ({key}).', en: 'A new stage: {stage} ({key}).' },
  'f.cfgAllowDelete': {
    sv: 'allowDelete är påslaget: idéfiler får tas bort.',
    en: 'allowDelete was turned on: idea files may be deleted.',
  },
  'f.cfgAllowDeleteOff': {
    sv: 'allowDelete är avslaget: idéfiler får inte tas bort.',
    en: 'allowDelete was turned off: idea files may not be deleted.',
  },
  'f.cfgChallengesGone': {
    sv: 'Listan över utmaningar är borttagen eller tom: en idé får då ange vilken utmaning som helst.',
    en: 'The list of challenges was removed or emptied: an idea may then name any challenge.',
  },
  'f.cfgChallengesAdded': {
    sv: 'Nya utmaningar som idéer får ange: {values}.',
    en: 'New challenges that ideas may name: {values}.',
  },
  'f.cfgMinGroup': {
    sv: 'minGroupSize sänkt från {from} till {to}: uppgifter om personer visas för mindre grupper av idéer.',
    en: "minGroupSize lowered from {from} to {to}: people's data is shown for smaller groups of ideas.",
  },
  'f.cfgCouncilOrder': {
    sv: 'Steget {stage}, som idérådet beslutar om, står nu före {stages}: ett återremitterat beslut därifrån leder in i {stage} utan att rådet godkänner det.',
    en: 'The stage {stage}, which the idea council decides on, now comes before {stages}: a decision sending an idea back from there leads into {stage} without the council approving it.',
  },
  'f.cfgOther': {
    sv: 'Ändrat i konfigurationen: {field} ({from} → {to}).',
    en: 'Changed in the config: {field} ({from} → {to}).',
  },
  'f.critRequiredDropped': {
    sv: 'Kriterierna för {stage} ({file}): {where} är inte längre obligatoriskt.',
    en: 'The criteria of {stage} ({file}): {where} is no longer required.',
  },
  'f.critLoosened': {
    sv: 'Kriterierna för {stage} ({file}): {keyword} för {where} ändrat från {from} till {to}, så fler idéer släpps igenom.',
    en: 'The criteria of {stage} ({file}): {keyword} of {where} changed from {from} to {to}, which lets more ideas through.',
  },
  'f.diffAttributes': {
    sv: 'Ändringen rör {file}, som styr hur git skriver filerna i arbetsmappen (teckenkodning, radslut, filter): en idé kan läsas annorlunda, eller inte alls, efter nästa utcheckning.',
    en: 'The change touches {file}, which controls how git writes files into the working tree (encoding, line endings, filters): an idea may read differently, or not at all, after the next checkout.',
  },
  'h.diffAttributes': {
    sv: 'Granska ändringen i en egen pull request, och kör ideas validate i en ny klon av grenen.',
    en: 'Review the change in a pull request of its own, and run ideas validate in a fresh clone of the branch.',
  },
  'f.critPublishes': {
    sv: 'Med de nya reglerna syns {where} i offentliga utdata (webbplatsen, exporten, rapporten), vilket det inte gjorde i {base}.',
    en: 'Under the new rules, {where} shows in public outputs (the site, exports, reports), which it did not at {base}.',
  },
  'f.critUnproven': {
    sv: 'Kriterierna för {stage} ({file}): {keyword} för {where} ändrat från {from} till {to}. Det går inte att visa att ändringen bara skärper kraven ({reason}), så den räknas som en lättnad.',
    en: 'The criteria of {stage} ({file}): {keyword} of {where} changed from {from} to {to}. The change cannot be shown to only tighten the criteria ({reason}), so it counts as a loosening.',
  },
  'f.critWhyExempts': {
    sv: 'den tar namn eller element ur räckvidden för ett annat nyckelord, additionalProperties eller items, som då inte längre prövar dem',
    en: 'it takes names or items out of the reach of another keyword, additionalProperties or items, which then no longer checks them',
  },
  'f.critWhyCondition': {
    sv: 'if avgör vilka värden then och else gäller för',
    en: '`if` decides which values `then` and `else` apply to',
  },
  'f.critWhyInverted': {
    sv: 'den står under not, if, oneOf, dependencies eller en contains som maxContains räknar, där ett strängare krav kan släppa igenom mer',
    en: 'it is under not, if, oneOf, dependencies or a contains counted by maxContains, where asking more can let more through',
  },
  'f.critWhyReference': {
    sv: 'en $ref använder delen där ett strängare krav kan släppa igenom mer, eller kriterierna har en $ref som inte går att följa från en sådan plats',
    en: 'a $ref uses the part where asking more can let more through, or the criteria have a $ref that cannot be followed from such a place',
  },
  'f.critWhyUnevaluated': {
    sv: 'kriterierna använder unevaluatedProperties eller unevaluatedItems, och ändringen kan ändra vad de räknar som redan prövat',
    en: 'the criteria use unevaluatedProperties or unevaluatedItems, and the change may alter what they count as already checked',
  },
  'f.critWhyUnknown': {
    sv: 'nyckelordet, eller den här ändringen av det, är inte känt för att bara skärpa',
    en: 'the keyword, or this change to it, is not known to only tighten',
  },
  'f.critTightened': {
    sv: 'Kriterierna för {stage} ({file}): {keyword} för {where} skärpt från {from} till {to}.',
    en: 'The criteria of {stage} ({file}): {keyword} of {where} tightened from {from} to {to}.',
  },
  'f.critText': {
    sv: 'Kriterierna för {stage} ({file}): texten {keyword} för {where} ändrad.',
    en: 'The criteria of {stage} ({file}): the text {keyword} of {where} changed.',
  },
  'f.critMissing': {
    sv: 'Kriterierna för {stage} saknas: filen {file} finns inte i {rev}.',
    en: 'The criteria of {stage} are missing: the file {file} does not exist at {rev}.',
  },
  'f.critInvalid': {
    sv: 'Kriterierna för {stage} i {file} kan inte läsas i {rev}: {reason}.',
    en: 'The criteria of {stage} in {file} cannot be read at {rev}: {reason}.',
  },
  // The base's rules cannot be read: the change cannot be judged by them (docs/diff.md, "the base decides the rules").
  'f.critBaseUnreadable': {
    sv: 'Kriterierna för {stage} i {file} kan inte läsas i {base}: {reason}. Det går inte att visa att ändringen bara skärper kriterier som inte kan läsas, så den räknas som en lättnad.',
    en: 'The criteria of {stage} in {file} cannot be read at {base}: {reason}. A change cannot be shown to only tighten criteria that cannot be read, so it counts as a loosening.',
  },
  'f.cfgBaseUnreadable': {
    sv: 'Konfigurationen {file} kan inte läsas i {base}: {reason}. Ändringen kan därför inte prövas mot reglerna i {base}; den prövades mot sina egna regler i {head}, som den kan ha gjort lösare.',
    en: 'The config {file} cannot be read at {base}: {reason}. So the change cannot be judged by the rules at {base}; it was checked by its own rules at {head}, which it may have loosened.',
  },
  'h.baseUnreadable': {
    sv: 'Rätta först reglerna i {base}, i en egen pull request som en granskare och idérådet prövar för hand; sedan kan den här ändringen prövas mot dem.',
    en: 'First fix the rules at {base}, in a pull request of their own that a reviewer and the council check by hand; then this change can be judged by them.',
  },
  'f.whyMissing': { sv: 'det finns ingen sådan fil', en: 'there is no such file' },
  'f.whyNoRegistry': {
    sv: 'det finns ingen sådan fil (idéslussen fanns inte där, eller låg någon annanstans)',
    en: 'there is no such file (the registry did not exist there, or was somewhere else)',
  },
  'f.whyLink': {
    sv: 'den läses genom en symbolisk länk ({link} → {target}), som inget kommando följer',
    en: 'it is read through a symbolic link ({link} → {target}), which no command follows',
  },
  'f.whyNotUtf8': {
    sv: 'den är inte sparad som UTF-8 (rad {line})',
    en: 'it is not saved as UTF-8 (line {line})',
  },
  'f.whyForbiddenKey': {
    sv: 'den använder nyckeln "{key}" ({pointer}), som inte är tillåten',
    en: 'it uses the key "{key}" ({pointer}), which is not allowed',
  },
  'h.rulesLoosened': {
    sv: 'Ändringen prövas mot reglerna i {base}; den lösare regeln gäller först när den slagits ihop. Låt idérådet besluta om regeländringen, helst i en egen pull request.',
    en: 'This change is judged by the rules at {base}; the looser rule applies only once merged. Have the council decide on the rule change, best in a pull request of its own.',
  },
  'h.rulesChanged': {
    sv: 'En regeländring att granska; den släpper inte igenom fler idéer.',
    en: 'A rule change to review; it does not let more ideas through.',
  },
  'h.critUnreadable': {
    sv: 'Återställ kriteriefilen, eller rätta sökvägen i ideas.config.yaml.',
    en: 'Restore the criteria file, or correct its path in ideas.config.yaml.',
  },
  // New and changed ideas: ids, how a new idea starts, and the entries a change appends.
  'f.idMissing': { sv: 'Idéns front matter har inget id.', en: "The idea's front matter has no id." },
  'f.idNotText': { sv: 'Id:t är inte text: {value}.', en: 'The id is not text: {value}.' },
  'f.idMalformed': {
    sv: 'Id:t "{value}" har inte formen prefix-slumptecken (som sund-4k7q2x).',
    en: 'The id "{value}" is not of the form prefix-random characters (such as sund-4k7q2x).',
  },
  'h.idUnreadable': {
    sv: 'Idéer känns igen på sitt id, som `ideas new` skriver och som aldrig ändras: återställ det.',
    en: 'Ideas are recognised by their id, which `ideas new` writes and which never changes: restore it.',
  },
  'f.ideaStart': {
    sv: 'En ny idé ska börja med en historikpost created i steget {first} (eller imported med sin källa, source), men börjar med {entry}.',
    en: "A new idea's history must begin with an entry created in the stage {first} (or imported, with its source), but begins with {entry}.",
  },
  'h.ideaStart': {
    sv: 'Skapa idéer med `ideas new` (eller importera dem med ideas import), och flytta dem sedan med `ideas move {idArg}`.',
    en: 'Create ideas with `ideas new` (or import them with ideas import), then move them with `ideas move {idArg}`.',
  },
  'f.ideaImported': {
    sv: 'Ny idé importerad direkt till steget {stage}, från {source}.',
    en: 'A new idea imported straight into the stage {stage}, from {source}.',
  },
  'h.ideaImported': {
    sv: 'Kontrollera att källan finns och att idén hör hemma i steget.',
    en: 'Check that the source exists and that the idea belongs in the stage.',
  },
  'f.ideaNewHistory': {
    sv: 'Ny idé som redan har {count#flytt eller beslut|flyttar eller beslut} efter att den skapades; den står nu i {stage}.',
    en: 'A new idea that already has {count#move or decision|moves or decisions} after its creation; it now stands in {stage}.',
  },
  'h.ideaNewHistory': {
    sv: 'Kontrollera att varje flytt och beslut verkligen har skett; de listas nedan.',
    en: 'Check that each move and decision really happened; they are listed below.',
  },
  'f.historyDateOrder': {
    sv: 'Historikpost {n} är daterad {date}, före posten före den ({previous}).',
    en: 'History entry {n} is dated {date}, before the entry before it ({previous}).',
  },
  'f.historyDateFuture': {
    sv: 'Historikpost {n} är daterad {date}, efter dagens datum ({today}).',
    en: 'History entry {n} is dated {date}, after today ({today}).',
  },
  'f.historyDateInvalid': {
    sv: 'Historikpost {n} har inget giltigt datum (ÅÅÅÅ-MM-DD): {date}.',
    en: 'History entry {n} has no valid date (YYYY-MM-DD): {date}.',
  },
  'h.historyDate': {
    sv: 'Nya poster läggs sist, med dagens datum; `ideas move {idArg}` och ideas decide skriver dem så.',
    en: "New entries go last, with today's date; `ideas move {idArg}` and ideas decide write them so.",
  },
  'f.amountUnfunded': {
    sv: 'Historikpost {n} beviljar {amount}, men {stage} är inget steg som beviljar medel.',
    en: 'History entry {n} grants {amount}, but {stage} is not a stage that grants money.',
  },
  'f.amountNotApproved': {
    sv: 'Historikpost {n} beviljar {amount} i ett beslut som inte godkänner idén ({decision}): medel beviljas bara när idén godkänns.',
    en: 'History entry {n} grants {amount} in a decision that does not approve the idea ({decision}): money is granted only when the idea is approved.',
  },
  'f.amountNoMove': {
    sv: 'Historikpost {n} beviljar {amount} utan att godkänna idén in i ett steg som beviljar medel.',
    en: 'History entry {n} grants {amount} without approving the idea into a stage that grants money.',
  },
  'h.amountUnfunded': {
    sv: 'Medel beviljas med flaggan --amount till ideas decide, när idén godkänns in i ett steg med funding: true.',
    en: 'Money is granted with the option --amount of ideas decide, when the idea is approved into a stage with funding: true.',
  },
  'f.moveNoDecision': {
    sv: 'Historikpost {n} flyttar idén till {to}, där idérådet beslutar, utan ett beslut som leder dit (ett godkännande, eller en återremiss bakåt).',
    en: 'History entry {n} moves the idea into {to}, where the idea council decides, without a decision that leads there (an approval, or a return back).',
  },
  'h.moveNoDecision': {
    sv: 'Rådets beslut registreras med ideas decide eller på mötet med ideas review, som skriver beslutet i posten (decision).',
    en: "The council's decision is recorded with ideas decide, or at the meeting with ideas review, which write it into the entry (decision).",
  },
  'f.moveForced': {
    sv: 'Forcerad flytt {from} → {to} (historikpost {n}): förbi en stängd grind, eller till ett steg som {from} inte leder till.',
    en: 'A forced move {from} → {to} (history entry {n}): past a closed gate, or to a stage that {from} does not lead to.',
  },
  'h.moveForced': {
    sv: 'En forcerad flytt går förbi slussens regler: kontrollera att beslutet verkligen är fattat.',
    en: "A forced move bypasses the sluice's rules: check that the decision was really made.",
  },
  'f.moveGateClosed': {
    sv: 'Flyttad till {to} utan att uppfylla stegets krav: {missing}',
    en: 'Moved to {to} without meeting its criteria: {missing}',
  },
  'h.moveGateClosed': {
    sv: 'Komplettera idén så att grinden öppnas. En flytt förbi en stängd grind märks som forcerad i sin historikpost, som ideas move --force skriver den.',
    en: 'Complete the idea so that the gate opens. A move past a closed gate is marked as forced in its history entry, as ideas move --force writes it.',
  },
  'h.moveGateClosedByHand': {
    sv: 'Komplettera idén så att grinden öppnas, eller skriv in flytten förbi grinden med `{command}`, som skriver forced: true.',
    en: 'Complete the idea so that the gate opens, or record the move past the gate with `{command}`, which writes forced: true.',
  },
  'h.moveGateClosedByHandCouncil': {
    sv: 'Komplettera idén så att grinden öppnas. En flytt till {to} är idérådets beslut: när rådet har beslutat förbi grinden skriver ideas decide {idArg} --decision godkänn --to {toWord} --reason "<rådets motivering>"{amount} --force in den, märkt som forcerad.',
    en: 'Complete the idea so that the gate opens. A move into {to} is the idea council\'s decision: when the council has decided to pass the gate, ideas decide {idArg} --decision approve --to {toWord} --reason "<the council\'s reason>"{amount} --force records it, marked as forced.',
  },
  'f.moveUnknownStage': {
    sv: 'Flyttad till {to}, som inte är något steg i {base}.',
    en: 'Moved to {to}, which is not a stage at {base}.',
  },
  // Where a criteria change applies, and a value that is not there, in a rule change's message.
  'diff.wholeIdea': { sv: 'hela idén', en: 'the whole idea' },
  'diff.nothing': { sv: '(inget)', en: '(none)' },
} as const satisfies Record<string, Localized>;
