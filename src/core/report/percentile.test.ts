import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentile.js';

describe('percentile', () => {
  // The expected values are Excel's PERCENTILE.INC (PERCENTIL.INK) of the same lists.
  it.each([
    [[1, 2, 3, 4], 0.9, 3.7],
    [[10, 10, 20, 30, 40], 0.9, 36],
    [[30, 60], 0.9, 57],
    [[5], 0.9, 5],
    [[40, 10, 30, 20], 0.5, 25],
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 1, 5],
  ])('of %j at %d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('is null for no values, and the median of an even count is the mean of the middle two', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(median([3, 1, 4, 2])).toBe(2.5);
  });
});
