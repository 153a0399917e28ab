/**
 * Ids stay unique across a region: each registry makes its ids with its own prefix, so two members that share an id
 * (the same prefix, or an idea copied by hand instead of adopted) would make `<member>:<id>` the only safe name, and
 * a link by id ambiguous. A sync reports every id held by more than one member.
 */
import type { MemberSnapshot } from './snapshot.js';

export interface IdClash {
  id: string;
  /** The members that hold it, in the region file's order, each with the file. */
  holders: { member: string; path: string }[];
}

export function findIdClashes(snapshots: readonly MemberSnapshot[]): IdClash[] {
  const byId = new Map<string, { member: string; path: string }[]>();
  for (const s of snapshots) {
    for (const idea of s.ideas) {
      if (idea.id === null) continue;
      const list = byId.get(idea.id) ?? [];
      // Two files of one member with one id are that member's own problem (`ideas validate` says so).
      if (!list.some((h) => h.member === s.member)) list.push({ member: s.member, path: idea.path });
      byId.set(idea.id, list);
    }
  }
  return [...byId]
    .filter(([, holders]) => holders.length > 1)
    .map(([id, holders]) => ({ id, holders }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
