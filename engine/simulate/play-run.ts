import { scriptedWallTime } from '../session/play-script.js';
import { Session, SessionRefusal } from '../session/session.js';
import type { RunDraws } from './draws.js';
import type { Cue, ResponsePolicy, Task } from './policy.js';
import type { ResolvedModel } from './resolved-model.js';

// One simulated drill: the team of the policy, with this run's draws, plays the scenario through
// a real session on its simulated clock. The team only ever reacts to what the session shows it
// (injects fired, decisions put, milestones reached) and to its own steps, so the engine decides
// everything that follows from what the team did, exactly as in a drill with people.

/** What made a task ready, or kept it waiting: for the critical path. */
export type Because =
  | { kind: 'origin' }
  | { kind: 'inject'; inject: string; firedAt: number }
  | { kind: 'decision'; decision: string; at: number }
  | { kind: 'milestone'; at: number }
  | { kind: 'task'; task: number }
  | { kind: 'person'; task: number }
  | { kind: 'on-call'; role: string };

export interface TaskPlay {
  status: 'pending' | 'taken' | 'skipped' | 'refused';
  actor: string;
  readyAt: number;
  readyBecause: Because;
  /** Ready plus the script's pace plus any lateness: when the team meant to start. */
  meantAt: number;
  startAt: number;
  /** What held the start back past meantAt, if anything. */
  waitBecause: Because | null;
  /** When it was done (an action's completion; a skipped action's would-be completion). */
  doneAt: number;
}

export interface PlayedRun {
  session: Session;
  tasks: TaskPlay[];
}

interface Person {
  freeAt: number;
  task: number;
}

const ORIGIN: Because = { kind: 'origin' };

/** Bounds the loop whatever the scenario: each turn takes a step or moves the clock. */
const MAX_TURNS = 100_000;

export function playRun(policy: ResponsePolicy, model: ResolvedModel, draws: RunDraws, sessionId: string): PlayedRun {
  const { plan, scenario, tasks } = policy;
  const session = Session.start({ plan, scenario, sessionId, mode: 'scripted', speed: 600, wallTime: scriptedWallTime(scenario, 0), actionDurations: draws.durations, unchained: true });
  const injectIndex = new Map(scenario.injects.map((inject, n) => [inject.id, n]));
  const plays: TaskPlay[] = tasks.map((task, k) => ({
    status: 'pending', actor: draws.actor[k]!, readyAt: 0, readyBecause: ORIGIN, meantAt: 0, startAt: 0, waitBecause: null, doneAt: 0,
  }));
  const people: Record<string, Person[]> = Object.fromEntries(plan.roles.map((r) => [r.id, Array.from({ length: model.roles[r.id]!.people }, () => ({ freeAt: 0, task: -1 }))]));
  const firstNeeded: Record<string, number> = {};

  /** When the team sees this cue (an inject once noticed), or undefined while it has not happened. */
  const cueAt = (cue: Cue): number | undefined => {
    const context = session.context;
    if (cue.kind === 'inject') {
      const state = context.injects[cue.inject];
      const notice = draws.notice[injectIndex.get(cue.inject)!]!;
      return state?.status === 'fired' && notice !== Infinity ? state.firedAt! + notice : undefined;
    }
    if (cue.kind === 'decision') return context.decisions[cue.decision]?.openedAt;
    return context.milestones[cue.milestone];
  };
  const becauseOf = (cue: Cue): Because => {
    const context = session.context;
    if (cue.kind === 'inject') return { kind: 'inject', inject: cue.inject, firedAt: context.injects[cue.inject]!.firedAt! };
    if (cue.kind === 'decision') return { kind: 'decision', decision: cue.decision, at: context.decisions[cue.decision]!.openedAt! };
    return { kind: 'milestone', at: context.milestones[cue.milestone]! };
  };

  // Called for every waiting step whenever the session or the team moves: it allocates only for the answer.
  const readiness = (task: Task): { at: number; because: Because } | undefined => {
    let at = 0;
    let cue: Cue | undefined;
    let after = -1;
    if (task.anyOf.length > 0) {
      at = Infinity;
      for (const candidate of task.anyOf) {
        const time = cueAt(candidate);
        if (time !== undefined && time < at) [at, cue] = [time, candidate];
      }
      if (!cue) return undefined;
    }
    for (const j of task.afterDone) {
      if (plays[j]!.status === 'pending') return undefined;
      if (plays[j]!.doneAt > at) [at, after] = [plays[j]!.doneAt, j];
    }
    for (const j of task.afterStarted) {
      if (plays[j]!.status === 'pending') return undefined;
      if (plays[j]!.startAt > at) [at, after] = [plays[j]!.startAt, j];
    }
    return { at, because: after >= 0 ? { kind: 'task', task: after } : cue ? becauseOf(cue) : ORIGIN };
  };

  const freePerson = (role: string) => people[role]!.reduce((best, p) => (p.freeAt < best.freeAt ? p : best));

  // When each pending task is ready, kept as the session and the team move: a task's readiness
  // changes only when a cue of the session changes (its injects, decisions and milestones tables
  // are replaced, never changed in place) or when a task it waits for is taken.
  const ready = new Map<number, { at: number; because: Because }>();
  const refresh = (index: number) => {
    if (plays[index]!.status !== 'pending') return;
    const time = readiness(tasks[index]!);
    if (!time) return void ready.delete(index);
    ready.set(index, time);
    // A role's on-call delay counts from when it was first needed.
    const actor = plays[index]!.actor;
    if (tasks[index]!.kind !== 'facilitator' && !draws.skipped[index]) firstNeeded[actor] = Math.min(firstNeeded[actor] ?? Infinity, time.at);
  };

  type Next = { task: Task; meantAt: number; startAt: number; waitBecause: Because | null; ready: { at: number; because: Because } };
  /** The next task to start: the earliest, the script's order breaking ties. */
  const nextTask = (): Next | undefined => {
    let next: Next | undefined;
    for (const [index, time] of ready) {
      const task = tasks[index]!;
      const play = plays[index]!;
      const meantAt = time.at + task.delay + draws.lateBy[index]!;
      let startAt = meantAt;
      let waitBecause: Because | null = null;
      if (task.kind !== 'facilitator' && !draws.skipped[index]) {
        const available = firstNeeded[play.actor]! + draws.onCall[play.actor]!;
        if (available > startAt) [startAt, waitBecause] = [available, { kind: 'on-call', role: play.actor }];
        if (task.kind === 'action') {
          const person = freePerson(play.actor);
          if (person.freeAt > startAt) [startAt, waitBecause] = [person.freeAt, { kind: 'person', task: person.task }];
        }
      }
      if (!next || startAt < next.startAt || (startAt === next.startAt && index < next.task.index)) next = { task, meantAt, startAt, waitBecause, ready: time };
    }
    return next;
  };

  for (const task of tasks) refresh(task.index);
  let seen = session.context;
  let next = nextTask();
  const wallTime = scriptedWallTime(scenario, 0);
  for (let turn = 0; turn < MAX_TURNS && !session.context.ended; turn++) {
    const context = session.context;
    if (context.injects !== seen.injects || context.decisions !== seen.decisions || context.milestones !== seen.milestones) {
      seen = context;
      for (const index of policy.cued) refresh(index);
      next = nextTask();
    }
    const due = session.nextDueAt();
    if (!next) {
      if (due === undefined) break;
      session.advanceTo(due);
      continue;
    }
    if (next.startAt > session.now) {
      // Move the clock to the start, or to the engine's next timer first: what fires may change who goes next.
      session.advanceTo(due === undefined ? next.startAt : Math.min(due, next.startAt));
      continue;
    }
    const { task } = next;
    const play = plays[task.index]!;
    const duration = task.action !== null ? draws.durations[task.action]! : 0;
    Object.assign(play, { readyAt: next.ready.at, readyBecause: next.ready.because, meantAt: next.meantAt, startAt: session.now, waitBecause: next.waitBecause, doneAt: session.now + duration });
    if (draws.skipped[task.index]) play.status = 'skipped';
    else {
      const actor = task.kind === 'facilitator' ? task.role : play.actor;
      // record checks the input once and refuses it by throwing: rare here, so cheaper than asking first (check) and checking again.
      if (recorded(session, task.input, actor, wallTime)) {
        play.status = 'taken';
        if (task.kind === 'action') Object.assign(freePerson(actor), { freeAt: play.doneAt, task: task.index });
      } else {
        // The moment passed (a decision its time limit answered, an inject already out): nothing to do.
        Object.assign(play, { status: 'refused', doneAt: session.now });
      }
    }
    // A step taken changes what comes next: the steps waiting for it, and who is free.
    ready.delete(task.index);
    for (const index of policy.dependents[task.index]!) refresh(index);
    next = nextTask();
  }
  if (!session.context.ended) session.advanceTo(scenario.end.timeLimit);
  return { session, tasks: plays };
}

/** Records a team's step, or says it was refused. Wall time is the start's for every entry: a simulated drill is never journaled, and its scorecard reads only the start's. */
function recorded(session: Session, input: Task['input'], actor: string, wallTime: string): boolean {
  try {
    session.record(input, { wallTime, actor });
    return true;
  } catch (error) {
    if (error instanceof SessionRefusal) return false;
    throw error;
  }
}
