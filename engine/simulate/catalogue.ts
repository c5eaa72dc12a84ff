import type { Due } from '../format/plan.js';
import { durationText } from '../format/time-text.js';
import { minutesText } from '../scoring/minutes.js';
import { indexScenario } from '../session/scenario-index.js';
import { isFixed } from './distributions.js';
import { behaviourOf } from './draws.js';
import type { ResponsePolicy } from './policy.js';
import type { ResolvedModel } from './resolved-model.js';

// What a simulation counts in every run: the deadlines it may breach and the inputs whose luck
// may move the time to recover. Both are fixed by the scenario, the plan and the model before
// the first run, so every run's figures line up in the same columns.

export interface BreachDef {
  /** "severity", "duty:<id>", "step:<id>" or "target:detect|contain|recover". */
  id: string;
  title: string;
}

export type InputKind = 'duration' | 'on-call' | 'notice' | 'skip' | 'late' | 'wrong-role';

export interface InputDef {
  /** "duration:<action>", "on-call:<role>", "notice:<channel>", "skip:<step>", "late:<step>", "wrong-role:<step>". */
  id: string;
  kind: InputKind;
  title: string;
  /** Which draw it reads: an action, a role, a channel, or a task's index. */
  key: string | number;
}

/** When a deadline falls, in words; one set from the severity deadline also says when that is after detection. */
const dueText = (due: Due, responseDeadline: number) => {
  if (due.from === 'severity-deadline') {
    const fromDetection = `${durationText(responseDeadline + due.within)} after detection`;
    return due.within === 0 ? `due at the severity deadline, ${fromDetection}` : `due ${durationText(due.within)} after the severity deadline, ${fromDetection}`;
  }
  return due.within === 0 ? `due at ${due.from}` : `due ${durationText(due.within)} after ${due.from}`;
};

/** The deadlines of the scenario: the severity response, each duty, each playbook step with a deadline, and the three targets. */
export function breachCatalogue(policy: ResponsePolicy): BreachDef[] {
  const { plan, scenario } = policy;
  const index = indexScenario(scenario, plan);
  const level = index.expectedLevel;
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat)!;
  const available = (action: string) => {
    const providers = index.actions.get(action)!.providers;
    return providers.length === 0 || providers.some((p) => scenario.providers.includes(p));
  };
  const steps = playbook.steps.filter((s) => s.due && !scenario.notApplicable.includes(s.id) && s.actions.some(available));
  return [
    { id: 'severity', title: `Severity declared within ${durationText(level.responseDeadline)} of detection (Sev ${level.level}, ${level.name})` },
    ...index.duties.map((d) => ({ id: `duty:${d.id}`, title: `${d.title} (${dueText(d.due, level.responseDeadline)})` })),
    ...steps.map((s) => ({ id: `step:${s.id}`, title: `${s.title} (${dueText(s.due!, level.responseDeadline)})` })),
    { id: 'target:detect', title: `Time to detect within the target of ${minutesText(level.targets.detect / 60_000)}` },
    { id: 'target:contain', title: `Time to contain within the target of ${minutesText(level.targets.contain / 60_000)}` },
    { id: 'target:recover', title: `Time to recover within the target of ${minutesText(level.targets.recover / 60_000)}` },
  ];
}

/** The inputs the model leaves to chance (a fixed one cannot move anything). */
export function inputCatalogue(policy: ResponsePolicy, model: ResolvedModel): InputDef[] {
  const { plan, scenario, tasks } = policy;
  const actionTitle = (id: string) => plan.actions.find((a) => a.id === id)!.title;
  const inputs: InputDef[] = [];
  for (const action of policy.actions) {
    if (!isFixed(model.actions[action]!.duration)) inputs.push({ id: `duration:${action}`, kind: 'duration', title: `Duration: ${actionTitle(action)}`, key: action });
  }
  for (const role of plan.roles) {
    if (!isFixed(model.roles[role.id]!.onCall)) inputs.push({ id: `on-call:${role.id}`, kind: 'on-call', title: `On-call delay: ${role.title}`, key: role.id });
  }
  for (const channel of new Set(scenario.injects.map((i) => i.channel))) {
    if (!isFixed(model.notice[channel]) && !model.off.channels.has(channel)) inputs.push({ id: `notice:${channel}`, kind: 'notice', title: `Time to notice: ${channel}`, key: channel });
  }
  for (const task of tasks) {
    const behaviour = behaviourOf(model, task);
    const name = task.title;
    const step = `${task.index + 1}`;
    if (behaviour.skip > 0 && behaviour.skip < 1 && !(task.action !== null && model.off.actions.has(task.action))) inputs.push({ id: `skip:${step}`, kind: 'skip', title: `Skipped: ${name}`, key: task.index });
    if (behaviour.late) inputs.push({ id: `late:${step}`, kind: 'late', title: `Started late: ${name}`, key: task.index });
    const wrong = task.action !== null ? model.actions[task.action]!.wrongRole : null;
    if (wrong && wrong.probability < 1) inputs.push({ id: `wrong-role:${step}`, kind: 'wrong-role', title: `Done by the wrong role: ${name}`, key: task.index });
  }
  return inputs;
}
