import { describe, expect, it } from 'vitest';
import { ClockDriver } from '../../../engine/session/driver.js';
import { holds } from '../../../engine/session/conditions.js';
import { JournalMismatch, Session, SessionRefusal } from '../../../engine/session/session.js';
import { serializeEntry, type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { iso, loadableBundledWorlds, loadMini, MIN, startSession, tinyWorld, WALL0 } from '../../helpers/world.js';

// Every timer runs on the simulated clock. The driver turns wall time (passed in by the test,
// never read) into simulated time at a speed; whatever the speed and however often it ticks,
// each timer fires at its own due time.

const INJ_15_DUE = 15 * MIN; // 900000 ms

/** Ticks the driver from WALL0 every `step` wall ms until `done`, returning the wall time reached. */
function tickUntil(driver: ClockDriver, step: number, done: () => boolean, limit = 10 * 3600_000): number {
  let wall = WALL0;
  while (!done()) {
    wall += step;
    if (wall - WALL0 > limit) throw new Error('the condition never held');
    driver.tick(wall);
  }
  return wall;
}

describe('an inject due at 15m fires at exactly 15m', () => {
  const speeds = [1, 7, 60, 600];
  const granularities = [
    { name: 'a tick every wall millisecond', step: (_speed: number) => 1 },
    { name: 'a tick every 13 wall seconds', step: (_speed: number) => 13_000 },
    { name: 'one big jump', step: (speed: number) => Math.ceil((3 * 3600_000) / speed) },
  ];
  const cases = speeds.flatMap((speed) => granularities.map((g) => ({ speed, granularity: g.name, step: g.step(speed) })));

  it.each(cases)('at $speed x with $granularity', ({ speed, step }) => {
    const world = tinyWorld();
    const session = startSession(world, { speed });
    const driver = new ClockDriver(session, WALL0);
    const state = () => session.context.injects['INJ-15']!;
    let lastBefore = 0;
    tickUntil(driver, step, () => {
      if (state().status === 'fired') return true;
      lastBefore = session.now;
      return false;
    });
    expect(state()).toMatchObject({ status: 'fired', firedAt: INJ_15_DUE, cause: 'schedule' });
    expect(lastBefore).toBeLessThan(INJ_15_DUE);
    // What the inject triggers is timed from its due time, not from the tick that noticed it.
    expect(session.context.decisions['DEC-A']).toMatchObject({ status: session.now >= 25 * MIN ? 'timed-out' : 'open', openedAt: INJ_15_DUE, expiresAt: 25 * MIN });
  });

  it('the same inject fires at the same time in a replay of any of those sessions', () => {
    const world = tinyWorld();
    for (const speed of speeds) {
      const session = startSession(world, { speed });
      const driver = new ClockDriver(session, WALL0);
      driver.tick(WALL0 + Math.ceil((20 * MIN) / speed));
      driver.record({ type: 'observation.noted', text: 'checkpoint', tag: 'note' }, WALL0 + Math.ceil((20 * MIN) / speed), 'facilitator');
      const replayed = Session.replay(session.journal, world.plan, world.scenario);
      expect(replayed.context.injects['INJ-15']).toEqual(session.context.injects['INJ-15']);
    }
  });
});

describe('pause and resume', () => {
  it.each([
    { pause: 1_000, label: '1 s' },
    { pause: 10 * 3600_000, label: '10 h' },
  ])('a pause of $label of wall time moves no simulated time and fires nothing; resume continues from the same time', ({ pause }) => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    // Run 10 simulated minutes at 60x: 10 wall seconds.
    driver.tick(WALL0 + 10_000);
    expect(session.now).toBe(10 * MIN);
    driver.pause(WALL0 + 10_000);
    expect(session.context.paused).toBe(true);
    const before = structuredClone(session.context);
    const pendingBefore = session.nextDueAt();

    for (const wall of [WALL0 + 10_001, WALL0 + 10_000 + pause / 2, WALL0 + 10_000 + pause]) {
      driver.tick(wall);
      expect(session.now).toBe(10 * MIN);
    }
    expect(session.context).toEqual(before);
    expect(session.nextDueAt()).toBe(pendingBefore);
    expect(session.context.injects['INJ-15']!.status).toBe('scheduled');

    const resumedAt = WALL0 + 10_000 + pause;
    driver.resume(resumedAt);
    expect(session.now).toBe(10 * MIN);
    expect(session.context.paused).toBe(false);
    // One wall second later at 60x: one simulated minute later, not pause x 60.
    driver.tick(resumedAt + 1_000);
    expect(session.now).toBe(11 * MIN);
    // And the inject still fires at exactly 15m.
    driver.tick(resumedAt + 6_000);
    expect(session.context.injects['INJ-15']).toMatchObject({ status: 'fired', firedAt: INJ_15_DUE });
  });

  it('the journal of a paused session holds the pause and the resume at the same simulated time', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 7 });
    const driver = new ClockDriver(session, WALL0);
    const paused = driver.pause(WALL0 + 1_000);
    const resumed = driver.resume(WALL0 + 1_000 + 3600_000);
    expect(paused.simTime).toBe(7_000);
    expect(resumed.simTime).toBe(7_000);
    expect(resumed.wallTime).toBe(iso(WALL0 + 1_000 + 3600_000));
  });

  it('pausing twice or resuming a running clock is refused', () => {
    const session = startSession(tinyWorld());
    const driver = new ClockDriver(session, WALL0);
    expect(() => driver.resume(WALL0 + 1)).toThrow(SessionRefusal);
    driver.pause(WALL0 + 2);
    expect(() => driver.pause(WALL0 + 3)).toThrow(/already paused/);
  });
});

describe('a decision time limit', () => {
  it.each([
    { step: 1_000, label: 'a tick every wall second' },
    { step: 13_000, label: 'a tick every 13 wall seconds' },
    { step: 31_000, label: 'one jump from T+0 to T+31m' },
  ])('fires its default exactly once, at the limit, with $label', ({ step }) => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    const wall = tickUntil(driver, step, () => session.now >= 30 * MIN);
    const decision = session.context.decisions['DEC-A']!;
    expect(decision).toMatchObject({ status: 'timed-out', option: 'wait', by: 'system', openedAt: 15 * MIN, expiresAt: 25 * MIN, answeredAt: 25 * MIN });
    expect(decision.seq).toBeUndefined();
    expect(session.context.vars.answer).toBe('wait');

    // Answering after the limit is refused, and journals nothing.
    const length = session.journal.length;
    expect(() => driver.record({ type: 'decision.answered', decision: 'DEC-A', option: 'isolate' }, wall + 1_000, 'incident-commander')).toThrow(
      /DEC-A" was already answered/,
    );
    expect(session.journal).toHaveLength(length);

    // The default's effects were applied once: changed afterwards, they are not applied again.
    driver.record({ type: 'action.taken', action: 'snapshot-volume' }, wall + 2_000, 'cloud-security-analyst');
    driver.tick(wall + 2_000 + 15_000); // the snapshot's 15 simulated minutes
    expect(session.context.vars.answer).toBe('changed-by-action');
    driver.tick(wall + 2 * 60_000);
    expect(session.now).toBeGreaterThan(2 * 3600_000);
    expect(session.context.vars.answer).toBe('changed-by-action');
    const card = scoreSession(session);
    expect(card.timeline.filter((t) => t.kind === 'decision-timed-out')).toEqual([expect.objectContaining({ atMinutes: 25, ref: 'DEC-A' })]);
    expect(card.decisions).toEqual([expect.objectContaining({ decision: 'DEC-A', status: 'timed-out', option: 'wait', quality: 'poor', credit: 0.1 })]);
  });

  it('does not fire when the decision is answered in time', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 16 * 1_000);
    driver.record({ type: 'decision.answered', decision: 'DEC-A', option: 'isolate' }, WALL0 + 20 * 1_000, 'incident-commander');
    driver.tick(WALL0 + 60 * 1_000);
    expect(session.context.decisions['DEC-A']).toMatchObject({ status: 'answered', option: 'isolate', answeredAt: 20 * MIN, seq: 2 });
    expect(session.context.vars.answer).toBe('isolate');
  });

  it('cannot be answered before it is put to the team', () => {
    const session = startSession(tinyWorld(), { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    expect(() => driver.record({ type: 'decision.answered', decision: 'DEC-A', option: 'isolate' }, WALL0 + 1_000, 'incident-commander')).toThrow(
      /has not been put to the team yet/,
    );
  });
});

describe('an action completes after its duration', () => {
  it('{ action } holds from exactly its completion, and what it triggers fires then', () => {
    const world = loadMini();
    const session = startSession(world, { speed: 1 });
    const driver = new ClockDriver(session, WALL0);
    // triage-alert takes 10 simulated minutes; the mini scenario detects on it and fires INJ-03.
    driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0 + 3 * MIN, 'cloud-security-analyst');
    driver.tick(WALL0 + 13 * MIN - 1);
    expect(session.now).toBe(13 * MIN - 1);
    expect(holds({ action: 'triage-alert' }, session.context)).toBe(false);
    expect(session.context.milestones.detected).toBeUndefined();
    expect(session.context.injects['INJ-03']!.status).toBe('pending');
    expect(session.snapshot().hasTag('detected')).toBe(false);

    driver.tick(WALL0 + 13 * MIN);
    expect(holds({ action: 'triage-alert' }, session.context)).toBe(true);
    expect(session.context.completed['triage-alert']).toBe(13 * MIN);
    expect(session.context.milestones.detected).toBe(13 * MIN);
    expect(session.context.injects['INJ-03']).toMatchObject({ status: 'fired', firedAt: 13 * MIN, cause: 'trigger' });
  });

  it('completes at its own time even when one tick jumps far past it', () => {
    const world = loadMini();
    const session = startSession(world, { speed: 600 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0 + 100, 'cloud-security-analyst'); // T+1m
    driver.tick(WALL0 + 100 + 12_000); // T+2h1m in one jump
    expect(session.context.completed['triage-alert']).toBe(11 * MIN);
    expect(session.context.milestones.detected).toBe(11 * MIN);
    // INJ-04 fires 30m after DEC-01 is answered "notify"; DEC-01 opened at 11m and timed out at 26m with "wait".
    expect(session.context.decisions['DEC-01']).toMatchObject({ status: 'timed-out', openedAt: 11 * MIN, answeredAt: 26 * MIN });
  });
});

describe('jumping to the next event', () => {
  it('lands exactly on the next scheduled inject, which fires there', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 7 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 12_345); // T+1m26.415s
    expect(session.nextStop()).toEqual({ kind: 'inject', id: 'INJ-15', dueAt: INJ_15_DUE });
    const jump = driver.jumpToNextStop(WALL0 + 12_345);
    expect(jump).toMatchObject({ type: 'clock.jumped', from: 86_415, simTime: INJ_15_DUE, actor: 'facilitator' });
    expect(session.now).toBe(INJ_15_DUE);
    expect(session.context.injects['INJ-15']).toMatchObject({ status: 'fired', firedAt: INJ_15_DUE });
  });

  it('stops where a decision is put to the team and where its time limit runs out, not only at injects', () => {
    // DEC-B opens at 20m on its own schedule; DEC-A opens with INJ-15 and runs out at 25m.
    const world = tinyWorld({
      decisions: [
        ...tinyWorld().scenario.decisions.map((d) => ({ id: d.id, prompt: d.prompt, role: d.role, when: { inject: 'INJ-15' }, timeLimit: '10m', default: 'wait', options: d.options.map((o) => ({ id: o.id, label: o.label, quality: o.quality, set: o.set })) })),
        { id: 'DEC-B', prompt: 'Call the regulator?', role: 'incident-commander', at: '20m', options: [{ id: 'yes', label: 'Yes', quality: 'best' }, { id: 'no', label: 'No', quality: 'poor' }] },
      ] as never,
    });
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    const landings = [1, 2, 3, 4].map((n) => driver.jumpToNextStop(WALL0 + n).simTime);
    expect(landings).toEqual([INJ_15_DUE, 20 * MIN, 25 * MIN, 40 * MIN]);
    expect(session.context.decisions['DEC-B']).toMatchObject({ status: 'open', openedAt: 20 * MIN });
    expect(session.context.decisions['DEC-A']).toMatchObject({ status: 'timed-out', answeredAt: 25 * MIN });
    // The journal holds only the jumps: a replay lands on the same times with the same state.
    const replayed = Session.replay(session.journal, world.plan, world.scenario);
    expect(replayed.context).toEqual(session.context);
  });

  it('stops where the severity deadline falls due', () => {
    const world = tinyWorld({ expectedSeverity: 1 }); // Sev 1: declared within 15m of detection
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'inject.held', inject: 'INJ-15' }, WALL0, 'facilitator');
    driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0, 'cloud-security-analyst'); // detected at 10m
    driver.tick(WALL0 + 11 * 1_000);
    expect(session.nextStop()).toEqual({ kind: 'deadline', id: 'severity', dueAt: 25 * MIN });
    expect(driver.jumpToNextStop(WALL0 + 11 * 1_000).simTime).toBe(25 * MIN);
    expect(session.context.deadlines.severity).toMatchObject({ passed: true });
  });

  it('never passes a decision an action sets off: the PDPO drill jumped from T+18m to T+6h, past two decisions that timed out unseen', () => {
    const world = loadableBundledWorlds().find((one) => one.id === 'pdpo-customer-data-breach')!;
    const assess = world.plan.actions.find((action) => action.id === 'assess-pdpo-notification-obligation')!;
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 18 * 1_000); // T+18m
    driver.record({ type: 'action.taken', action: assess.id }, WALL0 + 18 * 1_000, assess.roles[0]!);
    const opens = 18 * MIN + assess.duration;
    expect(session.nextStop()).toEqual({ kind: 'action', id: assess.id, dueAt: opens });
    for (let jumps = 0; session.now < opens && jumps < 20; jumps++) driver.jumpToNextStop(WALL0 + 18 * 1_000);
    expect(session.now).toBe(opens);
    const decisions = world.scenario.decisions.filter((decision) => session.context.decisions[decision.id]!.status === 'open');
    expect(decisions.map((decision) => decision.id)).toEqual(expect.arrayContaining(['pcpd-timing', 'customer-scope']));
    expect(decisions.every((decision) => session.context.decisions[decision.id]!.openedAt === opens)).toBe(true);
  });

  it('is refused when nothing is scheduled ahead', () => {
    const world = tinyWorld({ decisions: [], objectives: [{ id: 'OBJ-1', title: 'Respond', capability: 'Operational Coordination', steps: ['triage', 'contain'] }] as never });
    const session = startSession(world, { speed: 600 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 10_000); // T+1h40m: all three have fired
    expect(() => driver.jumpToNextStop(WALL0 + 10_000)).toThrow(SessionRefusal);
  });
});

describe('held injects', () => {
  it('a held inject never fires on schedule but can be released by hand later', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'inject.held', inject: 'INJ-40' }, WALL0 + 5_000, 'facilitator');
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'held', seq: 2 });
    // A jump skips it (past DEC-A's time limit at 25m, the next stop is INJ-90).
    driver.tick(WALL0 + 26 * 1_000);
    expect(session.nextStop()).toEqual({ kind: 'inject', id: 'INJ-90', dueAt: 90 * MIN });
    driver.tick(WALL0 + 120 * 1_000); // T+2h, far past 40m
    expect(session.context.injects['INJ-40']!.status).toBe('held');
    expect(session.context.injects['INJ-40']!.firedAt).toBeUndefined();
    expect(session.context.injects['INJ-90']).toMatchObject({ status: 'fired', firedAt: 90 * MIN });

    const release = driver.record({ type: 'inject.released', inject: 'INJ-40' }, WALL0 + 125 * 1_000, 'facilitator');
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'fired', firedAt: 125 * MIN, cause: 'released', seq: release.seq });
    // Once fired it cannot be released or held again.
    expect(() => driver.record({ type: 'inject.released', inject: 'INJ-40' }, WALL0 + 126 * 1_000, 'facilitator')).toThrow(/already fired/);
    expect(() => driver.record({ type: 'inject.held', inject: 'INJ-40' }, WALL0 + 126 * 1_000, 'facilitator')).toThrow(/already fired/);
  });

  it('a held inject put back on its schedule fires at its own time, or at once if that has passed', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'inject.held', inject: 'INJ-40' }, WALL0 + 5_000, 'facilitator');
    driver.record({ type: 'inject.held', inject: 'INJ-90' }, WALL0 + 5_000, 'facilitator');
    const resumed = driver.record({ type: 'inject.resumed', inject: 'INJ-40' }, WALL0 + 10_000, 'facilitator'); // T+10m
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'scheduled', dueAt: 40 * MIN, seq: resumed.seq });
    expect(() => driver.record({ type: 'inject.resumed', inject: 'INJ-40' }, WALL0 + 10_000, 'facilitator')).toThrow(/is not held/);
    driver.tick(WALL0 + 41_000);
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'fired', firedAt: 40 * MIN, cause: 'schedule' });
    // INJ-90's time passed while it was held: back on its schedule, it is due at once.
    driver.record({ type: 'inject.resumed', inject: 'INJ-90' }, WALL0 + 100_000, 'facilitator'); // T+1h40m
    expect(session.context.injects['INJ-90']).toMatchObject({ status: 'fired', firedAt: 100 * MIN, cause: 'schedule' });
    const replayed = Session.replay(session.journal, world.plan, world.scenario);
    expect(replayed.context).toEqual(session.context);
  });

  it('a triggered inject held before its trigger never fires on the trigger', () => {
    const world = loadMini();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'inject.held', inject: 'INJ-03' }, WALL0, 'facilitator');
    driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0 + 1_000, 'cloud-security-analyst');
    driver.tick(WALL0 + 60_000);
    expect(session.context.completed['triage-alert']).toBe(11 * MIN);
    expect(session.context.injects['INJ-03']!.status).toBe('held');
    // DEC-01 waits on INJ-03, so it is not put to the team either.
    expect(session.context.decisions['DEC-01']!.status).toBe('waiting');
    driver.record({ type: 'inject.released', inject: 'INJ-03' }, WALL0 + 61_000, 'facilitator');
    expect(session.context.injects['INJ-03']).toMatchObject({ status: 'fired', firedAt: 61 * MIN, cause: 'released' });
    expect(session.context.decisions['DEC-01']).toMatchObject({ status: 'open', openedAt: 61 * MIN });
  });

  it('only the facilitator releases or holds injects', () => {
    const session = startSession(tinyWorld());
    const driver = new ClockDriver(session, WALL0);
    expect(() => driver.record({ type: 'inject.released', inject: 'INJ-40' }, WALL0, 'incident-commander')).toThrow(/only the facilitator/);
  });
});

describe('ending a session', () => {
  it('refuses every further input, and the clock stops', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'session.ended', reason: 'out of time' }, WALL0 + 5_000, 'facilitator');
    expect(session.context.ended).toEqual({ at: 5 * MIN, reason: 'out of time' });
    expect(session.snapshot().hasTag('ended')).toBe(true);
    // Every timer of the session went with its end: nothing is due any more.
    expect(session.nextDueAt()).toBeUndefined();
    const length = session.journal.length;
    const attempts: [Parameters<ClockDriver['record']>[0], string][] = [
      [{ type: 'action.taken', action: 'triage-alert' }, 'cloud-security-analyst'],
      [{ type: 'severity.declared', level: 2 }, 'incident-commander'],
      [{ type: 'inject.released', inject: 'INJ-90' }, 'facilitator'],
      [{ type: 'observation.noted', text: 'late note', tag: 'note' }, 'facilitator'],
      [{ type: 'clock.paused' }, 'facilitator'],
      [{ type: 'session.ended' }, 'facilitator'],
    ];
    for (const [input, actor] of attempts) {
      expect(() => driver.record(input, WALL0 + 6_000, actor), input.type).toThrow(/the session ended at T\+00:05:00/);
    }
    expect(() => driver.setSpeed(10, WALL0 + 7_000)).toThrow(SessionRefusal);
    expect(session.journal).toHaveLength(length);
    driver.tick(WALL0 + 3600_000);
    expect(session.context.injects['INJ-15']!.status).toBe('scheduled');
    expect(session.context.ended!.at).toBe(5 * MIN);
  });

  it('the scenario time limit ends it at exactly the limit', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 600 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 3600_000); // 600 simulated hours
    expect(session.context.ended).toEqual({ at: 4 * 3600_000, reason: 'the scenario time limit was reached' });
    expect(() => driver.record({ type: 'clock.paused' }, WALL0 + 3600_001, 'facilitator')).toThrow(/ended/);
  });
});

describe('replay refuses a broken journal', () => {
  const recorded = () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0 + 1_000, 'cloud-security-analyst');
    driver.record({ type: 'observation.noted', text: 'fast triage', tag: 'strength' }, WALL0 + 2_000, 'facilitator');
    driver.record({ type: 'severity.declared', level: 2 }, WALL0 + 3_000, 'incident-commander');
    return { world, journal: session.journal.map((e) => ({ ...e })) as JournalEntry[] };
  };

  it('entries out of sequence', () => {
    const { world, journal } = recorded();
    const swapped = [journal[0]!, journal[2]!, journal[1]!, journal[3]!];
    expect(() => Session.replay(swapped, world.plan, world.scenario)).toThrow(JournalMismatch);
    expect(() => Session.replay(swapped, world.plan, world.scenario)).toThrow(/journal entry 3 is out of sequence \(expected 2\)/);
    const gap = [journal[0]!, journal[1]!, journal[3]!];
    expect(() => Session.replay(gap, world.plan, world.scenario)).toThrow(/out of sequence/);
    // parseJournal sees the same thing in the file.
    const { errors } = parseJournal(swapped.map((e) => `${serializeEntry(e)}\n`).join(''));
    expect(errors[0]).toEqual({ line: 2, message: 'seq 3 out of order (expected 2)' });
  });

  it('entries going back in simulated time', () => {
    const { world, journal } = recorded();
    const backwards = journal.map((e) => (e.seq === 3 ? { ...e, simTime: journal[1]!.simTime - 1 } : e)) as JournalEntry[];
    expect(() => Session.replay(backwards, world.plan, world.scenario)).toThrow(JournalMismatch);
    expect(() => Session.replay(backwards, world.plan, world.scenario)).toThrow(/journal entry 3 goes back in simulated time/);
  });

  it('a journal that does not start with session.started', () => {
    const { world, journal } = recorded();
    expect(() => Session.replay(journal.slice(1), world.plan, world.scenario)).toThrow(/does not start with session.started/);
  });

  it('an entry the rules refuse (a journal edited by hand)', () => {
    const { world, journal } = recorded();
    const forged = journal.map((e) => (e.seq === 3 ? { ...e, actor: 'incident-commander' } : e)) as JournalEntry[];
    expect(() => Session.replay(forged, world.plan, world.scenario)).toThrow(/journal entry 3 \(observation.noted\) cannot be replayed: only the facilitator/);
  });
});
