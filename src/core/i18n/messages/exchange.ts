/** `ideas import` and `ideas export`. */
import type { Localized } from '../i18n.js';

export const exchange = {
  'import.extraCells': {
    sv: 'Raden har {count} celler men rubrikraden bara {columns}.',
    en: 'The row has {count} cells but the header only {columns}.',
  },
  'import.sourceRow': { sv: 'rad {row}', en: 'row {row}' },
} as const satisfies Record<string, Localized>;
