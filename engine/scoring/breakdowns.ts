import type { SessionScore } from './session-score.js';
import { round1, weightedCredit } from './rules.js';
import type { Breakdown } from './scorecard.js';

type Credit = { credit: number; weight: number };

function breakdown(id: string, title: string, items: Credit[]): Breakdown {
  const possible = items.reduce((s, i) => s + i.weight, 0);
  const earned = items.reduce((s, i) => s + i.credit * i.weight, 0);
  return { id, title, earned: round1(earned), possible: round1(possible), percent: possible === 0 ? null : round1((100 * earned) / possible) };
}

/** The points of the steps and duties in each phase of the framework the plan scores by. */
export function byPhase(score: SessionScore): { framework: string; phases: Breakdown[] } {
  const { index } = score.facts;
  const { plan } = index;
  const steps = score.actions.steps.map((s) => s.result);
  const dutyPhase = (d: (typeof score.duties.duties)[number]) => score.facts.phaseOf(index.actions.get(d.action ?? plan.duties.find((x) => x.id === d.duty)!.actions[0]!)!);
  return {
    framework: plan.scoreBy,
    phases: plan.phases.filter((p) => p.framework === plan.scoreBy).map((p) =>
      breakdown(p.id, p.title, [
        ...steps.filter((e) => e.phase === p.id).map((e) => ({ credit: e.credit, weight: e.weight })),
        ...score.duties.duties.filter((d) => dutyPhase(d) === p.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ])),
  };
}

/** The points of the steps, duties, decisions and severity each role of the plan owns. */
export function byRole(score: SessionScore): Breakdown[] {
  const { plan } = score.facts.index;
  const steps = score.actions.steps.map((s) => s.result);
  return plan.roles.map((r) =>
    breakdown(r.id, r.title, [
      ...steps.filter((e) => e.owner === r.id).map((e) => ({ credit: e.credit, weight: e.weight })),
      ...score.duties.duties.filter((d) => d.owner === r.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ...score.decisions.decisions.filter((d) => d.role === r.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ...(plan.severityDeclaredBy[0] === r.id ? [{ credit: score.severity.result.credit, weight: 1 }] : []),
    ]));
}

/** Share of the points of the steps, duties, decisions and severity an objective names; null when it names none that applied. */
export function objectiveFraction(score: SessionScore, objective: { steps: string[]; duties: string[]; decisions: string[]; severity: boolean }): number | null {
  return weightedCredit([
    ...score.actions.steps.map((s) => s.result).filter((e) => objective.steps.includes(e.step)).map((e) => ({ credit: e.credit, weight: e.weight })),
    ...score.duties.duties.filter((d) => objective.duties.includes(d.duty)).map((d) => ({ credit: d.credit, weight: 1 })),
    ...score.decisions.decisions.filter((d) => objective.decisions.includes(d.decision)).map((d) => ({ credit: d.credit, weight: 1 })),
    ...(objective.severity ? [{ credit: score.severity.result.credit, weight: 1 }] : []),
  ]);
}
