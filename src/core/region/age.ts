/** How old the region's data about a member is, in whole days, from the time of its last good sync. */
export function ageInDays(syncedAt: string, now: Date): number {
  const then = Date.parse(syncedAt);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((now.getTime() - then) / 86_400_000));
}
