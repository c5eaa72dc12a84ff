import { describe, expect, it } from 'vitest';
import { scoreSession } from '../../../engine/scoring/score.js';
import { scoreNumbers } from '../../../engine/scoring/session-score.js';
import { EVIDENCE_PENALTY, hseepRating, WEIGHTS } from '../../../engine/scoring/rules.js';
import { METRIC_DEFINITIONS, metricsAcrossDrills, spread } from '../../../engine/scoring/metrics.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import { Session } from '../../../engine/session/session.js';
import { act, answer, declare, end, loadMini, MIN, miniVariant, sessionFrom, type Step, type World } from '../../helpers/world.js';

// Scoring on the mini fixture with hand-made journals. The mini plan, for reference:
// - detection is when triage-alert (10m) completes; T0 is 2h before T+0;
// - Sev 2 expected: declare within 1h of detection; targets detect 4h, contain 8h, recover 2d;
// - steps: triage (due 30m after detection), contain = revoke-iam-access-key (5m, due 15m after
//   the severity deadline, weight 2, after triage), preserve = snapshot-volume (15m), eradicate =
//   terminate-instance (needs the snapshot first, destroys evidence) or rotate-secrets (30m),
//   recover = restore-from-backup (1h, due 4h after containment), review = lessons-learned (1h);
// - duty regulator-notice: notify-regulator (20m) by legal-compliance within 72h of detection;
// - DEC-01 opens when triage completes; 15m limit, default "wait" (poor); "notify" is best.

const CSA = 'cloud-security-analyst';
const IC = 'incident-commander';
const LC = 'legal-compliance';

/** A response that follows the plan to the letter. */
const exemplary: Step[] = [
  act(0, CSA, 'triage-alert'), // detected at 10m
  declare(12 * MIN, IC, 2),
  act(15 * MIN, CSA, 'revoke-iam-access-key'), // contained at 20m
  answer(15 * MIN, LC, 'DEC-01', 'notify'),
  act(20 * MIN, CSA, 'snapshot-volume'), // done 35m
  act(20 * MIN, LC, 'notify-regulator'), // done 40m
  act(40 * MIN, CSA, 'terminate-instance'), // done 45m
  act(40 * MIN, CSA, 'rotate-secrets'), // eradicated 70m
  act(75 * MIN, IC, 'restore-from-backup'), // recovered 135m
  act(140 * MIN, IC, 'lessons-learned'), // done 200m
  end(210 * MIN),
];

/** The exemplary response with some steps replaced or removed. */
function variant(change: { drop?: string[]; add?: Step[] }): Step[] {
  const kept = exemplary.filter((s) => !(s.input.type === 'action.taken' && change.drop?.includes(s.input.action)) && !(s.input.type === 'severity.declared' && change.drop?.includes('severity')) && !(s.input.type === 'decision.answered' && change.drop?.includes('DEC-01')));
  return [...kept, ...(change.add ?? [])].sort((a, b) => a.at - b.at);
}

function score(steps: Step[], world: World = loadMini()): { card: Scorecard; session: Session } {
  const session = sessionFrom(world, steps);
  const card = scoreSession(session);
  // Scoring is a pure function of the journal: the replay scores the same.
  expect(scoreSession(Session.replay(session.journal, world.plan, world.scenario))).toEqual(card);
  return { card, session };
}

const step = (card: Scorecard, id: string) => card.expectedActions.find((e) => e.step === id)!;
const component = (card: Scorecard, id: string) => card.components.find((c) => c.id === id)!;
const kinds = (card: Scorecard) => card.findings.map((f) => f.kind);

describe('a response that follows the plan', () => {
  it('scores 100 with every part full', () => {
    const { card } = score(exemplary);
    expect(card.overallScore).toBe(100);
    expect(card.components).toEqual([
      expect.objectContaining({ id: 'actions', weight: WEIGHTS.actions, earned: 50 }),
      expect.objectContaining({ id: 'severity', weight: WEIGHTS.severity, earned: 10 }),
      expect.objectContaining({ id: 'duties', weight: WEIGHTS.duties, earned: 15 }),
      expect.objectContaining({ id: 'decisions', weight: WEIGHTS.decisions, earned: 15 }),
      expect.objectContaining({ id: 'timeliness', weight: WEIGHTS.timeliness, earned: 10 }),
    ]);
    expect(card.expectedActions.map((e) => [e.step, e.status, e.credit])).toEqual([
      ['triage', 'on-time', 1], ['contain', 'on-time', 1], ['preserve', 'on-time', 1], ['eradicate', 'on-time', 1], ['recover', 'on-time', 1], ['review', 'on-time', 1],
    ]);
    expect(card.milestones).toEqual({ detected: 10, contained: 20, eradicated: 70, recovered: 135 });
    expect(card.objectives.map((o) => [o.id, o.rating])).toEqual([['OBJ-1', 'P'], ['OBJ-2', 'P']]);
    expect(card.harmfulActions).toEqual([]);
  });

  it('has its metrics with their definitions beside them', () => {
    const { card } = score(exemplary);
    expect(card.timeToDetectMinutes).toBe(130); // detected at T+10m, T0 at T-2h
    expect(card.timeToContainMinutes).toBe(10);
    expect(card.timeToRecoverMinutes).toBe(125);
    expect(card.metrics).toEqual([
      { milestone: 'detected', ...METRIC_DEFINITIONS.detected, minutes: 130, targetMinutes: 240, met: true },
      { milestone: 'contained', ...METRIC_DEFINITIONS.contained, minutes: 10, targetMinutes: 480, met: true },
      { milestone: 'recovered', ...METRIC_DEFINITIONS.recovered, minutes: 125, targetMinutes: 2880, met: true },
    ]);
    for (const metric of card.metrics) expect(metric.definition).toMatch(/^time to (detect|contain|recover) = /);
    expect(METRIC_DEFINITIONS.detected.definition).toContain('T0');
  });
});

describe('expected actions', () => {
  it('on time vs late: a late step earns half, with how late', () => {
    // Revoke taken at 90m completes at 95m; it was due 15m after the severity deadline (10m + 1h + 15m = 85m).
    const { card } = score(variant({ drop: ['revoke-iam-access-key'], add: [act(90 * MIN, CSA, 'revoke-iam-access-key')] }));
    expect(step(card, 'contain')).toMatchObject({ status: 'late', credit: 0.5, dueAtMinutes: 85, doneAtMinutes: 95, lateByMinutes: 10, weight: 2 });
    expect(step(card, 'contain').notes).toContain('late by 10 min');
    expect(kinds(card)).toContain('late-step');
    const onTime = score(exemplary).card;
    expect(step(onTime, 'contain')).toMatchObject({ status: 'on-time', credit: 1, dueAtMinutes: 85, doneAtMinutes: 20, lateByMinutes: null });
    // Eradication (taken at 40m) now came before containment (95m): out of order too.
    expect(step(card, 'eradicate')).toMatchObject({ outOfOrder: true, credit: 0.75 });
    // Weights 1+2+1+1+1+1 = 7: contain earns 1 of its 2, eradicate 0.75 of 1.
    expect(component(card, 'actions').earned).toBe(Math.round(((1 + 0.5 * 2 + 1 + 0.75 + 1 + 1) / 7) * 50 * 10) / 10);
  });

  it('the wrong role loses a quarter', () => {
    const { card } = score(variant({ drop: ['revoke-iam-access-key'], add: [act(15 * MIN, IC, 'revoke-iam-access-key')] }));
    expect(step(card, 'contain')).toMatchObject({ status: 'on-time', wrongRole: true, doneBy: IC, credit: 0.75 });
    expect(card.findings).toContainEqual(expect.objectContaining({ kind: 'wrong-role', seq: [expect.any(Number)] }));
  });

  it('out of order loses a quarter', () => {
    // Rotating the secrets before the key is revoked: eradicate before contain.
    const { card } = score(variant({ drop: ['terminate-instance', 'rotate-secrets'], add: [act(12 * MIN, CSA, 'rotate-secrets')] }));
    expect(step(card, 'eradicate')).toMatchObject({ status: 'on-time', outOfOrder: true, credit: 0.75, action: 'rotate-secrets' });
    // Named by their titles, as the rest of the scorecard names them, not by their ids.
    expect(step(card, 'eradicate').notes.join()).toContain(`out of order: before "${step(card, 'contain').title}", "${step(card, 'preserve').title}"`);
    expect(card.findings.find((f) => f.kind === 'out-of-order')!.message)
      .toBe(`Out of order: ${step(card, 'eradicate').title} was started before "${step(card, 'contain').title}", "${step(card, 'preserve').title}" had completed`);
    expect(kinds(card)).toContain('out-of-order');
  });

  it('harmful: terminating before the snapshot destroys evidence, earns nothing and costs the extra penalty', () => {
    const harmful = variant({ drop: ['terminate-instance'], add: [act(21 * MIN, CSA, 'terminate-instance')] });
    const { card } = score(harmful);
    expect(step(card, 'eradicate')).toMatchObject({ status: 'harmful', credit: 0, evidenceDestroyed: true, outOfOrder: true, action: 'terminate-instance' });
    expect(card.harmfulActions).toEqual([{ action: 'terminate-instance', title: 'Terminate the compromised instance', by: CSA, atMinutes: 21, missingPrerequisites: ['snapshot-volume'], seq: expect.any(Number) }]);
    expect(kinds(card)).toContain('evidence-destroyed');
    expect(card.findings.find((f) => f.kind === 'evidence-destroyed')!.message).toMatch(/^Evidence destroyed: "Terminate the compromised instance" was taken at T\+00:21 by .+ before "[^"]+" had completed$/);
    expect(card.findings.find((f) => f.kind === 'evidence-destroyed')!.message).not.toContain('snapshot-volume');
    // The step's weight (1 of 7) is lost, and the penalty on top.
    expect(component(card, 'actions').earned).toBe(Math.round(((50 * 6) / 7 - EVIDENCE_PENALTY) * 10) / 10);

    // The same without the snapshot at all: still harmful.
    const { card: noSnapshot } = score(variant({ drop: ['snapshot-volume'] }));
    expect(step(noSnapshot, 'eradicate').status).toBe('harmful');
    expect(step(noSnapshot, 'preserve')).toMatchObject({ status: 'missed', credit: 0 });
  });

  it('missed and started-but-unfinished steps earn nothing', () => {
    // Lessons learned started at 200m, the session ended at 210m: an hour-long action unfinished.
    const { card } = score(variant({ drop: ['lessons-learned'], add: [act(200 * MIN, IC, 'lessons-learned')] }));
    expect(step(card, 'review')).toMatchObject({ status: 'started', credit: 0, takenAtMinutes: 200, doneAtMinutes: null });
    const { card: missed } = score(variant({ drop: ['lessons-learned'] }));
    expect(step(missed, 'review')).toMatchObject({ status: 'missed', credit: 0, seq: null });
    expect(kinds(missed)).toContain('missed-step');
  });
});

describe('the scorecard agrees with the engine on what completed', () => {
  // lessons-learned takes 1h: taken at 3h, it is due to complete at 4h, the mini time limit.
  const steps = [act(0, CSA, 'triage-alert'), act(180 * MIN, IC, 'lessons-learned')];

  it('an action due to complete exactly at the time limit never completes', () => {
    const session = sessionFrom(loadMini(), steps, { until: 5 * 3600_000 });
    expect(session.context.ended).toMatchObject({ at: 240 * MIN, reason: 'the scenario time limit was reached' });
    expect(session.context.completed['lessons-learned']).toBeUndefined();
    const card = scoreSession(session);
    expect(step(card, 'review')).toMatchObject({ status: 'started', credit: 0, doneAtMinutes: null });
    expect(card.timeline.filter((t) => t.kind === 'action-completed').map((t) => t.ref)).toEqual(['triage-alert']);
  });

  it('but does when the facilitator ends the session at that moment: due timers fire before an input', () => {
    const session = sessionFrom(loadMini(), [act(0, CSA, 'triage-alert'), act(120 * MIN, IC, 'lessons-learned'), end(180 * MIN)]);
    expect(session.context.completed['lessons-learned']).toBe(180 * MIN);
    expect(step(scoreSession(session), 'review')).toMatchObject({ status: 'on-time', doneAtMinutes: 180 });
  });
});

describe('communication duties', () => {
  it('a missed duty earns nothing and is a finding', () => {
    const { card } = score(variant({ drop: ['notify-regulator'] }));
    expect(card.duties).toEqual([expect.objectContaining({ duty: 'regulator-notice', status: 'missed', credit: 0, seq: null })]);
    expect(kinds(card)).toContain('missed-duty');
    expect(component(card, 'duties').earned).toBe(0);
    expect(card.objectives.find((o) => o.id === 'OBJ-2')!.areasForImprovement.join()).toMatch(/Missed duty: Notify the privacy regulator/);
  });

  it('a late duty earns half', () => {
    // The duty is due 72h after detection at 10m; the mini scenario stops at 4h, so give it 4 days.
    const long = miniVariant((raw) => {
      (raw.end as Record<string, unknown>).timeLimit = '4d';
    });
    const steps = [...exemplary.filter((s) => s.input.type !== 'session.ended' && !(s.input.type === 'action.taken' && s.input.action === 'notify-regulator')), act(72 * 60 * MIN, LC, 'notify-regulator'), end(73 * 60 * MIN)];
    const { card } = score(steps, long);
    expect(card.duties).toEqual([expect.objectContaining({ status: 'late', credit: 0.5, dueAtMinutes: 72 * 60 + 10, doneAtMinutes: 72 * 60 + 20, lateByMinutes: 10 })]);
    expect(kinds(card)).toContain('late-duty');
  });
});

describe('severity classification', () => {
  const withSeverity = (...declarations: Step[]) => score(variant({ drop: ['severity'], add: declarations })).card;

  it('right level, on time, by the right role: full credit', () => {
    const card = withSeverity(declare(12 * MIN, IC, 2));
    expect(card.severity).toEqual({ expected: 2, declared: 2, firstDeclared: 2, correct: true, declaredAtMinutes: 12, deadlineMinutes: 70, onTime: true, declaredBy: IC, credit: 1, seq: expect.any(Number) });
    expect(kinds(card)).toContain('severity-right');
  });

  it('wrong level: one level off keeps some credit, further off none for the level', () => {
    // The level weighs 0.7 (0.2 when one level off), declaring within the deadline 0.3 (0.1 late).
    expect(withSeverity(declare(12 * MIN, IC, 3)).severity).toMatchObject({ correct: false, onTime: true, credit: 0.5 });
    expect(withSeverity(declare(12 * MIN, IC, 4)).severity).toMatchObject({ correct: false, onTime: true, credit: 0.3 });
    expect(withSeverity(declare(12 * MIN, IC, 1)).severity).toMatchObject({ correct: false, credit: 0.5 });
    expect(kinds(withSeverity(declare(12 * MIN, IC, 4)))).toContain('severity-wrong');
  });

  it('late: declared after the deadline', () => {
    const card = withSeverity(declare(71 * MIN, IC, 2));
    expect(card.severity).toMatchObject({ correct: true, onTime: false, declaredAtMinutes: 71, deadlineMinutes: 70, credit: 0.8 });
    // One level off and late: 0.2 + 0.1, printed as 0.3 (not 0.30000000000000004).
    expect(withSeverity(declare(71 * MIN, IC, 3)).severity.credit).toBe(0.3);
    // Right but late still beats wrong but fast.
    expect(card.severity.credit).toBeGreaterThan(withSeverity(declare(12 * MIN, IC, 3)).severity.credit);
    expect(kinds(card)).toContain('severity-late');
  });

  it('the first declaration sets the time, the last the level', () => {
    const card = withSeverity(declare(12 * MIN, IC, 3), declare(80 * MIN, IC, 2));
    expect(card.severity).toMatchObject({ declared: 2, firstDeclared: 3, correct: true, onTime: true, declaredAtMinutes: 12, credit: 1 });
  });

  it('declared by a role the plan does not allow', () => {
    const card = withSeverity(declare(12 * MIN, CSA, 2));
    expect(card.severity).toMatchObject({ declaredBy: CSA, credit: 0.75 });
    expect(card.findings).toContainEqual(expect.objectContaining({ kind: 'wrong-role', message: expect.stringMatching(/^Severity declared by Cloud Security Analyst/) }));
  });

  it('never declared', () => {
    const card = withSeverity();
    expect(card.severity).toMatchObject({ declared: null, credit: 0, onTime: false, seq: null });
    expect(kinds(card)).toContain('severity-missing');
    expect(component(card, 'severity').earned).toBe(0);
  });
});

describe('decisions', () => {
  // DEC-01 with an option of each quality; the default is "counsel" (acceptable).
  const world = miniVariant((raw) => {
    const decision = (raw.decisions as Record<string, unknown>[])[0]!;
    decision.default = 'counsel';
    decision.options = [
      { id: 'notify', label: 'Notify now', quality: 'best' },
      { id: 'counsel', label: 'Ask outside counsel first', quality: 'acceptable' },
      { id: 'wait', label: 'Wait for more facts', quality: 'poor' },
      { id: 'conceal', label: 'Say nothing, ever', quality: 'harmful' },
    ];
  });
  const withAnswer = (...steps: Step[]) => score(variant({ drop: ['DEC-01'], add: steps }), world).card;

  it.each([
    ['notify', 'best', 1, 'decision-best'],
    ['counsel', 'acceptable', 0.6, undefined],
    ['wait', 'poor', 0.2, 'decision-poor'],
    ['conceal', 'harmful', 0, 'decision-poor'],
  ] as const)('answered "%s" (%s) earns %s', (option, quality, credit, kind) => {
    const card = withAnswer(answer(15 * MIN, LC, 'DEC-01', option));
    expect(card.decisions).toEqual([expect.objectContaining({ decision: 'DEC-01', status: 'answered', option, quality, credit, answeredBy: LC, openedAtMinutes: 10, answeredAtMinutes: 15, seq: expect.any(Number) })]);
    expect(component(card, 'decisions').earned).toBe(Math.round(credit * WEIGHTS.decisions * 10) / 10);
    if (kind) expect(kinds(card)).toContain(kind);
  });

  it('a timeout applies the default at half its credit', () => {
    const card = withAnswer();
    expect(card.decisions).toEqual([expect.objectContaining({ status: 'timed-out', option: 'counsel', quality: 'acceptable', credit: 0.3, answeredBy: 'system', answeredAtMinutes: 25, seq: null })]);
    expect(kinds(card)).toContain('decision-timed-out');
    // The mini fixture's own default is poor: 0.2 halved.
    const mini = score(variant({ drop: ['DEC-01'] })).card;
    expect(mini.decisions[0]).toMatchObject({ status: 'timed-out', option: 'wait', credit: 0.1 });
  });

  it('a decision never put to the team is not scored', () => {
    const card = score([act(0, IC, 'lessons-learned'), end(70 * MIN)]).card;
    expect(card.decisions).toEqual([]);
    expect(component(card, 'decisions').weight).toBe(0);
  });
});

describe('HSEEP ratings', () => {
  it.each([
    [1, 'P'], [0.9, 'P'], [0.8999, 'S'], [0.7, 'S'], [0.6999, 'M'], [0.4, 'M'], [0.3999, 'U'], [0, 'U'], [null, 'U'],
  ] as const)('%s of the points is %s', (fraction, rating) => {
    expect(hseepRating(fraction)).toBe(rating);
  });

  it('objectives are rated from their own items', () => {
    // Missing the duty: OBJ-2 has the duty (0) and DEC-01 (1): half, "M".
    const { card } = score(variant({ drop: ['notify-regulator'] }));
    expect(card.objectives.find((o) => o.id === 'OBJ-2')).toMatchObject({ percent: 50, rating: 'M', ratingLabel: 'Performed with major challenges' });
    expect(card.objectives.find((o) => o.id === 'OBJ-1')).toMatchObject({ rating: 'P' });
  });
});

describe('every point is traceable to the journal', () => {
  const responses: [string, Step[]][] = [
    ['exemplary', exemplary],
    ['late and by the wrong role', variant({ drop: ['revoke-iam-access-key'], add: [act(90 * MIN, IC, 'revoke-iam-access-key')] })],
    ['harmful', variant({ drop: ['terminate-instance'], add: [act(21 * MIN, CSA, 'terminate-instance')] })],
    ['decision timed out, duty missed', variant({ drop: ['DEC-01', 'notify-regulator'] })],
    ['an action taken late by the wrong role, then a duty', variant({ drop: ['revoke-iam-access-key', 'notify-regulator'], add: [act(16 * MIN, IC, 'revoke-iam-access-key'), act(30 * MIN, LC, 'notify-regulator')] })],
  ];

  it.each(responses)('%s', (_name, steps) => {
    const { card, session } = score(steps);
    const bySeq = new Map(session.journal.map((e) => [e.seq, e]));
    for (const item of card.expectedActions.filter((e) => e.credit > 0)) {
      const entry = bySeq.get(item.seq!);
      expect(entry, `step ${item.step}`).toMatchObject({ type: 'action.taken', action: item.action, actor: item.doneBy });
    }
    for (const item of card.duties.filter((d) => d.credit > 0)) {
      expect(bySeq.get(item.seq!), `duty ${item.duty}`).toMatchObject({ type: 'action.taken', action: item.action, actor: item.doneBy });
    }
    for (const item of card.decisions.filter((d) => d.credit > 0)) {
      if (item.status === 'timed-out') {
        // No journal entry answered it: its (halved) points come from the scenario's default,
        // applied by the engine's timer, which the timeline shows.
        expect(item.seq).toBeNull();
        expect(card.timeline).toContainEqual(expect.objectContaining({ kind: 'decision-timed-out', ref: item.decision, seq: null }));
      } else {
        expect(bySeq.get(item.seq!), `decision ${item.decision}`).toMatchObject({ type: 'decision.answered', decision: item.decision, option: item.option });
      }
    }
    if (card.severity.credit > 0) expect(bySeq.get(card.severity.seq!)).toMatchObject({ type: 'severity.declared', level: card.severity.firstDeclared });
    for (const finding of card.findings) for (const seq of finding.seq) expect(bySeq.has(seq), `${finding.kind}: #${seq}`).toBe(true);
  });
});

describe('scoring in numbers first', () => {
  it('names what each finding is about by kind and id, not by its words', () => {
    const harmful = variant({ drop: ['terminate-instance', 'revoke-iam-access-key', 'notify-regulator', 'DEC-01'], add: [act(21 * MIN, CSA, 'terminate-instance'), act(15 * MIN, IC, 'revoke-iam-access-key')] });
    const { card } = score(harmful);
    const subjects = card.findings.map((f) => [f.kind, f.subject.kind, f.subject.id]);
    expect(subjects).toContainEqual(['evidence-destroyed', 'action', 'terminate-instance']);
    expect(subjects).toContainEqual(['wrong-role', 'step', 'contain']);
    expect(subjects).toContainEqual(['missed-duty', 'duty', 'regulator-notice']);
    expect(subjects).toContainEqual(['severity-right', 'severity', 'severity']);
    expect(subjects).toContainEqual(['target-met', 'metric', 'detected']);
    for (const f of card.findings) {
      if (f.subject.kind === 'step') expect(card.expectedActions.map((e) => e.step)).toContain(f.subject.id);
      if (f.subject.kind === 'duty') expect(card.duties.map((d) => d.duty)).toContain(f.subject.id);
    }
  });

  it('gives the same numbers without writing a word: the scorecard only adds the prose', () => {
    const { card, session } = score(variant({ drop: ['severity'], add: [declare(80 * MIN, IC, 1)] }));
    const numbers = scoreNumbers(session);
    expect(numbers.overallScore).toBe(card.overallScore);
    expect(numbers.components).toEqual(card.components);
    expect(numbers.findings.map((f) => [f.kind, f.subject, f.seq])).toEqual(card.findings.map((f) => [f.kind, f.subject, f.seq]));
    expect(JSON.stringify(numbers.findings)).not.toMatch(/Severity declared/);
    expect(numbers.actions.steps.map((s) => s.result)).toEqual(card.expectedActions.map(({ notes: _notes, ...row }) => row));
  });
});

describe('metrics across drills', () => {
  it('mean, median, sample standard deviation, min, max and trend on known numbers', () => {
    // Drills in order: 30, 20, (not detected), 10 minutes.
    expect(spread([30, 20, null, 10])).toEqual({ count: 3, mean: 20, median: 20, stdev: 10, min: 10, max: 30, trendPerDrill: -6.43 });
    expect(spread([100, 200])).toEqual({ count: 2, mean: 150, median: 150, stdev: 70.71, min: 100, max: 200, trendPerDrill: 100 });
    expect(spread([5, 1, 4, 2])).toMatchObject({ mean: 3, median: 3, stdev: 1.83, min: 1, max: 5, trendPerDrill: -0.6 });
  });

  it('one sample has no spread or trend; none has nothing', () => {
    expect(spread([42])).toEqual({ count: 1, mean: 42, median: 42, stdev: null, min: 42, max: 42, trendPerDrill: null });
    expect(spread([null, null])).toEqual({ count: 0, mean: null, median: null, stdev: null, min: null, max: null, trendPerDrill: null });
  });

  it('metricsAcrossDrills gives each metric its spread and its definition', () => {
    const drills = [
      { timeToDetectMinutes: 30, timeToContainMinutes: 60, timeToRecoverMinutes: null },
      { timeToDetectMinutes: 20, timeToContainMinutes: 40, timeToRecoverMinutes: 300 },
      { timeToDetectMinutes: null, timeToContainMinutes: null, timeToRecoverMinutes: null },
      { timeToDetectMinutes: 10, timeToContainMinutes: 20, timeToRecoverMinutes: 100 },
    ];
    const across = metricsAcrossDrills(drills);
    expect(across.drills).toBe(4);
    expect(across.timeToDetect).toEqual({ count: 3, mean: 20, median: 20, stdev: 10, min: 10, max: 30, trendPerDrill: -6.43, definition: METRIC_DEFINITIONS.detected.definition });
    expect(across.timeToContain).toMatchObject({ count: 3, mean: 40, median: 40, stdev: 20, trendPerDrill: -12.86, definition: METRIC_DEFINITIONS.contained.definition });
    expect(across.timeToRecover).toMatchObject({ count: 2, mean: 200, median: 200, trendPerDrill: -100, definition: METRIC_DEFINITIONS.recovered.definition });
  });

  it('takes the figures straight from scorecards', () => {
    // Triage 20 minutes later (DEC-01 then opens later too: left to time out).
    const cards = [score(exemplary).card, score(variant({ drop: ['triage-alert', 'DEC-01'], add: [act(20 * MIN, CSA, 'triage-alert')] })).card];
    const across = metricsAcrossDrills(cards);
    expect(across.timeToDetect).toMatchObject({ count: 2, mean: 140, min: 130, max: 150, trendPerDrill: 20 });
  });
});
