/** The JSON Schema that `ideas schema` prints. */
import type { Localized } from '../i18n.js';

export const criteria = {
  'schema.title': { sv: '{registry}: en idé i steget {stage}', en: '{registry}: an idea in the stage {stage}' },
  'schema.titleBase': { sv: '{registry}: en idé', en: '{registry}: an idea' },
  'schema.description': {
    sv: 'Allt som en idés front matter måste uppfylla i steget {stage}: grundschemat och stegets kriterier ({criteria}). Skapat av `{command}`; skapa det på nytt när kriterierna ändras.',
    en: "Everything an idea's front matter must meet in the stage {stage}: the base schema and the stage's criteria ({criteria}). Made by `{command}`; make it again when the criteria change.",
  },
  'schema.descriptionBase': {
    sv: 'Det som varje idés front matter måste uppfylla, i alla steg. Skapat av `{command}`.',
    en: "What every idea's front matter must meet, in every stage. Made by `{command}`.",
  },
  'criterion.emptyRequired': { sv: 'tomt, men krävs', en: 'empty, but required' },
  'criterion.wrongType': { sv: 'fel sorts värde: ska vara {expected}', en: 'wrong type: expected {expected}' },
  'criterion.notGiven': { sv: 'inte angivet', en: 'not given' },
  // A public checklist's words for a problem it may not name (src/core/sluice/gate.ts gateChecklist).
  'criterion.keyNotAllowed': {
    sv: 'har ett fält som inte är tillåtet här',
    en: 'has a field that is not allowed here',
  },
  'criterion.innerNotMet': {
    sv: 'ett värde i fältet uppfyller inte kraven',
    en: 'a value inside the field does not meet the criteria',
  },
} as const satisfies Record<string, Localized>;
