/** Screens that tell the truth: overrides as decisions, criteria met, not met or not given. */
import type { Localized } from '../i18n.js';

export const truth = {
  'f.criteriaOverridden': {
    sv: 'Står i steget {stage} på ett beslut trots stängd grind ({who}, {date}); saknas: {problem}',
    en: 'Stands in stage {stage} on an override of a closed gate ({who}, {date}); missing: {problem}',
  },
  'h.criteriaOverridden': {
    sv: 'Ett beslut, inget fel: komplettera idén när det går. `ideas validate --strict` räknar detta som fel tills idén lämnar steget.',
    en: 'A decision, not an error: complete the idea when you can. `ideas validate --strict` counts this as an error until the idea leaves the stage.',
  },
  'override.unknownBy': { sv: 'namn saknas', en: 'no name recorded' },
  'override.unknownDate': { sv: 'datum saknas', en: 'no date recorded' },
  'override.by': { sv: 'av {by}', en: 'by {by}' },
} as const satisfies Record<string, Localized>;
