/**
 * What `ideas new` and `ideas diff` say of an idea in a member registry: the similar ideas of other members, from
 * the region's last sync. Quiet by design: no region named, none synced, or a state that cannot be read gives an
 * empty list, never an error (a notice is not worth a failed command).
 */
import type { Lang } from '../core/i18n/i18n.js';
import { similarElsewhere, type SimilarElsewhere } from '../core/region/elsewhere.js';
import type { RegistryRef } from '../core/sluice/config.js';
import { quietSnapshots } from '../io/region/member-region.js';

export interface RegionNeighbour extends SimilarElsewhere {
  memberName: string;
  /** When the region last read that member: how old the notice's data is. */
  syncedAt: string;
}

/** What the region's last sync says around a member's ideas: who holds which ids, and what is like a new idea. */
export interface RegionAround {
  /** The ids of every idea the region holds, of every member (this registry's own included, as last synced). */
  ids: ReadonlySet<string>;
  /** For one idea, the similar ideas of other members. */
  near: (idea: { title: string; body: string }) => RegionNeighbour[];
}

/** The region around a member registry, from its last sync (the state is read once); empty without one. */
export function regionNeighbours(registry: RegistryRef, lang: Lang, ownIds: ReadonlySet<string>): RegionAround {
  const held = quietSnapshots(registry, lang);
  if (!held) return { ids: new Set(), near: () => [] };
  const names = new Map(held.region.config.members.map((m) => [m.id, m.name]));
  const synced = new Map(held.snapshots.map((s) => [s.member, s.syncedAt]));
  const ids = new Set(held.snapshots.flatMap((s) => s.ideas.flatMap((i) => (i.id ? [i.id] : []))));
  const near = (idea: { title: string; body: string }): RegionNeighbour[] => {
    try {
      return similarElsewhere(idea, held.snapshots, ownIds).map((s) => ({
        ...s,
        memberName: names.get(s.member) ?? s.member,
        syncedAt: synced.get(s.member) ?? '',
      }));
    } catch {
      // A state file of an unexpected shape (hand-edited, another version): no notice rather than a failure.
      return [];
    }
  };
  return { ids, near };
}
