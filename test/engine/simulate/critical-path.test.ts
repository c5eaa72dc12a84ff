import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// The critical path splits the time from T+0 to recovery between the roles, the noticing of
// injects and the scenario's own clock: each minute once. A step that waited for a busy person
// follows that person's step back; the wait and the other step's work are the same minutes and
// must not be counted twice (which made a short-staffed role look like more of the bottleneck).

describe('the critical path and its bottleneck roles', () => {
  it('adds up, role by role, to the mean time from T+0 to recovery, with one person short', { timeout: 120_000 }, () => {
    const world = bundledWorld('ransomware-production-db');
    const model = modelFrom(world, readFileSync('docs/examples/night-shift.model.yaml', 'utf8').replace(/^format: .*\n/m, ''));
    const report = simulateHere({ ...world, model, runs: 200, seed: 5 });
    expect(report.timeToDetectMinutes.reached).toBe(1);
    expect(report.timeToRecoverMinutes.reached).toBe(1);
    // Time to detect counts from T0, the compromise (40 minutes before T+0 here); the path from T+0.
    const toRecovery = report.timeToDetectMinutes.mean! + report.timeToRecoverMinutes.mean! + world.scenario.groundTruth.compromiseAt / 60_000;
    const held = report.bottlenecks.reduce((sum, r) => sum + r.criticalPathMinutes, 0) + report.criticalPath.noticingMinutes + report.criticalPath.scenarioMinutes;
    expect(Math.abs(held - toRecovery)).toBeLessThan(0.1);
    // IT Operations (one person) waits for itself: its share is of the real path, not of an inflated one.
    expect(report.bottlenecks.reduce((sum, r) => sum + r.criticalPathShare, 0)).toBeLessThanOrEqual(1.0001);
  });
});
