/** Words for the screens of a coordinator's week (issue 14's leftovers): values in words, prompts, hints. */
import type { Localized } from '../i18n.js';

export const week = {
  'value.notGiven': { sv: '(inte angivet)', en: '(not given)' },
  'review.coachLabel': { sv: 'idécoach', en: 'idea coach' },
} as const satisfies Record<string, Localized>;
