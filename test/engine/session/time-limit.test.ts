import { describe, expect, it } from 'vitest';
import { ClockDriver } from '../../../engine/session/driver.js';
import { journalText, TIME_LIMIT_REASON, type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { playScript } from '../../../engine/session/play-script.js';
import { Session } from '../../../engine/session/session.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { scorecardText } from '../../../host/export/scorecard-text.js';
import { rechained } from '../../helpers/chain.js';
import { bundledLibrary, iso, MIN, startSession, tinyWorld, WALL0 } from '../../helpers/world.js';

// A session ended by its scenario's time limit is ended in its journal: the end is an entry
// by the system at the limit, so a replay, a restart and `firedrill replay` all see the end the
// live session saw.

const HOUR = 60 * MIN;

describe('a session ended by its time limit', () => {
  it('journals the end at the limit, by the system, stamped with the wall time the clock reached it', () => {
    const world = tinyWorld(); // time limit 4h
    const session = startSession(world, { speed: 600 });
    const driver = new ClockDriver(session, WALL0);
    expect(driver.tick(WALL0 + 1_000)).toEqual([]);
    const recorded = driver.tick(WALL0 + 3600_000); // 600 simulated hours
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ seq: 2, type: 'session.ended', reason: TIME_LIMIT_REASON, actor: 'system', simTime: 4 * HOUR, wallTime: iso(WALL0 + (4 * HOUR) / 600) });
    expect(session.journal.at(-1)).toBe(recorded[0]);
    expect(session.context.ended).toEqual({ at: 4 * HOUR, reason: TIME_LIMIT_REASON });
    // Once: later ticks record nothing more.
    expect(driver.tick(WALL0 + 7200_000)).toEqual([]);
    expect(session.journal).toHaveLength(2);
  });

  it('is ended when its journal is replayed alone, as after a restart: it does not run again', () => {
    const world = tinyWorld();
    const live = startSession(world, { speed: 600 });
    const driver = new ClockDriver(live, WALL0);
    driver.record({ type: 'observation.noted', text: 'before the limit', tag: 'note' }, WALL0 + 6_000, 'facilitator');
    driver.tick(WALL0 + 3600_000);
    const { entries, errors, integrity } = parseJournal(journalText(live.journal));
    expect(errors).toEqual([]);
    expect(integrity).toEqual({ status: 'verified' });

    const restarted = Session.replay(entries, world.plan, world.scenario);
    expect(restarted.context.ended).toEqual(live.context.ended);
    expect(scoreSession(restarted)).toEqual(scoreSession(live));
    const again = new ClockDriver(restarted, WALL0 + 9_000_000);
    expect(again.tick(WALL0 + 12_000_000)).toEqual([]);
    expect(() => again.record({ type: 'session.ended' }, WALL0 + 12_000_000, 'facilitator')).toThrow(/the session ended at T\+04:00:00 \(the scenario time limit was reached\)/);
  });

  it('an input at or after the limit is refused after the end is journaled, and the end is there to store', () => {
    const world = tinyWorld();
    const session = startSession(world);
    expect(() => session.record({ type: 'observation.noted', text: 'too late', tag: 'note' }, { simTime: 5 * HOUR, wallTime: iso(WALL0), actor: 'facilitator' })).toThrow(/ended at T\+04:00:00/);
    expect(session.journal.map((e) => [e.type, e.actor, e.simTime])).toEqual([['session.started', 'system', 0], ['session.ended', 'system', 4 * HOUR]]);
  });

  it('a journal whose system end is not where the time limit falls does not replay', () => {
    const world = tinyWorld();
    const session = startSession(world);
    session.advanceTo(4 * HOUR);
    const early = rechained(session.journal.map((e) => (e.type === 'session.ended' ? { ...e, simTime: 3 * HOUR } : e)) as JournalEntry[]);
    expect(() => Session.replay(early, world.plan, world.scenario)).toThrow(/only the scenario's time limit \(T\+04:00:00\) ends a session by itself/);
    const twice = rechained([...session.journal, { ...session.journal[1]!, seq: 3 }] as JournalEntry[]);
    expect(() => Session.replay(twice, world.plan, world.scenario)).toThrow(/journal entry 3 \(session.ended\) cannot be replayed/);
  });
});

describe('run and replay agree for every bundled script, with and without its end step', () => {
  const library = bundledLibrary();
  const scripts = [...library.scripts.entries()].flatMap(([scenarioId, byName]) => [...byName.entries()].map(([name, loaded]) => ({ scenarioId, name, script: loaded.script })));

  it.each(scripts.flatMap((s) => [{ ...s, end: true }, { ...s, end: false }]).map((s) => [`${s.scenarioId} ${s.name}${s.end ? '' : ' without its end step'}`, s] as const))('%s', (_title, { scenarioId, script, end }) => {
    const scenario = library.scenarios.get(scenarioId)!.scenario;
    const plan = library.plans.get(scenario.plan)!.plan;
    const steps = end ? script.steps : script.steps.filter((step) => step.end === undefined);
    const run = playScript(plan, scenario, { ...script, steps });
    // What `firedrill run --journal` writes, then what `firedrill replay` reads back.
    const { entries, errors, integrity } = parseJournal(journalText(run.journal));
    expect(errors).toEqual([]);
    expect(integrity).toEqual({ status: 'verified' });
    const replayed = Session.replay(entries, plan, scenario);
    expect(scorecardText(scoreSession(replayed), 'json')).toBe(scorecardText(scoreSession(run), 'json'));
    expect(replayed.context.ended).toEqual(run.context.ended);
    if (!end) expect(run.journal.at(-1)).toMatchObject({ type: 'session.ended', actor: 'system', simTime: scenario.end.timeLimit });
  });
});
