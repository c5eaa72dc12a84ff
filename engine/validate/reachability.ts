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

/** Something a condition can wait for: an inject, a decision or a milestone, and what it waits on. */
interface Trigger {
  fact: string;
  when: Condition | undefined;
  /** A milestone also waits for the milestone before it. */
  after?: string;
  reach: () => void;
}

/**
 * An optimistic fixpoint: facts only grow, so it terminates. An inject outside the result can
 * never fire on its own (a facilitator may still release it by hand).
 *
 * A worklist, not repeated sweeps: a trigger is looked at again only when a fact its condition
 * names becomes true (an inject fires, a variable takes a new value...), so a chain of 20,000
 * injects each waiting on the next costs 20,000 steps, not 20,000 sweeps of 20,000.
 */
export function reachability(scenario: Scenario, plan: Plan): Reachability {
  const actions = new Set(plan.actions.map((a) => a.id));
  const injects = new Set<string>();
  const decisions = new Set<string>();
  const milestones = new Set<Milestone>();
  const values = new Map<string, Set<Scalar>>();
  const facts = new Set<string>();
  /** Triggers by the facts their conditions name. */
  const watchers = new Map<string, Trigger[]>();
  const pending: Trigger[] = [];

  const notify = (fact: string) => {
    for (const trigger of watchers.get(fact) ?? []) pending.push(trigger);
  };
  const becomes = (fact: string) => {
    if (facts.has(fact)) return;
    facts.add(fact);
    notify(fact);
  };
  const addValues = (set: Record<string, Scalar> | undefined) => {
    for (const [name, value] of Object.entries(set ?? {})) {
      const known = values.get(name) ?? new Set<Scalar>();
      values.set(name, known);
      if (known.has(value)) continue;
      known.add(value);
      // Each new value may satisfy a condition on this variable.
      notify(`var ${name}`);
    }
  };

  const byInject = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  const fireInject = (id: string) => {
    if (injects.has(id)) return;
    injects.add(id);
    addValues(byInject.get(id)?.set);
    becomes(`inject ${id}`);
  };
  const openDecision = (decision: Scenario['decisions'][number]) => {
    if (decisions.has(decision.id)) return;
    decisions.add(decision.id);
    for (const option of decision.options) {
      addValues(option.set);
      option.fires.forEach(fireInject);
    }
    becomes(`decision ${decision.id}`);
  };

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
    for (const value of possible) {
      if (
        (condition.equals === undefined || value === condition.equals) &&
        (condition.atLeast === undefined || (typeof value === 'number' && value >= condition.atLeast)) &&
        (condition.atMost === undefined || (typeof value === 'number' && value <= condition.atMost))
      ) return true;
    }
    return false;
  };

  const triggers: Trigger[] = [
    ...scenario.injects.filter((inject) => inject.at === undefined).map((inject): Trigger => ({ fact: `inject ${inject.id}`, when: inject.when, reach: () => fireInject(inject.id) })),
    ...scenario.decisions.filter((decision) => decision.at === undefined).map((decision): Trigger => ({ fact: `decision ${decision.id}`, when: decision.when, reach: () => openDecision(decision) })),
    // Milestones are reached in order: each needs the one before it.
    ...MILESTONES.map((milestone, index): Trigger => ({
      fact: `milestone ${milestone}`,
      when: scenario.milestones[milestone].when,
      ...(index > 0 ? { after: `milestone ${MILESTONES[index - 1]}` } : {}),
      reach: () => {
        milestones.add(milestone);
        becomes(`milestone ${milestone}`);
      },
    })),
  ];
  for (const trigger of triggers) {
    const watched = new Set(trigger.after ? [trigger.after] : []);
    if (trigger.when) watchedFacts(trigger.when, watched);
    for (const fact of watched) {
      const list = watchers.get(fact);
      if (list) list.push(trigger);
      else watchers.set(fact, [trigger]);
    }
  }

  for (const [name, value] of Object.entries(scenario.state)) addValues({ [name]: value });
  // Action effects apply whenever their action is taken, which is always possible.
  for (const effect of scenario.actionEffects) {
    if (!actions.has(effect.action)) continue;
    addValues(effect.set);
    effect.fires.forEach(fireInject);
  }
  for (const inject of scenario.injects) if (inject.at !== undefined) fireInject(inject.id);
  for (const decision of scenario.decisions) if (decision.at !== undefined) openDecision(decision);

  pending.push(...triggers);
  while (pending.length > 0) {
    const trigger = pending.pop()!;
    if (facts.has(trigger.fact) || (trigger.after && !facts.has(trigger.after))) continue;
    if (trigger.when && holds(trigger.when)) trigger.reach();
  }
  return { injects, decisions, milestones, ends: scenario.end.when === undefined || holds(scenario.end.when) };
}

/** The facts a condition waits for (references under "not" never hold it back). */
function watchedFacts(condition: Condition, into: Set<string>): void {
  if ('all' in condition) condition.all.forEach((c) => watchedFacts(c, into));
  else if ('any' in condition) condition.any.forEach((c) => watchedFacts(c, into));
  else if ('inject' in condition) into.add(`inject ${condition.inject}`);
  else if ('decision' in condition) into.add(`decision ${condition.decision}`);
  else if ('milestone' in condition) into.add(`milestone ${condition.milestone}`);
  else if ('var' in condition) into.add(`var ${condition.var}`);
}
