/** The least a core test of one idea needs: a stage by its key alone, and an idea in it made from its data. */
import type { Stage } from '../../src/core/sluice/config.js';
import { toIdea, type Idea } from '../../src/core/sluice/idea.js';

/** A stage whose folder and labels are its key, with no next stages, council, funding or limit. */
export function bareStage(key: string): Stage {
  return {
    key,
    folder: key,
    label: { sv: key, en: key },
    next: [],
    criteria: 'c.json',
    council: false,
    funding: false,
    limitDays: null,
  };
}

/** An idea `x-aaaa` titled X in the stage `folder`, with `data` over those. */
export function bareIdea(folder: string, data: Record<string, unknown>): Idea {
  return toIdea({ data: { id: 'x-aaaa', title: 'X', ...data }, body: '' }, bareStage(folder), 'p', '/p');
}
