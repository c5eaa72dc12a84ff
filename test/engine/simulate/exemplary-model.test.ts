import { describe, expect, it } from 'vitest';
import { scoreSession } from '../../../engine/scoring/score.js';
import { playScript } from '../../../engine/session/play-script.js';
import { playOneRun } from '../../../engine/simulate/run-records.js';
import { prepareSimulation } from '../../../engine/simulate/setup.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { loadBundledLibrary } from '../../../host/library/load.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// A model with no randomness (every action takes the plan's duration, nothing is skipped, late
// or noticed late) is the exemplary script itself: every simulated run is that drill, played
// by the same engine on the same clock, so its scorecard is `firedrill run --script exemplary`'s.

const scenarios = [...loadBundledLibrary().scenarios.keys()];

describe.each(scenarios)('%s with a model equal to the exemplary script', (id) => {
  const world = bundledWorld(id);
  const model = modelFrom(world, 'id: exemplary-pace\ndurationSpread: 1\n');
  const expected = scoreSession(playScript(world.plan, world.scenario, world.script));

  it('gives every run the scorecard of the scripted drill (the session id aside)', () => {
    const simulation = prepareSimulation({ ...world, model, runs: 3, seed: 99 });
    for (const run of [0, 1, 2]) {
      const card = scoreSession(playOneRun(simulation, run).played.session);
      expect({ ...card, sessionId: expected.sessionId }).toEqual(expected);
      expect(card.sessionId).toBe(`${id}.simulated-${run + 1}`);
    }
  });

  it('reports the scripted drill\'s figures, with no spread and certain breaches', () => {
    const report = simulateHere({ ...world, model, runs: 20, seed: 5 });
    const time = (minutes: number | null) => (minutes === null ? { p50: null, p90: null, reached: 0 } : { p50: minutes, p90: minutes, p95: minutes, mean: minutes, reached: 1 });
    expect(report.timeToDetectMinutes).toMatchObject(time(expected.timeToDetectMinutes));
    expect(report.timeToRecoverMinutes).toMatchObject(time(expected.timeToRecoverMinutes));
    expect(report.overallScore).toMatchObject({ p5: expected.overallScore, p50: expected.overallScore, mean: expected.overallScore });
    expect(report.breaches.every((b) => b.probability === 0 || b.probability === 1)).toBe(true);
    expect(report.sensitivity.inputs).toEqual([]);
  });
});

describe('the flawed scripts too', () => {
  it('are reproduced run for run when the team follows them with no randomness', () => {
    for (const id of scenarios) {
      const world = bundledWorld(id, 'flawed');
      const expected = scoreSession(playScript(world.plan, world.scenario, world.script));
      const simulation = prepareSimulation({ ...world, model: modelFrom(world, 'id: flawed-pace\ndurationSpread: 1\n'), runs: 1, seed: 1 });
      const card = scoreSession(playOneRun(simulation, 0).played.session);
      expect({ ...card, sessionId: expected.sessionId }, id).toEqual(expected);
    }
  });
});
