import { lowestAndHighest, mean, quantile, round2, sortedValues } from '../stats/descriptive.js';
import { normalQuantile } from './distributions.js';
import type { RunRecords } from './run-records.js';
import type { Simulation } from './setup.js';

// A simulation's figures as one plain, JSON-serialisable structure: what `firedrill simulate`
// prints, and what its Markdown and HTML reports (and the app's stress test view) are drawn from.
// Built from every run's records in run order, so it is the same whichever threads played them.

export const SIMULATION_VERSION = 1;

export interface Spread {
  p50: number | null;
  p90: number | null;
  p95: number | null;
  mean: number | null;
}

/** A time's spread over the runs that reached the milestone, and the share that did. */
export interface TimeSpread extends Spread {
  reached: number;
}

export interface ScoreSpread extends Spread {
  p5: number | null;
  p10: number | null;
}

export interface Breach {
  id: string;
  title: string;
  /** Share of runs that missed the deadline. */
  probability: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface RoleFigure {
  role: string;
  title: string;
  people: number;
  /** Mean minutes of the critical path spent by the role (working, pacing, waiting), over runs recovered. */
  criticalPathMinutes: number;
  /** Share of the critical path. */
  criticalPathShare: number;
  /** Mean minutes per run the role's steps waited for a free person or for the role to come on call. */
  waitMinutes: number;
}

export interface SensitivityInput {
  id: string;
  title: string;
  /** Mean time to recover when the input was low (its lowest tenth of runs, or: did not happen) and high. */
  low: number;
  high: number;
  /** high − low, minutes: how far this input alone moves the time to recover. */
  swing: number;
  /**
   * Minutes a swing could reach by chance alone: the 95% margin of the difference of the two
   * means, widened for the number of inputs tested (Bonferroni). Every ranked swing exceeds it.
   */
  margin: number;
  lowRuns: number;
  highRuns: number;
}

export interface Difference {
  /** "timeToRecoverMinutes" (the mean of a time), "overallScore", or a deadline's id (the probability of missing it). */
  id: string;
  title: string;
  a: number | null;
  b: number | null;
  /** b − a, and its 95% interval from the paired runs (both models drew the same luck). */
  difference: number | null;
  low: number | null;
  high: number | null;
  /** Runs the difference stands on. */
  n: number;
}

export interface SimulationReport {
  simulationVersion: typeof SIMULATION_VERSION;
  scenarioId: string;
  scenarioTitle: string;
  planId: string;
  model: { id: string; title: string; source: string };
  runs: number;
  seed: number;
  timeToDetectMinutes: TimeSpread;
  timeToContainMinutes: TimeSpread;
  timeToRecoverMinutes: TimeSpread;
  overallScore: ScoreSpread;
  targets: { detectMinutes: number; containMinutes: number; recoverMinutes: number };
  breaches: Breach[];
  criticalPath: {
    /** The commonest paths to recovery and the share of recovered runs that took each. */
    common: { steps: string[]; share: number }[];
    noticingMinutes: number;
    scenarioMinutes: number;
  };
  /** The roles, the one that holds the critical path longest first. */
  bottlenecks: RoleFigure[];
  /** inputs: those whose swing exceeds what chance could give, widest first (at most 15); withinChance: the inputs tested that did not. */
  sensitivity: { measure: 'timeToRecoverMinutes'; inputs: SensitivityInput[]; withinChance: number };
  histograms: Record<'timeToDetectMinutes' | 'timeToContainMinutes' | 'timeToRecoverMinutes' | 'overallScore', HistogramBin[]>;
  comparison?: { model: { id: string; title: string; source: string }; differences: Difference[]; breaches: Difference[] };
  definitions: Record<keyof typeof SIMULATION_DEFINITIONS, string>;
}

export const SIMULATION_DEFINITIONS = {
  runs: 'each run is one drill of the scenario played by the engine on the simulated clock, with the team\'s steps, durations and delays drawn from the model',
  times: 'p50, p90 and p95: half, nine in ten and 19 in 20 of the runs that reached the milestone took no longer; mean over those runs; reached: the share of runs that reached it. Time to detect = detected − T0; to contain = contained − detected; to recover = recovered − detected; for the score: half, nine in ten and 19 in 20 of all runs scored no more than p50, p90 and p95',
  breaches: 'probability: the share of runs that missed the deadline (a step or duty never done misses it)',
  criticalPath: 'the chain of steps that decided when the incident was recovered, traced back from the step that completed recovery through what each step waited for',
  bottlenecks: 'people: as the model says, or as many as the exemplary script keeps busy at once; critical path: minutes of the path from T+0 to recovery each role held (working, pacing, waiting to come on call), averaged over recovered runs, each minute counted once; wait: minutes per run the role\'s steps waited for a free person or the on-call delay',
  sensitivity: 'mean time to recover in the runs where the input was lowest (bottom tenth; for yes/no inputs: when it did not happen) against highest (top tenth; when it happened): the inputs that move recovery most come first. Margin: how far the swing could go by chance alone (95%, allowing for the number of inputs tested); inputs whose swing is within it are left out',
  comparison: 'b − a with a 95% interval (mean ± 1.96 standard errors of the paired differences: both models meet the same draws run by run); a time\'s means are over the runs where both reached it (n), a deadline\'s the share of runs that missed it',
} as const;

const TIMES = ['timeToDetect', 'timeToContain', 'timeToRecover'] as const;
const TIME_TITLES = { timeToDetect: 'Time to detect', timeToContain: 'Time to contain', timeToRecover: 'Time to recover' } as const;
const Z95 = 1.959963984540054;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const rounded = (value: number | null) => (value === null ? null : round2(value));

function spreadOf(values: Float64Array): Spread {
  const sorted = sortedValues(values);
  return { p50: rounded(quantile(sorted, 0.5)), p90: rounded(quantile(sorted, 0.9)), p95: rounded(quantile(sorted, 0.95)), mean: rounded(mean(sorted)) };
}

function timeSpread(values: Float64Array): TimeSpread {
  const reached = sortedValues(values).length;
  return { ...spreadOf(values), reached: values.length === 0 ? 0 : round4(reached / values.length) };
}

/** A "nice" bin width (1, 2 or 5 times a power of ten) giving about `bins` bins. */
function niceWidth(span: number, bins: number): number {
  if (span <= 0) return 1;
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw)!;
}

/** The score's bins are at least a twentieth of 10 points wide (half a point): on its chart a bar stays visible. */
const SCORE_MIN_SPAN = 10;

/**
 * About `bins` bins of a nice width over the values; the last bin holds its upper edge, so the
 * highest value (a score of 100) sits in the bin below it rather than in one of its own past it.
 * `minSpan` keeps bins from being too thin to see when the values barely spread (scores of 99 to 100).
 */
export function histogram(values: Float64Array, bins = 20, minSpan = 0): HistogramBin[] {
  const sorted = sortedValues(values);
  if (sorted.length === 0) return [];
  const lowest = sorted[0]!;
  const highest = sorted[sorted.length - 1]!;
  const width = niceWidth(Math.max(highest - lowest, minSpan), bins);
  const edge = Math.floor(lowest / width) * width;
  // Every value the same, on a bin's edge: the one bin ends there, as the top bin always does.
  const start = highest === edge && highest > 0 ? edge - width : edge;
  const top = Math.max(0, Math.ceil((highest - start) / width) - 1);
  const counts = new Map<number, number>();
  for (const value of sorted) {
    const bin = Math.min(Math.floor((value - start) / width), top);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  const last = Math.max(...counts.keys());
  return Array.from({ length: last + 1 }, (_, bin) => ({ from: round2(start + bin * width), to: round2(start + (bin + 1) * width), count: counts.get(bin) ?? 0 }));
}

/** The mean and the variance (n − 1) of the time to recover over some runs. */
function meanAndVariance(records: RunRecords, runs: number[]): { mean: number; variance: number } {
  const m = runs.reduce((sum, run) => sum + records.timeToRecover[run]!, 0) / runs.length;
  const squares = runs.reduce((sum, run) => sum + (records.timeToRecover[run]! - m) ** 2, 0);
  return { mean: m, variance: runs.length > 1 ? squares / (runs.length - 1) : NaN };
}

function sensitivity(simulation: Simulation, records: RunRecords): SimulationReport['sensitivity'] {
  const { inputs } = simulation;
  const recovered: number[] = [];
  for (let run = 0; run < records.count; run++) if (!Number.isNaN(records.timeToRecover[run]!)) recovered.push(run);
  const tested: { input: (typeof inputs)[number]; low: number[]; high: number[] }[] = [];
  inputs.forEach((input, i) => {
    const value = (run: number) => records.inputs[run * inputs.length + i]!;
    let low: number[];
    let high: number[];
    if (input.kind === 'skip' || input.kind === 'late' || input.kind === 'wrong-role') {
      low = recovered.filter((run) => value(run) === 0);
      high = recovered.filter((run) => value(run) > 0);
    } else {
      const tenth = Math.max(1, Math.floor(recovered.length / 10));
      [low, high] = lowestAndHighest(recovered, value, tenth);
    }
    // Two runs a side at least: one run says nothing of how far its mean could stray.
    if (low.length >= 2 && high.length >= 2) tested.push({ input, low, high });
  });
  // A hundred runs against another hundred differ by chance: an input that moves nothing still
  // swings. Each swing is set against the margin chance allows, made wider the more inputs are
  // tested, so that with 95% confidence no input in the ranking is there by chance alone.
  const z = tested.length === 0 ? 0 : normalQuantile(1 - 0.025 / tested.length);
  const results: SensitivityInput[] = [];
  for (const { input, low, high } of tested) {
    const [l, h] = [meanAndVariance(records, low), meanAndVariance(records, high)];
    const swing = h.mean - l.mean;
    const margin = z * Math.sqrt(l.variance / low.length + h.variance / high.length);
    if (Math.abs(swing) <= margin) continue;
    results.push({ id: input.id, title: input.title, low: round2(l.mean), high: round2(h.mean), swing: round2(swing), margin: round2(margin), lowRuns: low.length, highRuns: high.length });
  }
  results.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.id.localeCompare(b.id));
  return { measure: 'timeToRecoverMinutes', inputs: results.slice(0, 15), withinChance: tested.length - results.length };
}

function roleFigures(simulation: Simulation, records: RunRecords): { roles: RoleFigure[]; noticing: number; scenario: number } {
  const { roles, request, model } = simulation;
  const width = roles.length + 2;
  const column = (c: number) => {
    let sum = 0;
    let n = 0;
    for (let run = 0; run < records.count; run++) {
      const v = records.pathMinutes[run * width + c]!;
      if (Number.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n === 0 ? 0 : sum / n;
  };
  const path = Array.from({ length: width }, (_, c) => column(c));
  const total = path.reduce((s, v) => s + v, 0);
  const figures = roles.map((role, r): RoleFigure => {
    let wait = 0;
    for (let run = 0; run < records.count; run++) wait += records.waitMinutes[run * roles.length + r]!;
    return {
      role,
      title: request.plan.roles[r]!.title,
      people: model.roles[role]!.people,
      criticalPathMinutes: round2(path[r]!),
      criticalPathShare: total === 0 ? 0 : round4(path[r]! / total),
      waitMinutes: records.count === 0 ? 0 : round2(wait / records.count),
    };
  });
  figures.sort((a, b) => b.criticalPathMinutes - a.criticalPathMinutes || b.waitMinutes - a.waitMinutes || a.role.localeCompare(b.role));
  return { roles: figures, noticing: round2(path[roles.length]!), scenario: round2(path[roles.length + 1]!) };
}

function commonPaths(records: RunRecords): { steps: string[]; share: number }[] {
  let recovered = 0;
  for (const count of records.pathCounts.values()) recovered += count;
  return [...records.pathCounts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 3)
    .map(([path, count]) => ({ steps: path.split(' → '), share: round4(count / recovered) }));
}

/** The report of a simulation from the records of all its runs. */
export function simulationReport(simulation: Simulation, records: RunRecords): SimulationReport {
  const { request, model, breaches } = simulation;
  const level = request.plan.severityLevels.find((s) => s.level === request.scenario.expectedSeverity)!;
  const { roles, noticing, scenario } = roleFigures(simulation, records);
  const breachProbability = (b: number) => {
    let count = 0;
    for (let run = 0; run < records.count; run++) count += records.breaches[run * breaches.length + b]!;
    return records.count === 0 ? 0 : round4(count / records.count);
  };
  return {
    simulationVersion: SIMULATION_VERSION,
    scenarioId: request.scenario.id,
    scenarioTitle: request.scenario.title,
    planId: request.plan.id,
    model: { id: model.id, title: model.title, source: model.source },
    runs: records.count,
    seed: request.seed,
    timeToDetectMinutes: timeSpread(records.timeToDetect),
    timeToContainMinutes: timeSpread(records.timeToContain),
    timeToRecoverMinutes: timeSpread(records.timeToRecover),
    overallScore: (() => {
      const sorted = sortedValues(records.score);
      return { p5: rounded(quantile(sorted, 0.05)), p10: rounded(quantile(sorted, 0.1)), ...spreadOf(records.score) };
    })(),
    targets: { detectMinutes: level.targets.detect / 60_000, containMinutes: level.targets.contain / 60_000, recoverMinutes: level.targets.recover / 60_000 },
    breaches: breaches.map((b, i) => ({ id: b.id, title: b.title, probability: breachProbability(i) })),
    criticalPath: { common: commonPaths(records), noticingMinutes: noticing, scenarioMinutes: scenario },
    bottlenecks: roles,
    sensitivity: sensitivity(simulation, records),
    histograms: {
      timeToDetectMinutes: histogram(records.timeToDetect),
      timeToContainMinutes: histogram(records.timeToContain),
      timeToRecoverMinutes: histogram(records.timeToRecover),
      overallScore: histogram(records.score, 20, SCORE_MIN_SPAN),
    },
    definitions: { ...SIMULATION_DEFINITIONS },
  };
}

/** Paired differences b − a over the runs where both have a value, with a normal 95% interval. */
function pairedDifference(id: string, title: string, a: ArrayLike<number>, b: ArrayLike<number>): Difference {
  const d: number[] = [];
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) continue;
    d.push(b[i]! - a[i]!);
    sumA += a[i]!;
    sumB += b[i]!;
  }
  const n = d.length;
  if (n === 0) return { id, title, a: null, b: null, difference: null, low: null, high: null, n };
  const meanD = d.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(d.reduce((s, v) => s + (v - meanD) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? Z95 * (sd / Math.sqrt(n)) : null;
  return {
    id, title, a: round4(sumA / n), b: round4(sumB / n), difference: round4(meanD),
    low: half === null ? null : round4(meanD - half), high: half === null ? null : round4(meanD + half), n,
  };
}

/** Model b against model a, run by run: both were simulated with the same seed, so run i met the same draws in both. */
export function compareSimulations(a: { simulation: Simulation; records: RunRecords }, b: { simulation: Simulation; records: RunRecords }): NonNullable<SimulationReport['comparison']> {
  const breachColumn = (side: typeof a, b2: number) => Float64Array.from({ length: side.records.count }, (_, run) => side.records.breaches[run * side.simulation.breaches.length + b2]!);
  return {
    model: { id: b.simulation.model.id, title: b.simulation.model.title, source: b.simulation.model.source },
    differences: [
      ...TIMES.map((t) => pairedDifference(`${t}Minutes`, `${TIME_TITLES[t]} (mean)`, a.records[t], b.records[t])),
      pairedDifference('overallScore', 'Overall score (mean)', a.records.score, b.records.score),
    ],
    breaches: a.simulation.breaches.map((breach, i) => pairedDifference(breach.id, breach.title, breachColumn(a, i), breachColumn(b, i))),
  };
}
