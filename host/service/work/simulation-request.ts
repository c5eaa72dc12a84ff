import type { SimulationRequest } from '../../../engine/simulate/setup.js';
import type { Library } from '../../../engine/validate/index.js';
import { loadModel } from '../../../engine/validate/load-model.js';
import type { LocatedError } from '../../../engine/validate/located-error.js';
import { LibraryRefusal } from '../../library/user-library.js';
import { EXEMPLARY_SCRIPT, noExemplaryScriptText } from '../../../engine/simulate/exemplary-script.js';

/** The name a model sent with simulate.start has in located errors and in the report. */
export const SENT_MODEL_FILE = 'model.yaml';

export interface SimulationAsked {
  scenarioId: string;
  planId?: string;
  /** firedrill-model/1 as YAML or JSON text. */
  model?: string;
  runs: number;
  seed: number;
}

/**
 * What simulate.start simulates, from the library: the scenario, its plan, its exemplary script
 * (the simulated team's steps and pace) and the model sent, validated and located as a model
 * file is, with the notes on its settings that change nothing in this scenario (warnings: the
 * run goes on). Runs in the host's worker (validating a model against a large scenario is not for the
 * serving thread); refusals are LibraryRefusals.
 */
export function simulationRequest(library: Library, asked: SimulationAsked): { request: SimulationRequest; notes: LocatedError[] } {
  const scenario = library.scenarios.get(asked.scenarioId)?.scenario;
  if (!scenario) throw new LibraryRefusal('not-found', `there is no scenario "${asked.scenarioId}" in the library`);
  const planId = asked.planId ?? scenario.plan;
  if (planId !== scenario.plan) throw new LibraryRefusal('refused', `scenario "${scenario.id}" is written for plan "${scenario.plan}", not "${planId}"`);
  const plan = library.plans.get(planId)?.plan;
  if (!plan) throw new LibraryRefusal('not-found', `there is no plan "${planId}" in the library`);
  const script = library.scripts.get(scenario.id)?.get(EXEMPLARY_SCRIPT)?.script;
  if (!script) throw new LibraryRefusal('not-found', noExemplaryScriptText(scenario.id));
  const request: SimulationRequest = { plan, scenario, script, runs: asked.runs, seed: asked.seed };
  if (asked.model === undefined) return { request, notes: [] };
  const loaded = loadModel({ file: SENT_MODEL_FILE, text: asked.model }, scenario, plan, script);
  if (!loaded.ok) throw new LibraryRefusal('invalid-file', `the response model has ${loaded.errors.length === 1 ? 'an error' : `${loaded.errors.length} errors`}`, loaded.errors);
  return { request: { ...request, model: loaded.model, modelName: loaded.model.title ?? loaded.model.id }, notes: loaded.notes };
}
