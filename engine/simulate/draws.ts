import { drawFrom } from './distributions.js';
import type { ResponsePolicy, Task } from './policy.js';
import type { ResolvedModel, TaskBehaviour } from './resolved-model.js';

/** Everything a run leaves to chance, drawn before it is played. */
export interface RunDraws {
  /** Each action's duration (ms). */
  durations: Record<string, number>;
  /** Per task: never done; started this much later than the script's pace (ms); done by this role. */
  skipped: boolean[];
  lateBy: number[];
  actor: string[];
  /** Per inject of the scenario (in its order): ms before someone notices it; Infinity: never. A typed array: the same kind of array in every run, whichever numbers it holds. */
  notice: Float64Array;
  /** Per role: ms from first needed to there. */
  onCall: Record<string, number>;
}

/** The behaviour the model gives a task (facilitator steps always happen, on time). */
export function behaviourOf(model: ResolvedModel, task: Task): TaskBehaviour {
  if (task.action !== null) return model.actions[task.action]!;
  if (task.decision !== null) return model.decisions[task.decision]!;
  if (task.kind === 'severity') return model.severity;
  return { skip: 0, late: null };
}

/**
 * Draws a run's luck in a fixed order that depends on the policy alone (actions, then four
 * draws per task, then injects, then roles), so two models simulated with one seed meet the
 * same uniform numbers at the same places.
 */
export function drawRun(policy: ResponsePolicy, model: ResolvedModel, uniform: () => number): RunDraws {
  const durations: Record<string, number> = {};
  for (const action of policy.actions) durations[action] = drawFrom(model.actions[action]!.duration, uniform());
  const skipped: boolean[] = [];
  const lateBy: number[] = [];
  const actor: string[] = [];
  for (const task of policy.tasks) {
    const [skip, late, lateAmount, wrong] = [uniform(), uniform(), uniform(), uniform()];
    const behaviour = behaviourOf(model, task);
    const wrongRole = task.action !== null ? model.actions[task.action]!.wrongRole : null;
    skipped.push(skip < behaviour.skip || (task.action !== null && model.off.actions.has(task.action)));
    lateBy.push(behaviour.late && late < behaviour.late.probability ? drawFrom(behaviour.late.by, lateAmount) : 0);
    actor.push(wrongRole && wrong < wrongRole.probability ? wrongRole.role : task.role);
  }
  const notice = Float64Array.from(policy.scenario.injects, (inject) => {
    const draw = drawFrom(model.notice[inject.channel], uniform());
    return model.off.channels.has(inject.channel) || model.off.injects.has(inject.id) ? Infinity : draw;
  });
  const onCall: Record<string, number> = {};
  for (const role of policy.plan.roles) onCall[role.id] = drawFrom(model.roles[role.id]!.onCall, uniform());
  return { durations, skipped, lateBy, actor, notice, onCall };
}
