import { MILESTONES } from '../format/common.js';
import type { Due, PlanAction, PlaybookStep } from '../format/plan.js';
import { clockText, durationText } from '../format/time-text.js';
import type { Session } from '../session/session.js';
import type { JournalEntry } from '../session/journal.js';
import { sessionMetrics, toMinutes } from './metrics.js';
import { buildTimeline } from './timeline.js';
import {
  HSEEP_LABELS, SCORECARD_VERSION, type Breakdown, type Component, type DecisionResult, type DutyResult, type ExpectedActionResult,
  type Finding, type HarmfulAction, type HseepRating, type ObjectiveResult, type Scorecard, type SeverityResult,
} from './scorecard.js';

/** Points each part of the response carries in the overall score. */
export const WEIGHTS = { actions: 50, severity: 10, duties: 15, decisions: 15, timeliness: 10 } as const;
/** Each action that destroyed evidence costs this many points of the actions part, on top of its step. */
export const EVIDENCE_PENALTY = 5;
const LATE_CREDIT = 0.5;
const ROLE_PENALTY = 0.25;
const ORDER_PENALTY = 0.25;
const DECISION_CREDIT = { best: 1, acceptable: 0.6, poor: 0.2, harmful: 0 } as const;

/** One action as the team took it, and what the plan makes of it. */
export interface Take {
  seq: number;
  action: PlanAction;
  role: string;
  at: number;
  completesAt: number;
  completed: boolean;
  missingPrerequisites: string[];
}

const fmt = (ms: number) => durationText(ms);
const tplus = (ms: number) => clockText(ms);

/** Scores a session against its plan. A pure function of the journal (through the replayed session). */
export function scoreSession(session: Session): Scorecard {
  const { index, journal, context } = session;
  const { scenario, plan } = index;
  const endAt = context.ended?.at ?? session.now;
  // The time limit's timer is set when the session starts, before any action's, so at the limit
  // the session ends first and an action due to complete at that very moment never does.
  const endedByTimeLimit = context.ended !== null && !journal.some((e) => e.type === 'session.ended');
  const completesInTime = (completesAt: number) => (endedByTimeLimit ? completesAt < endAt : completesAt <= endAt);
  const detectedAt = context.milestones.detected;
  const containedAt = context.milestones.contained;
  const expected = index.expectedLevel;
  const severityDeadline = (detectedAt ?? 0) + expected.responseDeadline;
  const roleTitle = new Map(plan.roles.map((r) => [r.id, r.title]));
  const available = (action: PlanAction) => action.providers.length === 0 || action.providers.some((p) => scenario.providers.includes(p));
  const findings: Finding[] = [];
  const objectiveOf = (key: { step?: string; duty?: string; decision?: string; severity?: boolean }) =>
    scenario.objectives.find((o) =>
      (key.step && o.steps.includes(key.step)) || (key.duty && o.duties.includes(key.duty)) || (key.decision && o.decisions.includes(key.decision)) || (key.severity && o.severity),
    )?.id ?? null;
  const find = (kind: Finding['kind'], type: Finding['type'], message: string, seq: (number | null)[], objective: string | null) =>
    findings.push({ kind, type, message, seq: seq.filter((s): s is number => s !== null), objective });

  // Every action taken, with its completion and whether its prerequisites had completed first.
  const actionTakes = journal.filter((e): e is Extract<JournalEntry, { type: 'action.taken' }> => e.type === 'action.taken');
  const firstCompletion = new Map<string, number>();
  for (const e of actionTakes) {
    const completesAt = e.simTime + index.actions.get(e.action)!.duration;
    if (completesInTime(completesAt) && completesAt < (firstCompletion.get(e.action) ?? Infinity)) firstCompletion.set(e.action, completesAt);
  }
  const takes: Take[] = actionTakes.map((e) => {
    const action = index.actions.get(e.action)!;
    const completesAt = e.simTime + action.duration;
    const missingPrerequisites = action.prerequisites.filter((p) => !((firstCompletion.get(p) ?? Infinity) <= e.simTime));
    return { seq: e.seq, action, role: e.actor, at: e.simTime, completesAt, completed: completesInTime(completesAt), missingPrerequisites };
  });
  const harmfulActions: HarmfulAction[] = takes
    .filter((t) => t.action.destroysEvidence && t.missingPrerequisites.length > 0)
    .map((t) => ({ action: t.action.id, title: t.action.title, by: t.role, atMinutes: toMinutes(t.at), missingPrerequisites: t.missingPrerequisites, seq: t.seq }));
  for (const h of harmfulActions) {
    find('evidence-destroyed', 'improvement', `Evidence destroyed: "${h.title}" was taken at ${tplus(h.atMinutes * 60_000)} by ${roleTitle.get(h.by) ?? h.by} before ${h.missingPrerequisites.join(', ')} had completed`, [h.seq], null);
  }

  const dueAt = (due: Due | undefined): number | null => {
    if (!due) return null;
    if (due.from === 'detection') return (detectedAt ?? 0) + due.within;
    if (due.from === 'severity-deadline') return severityDeadline + due.within;
    return containedAt === undefined ? null : containedAt + due.within;
  };
  // Per action: its first take, and the take that completed first.
  const firstTake = new Map<string, Take>();
  const firstDone = new Map<string, Take>();
  for (const take of takes) {
    if (!firstTake.has(take.action.id)) firstTake.set(take.action.id, take);
    const done = firstDone.get(take.action.id);
    if (take.completed && (!done || take.completesAt < done.completesAt)) firstDone.set(take.action.id, take);
  }
  /** The take that did it: the first to complete among these actions (and the first started). */
  const doing = (actions: string[]) => {
    let take: Take | undefined;
    let started: Take | undefined;
    for (const action of actions) {
      const done = firstDone.get(action);
      if (done && (!take || done.completesAt < take.completesAt || (done.completesAt === take.completesAt && done.seq < take.seq))) take = done;
      const first = firstTake.get(action);
      if (first && (!started || first.seq < started.seq)) started = first;
    }
    return { take, started };
  };

  // The playbook's expected actions.
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat)!;
  const applicable = playbook.steps.filter((s) => !scenario.notApplicable.includes(s.id) && s.actions.some((a) => available(index.actions.get(a)!)));
  const applicableIds = new Set(applicable.map((s) => s.id));
  const stepDone = new Map(applicable.map((s) => [s.id, doing(s.actions).take?.completesAt]));
  const phaseOf = (action: PlanAction) => (plan.scoreBy === 'csf-2.0' ? action.function : action.phase);

  const expectedActions: ExpectedActionResult[] = applicable.map((step: PlaybookStep) => {
    const { take, started } = doing(step.actions);
    const due = dueAt(step.due);
    const firstAction = index.actions.get(step.actions.find((a) => available(index.actions.get(a)!))!)!;
    const objective = objectiveOf({ step: step.id });
    const base = {
      step: step.id, title: step.title, phase: phaseOf(take?.action ?? firstAction), owner: step.owner, weight: step.weight,
      dueAtMinutes: due === null ? null : toMinutes(due),
    };
    if (!take) {
      const notes = started ? [`${started.action.title} was started at ${tplus(started.at)} but had not completed when the session ended`] : [];
      find('missed-step', 'improvement', `Missed: ${step.title}${started ? ' (started, never completed)' : ''}`, [started?.seq ?? null], objective);
      return {
        ...base, credit: 0, status: started ? 'started' : 'missed', action: started?.action.id ?? null, doneBy: started?.role ?? null,
        takenAtMinutes: started ? toMinutes(started.at) : null, doneAtMinutes: null, lateByMinutes: null,
        wrongRole: false, outOfOrder: false, evidenceDestroyed: false, seq: started?.seq ?? null, notes,
      };
    }
    const notes: string[] = [];
    const late = due !== null && take.completesAt > due;
    const wrongRole = take.role !== step.owner && !take.action.roles.includes(take.role);
    const pendingAfter = step.after.filter((id) => applicableIds.has(id) && !((stepDone.get(id) ?? Infinity) <= take.at));
    const outOfOrder = pendingAfter.length > 0 || take.missingPrerequisites.length > 0;
    const evidenceDestroyed = take.action.destroysEvidence && take.missingPrerequisites.length > 0;
    let credit = late ? LATE_CREDIT : 1;
    if (late) {
      notes.push(`late by ${fmt(take.completesAt - due!)}`);
      find('late-step', 'improvement', `Late: ${step.title} completed at ${tplus(take.completesAt)}, ${fmt(take.completesAt - due!)} after its deadline`, [take.seq], objective);
    }
    if (wrongRole) {
      credit -= ROLE_PENALTY;
      notes.push(`done by ${roleTitle.get(take.role) ?? take.role}; the plan gives it to ${roleTitle.get(step.owner) ?? step.owner}`);
      find('wrong-role', 'improvement', `Wrong role: ${step.title} was done by ${roleTitle.get(take.role) ?? take.role}, owned by ${roleTitle.get(step.owner) ?? step.owner}`, [take.seq], objective);
    }
    if (outOfOrder) {
      credit -= ORDER_PENALTY;
      const missing = [...pendingAfter.map((id) => `step "${id}"`), ...take.missingPrerequisites.map((id) => `action "${id}"`)];
      notes.push(`out of order: before ${missing.join(', ')}`);
      find('out-of-order', 'improvement', `Out of order: ${step.title} was started before ${missing.join(', ')} had completed`, [take.seq], objective);
    }
    if (evidenceDestroyed) {
      credit = 0;
      notes.push('destroyed evidence');
    }
    if (!late && !wrongRole && !outOfOrder && step.weight >= 2) {
      find('step-on-time', 'strength', `${step.title}: done on time by ${roleTitle.get(take.role) ?? take.role} (${tplus(take.completesAt)})`, [take.seq], objective);
    }
    return {
      ...base, credit: Math.max(0, credit), status: evidenceDestroyed ? 'harmful' : late ? 'late' : 'on-time', action: take.action.id, doneBy: take.role,
      takenAtMinutes: toMinutes(take.at), doneAtMinutes: toMinutes(take.completesAt), lateByMinutes: late ? toMinutes(take.completesAt - due!) : null,
      wrongRole, outOfOrder, evidenceDestroyed, seq: take.seq, notes,
    };
  });

  // Severity classification.
  const first = context.firstSeverity;
  const final = context.severity;
  const severityObjective = objectiveOf({ severity: true });
  const severity: SeverityResult = (() => {
    if (!final || !first) {
      find('severity-missing', 'improvement', `No severity was declared (expected Sev ${expected.level}, ${expected.name}, within ${fmt(expected.responseDeadline)} of detection)`, [], severityObjective);
      return { expected: expected.level, declared: null, firstDeclared: null, correct: false, declaredAtMinutes: null, deadlineMinutes: toMinutes(severityDeadline), onTime: false, declaredBy: null, credit: 0, seq: null };
    }
    const correct = final.level === expected.level;
    const onTime = first.at <= severityDeadline;
    const allowed = plan.severityDeclaredBy.includes(first.by);
    // The level matters more than the speed: a wrong level declared fast is still wrong.
    // Rounded to hundredths: 0.7 + 0.1 is 0.7999999999999999 in floating point, not a figure to print.
    let credit = (correct ? 0.7 : Math.abs(final.level - expected.level) === 1 ? 0.2 : 0) + (onTime ? 0.3 : 0.1);
    if (!allowed) credit -= ROLE_PENALTY;
    if (correct) find('severity-right', 'strength', `Severity classified correctly as Sev ${final.level} (${expected.name})`, [final.seq], severityObjective);
    else find('severity-wrong', 'improvement', `Severity declared as Sev ${final.level}; the scenario is Sev ${expected.level} (${expected.name}): ${expected.criteria}`, [final.seq], severityObjective);
    if (!onTime) find('severity-late', 'improvement', `Severity declared at ${tplus(first.at)}, after its deadline ${tplus(severityDeadline)} (${fmt(expected.responseDeadline)} from detection)`, [first.seq], severityObjective);
    if (!allowed) find('wrong-role', 'improvement', `Severity declared by ${roleTitle.get(first.by) ?? first.by}; the plan gives it to ${plan.severityDeclaredBy.map((r) => roleTitle.get(r) ?? r).join(' or ')}`, [first.seq], severityObjective);
    return {
      expected: expected.level, declared: final.level, firstDeclared: first.level, correct, declaredAtMinutes: toMinutes(first.at),
      deadlineMinutes: toMinutes(severityDeadline), onTime, declaredBy: first.by, credit: Math.max(0, Math.round(credit * 100) / 100), seq: first.seq,
    };
  })();

  // Communication duties.
  const duties: DutyResult[] = index.duties.map((duty) => {
    const { take, started } = doing(duty.actions);
    const due = dueAt(duty.due);
    const objective = objectiveOf({ duty: duty.id });
    const base = { duty: duty.id, title: duty.title, kind: duty.kind, owner: duty.owner, dueAtMinutes: due === null ? null : toMinutes(due) };
    if (!take) {
      find('missed-duty', 'improvement', `Missed duty: ${duty.title}${duty.reference ? ` (${duty.reference})` : ''}`, [started?.seq ?? null], objective);
      return { ...base, status: started ? 'started' : 'missed', credit: 0, action: started?.action.id ?? null, doneBy: started?.role ?? null, doneAtMinutes: null, lateByMinutes: null, wrongRole: false, seq: started?.seq ?? null };
    }
    const late = due !== null && take.completesAt > due;
    const wrongRole = take.role !== duty.owner && !take.action.roles.includes(take.role);
    let credit = late ? LATE_CREDIT : 1;
    if (wrongRole) credit -= ROLE_PENALTY;
    if (late) find('late-duty', 'improvement', `Late duty: ${duty.title} met at ${tplus(take.completesAt)}, ${fmt(take.completesAt - due!)} after its deadline`, [take.seq], objective);
    else find('duty-on-time', 'strength', `${duty.title}: met on time (${tplus(take.completesAt)})`, [take.seq], objective);
    if (wrongRole) find('wrong-role', 'improvement', `Wrong role: ${duty.title} was done by ${roleTitle.get(take.role) ?? take.role}, owned by ${roleTitle.get(duty.owner) ?? duty.owner}`, [take.seq], objective);
    return {
      ...base, status: late ? 'late' : 'on-time', credit: Math.max(0, credit), action: take.action.id, doneBy: take.role,
      doneAtMinutes: toMinutes(take.completesAt), lateByMinutes: late ? toMinutes(take.completesAt - due!) : null, wrongRole, seq: take.seq,
    };
  });

  // Decisions put to the team.
  const decisions: DecisionResult[] = scenario.decisions.flatMap((decision): DecisionResult[] => {
    const state = context.decisions[decision.id]!;
    if (state.openedAt === undefined) return [];
    const option = decision.options.find((o) => o.id === state.option);
    const objective = objectiveOf({ decision: decision.id });
    const status = state.status === 'answered' ? 'answered' : state.status === 'timed-out' ? 'timed-out' : 'unanswered';
    let credit = option ? DECISION_CREDIT[option.quality] : 0;
    if (status === 'timed-out') credit /= 2;
    if (status === 'unanswered') find('decision-unanswered', 'improvement', `Unanswered: ${decision.prompt}`, [], objective);
    else if (status === 'timed-out') find('decision-timed-out', 'improvement', `No answer in time to "${decision.prompt}"; the default (${option!.label}) was applied`, [], objective);
    else if (option!.quality === 'best') find('decision-best', 'strength', `Good decision: ${option!.label}`, [state.seq ?? null], objective);
    else if (option!.quality === 'poor' || option!.quality === 'harmful') find('decision-poor', 'improvement', `${option!.quality === 'harmful' ? 'Harmful' : 'Poor'} decision: "${option!.label}"${option!.rationale ? `: ${option!.rationale}` : ''}`, [state.seq ?? null], objective);
    return [{
      decision: decision.id, prompt: decision.prompt, role: decision.role, status, option: option?.id ?? null, optionLabel: option?.label ?? null,
      quality: option?.quality ?? null, credit, openedAtMinutes: toMinutes(state.openedAt), answeredAtMinutes: state.answeredAt === undefined ? null : toMinutes(state.answeredAt),
      answeredBy: state.by ?? null, seq: state.seq ?? null,
    }];
  });

  // Time to detect, contain, recover.
  const metrics = sessionMetrics(context.milestones, scenario.groundTruth.compromiseAt, expected);
  const detectionSeq = detectedAt === undefined ? null : takes.find((t) => t.completesAt === detectedAt)?.seq ?? null;
  for (const metric of metrics) {
    if (metric.minutes === null) {
      if (metric.milestone === 'detected') find('not-detected', 'improvement', 'The compromise was never detected', [], null);
      else find('target-missed', 'improvement', `${metric.title}: not reached (${metric.definition}; target ${fmt(metric.targetMinutes * 60_000)})`, [], null);
    } else if (!metric.met) {
      const kind = metric.milestone === 'detected' ? 'late-detection' : 'target-missed';
      const label = metric.milestone === 'detected' ? 'Late detection' : metric.title;
      find(kind, 'improvement', `${label}: ${fmt(metric.minutes * 60_000)} against a target of ${fmt(metric.targetMinutes * 60_000)} (${metric.definition})`, [metric.milestone === 'detected' ? detectionSeq : null], null);
    } else {
      find('target-met', 'strength', `${metric.title}: ${fmt(metric.minutes * 60_000)}, within the target of ${fmt(metric.targetMinutes * 60_000)} (${metric.definition})`, [], null);
    }
  }
  const timelinessCredit = (m: (typeof metrics)[number]) => (m.minutes === null ? 0 : m.minutes <= m.targetMinutes ? 1 : m.minutes <= 2 * m.targetMinutes ? 0.5 : 0);

  // The parts and the overall score.
  const weighted = (items: { credit: number; weight: number }[]) => {
    const possible = items.reduce((s, i) => s + i.weight, 0);
    return possible === 0 ? null : items.reduce((s, i) => s + i.credit * i.weight, 0) / possible;
  };
  const part = (id: Component['id'], title: string, weight: number, fraction: number | null, penalty = 0): Component => ({
    id, title, weight: fraction === null ? 0 : weight, earned: fraction === null ? 0 : round1(Math.max(0, fraction * weight - penalty)),
  });
  const components: Component[] = [
    part('actions', 'Expected actions of the playbook', WEIGHTS.actions, weighted(expectedActions), EVIDENCE_PENALTY * harmfulActions.length),
    part('severity', 'Severity classification', WEIGHTS.severity, severity.credit),
    part('duties', 'Communication duties', WEIGHTS.duties, weighted(duties.map((d) => ({ credit: d.credit, weight: 1 })))),
    part('decisions', 'Decisions', WEIGHTS.decisions, weighted(decisions.map((d) => ({ credit: d.credit, weight: 1 })))),
    part('timeliness', 'Time to detect, contain and recover against targets', WEIGHTS.timeliness, weighted(metrics.map((m) => ({ credit: timelinessCredit(m), weight: 1 })))),
  ];
  const possible = components.reduce((s, c) => s + c.weight, 0);
  const overallScore = possible === 0 ? 0 : round1((100 * components.reduce((s, c) => s + c.earned, 0)) / possible);

  // Breakdowns per phase and per role.
  const framework = plan.scoreBy;
  const dutyPhase = (d: DutyResult) => phaseOf(index.actions.get(d.action ?? plan.duties.find((x) => x.id === d.duty)!.actions[0]!)!);
  const byPhase = {
    framework,
    phases: plan.phases.filter((p) => p.framework === framework).map((p) =>
      breakdown(p.id, p.title, [
        ...expectedActions.filter((e) => e.phase === p.id).map((e) => ({ credit: e.credit, weight: e.weight })),
        ...duties.filter((d) => dutyPhase(d) === p.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ])),
  };
  const byRole = plan.roles.map((r) =>
    breakdown(r.id, r.title, [
      ...expectedActions.filter((e) => e.owner === r.id).map((e) => ({ credit: e.credit, weight: e.weight })),
      ...duties.filter((d) => d.owner === r.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ...decisions.filter((d) => d.role === r.id).map((d) => ({ credit: d.credit, weight: 1 })),
      ...(plan.severityDeclaredBy[0] === r.id ? [{ credit: severity.credit, weight: 1 }] : []),
    ]));

  // HSEEP ratings per objective.
  const objectives: ObjectiveResult[] = scenario.objectives.map((o) => {
    const fraction = weighted([
      ...expectedActions.filter((e) => o.steps.includes(e.step)).map((e) => ({ credit: e.credit, weight: e.weight })),
      ...duties.filter((d) => o.duties.includes(d.duty)).map((d) => ({ credit: d.credit, weight: 1 })),
      ...decisions.filter((d) => o.decisions.includes(d.decision)).map((d) => ({ credit: d.credit, weight: 1 })),
      ...(o.severity ? [{ credit: severity.credit, weight: 1 }] : []),
    ]);
    const rating = hseepRating(fraction);
    const mine = findings.filter((f) => f.objective === o.id);
    return {
      id: o.id, title: o.title, capability: o.capability, percent: fraction === null ? null : round1(100 * fraction), rating, ratingLabel: HSEEP_LABELS[rating],
      strengths: mine.filter((f) => f.type === 'strength').map((f) => f.message),
      areasForImprovement: mine.filter((f) => f.type === 'improvement').map((f) => f.message),
    };
  });

  const observations = journal
    .filter((e): e is Extract<JournalEntry, { type: 'observation.noted' }> => e.type === 'observation.noted')
    .map((e) => ({ seq: e.seq, atMinutes: toMinutes(e.simTime), actor: e.actor, text: e.text, tag: e.tag, objective: e.objective ?? null, inject: e.inject ?? null }));

  const started = session.started;
  return {
    scorecardVersion: SCORECARD_VERSION,
    engineFormat: started.engineFormat,
    sessionId: started.sessionId,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    scenarioHash: started.scenarioHash,
    planId: plan.id,
    planTitle: plan.title,
    planHash: started.planHash,
    threat: scenario.threat,
    providers: scenario.providers,
    mode: started.mode,
    startedAt: started.wallTime,
    scenarioStartsAt: scenario.startsAt,
    durationMinutes: toMinutes(endAt),
    endReason: context.ended?.reason ?? null,
    participants: started.participants,
    overallScore,
    timeToDetectMinutes: metrics[0]!.minutes,
    timeToContainMinutes: metrics[1]!.minutes,
    timeToRecoverMinutes: metrics[2]!.minutes,
    milestones: Object.fromEntries(MILESTONES.map((m) => [m, context.milestones[m] === undefined ? null : toMinutes(context.milestones[m]!)])) as Scorecard['milestones'],
    metrics,
    components,
    expectedActions,
    severity,
    duties,
    decisions,
    harmfulActions,
    byPhase,
    byRole,
    objectives,
    findings,
    strengths: findings.filter((f) => f.type === 'strength').map((f) => f.message),
    areasForImprovement: findings.filter((f) => f.type === 'improvement').map((f) => f.message),
    observations,
    timeline: buildTimeline(session, takes, endAt),
  };
}

function breakdown(id: string, title: string, items: { credit: number; weight: number }[]): Breakdown {
  const possible = items.reduce((s, i) => s + i.weight, 0);
  const earned = items.reduce((s, i) => s + i.credit * i.weight, 0);
  return { id, title, earned: round1(earned), possible: round1(possible), percent: possible === 0 ? null : round1((100 * earned) / possible) };
}

/** HSEEP's four ratings from the share of an objective's points earned. */
export function hseepRating(fraction: number | null): HseepRating {
  if (fraction === null) return 'U';
  if (fraction >= 0.9) return 'P';
  if (fraction >= 0.7) return 'S';
  if (fraction >= 0.4) return 'M';
  return 'U';
}

const round1 = (n: number) => Math.round(n * 10) / 10;
