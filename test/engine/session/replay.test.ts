import { describe, expect, it } from 'vitest';
import { ClockDriver } from '../../../engine/session/driver.js';
import { serializeEntry, type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { JournalMismatch, Session } from '../../../engine/session/session.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { loadMini, MIN, miniVariant, startSession, tinyWorld, WALL0 } from '../../helpers/world.js';

// The journal is the truth: the state at any simulated time is a pure function of the journal.

/** A live session of the mini scenario driven at 60x, with a snapshot taken at each checkpoint. */
function liveWithCheckpoints(checkpoints: number[]) {
  const world = loadMini();
  const session = startSession(world, { speed: 60 });
  const driver = new ClockDriver(session, WALL0);
  // Wall time at 60x: one wall second is one simulated minute.
  const wall = (simMinutes: number) => WALL0 + simMinutes * 1_000;
  const script: [number, (w: number) => void][] = [
    [2, (w) => driver.record({ type: 'action.taken', action: 'triage-alert' }, w, 'cloud-security-analyst')],
    [5, (w) => driver.record({ type: 'observation.noted', text: 'Triage started quickly', tag: 'strength', objective: 'OBJ-1' }, w, 'facilitator')],
    [14, (w) => driver.record({ type: 'severity.declared', level: 3 }, w, 'incident-commander')],
    [15, (w) => driver.pause(w)],
    [15, (w) => driver.record({ type: 'inject.held', inject: 'INJ-07' }, w + 3600_000, 'facilitator')],
    [15, (w) => driver.resume(w + 2 * 3600_000)],
    [22, (w) => driver.record({ type: 'action.taken', action: 'terminate-instance' }, w + 2 * 3600_000, 'cloud-security-analyst')],
    [24, (w) => driver.record({ type: 'decision.answered', decision: 'DEC-01', option: 'notify' }, w + 2 * 3600_000, 'legal-compliance')],
    [30, (w) => driver.record({ type: 'severity.declared', level: 2 }, w + 2 * 3600_000, 'incident-commander')],
    [31, (w) => driver.setSpeed(600, w + 2 * 3600_000)],
  ];
  // After the speed change at T+31m, a wall second is ten simulated minutes.
  const wallAfter = (simMinutes: number) => wall(31) + 2 * 3600_000 + ((simMinutes - 31) * 1_000) / 10;
  const later: [number, (w: number) => void][] = [
    [40, (w) => driver.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, w, 'incident-commander')],
    [60, (w) => driver.record({ type: 'action.taken', action: 'notify-regulator' }, w, 'legal-compliance')],
    [70, (w) => driver.record({ type: 'inject.released', inject: 'INJ-07' }, w, 'facilitator')],
    [80, (w) => driver.record({ type: 'action.taken', action: 'rotate-secrets' }, w, 'cloud-security-analyst')],
    [130, (w) => driver.record({ type: 'action.taken', action: 'restore-from-backup' }, w, 'incident-commander')],
  ];
  const steps = [
    ...script.map(([minutes, run]) => ({ at: minutes * MIN, run: () => run(wall(minutes)), tick: (t: number) => driver.tick(wall(t / MIN) + (t > 15 * MIN ? 2 * 3600_000 : 0)) })),
    ...later.map(([minutes, run]) => ({ at: minutes * MIN, run: () => run(wallAfter(minutes)), tick: (t: number) => driver.tick(wallAfter(t / MIN)) })),
  ];
  const snapshots = new Map<number, { context: unknown; card: string; value: unknown }>();
  const take = (t: number) => snapshots.set(t, { context: structuredClone(session.context), card: JSON.stringify(scoreSession(session)), value: session.snapshot().value });
  const pending = [...checkpoints].sort((a, b) => a - b);
  for (const [i, step] of steps.entries()) {
    // Checkpoints before this step's time (and after the previous step's) are taken by ticking to them.
    while (pending.length > 0 && pending[0]! < step.at) {
      const t = pending.shift()!;
      (i === 0 ? steps[0]! : steps[i - 1]!).tick(t);
      expect(session.now).toBe(t);
      take(t);
    }
    step.run();
  }
  for (const t of pending) {
    steps.at(-1)!.tick(t);
    expect(session.now).toBe(t);
    take(t);
  }
  return { world, session, snapshots };
}

describe('the state at any simulated time is a pure function of the journal', () => {
  // Before anything, mid-triage, just after detection, during the pause, after each of several
  // inputs, at deadlines and timers, and long after the last input.
  const checkpoints = [MIN, 11 * MIN, 12 * MIN, 12 * MIN + 60, 15 * MIN - 60, 20 * MIN, 27 * MIN, 45 * MIN, 72 * MIN, 110 * MIN, 190 * MIN, 191 * MIN, 230 * MIN];

  it('Session.replay(journal, { until }) equals the live session at each of those times', () => {
    const { world, session, snapshots } = liveWithCheckpoints(checkpoints);
    expect(snapshots.size).toBe(checkpoints.length);
    for (const [t, live] of snapshots) {
      const replayed = Session.replay(session.journal, world.plan, world.scenario, { until: t });
      expect(replayed.now, `T=${t}`).toBe(t);
      expect(replayed.context, `context at T=${t}`).toEqual(live.context);
      expect(replayed.snapshot().value, `machine state at T=${t}`).toEqual(live.value);
      expect(JSON.stringify(scoreSession(replayed)), `scorecard at T=${t}`).toBe(live.card);
    }
  });

  it('the checkpoints are not all alike: the session really moved between them', () => {
    const { snapshots } = liveWithCheckpoints(checkpoints);
    const cards = new Set([...snapshots.values()].map((s) => s.card));
    expect(cards.size).toBeGreaterThan(8);
  });

  it('replaying twice, or from the serialized journal, gives the same result', () => {
    const { world, session } = liveWithCheckpoints([200 * MIN]);
    const text = session.journal.map((e) => `${serializeEntry(e)}\n`).join('');
    const parsed = parseJournal(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual(session.journal);
    const a = scoreSession(Session.replay(parsed.entries, world.plan, world.scenario, { until: 200 * MIN }));
    const b = scoreSession(Session.replay(parsed.entries, world.plan, world.scenario, { until: 200 * MIN }));
    expect(a).toEqual(b);
    expect(a).toEqual(scoreSession(session));
  });

  it('a replay up to a time before an entry does not see that entry', () => {
    const { world, session } = liveWithCheckpoints([200 * MIN]);
    const early = Session.replay(session.journal, world.plan, world.scenario, { until: 13 * MIN });
    expect(early.journal.every((e) => e.simTime <= 13 * MIN)).toBe(true);
    expect(early.context.severity).toBeNull();
    expect(scoreSession(early).severity.declared).toBeNull();
  });
});

describe('a journal recorded against another scenario or plan is refused', () => {
  const recorded = () => {
    const world = loadMini();
    const session = startSession(world);
    session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: MIN, wallTime: new Date(WALL0).toISOString(), actor: 'cloud-security-analyst' });
    return session.journal as JournalEntry[];
  };

  it('a changed scenario (same id, other content): JournalMismatch naming the scenario', () => {
    const journal = recorded();
    const { plan, scenario } = miniVariant((raw) => {
      (raw.injects as { body: string }[])[1]!.body = 'The SIEM correlates GetSecretValue calls on fifty secrets.';
    });
    expect(scenario.id).toBe('mini-leaked-key');
    const attempt = () => Session.replay(journal, plan, scenario);
    expect(attempt).toThrow(JournalMismatch);
    expect(attempt).toThrow(/scenario "mini-leaked-key" has changed since the journal was recorded/);
  });

  it('a changed plan: JournalMismatch naming the plan', () => {
    const journal = recorded();
    const { plan, scenario } = loadMini();
    // The same plan id with one field changed: a validated plan, revised.
    const changedPlan = { ...plan, title: 'Mini plan, revised' };
    const attempt = () => Session.replay(journal, changedPlan, scenario);
    expect(attempt).toThrow(JournalMismatch);
    expect(attempt).toThrow(/plan "mini" has changed since the journal was recorded/);
  });

  it('another scenario altogether', () => {
    const journal = recorded();
    const tiny = tinyWorld();
    expect(() => Session.replay(journal, tiny.plan, tiny.scenario)).toThrow(/the journal is of scenario "mini-leaked-key", not "tiny-clock"/);
  });

  it('another engine format', () => {
    const [started, ...rest] = recorded();
    const { plan, scenario } = loadMini();
    const future = { ...started!, engineFormat: 3 } as unknown as JournalEntry;
    expect(() => Session.replay([future, ...rest], plan, scenario)).toThrow(/engine format 3/);
  });
});

describe('parseJournal', () => {
  const lines = () => {
    const world = loadMini();
    const session = startSession(world);
    session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: MIN, wallTime: new Date(WALL0).toISOString(), actor: 'cloud-security-analyst' });
    session.record({ type: 'severity.declared', level: 2 }, { simTime: 2 * MIN, wallTime: new Date(WALL0).toISOString(), actor: 'incident-commander' });
    return session.journal.map(serializeEntry);
  };

  it('sets a torn last line apart (a crash mid-write) and keeps every complete entry', () => {
    const all = lines();
    const torn = all[2]!.slice(0, 37);
    const result = parseJournal(`${all[0]}\n${all[1]}\n${torn}`);
    expect(result.errors).toEqual([]);
    expect(result.torn).toBe(torn);
    expect(result.entries.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a whole journal has no torn line', () => {
    const result = parseJournal(`${lines().join('\n')}\n`);
    expect(result.torn).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(3);
  });

  it('a corrupt line in the middle is an error with its line number, not a tear', () => {
    const all = lines();
    const result = parseJournal(`${all[0]}\n${all[1]!.slice(0, 20)}\n${all[2]}\n`);
    expect(result.torn).toBeUndefined();
    expect(result.errors).toContainEqual({ line: 2, message: 'not valid JSON' });
  });

  it('a corrupt last line followed by a newline was written whole: an error, not a tear', () => {
    const all = lines();
    const result = parseJournal(`${all[0]}\n${all[1]}\n${all[2]!.slice(0, 20)}\n`);
    expect(result.torn).toBeUndefined();
    expect(result.errors).toEqual([{ line: 3, message: 'not valid JSON' }]);
  });

  it('a journal from a newer Firedrill (a later engine format) is said to be one, on its first line', () => {
    const all = lines();
    const future = JSON.stringify({ ...JSON.parse(all[0]!), engineFormat: 3 });
    const result = parseJournal(`${future}\n${all[1]}\n`);
    expect(result.errors).toContainEqual({ line: 1, message: 'engineFormat: the journal was written by a newer Firedrill (engine format 3): this Firedrill replays engine formats 1 and 2; open it with that version, or update this one' });
    const garbled = parseJournal(`${JSON.stringify({ ...JSON.parse(all[0]!), engineFormat: 'two' })}\n`);
    expect(garbled.errors).toContainEqual({ line: 1, message: 'engineFormat: "two" is not an engine format: this Firedrill replays engine formats 1 and 2' });
  });

  it('an entry that breaks the schema is located', () => {
    const all = lines();
    const bad = JSON.stringify({ ...JSON.parse(all[1]!), simTime: -5 });
    const result = parseJournal(`${all[0]}\n${bad}\n`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(2);
  });
});
