import { toMinutes } from '../minutes.js';
import type { ScoringFacts } from '../facts.js';
import { scoredFinding, type ScoredFinding } from '../findings.js';
import { ROLE_PENALTY, SEVERITY_CREDIT } from '../rules.js';
import type { SeverityResult } from '../scorecard.js';

export interface SeverityScore {
  result: SeverityResult;
  findings: ScoredFinding[];
}

const SUBJECT = { kind: 'severity', id: 'severity' } as const;

/** The severity classification: the final level against the scenario's, the first declaration against its deadline. */
export function scoreSeverity(facts: ScoringFacts): SeverityScore {
  const { index, context, severityDeadline } = facts;
  const expected = index.expectedLevel;
  const first = context.firstSeverity;
  const final = context.severity;
  const objective = facts.objectiveOf('severity');
  if (!final || !first) {
    return {
      result: { expected: expected.level, declared: null, firstDeclared: null, correct: false, declaredAtMinutes: null, deadlineMinutes: toMinutes(severityDeadline), onTime: false, declaredBy: null, credit: 0, seq: null },
      findings: [scoredFinding('severity-missing', 'improvement', SUBJECT, [], objective)],
    };
  }
  const findings: ScoredFinding[] = [];
  const correct = final.level === expected.level;
  const onTime = first.at <= severityDeadline;
  const allowed = index.plan.severityDeclaredBy.includes(first.by);
  let credit = (correct ? SEVERITY_CREDIT.rightLevel : Math.abs(final.level - expected.level) === 1 ? SEVERITY_CREDIT.oneLevelOff : 0) + (onTime ? SEVERITY_CREDIT.onTime : SEVERITY_CREDIT.late);
  if (!allowed) credit -= ROLE_PENALTY;
  if (correct) findings.push(scoredFinding('severity-right', 'strength', SUBJECT, [final.seq], objective, { level: final.level }));
  else findings.push(scoredFinding('severity-wrong', 'improvement', SUBJECT, [final.seq], objective, { level: final.level }));
  if (!onTime) findings.push(scoredFinding('severity-late', 'improvement', SUBJECT, [first.seq], objective, { at: first.at, deadline: severityDeadline }));
  if (!allowed) findings.push(scoredFinding('wrong-role', 'improvement', SUBJECT, [first.seq], objective, { by: first.by }));
  return {
    result: {
      expected: expected.level, declared: final.level, firstDeclared: first.level, correct, declaredAtMinutes: toMinutes(first.at),
      // Rounded to hundredths: 0.7 + 0.1 is 0.7999999999999999 in floating point, not a figure to print.
      deadlineMinutes: toMinutes(severityDeadline), onTime, declaredBy: first.by, credit: Math.max(0, Math.round(credit * 100) / 100), seq: first.seq,
    },
    findings,
  };
}
