import type { Milestone, Scalar } from '../format/common.js';
import type { ScenarioIndex } from './scenario-index.js';

/** `skipped`: it fell due while its `unless` held, so it did not fire (a facilitator may still release it). */
export type InjectStatus = 'pending' | 'scheduled' | 'held' | 'fired' | 'skipped';
/** How an inject came to fire. */
export type InjectCause = 'schedule' | 'trigger' | 'released' | 'decision' | 'action';

export interface InjectState {
  status: InjectStatus;
  /** When a scheduled inject is due. */
  dueAt?: number;
  firedAt?: number;
  /** When it fell due and was skipped, its `unless` holding. */
  skippedAt?: number;
  cause?: InjectCause;
  /** The journal entry behind a hand release or hold. */
  seq?: number;
}

export interface DecisionState {
  status: 'waiting' | 'scheduled' | 'open' | 'answered' | 'timed-out';
  /** When a scheduled decision will be put to the team. */
  opensAt?: number;
  openedAt?: number;
  expiresAt?: number;
  answeredAt?: number;
  option?: string;
  by?: string;
  seq?: number;
}

export interface SeverityDeclaration {
  level: number;
  at: number;
  by: string;
  seq: number;
}

export interface Deadline {
  /** What the deadline is for: "severity" or "duty:<id>". */
  id: string;
  dueAt: number;
  passed: boolean;
  /** When it was met, if it was met before it passed. */
  metAt?: number;
}

/**
 * What a session knows at one simulated moment. Kept small and bounded by the scenario's size
 * (not the journal's), so replaying a long journal does not copy a growing history on every
 * event: the history is the journal itself.
 */
export interface SessionContext {
  now: number;
  vars: Record<string, Scalar>;
  injects: Record<string, InjectState>;
  decisions: Record<string, DecisionState>;
  /**
   * First completion time of each action the scenario waits on (a trigger, a milestone, an
   * effect or a duty). Other actions change nothing in the scenario; the journal has them.
   * Every watched action has its key from the start (undefined until then): see initialContext.
   */
  completed: Record<string, number | undefined>;
  /** When each watched action taken will first complete (kept after it has): only the first is timed. */
  completing: Record<string, number | undefined>;
  severity: SeverityDeclaration | null;
  firstSeverity: SeverityDeclaration | null;
  milestones: Partial<Record<Milestone, number>>;
  deadlines: Record<string, Deadline>;
  /** When the scenario's end condition first held. */
  completeAt: number | null;
  ended: { at: number; reason: string } | null;
  paused: boolean;
  speed: number;
  /**
   * A simulated drill's own action durations (engine/simulate), in place of the plan's. Absent
   * in every journaled session: its actions take the plan's durations, so its journal replays.
   */
  actionDurations?: Readonly<Record<string, number>>;
}

/** How long an action takes in this session: the plan's duration unless a simulation drew its own. */
export const actionDuration = (index: ScenarioIndex, context: SessionContext, action: string): number =>
  context.actionDurations?.[action] ?? index.actions.get(action)!.duration;

export function initialContext(index: ScenarioIndex, speed: number, actionDurations?: Readonly<Record<string, number>>): SessionContext {
  // The two action tables hold a key for every watched action from the start. Actions complete in
  // a different order in each drill, and V8 makes a new hidden class for each new order of keys
  // added to an object: a simulation of many drills filled its heap with them, and ran slower.
  const watched = () => Object.fromEntries([...index.watchedActions].map((id) => [id, undefined]));
  return {
    now: 0,
    vars: { ...index.scenario.state },
    injects: Object.fromEntries(index.scenario.injects.map((i) => [i.id, { status: 'pending' as const }])),
    decisions: Object.fromEntries(index.scenario.decisions.map((d) => [d.id, { status: 'waiting' as const }])),
    completed: watched(),
    completing: watched(),
    severity: null,
    firstSeverity: null,
    milestones: {},
    deadlines: {},
    completeAt: null,
    ended: null,
    paused: false,
    speed,
    ...(actionDurations ? { actionDurations } : {}),
  };
}
