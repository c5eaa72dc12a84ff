import type { Distribution } from '../format/distribution.js';
import { prepareSimulation, type SimulationRequest } from './setup.js';

// The team a simulation uses when the model leaves a role's people or on-call delay unsaid: what
// the stress test's blank knobs stand for, so the form can say it. Read off the simulation itself
// (prepareSimulation), so what the form says is what a run would use.

export interface RoleDefault {
  role: string;
  /** As many people as the exemplary script keeps busy at once (at least one). */
  people: number;
  /** Minutes before the role's people are there once first needed; null if the default were a spread rather than one time. */
  onCallMinutes: number | null;
}

const fixedMinutes = (d: Distribution) => (d.kind === 'fixed' ? d.value / 60_000 : null);

/** Per role of the plan, in its order: the default model's people and on-call delay for this scenario. */
export function teamDefaults(world: Pick<SimulationRequest, 'plan' | 'scenario' | 'script'>): RoleDefault[] {
  // No runs are played: the count and seed change nothing in the model.
  const { roles, model } = prepareSimulation({ plan: world.plan, scenario: world.scenario, script: world.script, runs: 1, seed: 0 });
  return roles.map((role) => ({ role, people: model.roles[role]!.people, onCallMinutes: fixedMinutes(model.roles[role]!.onCall) }));
}
