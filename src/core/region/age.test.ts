import { describe, expect, it } from 'vitest';
import { ageInDays } from './age.js';

describe('ageInDays', () => {
  // Found from outside: a sync at 23:59 seen six minutes later showed yesterday's date and "today".
  it('counts the days between the sync date the views show and today, not periods of 24 hours', () => {
    const synced = '2026-12-07T23:59:35.000Z';
    expect(ageInDays(synced, new Date('2026-12-07T23:59:59Z'))).toBe(0);
    expect(ageInDays(synced, new Date('2026-12-08T00:05:00Z'))).toBe(1);
    expect(ageInDays('2026-12-07T00:00:01.000Z', new Date('2026-12-08T23:59:00Z'))).toBe(1);
    expect(ageInDays('2026-12-01T12:00:00.000Z', new Date('2026-12-08T11:00:00Z'))).toBe(7);
  });

  it('is 0 for a date it cannot read, or one after now', () => {
    expect(ageInDays('not a date', new Date())).toBe(0);
    expect(ageInDays('2026-12-09T00:00:00.000Z', new Date('2026-12-08T00:00:00Z'))).toBe(0);
  });
});
