/** What a new coordinator's first week with the product showed: stages by their labels, hints that show the way. */
import type { Localized } from '../i18n.js';

export const tour = {
  'hint.stageMissing': {
    sv: 'Till exempel: {example}',
    en: 'For example: {example}',
  },
  'hint.importMapThese': {
    sv: 'Lägg till {maps} för att ta med dem (kontrollera först med --dry-run).',
    en: 'Add {maps} to take them in (check first with --dry-run).',
  },
  'hint.importMapAny': {
    sv: "Ta med en kolumn med --map '<kolumn>=<fält>'; fälten visar ideas schema.",
    en: "Take a column in with --map '<column>=<field>'; ideas schema shows the fields.",
  },
  'init.comment.config': {
    sv: ' {name}: registrets konfiguration, läses av `ideas` och kontrolleras mot schemas/config.schema.json',
    en: " {name}: the registry's config, read by `ideas` and checked against schemas/config.schema.json",
  },
  'init.comment.minGroupSize': {
    sv: ' Rapporter visar uppgifter om personer (fält märkta x-aggregate) bara för grupper om minst så här många idéer.',
    en: ' Reports show data about people (fields marked x-aggregate) only for groups of at least this many ideas.',
  },
  'f.createdChanged': {
    sv: 'Datumet då idén registrerades (created) har ändrats från {old} till {new}.',
    en: 'The date the idea was registered (created) was changed from {old} to {new}.',
  },
  'h.createdChanged': {
    sv: 'Registreringsdatumet hör till idéns historik och skrivs inte om: sätt tillbaka {old}.',
    en: "The registration date is part of the idea's record and is not rewritten: put {old} back.",
  },
} as const satisfies Record<string, Localized>;
