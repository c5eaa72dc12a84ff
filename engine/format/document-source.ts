import { formatDuration } from './duration.js';
import type { Plan } from './plan.js';
import type { Scenario } from './scenario.js';

// A validated plan or scenario back to the form its file is written in: the schemas turn
// durations ("1h30m") into milliseconds, so a kept version (a document, not a file) is written
// out again with its durations as text. Validating the result gives the same document, and so
// the same content hash.

const duration = (ms: number) => formatDuration(ms);

export function planSource(plan: Plan): Record<string, unknown> {
  return {
    ...plan,
    severityLevels: plan.severityLevels.map((level) => ({
      ...level,
      responseDeadline: duration(level.responseDeadline),
      targets: { detect: duration(level.targets.detect), contain: duration(level.targets.contain), recover: duration(level.targets.recover) },
    })),
    actions: plan.actions.map((action) => ({ ...action, duration: duration(action.duration) })),
    playbooks: plan.playbooks.map((playbook) => ({
      ...playbook,
      steps: playbook.steps.map((step) => (step.due ? { ...step, due: { ...step.due, within: duration(step.due.within) } } : step)),
    })),
    duties: plan.duties.map((duty) => ({ ...duty, due: { ...duty.due, within: duration(duty.due.within) } })),
  };
}

const timing = <T extends { at?: number; delay?: number }>(item: T) => ({
  ...item,
  ...(item.at !== undefined ? { at: duration(item.at) } : {}),
  ...(item.delay !== undefined ? { delay: duration(item.delay) } : {}),
});

export function scenarioSource(scenario: Scenario): Record<string, unknown> {
  return {
    ...scenario,
    estimatedDuration: duration(scenario.estimatedDuration),
    groundTruth: { ...scenario.groundTruth, compromiseAt: duration(scenario.groundTruth.compromiseAt) },
    injects: scenario.injects.map(timing),
    decisions: scenario.decisions.map((decision) => ({ ...timing(decision), ...(decision.timeLimit !== undefined ? { timeLimit: duration(decision.timeLimit) } : {}) })),
    end: { ...scenario.end, timeLimit: duration(scenario.end.timeLimit) },
  };
}
