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
  'report.overrides': { sv: 'Står på ett beslut trots stängd grind', en: 'Standing on an override' },
  'report.overridesNote': {
    sv: 'Idéer som flyttats eller godkänts förbi en stängd grind (forced i historiken) och ännu står kvar i det steget.',
    en: 'Ideas moved or approved past a closed gate (forced in the history) that still stand in that stage.',
  },
  'report.overrideMissing': { sv: 'Saknas', en: 'Missing' },
  'report.overrideBy': { sv: 'Beslutat av', en: 'Overridden by' },
  'report.overrideNowMet': { sv: 'inget längre', en: 'nothing now' },
  'report.noOverrides': {
    sv: 'Ingen idé står på ett beslut trots stängd grind.',
    en: 'No idea stands on an override of a closed gate.',
  },
  'criterion.notGiven': { sv: 'inte angivet', en: 'not given' },
  // A public checklist's words for a problem it may not name (src/core/sluice/gate.ts gateChecklist).
  'criterion.unshownField': { sv: 'ett fält som inte visas här', en: 'a field not shown here' },
  'criterion.keyNotAllowed': {
    sv: 'har ett fält som inte är tillåtet här',
    en: 'has a field that is not allowed here',
  },
  'site.gateOpenNotGiven': {
    sv: 'Inget krav är ouppfyllt; {count} av {total} valfria uppgifter är inte angivna.',
    en: 'No criterion is unmet; {count} of {total} optional details are not given.',
  },
  'site.tableRegion': { sv: 'Tabell, rullar i sidled', en: 'Table, scrolls sideways' },
} as const satisfies Record<string, Localized>;
