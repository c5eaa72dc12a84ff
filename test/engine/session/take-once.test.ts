import { describe, expect, it } from 'vitest';
import { journalText, LEGACY_ENGINE_FORMAT, type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { Session, SessionRefusal } from '../../../engine/session/session.js';
import { ClockDriver } from '../../../engine/session/driver.js';
import { sessionView } from '../../../engine/protocol/view.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { iso, loadMini, MIN, startSession, WALL0 } from '../../helpers/world.js';

// An action is taken once: a second take (a double click on Take) is refused with who took it
// and when. A client's command id is kept on its entry, so the host can apply a command once.
// A session has a name, given at the start or by a rename that changes nothing else.

const CSA = 'cloud-security-analyst';
const at = (ms: number) => ({ simTime: ms, wallTime: iso(WALL0 + ms) });

describe('an action is taken once', () => {
  it('a second take is refused while the action runs and once it is done, naming who took it and when', () => {
    const session = startSession(loadMini());
    session.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, { ...at(12 * MIN), actor: CSA }); // 5 minutes long
    const length = session.journal.length;
    expect(() => session.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, { ...at(13 * MIN), actor: CSA }))
      .toThrow(new SessionRefusal('"Revoke the IAM access key" was already taken by Cloud Security Analyst at T+00:12:00 (in progress until T+00:17:00): an action is taken once'));
    expect(() => session.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, { ...at(30 * MIN), actor: 'incident-commander' }))
      .toThrow('"Revoke the IAM access key" was already taken by Cloud Security Analyst at T+00:12:00 (done): an action is taken once');
    expect(session.journal).toHaveLength(length);
    expect(session.check({ type: 'action.taken', action: 'revoke-iam-access-key' }, CSA)).toMatch(/already taken by Cloud Security Analyst/);
  });

  it('the view lists each action taken once, with who, when and whether it is done', () => {
    const session = startSession(loadMini());
    session.record({ type: 'action.taken', action: 'triage-alert' }, { ...at(2 * MIN), actor: CSA }); // 10 minutes long
    session.record({ type: 'action.taken', action: 'revoke-iam-access-key' }, { ...at(12 * MIN), actor: CSA });
    session.advanceTo(14 * MIN);
    expect(sessionView(session).actionsTaken).toEqual([
      { seq: 2, action: 'triage-alert', title: expect.any(String), by: CSA, takenAt: 2 * MIN, completesAt: 12 * MIN, status: 'done' },
      { seq: 3, action: 'revoke-iam-access-key', title: 'Revoke the IAM access key', by: CSA, takenAt: 12 * MIN, completesAt: 17 * MIN, status: 'in-progress' },
    ]);
  });

  it('a journal of engine format 1 that took an action twice still replays, to the same score as before', () => {
    const { plan, scenario } = loadMini();
    const session = startSession({ plan, scenario });
    session.record({ type: 'action.taken', action: 'triage-alert' }, { ...at(2 * MIN), actor: CSA });
    // Format 1: no hashes, and the second take the engine then accepted.
    const legacy = [
      { ...session.journal[0]!, engineFormat: LEGACY_ENGINE_FORMAT },
      session.journal[1]!,
      { ...session.journal[1]!, seq: 3, simTime: 3 * MIN, wallTime: iso(WALL0 + 3 * MIN) },
    ].map(({ hash: _hash, ...entry }) => entry) as JournalEntry[];
    const parsed = parseJournal(journalText(legacy));
    expect(parsed.integrity).toEqual({ status: 'unverified', unchainedEntries: 3 });
    const replayed = Session.replay(parsed.entries, plan, scenario);
    expect(replayed.journal).toHaveLength(3);
    expect(scoreSession(replayed).timeline.filter((t) => t.kind === 'action-taken')).toHaveLength(2);
    // Entries added to it are chained on from the unchained ones.
    const entry = replayed.record({ type: 'observation.noted', text: 'resumed', tag: 'note' }, { ...at(4 * MIN), actor: 'facilitator' });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseJournal(journalText(replayed.journal)).integrity).toEqual({ status: 'unverified', unchainedEntries: 3 });
  });
});

describe('command ids', () => {
  it('are kept on their entry, and found again after a replay', () => {
    const world = loadMini();
    const session = startSession(world);
    const driver = new ClockDriver(session, WALL0);
    const entry = driver.record({ type: 'action.taken', action: 'triage-alert' }, WALL0 + 1_000, CSA, 'take-triage-1');
    const paused = driver.pause(WALL0 + 2_000, 'pause-0001');
    expect(entry.commandId).toBe('take-triage-1');
    expect(session.entryForCommand('take-triage-1')).toBe(entry);
    const replayed = Session.replay(parseJournal(journalText(session.journal)).entries, world.plan, world.scenario);
    expect(replayed.entryForCommand('take-triage-1')).toEqual(entry);
    expect(replayed.entryForCommand('pause-0001')).toEqual(paused);
    expect(replayed.entryForCommand('never-sent')).toBeUndefined();
  });

  it('are 8 to 64 letters, digits or . _ : -, in the session and in the file', () => {
    const session = startSession(loadMini());
    expect(() => session.record({ type: 'clock.paused' }, { ...at(0), actor: 'facilitator', commandId: 'short' })).toThrow('"short" is not a command id (8 to 64 letters, digits, ".", "_", ":" or "-")');
    expect(session.journal).toHaveLength(1);
    const line = JSON.stringify({ ...session.journal[0], hash: undefined, commandId: 'has space!' });
    expect(parseJournal(`${line}\n`).errors).toEqual([{ line: 1, message: expect.stringMatching(/^commandId: a command id is 8 to 64/) }]);
  });
});

describe('session names', () => {
  it('a name given at the start, then a rename journaled as session.renamed that changes nothing else, even after the end', () => {
    const world = loadMini();
    const session = Session.start({ ...world, sessionId: 'named', mode: 'solo', speed: 1, name: 'Tuesday drill', wallTime: iso(WALL0) });
    expect(session.name).toBe('Tuesday drill');
    expect(sessionView(session).name).toBe('Tuesday drill');
    session.record({ type: 'action.taken', action: 'triage-alert' }, { ...at(2 * MIN), actor: CSA });
    session.record({ type: 'session.ended' }, { ...at(3 * MIN), actor: 'facilitator' });
    const before = scoreSession(session);
    const renamed = session.record({ type: 'session.renamed', name: 'Tuesday drill (Blue team)' }, { ...at(3 * MIN), actor: 'facilitator' });
    expect(renamed).toMatchObject({ type: 'session.renamed', seq: 4, simTime: 3 * MIN });
    expect(session.name).toBe('Tuesday drill (Blue team)');
    const after = scoreSession(session);
    // The scorecard names the session as it is named now; nothing else changes.
    expect(before.sessionName).toBe('Tuesday drill');
    expect(after.sessionName).toBe('Tuesday drill (Blue team)');
    expect({ ...after, timeline: [], sessionName: '' }).toEqual({ ...before, timeline: [], sessionName: '' });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'session', title: 'Session renamed "Tuesday drill (Blue team)"', seq: 4 });
    expect(() => session.record({ type: 'session.renamed', name: 'x' }, { ...at(3 * MIN), actor: CSA })).toThrow('only the facilitator can rename a session');
    const replayed = Session.replay(parseJournal(journalText(session.journal)).entries, world.plan, world.scenario);
    expect(replayed.name).toBe('Tuesday drill (Blue team)');
  });
});
