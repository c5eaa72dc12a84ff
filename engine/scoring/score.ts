import { MILESTONES } from '../format/common.js';
import { recordedBy, type JournalEntry } from '../session/journal.js';
import type { Session } from '../session/session.js';
import { byPhase, byRole, objectiveFraction } from './breakdowns.js';
import { toMinutes } from './minutes.js';
import { hseepRating, round1 } from './rules.js';
import { SCORECARD_VERSION, HSEEP_LABELS, type ObjectiveResult, type RoomRecord, type Scorecard, type TimelineEntry } from './scorecard.js';
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
    ...(session.name !== undefined ? { sessionName: session.name } : {}),
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
    timeline: byName(session, buildTimeline(session, facts.takes, endAt)),
    ...(session.people.all().length > 0 || session.entriesOf('chat.posted').length > 0 || session.entriesOf('draft.sent').length > 0 ? { room: roomRecord(session) } : {}),
  };
}

const nameOf = (session: Session, entry: JournalEntry): string | null => {
  const participant = recordedBy(entry);
  return participant === undefined ? null : (session.people.get(participant)?.name ?? null);
};

/** Each timeline entry made by a participant from their own device names them. */
function byName(session: Session, timeline: TimelineEntry[]): TimelineEntry[] {
  return timeline.map((entry) => {
    const journaled = entry.seq === null ? undefined : session.journal[entry.seq - 1];
    const name = journaled ? nameOf(session, journaled) : null;
    return name === null ? entry : { ...entry, by: name };
  });
}

/** What the people of a LAN session recorded, from the journal (docs/lan.md). */
function roomRecord(session: Session): RoomRecord {
  const evaluator = (entry: JournalEntry) => nameOf(session, entry) ?? entry.actor;
  return {
    people: session.people.all().map((p) => ({ id: p.id, name: p.name, seat: p.seat, role: p.role, joinedAtMinutes: toMinutes(p.joinedAt), removedAtMinutes: p.removedAt === null ? null : toMinutes(p.removedAt) })),
    chat: session.entriesOf('chat.posted').map((e) => ({ seq: e.seq, atMinutes: toMinutes(e.simTime), actor: e.actor, by: nameOf(session, e), text: e.text })),
    drafts: session.entriesOf('draft.sent').map((e) => ({ seq: e.seq, atMinutes: toMinutes(e.simTime), kind: e.kind, role: e.actor, by: nameOf(session, e), text: e.text })),
    evaluatorRatings: session.entriesOf('objective.rated').map((e) => ({ seq: e.seq, atMinutes: toMinutes(e.simTime), objective: e.objective, rating: e.rating, ratingLabel: HSEEP_LABELS[e.rating], reason: e.reason, evaluator: evaluator(e) })),
    evaluatorNotes: session.entriesOf('evaluator.observed').map((e) => ({ seq: e.seq, atMinutes: toMinutes(e.simTime), objective: e.objective ?? null, inject: e.inject ?? null, text: e.text, evaluator: evaluator(e) })),
  };
}
