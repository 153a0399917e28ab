/** Words for the screens of a coordinator's week (issue 14's leftovers): values in words, prompts, hints. */
import type { Localized } from '../i18n.js';

export const week = {
  'value.notGiven': { sv: '(inte angivet)', en: '(not given)' },
  'review.coachLabel': { sv: 'idécoach', en: 'idea coach' },
  'review.waitingElsewhere': {
    sv: 'Det finns idéer i steg som inte är på dagordningen (grinden är stängd, eller steget tas bara upp på begäran): {stages}. Ta upp ett steg med:',
    en: 'There are ideas in stages not on the agenda (the gate is closed, or the stage comes up only when asked for): {stages}. Take up a stage with:',
  },
  'prompt.optionalList': {
    sv: '(valfritt, kommaseparerat; Enter hoppar över)',
    en: '(optional, comma-separated; Enter skips)',
  },
  'prompt.neededAhead': {
    sv: '(behövs för steget {stage}; Enter hoppar över nu)',
    en: '(needed for the stage {stage}; Enter skips it for now)',
  },
  'prompt.neededAheadList': {
    sv: '(behövs för steget {stage}, kommaseparerat; Enter hoppar över nu)',
    en: '(needed for the stage {stage}, comma-separated; Enter skips it for now)',
  },
  'review.waitingStage': { sv: '{stage} ({count})', en: '{stage} ({count})' },
} as const satisfies Record<string, Localized>;
