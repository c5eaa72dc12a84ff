import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { parseJournal } from '../../../engine/session/journal.js';
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
