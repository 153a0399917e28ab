import { describe, expect, it } from 'vitest';
import { bareIdea as idea } from '../../../test/helpers/bare-idea.js';
import { daysBetween, stayOn, staysOf } from './stays.js';

describe('staysOf', () => {
  it('starts a stay at every entry that leads somewhere, and skips entries that do not move the idea', () => {
    const i = idea('test', {
      created: '2026-01-01',
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea' },
        { date: '2026-01-10', action: 'moved', from: 'idea', to: 'refinement' },
        { date: '2026-01-20', action: 'assigned', field: 'coach', new: 'Johan' },
        { date: '2026-01-25', action: 'decided', decision: 'return' },
        { date: '2026-02-01', action: 'moved', from: 'refinement', to: 'test', amount: 5 },
      ],
    });
    expect(staysOf(i)).toEqual([
      { stage: 'idea', entered: '2026-01-01', left: '2026-01-10' },
      { stage: 'refinement', entered: '2026-01-10', left: '2026-02-01' },
      { stage: 'test', entered: '2026-02-01', left: null },
    ]);
  });

  it('without a recorded creation, puts the time before the first move in its `from` stage', () => {
    const i = idea('refinement', {
      created: '2026-01-01',
      history: [{ date: '2026-01-15', action: 'moved', from: 'idea', to: 'refinement' }],
    });
    expect(staysOf(i)).toEqual([
      { stage: 'idea', entered: '2026-01-01', left: '2026-01-15' },
      { stage: 'refinement', entered: '2026-01-15', left: null },
    ]);
  });

  it('without a history, has the idea in its folder since it was created', () => {
    expect(staysOf(idea('idea', { created: '2026-03-01' }))).toEqual([
      { stage: 'idea', entered: '2026-03-01', left: null },
    ]);
  });

  it('lets the folder win over a history that ends elsewhere (a file moved by hand), with no date', () => {
    const i = idea('test', {
      created: '2026-01-01',
      history: [{ date: '2026-01-01', action: 'imported', to: 'idea' }],
    });
    expect(staysOf(i)).toEqual([
      { stage: 'idea', entered: '2026-01-01', left: null },
      { stage: 'test', entered: null, left: null },
    ]);
  });

  it('ignores entries without a readable date', () => {
    const i = idea('idea', {
      created: '2026-01-01',
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea' },
        { date: 'i våras', action: 'moved', from: 'idea', to: 'test' },
      ],
    });
    expect(staysOf(i)).toEqual([{ stage: 'idea', entered: '2026-01-01', left: null }]);
  });

  it('ignores entries, and a creation, whose dates have the shape of one but are no day of the calendar', () => {
    const i = idea('test', {
      created: '2026-02-30',
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea' },
        { date: '2026-13-01', action: 'moved', from: 'idea', to: 'refinement' },
        { date: '2026-02-29', action: 'moved', from: 'refinement', to: 'test' },
      ],
    });
    expect(staysOf(i)).toEqual([
      { stage: 'idea', entered: '2026-01-01', left: null },
      { stage: 'test', entered: null, left: null },
    ]);
    expect(staysOf(idea('idea', { created: '2026-02-30' }))).toEqual([{ stage: 'idea', entered: null, left: null }]);
  });
});

describe('stayOn', () => {
  const stays = [
    { stage: 'idea', entered: '2026-01-01', left: '2026-01-10' },
    { stage: 'refinement', entered: '2026-01-10', left: null },
  ];
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 'idea'],
    ['2026-01-09', 'idea'],
    ['2026-01-10', 'refinement'],
    ['2027-01-01', 'refinement'],
  ])('on %s: %s', (date, expected) => expect(stayOn(stays, date)?.stage ?? null).toBe(expected));
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-02-01', '2026-03-03', 30],
    ['2024-02-01', '2024-03-03', 31],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-12-31', '2026-06-30', -184],
  ])('%s → %s: %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});
