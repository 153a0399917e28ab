/** `ideas import` and `ideas export`. */
import type { Localized } from '../i18n.js';

export const exchange = {
  'import.extraCells': {
    sv: 'Raden har {count} celler men rubrikraden bara {columns}.',
    en: 'The row has {count} cells but the header only {columns}.',
  },
  'import.sourceRow': { sv: 'rad {row}', en: 'row {row}' },
  'import.nulByte': {
    sv: 'Cellen innehåller ett NUL-tecken (tecken 0), som en idéfil inte kan innehålla.',
    en: 'The cell holds a NUL character (character 0), which an idea file cannot hold.',
  },
  'import.forbiddenKey': {
    sv: 'Cellens JSON har nyckeln "{key}", som inte är tillåten: __proto__, constructor och prototype är inga fältnamn.',
    en: 'The cell\'s JSON has the key "{key}", which is not allowed: __proto__, constructor and prototype are no field names.',
  },
  'import.wouldFail': {
    sv: 'Idéfilen skulle inte godkännas av ideas validate: {problem}',
    en: 'The idea file would not pass ideas validate: {problem}',
  },
} as const satisfies Record<string, Localized>;
