import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { FACILITATOR, type ResponseScript } from '../format/script.js';
import type { Milestone } from '../format/common.js';
import type { JournalInput } from '../session/journal.js';
import { scriptedWallTime, stepInput } from '../session/play-script.js';
import { Session } from '../session/session.js';

// How a simulated team responds: the scenario's exemplary script read as reactions rather than
// times. Each step waits for what it answers (an inject noticed, a decision put, detection, the
// steps it must follow) and then takes as long as the script took after that. Played with no
// randomness it gives the script back, step for step; with a model's spreads it moves as the
// injects and the team's own steps move.

/** What a step answers: the first of these to happen makes it ready. */
export type Cue =
  | { kind: 'inject'; inject: string }
  | { kind: 'decision'; decision: string }
  | { kind: 'milestone'; milestone: Milestone };

export type TaskKind = 'action' | 'severity' | 'decision' | 'facilitator';

/** One step of the script as a reaction. */
export interface Task {
  index: number;
  kind: TaskKind;
  /** Who does it in the script (a role, or the facilitator). */
  role: string;
  input: JournalInput;
  action: string | null;
  decision: string | null;
  /** Ready at the first of these (none: at T+0) ... */
  anyOf: Cue[];
  /** ... once these tasks are done (actions: completed) ... */
  afterDone: number[];
  /** ... and these have started. */
  afterStarted: number[];
  /** Simulated ms from ready to start: the script's own pace. */
  delay: number;
  /** When the script does it, and when it is done (an action's completion). */
  scriptAt: number;
  scriptDoneAt: number;
  /** What it is, in words, for reports: the action's title, "Declare severity 1", the decision's prompt. */
  title: string;
}

export interface ResponsePolicy {
  plan: Plan;
  scenario: Scenario;
  script: ResponseScript;
  tasks: Task[];
  /** Per role, the most actions the script has under way at once: the people it needs. */
  busiest: Record<string, number>;
  /** The distinct actions the tasks take, in order of first use. */
  actions: string[];
  /** Per task, the tasks that wait for it (afterDone or afterStarted). */
  dependents: number[][];
  /** The tasks that wait for a cue of the session (an inject, a decision, a milestone). */
  cued: number[];
}

const titleOf = (input: JournalInput, plan: Plan, scenario: Scenario): string => {
  switch (input.type) {
    case 'action.taken': return plan.actions.find((a) => a.id === input.action)!.title;
    case 'severity.declared': return `Declare severity ${input.level}`;
    case 'decision.answered': return `Decide: ${scenario.decisions.find((d) => d.id === input.decision)!.prompt}`;
    case 'session.ended': return 'End the session';
    case 'observation.noted': return 'Note an observation';
    case 'inject.released': return `Release inject ${input.inject}`;
    case 'inject.held': return `Hold inject ${input.inject}`;
    default: return input.type;
  }
};

/** Reads a response script as a policy, replaying it to see what each step followed. */
export function responsePolicy(plan: Plan, scenario: Scenario, script: ResponseScript): ResponsePolicy {
  const session = Session.start({ plan, scenario, sessionId: `${scenario.id}.${script.name}.policy`, mode: 'scripted', speed: 600, wallTime: scriptedWallTime(scenario, 0) });
  const actions = new Map(plan.actions.map((a) => [a.id, a]));
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat);
  /** Actions that must be done before this one: its prerequisites, and the actions of the steps its playbook steps follow. */
  const before = (action: string): Set<string> => {
    const result = new Set(actions.get(action)?.prerequisites ?? []);
    for (const step of playbook?.steps ?? []) {
      if (!step.actions.includes(action)) continue;
      for (const after of step.after) for (const a of playbook!.steps.find((s) => s.id === after)?.actions ?? []) result.add(a);
    }
    return result;
  };

  const tasks: Task[] = [];
  for (const [index, step] of script.steps.entries()) {
    session.advanceTo(step.at);
    const context = session.context;
    const input = stepInput(step);
    const firedAt = (inject: string) => (context.injects[inject]?.status === 'fired' ? context.injects[inject]!.firedAt! : undefined);
    const earlier = tasks.filter((t) => t.kind !== 'facilitator');
    let anyOf: Cue[] = [];
    let cueAt: number | undefined;
    let afterDone: number[] = [];
    let afterStarted: number[] = [];

    if (input.type === 'action.taken') {
      const expecting = scenario.injects.filter((i) => i.expects.includes(input.action));
      const fired = expecting.map((i) => firedAt(i.id)).filter((t): t is number => t !== undefined);
      if (fired.length > 0) {
        anyOf = expecting.map((i) => ({ kind: 'inject', inject: i.id }));
        cueAt = Math.min(...fired);
      } else {
        // Nothing asked for it: the latest inject the role had received.
        const received = scenario.injects.filter((i) => i.to.includes(step.by) && firedAt(i.id) !== undefined).sort((a, b) => firedAt(b.id)! - firedAt(a.id)!)[0];
        if (received) {
          anyOf = [{ kind: 'inject', inject: received.id }];
          cueAt = firedAt(received.id);
        }
      }
      const needs = before(input.action);
      afterDone = earlier.filter((t) => t.action !== null && needs.has(t.action) && t.scriptDoneAt <= step.at).map((t) => t.index);
    } else if (input.type === 'decision.answered') {
      anyOf = [{ kind: 'decision', decision: input.decision }];
      cueAt = context.decisions[input.decision]?.openedAt;
    } else if (input.type === 'severity.declared' && context.milestones.detected !== undefined) {
      anyOf = [{ kind: 'milestone', milestone: 'detected' }];
      cueAt = context.milestones.detected;
    } else if (input.type === 'session.ended') {
      afterDone = earlier.filter((t) => t.scriptDoneAt <= step.at).map((t) => t.index);
    }
    if (cueAt === undefined && afterDone.length === 0 && index > 0) {
      // Nothing to react to: the step follows the one before it in the script.
      afterStarted = [index - 1];
    }
    const base = Math.max(cueAt ?? 0, ...afterDone.map((i) => tasks[i]!.scriptDoneAt), ...afterStarted.map((i) => tasks[i]!.scriptAt));
    const duration = input.type === 'action.taken' ? actions.get(input.action)!.duration : 0;
    tasks.push({
      index,
      kind: step.by === FACILITATOR ? 'facilitator' : input.type === 'action.taken' ? 'action' : input.type === 'decision.answered' ? 'decision' : 'severity',
      role: step.by,
      input,
      action: input.type === 'action.taken' ? input.action : null,
      decision: input.type === 'decision.answered' ? input.decision : null,
      anyOf,
      afterDone,
      afterStarted,
      delay: step.at - base,
      scriptAt: step.at,
      scriptDoneAt: step.at + duration,
      title: titleOf(input, plan, scenario),
    });
    session.record(input, { simTime: step.at, wallTime: scriptedWallTime(scenario, step.at), actor: step.by });
  }

  return {
    plan,
    scenario,
    script,
    tasks,
    busiest: busiestRoles(tasks),
    actions: [...new Set(tasks.flatMap((t) => (t.action ? [t.action] : [])))],
    dependents: tasks.map((task) => tasks.filter((t) => t.afterDone.includes(task.index) || t.afterStarted.includes(task.index)).map((t) => t.index)),
    cued: tasks.filter((t) => t.anyOf.length > 0).map((t) => t.index),
  };
}

/** The most actions each role has under way at once in the script ([start, done) intervals). */
function busiestRoles(tasks: readonly Task[]): Record<string, number> {
  const busiest: Record<string, number> = {};
  for (const task of tasks) {
    if (task.kind !== 'action' || task.scriptDoneAt === task.scriptAt) continue;
    const overlapping = tasks.filter((t) => t.kind === 'action' && t.role === task.role && t.scriptAt <= task.scriptAt && task.scriptAt < t.scriptDoneAt).length;
    busiest[task.role] = Math.max(busiest[task.role] ?? 1, overlapping);
  }
  return busiest;
}
