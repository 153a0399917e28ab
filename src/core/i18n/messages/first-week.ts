/**
 * The rest of a coordinator's first week (issue 14): the council meeting as a JSON document, what a decision filled
 * in, jäv chosen from the council, gates that say how to fill every field, text without an editor, and criteria
 * that tell an empty value from a wrong one.
 */
import type { Localized } from '../i18n.js';

export const firstWeek = {
  'out.decidedFilled': { sv: 'Ifyllt före beslutet: {changes}', en: 'Filled in before the decision: {changes}' },
} as const satisfies Record<string, Localized>;
