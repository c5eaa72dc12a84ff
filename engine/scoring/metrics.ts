import type { Milestone } from '../format/common.js';
import type { SeverityLevel } from '../format/plan.js';
import { toMinutes } from './minutes.js';
import type { Metric } from './scorecard.js';


export const METRIC_DEFINITIONS = {
  detected: { title: 'Time to detect', definition: 'time to detect = detected − T0 (when the compromise really began)' },
  contained: { title: 'Time to contain', definition: 'time to contain = contained − detected' },
  recovered: { title: 'Time to recover', definition: 'time to recover = recovered − detected' },
} as const;

/** Time to detect, contain and recover in simulated time, each against the plan's target for the scenario's severity. */
export function sessionMetrics(milestones: Partial<Record<Milestone, number>>, compromiseAt: number, level: SeverityLevel): Metric[] {
  const detected = milestones.detected;
  const span = (to: number | undefined, from: number | undefined) => (to !== undefined && from !== undefined ? toMinutes(to - from) : null);
  const metric = (milestone: 'detected' | 'contained' | 'recovered', minutes: number | null, target: number): Metric => ({
    milestone,
    ...METRIC_DEFINITIONS[milestone],
    minutes,
    targetMinutes: toMinutes(target),
    met: minutes === null ? null : minutes <= toMinutes(target),
  });
  return [
    metric('detected', span(detected, compromiseAt), level.targets.detect),
    metric('contained', span(milestones.contained, detected), level.targets.contain),
    metric('recovered', span(milestones.recovered, detected), level.targets.recover),
  ];
}

export interface Spread {
  /** Sessions that reached the milestone (the others have no figure). */
  count: number;
  mean: number | null;
  median: number | null;
  /** Sample standard deviation; null below two samples. */
  stdev: number | null;
  min: number | null;
  max: number | null;
  /** Least-squares slope in minutes per drill, in drill order: negative means getting faster. */
  trendPerDrill: number | null;
}

/** Mean, median, spread and trend of one metric across drills, in the order given (oldest first). */
export function spread(samples: readonly (number | null)[]): Spread {
  const points = samples.map((value, index) => ({ index, value })).filter((p): p is { index: number; value: number } => p.value !== null);
  const values = points.map((p) => p.value);
  if (values.length === 0) return { count: 0, mean: null, median: null, stdev: null, min: null, max: null, trendPerDrill: null };
  const round = (n: number) => Math.round(n * 100) / 100;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const stdev = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : null;
  let trend: number | null = null;
  if (points.length > 1) {
    const meanX = points.reduce((s, p) => s + p.index, 0) / points.length;
    const sxx = points.reduce((s, p) => s + (p.index - meanX) ** 2, 0);
    trend = sxx === 0 ? null : points.reduce((s, p) => s + (p.index - meanX) * (p.value - mean), 0) / sxx;
  }
  return {
    count: values.length,
    mean: round(mean),
    median: round(median),
    stdev: stdev === null ? null : round(stdev),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    trendPerDrill: trend === null ? null : round(trend),
  };
}

export interface MetricsAcrossDrills {
  drills: number;
  timeToDetect: Spread & { definition: string };
  timeToContain: Spread & { definition: string };
  timeToRecover: Spread & { definition: string };
}

/** The "M" of MTTD and MTTR: the figures of many drills, oldest first. */
export function metricsAcrossDrills(drills: readonly { timeToDetectMinutes: number | null; timeToContainMinutes: number | null; timeToRecoverMinutes: number | null }[]): MetricsAcrossDrills {
  return {
    drills: drills.length,
    timeToDetect: { ...spread(drills.map((d) => d.timeToDetectMinutes)), definition: METRIC_DEFINITIONS.detected.definition },
    timeToContain: { ...spread(drills.map((d) => d.timeToContainMinutes)), definition: METRIC_DEFINITIONS.contained.definition },
    timeToRecover: { ...spread(drills.map((d) => d.timeToRecoverMinutes)), definition: METRIC_DEFINITIONS.recovered.definition },
  };
}
