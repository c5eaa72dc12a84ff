// Shared set-up for the simulation tests: the analytic fixture (test/fixtures/simulate) loaded
// the way the app loads files, models written as YAML and validated, and requests to simulate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResponseModel } from '../../engine/format/model.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import { formatLocatedError, loadLibrary } from '../../engine/validate/index.js';
import { loadModel } from '../../engine/validate/load-model.js';
import { loadBundledLibrary } from '../../host/library/load.js';

export const SIM_DIR = join(process.cwd(), 'test/fixtures/simulate');

export function simWorld(): Pick<SimulationRequest, 'plan' | 'scenario' | 'script'> {
  const files = ['sim.plan.yaml', 'sim.scenario.yaml', 'exemplary.script.yaml'].map((name) => ({ file: join(SIM_DIR, name), text: readFileSync(join(SIM_DIR, name), 'utf8') }));
  const library = loadLibrary(files);
  const errors = library.reports.flatMap((r) => r.errors);
  if (errors.length > 0) throw new Error(errors.map(formatLocatedError).join('\n'));
  return { plan: library.plans.get('sim')!.plan, scenario: library.scenarios.get('sim-sequence')!.scenario, script: library.scripts.get('sim-sequence')!.get('exemplary')!.script };
}

export function bundledWorld(scenarioId: string, script = 'exemplary'): Pick<SimulationRequest, 'plan' | 'scenario' | 'script'> {
  const library = loadBundledLibrary();
  const scenario = library.scenarios.get(scenarioId)!.scenario;
  return { plan: library.plans.get(scenario.plan)!.plan, scenario, script: library.scripts.get(scenarioId)!.get(script)!.script };
}

/** A model written as YAML, validated against the world's scenario like a file. */
export function modelFrom(world: Pick<SimulationRequest, 'plan' | 'scenario'>, yaml: string, file = 'test.model.yaml'): ResponseModel {
  const loaded = loadModel({ file, text: `format: firedrill-model/1\n${yaml}` }, world.scenario, world.plan);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
  return loaded.model;
}
