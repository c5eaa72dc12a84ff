import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { forEachConditionLeaf, type Condition } from '../format/condition.js';
import { MILESTONES } from '../format/common.js';
import { closestId, duplicateIds, findCycles, problemList, unknownId, type FieldProblem } from './references.js';
import { reachability } from './reachability.js';

type Path = (string | number)[];

/** Cross-reference checks of a scenario against itself and the plan it names. */
export function checkScenario(scenario: Scenario, plan: Plan): FieldProblem[] {
  const { problems, report, reportAll } = problemList();
  const roles = new Set(plan.roles.map((r) => r.id));
  const actions = new Set(plan.actions.map((a) => a.id));
  const injects = new Set(scenario.injects.map((i) => i.id));
  // The first of duplicated ids counts (the duplicate itself is reported).
  const decisions = new Map<string, Scenario['decisions'][number]>();
  for (const d of scenario.decisions) if (!decisions.has(d.id)) decisions.set(d.id, d);
  const variables = new Set(Object.keys(scenario.state));
  const levels = new Set(plan.severityLevels.map((s) => s.level));
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat);
  const steps = new Set(playbook?.steps.map((s) => s.id) ?? []);
  const duties = new Set(plan.duties.map((d) => d.id));

  const known = (what: string, set: Set<string>, id: string, path: Path, of?: string) => {
    if (!set.has(id)) report(path, () => unknownId(what, id, set, of));
  };
  const unknownVariable = (name: string) => {
    const message = unknownId('state variable', name, variables);
    return message.includes('did you mean') ? message : `${message}; declare each variable under "state"`;
  };
  const stateChanges = (set: Record<string, unknown> | undefined, path: Path) => {
    for (const name of Object.keys(set ?? {})) {
      if (!variables.has(name)) report([...path, name], () => unknownVariable(name));
    }
  };
  const condition = (when: Condition | undefined, path: Path) => {
    if (!when) return;
    forEachConditionLeaf(when, (leaf, below) => {
      const at = [...path, ...below];
      if ('action' in leaf) known('action', actions, leaf.action, [...at, 'action']);
      else if ('inject' in leaf) known('inject', injects, leaf.inject, [...at, 'inject']);
      else if ('decision' in leaf) {
        const decision = decisions.get(leaf.decision);
        if (!decision) report([...at, 'decision'], () => unknownId('decision', leaf.decision, decisions.keys()));
        else if (leaf.option !== undefined) known('option', new Set(decision.options.map((o) => o.id)), leaf.option, [...at, 'option'], `of decision "${decision.id}"`);
      } else if ('severityDeclared' in leaf) {
        if (leaf.severityDeclared !== 'any' && !levels.has(leaf.severityDeclared)) report([...at, 'severityDeclared'], `severity level ${leaf.severityDeclared} is not in the plan (levels: ${[...levels].join(', ')})`);
      } else if ('var' in leaf) {
        if (!variables.has(leaf.var)) report([...at, 'var'], () => unknownVariable(leaf.var));
        else if ((leaf.atLeast !== undefined || leaf.atMost !== undefined) && typeof scenario.state[leaf.var] !== 'number') {
          report([...at, leaf.atLeast !== undefined ? 'atLeast' : 'atMost'], `state variable "${leaf.var}" is not a number, so it cannot be compared with atLeast/atMost`);
        }
      }
    });
  };

  if (!playbook) {
    const threats = plan.playbooks.map((p) => p.threat);
    const hint = closestId(scenario.threat, threats);
    report(['threat'], `the plan "${plan.id}" has no playbook for threat "${scenario.threat}" (${hint ? `did you mean "${hint}"?` : `its playbooks are for ${threats.join(', ')}`})`);
  }
  if (!levels.has(scenario.expectedSeverity)) report(['expectedSeverity'], `severity level ${scenario.expectedSeverity} is not in the plan (levels: ${[...levels].join(', ')})`);
  scenario.duties.forEach((id, i) => known('duty', duties, id, ['duties', i]));
  if (playbook) scenario.notApplicable.forEach((id, i) => known('step', steps, id, ['notApplicable', i], `of the ${playbook.threat} playbook`));

  reportAll([
    ...duplicateIds(scenario.objectives, (o) => o.id, (i) => ['objectives', i, 'id'], 'objective'),
    ...duplicateIds(scenario.injects, (o) => o.id, (i) => ['injects', i, 'id'], 'inject'),
    ...duplicateIds(scenario.decisions, (o) => o.id, (i) => ['decisions', i, 'id'], 'decision'),
  ]);
  scenario.objectives.forEach((objective, i) => {
    if (playbook) objective.steps.forEach((id, j) => known('step', steps, id, ['objectives', i, 'steps', j], `of the ${playbook.threat} playbook`));
    objective.duties.forEach((id, j) => known('duty', new Set(scenario.duties), id, ['objectives', i, 'duties', j], 'in this scenario\'s "duties"'));
    objective.decisions.forEach((id, j) => known('decision', new Set(decisions.keys()), id, ['objectives', i, 'decisions', j]));
    if (objective.steps.length + objective.duties.length + objective.decisions.length === 0 && !objective.severity) {
      report(['objectives', i], `objective "${objective.id}" measures nothing: list steps, duties or decisions, or set severity: true`);
    }
  });

  scenario.injects.forEach((inject, i) => {
    inject.to.forEach((id, j) => known('role', roles, id, ['injects', i, 'to', j]));
    inject.expects.forEach((id, j) => known('action', actions, id, ['injects', i, 'expects', j]));
    condition(inject.when, ['injects', i, 'when']);
    condition(inject.unless, ['injects', i, 'unless']);
    stateChanges(inject.set, ['injects', i, 'set']);
  });

  scenario.decisions.forEach((decision, i) => {
    known('role', roles, decision.role, ['decisions', i, 'role']);
    condition(decision.when, ['decisions', i, 'when']);
    reportAll(duplicateIds(decision.options, (o) => o.id, (j) => ['decisions', i, 'options', j, 'id'], 'option'));
    const options = new Set(decision.options.map((o) => o.id));
    if (decision.default !== undefined) known('option', options, decision.default, ['decisions', i, 'default'], `of decision "${decision.id}"`);
    decision.options.forEach((option, j) => {
      option.fires.forEach((id, k) => known('inject', injects, id, ['decisions', i, 'options', j, 'fires', k]));
      stateChanges(option.set, ['decisions', i, 'options', j, 'set']);
    });
  });

  scenario.actionEffects.forEach((effect, i) => {
    known('action', actions, effect.action, ['actionEffects', i, 'action']);
    effect.fires.forEach((id, k) => known('inject', injects, id, ['actionEffects', i, 'fires', k]));
    stateChanges(effect.set, ['actionEffects', i, 'set']);
  });
  for (const milestone of MILESTONES) condition(scenario.milestones[milestone].when, ['milestones', milestone, 'when']);
  condition(scenario.end.when, ['end', 'when']);

  // Stop here if any reference is broken: the analysis below assumes they all resolve.
  if (problems.length > 0) return problems;

  // Trigger cycles: injects and decisions waiting on each other (references under "not" are not waits).
  const waitsOn = new Map<string, string[]>();
  const dependencies = (when: Condition | undefined) => {
    const found: string[] = [];
    const walk = (c: Condition) => {
      if ('all' in c) c.all.forEach(walk);
      else if ('any' in c) c.any.forEach(walk);
      else if ('inject' in c) found.push(`inject ${c.inject}`);
      else if ('decision' in c) found.push(`decision ${c.decision}`);
      else if ('milestone' in c) found.push(`milestone ${c.milestone}`);
    };
    if (when) walk(when);
    return found;
  };
  scenario.injects.forEach((inject) => waitsOn.set(`inject ${inject.id}`, dependencies(inject.when)));
  scenario.decisions.forEach((decision) => waitsOn.set(`decision ${decision.id}`, dependencies(decision.when)));
  for (const milestone of MILESTONES) waitsOn.set(`milestone ${milestone}`, dependencies(scenario.milestones[milestone].when));
  const reach = reachability(scenario, plan);
  const inCycle = new Set<string>();
  for (const cycle of findCycles(waitsOn)) {
    const reachable = (node: string) => {
      const [kind, id] = node.split(' ') as [string, string];
      return kind === 'inject' ? reach.injects.has(id) : kind === 'decision' ? reach.decisions.has(id) : reach.milestones.has(id as never);
    };
    if (cycle.some(reachable)) continue; // another branch of a trigger lets the cycle start
    const [kind, id] = cycle[0]!.split(' ') as [string, string];
    cycle.forEach((node) => inCycle.add(node));
    report(pathOfTrigger(scenario, kind, id), `trigger cycle: ${cycle.join(' -> ')}; each waits for the next, so none can fire`);
  }

  scenario.injects.forEach((inject, i) => {
    if (!reach.injects.has(inject.id) && !inCycle.has(`inject ${inject.id}`)) {
      report(['injects', i, 'when'], `inject "${inject.id}" can never fire: nothing in the scenario can make its "when" hold`);
    }
  });
  scenario.decisions.forEach((decision, i) => {
    if (!reach.decisions.has(decision.id) && !inCycle.has(`decision ${decision.id}`)) {
      report(['decisions', i, 'when'], `decision "${decision.id}" can never be put to the team: nothing can make its "when" hold`);
    }
  });
  for (const milestone of MILESTONES) {
    if (!reach.milestones.has(milestone) && !inCycle.has(`milestone ${milestone}`)) {
      const index = MILESTONES.indexOf(milestone);
      const previous = MILESTONES[index - 1];
      const why = previous && !reach.milestones.has(previous) ? `it comes after "${previous}", which can never be reached` : 'nothing in the scenario can make its "when" hold';
      report(['milestones', milestone, 'when'], `milestone "${milestone}" can never be reached: ${why}`);
    }
  }
  if (!reach.ends) report(['end', 'when'], 'the end condition can never hold; the exercise would only stop at its time limit');
  return problems;
}

function pathOfTrigger(scenario: Scenario, kind: string, id: string): Path {
  if (kind === 'inject') return ['injects', scenario.injects.findIndex((i) => i.id === id), 'when'];
  if (kind === 'decision') return ['decisions', scenario.decisions.findIndex((d) => d.id === id), 'when'];
  return ['milestones', id, 'when'];
}
