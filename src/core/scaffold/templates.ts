import type { Localized } from '../i18n/i18n.js';

/**
 * The templates of `ideas init`. Each is the config and criteria of the example registry of the same programme
 * in examples/, so that a template and its example can never drift apart.
 */
export interface Template {
  key: string;
  example: string;
  name: Localized;
  description: Localized;
  /** The ids' prefix in each language, where it is a word (the minimal template's "ide", "idea"). */
  idPrefix?: Localized;
}

export const TEMPLATES: readonly Template[] = [
  {
    key: 'sundsvall',
    example: 'sundsvall',
    name: { sv: 'Idésluss Sundsvallsregionen', en: 'Sundsvall region idea sluice' },
    description: {
      sv: 'Idé, förädling, test, utvärdering och spridning; idéråd vid grindarna; idécoacher; mål: 40 testade idéer',
      en: 'Idea, refinement, test, evaluation and spreading; an idea council at the gates; coaches; goal: 40 ideas tested',
    },
  },
  {
    key: 'helsingborg-kultur',
    example: 'helsingborg-kultur',
    name: { sv: 'Nätverket för innovation, kulturförvaltningen', en: 'Network for innovation, culture administration' },
    description: {
      sv: 'Fem kriterier och två förutsättningar för finansiering, som kriterieschema',
      en: 'Five funding criteria and two preconditions, as a criteria schema',
    },
  },
  {
    key: 'skaraborg',
    example: 'skaraborg',
    name: { sv: 'Innovationssluss Skaraborg', en: 'Skaraborg innovation sluice' },
    description: {
      sv: 'Flera kommuner: kommunfält, verkliga utmaningar, spridning mellan kommuner',
      en: 'Several municipalities: a municipality field, real challenges, spreading between municipalities',
    },
  },
  {
    key: 'minimal',
    example: 'minimal',
    name: { sv: 'Idésluss', en: 'Idea sluice' },
    idPrefix: { sv: 'ide', en: 'idea' },
    description: {
      sv: 'Tre steg; det enda obligatoriska svaret är titeln',
      en: 'Three stages; the only required answer is the title',
    },
  },
];

export const DEFAULT_TEMPLATE = 'minimal';

export function templateByKey(key: string): Template | undefined {
  return TEMPLATES.find((t) => t.key === key.toLowerCase());
}
