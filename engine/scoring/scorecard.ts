import type { Milestone } from '../format/common.js';

/**
 * The scorecard: one plain, JSON-serialisable structure that the exporters, the UI and
 * people's own scripts read. Its top level is a contract (see docs/scorecard.md); a change
 * that breaks readers bumps SCORECARD_VERSION.
 */
export const SCORECARD_VERSION = 1;

export type HseepRating = 'P' | 'S' | 'M' | 'U';
export const HSEEP_LABELS: Record<HseepRating, string> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

export interface Metric {
  milestone: Exclude<Milestone, 'eradicated'>;
  title: string;
  /** How the figure is computed, shown beside it wherever it is shown. */
  definition: string;
  minutes: number | null;
  targetMinutes: number;
  met: boolean | null;
}

export type StepStatus = 'on-time' | 'late' | 'missed' | 'started' | 'harmful';

export interface ExpectedActionResult {
  step: string;
  title: string;
  phase: string;
  owner: string;
  weight: number;
  /** Fraction of the step's weight earned, 0 to 1. */
  credit: number;
  status: StepStatus;
  action: string | null;
  doneBy: string | null;
  takenAtMinutes: number | null;
  doneAtMinutes: number | null;
  dueAtMinutes: number | null;
  lateByMinutes: number | null;
  wrongRole: boolean;
  outOfOrder: boolean;
  evidenceDestroyed: boolean;
  /** The journal entry that earned (or cost) the points; null when nothing was done. */
  seq: number | null;
  notes: string[];
}

export interface SeverityResult {
  expected: number;
  declared: number | null;
  firstDeclared: number | null;
  correct: boolean;
  declaredAtMinutes: number | null;
  deadlineMinutes: number;
  onTime: boolean;
  declaredBy: string | null;
  credit: number;
  seq: number | null;
}

export interface DutyResult {
  duty: string;
  title: string;
  kind: string;
  owner: string;
  status: 'on-time' | 'late' | 'missed' | 'started';
  credit: number;
  action: string | null;
  doneBy: string | null;
  doneAtMinutes: number | null;
  dueAtMinutes: number | null;
  lateByMinutes: number | null;
  wrongRole: boolean;
  seq: number | null;
}

export interface DecisionResult {
  decision: string;
  prompt: string;
  role: string;
  status: 'answered' | 'timed-out' | 'unanswered';
  option: string | null;
  optionLabel: string | null;
  quality: 'best' | 'acceptable' | 'poor' | 'harmful' | null;
  credit: number;
  openedAtMinutes: number;
  answeredAtMinutes: number | null;
  answeredBy: string | null;
  seq: number | null;
}

export interface HarmfulAction {
  action: string;
  title: string;
  by: string;
  atMinutes: number;
  missingPrerequisites: string[];
  seq: number;
}

export interface Component {
  id: 'actions' | 'severity' | 'duties' | 'decisions' | 'timeliness';
  title: string;
  /** Points this part carries in the overall score (0 when it does not apply). */
  weight: number;
  earned: number;
}

export interface Breakdown {
  id: string;
  title: string;
  earned: number;
  possible: number;
  percent: number | null;
}

export interface ObjectiveResult {
  id: string;
  title: string;
  capability: string;
  percent: number | null;
  rating: HseepRating;
  ratingLabel: string;
  strengths: string[];
  areasForImprovement: string[];
}

export type FindingKind =
  | 'late-detection' | 'not-detected' | 'evidence-destroyed' | 'missed-duty' | 'late-duty' | 'missed-step' | 'late-step'
  | 'wrong-role' | 'out-of-order' | 'severity-wrong' | 'severity-late' | 'severity-missing' | 'decision-poor'
  | 'decision-timed-out' | 'decision-unanswered' | 'target-missed' | 'target-met' | 'step-on-time' | 'duty-on-time'
  | 'severity-right' | 'decision-best';

/** What a finding is about: a playbook step, a duty, the severity, a decision, an action taken (evidence destroyed) or a time (detected, contained, recovered). */
export interface FindingSubject {
  kind: 'step' | 'duty' | 'severity' | 'decision' | 'action' | 'metric';
  id: string;
}

export interface Finding {
  kind: FindingKind;
  type: 'strength' | 'improvement';
  message: string;
  /** Journal entries behind it. */
  seq: number[];
  objective: string | null;
  subject: FindingSubject;
}

export interface Observation {
  seq: number;
  atMinutes: number;
  actor: string;
  text: string;
  tag: 'strength' | 'improvement' | 'note';
  objective: string | null;
  inject: string | null;
}

export type TimelineKind =
  | 'session' | 'clock' | 'inject' | 'action-taken' | 'action-completed' | 'decision-opened' | 'decision-answered'
  | 'decision-timed-out' | 'milestone' | 'severity' | 'observation' | 'deadline-passed';

export interface TimelineEntry {
  atMinutes: number;
  kind: TimelineKind;
  title: string;
  actor: string | null;
  seq: number | null;
  ref: string | null;
  /** The participant who made the entry from their own device (LAN sessions), by name. */
  by?: string;
}

/**
 * What the people in the room recorded in a LAN session (docs/lan.md): who took part, the team's
 * bridge channel, the drafts the roles sent, and the evaluators' observations and HSEEP ratings
 * (beside the computed ones). Present only when the journal has such entries.
 */
export interface RoomRecord {
  people: { id: string; name: string; seat: 'role' | 'observer' | 'evaluator'; role: string | null; joinedAtMinutes: number; removedAtMinutes: number | null }[];
  chat: { seq: number; atMinutes: number; actor: string; by: string | null; text: string }[];
  drafts: { seq: number; atMinutes: number; kind: string; role: string; by: string | null; text: string }[];
  evaluatorRatings: { seq: number; atMinutes: number; objective: string; rating: HseepRating; ratingLabel: string; reason: string; evaluator: string }[];
  evaluatorNotes: { seq: number; atMinutes: number; objective: string | null; inject: string | null; text: string; evaluator: string }[];
}

export interface Scorecard {
  scorecardVersion: typeof SCORECARD_VERSION;
  engineFormat: number;
  sessionId: string;
  /** The session's name, as given at set-up or renamed since; absent when it was given none. */
  sessionName?: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioHash: string;
  planId: string;
  planTitle: string;
  planHash: string;
  threat: string;
  providers: string[];
  mode: string;
  startedAt: string;
  scenarioStartsAt: string;
  durationMinutes: number;
  endReason: string | null;
  participants: Record<string, string>;
  /** 0 to 100. */
  overallScore: number;
  timeToDetectMinutes: number | null;
  timeToContainMinutes: number | null;
  timeToRecoverMinutes: number | null;
  milestones: Record<Milestone, number | null>;
  metrics: Metric[];
  components: Component[];
  expectedActions: ExpectedActionResult[];
  severity: SeverityResult;
  duties: DutyResult[];
  decisions: DecisionResult[];
  harmfulActions: HarmfulAction[];
  byPhase: { framework: string; phases: Breakdown[] };
  byRole: Breakdown[];
  objectives: ObjectiveResult[];
  findings: Finding[];
  strengths: string[];
  areasForImprovement: string[];
  observations: Observation[];
  timeline: TimelineEntry[];
  /** LAN sessions only: what the people in the room recorded (absent otherwise, so older scorecards are unchanged). */
  room?: RoomRecord;
}
