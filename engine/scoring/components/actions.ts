import type { PlaybookStep } from '../../format/plan.js';
import { toMinutes } from '../minutes.js';
import type { ScoringFacts } from '../facts.js';
import { scoredFinding, type ScoredFinding } from '../findings.js';
import { EVIDENCE_PENALTY, LATE_CREDIT, ORDER_PENALTY, ROLE_PENALTY, weightedCredit } from '../rules.js';
import type { ExpectedActionResult, HarmfulAction } from '../scorecard.js';

/** One playbook step as scored: the scorecard's row without its notes, and the findings that explain it. */
export interface StepScore {
  result: Omit<ExpectedActionResult, 'notes'>;
  findings: ScoredFinding[];
}

export interface ActionsScore {
  steps: StepScore[];
  harmfulActions: HarmfulAction[];
  /** The evidence destroyed, then each step's findings, in playbook order. */
  findings: ScoredFinding[];
  /** Share of the part earned before the evidence penalty; null when no step applies. */
  fraction: number | null;
  penalty: number;
}

/** The playbook's expected actions: each applicable step done in time, by its owner, in order. */
export function scoreActions(facts: ScoringFacts): ActionsScore {
  const { index, takes } = facts;

  const harmfulActions: HarmfulAction[] = takes
    .filter((t) => t.action.destroysEvidence && t.missingPrerequisites.length > 0)
    .map((t) => ({ action: t.action.id, title: t.action.title, by: t.role, atMinutes: toMinutes(t.at), missingPrerequisites: t.missingPrerequisites, seq: t.seq }));
  const harmFindings = takes
    .filter((t) => t.action.destroysEvidence && t.missingPrerequisites.length > 0)
    .map((t) => scoredFinding('evidence-destroyed', 'improvement', { kind: 'action', id: t.action.id }, [t.seq], null, { at: t.at, by: t.role, beforeActions: t.missingPrerequisites }));

  const applicable = facts.applicableSteps;
  const doings = applicable.map((s) => facts.doing(s.actions));
  const stepDone = new Map(applicable.map((s, i) => [s.id, doings[i]!.take?.completesAt]));

  const steps = applicable.map((step: PlaybookStep, i): StepScore => {
    const { take, started } = doings[i]!;
    const due = facts.dueAt(step.due);
    // A step not done scores in the phase of its first action available on the scenario's clouds.
    const action = take?.action ?? index.actions.get(step.actions.find((a) => facts.available(index.actions.get(a)!))!)!;
    const objective = facts.objectiveOf('step', step.id);
    const subject = { kind: 'step', id: step.id } as const;
    const phase = facts.phaseOf(action);
    const dueAtMinutes = due === null ? null : toMinutes(due);
    // Rows are written out whole, never spread: a spread object this wide is built slowly and large, in every run of a simulation.
    if (!take) {
      return {
        result: {
          step: step.id, title: step.title, phase, owner: step.owner, weight: step.weight, dueAtMinutes,
          credit: 0, status: started ? 'started' : 'missed', action: started?.action.id ?? null, doneBy: started?.role ?? null,
          takenAtMinutes: started ? toMinutes(started.at) : null, doneAtMinutes: null, lateByMinutes: null,
          wrongRole: false, outOfOrder: false, evidenceDestroyed: false, seq: started?.seq ?? null,
        },
        findings: [scoredFinding('missed-step', 'improvement', subject, [started?.seq ?? null], objective, started ? { action: started.action.id, at: started.at } : {})],
      };
    }
    const findings: ScoredFinding[] = [];
    const late = due !== null && take.completesAt > due;
    const wrongRole = take.role !== step.owner && !take.action.roles.includes(take.role);
    const pendingAfter = step.after.filter((id) => stepDone.has(id) && !((stepDone.get(id) ?? Infinity) <= take.at));
    const outOfOrder = pendingAfter.length > 0 || take.missingPrerequisites.length > 0;
    const evidenceDestroyed = take.action.destroysEvidence && take.missingPrerequisites.length > 0;
    let credit = late ? LATE_CREDIT : 1;
    if (late) findings.push(scoredFinding('late-step', 'improvement', subject, [take.seq], objective, { at: take.completesAt, lateBy: take.completesAt - due! }));
    if (wrongRole) {
      credit -= ROLE_PENALTY;
      findings.push(scoredFinding('wrong-role', 'improvement', subject, [take.seq], objective, { by: take.role, owner: step.owner }));
    }
    if (outOfOrder) {
      credit -= ORDER_PENALTY;
      findings.push(scoredFinding('out-of-order', 'improvement', subject, [take.seq], objective, { beforeSteps: pendingAfter, beforeActions: take.missingPrerequisites }));
    }
    if (evidenceDestroyed) credit = 0;
    if (!late && !wrongRole && !outOfOrder && step.weight >= 2) {
      findings.push(scoredFinding('step-on-time', 'strength', subject, [take.seq], objective, { by: take.role, at: take.completesAt }));
    }
    return {
      result: {
        step: step.id, title: step.title, phase, owner: step.owner, weight: step.weight, dueAtMinutes,
        credit: Math.max(0, credit), status: evidenceDestroyed ? 'harmful' : late ? 'late' : 'on-time', action: take.action.id, doneBy: take.role,
        takenAtMinutes: toMinutes(take.at), doneAtMinutes: toMinutes(take.completesAt), lateByMinutes: late ? toMinutes(take.completesAt - due!) : null,
        wrongRole, outOfOrder, evidenceDestroyed, seq: take.seq,
      },
      findings,
    };
  });

  return {
    steps,
    harmfulActions,
    findings: harmFindings.concat(steps.flatMap((s) => s.findings)),
    fraction: weightedCredit(steps.map((s) => s.result)),
    penalty: EVIDENCE_PENALTY * harmfulActions.length,
  };
}
