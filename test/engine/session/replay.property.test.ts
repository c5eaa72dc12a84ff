import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockDriver } from '../../../engine/session/driver.js';
import type { JournalEntry, JournalInput } from '../../../engine/session/journal.js';
import { Session, SessionRefusal } from '../../../engine/session/session.js';
import { SYSTEM } from '../../../engine/session/refusals.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import { inputOf, iso, loadableBundledWorlds, loadMini, tinyWorld, WALL0, type World } from '../../helpers/world.js';

// The journal is the truth, whatever the speed, however the clock was ticked and wherever the
// journal is cut: three properties over random sessions of random scenarios. An ended session,
// ended by the facilitator or by the time limit, replays to its scorecard from its journal alone.

const NUM_RUNS = 500;
// Deterministic by default; set FIREDRILL_PROPERTY_SEED to explore other sessions.
const SEED = process.env.FIREDRILL_PROPERTY_SEED !== undefined ? Number(process.env.FIREDRILL_PROPERTY_SEED) : 20260314;

const worlds: (World & { id: string })[] = [
  { id: 'mini-leaked-key', ...loadMini() },
  { id: 'tiny-clock', ...tinyWorld() },
  ...loadableBundledWorlds(),
];

type Op =
  | { kind: 'action'; role: number; action: number; fromPlaybook: boolean }
  | { kind: 'severity'; role: number; level: number }
  | { kind: 'answer'; decision: number; option: number; byOwner: boolean; role: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'speed'; speed: number }
  | { kind: 'release'; inject: number }
  | { kind: 'hold'; inject: number }
  | { kind: 'unhold'; inject: number }
  | { kind: 'observe'; tag: 'strength' | 'improvement' | 'note' }
  | { kind: 'jump' }
  | { kind: 'end' }
  | { kind: 'tick' };

interface Move {
  /** Wall milliseconds since the previous move. */
  gap: number;
  /** Ticks of the driver spread over the gap, before the move. */
  ticks: number;
  op: Op;
}

const speedArb = fc.constantFrom(1, 2, 7, 10, 60, 120, 600);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('action' as const), role: fc.nat(20), action: fc.nat(200), fromPlaybook: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('severity' as const), role: fc.nat(20), level: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), decision: fc.nat(20), option: fc.nat(5), byOwner: fc.boolean(), role: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('speed' as const), speed: speedArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), inject: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), inject: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unhold' as const), inject: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('observe' as const), tag: fc.constantFrom('strength' as const, 'improvement' as const, 'note' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'jump' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'end' as const }) },
);
const moveArb: fc.Arbitrary<Move> = fc.record({
  gap: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 60_000 }), fc.constant(0)),
  ticks: fc.nat(4),
  op: opArb,
});
const sessionArb = fc.record({
  world: fc.nat(worlds.length - 1),
  speed: speedArb,
  otherSpeed: speedArb,
  otherTicks: fc.nat(6),
  moves: fc.array(moveArb, { minLength: 1, maxLength: 40 }),
  finalGap: fc.integer({ min: 0, max: 120_000 }),
  cut: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  cutTime: fc.double({ min: 0, max: 1, noNaN: true }),
});

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** What a move asks the driver to do; a refusal is skipped, as the UI would show it and move on. */
function perform(driver: ClockDriver, world: World, op: Op, wall: number): void {
  const { session } = driver;
  const roles = [...world.plan.roles.map((r) => r.id), 'facilitator'];
  const record = (input: JournalInput, actor: string) => driver.record(input, wall, actor);
  switch (op.kind) {
    case 'tick':
      driver.tick(wall);
      return;
    case 'action': {
      const playbook = world.plan.playbooks.find((p) => p.threat === world.scenario.threat)!;
      const actions = op.fromPlaybook ? playbook.steps.flatMap((s) => s.actions) : world.plan.actions.map((a) => a.id);
      void record({ type: 'action.taken', action: pick(actions, op.action) }, pick(roles, op.role));
      return;
    }
    case 'severity':
      void record({ type: 'severity.declared', level: op.level }, pick(roles, op.role));
      return;
    case 'answer': {
      driver.tick(wall);
      const open = world.scenario.decisions.filter((d) => session.context.decisions[d.id]?.status === 'open');
      const decision = pick(open.length > 0 ? open : world.scenario.decisions.length > 0 ? world.scenario.decisions : [undefined], op.decision);
      if (!decision) return;
      void record({ type: 'decision.answered', decision: decision.id, option: pick(decision.options, op.option).id }, op.byOwner ? decision.role : pick(roles, op.role));
      return;
    }
    case 'pause':
      void driver.pause(wall);
      return;
    case 'resume':
      void driver.resume(wall);
      return;
    case 'speed':
      void driver.setSpeed(op.speed, wall);
      return;
    case 'release':
      void record({ type: 'inject.released', inject: pick(world.scenario.injects, op.inject).id }, 'facilitator');
      return;
    case 'hold':
      void record({ type: 'inject.held', inject: pick(world.scenario.injects, op.inject).id }, 'facilitator');
      return;
    case 'unhold':
      void record({ type: 'inject.resumed', inject: pick(world.scenario.injects, op.inject).id }, 'facilitator');
      return;
    case 'observe':
      void record({ type: 'observation.noted', text: `noted at wall ${wall}`, tag: op.tag }, 'facilitator');
      return;
    case 'jump':
      void driver.jumpToNextStop(wall);
      return;
    case 'end':
      void record({ type: 'session.ended', reason: 'the facilitator ended it' }, 'facilitator');
      return;
  }
}

/** Ticks `count` times evenly between two wall times (exclusive), then not at the end. */
function tickBetween(driver: ClockDriver, from: number, to: number, count: number) {
  for (let j = 1; j <= count; j++) driver.tick(from + ((to - from) * j) / (count + 1));
}

function start(world: World, speed: number, wall: number): Session {
  return Session.start({ plan: world.plan, scenario: world.scenario, sessionId: 'property', mode: 'facilitated', speed, wallTime: iso(wall) });
}

/** Run 1: the moves through a ClockDriver, with random wall gaps and ticks. */
function driveLive(world: World, speed: number, moves: Move[], finalGap: number): Session {
  const session = start(world, speed, WALL0);
  const driver = new ClockDriver(session, WALL0);
  let wall = WALL0;
  for (const move of moves) {
    tickBetween(driver, wall, wall + move.gap, move.ticks);
    wall += move.gap;
    try {
      perform(driver, world, move.op, wall);
    } catch (error) {
      if (!(error instanceof SessionRefusal)) throw error;
    }
  }
  tickBetween(driver, wall, wall + finalGap, 2);
  driver.tick(wall + finalGap);
  return session;
}

/**
 * Run 2: the same inputs at the same simulated times, through another ClockDriver started at
 * another speed and wall time and ticked differently. The wall time of each input is worked
 * out from the simulated time it must land on (half a simulated millisecond inside it, so the
 * driver's flooring lands exactly there).
 */
function driveAgain(world: World, journal: readonly JournalEntry[], speed: number, ticks: number, endAt: number): Session {
  const wall0 = WALL0 + 86_400_000 * 3 + 12_345;
  const session = start(world, speed, wall0);
  const driver = new ClockDriver(session, wall0);
  let lastWall = wall0;
  const wallFor = (simTime: number) => {
    const ctx = session.context;
    if (ctx.paused || ctx.ended) return lastWall + 1_000;
    expect(simTime).toBeGreaterThanOrEqual(session.now);
    return lastWall + (simTime - session.now + 0.5) / ctx.speed;
  };
  const land = (simTime: number) => {
    const wall = wallFor(simTime);
    tickBetween(driver, lastWall, wall, ticks);
    driver.tick(wall);
    lastWall = wall;
    return wall;
  };
  for (const entry of journal.slice(1)) {
    let recorded: JournalEntry;
    if (entry.type === 'session.ended' && entry.actor === SYSTEM) {
      // The end at the time limit is the session's own: the driver records it when it gets there.
      land(entry.simTime);
      recorded = session.journal[session.journal.length - 1]!;
    } else if (entry.type === 'clock.jumped') {
      recorded = driver.jumpToNextStop(land(entry.from));
    } else {
      const wall = land(entry.simTime);
      if (entry.type === 'clock.speed') recorded = driver.setSpeed(entry.speed, wall);
      else if (entry.type === 'clock.paused') recorded = driver.pause(wall);
      else if (entry.type === 'clock.resumed') recorded = driver.resume(wall);
      else recorded = driver.record(inputOf(entry), wall, entry.actor);
    }
    expect(recorded.simTime).toBe(entry.simTime);
  }
  if (!session.context.ended && !session.context.paused) land(endAt);
  else session.advanceTo(endAt);
  return session;
}

const cardJson = (card: Scorecard) => JSON.stringify(card);
const withoutWallTimes = (card: Scorecard) => JSON.stringify({ ...card, startedAt: undefined });

describe('replay properties over random sessions', () => {
  it(`hold for ${NUM_RUNS} random sessions of ${worlds.length} scenarios`, () => {
    const stats = { inputs: 0, sessions: 0, ended: 0, kinds: new Set<string>() };
    fc.assert(
      fc.property(sessionArb, ({ world: worldIndex, speed, otherSpeed, otherTicks, moves, finalGap, cut, cutTime }) => {
        const world = worlds[worldIndex]!;
        const live = driveLive(world, speed, moves, finalGap);
        const journal = live.journal;
        const card = scoreSession(live);
        stats.sessions++;
        stats.inputs += journal.length - 1;
        if (live.context.ended) stats.ended++;
        for (const e of journal) stats.kinds.add(e.type);

        // (a) The replay of the journal gives the same scorecard.
        const replayed = Session.replay(journal, world.plan, world.scenario, { until: live.now });
        expect(cardJson(scoreSession(replayed))).toBe(cardJson(card));
        expect(replayed.context).toEqual(live.context);
        // An ended session's journal says so by itself (the time limit's end is an entry): no `until` needed.
        if (live.context.ended) expect(cardJson(scoreSession(Session.replay(journal, world.plan, world.scenario)))).toBe(cardJson(card));

        // (b) Same inputs at the same simulated times, another base speed and tick granularity.
        const again = driveAgain(world, journal, otherSpeed === speed ? (speed === 600 ? 1 : 600) : otherSpeed, otherTicks, live.now);
        expect(again.journal.map(inputOf)).toEqual(journal.map(inputOf).map((input, i) => (i === 0 ? { ...input, speed: again.started.speed } : input)));
        expect(withoutWallTimes(scoreSession(again))).toBe(withoutWallTimes(card));

        // (c) Cut in two: replay up to the cut, record the rest live.
        const k = 1 + Math.floor(cut * journal.length);
        const from = journal[k - 1]!.simTime;
        const to = k < journal.length ? journal[k]!.simTime : live.now;
        const until = from + Math.floor(cutTime * (to - from));
        const resumed = Session.replay(journal.slice(0, k), world.plan, world.scenario, { until });
        for (const entry of journal.slice(k)) {
          // The end at the time limit is recorded by the session itself when its clock gets there.
          if (entry.type === 'session.ended' && entry.actor === SYSTEM) resumed.advanceTo(entry.simTime, () => entry.wallTime);
          else resumed.record(inputOf(entry), { simTime: entry.simTime, wallTime: entry.wallTime, actor: entry.actor });
        }
        resumed.advanceTo(live.now);
        expect(resumed.journal).toEqual(journal);
        expect(cardJson(scoreSession(resumed))).toBe(cardJson(card));
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    // The generator reaches the interesting inputs, not only refusals.
    expect(stats.inputs / stats.sessions).toBeGreaterThan(3);
    expect(stats.ended).toBeGreaterThan(0);
    for (const kind of ['action.taken', 'severity.declared', 'decision.answered', 'clock.paused', 'clock.resumed', 'clock.speed', 'clock.jumped', 'inject.released', 'inject.held', 'observation.noted', 'session.ended']) {
      expect(stats.kinds, kind).toContain(kind);
    }
  }, 120_000);
});
