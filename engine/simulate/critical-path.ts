import type { PlayedRun, TaskPlay } from './play-run.js';
import type { ResponsePolicy } from './policy.js';

// The chain of steps that decided when the incident was recovered: from the step whose completion
// reached the milestone, back through what each step waited for (an inject noticed, a step it
// followed, a person busy with another step), to the scenario's own clock. Each link's time goes
// to the role that spent it: doing the step, pacing it, or waiting for someone free.

export interface CriticalPath {
  /** The steps on the path, first to last, as "Role: step" in the plan's words. */
  steps: string[];
  /** Simulated ms of the path spent by each role (work, pace and waiting), by role id. */
  byRole: Record<string, number>;
  /** Simulated ms the path spent before someone noticed an inject. */
  noticing: number;
  /** Simulated ms the path waited on the scenario itself (scheduled injects and decisions). */
  scenario: number;
}

/** The last step taken done exactly at `at` (with before: at or before it); -1 if none. */
const doneAtTime = (plays: readonly TaskPlay[], at: number, before = false) => {
  let found = -1;
  plays.forEach((p, k) => {
    if (p.status !== 'taken') return;
    if (before ? p.doneAt <= at && (found < 0 || p.doneAt >= plays[found]!.doneAt) : p.doneAt === at) found = k;
  });
  return found;
};

export function criticalPath(policy: ResponsePolicy, run: PlayedRun): CriticalPath | null {
  const recoveredAt = run.session.context.milestones.recovered;
  if (recoveredAt === undefined) return null;
  const { tasks, scenario, plan } = policy;
  const roleTitle = (id: string) => plan.roles.find((r) => r.id === id)?.title ?? id;
  const plays = run.tasks;
  const path: CriticalPath = { steps: [], byRole: {}, noticing: 0, scenario: 0 };
  const spend = (role: string, ms: number) => {
    if (ms > 0) path.byRole[role] = (path.byRole[role] ?? 0) + ms;
  };
  /** The step whose completion triggered something at `at`: the one done then, else the last done before. */
  const cause = (at: number) => {
    const exact = doneAtTime(plays, at);
    return exact >= 0 ? exact : doneAtTime(plays, at, true);
  };

  // The path is walked back from recovery; `until` is when the link after the current one took
  // over, so each link is counted up to there and no minute is counted twice.
  let until = recoveredAt;
  /** The step done at `at` (or the last before it, the gap going to the scenario's clock); -1: none, all of it the clock's. */
  const link = (at: number) => {
    const k = cause(at);
    path.scenario += k >= 0 ? at - plays[k]!.doneAt : at;
    if (k >= 0) until = plays[k]!.doneAt;
    return k;
  };
  /** What an inject or decision came after: nothing but the clock when scheduled, else the step that set off its trigger (and its delay). */
  const before = (timed: { at?: number | undefined; delay?: number | undefined }, at: number) => {
    if (timed.at !== undefined) {
      path.scenario += at;
      return -1;
    }
    path.scenario += timed.delay ?? 0;
    return link(at - (timed.delay ?? 0));
  };
  /** The part of [from, to] before `until`. */
  const clipped = (from: number, to: number) => Math.max(0, Math.min(to, until) - Math.min(from, until));

  let k = link(recoveredAt);
  const visited = new Set<number>();
  while (k >= 0 && !visited.has(k)) {
    visited.add(k);
    const task = tasks[k]!;
    const play = plays[k]!;
    path.steps.unshift(`${roleTitle(play.actor)}: ${task.title}`);
    spend(play.actor, clipped(play.startAt, play.doneAt));
    // A person busy with another step held it back: that step is the link before, up to this one's start.
    if (play.waitBecause?.kind === 'person' && play.waitBecause.task >= 0) {
      until = Math.min(until, play.startAt);
      k = play.waitBecause.task;
      continue;
    }
    spend(play.waitBecause?.kind === 'on-call' ? play.waitBecause.role : play.actor, clipped(play.meantAt, play.startAt));
    spend(play.actor, clipped(play.readyAt, play.meantAt));
    until = Math.min(until, play.readyAt);
    const ready = play.readyBecause;
    if (ready.kind === 'task') k = ready.task;
    else if (ready.kind === 'milestone') k = link(ready.at);
    else if (ready.kind === 'inject') {
      path.noticing += play.readyAt - ready.firedAt;
      until = ready.firedAt;
      k = before(scenario.injects.find((i) => i.id === ready.inject)!, ready.firedAt);
    } else if (ready.kind === 'decision') {
      until = ready.at;
      k = before(scenario.decisions.find((d) => d.id === ready.decision)!, ready.at);
    } else k = -1;
  }
  return path;
}
