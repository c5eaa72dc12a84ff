import type { ResponseModel } from '../format/model.js';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { ResponseScript } from '../format/script.js';
import { unknownId, type FieldProblem } from './references.js';

/** A problem with a model's field; atKey when the field's key is the unknown id (roles: { analyst: ... }). */
export interface ModelProblem extends FieldProblem {
  atKey?: boolean;
}

/**
 * The parts of a model that name roles, actions, decisions and injects, as written: the checks
 * below read them from a parsed model or from a file that failed its schema elsewhere, so a person
 * gets every problem they can fix in one pass rather than the unknown ids after the schema errors.
 */
export interface ModelReferences {
  plan?: unknown;
  roles?: unknown;
  actions?: unknown;
  decisions?: unknown;
  whatIf?: unknown;
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const keysOf = (value: unknown) => (isMapping(value) ? Object.keys(value) : []);
const field = (value: unknown, key: string) => (isMapping(value) ? value[key] : undefined);
/** The texts of a list, with their places; anything else is the schema's to report. */
const textsOf = (value: unknown): [string, number][] => (Array.isArray(value) ? value.flatMap((item, i): [string, number][] => (typeof item === 'string' ? [[item, i]] : [])) : []);

/** Cross-reference checks of a response model against the scenario it is simulated with and its plan. */
export function checkModel(model: ModelReferences, scenario: Scenario, plan: Plan): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const roles = new Set(plan.roles.map((r) => r.id));
  const actions = new Set(plan.actions.map((a) => a.id));
  const decisions = new Set(scenario.decisions.map((d) => d.id));
  const injects = new Set(scenario.injects.map((i) => i.id));
  const known = (what: string, set: Set<string>, id: string, path: (string | number)[], atKey = true) => {
    if (!set.has(id)) problems.push({ path, message: unknownId(what, id, set), atKey });
  };

  if (typeof model.plan === 'string' && model.plan !== plan.id) problems.push({ path: ['plan'], message: `the model is for plan "${model.plan}"; scenario "${scenario.id}" is scored against plan "${plan.id}"` });
  for (const role of keysOf(model.roles)) known('role', roles, role, ['roles', role]);
  for (const action of keysOf(model.actions)) {
    known('action', actions, action, ['actions', action]);
    const instead = field(field(field(model.actions, action), 'wrongRole'), 'role');
    if (typeof instead === 'string') known('role', roles, instead, ['actions', action, 'wrongRole', 'role'], false);
  }
  for (const decision of keysOf(model.decisions)) known('decision', decisions, decision, ['decisions', decision]);
  const off = field(model.whatIf, 'off');
  for (const [inject, i] of textsOf(field(off, 'injects'))) known('inject', injects, inject, ['whatIf', 'off', 'injects', i], false);
  for (const [action, i] of textsOf(field(off, 'actions'))) known('action', actions, action, ['whatIf', 'off', 'actions', i], false);
  for (const role of keysOf(field(model.whatIf, 'extraPeople'))) known('role', roles, role, ['whatIf', 'extraPeople', role]);
  return problems;
}

/**
 * Settings that validate but change nothing in this scenario: an action the team's script never
 * takes, a channel no inject comes by, a role that never acts. A model may be written for a team
 * and reused across scenarios, so these are warnings, not errors; but never silently ignored.
 */
export function modelNotes(model: ResponseModel, scenario: Scenario, script: ResponseScript): ModelProblem[] {
  const notes: ModelProblem[] = [];
  const taken = new Set(script.steps.flatMap((s) => (s.action ? [s.action] : [])));
  const answered = new Set(script.steps.flatMap((s) => (s.decision ? [s.decision] : [])));
  const channels = new Set<string>(scenario.injects.map((i) => i.channel));
  const wrongRoles = Object.values(model.actions).map((a) => a.wrongRole).filter((w) => w !== undefined);
  // A wrong-role setting without a role may hand a step to any role: then every role may act.
  const acting = wrongRoles.some((w) => w.role === undefined) ? null : new Set([...script.steps.map((s) => s.by), ...wrongRoles.map((w) => w.role!)]);
  const nothing = 'so this setting changes nothing';
  const action = (id: string, path: (string | number)[], atKey: boolean) => {
    if (!taken.has(id)) notes.push({ path, atKey, message: `the team never takes this action in scenario "${scenario.id}" (its ${script.name} script does not), ${nothing}` });
  };
  const channel = (id: string, path: (string | number)[], atKey: boolean) => {
    if (!channels.has(id)) notes.push({ path, atKey, message: `no inject of scenario "${scenario.id}" comes by ${id}, ${nothing}` });
  };
  const role = (id: string, path: (string | number)[]) => {
    if (acting && !acting.has(id)) notes.push({ path, atKey: true, message: `this role never acts in scenario "${scenario.id}" (its ${script.name} script gives it no step), ${nothing}` });
  };
  for (const id of Object.keys(model.roles)) role(id, ['roles', id]);
  for (const [id, behaviour] of Object.entries(model.actions)) {
    action(id, ['actions', id], true);
    const instead = behaviour.wrongRole?.role;
    const owners = new Set(script.steps.filter((s) => s.action === id).map((s) => s.by));
    if (instead !== undefined && owners.size === 1 && owners.has(instead)) notes.push({ path: ['actions', id, 'wrongRole', 'role'], message: `${instead} already does this action in the ${script.name} script, ${nothing}` });
  }
  for (const id of Object.keys(model.channels)) channel(id, ['channels', id], true);
  for (const id of Object.keys(model.decisions)) {
    if (!answered.has(id)) notes.push({ path: ['decisions', id], atKey: true, message: `the team never answers this decision in scenario "${scenario.id}" (its ${script.name} script does not), ${nothing}` });
  }
  if (model.severity && !script.steps.some((s) => s.declareSeverity !== undefined)) notes.push({ path: ['severity'], atKey: true, message: `the ${script.name} script never declares a severity, ${nothing}` });
  model.whatIf?.off?.channels.forEach((id, i) => channel(id, ['whatIf', 'off', 'channels', i], false));
  model.whatIf?.off?.actions.forEach((id, i) => action(id, ['whatIf', 'off', 'actions', i], false));
  for (const id of Object.keys(model.whatIf?.extraPeople ?? {})) role(id, ['whatIf', 'extraPeople', id]);
  return notes;
}
