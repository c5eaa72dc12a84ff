import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// Sessions are released when nobody holds them: create, end, close and disconnect used to leave
// an open journal file and the session's memory behind, until the process ran out of file
// handles. Open files are counted from /proc/self/fd (Linux), so the test is exact.

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let server: RunningServer;

/** Files of the data folder this process has open. */
function openFilesUnder(dir: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      // The fd closed while the folder was read (readdir's own one, for one).
    }
  }
  return open;
}

/** Polls (bounded) until the server has seen a disconnect or a close and released what it let go. */
async function until(test: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 300 && !test(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  return test();
}

const journalTypes = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8')).entries.map((e) => e.type);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-release-'));
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('a session nobody holds is released', () => {
  it('created, ended and closed: its journal is closed', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    try {
      const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo' });
      expect(openFilesUnder(dataDir)).toEqual([join(dataDir, 'sessions', `${sessionId}.jsonl`)]);
      await client.ok('session.end', { sessionId });
      // Ended, but still open on this page (its debrief): held.
      expect(openFilesUnder(dataDir)).toHaveLength(1);
      await client.ok('session.close', { sessionId });
      expect(await until(() => openFilesUnder(dataDir).length === 0)).toBe(true);
      expect(journalTypes(sessionId)).toEqual(['session.started', 'session.ended']);
    } finally {
      client.close();
    }
  });

  it('running, left by its last page: paused, released, and reopened from its journal as it was', async () => {
    const first = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await first.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 60 });
    await first.ok('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'Kept.', tag: 'note' } });
    first.close();
    expect(await until(() => openFilesUnder(dataDir).length === 0)).toBe(true);
    expect(journalTypes(sessionId)).toEqual(['session.started', 'observation.noted', 'clock.paused']);

    const second = await ProtocolClient.connect(server.port, server.token);
    try {
      const { view } = await second.ok('session.open', { sessionId });
      expect(view).toMatchObject({ paused: true, journalLength: 3, observations: [{ text: 'Kept.' }] });
      await second.ok('clock.resume', { sessionId });
      expect(journalTypes(sessionId)).toEqual(['session.started', 'observation.noted', 'clock.paused', 'clock.resumed']);
    } finally {
      second.close();
    }
    expect(await until(() => openFilesUnder(dataDir).length === 0)).toBe(true);
  });

  it('stays live while another page holds it', async () => {
    const first = await ProtocolClient.connect(server.port, server.token);
    const second = await ProtocolClient.connect(server.port, server.token);
    try {
      const { sessionId } = await first.ok('session.create', { scenarioId: SCENARIO, mode: 'solo' });
      await second.ok('session.open', { sessionId });
      await first.ok('session.close', { sessionId });
      await first.ok('session.list', {}); // the close has been handled
      expect(openFilesUnder(dataDir)).toHaveLength(1);
      await second.ok('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'Still live.', tag: 'note' } });
      await second.ok('session.close', { sessionId });
      expect(await until(() => openFilesUnder(dataDir).length === 0)).toBe(true);
    } finally {
      first.close();
      second.close();
    }
  });

  it('100 sessions created and closed leave no file open', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    try {
      for (let n = 0; n < 100; n++) {
        const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo' });
        await client.ok('session.close', { sessionId });
      }
      expect(await until(() => openFilesUnder(dataDir).length === 0)).toBe(true);
    } finally {
      client.close();
    }
  }, 60_000);
});

describe('the host counts who holds a session', () => {
  it('releases it when the last holder lets go, and a holder that comes back reopens it from its journal on its next input', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'firedrill-holders-'));
    const host = new FiredrillHost({ dataDir: folder, events: { update: () => {}, closed: () => {} } });
    try {
      const page = { forget: () => {} };
      const window = { forget: () => {} };
      const live = await host.sessions.create({ scenarioId: SCENARIO, mode: 'solo', speed: 1, participants: {} });
      host.sessions.hold(live.id, page);
      host.sessions.hold(live.id, window);
      host.sessions.letGo(live.id, page);
      expect(host.sessions.isLive(live.id)).toBe(true);
      host.sessions.letGo(live.id, window);
      expect(await until(() => !host.sessions.isLive(live.id))).toBe(true);
      // The page's connection is recovered (it had the session open): its next input reopens it.
      host.sessions.hold(live.id, page);
      const recorded = await host.sessions.resume(live.id);
      expect(recorded.entry.type).toBe('clock.resumed');
      expect(recorded.view.journalLength).toBe(3);
      expect(host.sessions.isLive(live.id)).toBe(true);
      // Nobody holds it: an input is refused, not reopened.
      host.sessions.letGo(live.id, page);
      expect(await until(() => !host.sessions.isLive(live.id))).toBe(true);
      await expect(host.sessions.pause(live.id)).rejects.toMatchObject({ code: 'not-open' });
    } finally {
      await host.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
