import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { FACILITATOR, type ResponseScript } from '../format/script.js';
import { problemList, unknownId, type FieldProblem } from './references.js';

/** Cross-reference checks of a response script against its scenario and plan. */
export function checkScript(script: ResponseScript, scenario: Scenario, plan: Plan): FieldProblem[] {
  const { problems, report } = problemList();
  const roles = new Set(plan.roles.map((r) => r.id));
  const actors = new Set([...roles, FACILITATOR]);
  const actions = new Map(plan.actions.map((a) => [a.id, a]));
  const injects = new Set(scenario.injects.map((i) => i.id));
  const decisions = new Map(scenario.decisions.map((d) => [d.id, d]));
  const levels = new Set(plan.severityLevels.map((s) => s.level));
  const objectives = new Set(scenario.objectives.map((o) => o.id));

  let previousAt = 0;
  script.steps.forEach((step, i) => {
    const at = ['steps', i];
    if (step.at < previousAt) report([...at, 'at'], 'steps must be in time order (this one is earlier than the step before it)');
    previousAt = Math.max(previousAt, step.at);
    if (!actors.has(step.by)) report([...at, 'by'], () => unknownId('role', step.by, actors));
    const facilitatorOnly = step.releaseInject !== undefined || step.holdInject !== undefined || step.end !== undefined || step.observation !== undefined;
    if (facilitatorOnly && step.by !== FACILITATOR) report([...at, 'by'], `only the facilitator releases or holds injects, notes observations and ends the session (by: ${FACILITATOR})`);
    if (!facilitatorOnly && step.by === FACILITATOR) report([...at, 'by'], 'the facilitator does not take actions, declare severity or answer decisions for the team: name the role');
    const { action, option } = step;
    if (action !== undefined && !actions.has(action)) report([...at, 'action'], () => unknownId('action', action, actions.keys()));
    if (step.declareSeverity !== undefined && !levels.has(step.declareSeverity)) report([...at, 'declareSeverity'], `severity level ${step.declareSeverity} is not in the plan (levels: ${[...levels].join(', ')})`);
    if (step.decision !== undefined) {
      const named = step.decision;
      const decision = decisions.get(named);
      if (!decision) report([...at, 'decision'], () => unknownId('decision', named, decisions.keys()));
      else if (option !== undefined && !decision.options.some((o) => o.id === option)) {
        report([...at, 'option'], () => unknownId('option', option, decision.options.map((o) => o.id), `of decision "${decision.id}"`));
      }
    }
    for (const field of ['releaseInject', 'holdInject'] as const) {
      const id = step[field];
      if (id !== undefined && !injects.has(id)) report([...at, field], () => unknownId('inject', id, injects));
    }
    const { objective, inject } = step.observation ?? {};
    if (objective !== undefined && !objectives.has(objective)) report([...at, 'observation', 'objective'], () => unknownId('objective', objective, objectives));
    if (inject !== undefined && !injects.has(inject)) report([...at, 'observation', 'inject'], () => unknownId('inject', inject, injects));
    if (step.end && i !== script.steps.length - 1) report([...at, 'end'], 'the end step must be the last step');
  });
  return problems;
}
