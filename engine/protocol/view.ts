import type { Milestone } from '../format/common.js';
import type { NextStop, Session } from '../session/session.js';

export type { NextStop };
import type { InjectCause, InjectStatus, DecisionState } from '../session/context.js';
import type { SessionStarted } from '../session/journal.js';
import { phaseReached } from '../session/machine.js';
import { VIEW_LIMITS } from '../format/limits.js';

/** One inject as the facilitator console lists it. */
export interface InjectView {
  id: string;
  title: string;
  channel: string;
  to: string[];
  status: InjectStatus;
  dueAt: number | null;
  firedAt: number | null;
  /** When it fell due and was skipped because its `unless` held. */
  skippedAt: number | null;
  cause: InjectCause | null;
}

/** A decision put to the team and not yet answered. */
export interface OpenDecisionView {
  id: string;
  prompt: string;
  role: string;
  options: { id: string; label: string }[];
  openedAt: number | null;
  /** When the time limit runs out and the default option is taken; null without a limit. */
  expiresAt: number | null;
}

export interface DeadlineView {
  /** "severity" or "duty:<id>". */
  id: string;
  title: string;
  dueAt: number;
  passed: boolean;
  metAt: number | null;
}

/** An action the team has taken (an action is taken once): who took it, when, and whether it is done. */
export interface ActionTakenView {
  seq: number;
  action: string;
  title: string;
  by: string;
  takenAt: number;
  completesAt: number;
  status: 'in-progress' | 'done';
}

/** A facilitator's observation, as the console lists it. */
export interface ObservationView {
  seq: number;
  at: number;
  by: string;
  text: string;
  tag: 'strength' | 'improvement' | 'note';
  objective: string | null;
  inject: string | null;
}

/**
 * What the UI shows of a live session at one moment: plain JSON, derived from the session
 * (its journal replayed) and nothing else. Times are simulated milliseconds from T+0.
 */
export interface SessionView {
  sessionId: string;
  /** The session's name, if it was given one. */
  name: string | null;
  scenarioId: string;
  scenarioTitle: string;
  planId: string;
  mode: SessionStarted['mode'];
  participants: Record<string, string>;
  now: number;
  paused: boolean;
  speed: number;
  /** The NIST SP 800-61 phase the incident is in (once ended, the one it had reached). */
  phase: string | null;
  milestones: Partial<Record<Milestone, number>>;
  severity: { level: number; name: string; at: number; by: string } | null;
  deadlines: DeadlineView[];
  injects: InjectView[];
  openDecisions: OpenDecisionView[];
  /** Every action taken, in the order taken, with its state (in progress or done). */
  actionsTaken: ActionTakenView[];
  /** Where "jump to the next event" would stop (Session.nextStop). */
  nextStop: NextStop | null;
  /** When the scenario's end condition first held, if it has. */
  completeAt: number | null;
  ended: { at: number; reason: string } | null;
  /** The facilitator's newest observations (at most VIEW_LIMITS.observations), oldest first. */
  observations: ObservationView[];
  /** How many observations the session holds (the view carries only the newest). */
  observationCount: number;
  /** The journal's length: the seq of its last entry. */
  journalLength: number;
}

/** The session as the UI sees it. A pure function of the session. */
export function sessionView(session: Session): SessionView {
  const { index, context, journal, started } = session;
  const { scenario, plan } = index;
  const dutyTitle = new Map(plan.duties.map((duty) => [`duty:${duty.id}`, duty.title]));

  const injects = scenario.injects.map((inject): InjectView => {
    const state = context.injects[inject.id]!;
    return {
      id: inject.id,
      title: inject.title,
      channel: inject.channel,
      to: inject.to,
      status: state.status,
      dueAt: state.dueAt ?? null,
      firedAt: state.firedAt ?? null,
      skippedAt: state.skippedAt ?? null,
      cause: state.cause ?? null,
    };
  });

  const openDecisions = scenario.decisions
    .filter((decision) => context.decisions[decision.id]!.status === 'open')
    .map((decision): OpenDecisionView => {
      const state: DecisionState = context.decisions[decision.id]!;
      return {
        id: decision.id,
        prompt: decision.prompt,
        role: decision.role,
        options: decision.options.map((option) => ({ id: option.id, label: option.label })),
        openedAt: state.openedAt ?? null,
        expiresAt: state.expiresAt ?? null,
      };
    });

  const deadlines = Object.values(context.deadlines)
    .map((deadline): DeadlineView => ({
      id: deadline.id,
      title: deadline.id === 'severity' ? 'Declare the severity' : (dutyTitle.get(deadline.id) ?? deadline.id),
      dueAt: deadline.dueAt,
      passed: deadline.passed,
      metAt: deadline.metAt ?? null,
    }))
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));

  const noted = session.observationsNoted();
  const observations = noted.slice(-VIEW_LIMITS.observations).map((entry): ObservationView => (
    { seq: entry.seq, at: entry.simTime, by: entry.actor, text: entry.text, tag: entry.tag, objective: entry.objective ?? null, inject: entry.inject ?? null }));

  const actionsTaken = session.actionsTaken().map((entry): ActionTakenView => {
    const action = index.actions.get(entry.action);
    const completesAt = entry.simTime + (action?.duration ?? 0);
    return {
      seq: entry.seq,
      action: entry.action,
      title: action?.title ?? entry.action,
      by: entry.actor,
      takenAt: entry.simTime,
      completesAt,
      // An ended session's actions are over, done or not.
      status: completesAt > session.now && !context.ended ? 'in-progress' : 'done',
    };
  });

  const severity = context.severity;
  return {
    sessionId: started.sessionId,
    name: session.name ?? null,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    planId: plan.id,
    mode: started.mode,
    participants: started.participants,
    now: session.now,
    paused: context.paused,
    speed: context.speed,
    phase: phaseReached(context.milestones),
    milestones: { ...context.milestones },
    severity: severity ? { level: severity.level, name: index.levels.get(severity.level)?.name ?? `Sev ${severity.level}`, at: severity.at, by: severity.by } : null,
    deadlines,
    injects,
    openDecisions,
    actionsTaken,
    nextStop: context.ended ? null : (session.nextStop() ?? null),
    completeAt: context.completeAt,
    ended: context.ended,
    observations,
    observationCount: noted.length,
    journalLength: journal.length,
  };
}
