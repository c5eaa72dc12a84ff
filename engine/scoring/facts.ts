import { SYSTEM } from '../session/refusals.js';
import type { Due, PlanAction, PlaybookStep } from '../format/plan.js';
import type { JournalEntry } from '../session/journal.js';
import type { ScenarioIndex } from '../session/scenario-index.js';
import type { Session } from '../session/session.js';
import { actionDuration, type SessionContext } from '../session/context.js';
import { deadlineAt, severityDeadlineAt, type DeadlineOrigins } from '../session/deadlines.js';

// The facts every part of the score is judged on, read once from the replayed session: each
// action taken and when it completed, the deadlines, and the look-ups the parts share.

/** One action as the team took it, and what the plan makes of it. */
export interface Take {
  seq: number;
  action: PlanAction;
  role: string;
  at: number;
  completesAt: number;
  completed: boolean;
  missingPrerequisites: string[];
}

/** What the journal and the replayed session say happened, in the terms every part of the score uses. */
export interface ScoringFacts {
  index: ScenarioIndex;
  journal: readonly JournalEntry[];
  context: SessionContext;
  endAt: number;
  origins: DeadlineOrigins;
  severityDeadline: number;
  /** Every action taken, in journal order. */
  takes: Take[];
  /** When a step or duty due this way falls due (null: counted from a containment that never came). */
  dueAt(due: Due | undefined): number | null;
  /** The take that did it (the first to complete among these actions) and the first started. */
  doing(actions: readonly string[]): { take: Take | undefined; started: Take | undefined };
  /** Whether the action exists on the scenario's clouds. */
  available(action: PlanAction): boolean;
  /** The phase an action scores in: NIST phase or CSF function, as the plan scores by. */
  phaseOf(action: PlanAction): string;
  /** The scenario objective a step, duty, decision (by id) or the severity counts towards. */
  objectiveOf(kind: 'step' | 'duty' | 'decision' | 'severity', id?: string): string | null;
  /** The playbook's steps that apply to the scenario (not ruled out, with an action on its clouds), in order. */
  applicableSteps: readonly PlaybookStep[];
}

/** What the plan and scenario alone decide, worked out once per scenario however many sessions are scored. */
interface PlanFacts {
  available(action: PlanAction): boolean;
  objectiveOf: ScoringFacts['objectiveOf'];
  applicableSteps: PlaybookStep[];
}

const planFactsCache = new WeakMap<ScenarioIndex, PlanFacts>();

function planFacts(index: ScenarioIndex): PlanFacts {
  let facts = planFactsCache.get(index);
  if (facts) return facts;
  const { scenario, plan } = index;
  const available = (action: PlanAction) => action.providers.length === 0 || action.providers.some((p) => scenario.providers.includes(p));
  // The first objective (in the scenario's order) that names each step, duty, decision, or the severity.
  const objectives = { step: new Map<string, string>(), duty: new Map<string, string>(), decision: new Map<string, string>(), severity: new Map<string, string>() };
  for (const o of [...scenario.objectives].reverse()) {
    for (const id of o.steps) objectives.step.set(id, o.id);
    for (const id of o.duties) objectives.duty.set(id, o.id);
    for (const id of o.decisions) objectives.decision.set(id, o.id);
    if (o.severity) objectives.severity.set('severity', o.id);
  }
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat)!;
  const applicableSteps = playbook.steps.filter((s) => !scenario.notApplicable.includes(s.id) && s.actions.some((a) => available(index.actions.get(a)!)));
  facts = { available, objectiveOf: (kind, id = 'severity') => objectives[kind].get(id) ?? null, applicableSteps };
  planFactsCache.set(index, facts);
  return facts;
}

export function scoringFacts(session: Session): ScoringFacts {
  const { index, journal, context } = session;
  const { plan } = index;
  const endAt = context.ended?.at ?? session.now;
  // The time limit's timer is set when the session starts, before any action's, so at the limit
  // the session ends first and an action due to complete at that very moment never does.
  // The journal records the time limit's end as the system's (from engine format 2), not the facilitator's.
  const endedByTimeLimit = context.ended !== null && !journal.some((e) => e.type === 'session.ended' && e.actor !== SYSTEM);
  const completesInTime = (completesAt: number) => (endedByTimeLimit ? completesAt < endAt : completesAt <= endAt);
  const origins: DeadlineOrigins = {
    detectedAt: context.milestones.detected ?? 0,
    containedAt: context.milestones.contained,
    responseDeadline: index.expectedLevel.responseDeadline,
  };

  // Every action taken, with its completion and whether its prerequisites had completed first.
  const actionTakes = journal.filter((e): e is Extract<JournalEntry, { type: 'action.taken' }> => e.type === 'action.taken');
  const firstCompletion = new Map<string, number>();
  for (const e of actionTakes) {
    const completesAt = e.simTime + actionDuration(index, context, e.action);
    if (completesInTime(completesAt) && completesAt < (firstCompletion.get(e.action) ?? Infinity)) firstCompletion.set(e.action, completesAt);
  }
  const takes: Take[] = actionTakes.map((e) => {
    const action = index.actions.get(e.action)!;
    const completesAt = e.simTime + actionDuration(index, context, e.action);
    const missingPrerequisites = action.prerequisites.filter((p) => !((firstCompletion.get(p) ?? Infinity) <= e.simTime));
    return { seq: e.seq, action, role: e.actor, at: e.simTime, completesAt, completed: completesInTime(completesAt), missingPrerequisites };
  });

  // Per action: its first take, and the take that completed first.
  const firstTake = new Map<string, Take>();
  const firstDone = new Map<string, Take>();
  for (const take of takes) {
    if (!firstTake.has(take.action.id)) firstTake.set(take.action.id, take);
    const done = firstDone.get(take.action.id);
    if (take.completed && (!done || take.completesAt < done.completesAt)) firstDone.set(take.action.id, take);
  }

  return {
    index,
    journal,
    context,
    endAt,
    origins,
    severityDeadline: severityDeadlineAt(origins),
    takes,
    dueAt: (due) => (due ? deadlineAt(due, origins) : null),
    doing: (actions) => {
      let take: Take | undefined;
      let started: Take | undefined;
      for (const action of actions) {
        const done = firstDone.get(action);
        if (done && (!take || done.completesAt < take.completesAt || (done.completesAt === take.completesAt && done.seq < take.seq))) take = done;
        const first = firstTake.get(action);
        if (first && (!started || first.seq < started.seq)) started = first;
      }
      return { take, started };
    },
    phaseOf: (action) => (plan.scoreBy === 'csf-2.0' ? action.function : action.phase),
    ...planFacts(index),
  };
}
