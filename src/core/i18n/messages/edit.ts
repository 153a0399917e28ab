/** `ideas edit`, the values of fields as people write them, and the help a closed gate gives. */
import type { Localized } from '../i18n.js';

export const edit = {
  'err.notANumber': {
    sv: 'Ogiltigt värde för {field}: "{value}" är inget tal. Skriv till exempel 45000, 45 000 eller 45 000 kr.',
    en: 'Invalid value for {field}: "{value}" is not a number. Write for example 45000, 45 000 or 45 000 kr.',
  },
  'err.notAnInteger': {
    sv: 'Ogiltigt värde för {field}: "{value}" är inget heltal. Skriv till exempel 12 eller 1 200.',
    en: 'Invalid value for {field}: "{value}" is not a whole number. Write for example 12 or 1 200.',
  },
} as const satisfies Record<string, Localized>;
