import type { Plan, PlanAction } from '../../engine/format/plan.js';
import type { InjectView, SessionView } from '../../engine/protocol/index.js';

/** Injects still to come (scheduled or waiting on a trigger), the soonest first. */
export function upcomingInjects(view: SessionView): InjectView[] {
  return view.injects
    .filter((inject) => inject.status === 'pending' || inject.status === 'scheduled')
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
}

/** Fired injects, the latest first: the feed. */
export function firedInjects(view: SessionView): InjectView[] {
  return view.injects.filter((inject) => inject.status === 'fired').sort((a, b) => (b.firedAt ?? 0) - (a.firedAt ?? 0));
}

export const heldInjects = (view: SessionView): InjectView[] => view.injects.filter((inject) => inject.status === 'held');

/** Contingency injects that fell due while their `unless` held: the facilitator may still release them. */
export const skippedInjects = (view: SessionView): InjectView[] => view.injects.filter((inject) => inject.status === 'skipped');

/** The fired injects a role received. */
export const injectsForRole = (view: SessionView, role: string): InjectView[] => firedInjects(view).filter((inject) => inject.to.includes(role));

/** Whether the action exists on one of the scenario's clouds (no providers: any cloud). */
export const availableOn = (action: PlanAction, providers: readonly string[]): boolean =>
  action.providers.length === 0 || action.providers.some((provider) => providers.includes(provider));

/**
 * The plan's action library grouped by NIST phase, in the plan's phase order: only actions on
 * the scenario's clouds (an Azure action has no place in an AWS drill), and only a role's own when asked.
 */
export function actionsByPhase(plan: Plan, filter: { role?: string; providers?: readonly string[] } = {}): { phase: string; title: string; actions: PlanAction[] }[] {
  const { role, providers } = filter;
  return plan.phases
    .map((phase) => ({
      phase: phase.id,
      title: phase.title,
      actions: plan.actions.filter((action) => action.phase === phase.id && (!role || action.roles.includes(role)) && (!providers || availableOn(action, providers))),
    }))
    .filter((group) => group.actions.length > 0);
}

export const roleTitle = (plan: Plan | undefined, role: string): string => plan?.roles.find((r) => r.id === role)?.title ?? role;
