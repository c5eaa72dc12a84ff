import type { Milestone } from '../format/common.js';
import type { NextStop, Session } from '../session/session.js';

export type { NextStop };
import type { InjectCause, InjectStatus, DecisionState } from '../session/context.js';
import type { PauseCause, SessionStarted } from '../session/journal.js';
import { phaseReached } from '../session/machine.js';
import { VIEW_LIMITS } from '../format/limits.js';
import type { ChatMessageView, DraftView, EvaluatorNoteView, PersonRef, PersonView, RatingView } from './audience.js';

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
  /** The participant who took it from their own device (a LAN session); absent when the facilitator recorded it. */
  participant?: PersonRef;
}

/**
 * A LAN session's own record as the facilitator follows it (docs/lan.md): who joined from their
 * devices, the team's bridge channel, the drafts, the evaluators' ratings and notes.
 */
export interface RoomView {
  people: PersonView[];
  chat: ChatMessageView[];
  drafts: DraftView[];
  ratings: RatingView[];
  evaluatorNotes: EvaluatorNoteView[];
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
  /** A LAN session's people, chat, drafts and evaluations; absent while the journal has none. */
  room?: RoomView;
  /**
   * Why the clock is paused, when the host paused it with nobody asking: the cause its
   * `clock.paused` entry carries, while that pause lasts, so that the console can say why the
   * drill it comes back to stands still (after a restart of the host too).
   */
  pauseCause?: PauseCause;
}

export type { PauseCause } from '../session/journal.js';

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
    const participant = personRef(session, entry.participant);
    return {
      ...(participant ? { participant } : {}),
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
    ...pauseCause(session),
    ...roomView(session),
  };
}

/** Why the clock stands still, if the host paused it on its own: the last pause's cause, while paused (searched from the end, where a paused session's pause is). */
function pauseCause(session: Session): { pauseCause?: PauseCause } {
  if (!session.context.paused || session.context.ended) return {};
  const { journal } = session;
  for (let i = journal.length - 1; i >= 0; i--) {
    const entry = journal[i]!;
    if (entry.type === 'clock.paused') return entry.cause ? { pauseCause: entry.cause } : {};
  }
  return {};
}

/** The participant a journal entry names (its stamp's `participant`), by id and name. */
function personRef(session: Session, id: string | undefined): PersonRef | null {
  const found = id === undefined ? undefined : session.people.get(id);
  return found ? { id: found.id, name: found.name } : null;
}

/** The room's record, or nothing for a session nobody joined and nobody chatted in (the view stays as it was). */
function roomView(session: Session): { room?: RoomView } {
  const people = session.people.all();
  const chat = session.entriesOf('chat.posted');
  const drafts = session.entriesOf('draft.sent');
  const ratings = session.entriesOf('objective.rated');
  const notes = session.entriesOf('evaluator.observed');
  if (people.length + chat.length + drafts.length + ratings.length + notes.length === 0) return {};
  const ref = (id: string | undefined) => personRef(session, id);
  // An evaluator's entries always name their participant; the actor stands in should one not.
  const evaluator = (id: string | undefined, actor: string): PersonRef => ref(id) ?? { id: actor, name: actor };
  return {
    room: {
      people: people.map((one) => ({ id: one.id, name: one.name, seat: one.seat, role: one.role, joinedAt: one.joinedAt, removedAt: one.removedAt })),
      chat: chat.map((entry) => ({ seq: entry.seq, at: entry.simTime, actor: entry.actor, participant: ref(entry.participant), text: entry.text })),
      drafts: drafts.map((entry) => ({ seq: entry.seq, at: entry.simTime, kind: entry.kind, role: entry.actor, participant: ref(entry.participant), text: entry.text })),
      ratings: ratings.map((entry) => ({ seq: entry.seq, at: entry.simTime, objective: entry.objective, rating: entry.rating, reason: entry.reason, evaluator: evaluator(entry.participant, entry.actor) })),
      evaluatorNotes: notes.map((entry) => ({ seq: entry.seq, at: entry.simTime, text: entry.text, objective: entry.objective ?? null, inject: entry.inject ?? null, evaluator: evaluator(entry.participant, entry.actor) })),
    },
  };
}
