import { bootstrapMedian, type BootstrapOptions, type MedianEstimate } from '../stats/bootstrap.js';
import { round2 } from '../stats/descriptive.js';
import type { Drill } from './drill-history.js';

// Honest figures over drills: how many there are beside every figure, medians with a seeded
// bootstrap interval rather than bare means, and "not enough drills to tell" when two periods'
// intervals overlap. A handful of drills cannot show a 10% change in time to recover (Davidovič,
// Incident Metrics in SRE, 2021); these functions say so instead of drawing a trend through noise.

/** For times, faster or slower; for the score, higher or lower; or no change shown. */
export type PeriodVerdict = 'faster' | 'slower' | 'higher' | 'lower' | 'not enough drills to tell';

export interface PeriodComparison {
  before: MedianEstimate;
  after: MedianEstimate;
  /** after − before, of the medians. */
  difference: number | null;
  /** Lower is better for times: "faster" when the intervals do not overlap and the later one is lower. */
  verdict: PeriodVerdict;
}

/**
 * Fewer drills than this and a figure has no interval, and two periods no verdict. Below it a
 * percentile bootstrap cannot reach past the drills' own range: its "95%" interval held the true
 * median 52% of the time with 2 drills, 73% with 3, 88% with 4, and 92% with 5 or more (400
 * samples each); and two periods of 2 drills of one unchanged process looked apart one time in
 * three, of 3 one in ten (of 5, one in eighty). The tests of drillMedian and comparePeriods keep it so.
 */
export const MIN_DRILLS_FOR_INTERVAL = 5;

/** The median of some drills' measure, with its bootstrap interval when there are drills enough for one. */
export function drillMedian(samples: ArrayLike<number>, options: BootstrapOptions = {}): MedianEstimate {
  const estimate = bootstrapMedian(samples, options);
  return estimate.n >= MIN_DRILLS_FOR_INTERVAL ? estimate : { ...estimate, low: null, high: null };
}

/** Two periods' medians (earlier, later): a change only when both have intervals and these do not overlap. */
export function comparePeriods(before: ArrayLike<number>, after: ArrayLike<number>, options: BootstrapOptions = {}): PeriodComparison {
  const a = drillMedian(before, options);
  const b = drillMedian(after, options);
  const difference = a.median === null || b.median === null ? null : round2(b.median - a.median);
  const told = a.low !== null && b.low !== null && (b.high! < a.low || a.high! < b.low);
  return { before: a, after: b, difference, verdict: !told ? 'not enough drills to tell' : b.median! < a.median! ? 'faster' : 'slower' };
}

/** The measures given for drills: the three times (simulated minutes) and the overall score. */
export const DRILL_MEASURES = ['timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes', 'overallScore'] as const;
export type DrillMeasure = (typeof DRILL_MEASURES)[number];

export type DrillSample = Pick<Drill, 'sessionId' | 'startedAt' | DrillMeasure>;

export interface DrillStatistics {
  /** Drills counted (after the exclusions), and the sessions left out. */
  drills: number;
  excluded: string[];
  /** Each measure's median and interval, with n: the drills that reached the milestone. */
  measures: Record<DrillMeasure, MedianEstimate>;
}

export interface DrillStatisticsOptions extends BootstrapOptions {
  /** Session ids to leave out of the figures (a test run, an aborted drill). */
  exclude?: Iterable<string>;
}

const sample = (drills: readonly DrillSample[], measure: DrillMeasure) => Float64Array.from(drills, (d) => d[measure] ?? NaN);

/** The figures of a set of drills, honestly: medians with intervals, n beside each, exclusions honoured. */
export function drillStatistics(drills: readonly DrillSample[], options: DrillStatisticsOptions = {}): DrillStatistics {
  const excluded = new Set(options.exclude ?? []);
  const kept = drills.filter((d) => !excluded.has(d.sessionId));
  return {
    drills: kept.length,
    excluded: drills.filter((d) => excluded.has(d.sessionId)).map((d) => d.sessionId),
    measures: Object.fromEntries(DRILL_MEASURES.map((m) => [m, drillMedian(sample(kept, m), options)])) as Record<DrillMeasure, MedianEstimate>,
  };
}

export interface PeriodsOfDrills {
  /** Drills that started before this moment (ISO) are the earlier period; the rest the later. */
  splitAt: string;
  earlier: number;
  later: number;
  excluded: string[];
  comparisons: Record<DrillMeasure, PeriodComparison>;
}

/** Each measure of two sets of drills compared; a higher score is "higher", not "faster". */
function compareMeasures(earlier: readonly DrillSample[], later: readonly DrillSample[], options: BootstrapOptions): Record<DrillMeasure, PeriodComparison> {
  return Object.fromEntries(DRILL_MEASURES.map((m) => {
    const comparison = comparePeriods(sample(earlier, m), sample(later, m), options);
    // A higher score is better: "faster" and "slower" are said of times only.
    return [m, m === 'overallScore' && comparison.verdict !== 'not enough drills to tell' ? { ...comparison, verdict: comparison.verdict === 'faster' ? 'lower' : 'higher' } : comparison];
  })) as Record<DrillMeasure, PeriodComparison>;
}

/** Is a measure changing? The drills before and after a moment, compared measure by measure. */
export function comparePeriodsOfDrills(drills: readonly DrillSample[], splitAt: string, options: DrillStatisticsOptions = {}): PeriodsOfDrills {
  const excluded = new Set(options.exclude ?? []);
  const kept = drills.filter((d) => !excluded.has(d.sessionId));
  const earlier = kept.filter((d) => d.startedAt < splitAt);
  const later = kept.filter((d) => d.startedAt >= splitAt);
  return { splitAt, earlier: earlier.length, later: later.length, excluded: drills.filter((d) => excluded.has(d.sessionId)).map((d) => d.sessionId), comparisons: compareMeasures(earlier, later, options) };
}

/**
 * The later half of the drills (oldest first) against the earlier half, measure by measure; null
 * below two drills. Split by position, not by date: drills started at the same moment (journals
 * of `firedrill run` all start at their scenario's T0) still fall in two halves.
 */
export function compareHalves(drills: readonly DrillSample[], options: BootstrapOptions = {}): PeriodsOfDrills | null {
  if (drills.length < 2) return null;
  const ordered = [...drills].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId));
  const half = Math.floor(ordered.length / 2);
  const [earlier, later] = [ordered.slice(0, half), ordered.slice(half)];
  // splitAt names the first later drill's start; the halves are taken by position.
  return { splitAt: ordered[half]!.startedAt, earlier: earlier.length, later: later.length, excluded: [], comparisons: compareMeasures(earlier, later, options) };
}

/**
 * The later half of a group's drills against the earlier half, or null: below two drills, or when
 * the drills are of several scenarios (a plan's drills): a later half of harder scenarios would
 * read as "slower" with nothing changed in the team, so each scenario is compared on its own.
 */
export function compareHalvesOfOneScenario(drills: readonly (DrillSample & Pick<Drill, 'scenarioId'>)[], options: BootstrapOptions = {}): PeriodsOfDrills | null {
  return new Set(drills.map((d) => d.scenarioId)).size > 1 ? null : compareHalves(drills, options);
}

/** What the figures of a group say of its halves, measure by measure, in words. */
export function laterHalfText(drills: readonly (DrillSample & Pick<Drill, 'scenarioId'>)[]): (measure: DrillMeasure) => string {
  const halves = compareHalvesOfOneScenario(drills);
  if (halves) return (measure) => verdictText(halves.comparisons[measure].verdict, halves.earlier, halves.later);
  const scenarios = new Set(drills.map((d) => d.scenarioId)).size;
  return () => (scenarios > 1 ? `drills of ${scenarios} scenarios: see each scenario for a change` : 'one drill: nothing to compare yet');
}

/** A comparison of two periods in words: "not enough drills to tell" unless the intervals are apart. */
export function verdictText(verdict: PeriodVerdict, earlier: number, later: number): string {
  const drills = (n: number) => `${n} drill${n === 1 ? '' : 's'}`;
  if (verdict === 'not enough drills to tell') return `earlier ${drills(earlier)} against later ${drills(later)}: not enough drills to tell`;
  return `${verdict} in the later ${drills(later)} than the earlier ${drills(earlier)}`;
}

/** A figure as people should read it: "42m (n = 7; 95% interval 30m to 55m)"; below five drills, no interval. */
export function estimateText(estimate: MedianEstimate, format: (value: number) => string): string {
  if (estimate.median === null) return `no drill reached it (n = 0)`;
  const n = `n = ${estimate.n}`;
  if (estimate.low === null) return `${format(estimate.median)} (${n}: not enough drills for an interval)`;
  return `${format(estimate.median)} (${n}; ${Math.round(estimate.confidence * 100)}% interval ${format(estimate.low)} to ${format(estimate.high!)})`;
}
