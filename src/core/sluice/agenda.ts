/** The idea council's agenda: each idea that waits for a decision, with the gate it would pass. */
import type { Lang } from '../i18n/i18n.js';
import type { Challenge, Stage } from './config.js';
import type { ChecklistItem, Gate } from './gate.js';
import type { Idea, IdeaFields } from './idea.js';

/** `T`: the idea with its text (what a card shows), or only its fields while the agenda is drawn up. */
export interface ReviewItem<T extends IdeaFields = Idea> {
  idea: T;
  /** The stage an approval leads to, or null for a stage that leads nowhere. */
  next: Stage | null;
  gate: Gate | null;
  checklist: ChecklistItem[];
  daysInStage: number | null;
  /** When the gate is closed: the commands that fill in what it misses (core/sluice/gate-fix.ts). */
  fix?: string[];
}

export interface ReviewCard extends ReviewItem {
  n: number;
  total: number;
  lang: Lang;
  /** The registry's challenges, to name an idea's challenge by its label. */
  challenges?: readonly Challenge[];
  /** Members who declared a conflict of interest (jäv) for the idea. */
  conflicts?: readonly string[];
}
