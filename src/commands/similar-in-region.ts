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

/** A function that finds, for one idea, the similar ideas elsewhere in the region (the state is read once). */
export function regionNeighbours(
  registry: RegistryRef,
  lang: Lang,
  ownIds: ReadonlySet<string>,
): (idea: { title: string; body: string }) => RegionNeighbour[] {
  const held = quietSnapshots(registry, lang);
  if (!held) return () => [];
  const names = new Map(held.region.config.members.map((m) => [m.id, m.name]));
  const synced = new Map(held.snapshots.map((s) => [s.member, s.syncedAt]));
  return (idea) => {
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
}
