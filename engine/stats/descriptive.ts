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
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const kept = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) kept[k++] = values[i]!;
  return kept.sort();
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

/**
 * The `count` items of lowest and of highest value, each in order of value and then of place: what
 * sorting every item and taking both ends gives, without sorting them all (the stress test's
 * tornado did that once per input, most of its report's time at 10,000 runs). The cut values come
 * from the values sorted alone; only the items beyond a cut are sorted. Values must be numbers, not NaN.
 */
export function lowestAndHighest<T>(items: readonly T[], value: (item: T) => number, count: number): [T[], T[]] {
  const n = Math.min(count, items.length);
  if (n === 0) return [[], []];
  // Array sort is stable and the lists below are filled in place order: equal values keep it.
  const byValue = (a: T, b: T) => value(a) - value(b);
  const values = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) values[i] = value(items[i]!);
  const sorted = values.slice().sort();
  const [lowCut, highCut] = [sorted[n - 1]!, sorted[items.length - n]!];
  const below: T[] = [];
  const atLow: T[] = [];
  const above: T[] = [];
  const atHigh: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const v = values[i]!;
    if (v < lowCut) below.push(item);
    else if (v === lowCut) atLow.push(item);
    if (v > highCut) above.push(item);
    else if (v === highCut) atHigh.push(item);
  }
  // Items tied at a cut keep their places: the lowest take the first of them, the highest the last.
  const lowest = below.sort(byValue).concat(atLow.slice(0, n - below.length));
  const highest = atHigh.slice(atHigh.length - (n - above.length)).concat(above.sort(byValue));
  return [lowest, highest];
}
