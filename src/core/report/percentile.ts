/**
 * Percentiles as spreadsheets compute them (Excel's PERCENTILE.INC, PERCENTIL.INK in Swedish; R's type 7): linear
 * interpolation between the two nearest ranks. A coordinator who checks a report against an export in Excel gets
 * the same figures; the median of an even count is the mean of the middle two.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}
