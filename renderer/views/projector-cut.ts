import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { pauseCauseOf, type ProjectorView, type SessionView } from '../../engine/protocol/index.js';
import { sessionMetrics } from '../../engine/scoring/metrics.js';
import { firedInjects } from '../store/session-selectors.js';

/**
 * The projector's view cut on this page from the facilitator's, for a host that does not cut
 * audience views itself (one built before LAN sessions, or a window that holds the facilitator's
 * connection): the same fields the server's projector view has, and nothing more.
 */
export function projectorViewOf(view: SessionView, plan: Plan, scenario: Scenario): ProjectorView {
  const declared = view.severity ? plan.severityLevels.find((one) => one.level === view.severity!.level) : undefined;
  const injects = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  // Targets follow the declared severity only: the scenario's expected one is for the debrief.
  const metrics = sessionMetrics(view.milestones, scenario.groundTruth.compromiseAt, declared ?? plan.severityLevels[0]!).map((metric) => ({
    milestone: metric.milestone, title: metric.title, definition: metric.definition, minutes: metric.minutes,
    targetMinutes: declared ? metric.targetMinutes : null, met: declared ? metric.met : null,
  }));
  return {
    audience: 'projector',
    pauseCause: pauseCauseOf(view),
    sessionId: view.sessionId,
    name: view.name,
    scenarioTitle: view.scenarioTitle,
    startsAt: scenario.startsAt,
    now: view.now,
    paused: view.paused,
    speed: view.speed,
    ended: view.ended,
    roles: plan.roles.map((role) => ({ id: role.id, title: role.title })),
    phases: plan.phases.map((phase) => ({ id: phase.id, title: phase.title })),
    phase: view.phase,
    severity: view.severity ? { ...view.severity, participant: null } : null,
    severityDeadlines: null,
    metrics,
    // The severity's deadline is timed from the expected severity until one is declared.
    deadlines: view.deadlines.filter((deadline) => deadline.id !== 'severity' || declared !== undefined),
    openDecisions: view.openDecisions,
    injects: firedInjects(view).reverse().map((fired) => {
      const inject = injects.get(fired.id);
      return { id: fired.id, title: fired.title, channel: inject!.channel, from: inject?.from ?? null, to: fired.to, body: inject?.body ?? '', artifacts: inject?.artifacts ?? [], firedAt: fired.firedAt ?? 0 };
    }),
  };
}
