import { toMinutes } from '../minutes.js';
import type { ScoringFacts } from '../facts.js';
import { scoredFinding, type ScoredFinding } from '../findings.js';
import { LATE_CREDIT, ROLE_PENALTY, weightedCredit } from '../rules.js';
import type { DutyResult } from '../scorecard.js';

export interface DutiesScore {
  duties: DutyResult[];
  findings: ScoredFinding[];
  /** Share of the duties met; null when none applies. */
  fraction: number | null;
}

/** The communication duties the scenario puts on the plan's roles: met, in time, by their owner. */
export function scoreDuties(facts: ScoringFacts): DutiesScore {
  const findings: ScoredFinding[] = [];
  const duties = facts.index.duties.map((duty): DutyResult => {
    const { take, started } = facts.doing(duty.actions);
    const due = facts.dueAt(duty.due);
    const objective = facts.objectiveOf('duty', duty.id);
    const subject = { kind: 'duty', id: duty.id } as const;
    const dueAtMinutes = due === null ? null : toMinutes(due);
    // Rows are written out whole, never spread (see components/actions.ts).
    if (!take) {
      findings.push(scoredFinding('missed-duty', 'improvement', subject, [started?.seq ?? null], objective));
      return { duty: duty.id, title: duty.title, kind: duty.kind, owner: duty.owner, dueAtMinutes, status: started ? 'started' : 'missed', credit: 0, action: started?.action.id ?? null, doneBy: started?.role ?? null, doneAtMinutes: null, lateByMinutes: null, wrongRole: false, seq: started?.seq ?? null };
    }
    const late = due !== null && take.completesAt > due;
    const wrongRole = take.role !== duty.owner && !take.action.roles.includes(take.role);
    let credit = late ? LATE_CREDIT : 1;
    if (wrongRole) credit -= ROLE_PENALTY;
    if (late) findings.push(scoredFinding('late-duty', 'improvement', subject, [take.seq], objective, { at: take.completesAt, lateBy: take.completesAt - due! }));
    else findings.push(scoredFinding('duty-on-time', 'strength', subject, [take.seq], objective, { at: take.completesAt }));
    if (wrongRole) findings.push(scoredFinding('wrong-role', 'improvement', subject, [take.seq], objective, { by: take.role, owner: duty.owner }));
    return {
      duty: duty.id, title: duty.title, kind: duty.kind, owner: duty.owner, dueAtMinutes, status: late ? 'late' : 'on-time', credit: Math.max(0, credit), action: take.action.id, doneBy: take.role,
      doneAtMinutes: toMinutes(take.completesAt), lateByMinutes: late ? toMinutes(take.completesAt - due!) : null, wrongRole, seq: take.seq,
    };
  });
  return { duties, findings, fraction: weightedCredit(duties.map((d) => ({ credit: d.credit, weight: 1 }))) };
}
