import type { Plan, PlanAction, SeverityLevel, Duty } from '../format/plan.js';
import type { Scenario, Inject, Decision, ActionEffect } from '../format/scenario.js';
import { MILESTONES, type Milestone } from '../format/common.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import { forEachConditionLeaf } from '../format/condition.js';

/** A scenario and its plan with the look-ups the engine needs on every event, built once. */
export interface ScenarioIndex {
  scenario: Scenario;
  plan: Plan;
  actions: Map<string, PlanAction>;
  roles: Set<string>;
  injects: Map<string, Inject>;
  decisions: Map<string, Decision>;
  effectsByAction: Map<string, ActionEffect[]>;
  levels: Map<number, SeverityLevel>;
  expectedLevel: SeverityLevel;
  duties: Duty[];
  /** Injects and decisions that wait on a condition, in scenario order, with the condition compiled. */
  triggeredInjects: { inject: Inject; when: CompiledCondition }[];
  /** The `unless` of each contingency inject. */
  injectUnless: Map<string, CompiledCondition>;
  triggeredDecisions: { decision: Decision; when: CompiledCondition }[];
  milestoneRules: { milestone: Milestone; when: CompiledCondition }[];
  /** Actions something waits on (a trigger, a milestone, an effect, a duty): their completion is timed. */
  watchedActions: Set<string>;
  endWhen: CompiledCondition | undefined;
}

export function indexScenario(scenario: Scenario, plan: Plan): ScenarioIndex {
  const levels = new Map(plan.severityLevels.map((s) => [s.level, s]));
  const effectsByAction = new Map<string, ActionEffect[]>();
  for (const effect of scenario.actionEffects) effectsByAction.set(effect.action, [...(effectsByAction.get(effect.action) ?? []), effect]);
  const expectedLevel = levels.get(scenario.expectedSeverity);
  if (!expectedLevel) throw new Error(`scenario ${scenario.id}: severity ${scenario.expectedSeverity} is not in plan ${plan.id} (validate it first)`);
  return {
    scenario,
    plan,
    actions: new Map(plan.actions.map((a) => [a.id, a])),
    roles: new Set(plan.roles.map((r) => r.id)),
    injects: new Map(scenario.injects.map((i) => [i.id, i])),
    decisions: new Map(scenario.decisions.map((d) => [d.id, d])),
    effectsByAction,
    levels,
    expectedLevel,
    duties: plan.duties.filter((d) => scenario.duties.includes(d.id)),
    triggeredInjects: scenario.injects.filter((i) => i.when !== undefined).map((inject) => ({ inject, when: compileCondition(inject.when!) })),
    injectUnless: new Map(scenario.injects.filter((i) => i.unless !== undefined).map((inject) => [inject.id, compileCondition(inject.unless!)])),
    triggeredDecisions: scenario.decisions.filter((d) => d.when !== undefined).map((decision) => ({ decision, when: compileCondition(decision.when!) })),
    milestoneRules: MILESTONES.map((milestone) => ({ milestone, when: compileCondition(scenario.milestones[milestone].when) })),
    endWhen: scenario.end.when ? compileCondition(scenario.end.when) : undefined,
    watchedActions: watchedActions(scenario, plan),
  };
}

function watchedActions(scenario: Scenario, plan: Plan): Set<string> {
  const watched = new Set<string>();
  const conditions = [
    ...scenario.injects.flatMap((i) => [i.when, i.unless]), ...scenario.decisions.map((d) => d.when),
    ...MILESTONES.map((m) => scenario.milestones[m].when), scenario.end.when,
  ];
  for (const condition of conditions) if (condition) forEachConditionLeaf(condition, (leaf) => 'action' in leaf && watched.add(leaf.action));
  for (const effect of scenario.actionEffects) watched.add(effect.action);
  for (const duty of plan.duties) if (scenario.duties.includes(duty.id)) duty.actions.forEach((a) => watched.add(a));
  return watched;
}
