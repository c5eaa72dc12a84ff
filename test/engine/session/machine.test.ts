import { describe, expect, it } from 'vitest';
import type { JournalInput } from '../../../engine/session/journal.js';
import type { InputEvent } from '../../../engine/session/events.js';
import { Session } from '../../../engine/session/session.js';
import { phaseReached } from '../../../engine/session/machine.js';
import { act, answer, declare, iso, loadMini, MIN, sessionFrom, startSession, tinyWorld, WALL0 } from '../../helpers/world.js';

// The UI asks the session's machine state questions (matches, hasTag) rather than comparing
// state values, and the session whether it would take an input (check); these are the
// questions it asks. The phase comes from the milestones reached (phaseReached), one source.

/** Whether the session would take the input now: its one refusal check, as record runs it. */
const can = (session: Session, input: JournalInput, actor: string) => session.check(input, actor) === undefined;

describe('the machine follows the milestones', () => {
  it('undetected, detected, contained, eradicated, recovered, with their tags and phases', () => {
    const world = loadMini();
    const session = startSession(world);
    const at = () => session.snapshot();
    expect(at().matches('undetected')).toBe(true);
    expect(at().hasTag('detected')).toBe(false);
    expect(phaseReached(session.context.milestones)).toBe('detection-analysis');

    session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: 2 * MIN, wallTime: iso(WALL0), actor: 'cloud-security-analyst' });
    session.advanceTo(12 * MIN - 1);
    expect(at().matches('undetected')).toBe(true);
    session.advanceTo(12 * MIN);
    expect(at().matches('detected')).toBe(true);
    expect(at().hasTag('detected')).toBe(true);
    expect(at().hasTag('contained')).toBe(false);
    expect(phaseReached(session.context.milestones)).toBe('containment');

    session.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, { simTime: 13 * MIN, wallTime: iso(WALL0), actor: 'cloud-security-analyst' });
    session.advanceTo(18 * MIN);
    expect(at().matches('contained')).toBe(true);
    expect(at().matches('detected')).toBe(false);
    expect(at().hasTag('detected')).toBe(true);
    expect(at().hasTag('contained')).toBe(true);
    expect(phaseReached(session.context.milestones)).toBe('eradication');

    // Answered "notify" so the default ("wait", which un-revokes the key) never applies.
    session.record({ type: 'decision.answered', decision: 'DEC-01', option: 'notify' }, { simTime: 19 * MIN, wallTime: iso(WALL0), actor: 'legal-compliance' });
    session.record({ type: 'action.taken', action: 'rotate-secrets' }, { simTime: 20 * MIN, wallTime: iso(WALL0), actor: 'cloud-security-analyst' });
    session.advanceTo(50 * MIN);
    expect(at().matches('eradicated')).toBe(true);
    expect(at().hasTag('eradicated')).toBe(true);
    expect(phaseReached(session.context.milestones)).toBe('recovery');

    session.record({ type: 'action.taken', action: 'restore-from-backup' }, { simTime: 51 * MIN, wallTime: iso(WALL0), actor: 'incident-commander' });
    session.advanceTo(111 * MIN);
    expect(at().matches('recovered')).toBe(true);
    expect(['detected', 'contained', 'eradicated', 'recovered'].every((tag) => at().hasTag(tag))).toBe(true);
    expect(phaseReached(session.context.milestones)).toBe('post-incident');
  });

  it('several milestones reached by one event are all entered, in order', () => {
    const world = tinyWorld({
      milestones: {
        detected: { when: { action: 'triage-alert' } },
        contained: { when: { action: 'triage-alert' } },
        eradicated: { when: { action: 'triage-alert' } },
        recovered: { when: { action: 'restore-from-backup' } },
      },
    });
    const session = sessionFrom(world, [act(MIN, 'cloud-security-analyst', 'triage-alert')], { until: 11 * MIN });
    expect(session.context.milestones).toEqual({ detected: 11 * MIN, contained: 11 * MIN, eradicated: 11 * MIN });
    expect(session.snapshot().matches('eradicated')).toBe(true);
    expect(session.snapshot().hasTag('contained')).toBe(true);
    expect(phaseReached(session.context.milestones)).toBe('recovery');
  });

  it('a replay is in the same machine state as the live session', () => {
    const world = loadMini();
    const live = sessionFrom(world, [act(MIN, 'cloud-security-analyst', 'triage-alert'), act(12 * MIN, 'cloud-security-analyst', 'revoke-iam-access-key')], { until: 20 * MIN });
    const replayed = Session.replay(live.journal, world.plan, world.scenario, { until: 20 * MIN });
    expect(replayed.snapshot().value).toEqual(live.snapshot().value);
    expect([...replayed.snapshot().tags].sort()).toEqual([...live.snapshot().tags].sort());
    expect(replayed.snapshot().matches('contained')).toBe(true);
  });
});

describe('the clock, completion and the end', () => {
  it('paused while the clock is paused', () => {
    const session = startSession(tinyWorld());
    session.record({ type: 'clock.paused' }, { simTime: MIN, wallTime: iso(WALL0), actor: 'facilitator' });
    // The clock is not a state of the incident: the context says whether it runs.
    expect(session.context.paused).toBe(true);
    session.record({ type: 'clock.resumed' }, { wallTime: iso(WALL0), actor: 'facilitator' });
    expect(session.context.paused).toBe(false);
  });

  it('complete once the end condition holds, and still taking inputs', () => {
    const session = sessionFrom(tinyWorld(), [act(MIN, 'incident-commander', 'lessons-learned')], { until: 61 * MIN });
    expect(session.context.completeAt).not.toBeNull();
    expect(session.snapshot().hasTag('ended')).toBe(false);
    const entry = session.record({ type: 'observation.noted', text: 'wrap-up', tag: 'note' }, { wallTime: iso(WALL0), actor: 'facilitator' });
    expect(session.journal.at(-1)).toBe(entry);
  });

  it('ended when the facilitator ends it, or at the time limit', () => {
    const byHand = sessionFrom(tinyWorld(), [{ at: 5 * MIN, by: 'facilitator', input: { type: 'session.ended' } }]);
    expect(byHand.snapshot().hasTag('ended')).toBe(true);
    expect(byHand.snapshot().matches('ended')).toBe(true);

    const limited = startSession(tinyWorld());
    limited.advanceTo(4 * 3600_000 - 1);
    expect(limited.snapshot().hasTag('ended')).toBe(false);
    limited.advanceTo(4 * 3600_000);
    expect(limited.snapshot().hasTag('ended')).toBe(true);
  });

  it('the incident keeps its milestones after the session ends, for the after-action view', () => {
    const session = sessionFrom(loadMini(), [act(0, 'cloud-security-analyst', 'triage-alert'), { at: 30 * MIN, by: 'facilitator', input: { type: 'session.ended' } }]);
    expect(session.snapshot().hasTag('ended')).toBe(true);
    expect(session.context.milestones.detected).toBe(10 * MIN);
  });

  it('ended after complete', () => {
    const session = sessionFrom(tinyWorld(), [act(MIN, 'incident-commander', 'lessons-learned'), { at: 70 * MIN, by: 'facilitator', input: { type: 'session.ended' } }]);
    expect(session.snapshot().hasTag('ended')).toBe(true);
    expect(session.snapshot().matches('ended')).toBe(true);
  });
});

describe('check(input): what the UI may offer now', () => {
  const answerDec01 = (option = 'notify'): JournalInput => ({ type: 'decision.answered', decision: 'DEC-01', option });

  it('a decision can be answered only while it is open, by a role, with one of its options', () => {
    const world = loadMini();
    const session = startSession(world);
    // DEC-01 waits for INJ-03, which fires when triage completes.
    expect(session.context.decisions['DEC-01']!.status).toBe('waiting');
    expect(can(session, answerDec01(), 'legal-compliance')).toBe(false);

    session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: 0, wallTime: iso(WALL0), actor: 'cloud-security-analyst' });
    session.advanceTo(10 * MIN);
    expect(session.context.decisions['DEC-01']!.status).toBe('open');
    expect(can(session, answerDec01(), 'legal-compliance')).toBe(true);
    expect(can(session, answerDec01('wait'), 'legal-compliance')).toBe(true);
    expect(can(session, answerDec01('pay-the-ransom'), 'legal-compliance')).toBe(false);
    expect(can(session, answerDec01(), 'facilitator')).toBe(false);
    expect(can(session, answerDec01(), 'nobody')).toBe(false);

    session.record(answerDec01(), { simTime: 11 * MIN, wallTime: iso(WALL0), actor: 'legal-compliance' });
    expect(can(session, answerDec01('wait'), 'legal-compliance')).toBe(false);
  });

  it('a decision that timed out can no longer be answered', () => {
    const world = loadMini();
    const session = sessionFrom(world, [act(0, 'cloud-security-analyst', 'triage-alert')], { until: 25 * MIN });
    expect(session.context.decisions['DEC-01']!.status).toBe('timed-out');
    expect(can(session, answerDec01(), 'legal-compliance')).toBe(false);
  });

  it('pause only while running, resume only while paused; inject release only before it fires', () => {
    const session = startSession(loadMini());
    const pause: JournalInput = { type: 'clock.paused' };
    const resume: JournalInput = { type: 'clock.resumed' };
    expect(can(session, pause, 'facilitator')).toBe(true);
    expect(can(session, resume, 'facilitator')).toBe(false);
    expect(can(session, pause, 'incident-commander')).toBe(false);
    session.record(pause, { wallTime: iso(WALL0), actor: 'facilitator' });
    expect(can(session, pause, 'facilitator')).toBe(false);
    expect(can(session, resume, 'facilitator')).toBe(true);

    // INJ-01 fires at T+0; INJ-07 waits for containment.
    expect(can(session, { type: 'inject.released', inject: 'INJ-01' }, 'facilitator')).toBe(false);
    expect(can(session, { type: 'inject.released', inject: 'INJ-07' }, 'facilitator')).toBe(true);
    expect(can(session, { type: 'inject.held', inject: 'INJ-07' }, 'facilitator')).toBe(true);
  });

  it('nothing can be done once the session has ended', () => {
    const world = loadMini();
    const session = sessionFrom(world, [act(0, 'cloud-security-analyst', 'triage-alert'), declare(MIN, 'incident-commander', 2), { at: 10 * MIN, by: 'facilitator', input: { type: 'session.ended' } }]);
    expect(session.snapshot().hasTag('ended')).toBe(true);
    for (const [input, actor] of [
      [{ type: 'action.taken', action: 'revoke-iam-access-key' }, 'cloud-security-analyst'],
      [answerDec01(), 'legal-compliance'],
      [{ type: 'observation.noted', text: 'late', tag: 'note' }, 'facilitator'],
      [{ type: 'clock.paused' }, 'facilitator'],
    ] as [JournalInput, string][]) {
      expect(can(session, input, actor), input.type).toBe(false);
    }
  });

  it('agrees with record: what check takes is recorded, what it refuses is refused', () => {
    const world = loadMini();
    const session = sessionFrom(world, [act(0, 'cloud-security-analyst', 'triage-alert')], { until: 10 * MIN });
    const candidates: [JournalInput, string][] = [
      [answerDec01('nope'), 'legal-compliance'],
      [{ type: 'severity.declared', level: 9 }, 'incident-commander'],
      [{ type: 'action.taken', action: 'no-such-action' }, 'cloud-security-analyst'],
      [{ type: 'inject.held', inject: 'INJ-02' }, 'facilitator'],
      [answerDec01('notify'), 'legal-compliance'],
    ];
    for (const [input, actor] of candidates) {
      const taken = can(session, input, actor);
      let recorded = true;
      try {
        session.record(input, { wallTime: iso(WALL0), actor });
      } catch {
        recorded = false;
      }
      expect(recorded, `${input.type} by ${actor}`).toBe(taken);
    }
  });

  it('checks an input once, in the session: the machine takes what the session sends it, unguarded', () => {
    const session = startSession(loadMini());
    const refused = { type: 'clock.resumed' } as const;
    expect(session.check(refused, 'facilitator')).toBe('the clock is not paused');
    // The machine no longer runs the refusal rules a second time as a guard.
    expect(session.snapshot().can({ ...refused, seq: 2, simTime: 0, wallTime: iso(WALL0), actor: 'facilitator' } as InputEvent)).toBe(true);
    // Timer events are the engine's own.
    expect(session.snapshot().can({ type: 'inject.due', inject: 'INJ-04', at: session.now })).toBe(true);
  });

  it('answering with the right decision and option is what a journal would hold', () => {
    const world = loadMini();
    const session = sessionFrom(world, [act(0, 'cloud-security-analyst', 'triage-alert'), answer(10 * MIN, 'legal-compliance', 'DEC-01', 'notify')]);
    expect(session.context.decisions['DEC-01']).toMatchObject({ status: 'answered', option: 'notify', seq: 3 });
  });
});
