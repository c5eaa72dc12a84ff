// The simulated team follows a scenario's response script named "exemplary" (its steps and its
// pace); a scenario without one cannot be stress-tested. Said the same way by the host when it
// refuses one and by the app before Run.

export const EXEMPLARY_SCRIPT = 'exemplary';

export const hasExemplaryScript = (scripts: readonly string[]): boolean => scripts.includes(EXEMPLARY_SCRIPT);

export function noExemplaryScriptText(scenarioId: string): string {
  return `scenario "${scenarioId}" has no exemplary response script, which the simulated team follows: play the scenario once as it should be played, then in its debrief save the drill as a response script named "${EXEMPLARY_SCRIPT}"`;
}
