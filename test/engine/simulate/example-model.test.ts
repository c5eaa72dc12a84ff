import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../engine/validate/load-model.js';
import { bundledWorld } from '../../helpers/simulation.js';

// The example in docs/examples stays a valid model of the scenario its comment runs it with.

describe('docs/examples/night-shift.model.yaml', () => {
  it('validates against the ransomware scenario and its plan', () => {
    const file = 'docs/examples/night-shift.model.yaml';
    const world = bundledWorld('ransomware-production-db');
    expect(loadModel({ file, text: readFileSync(file, 'utf8') }, world.scenario, world.plan)).toMatchObject({ ok: true });
  });
});
