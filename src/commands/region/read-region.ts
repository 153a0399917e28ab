/**
 * The region as the last sync left it: each member (filtered by id or municipality code) with its snapshot, read
 * from the region's cache only. No network: every view works offline and says how old each member's data is.
 */
import type { RegionMember } from '../../core/region/config.js';
import { unknownMemberError } from '../../core/region/choices.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import type { Region } from '../../io/region/region-root.js';
import { readMemberState, readSyncFailure, type StateDepth, type SyncFailure } from '../../io/region/state.js';

export interface HeldMember {
  member: RegionMember;
  snapshot: MemberSnapshot | null;
  /** Why the latest sync of the member failed, when it did: the data shown is then from an earlier one. */
  failure: SyncFailure | null;
}

/** The members `filter` names (by id or municipality code; all when empty); a name no member has is refused. */
export function chosenMembers(region: Region, filter: readonly string[]): RegionMember[] {
  const all = region.config.members;
  for (const f of filter)
    if (!all.some((m) => m.id === f || m.municipality === f)) throw unknownMemberError(f, all, region.file);
  return all.filter(
    (m) => filter.length === 0 || filter.includes(m.id) || (m.municipality !== null && filter.includes(m.municipality)),
  );
}

/**
 * The members `filter` names (chosenMembers), each with what the last sync kept, read to `depth`
 * (src/io/region/state.ts): a list shows no front matter or text, a report no text.
 */
export function heldMembers(region: Region, filter: readonly string[], depth: StateDepth = 'texts'): HeldMember[] {
  return mapHeldMembers(region, filter, depth, (held) => held);
}

/**
 * heldMembers one at a time: each member's state is read only when `take` is done with the one before, and is
 * handed to it alone; what `take` returns is kept. A view that counts a member and returns less than its state
 * (`ideas region report`) holds one member's state at a time, never the region's.
 */
export function mapHeldMembers<T>(
  region: Region,
  filter: readonly string[],
  depth: StateDepth,
  take: (held: HeldMember) => T,
): T[] {
  // Read inside the callback: once it returns, nothing on the stack holds the state any longer.
  return chosenMembers(region, filter).map((member) =>
    take({
      member,
      snapshot: readMemberState(region.cacheDir, member.id, depth),
      failure: readSyncFailure(region.cacheDir, member.id),
    }),
  );
}
