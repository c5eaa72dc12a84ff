import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// A double click on Take sent the command twice and the action was recorded twice. A command
// may carry the client's id: the host records a command id once per session, and a repeat (a
// double send, a retry after a reconnection, even after the server restarted) gets the entry
// first recorded and the view now, and records nothing.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-idempotent-'));
  server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const journalOf = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8')).entries;
const take = (sessionId: string, commandId?: string) =>
  ({ sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken' as const, action: 'revoke-iam-access-key' }, ...(commandId ? { commandId } : {}) });

describe('a command sent twice', () => {
  it('with one command id, both at once (a double click): recorded once, both answered with that entry', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 });
    const [first, second] = await Promise.all([client.command('session.input', take(sessionId, 'take-7f3a9c21')), client.command('session.input', take(sessionId, 'take-7f3a9c21'))]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.result.entry).toEqual(first.result.entry);
    expect(first.result.entry).toMatchObject({ seq: 2, type: 'action.taken', commandId: 'take-7f3a9c21' });
    expect(journalOf(sessionId).map((e) => e.type)).toEqual(['session.started', 'action.taken']);
    client.close();
  });

  it('clock and end commands too; without a command id the second take is refused, saying who took it and when', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 });
    await client.ok('session.input', take(sessionId));
    const again = await client.fail('session.input', take(sessionId));
    expect(again).toMatchObject({ code: 'refused', message: expect.stringMatching(/^"Deactivate the compromised IAM access key" was already taken by Cloud Security Analyst at T\+00:00:0\d \((in progress until T\+[\d:]+|done)\): an action is taken once$/) });

    const pause = await client.ok('clock.pause', { sessionId, commandId: 'pause-00000001' });
    expect(await client.ok('clock.pause', { sessionId, commandId: 'pause-00000001' })).toMatchObject({ entry: pause.entry, view: { paused: true } });
    const speed = await client.ok('clock.speed', { sessionId, speed: 10, commandId: 'speed-0000001' });
    expect((await client.ok('clock.speed', { sessionId, speed: 10, commandId: 'speed-0000001' })).entry).toEqual(speed.entry);
    const resume = await client.ok('clock.resume', { sessionId, commandId: 'resume-0000001' });
    expect((await client.ok('clock.resume', { sessionId, commandId: 'resume-0000001' })).entry).toEqual(resume.entry);
    const jump = await client.ok('clock.jump', { sessionId, commandId: 'jump-00000001' });
    expect((await client.ok('clock.jump', { sessionId, commandId: 'jump-00000001' })).entry).toEqual(jump.entry);
    const end = await client.ok('session.end', { sessionId, commandId: 'end-000000001' });
    expect(await client.ok('session.end', { sessionId, commandId: 'end-000000001' })).toMatchObject({ entry: end.entry, view: { ended: expect.anything() } });
    expect(journalOf(sessionId).map((e) => e.type)).toEqual(['session.started', 'action.taken', 'clock.paused', 'clock.speed', 'clock.resumed', 'clock.jumped', 'session.ended']);
    client.close();
  });

  it('a retry after the server restarted gets the entry recorded before, and records nothing', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 });
    const recorded = await client.ok('session.input', take(sessionId, 'take-before-restart'));
    client.close();
    await server.close();
    server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });

    const retry = await ProtocolClient.connect(server.port, server.token);
    await retry.ok('session.open', { sessionId });
    const lines = journalOf(sessionId).length;
    const repeated = await retry.ok('session.input', take(sessionId, 'take-before-restart'));
    expect(repeated.entry).toEqual(recorded.entry);
    expect(repeated.view.sessionId).toBe(sessionId);
    expect(journalOf(sessionId)).toHaveLength(lines);
    retry.close();
  });

  it('a command id that is not 8 to 64 letters, digits or . _ : - is a bad request', async () => {
    const client = await ProtocolClient.connect(server.port, server.token);
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 });
    expect(await client.fail('clock.pause', { sessionId, commandId: 'short' })).toMatchObject({ code: 'bad-request', message: expect.stringContaining('commandId') });
    expect(journalOf(sessionId)).toHaveLength(1);
    client.close();
  });
});
