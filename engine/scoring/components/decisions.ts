import { toMinutes } from '../minutes.js';
import type { ScoringFacts } from '../facts.js';
import { scoredFinding, type ScoredFinding } from '../findings.js';
import { DECISION_CREDIT, weightedCredit } from '../rules.js';
import type { DecisionResult } from '../scorecard.js';

export interface DecisionsScore {
  decisions: DecisionResult[];
  findings: ScoredFinding[];
  /** Mean credit of the decisions put to the team; null when none was. */
  fraction: number | null;
}

/** The decisions put to the team: the quality of the option chosen, halved when the time limit chose it. */
export function scoreDecisions(facts: ScoringFacts): DecisionsScore {
  const { index, context } = facts;
  const findings: ScoredFinding[] = [];
  const decisions = index.scenario.decisions.flatMap((decision): DecisionResult[] => {
    const state = context.decisions[decision.id]!;
    if (state.openedAt === undefined) return [];
    const option = decision.options.find((o) => o.id === state.option);
    const objective = facts.objectiveOf('decision', decision.id);
    const subject = { kind: 'decision', id: decision.id } as const;
    const status = state.status === 'answered' ? 'answered' : state.status === 'timed-out' ? 'timed-out' : 'unanswered';
    let credit = option ? DECISION_CREDIT[option.quality] : 0;
    if (status === 'timed-out') credit /= 2;
    if (status === 'unanswered') findings.push(scoredFinding('decision-unanswered', 'improvement', subject, [], objective));
    else if (status === 'timed-out') findings.push(scoredFinding('decision-timed-out', 'improvement', subject, [], objective, { option: option!.id }));
    else if (option!.quality === 'best') findings.push(scoredFinding('decision-best', 'strength', subject, [state.seq ?? null], objective, { option: option!.id }));
    else if (option!.quality === 'poor' || option!.quality === 'harmful') findings.push(scoredFinding('decision-poor', 'improvement', subject, [state.seq ?? null], objective, { option: option!.id }));
    return [{
      decision: decision.id, prompt: decision.prompt, role: decision.role, status, option: option?.id ?? null, optionLabel: option?.label ?? null,
      quality: option?.quality ?? null, credit, openedAtMinutes: toMinutes(state.openedAt), answeredAtMinutes: state.answeredAt === undefined ? null : toMinutes(state.answeredAt),
      answeredBy: state.by ?? null, seq: state.seq ?? null,
    }];
  });
  return { decisions, findings, fraction: weightedCredit(decisions.map((d) => ({ credit: d.credit, weight: 1 }))) };
}
