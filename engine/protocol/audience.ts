import type { Artifact } from '../format/artifact.js';
import type { Due } from '../format/plan.js';
import type { Channel } from '../format/scenario.js';
import type { DraftKind, PauseCause, Seat } from '../session/journal.js';
import type { HseepRating } from '../scoring/scorecard.js';
import type { ActionTakenView, DeadlineView, OpenDecisionView } from './view.js';

// What each audience of a session is sent (docs/lan.md). The facilitator gets SessionView
// (view.ts), everything. The others get a view the server cuts for them, which never carries
// what they must not know even if their page would not draw it: facilitator notes, the ground
// truth, the expected severity (nor a deadline timed from it), decision credits, the response
// an inject expects, an inject before it fires (for a role: one sent to another role).

export type { Seat, DraftKind };

/**
 * Which view a connection receives, and the Socket.IO room it is in for a session: the
 * facilitator, the projector, an observer or evaluator (one view for both), a role's
 * participants (`role:<id>`), or a participant not yet given a role.
 */
export type AudienceKey = 'facilitator' | 'projector' | 'observer' | 'unassigned' | `role:${string}`;

/** A participant as their own page knows themselves. */
export interface ParticipantSelf {
  sessionId: string;
  /** Their id in the session: the journal entries they make name it. */
  participant: string;
  name: string;
  seat: Seat;
  /** The role they play (seat "role"); null until the facilitator assigns one, and for observers. */
  role: string | null;
  roleTitle: string | null;
}

/** Someone named in a view: a participant's id and name. */
export interface PersonRef {
  id: string;
  name: string;
}

/** A participant as the journal has them (no presence: that is the lobby's). */
export interface PersonView extends PersonRef {
  seat: Seat;
  role: string | null;
  joinedAt: number;
  /** When the facilitator removed them; null while they take part. */
  removedAt: number | null;
}

export interface RoleRef {
  id: string;
  title: string;
}

/** An inject as its recipients received it: its content, nothing of the facilitator's (notes, expected actions, state changes, technique). */
export interface ReceivedInjectView {
  id: string;
  title: string;
  channel: Channel;
  /** Who or what sent it; null when the scenario does not say. */
  from: string | null;
  to: string[];
  body: string;
  artifacts: Artifact[];
  firedAt: number;
}

/** A decision once answered (or timed out): the question and the option taken, never its quality or rationale. */
export interface AnsweredDecisionView {
  id: string;
  prompt: string;
  role: string;
  option: string;
  optionLabel: string;
  answeredAt: number;
  /** The role that answered; null when the time limit ran out and the default was taken. */
  by: string | null;
  participant: PersonRef | null;
  timedOut: boolean;
}

/**
 * The plan's response deadline of every severity level, from detection, while the severity is
 * not declared: what the team's plan says, never which level the scenario expects.
 */
export interface SeverityDeadlinesView {
  detectedAt: number;
  levels: { level: number; name: string; dueAt: number }[];
}

export interface SeverityView {
  level: number;
  name: string;
  at: number;
  /** The role that declared it. */
  by: string;
  participant: PersonRef | null;
}

/** A severity level as a role that may declare one reads it in its plan. */
export interface SeverityLevelView {
  level: number;
  name: string;
  criteria: string;
  /** Time from detection within which the plan asks for the response at this level (ms). */
  responseDeadline: number;
}

/** One of the plan's actions as a role's page offers it, with its state once taken (by anyone). */
export interface AudienceActionView {
  id: string;
  title: string;
  description: string | null;
  /** The NIST SP 800-61 phase id (see `phases`). */
  phase: string;
  tool: string | null;
  /** Simulated ms it takes once taken. */
  duration: number;
  prerequisites: string[];
  /** The roles that own it. */
  roles: string[];
  /** Who took it and when, in progress or done; null while nobody has (an action is taken once). */
  taken: ActionTakenView | null;
}

/** A communication duty of the plan that applies to the scenario, as its owner reads it. */
export interface DutyView {
  id: string;
  title: string;
  kind: 'regulator' | 'law-enforcement' | 'customers' | 'internal' | 'provider';
  owner: string;
  reference: string | null;
  description: string | null;
  due: Due;
  /**
   * When it falls due, once its origin (detection, containment) has happened; null before, and
   * always null for a duty due from the severity deadline (that deadline follows the expected severity).
   */
  dueAt: number | null;
  /** When one of its actions completed, discharging it. */
  metAt: number | null;
}

export interface ChatMessageView {
  seq: number;
  at: number;
  /** A role id, or "facilitator". */
  actor: string;
  participant: PersonRef | null;
  text: string;
}

export interface DraftView {
  seq: number;
  at: number;
  kind: DraftKind;
  role: string;
  participant: PersonRef | null;
  text: string;
}

/** An evaluator's rating of an objective (HSEEP P/S/M/U). */
export interface RatingView {
  seq: number;
  at: number;
  objective: string;
  rating: HseepRating;
  reason: string;
  evaluator: PersonRef;
}

export interface EvaluatorNoteView {
  seq: number;
  at: number;
  text: string;
  objective: string | null;
  inject: string | null;
  evaluator: PersonRef;
}

/** A time to detect, contain or recover, with the target of the declared severity (none before a declaration). */
export interface AudienceMetric {
  milestone: 'detected' | 'contained' | 'recovered';
  title: string;
  definition: string;
  minutes: number | null;
  targetMinutes: number | null;
  met: boolean | null;
}

/**
 * Why a session's clock stands still: the facilitator paused it (to discuss, as a tabletop does),
 * or the host paused it on its own (PAUSE_CAUSES: the facilitator's last page closed, the
 * computer slept). The engine never pauses itself: a decision or a deadline runs on the clock.
 */
export type AudiencePauseCause = 'facilitator' | PauseCause;

/** What every audience's view has: the session, its clock, and whether it ended. Times are simulated ms from T+0. */
interface AudienceViewBase {
  sessionId: string;
  /** The session's name, if it was given one. */
  name: string | null;
  scenarioTitle: string;
  /** The scenario's own date and time at T+0 (ISO, in the story's time zone). */
  startsAt: string;
  now: number;
  paused: boolean;
  speed: number;
  ended: { at: number; reason: string } | null;
  /** Every role of the plan (titles for the "To:" lines, the chat and the team). */
  roles: RoleRef[];
}

/** A role's participants: the injects sent to the role, its actions, decisions and duties, the clock, the bridge channel and its drafts. */
export interface RoleView extends AudienceViewBase {
  audience: 'role';
  role: RoleRef;
  /** The NIST phases, in the plan's order (to group the actions by). */
  phases: RoleRef[];
  /** The phase the incident is in. */
  phase: string | null;
  severity: SeverityView | null;
  /** The levels this role may declare (empty when the plan leaves the declaration to other roles). */
  severityLevels: SeverityLevelView[];
  severityDeadlines: SeverityDeadlinesView | null;
  /** The injects sent to this role that have fired, oldest first. */
  inbox: ReceivedInjectView[];
  /** The role's own actions on the scenario's clouds, in the plan's phase order. */
  actions: AudienceActionView[];
  /** Decisions put to this role and not yet answered. */
  openDecisions: OpenDecisionView[];
  answeredDecisions: AnsweredDecisionView[];
  /** The role's communication duties that apply. */
  duties: DutyView[];
  /** The team's bridge channel, oldest first. */
  chat: ChatMessageView[];
  /** This role's drafts, oldest first. */
  drafts: DraftView[];
  /** Who plays which role (participants in a role seat, not removed). */
  team: PersonView[];
}

/** The room's screen: what the team already knows, large. Nothing upcoming, nothing of the facilitator's. */
export interface ProjectorView extends AudienceViewBase {
  audience: 'projector';
  /** Why the clock is paused, while it is, so that the room reads why it stands still; null while it runs and once the session ended. */
  pauseCause: AudiencePauseCause | null;
  phases: RoleRef[];
  phase: string | null;
  severity: SeverityView | null;
  severityDeadlines: SeverityDeadlinesView | null;
  metrics: AudienceMetric[];
  /** The duties' deadlines that are counting down or met (not those timed from the expected severity). */
  deadlines: DeadlineView[];
  /** Decisions put to the team and not yet answered: question and options, no credit. */
  openDecisions: OpenDecisionView[];
  /** Every inject that has fired, oldest first. */
  injects: ReceivedInjectView[];
}

/** An observer or evaluator: everything that has happened, for every role; nothing upcoming, no facilitator notes or observations. */
export interface ObserverView extends AudienceViewBase {
  audience: 'observer';
  phases: RoleRef[];
  phase: string | null;
  milestones: Partial<Record<'detected' | 'contained' | 'eradicated' | 'recovered', number>>;
  severity: SeverityView | null;
  severityDeadlines: SeverityDeadlinesView | null;
  metrics: AudienceMetric[];
  deadlines: DeadlineView[];
  /** Every inject that has fired, oldest first. */
  injects: ReceivedInjectView[];
  openDecisions: OpenDecisionView[];
  answeredDecisions: AnsweredDecisionView[];
  /** Every action taken, in the order taken. */
  actionsTaken: ActionTakenView[];
  chat: ChatMessageView[];
  drafts: DraftView[];
  people: PersonView[];
  /** The scenario's objectives, which an evaluator rates. */
  objectives: { id: string; title: string; capability: string }[];
  ratings: RatingView[];
  evaluatorNotes: EvaluatorNoteView[];
}

/** A participant who joined without a role and waits for the facilitator to assign one. */
export interface UnassignedView extends AudienceViewBase {
  audience: 'unassigned';
}

/** The view of every audience but the facilitator's (which is SessionView). */
export type AudienceView = RoleView | ProjectorView | ObserverView | UnassignedView;

/** How a participant is connected, from their sockets: connected now, dropped a moment ago (may come back by itself), or gone for longer. */
export type Presence = 'joined' | 'reconnecting' | 'away';

/** A participant in the facilitator's lobby. */
export interface LobbyParticipant extends PersonView {
  presence: Presence;
  /** Open connections (pages) with their token. */
  connections: number;
  /** Wall-clock time (ISO) their presence last changed. */
  since: string;
}

/** Someone who gave the right code and waits for the facilitator's approval. */
export interface JoinRequestView {
  request: string;
  name: string;
  seat: Seat;
  /** The role they asked for, if any. */
  role: string | null;
  /** Wall-clock time (ISO) they asked. */
  at: string;
}

/** The facilitator's lobby of one session: the join code, who is there and how, who waits. */
export interface LobbyView {
  sessionId: string;
  /** Six characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (no 0, O, 1 or I), easy to read aloud. */
  joinCode: string;
  /** Whether a join waits for the facilitator's approval (observers and evaluators always do). */
  approval: boolean;
  /** Participants taking part (not removed), in the order they joined. */
  participants: LobbyParticipant[];
  waiting: JoinRequestView[];
  /** Each role: the participants playing it, and the name the set-up gave it. */
  roles: { id: string; title: string; holders: string[]; reservedFor: string | null }[];
}

/** LAN mode: whether this Firedrill listens on the local network, and where participants join. */
export interface LanStatus {
  listening: boolean;
  /** The address participants open (http(s)://<LAN address>:<port>/#/join); null when not listening. */
  joinAddress: string | null;
  /** The join address as a QR code, an SVG drawn here (no network); null when not listening. */
  qrSvg: string | null;
  /** The LAN address in the join address. */
  address: string | null;
  /** The interface listened on ("all" for every interface); null when not listening. */
  interface: string | null;
  port: number | null;
  /** Whether the LAN listener speaks TLS (the organisation's certificate: --tls-cert, --tls-key). */
  tls: boolean;
  /** The IPv4 interfaces this machine has on a network (not loopback): what lan.start may be given. */
  interfaces: { name: string; address: string }[];
}

/** What a joining page learns from the right code: the session and its roles. */
export interface JoinLookup {
  sessionId: string;
  /** The session's name (as the facilitator gave it, or the scenario's title and the date). */
  name: string;
  ended: boolean;
  /** Whether joining waits for the facilitator's approval. */
  approval: boolean;
  roles: {
    id: string;
    title: string;
    /** Nobody plays it and the set-up reserved it for nobody: anyone may take it. */
    free: boolean;
    /** The names of the participants playing it. */
    heldBy: string[];
    /** The name the set-up gave this role: only that person may take it by joining. */
    reservedFor: string | null;
  }[];
}

/** The answer to a join: in (with the participant's token), or waiting for the facilitator. */
export type JoinAdmission =
  | { status: 'joined'; sessionId: string; token: string; me: ParticipantSelf }
  | { status: 'waiting'; sessionId: string; request: string };
