import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { ResponseScript, ScriptStep } from '../format/script.js';
import type { JournalInput } from './journal.js';
import { Session, SessionRefusal } from './session.js';

/** The journal input a script step stands for. */
export function stepInput(step: ScriptStep): JournalInput {
  if (step.action !== undefined) return { type: 'action.taken', action: step.action };
  if (step.declareSeverity !== undefined) return { type: 'severity.declared', level: step.declareSeverity };
  if (step.decision !== undefined) return { type: 'decision.answered', decision: step.decision, option: step.option! };
  if (step.releaseInject !== undefined) return { type: 'inject.released', inject: step.releaseInject };
  if (step.holdInject !== undefined) return { type: 'inject.held', inject: step.holdInject };
  if (step.observation !== undefined) return { type: 'observation.noted', ...step.observation };
  return { type: 'session.ended', reason: 'the response script ended' };
}

/** Wall time for a scripted run: the scenario's own clock, so the same script gives the same journal. */
export function scriptedWallTime(scenario: Scenario, simTime: number): string {
  return new Date(startOf(scenario) + simTime).toISOString();
}

const starts = new WeakMap<Scenario, number>();
const startOf = (scenario: Scenario) => {
  let start = starts.get(scenario);
  if (start === undefined) starts.set(scenario, (start = Date.parse(scenario.startsAt)));
  return start;
};

export class ScriptStepRefused extends Error {
  constructor(
    readonly stepIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'ScriptStepRefused';
  }
}

/**
 * Plays a response script through a new session, as fast as the clock allows. Without an
 * `end` step the session runs to the scenario's time limit, where it ends with a journaled
 * entry: so its journal replays to the same scorecard.
 */
export function playScript(plan: Plan, scenario: Scenario, script: ResponseScript, options: { sessionId?: string } = {}): Session {
  const session = Session.start({
    plan,
    scenario,
    sessionId: options.sessionId ?? `${scenario.id}.${script.name}`,
    mode: 'scripted',
    speed: 600,
    wallTime: scriptedWallTime(scenario, 0),
  });
  script.steps.forEach((step, index) => {
    try {
      session.record(stepInput(step), { simTime: step.at, wallTime: scriptedWallTime(scenario, step.at), actor: step.by });
    } catch (error) {
      if (error instanceof SessionRefusal) throw new ScriptStepRefused(index, error.message);
      throw error;
    }
  });
  if (!session.context.ended) session.advanceTo(scenario.end.timeLimit, (simTime) => scriptedWallTime(scenario, simTime));
  return session;
}
