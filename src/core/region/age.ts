/**
 * How old the region's data about a member is, in days: from the day of its last good sync to today, both as the
 * views show the sync's date (its UTC day, `syncedAt`'s first ten characters). Counted in whole periods of 24 hours, a
 * sync at 23:59 seen at 00:05 was "today" beside yesterday's date.
 */
export function ageInDays(syncedAt: string, now: Date): number {
  const then = Date.parse(syncedAt);
  if (Number.isNaN(then)) return 0;
  const day = (ms: number) => Math.floor(ms / 86_400_000);
  return Math.max(0, day(now.getTime()) - day(then));
}
