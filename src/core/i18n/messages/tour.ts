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
} as const satisfies Record<string, Localized>;
