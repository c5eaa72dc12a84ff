import type { Distribution } from '../format/distribution.js';
import type { ResponseModel, StepBehaviour } from '../format/model.js';
import { CHANNELS, type Channel } from '../format/scenario.js';
import type { ResponsePolicy } from './policy.js';

// A response model with every knob set: the defaults (the plan's durations with a spread, the
// exemplary script's pace and staffing, nothing skipped or late) under what a model file says,
// with its what-if switches applied. What a simulation draws from.

export interface Lateness {
  probability: number;
  by: Distribution;
}

export interface TaskBehaviour {
  skip: number;
  late: Lateness | null;
}

export interface ActionModel extends TaskBehaviour {
  duration: Distribution;
  wrongRole: { probability: number; role: string } | null;
}

export interface ResolvedModel {
  id: string;
  title: string;
  /** Where it comes from, for reports. */
  source: string;
  durationSpread: number;
  roles: Record<string, { people: number; onCall: Distribution }>;
  /** Every action the policy takes. */
  actions: Record<string, ActionModel>;
  notice: Record<Channel, Distribution>;
  decisions: Record<string, TaskBehaviour>;
  severity: TaskBehaviour;
  off: { channels: Set<string>; injects: Set<string>; actions: Set<string> };
}

export const DEFAULT_DURATION_SPREAD = 2;
const NOW: Distribution = { kind: 'fixed', value: 0 };

/** The plan's duration as the median, `spread` times it as the 90th percentile. */
export function spreadDuration(planDuration: number, spread: number): Distribution {
  return planDuration === 0 || spread === 1 ? { kind: 'fixed', value: planDuration } : { kind: 'lognormal', median: planDuration, p90: Math.round(planDuration * spread) };
}

const behaviour = (given: StepBehaviour | undefined): TaskBehaviour => ({
  skip: given?.skip ?? 0,
  late: given?.late && given.late.probability > 0 ? given.late : null,
});

/** The model to simulate: the defaults for the policy, under the model file's settings if one is given. */
export function resolveModel(policy: ResponsePolicy, file?: ResponseModel, name?: { id: string; source: string }): ResolvedModel {
  const { plan } = policy;
  const spread = file?.durationSpread ?? DEFAULT_DURATION_SPREAD;
  const extra = file?.whatIf?.extraPeople ?? {};
  const roles = Object.fromEntries(plan.roles.map((r) => {
    const given = file?.roles[r.id];
    // Never fewer than one: a role nobody fills would leave its steps waiting for ever.
    const people = Math.max(1, (given?.people ?? policy.busiest[r.id] ?? 1) + (extra[r.id] ?? 0));
    return [r.id, { people, onCall: given?.onCall ?? NOW }];
  }));
  const otherRole = (role: string) => plan.roles.find((r) => r.id !== role)?.id ?? role;
  const owner = (action: string) => policy.tasks.find((t) => t.action === action)?.role ?? plan.actions.find((a) => a.id === action)!.roles[0]!;
  const actions = Object.fromEntries(policy.actions.map((id) => {
    const given = file?.actions[id];
    const wrong = given?.wrongRole;
    return [id, {
      duration: given?.duration ?? spreadDuration(plan.actions.find((a) => a.id === id)!.duration, spread),
      ...behaviour(given),
      wrongRole: wrong && wrong.probability > 0 ? { probability: wrong.probability, role: wrong.role ?? otherRole(owner(id)) } : null,
    } satisfies ActionModel];
  }));
  const off = file?.whatIf?.off;
  return {
    id: name?.id ?? file?.id ?? 'default',
    title: file?.title ?? (file ? file.id : 'Default model'),
    source: name?.source ?? (file ? 'model file' : `the plan's durations (p90 ${spread}x), the exemplary script's pace and staffing`),
    durationSpread: spread,
    roles,
    actions,
    notice: Object.fromEntries(CHANNELS.map((c) => [c, file?.channels[c]?.notice ?? NOW])) as Record<Channel, Distribution>,
    decisions: Object.fromEntries(policy.scenario.decisions.map((d) => [d.id, behaviour(file?.decisions[d.id])])),
    severity: behaviour(file?.severity),
    off: { channels: new Set(off?.channels ?? []), injects: new Set(off?.injects ?? []), actions: new Set(off?.actions ?? []) },
  };
}
