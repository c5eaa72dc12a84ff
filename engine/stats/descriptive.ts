// Descriptive statistics over samples where NaN marks "never reached": the figures of the
// simulation reports and of the drill history. Pure and deterministic.

/** To two decimals: the precision every report figure is given to. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** The values that are numbers (not NaN, the mark of "never reached"), sorted ascending. */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) kept.push(values[i]!);
  return Float64Array.from(kept).sort();
}

/** The p-quantile of sorted values, interpolated between neighbours (R's type 7, the spreadsheets' PERCENTILE). */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

export const median = (sorted: ArrayLike<number>): number | null => quantile(sorted, 0.5);
