import { describe, expect, it } from 'vitest';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { modelFrom, simWorld } from '../../helpers/simulation.js';

// The tornado ranks the inputs that move the time to recover. A tenth of the runs against
// another tenth differ by chance, so an input that moves nothing still shows a swing: it must
// not be ranked as if it mattered. In the analytic fixture recovery is contain then recover; the
// regulator's notification (legal's own step) cannot move it, however it is drawn.

const world = simWorld();

describe('the sensitivity ranking', () => {
  it('ranks the inputs recovery waits for, and leaves out, counted, those that cannot move it', { timeout: 120_000 }, () => {
    const model = modelFrom(world, `id: noise
actions:
  contain: { duration: { uniform: { min: 10m, max: 30m } } }
  recover: { duration: { exponential: { mean: 10m } } }
  notify: { duration: { lognormal: { median: 5m, p90: 30m } }, skip: 0.3, late: { probability: 0.5, by: { uniform: { min: 0m, max: 1h } } } }
roles:
  legal: { onCall: { exponential: { mean: 20m } } }
`);
    const report = simulateHere({ ...world, model, runs: 2000, seed: 11 });
    expect(report.sensitivity.inputs.map((i) => i.id).sort()).toEqual(['duration:contain', 'duration:recover']);
    // notify's duration, skip and lateness, and legal's on-call delay: tested, and within chance.
    expect(report.sensitivity.withinChance).toBe(4);
    for (const input of report.sensitivity.inputs) expect(Math.abs(input.swing)).toBeGreaterThan(input.margin);
  });
});
