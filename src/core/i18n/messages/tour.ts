/** What a new coordinator's first week with the product showed: stages by their labels, hints that show the way. */
import type { Localized } from '../i18n.js';

export const tour = {
  'hint.stageMissing': {
    sv: 'Till exempel: {example}',
    en: 'For example: {example}',
  },
} as const satisfies Record<string, Localized>;
