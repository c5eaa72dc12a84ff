import { bootstrapMedian, type BootstrapOptions, type MedianEstimate } from '../stats/bootstrap.js';
import { round2 } from '../stats/descriptive.js';

// Honest figures over drills: how many there are beside every figure, medians with a seeded
// bootstrap interval rather than bare means, and "not enough drills to tell" when two periods'
// intervals overlap. A handful of drills cannot show a 10% change in time to recover (Davidovič,
// Incident Metrics in SRE, 2021); these functions say so instead of drawing a trend through noise.

export type PeriodVerdict = 'faster' | 'slower' | 'not enough drills to tell';

export interface PeriodComparison {
  before: MedianEstimate;
  after: MedianEstimate;
  /** after − before, of the medians. */
  difference: number | null;
  /** Lower is better for times: "faster" when the intervals do not overlap and the later one is lower. */
  verdict: PeriodVerdict;
}

/** Two periods' medians (earlier, later): a change only when their intervals do not overlap. */
export function comparePeriods(before: ArrayLike<number>, after: ArrayLike<number>, options: BootstrapOptions = {}): PeriodComparison {
  const a = bootstrapMedian(before, options);
  const b = bootstrapMedian(after, options);
  const difference = a.median === null || b.median === null ? null : round2(b.median - a.median);
  const told = a.low !== null && b.low !== null && (b.high! < a.low || a.high! < b.low!);
  return { before: a, after: b, difference, verdict: !told ? 'not enough drills to tell' : b.median! < a.median! ? 'faster' : 'slower' };
}
