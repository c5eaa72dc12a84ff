import { beforeAll, describe, expect, it } from 'vitest';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import type { SimulationReport } from '../../../engine/simulate/report.js';
import { modelFrom, simWorld } from '../../helpers/simulation.js';

// Models whose answers are known on paper, over 10,000 runs of the analytic fixture: detected
// at T+0, time to contain = contain's duration, time to recover = contain's + recover's (they
// run in sequence), the regulator duty met unless notify is skipped. Targets: contain 15m,
// recover 30m. Fixed seeds, so each test gives the same figures every time; the tolerances are
// what the sampling error of 10,000 runs allows (about 3.5 standard errors) plus the report's
// rounding, so a model drawn wrongly (a mean off by 5%, a skip rate off by 0.02) fails.

const RUNS = 10_000;
const world = simWorld();
const simulate = (yaml: string, seed = 20_260_314): SimulationReport => simulateHere({ ...world, model: modelFrom(world, `id: known\n${yaml}`), runs: RUNS, seed });
const breach = (report: SimulationReport, id: string) => report.breaches.find((b) => b.id === id)!.probability;

/** The p-quantile of a distribution given its CDF, by bisection. */
function inverse(cdf: (x: number) => number, p: number, high = 1000): number {
  let [lo, hi] = [0, high];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// Contain and recover each exponential with mean 10 minutes: time to contain is exponential,
// time to recover (the two in sequence) is their sum, Gamma(2, 10 minutes).
let exponentials: SimulationReport;
// Contain uniform from 10 to 30 minutes, recover instant; notify skipped three times in ten.
let uniformAndSkip: SimulationReport;
beforeAll(() => {
  exponentials = simulate('actions:\n  contain: { duration: { exponential: { mean: 10m } } }\n  recover: { duration: { exponential: { mean: 10m } } }\n');
  uniformAndSkip = simulate('durationSpread: 1\nactions:\n  contain: { duration: { uniform: { min: 10m, max: 30m } } }\n  recover: { duration: 0m }\n  notify: { skip: 0.3 }\n');
}, 120_000); // a guard, not a measure: 20,000 runs take a few seconds on an idle machine

describe('one action with an exponential duration (mean 10 minutes)', () => {
  const exponential = (p: number) => -10 * Math.log(1 - p);

  it('gives the exponential quantiles and mean as the time to contain', () => {
    const ttc = exponentials.timeToContainMinutes;
    // Standard errors over 10,000 runs: p50 0.10, p90 0.30, p95 0.44, mean 0.10 minutes.
    expect(Math.abs(ttc.p50! - exponential(0.5))).toBeLessThan(0.35); // 6.93
    expect(Math.abs(ttc.p90! - exponential(0.9))).toBeLessThan(1.05); // 23.03
    expect(Math.abs(ttc.p95! - exponential(0.95))).toBeLessThan(1.55); // 29.96
    expect(Math.abs(ttc.mean! - 10)).toBeLessThan(0.35);
    expect(ttc.reached).toBe(1);
  });

  it('misses the 15-minute containment target with probability e^-1.5', () => {
    // 0.2231; standard error 0.0042.
    expect(Math.abs(breach(exponentials, 'target:contain') - Math.exp(-1.5))).toBeLessThan(0.015);
  });
});

describe('one action with a uniform duration (10 to 30 minutes)', () => {
  it('gives the uniform quantiles, and misses a 15-minute target three times in four', () => {
    const ttc = uniformAndSkip.timeToContainMinutes;
    // Standard errors: p50 0.10, p90 0.06 minutes; the breach 0.0043.
    expect(Math.abs(ttc.p50! - 20)).toBeLessThan(0.35);
    expect(Math.abs(ttc.p90! - 28)).toBeLessThan(0.25);
    expect(Math.abs(ttc.p95! - 29)).toBeLessThan(0.2);
    expect(Math.abs(ttc.mean! - 20)).toBeLessThan(0.25);
    expect(Math.abs(breach(uniformAndSkip, 'target:contain') - 0.75)).toBeLessThan(0.015);
  });
});

describe('two actions in sequence, each exponential with mean 10 minutes', () => {
  // Their sum is Gamma(2, 10 minutes): P(T <= x) = 1 - e^(-x/10) (1 + x/10).
  const gamma = (x: number) => 1 - Math.exp(-x / 10) * (1 + x / 10);

  it('gives the gamma quantiles and mean as the time to recover', () => {
    const ttr = exponentials.timeToRecoverMinutes;
    // Standard errors: p50 0.13, p90 0.40, mean 0.14 minutes.
    expect(Math.abs(ttr.p50! - inverse(gamma, 0.5))).toBeLessThan(0.5); // 16.78
    expect(Math.abs(ttr.p90! - inverse(gamma, 0.9))).toBeLessThan(1.4); // 38.90
    expect(Math.abs(ttr.mean! - 20)).toBeLessThan(0.5);
  });

  it('misses the 30-minute recovery target with probability 4 e^-3', () => {
    // 0.1991; standard error 0.0040.
    expect(Math.abs(breach(exponentials, 'target:recover') - 4 * Math.exp(-3))).toBeLessThan(0.015);
  });

  it('puts the analyst on the critical path, contain then recover', () => {
    expect(exponentials.criticalPath.common[0]).toEqual({ steps: ['Analyst: Contain', 'Analyst: Recover'], share: 1 });
    expect(exponentials.bottlenecks[0]).toMatchObject({ role: 'analyst', criticalPathShare: 1 });
    // Each duration moves recovery by about the same: both lead the tornado; notify's spread cannot move it and is left out.
    expect(exponentials.sensitivity.inputs.map((i) => i.id).sort()).toEqual(['duration:contain', 'duration:recover']);
    expect(exponentials.sensitivity.withinChance).toBe(1);
  });
});

describe('a skip probability of 0.3 on the regulator duty', () => {
  it('breaches the duty in three runs in ten, and the skip moves nothing else', () => {
    // Standard error 0.0046.
    expect(Math.abs(breach(uniformAndSkip, 'duty:regulator') - 0.3)).toBeLessThan(0.015);
    // Recovery does not wait for the regulator: the skip's swing is within chance, left out of the tornado.
    expect(uniformAndSkip.sensitivity.inputs.map((i) => i.id)).toEqual(['duration:contain']);
    expect(uniformAndSkip.sensitivity.withinChance).toBe(1);
  });
});
