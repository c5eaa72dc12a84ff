import type { ResponseModel } from '../format/model.js';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { ResponseScript } from '../format/script.js';
import { breachCatalogue, inputCatalogue, type BreachDef, type InputDef } from './catalogue.js';
import { responsePolicy, type ResponsePolicy } from './policy.js';
import { resolveModel, type ResolvedModel } from './resolved-model.js';

/** What a simulation is asked: plain data, so a worker thread can be handed it and build the same simulation. */
export interface SimulationRequest {
  plan: Plan;
  scenario: Scenario;
  /** The response script the team's pace and steps come from (the exemplary one). */
  script: ResponseScript;
  /** A validated model file; none: the default model. */
  model?: ResponseModel;
  /** Names the model in reports (a file name, "default"). */
  modelName?: string;
  runs: number;
  seed: number;
}

/** A simulation ready to play runs: the policy, the model with every knob set, and what each run counts. */
export interface Simulation {
  request: SimulationRequest;
  policy: ResponsePolicy;
  model: ResolvedModel;
  breaches: BreachDef[];
  inputs: InputDef[];
  /** The plan's roles, in its order: the columns of the per-role figures. */
  roles: string[];
}

export function prepareSimulation(request: SimulationRequest): Simulation {
  const policy = responsePolicy(request.plan, request.scenario, request.script);
  const model = resolveModel(policy, request.model, request.modelName ? { id: request.model?.id ?? 'default', source: request.modelName } : undefined);
  return { request, policy, model, breaches: breachCatalogue(policy), inputs: inputCatalogue(policy, model), roles: request.plan.roles.map((r) => r.id) };
}
