import { MILESTONES } from '../format/common.js';
import type { JournalEntry } from '../session/journal.js';
import type { Session } from '../session/session.js';
import { byPhase, byRole, objectiveFraction } from './breakdowns.js';
import { toMinutes } from './minutes.js';
import { hseepRating, round1 } from './rules.js';
import { SCORECARD_VERSION, HSEEP_LABELS, type ObjectiveResult, type Scorecard } from './scorecard.js';
import { stepNotes, wordsOf, writtenFinding } from './scorecard-prose.js';
import { scoreNumbers } from './session-score.js';
import { buildTimeline } from './timeline.js';

/**
 * The scorecard of a session: its score in numbers (session-score.ts), with the words a reader
 * needs (each finding's sentence, each step's notes, the timeline). A pure function of the journal.
 */
export function scoreSession(session: Session): Scorecard {
  const score = scoreNumbers(session);
  const { facts } = score;
  const { index, context, journal, endAt } = facts;
  const { scenario, plan } = index;
  const words = wordsOf(index);
  const findings = score.findings.map((f) => writtenFinding(f, words));

  const objectives: ObjectiveResult[] = scenario.objectives.map((o) => {
    const fraction = objectiveFraction(score, o);
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

  const metrics = score.timeliness.metrics;
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
    overallScore: score.overallScore,
    timeToDetectMinutes: metrics[0]!.minutes,
    timeToContainMinutes: metrics[1]!.minutes,
    timeToRecoverMinutes: metrics[2]!.minutes,
    milestones: Object.fromEntries(MILESTONES.map((m) => [m, context.milestones[m] === undefined ? null : toMinutes(context.milestones[m]!)])) as Scorecard['milestones'],
    metrics,
    components: score.components,
    expectedActions: score.actions.steps.map((step) => ({ ...step.result, notes: stepNotes(step, words) })),
    severity: score.severity.result,
    duties: score.duties.duties,
    decisions: score.decisions.decisions,
    harmfulActions: score.actions.harmfulActions,
    byPhase: byPhase(score),
    byRole: byRole(score),
    objectives,
    findings,
    strengths: findings.filter((f) => f.type === 'strength').map((f) => f.message),
    areasForImprovement: findings.filter((f) => f.type === 'improvement').map((f) => f.message),
    observations,
    timeline: buildTimeline(session, facts.takes, endAt),
  };
}
