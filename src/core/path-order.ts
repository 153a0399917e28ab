/**
 * Files in the order of their paths' code units: the order listings, snapshots and diffs keep, the same on every
 * machine (no locale's collation), so that outputs compare byte for byte.
 */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
