import { describe, expect, it } from 'vitest';
import { bareIdea as idea } from '../../../test/helpers/bare-idea.js';
import { calendarDate, daysSince, enteredStageOn, grantedAmount, grantOf } from './idea.js';

const today = new Date('2026-03-01T12:00:00Z');

// Found from outside: `ideas report` listed an idea moved on `31.05.2025` as waiting 35,015 days, the date read as
// the year 31 by position, where `ideas validate` refuses it. A date is a calendar date or it is not read at all.
describe('dates that are not calendar dates', () => {
  it.each([
    '31.05.2025',
    '2025-02-30',
    '2025-13-01',
    '2025-5-1',
    '2025-05-01T10:00',
    ' 2025-05-01',
    '',
    20250501,
    null,
  ])('calendarDate(%j) is null, and no days are counted from it', (value) => {
    expect(calendarDate(value)).toBeNull();
    expect(daysSince(typeof value === 'string' ? value : null, today)).toBeNull();
  });

  it.each(['2024-02-29', '2026-01-31', '0999-12-31'])('calendarDate(%s) is the date', (value) =>
    expect(calendarDate(value)).toBe(value),
  );

  it('counts whole days from a calendar date, and none from a day still to come anywhere on earth', () => {
    expect(daysSince('2026-02-01', today)).toBe(28);
    // Already 2 March in Kiribati at noon UTC on 1 March: today there, not the future.
    expect(daysSince('2026-03-02', today)).toBe(0);
    expect(daysSince('2026-03-03', today)).toBeNull();
    expect(daysSince('2027-12-28', today)).toBeNull();
  });

  it('says no date of entry when the entry that led into the stage has none that reads', () => {
    const moved = (date: unknown) =>
      idea('refinement', {
        created: '2025-02-01',
        history: [
          { date: '2025-02-01', action: 'created', to: 'idea' },
          { date: '2025-03-01', action: 'moved', from: 'idea', to: 'refinement' },
          { date: '2025-04-01', action: 'moved', from: 'refinement', to: 'idea' },
          { date, action: 'moved', from: 'idea', to: 'refinement' },
        ],
      });
    expect(enteredStageOn(moved('2025-05-31'))).toBe('2025-05-31');
    // Neither the earlier entry into the same stage nor the creation: the day it came is not known.
    expect(enteredStageOn(moved('31.05.2025'))).toBeNull();
    expect(enteredStageOn(moved('2025-02-30'))).toBeNull();
    expect(enteredStageOn(moved(undefined))).toBeNull();
  });

  it('takes the creation only when no entry led into the stage, and only a creation that reads', () => {
    expect(enteredStageOn(idea('test', { created: '2025-02-01' }))).toBe('2025-02-01');
    expect(enteredStageOn(idea('test', { created: '01.02.2025' }))).toBeNull();
  });
});

describe('money granted', () => {
  it.each([
    [{ date: '2026-01-02', amount: 5000 }, 5000],
    [{ date: '2026-01-02', amount: 0 }, 0],
    [{ date: '2026-01-02', amount: -5000 }, 0],
    [{ date: '2026-01-02', amount: '5000' }, 0],
    [{ date: '2026-01-02', amount: Infinity }, 0],
    [{ date: '2024-00-10', amount: 5000 }, 0],
    [{ date: '10.01.2024', amount: 5000 }, 0],
    [{ amount: 5000 }, 0],
  ])('an entry %j grants %d', (entry, granted) => expect(grantOf(entry)).toBe(granted));

  it('adds up what the entries grant, and nothing an entry validate refuses says', () => {
    const i = idea('test', {
      history: [
        { date: '2026-01-02', action: 'moved', from: 'refinement', to: 'test', amount: 40000 },
        { date: '2024-00-10', action: 'decided', amount: 85000 },
        { date: '2026-02-02', action: 'decided', amount: -50000 },
        { date: '2026-03-02', action: 'decided', amount: 10000 },
      ],
    });
    expect(grantedAmount(i)).toBe(50000);
  });
});
