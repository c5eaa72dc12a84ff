import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// A session run end to end through the real server on loopback, with its journal on disk:
// create, inputs, the clock, a second client in the same room, end, scorecard, archive, delete.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let server: RunningServer;
let client: ProtocolClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-flow-'));
  server = await startServer({ dataDir, port: 0, tickMs: 20, logError: (m) => console.error(m) });
  client = await ProtocolClient.connect(server.port, server.token);
});
afterAll(async () => {
  client?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const journalOf = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8'));

describe('a session through the protocol', () => {
  let sessionId: string;

  it('prints a URL on loopback with the facilitator token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(20);
  });

  it('creates a session: its journal starts on disk and its clients get updates', async () => {
    const created = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 60, participants: { 'incident-commander': 'Ada' } });
    sessionId = created.sessionId;
    expect(created.view.scenarioId).toBe(SCENARIO);
    expect(created.view.participants).toEqual({ 'incident-commander': 'Ada' });
    expect(journalOf(sessionId).entries.map((e) => e.type)).toEqual(['session.started']);
    // At 60x the clock moves a simulated second every wall 17 ms: ticks send fresh views.
    const update = await client.waitForUpdate((u) => u.sessionId === sessionId && u.view.now > 0);
    expect(update.view.paused).toBe(false);
  });

  it('records an input: the reply comes after the entry is in the journal', async () => {
    const recorded = await client.ok('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } });
    expect(recorded.entry).toMatchObject({ seq: 2, type: 'action.taken', actor: 'cloud-security-analyst' });
    expect(journalOf(sessionId).entries[1]).toEqual(recorded.entry);
    expect(recorded.view.actionsTaken.map((a) => a.action)).toContain('revoke-iam-access-key');
  });

  it('drives the clock: pause, jump to the next event, speed, resume', async () => {
    const paused = await client.ok('clock.pause', { sessionId });
    expect(paused.view.paused).toBe(true);
    const next = paused.view.nextStop!;
    expect(next).not.toBeNull();
    const jumped = await client.ok('clock.jump', { sessionId });
    expect(jumped.entry.type).toBe('clock.jumped');
    expect(jumped.view.now).toBe(next.dueAt);
    expect(next.kind).toBe('inject');
    expect(jumped.view.injects.find((i) => i.id === next.id)?.status).toBe('fired');
    expect((await client.ok('clock.speed', { sessionId, speed: 600 })).view.speed).toBe(600);
    expect((await client.ok('clock.resume', { sessionId })).view.paused).toBe(false);
  });

  it('a second client opening the session joins its room and sees the inputs of the first', async () => {
    const second = await ProtocolClient.connect(server.port, server.token);
    try {
      const opened = await second.ok('session.open', { sessionId });
      expect(opened.warnings).toEqual([]);
      const before = second.updates.length;
      const noted = await client.ok('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'The analyst kept the key for attribution.', tag: 'strength' } });
      await second.waitForUpdate((u) => u.view.journalLength >= noted.entry.seq);
      expect(second.updates.length).toBeGreaterThan(before);
    } finally {
      second.close();
    }
  });

  it('ends the session, scores it, lists it as ended', async () => {
    const ended = await client.ok('session.end', { sessionId, reason: 'the exercise is over' });
    expect(ended.view.ended).toMatchObject({ reason: 'the exercise is over' });
    const { scorecard } = await client.ok('scorecard.get', { sessionId });
    expect(scorecard.scenarioId).toBe(SCENARIO);
    const { sessions } = await client.ok('session.list', {});
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ scenarioId: SCENARIO, ended: true, archived: false, entries: journalOf(sessionId).entries.length });
  });

  it('archives it: kept for its scorecard, not resumed', async () => {
    await client.ok('session.archive', { sessionId });
    expect(client.closed).toContainEqual({ sessionId, reason: 'the session was archived' });
    expect(existsSync(join(dataDir, 'sessions', 'archive', `${sessionId}.jsonl`))).toBe(true);
    expect((await client.ok('session.list', { archived: true })).sessions.map((s) => s.id)).toEqual([sessionId]);
    const reopened = await client.command('session.open', { sessionId });
    expect(reopened).toMatchObject({ ok: false, error: { code: 'archived' } });
    expect((await client.ok('scorecard.get', { sessionId })).scorecard.scenarioId).toBe(SCENARIO);
  });

  it('deletes it to the trash folder, never unlinked', async () => {
    const before = readFileSync(join(dataDir, 'sessions', 'archive', `${sessionId}.jsonl`));
    const { trashedAs } = await client.ok('session.delete', { sessionId });
    expect(trashedAs).toBe(join(dataDir, 'trash', `${sessionId}.jsonl`));
    expect(readFileSync(trashedAs)).toEqual(before);
    expect((await client.ok('session.list', {})).sessions).toEqual([]);
  });
});

describe('a data folder that cannot be written', () => {
  it('answers with a storage error a person can act on, and the server goes on', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'firedrill-broken-'));
    writeFileSync(join(broken, 'sessions'), 'a file where the sessions folder should be');
    const other = await startServer({ dataDir: broken, port: 0, logError: (m) => console.error(m) });
    const otherClient = await ProtocolClient.connect(other.port, other.token);
    try {
      const reply = await otherClient.command('session.create', { scenarioId: SCENARIO, mode: 'solo' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/^the data folder cannot be used: /) } });
      expect((await otherClient.command('library.show', { kind: 'plan', id: 'nope' })).ok).toBe(false);
    } finally {
      otherClient.close();
      await other.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
