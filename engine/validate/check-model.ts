import type { ResponseModel } from '../format/model.js';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { unknownId, type FieldProblem } from './references.js';

/** A problem with a model's field; atKey when the field's key is the unknown id (roles: { analyst: ... }). */
export interface ModelProblem extends FieldProblem {
  atKey?: boolean;
}

/** Cross-reference checks of a response model against the scenario it is simulated with and its plan. */
export function checkModel(model: ResponseModel, scenario: Scenario, plan: Plan): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const roles = new Set(plan.roles.map((r) => r.id));
  const actions = new Set(plan.actions.map((a) => a.id));
  const decisions = new Set(scenario.decisions.map((d) => d.id));
  const injects = new Set(scenario.injects.map((i) => i.id));
  const known = (what: string, set: Set<string>, id: string, path: (string | number)[], atKey = true) => {
    if (!set.has(id)) problems.push({ path, message: unknownId(what, id, set), atKey });
  };

  if (model.plan !== undefined && model.plan !== plan.id) problems.push({ path: ['plan'], message: `the model is for plan "${model.plan}"; scenario "${scenario.id}" is scored against plan "${plan.id}"` });
  for (const role of Object.keys(model.roles)) known('role', roles, role, ['roles', role]);
  for (const [action, behaviour] of Object.entries(model.actions)) {
    known('action', actions, action, ['actions', action]);
    if (behaviour.wrongRole?.role !== undefined) known('role', roles, behaviour.wrongRole.role, ['actions', action, 'wrongRole', 'role'], false);
  }
  for (const decision of Object.keys(model.decisions)) known('decision', decisions, decision, ['decisions', decision]);
  model.whatIf?.off?.injects.forEach((inject, i) => known('inject', injects, inject, ['whatIf', 'off', 'injects', i], false));
  model.whatIf?.off?.actions.forEach((action, i) => known('action', actions, action, ['whatIf', 'off', 'actions', i], false));
  for (const role of Object.keys(model.whatIf?.extraPeople ?? {})) known('role', roles, role, ['whatIf', 'extraPeople', role]);
  return problems;
}
