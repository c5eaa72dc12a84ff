import type { Inject } from '../format/scenario.js';
import { recordedBy, type JournalEntry } from '../session/journal.js';
import type { Session } from '../session/session.js';
import type { Person } from '../session/people.js';
import { phaseReached } from '../session/machine.js';
import { sessionView, type ActionTakenView, type DeadlineView, type OpenDecisionView, type SessionView } from './view.js';
import type {
  AnsweredDecisionView, AudienceKey, AudienceMetric, AudiencePauseCause, AudienceView, ChatMessageView, DraftView, DutyView, EvaluatorNoteView, ObserverView,
  ParticipantSelf, PersonRef, PersonView, ProjectorView, RatingView, ReceivedInjectView, RoleRef, RoleView, SeverityDeadlinesView, UnassignedView,
} from './audience.js';

// The views of every audience but the facilitator's, cut by the server from the session (see
// audience.ts for what each must never carry). Pure functions of the session.

/** The audience key of a role's participants. */
export const roleAudience = (role: string): AudienceKey => `role:${role}`;

/** The role of a role audience's key, or undefined for another audience. */
export const roleOfAudience = (key: AudienceKey): string | undefined => (key.startsWith('role:') ? key.slice('role:'.length) : undefined);

/** The audience a participant's pages receive: their role's, the observers', or none yet. */
export function audienceOf(person: Pick<Person, 'seat' | 'role'>): AudienceKey {
  if (person.seat !== 'role') return 'observer';
  return person.role === null ? 'unassigned' : roleAudience(person.role);
}

/** A participant as their own page knows themselves. */
export function participantSelf(session: Session, person: Person): ParticipantSelf {
  return {
    sessionId: session.started.sessionId,
    participant: person.id,
    name: person.name,
    seat: person.seat,
    role: person.role,
    roleTitle: person.role === null ? null : (session.index.plan.roles.find((role) => role.id === person.role)?.title ?? person.role),
  };
}

const personRef = (session: Session, id: string | undefined): PersonRef | null => {
  if (id === undefined) return null;
  const person = session.people.get(id);
  return person ? { id: person.id, name: person.name } : null;
};

const personView = (person: Person): PersonView => ({ id: person.id, name: person.name, seat: person.seat, role: person.role, joinedAt: person.joinedAt, removedAt: person.removedAt });

function received(inject: Inject, firedAt: number): ReceivedInjectView {
  return { id: inject.id, title: inject.title, channel: inject.channel, from: inject.from ?? null, to: inject.to, body: inject.body, artifacts: inject.artifacts, firedAt };
}

/** The injects that have fired (to these roles, if given), oldest first. */
function firedInjects(session: Session, roles?: string): ReceivedInjectView[] {
  const fired: ReceivedInjectView[] = [];
  for (const inject of session.index.scenario.injects) {
    const firedAt = session.context.injects[inject.id]?.firedAt;
    if (firedAt === undefined || session.context.injects[inject.id]?.status !== 'fired') continue;
    if (roles !== undefined && !inject.to.includes(roles)) continue;
    fired.push(received(inject, firedAt));
  }
  return fired.sort((a, b) => a.firedAt - b.firedAt);
}

/** The journal entry with this seq (entries are numbered from 1). */
const recordedByAt = (session: Session, seq: number | undefined): string | undefined => {
  const entry = seq === undefined ? undefined : session.journal[seq - 1];
  return entry ? recordedBy(entry) : undefined;
};

function answeredDecisions(session: Session, role?: string): AnsweredDecisionView[] {
  const answered: AnsweredDecisionView[] = [];
  for (const decision of session.index.scenario.decisions) {
    if (role !== undefined && decision.role !== role) continue;
    const state = session.context.decisions[decision.id]!;
    if ((state.status !== 'answered' && state.status !== 'timed-out') || state.option === undefined) continue;
    const option = decision.options.find((one) => one.id === state.option);
    answered.push({
      id: decision.id,
      prompt: decision.prompt,
      role: decision.role,
      option: state.option,
      optionLabel: option?.label ?? state.option,
      answeredAt: state.answeredAt ?? 0,
      by: state.status === 'answered' ? (state.by ?? null) : null,
      participant: personRef(session, recordedByAt(session, state.seq)),
      timedOut: state.status === 'timed-out',
    });
  }
  return answered.sort((a, b) => a.answeredAt - b.answeredAt);
}

/**
 * The deadlines an audience other than the facilitator may see: not the severity's (its time
 * follows the expected severity), nor a duty's due from it.
 */
function visibleDeadlines(session: Session, view: SessionView): DeadlineView[] {
  const fromSeverity = new Set(session.index.duties.filter((duty) => duty.due.from === 'severity-deadline').map((duty) => `duty:${duty.id}`));
  return view.deadlines.filter((deadline) => deadline.id !== 'severity' && !fromSeverity.has(deadline.id));
}

/** The plan's response deadline of every level, from detection, while no severity is declared. */
function severityDeadlines(session: Session): SeverityDeadlinesView | null {
  const detectedAt = session.context.milestones.detected;
  if (detectedAt === undefined || session.context.severity !== null) return null;
  return { detectedAt, levels: session.index.plan.severityLevels.map((level) => ({ level: level.level, name: level.name, dueAt: detectedAt + level.responseDeadline })) };
}

function severity(session: Session, view: SessionView) {
  if (!view.severity) return null;
  const declared = session.context.severity;
  const entry = declared ? session.journal.find((one) => one.type === 'severity.declared' && one.simTime === declared.at && one.level === declared.level) : undefined;
  return { ...view.severity, participant: personRef(session, entry ? recordedBy(entry) : undefined) };
}

const METRICS = [
  { milestone: 'detected', title: 'Time to detect', definition: 'detected - T+0', from: undefined, target: 'detect' },
  { milestone: 'contained', title: 'Time to contain', definition: 'contained - detected', from: 'detected', target: 'contain' },
  { milestone: 'recovered', title: 'Time to recover', definition: 'recovered - detected', from: 'detected', target: 'recover' },
] as const;

/** The times to detect, contain and recover, against the targets of the declared severity (never the expected one). */
function metrics(session: Session): AudienceMetric[] {
  const { milestones, severity: declared } = session.context;
  const targets = declared ? session.index.levels.get(declared.level)?.targets : undefined;
  return METRICS.map(({ milestone, title, definition, from, target }) => {
    const at = milestones[milestone];
    const origin = from === undefined ? 0 : milestones[from];
    const minutes = at !== undefined && origin !== undefined ? Math.round((at - origin) / 60_000) : null;
    const targetMinutes = targets ? Math.round(targets[target] / 60_000) : null;
    return { milestone, title, definition, minutes, targetMinutes, met: minutes === null || targetMinutes === null ? null : minutes <= targetMinutes };
  });
}

function chat(session: Session): ChatMessageView[] {
  return session.entriesOf('chat.posted').map((entry) => ({ seq: entry.seq, at: entry.simTime, actor: entry.actor, participant: personRef(session, entry.participant), text: entry.text }));
}

function drafts(session: Session, role?: string): DraftView[] {
  return session.entriesOf('draft.sent')
    .filter((entry) => role === undefined || entry.actor === role)
    .map((entry) => ({ seq: entry.seq, at: entry.simTime, kind: entry.kind, role: entry.actor, participant: personRef(session, entry.participant), text: entry.text }));
}

const evaluatorOf = (session: Session, entry: JournalEntry): PersonRef => personRef(session, recordedBy(entry)) ?? { id: entry.actor, name: entry.actor };

/** Every evaluator's rating, oldest first. */
export function ratings(session: Session): RatingView[] {
  return session.entriesOf('objective.rated').map((entry) => ({ seq: entry.seq, at: entry.simTime, objective: entry.objective, rating: entry.rating, reason: entry.reason, evaluator: evaluatorOf(session, entry) }));
}

/** Every evaluator's observation, oldest first. */
export function evaluatorNotes(session: Session): EvaluatorNoteView[] {
  return session.entriesOf('evaluator.observed').map((entry) => ({ seq: entry.seq, at: entry.simTime, text: entry.text, objective: entry.objective ?? null, inject: entry.inject ?? null, evaluator: evaluatorOf(session, entry) }));
}

/** Why the clock stands still, from the facilitator's view: a pause without the host's cause is one the facilitator asked for (only they can pause). */
export function pauseCauseOf(view: Pick<SessionView, 'paused' | 'ended' | 'pauseCause'>): AudiencePauseCause | null {
  if (!view.paused || view.ended) return null;
  return view.pauseCause ?? 'facilitator';
}

function base(session: Session, view: SessionView) {
  return {
    sessionId: view.sessionId,
    name: view.name,
    scenarioTitle: view.scenarioTitle,
    startsAt: session.index.scenario.startsAt,
    now: view.now,
    paused: view.paused,
    speed: view.speed,
    ended: view.ended,
    roles: session.index.plan.roles.map((role): RoleRef => ({ id: role.id, title: role.title })),
  };
}

const phases = (session: Session): RoleRef[] => session.index.plan.phases.filter((phase) => phase.framework === 'nist-800-61r2').map((phase) => ({ id: phase.id, title: phase.title }));

/** The decisions open now, without anything of their judgement (SessionView's carry none either). */
const openDecisions = (view: SessionView, role?: string): OpenDecisionView[] => view.openDecisions.filter((decision) => role === undefined || decision.role === role);

function roleView(session: Session, view: SessionView, role: string): RoleView {
  const { index, context } = session;
  const takes = new Map<string, ActionTakenView>(view.actionsTaken.map((taken) => [taken.action, taken]));
  const providers = new Set<string>(index.scenario.providers);
  const actions = index.plan.actions
    .filter((action) => action.roles.includes(role) && (action.providers.length === 0 || action.providers.some((provider) => providers.has(provider))))
    .map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description ?? null,
      phase: action.phase,
      tool: action.tool ?? null,
      duration: action.duration,
      prerequisites: action.prerequisites,
      roles: action.roles,
      taken: takes.get(action.id) ?? null,
    }));
  const duties: DutyView[] = index.duties
    .filter((duty) => duty.owner === role)
    .map((duty) => {
      const deadline = context.deadlines[`duty:${duty.id}`];
      return {
        id: duty.id,
        title: duty.title,
        kind: duty.kind,
        owner: duty.owner,
        reference: duty.reference ?? null,
        description: duty.description ?? null,
        due: duty.due,
        dueAt: duty.due.from === 'severity-deadline' ? null : (deadline?.dueAt ?? null),
        metAt: deadline?.metAt ?? null,
      };
    });
  const declares = index.plan.severityDeclaredBy.includes(role);
  return {
    ...base(session, view),
    audience: 'role',
    role: { id: role, title: index.plan.roles.find((one) => one.id === role)?.title ?? role },
    phases: phases(session),
    phase: view.phase,
    severity: severity(session, view),
    severityLevels: declares ? index.plan.severityLevels.map((level) => ({ level: level.level, name: level.name, criteria: level.criteria, responseDeadline: level.responseDeadline })) : [],
    severityDeadlines: severityDeadlines(session),
    inbox: firedInjects(session, role),
    actions,
    openDecisions: openDecisions(view, role),
    answeredDecisions: answeredDecisions(session, role),
    duties,
    chat: chat(session),
    drafts: drafts(session, role),
    team: session.people.active().filter((person) => person.seat === 'role' && person.role !== null).map(personView),
  };
}

function projectorView(session: Session, view: SessionView): ProjectorView {
  return {
    ...base(session, view),
    audience: 'projector',
    pauseCause: pauseCauseOf(view),
    phases: phases(session),
    phase: view.phase,
    severity: severity(session, view),
    severityDeadlines: severityDeadlines(session),
    metrics: metrics(session),
    deadlines: visibleDeadlines(session, view),
    openDecisions: openDecisions(view),
    injects: firedInjects(session),
  };
}

function observerView(session: Session, view: SessionView): ObserverView {
  return {
    ...base(session, view),
    audience: 'observer',
    phases: phases(session),
    phase: phaseReached(session.context.milestones),
    milestones: { ...view.milestones },
    severity: severity(session, view),
    severityDeadlines: severityDeadlines(session),
    metrics: metrics(session),
    deadlines: visibleDeadlines(session, view),
    injects: firedInjects(session),
    openDecisions: openDecisions(view),
    answeredDecisions: answeredDecisions(session),
    actionsTaken: view.actionsTaken,
    chat: chat(session),
    drafts: drafts(session),
    people: session.people.all().map(personView),
    objectives: session.index.scenario.objectives.map((objective) => ({ id: objective.id, title: objective.title, capability: objective.capability })),
    ratings: ratings(session),
    evaluatorNotes: evaluatorNotes(session),
  };
}

/**
 * The view of one audience other than the facilitator's, cut from the facilitator's view and the
 * session. `view` is the facilitator's view now (computed once for every audience of a push).
 */
export function audienceView(session: Session, key: Exclude<AudienceKey, 'facilitator'>, view: SessionView = sessionView(session)): AudienceView {
  if (key === 'projector') return projectorView(session, view);
  if (key === 'observer') return observerView(session, view);
  const role = roleOfAudience(key);
  if (role !== undefined && session.index.roles.has(role)) return roleView(session, view, role);
  const unassigned: UnassignedView = { ...base(session, view), audience: 'unassigned' };
  return unassigned;
}
