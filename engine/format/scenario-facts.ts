import type { Scenario } from './scenario.js';

/** The facts a list of scenarios shows: the same in `firedrill list` and in the app's library. */
export function scenarioFacts(scenario: Scenario) {
  return {
    id: scenario.id,
    title: scenario.title,
    plan: scenario.plan,
    threat: scenario.threat,
    expectedSeverity: scenario.expectedSeverity,
    providers: scenario.providers,
    attack: scenario.attack,
    difficulty: scenario.difficulty,
    estimatedMinutes: scenario.estimatedDuration / 60_000,
  };
}
