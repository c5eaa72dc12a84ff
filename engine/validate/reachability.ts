import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { Condition } from '../format/condition.js';
import { MILESTONES, type Milestone, type Scalar } from '../format/common.js';

/** What could ever happen in a scenario, found by assuming every action may be taken. */
export interface Reachability {
  injects: Set<string>;
  decisions: Set<string>;
  milestones: Set<Milestone>;
  ends: boolean;
}

/**
 * An optimistic fixpoint: facts only grow, so it terminates. An inject outside the result can
 * never fire on its own (a facilitator may still release it by hand).
 */
export function reachability(scenario: Scenario, plan: Plan): Reachability {
  const actions = new Set(plan.actions.map((a) => a.id));
  const injects = new Set<string>();
  const decisions = new Set<string>();
  const milestones = new Set<Milestone>();
  const values = new Map<string, Scalar[]>(Object.entries(scenario.state).map(([name, value]) => [name, [value]]));
  const addValues = (set: Record<string, Scalar> | undefined) => {
    for (const [name, value] of Object.entries(set ?? {})) {
      const known = values.get(name) ?? [];
      if (!known.includes(value)) values.set(name, [...known, value]);
    }
  };
  // Action effects apply whenever their action is taken, which is always possible.
  for (const effect of scenario.actionEffects) {
    if (!actions.has(effect.action)) continue;
    addValues(effect.set);
    effect.fires.forEach((id) => injects.add(id));
  }

  const holds = (condition: Condition): boolean => {
    if ('all' in condition) return condition.all.every(holds);
    if ('any' in condition) return condition.any.some(holds);
    if ('not' in condition) return true;
    if ('action' in condition) return actions.has(condition.action);
    if ('decision' in condition) return decisions.has(condition.decision);
    if ('inject' in condition) return injects.has(condition.inject);
    if ('milestone' in condition) return milestones.has(condition.milestone);
    if ('severityDeclared' in condition) return true;
    const possible = values.get(condition.var) ?? [];
    return possible.some(
      (value) =>
        (condition.equals === undefined || value === condition.equals) &&
        (condition.atLeast === undefined || (typeof value === 'number' && value >= condition.atLeast)) &&
        (condition.atMost === undefined || (typeof value === 'number' && value <= condition.atMost)),
    );
  };

  let changed = true;
  while (changed) {
    const before = injects.size + decisions.size + milestones.size + [...values.values()].reduce((n, v) => n + v.length, 0);
    for (const inject of scenario.injects) {
      if (!injects.has(inject.id) && (inject.at !== undefined || (inject.when && holds(inject.when)))) injects.add(inject.id);
      if (injects.has(inject.id)) addValues(inject.set);
    }
    for (const decision of scenario.decisions) {
      if (!decisions.has(decision.id) && (decision.at !== undefined || (decision.when && holds(decision.when)))) decisions.add(decision.id);
      if (decisions.has(decision.id)) {
        for (const option of decision.options) {
          addValues(option.set);
          option.fires.forEach((id) => injects.add(id));
        }
      }
    }
    // Milestones are reached in order: each needs the one before it.
    for (const [index, milestone] of MILESTONES.entries()) {
      const previous = index === 0 ? true : milestones.has(MILESTONES[index - 1]!);
      if (previous && holds(scenario.milestones[milestone].when)) milestones.add(milestone);
    }
    const after = injects.size + decisions.size + milestones.size + [...values.values()].reduce((n, v) => n + v.length, 0);
    changed = after !== before;
  }
  return { injects, decisions, milestones, ends: scenario.end.when === undefined || holds(scenario.end.when) };
}
