import type { Plan } from '../format/plan.js';
import { duplicateIds, findCycles, problemList, unknownId, type FieldProblem } from './references.js';

/** Cross-reference checks inside a plan: every id it names exists, and nothing depends on itself. */
export function checkPlan(plan: Plan): FieldProblem[] {
  const { problems, report, reportAll } = problemList();
  const roles = new Set(plan.roles.map((r) => r.id));
  const actions = new Set(plan.actions.map((a) => a.id));
  const phasesOf = (framework: string) => new Set(plan.phases.filter((p) => p.framework === framework).map((p) => p.id));
  const r2Phases = phasesOf('nist-800-61r2');
  const csfFunctions = phasesOf('csf-2.0');
  const role = (id: string, path: (string | number)[]) => {
    if (!roles.has(id)) report(path, () => unknownId('role', id, roles));
  };
  const action = (id: string, path: (string | number)[]) => {
    if (!actions.has(id)) report(path, () => unknownId('action', id, actions));
  };

  reportAll([
    ...duplicateIds(plan.roles, (r) => r.id, (i) => ['roles', i, 'id'], 'role'),
    ...duplicateIds(plan.severityLevels, (s) => s.level, (i) => ['severityLevels', i, 'level'], 'severity level'),
    ...duplicateIds(plan.phases, (p) => p.id, (i) => ['phases', i, 'id'], 'phase'),
    ...duplicateIds(plan.actions, (a) => a.id, (i) => ['actions', i, 'id'], 'action'),
    ...duplicateIds(plan.playbooks, (p) => p.threat, (i) => ['playbooks', i, 'threat'], 'playbook for threat'),
    ...duplicateIds(plan.duties, (d) => d.id, (i) => ['duties', i, 'id'], 'duty'),
  ]);

  const levels = plan.severityLevels.map((s) => s.level).sort((a, b) => a - b);
  const firstOutOfLine = levels.findIndex((level, index) => level !== index + 1);
  if (firstOutOfLine >= 0 && !problems.some((p) => p.path[0] === 'severityLevels')) {
    // Point at the first level that breaks the run 1, 2, 3...
    const at = plan.severityLevels.findIndex((s) => s.level === levels[firstOutOfLine]);
    report(['severityLevels', at, 'level'], `severity levels must be numbered 1 to ${levels.length} without gaps (found ${levels.join(', ')})`);
  }
  if (phasesOf(plan.scoreBy).size === 0) {
    report(['scoreBy'], `the plan scores by ${plan.scoreBy} but defines no phase of that framework`);
  }
  plan.severityDeclaredBy.forEach((id, i) => role(id, ['severityDeclaredBy', i]));

  plan.actions.forEach((a, i) => {
    a.roles.forEach((id, j) => role(id, ['actions', i, 'roles', j]));
    if (!r2Phases.has(a.phase)) report(['actions', i, 'phase'], () => unknownId('NIST SP 800-61 r2 phase', a.phase, r2Phases));
    if (!csfFunctions.has(a.function)) report(['actions', i, 'function'], () => unknownId('CSF 2.0 function', a.function, csfFunctions));
    a.prerequisites.forEach((id, j) => {
      action(id, ['actions', i, 'prerequisites', j]);
      if (id === a.id) report(['actions', i, 'prerequisites', j], `action "${a.id}" cannot be its own prerequisite`);
    });
  });
  const prerequisiteGraph = new Map(plan.actions.map((a) => [a.id, a.prerequisites.filter((p) => p !== a.id)]));
  for (const cycle of findCycles(prerequisiteGraph)) {
    const index = plan.actions.findIndex((a) => a.id === cycle[0]);
    report(['actions', index, 'prerequisites'], `prerequisite cycle: ${cycle.join(' -> ')}; none of these actions could ever be taken in order`);
  }

  plan.playbooks.forEach((playbook, p) => {
    const steps = new Set(playbook.steps.map((s) => s.id));
    reportAll(duplicateIds(playbook.steps, (s) => s.id, (i) => ['playbooks', p, 'steps', i, 'id'], 'playbook step'));
    playbook.steps.forEach((step, s) => {
      const at = ['playbooks', p, 'steps', s];
      step.actions.forEach((id, j) => action(id, [...at, 'actions', j]));
      role(step.owner, [...at, 'owner']);
      step.after.forEach((id, j) => {
        if (!steps.has(id)) report([...at, 'after', j], () => unknownId('step', id, steps, `of the ${playbook.threat} playbook`));
      });
    });
    const orderGraph = new Map(playbook.steps.map((s) => [s.id, s.after]));
    for (const cycle of findCycles(orderGraph)) {
      const index = playbook.steps.findIndex((s) => s.id === cycle[0]);
      report(['playbooks', p, 'steps', index, 'after'], `order cycle: ${cycle.join(' -> ')}; no order of these steps satisfies it`);
    }
  });

  plan.duties.forEach((duty, d) => {
    role(duty.owner, ['duties', d, 'owner']);
    duty.actions.forEach((id, j) => action(id, ['duties', d, 'actions', j]));
  });
  return problems;
}
