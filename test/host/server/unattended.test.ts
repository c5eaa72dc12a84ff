import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import type { LiveSession } from '../../../host/service/live-session.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { SLEEP_GAP_MS } from '../../../host/service/session-service.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// A session nobody is watching pauses: at 600x a closed tab would otherwise let hours of
// simulated time go by, with decisions timing out to their defaults and deadlines passing.

let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-unattended-'));
  server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const journalTypes = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8')).entries.map((e) => e.type);

/** Polls the journal on disk (the pause is journaled after the disconnect is seen). */
async function untilJournal(sessionId: string, test: (types: string[]) => boolean): Promise<string[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const types = journalTypes(sessionId);
    if (test(types)) return types;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return journalTypes(sessionId);
}

describe('a session left without a page', () => {
  it('pauses when its last client disconnects, not while another still has it open', async () => {
    const first = await ProtocolClient.connect(server.port, server.token);
    const second = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await first.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600 });
    await second.ok('session.open', { sessionId });

    first.close();
    // The second page still watches: the journal gains no pause (checked after the server has seen the disconnect).
    await second.ok('session.list', {});
    expect(journalTypes(sessionId)).toEqual(['session.started']);

    second.close();
    expect(await untilJournal(sessionId, (types) => types.length > 1)).toEqual(['session.started', 'clock.paused']);

    const third = await ProtocolClient.connect(server.port, server.token);
    const reopened = await third.ok('session.open', { sessionId });
    expect(reopened.view.paused).toBe(true);
    third.close();
  });

  it('tells the page that reopens it why it stands still, until it is resumed', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600 });
    client.close();
    await untilJournal(sessionId, (types) => types.length > 1);

    const reloaded = await ProtocolClient.connect(server.port, server.token);
    const { view } = await reloaded.ok('session.open', { sessionId });
    expect(view).toMatchObject({ paused: true, pauseCause: 'page-closed' });
    // The journal keeps why, so a host started again says it too.
    const onDisk = parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8')).entries.at(-1);
    expect(onDisk).toMatchObject({ type: 'clock.paused', cause: 'page-closed' });
    // Once resumed, the pause is over; a pause of the facilitator's own then has no cause.
    expect((await reloaded.ok('clock.resume', { sessionId })).view.pauseCause).toBeUndefined();
    expect((await reloaded.ok('clock.pause', { sessionId })).view).not.toHaveProperty('pauseCause');
    reloaded.close();
  });

  it('pauses when its last client closes it, and leaves a paused or ended session as it is', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 1 });
    await client.ok('session.close', { sessionId });
    expect(await untilJournal(sessionId, (types) => types.length > 1)).toEqual(['session.started', 'clock.paused']);

    await client.ok('session.open', { sessionId });
    await client.ok('session.end', { sessionId });
    await client.ok('session.close', { sessionId });
    await client.ok('session.list', {});
    expect(journalTypes(sessionId)).toEqual(['session.started', 'clock.paused', 'session.ended']);
    client.close();
  });
});

/** A host whose wall clock the test moves, with a running 60x session; removed after `test`. */
async function withSleepyHost(test: (host: FiredrillHost, live: LiveSession, clock: { wall: number }) => Promise<void> | void): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'firedrill-sleep-'));
  const clock = { wall: Date.parse('2026-03-14T09:00:00Z') };
  const host = new FiredrillHost({ dataDir: folder, events: { update: () => {}, closed: () => {} }, now: () => clock.wall });
  try {
    await test(host, await host.sessions.create({ scenarioId: 'public-test-bucket', mode: 'solo', speed: 60, participants: {} }), clock);
  } finally {
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('a machine that slept', () => {
  it('pauses running sessions where they were when the ticks stopped, rather than jump by the whole sleep', () => withSleepyHost((host, live, clock) => {
    for (let tick = 0; tick < 8; tick++) {
      clock.wall += 250;
      host.sessions.tick();
    }
    const before = live.session.now;
    expect(before).toBe(2 * 60_000); // 2 wall seconds at 60x
    clock.wall += 30 * 60_000; // the lid closed for half an hour
    host.sessions.tick();
    expect(live.session.context.paused).toBe(true);
    expect(live.session.now).toBe(before);
    const paused = live.session.journal.at(-1)!;
    expect(paused).toMatchObject({ type: 'clock.paused', simTime: before, wallTime: new Date(clock.wall - 30 * 60_000).toISOString() });
    expect(live.view()).toMatchObject({ paused: true, pauseCause: 'machine-asleep' });
    expect(SLEEP_GAP_MS).toBeLessThan(30 * 60_000);
  }));

  it('keeps ticking through ordinary gaps', () => withSleepyHost((host, live, clock) => {
    host.sessions.tick();
    clock.wall += SLEEP_GAP_MS; // a busy moment, not a sleep
    host.sessions.tick();
    expect(live.session.context.paused).toBe(false);
    expect(live.session.now).toBe(SLEEP_GAP_MS * 60);
  }));
});
