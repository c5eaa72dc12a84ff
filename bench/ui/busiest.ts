// The busiest bundled scenario: the most injects + decisions + milestones (what the console has
// to list, time and update). Ties go to the most action effects (actions that fire injects or
// change the state while it plays), then the most injects and decisions on a timer (those fire on
// their own at 600x without anyone acting), then the most artifacts (log tables and the like that
// the inject feed renders), then the id.
import type { Library } from '../../engine/validate/index.js';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';

export interface ScenarioLoad {
  scenario: Scenario;
  plan: Plan;
  injects: number;
  decisions: number;
  milestones: number;
  /** injects + decisions + milestones */
  events: number;
  actionEffects: number;
  timed: number;
  artifacts: number;
}

const TIE_BREAKS: { key: 'actionEffects' | 'timed' | 'artifacts'; title: string }[] = [
  { key: 'actionEffects', title: 'action effects' },
  { key: 'timed', title: 'injects and decisions on a timer' },
  { key: 'artifacts', title: 'artifacts' },
];

export function rankScenarios(library: Library): ScenarioLoad[] {
  const loads = [...library.scenarios.values()].map(({ scenario }): ScenarioLoad => {
    const milestones = Object.keys(scenario.milestones).length;
    return {
      scenario,
      plan: library.plans.get(scenario.plan)!.plan,
      injects: scenario.injects.length,
      decisions: scenario.decisions.length,
      milestones,
      events: scenario.injects.length + scenario.decisions.length + milestones,
      actionEffects: scenario.actionEffects.length,
      timed: [...scenario.injects, ...scenario.decisions].filter((item) => item.at !== undefined).length,
      artifacts: scenario.injects.reduce((sum, inject) => sum + inject.artifacts.length, 0),
    };
  });
  return loads.sort((a, b) =>
    b.events - a.events || TIE_BREAKS.reduce((order, { key }) => order || b[key] - a[key], 0) || a.scenario.id.localeCompare(b.scenario.id));
}

/** One line saying which scenario is the busiest and why (what broke a tie, if there was one). */
export function describeBusiest(ranked: ScenarioLoad[]): string {
  const [first, ...rest] = ranked;
  if (!first) return 'no bundled scenario';
  const counts = `${first.injects} injects + ${first.decisions} decisions + ${first.milestones} milestones = ${first.events}`;
  let tied = rest.filter((load) => load.events === first.events);
  let why = `the most of ${ranked.length} bundled scenarios`;
  if (tied.length > 0) {
    const reasons = [`tied at ${first.events} with ${tied.map((load) => load.scenario.id).join(', ')}`];
    for (const { key, title } of TIE_BREAKS) {
      if (tied.length === 0) break;
      const next = Math.max(...tied.map((load) => load[key]));
      const still = tied.filter((load) => load[key] === first[key]);
      reasons.push(still.length === 0
        ? `then it has the most ${title} (${first[key]}; next ${next})`
        : `then ${title} tie at ${first[key]} with ${still.map((load) => load.scenario.id).join(', ')}`);
      tied = still;
    }
    if (tied.length > 0) reasons.push('then the id decides');
    why = reasons.join('; ');
  }
  return `busiest bundled scenario: ${first.scenario.id} ("${first.scenario.title}"): ${counts}; ${first.actionEffects} action effects, ${first.timed} on a timer, ${first.artifacts} artifacts. Why: ${why}`;
}
