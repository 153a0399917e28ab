/**
 * "Lidköping is trying something similar": the ideas of other members of the region that look like one idea of this
 * registry (a new one, or one a pull request adds), from the region's last sync. The idea is its own group for
 * `similarPairs`, and the region's ideas one other group, so only pairs with the idea are scored; the region's copy
 * of this registry's own ideas (the same ids) is left out, as `ideas new` already names those.
 */
import type { Localized } from '../i18n/i18n.js';
import { similarPairs } from './similarity.js';
import type { MemberSnapshot, RegionIdea } from './snapshot.js';

export interface SimilarElsewhere {
  member: string;
  idea: RegionIdea;
  stageLabel: Localized | null;
  score: number;
  shared: string[];
}

const ELSEWHERE_MIN_SCORE = 0.3;
const ELSEWHERE_LIMIT = 5;

export function similarElsewhere(
  idea: { title: string; body: string },
  snapshots: readonly MemberSnapshot[],
  ownIds: ReadonlySet<string>,
  opts: { minScore?: number; limit?: number } = {},
): SimilarElsewhere[] {
  const sides: { snapshot: MemberSnapshot; idea: RegionIdea }[] = [];
  for (const snapshot of snapshots)
    for (const i of snapshot.ideas) if (i.id === null || !ownIds.has(i.id)) sides.push({ snapshot, idea: i });
  if (sides.length === 0 || idea.title.trim() === '') return [];
  const docs = [
    { title: idea.title, body: idea.body, group: '\0this' },
    ...sides.map((s) => ({ title: s.idea.title ?? '', body: s.idea.body, group: 'region' })),
  ];
  const limit = opts.limit ?? ELSEWHERE_LIMIT;
  return similarPairs(docs, { minScore: opts.minScore ?? ELSEWHERE_MIN_SCORE, limit: Number.MAX_SAFE_INTEGER })
    .filter((p) => p.a === 0)
    .slice(0, limit)
    .map((p) => {
      const side = sides[p.b - 1] as (typeof sides)[number];
      return {
        member: side.snapshot.member,
        idea: side.idea,
        stageLabel: side.snapshot.registry.stages.find((s) => s.key === side.idea.stage)?.label ?? null,
        score: p.score,
        shared: p.shared,
      };
    });
}
