import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { asCommandFailure } from '../../../host/service/command-failure.js';

/** What the client would get: the service's refusal as a command failure. */
const failureOf = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => asCommandFailure(error) ?? error);

// A live session that its scenario's time limit ends is ended for good: the end is journaled
// like any input, so the session list and the history count it ended, and a restarted server
// replays it ended, with the score the live session had, instead of running it again.

let dataDir: string;
let clock: { wall: number };
const newHost = () => new FiredrillHost({ dataDir, events: { update: () => {}, closed: () => {} }, now: () => clock.wall });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-time-limit-'));
  clock = { wall: Date.parse('2026-03-14T09:00:00Z') };
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const journalOf = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8'));

describe('a live session ended by its time limit', () => {
  it('is journaled ended: in the list, in the history, and after a restart, with the same score', async () => {
    const host = newHost();
    const live = await host.sessions.create({ scenarioId: 'public-test-bucket', mode: 'solo', speed: 600, participants: {} });
    const { sessionId } = live.session.started;
    const limit = live.session.index.scenario.end.timeLimit; // 10 days: 24 wall minutes at 600x
    // Ticks 10 wall seconds apart (less than a sleep gap), as many as the limit needs and no more.
    for (let tick = 0; tick < 1_000 && !live.session.context.ended; tick++) {
      clock.wall += 10_000;
      host.sessions.tick();
    }
    await live.persist();
    const journal = journalOf(sessionId);
    expect(journal.entries.at(-1)).toMatchObject({ type: 'session.ended', actor: 'system', simTime: limit, reason: 'the scenario time limit was reached' });
    expect(journal.integrity).toEqual({ status: 'verified' });
    const score = (await host.reports.scorecard(sessionId)).scorecard.overallScore;

    expect(await failureOf(host.sessions.end({ sessionId }))).toMatchObject({ code: 'refused', message: expect.stringMatching(/the session ended at T\+10d 00:00:00/) });
    expect((await host.sessions.list({})).sessions).toEqual([expect.objectContaining({ id: sessionId, state: 'ended', ended: true, simTime: limit, score })]);
    const history = await host.reports.history({});
    expect(history.running).toBe(0);
    expect(history.history.drills.map((drill) => drill.sessionId)).toEqual([sessionId]);
    await host.close();

    const restarted = newHost();
    const { live: again } = await restarted.sessions.open(sessionId);
    expect(again.session.context.ended).toEqual({ at: limit, reason: 'the scenario time limit was reached' });
    clock.wall += 10_000;
    restarted.sessions.tick();
    await again.persist();
    expect(journalOf(sessionId).entries).toHaveLength(journal.entries.length);
    expect((await restarted.reports.scorecard(sessionId)).scorecard.overallScore).toBe(score);
    await restarted.close();
  });

  it('is journaled even when a command arrives after the limit and is refused', async () => {
    const host = newHost();
    const live = await host.sessions.create({ scenarioId: 'public-test-bucket', mode: 'solo', speed: 600, participants: {} });
    const { sessionId } = live.session.started;
    // No tick since the start: the clock reaches the limit inside the command, which is then refused.
    clock.wall += 10 * 24 * 3600_000 / 600 + 1_000;
    expect(await failureOf(host.sessions.input({ sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'too late', tag: 'note' } }))).toMatchObject({ code: 'refused' });
    expect(journalOf(sessionId).entries.map((e) => `${e.type} by ${e.actor}`)).toEqual(['session.started by system', 'session.ended by system']);
    await host.close();
  });
});
