import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// Sessions said "Running" for a session whose clock was paused. The list now says running,
// paused or ended, with the session's name (given at set-up, renamed later), who played which
// role, the simulated time reached and, once it is ended, the score: all from the data
// folder's session index, which scores an ended session once.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let server: RunningServer;
let client: ProtocolClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-list-'));
  server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
  client = await ProtocolClient.connect(server.port, server.token);
});
afterAll(async () => {
  client?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const listed = async (sessionId: string) => (await client.ok('session.list', {})).sessions.find((s) => s.id === sessionId)!;
const journalTypes = (sessionId: string) => parseJournal(readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8')).entries.map((e) => e.type);

describe('the session list', () => {
  it('names a session as given at set-up, or by its scenario and date; lists its participants; says running or paused', async () => {
    const named = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'role-play', speed: 1, name: 'Blue team, Tuesday', participants: { 'incident-commander': 'Ada' } });
    expect(named.view.name).toBe('Blue team, Tuesday');
    expect(await listed(named.sessionId)).toMatchObject({ name: 'Blue team, Tuesday', participants: { 'incident-commander': 'Ada' }, state: 'running', ended: false, score: null, integrity: { status: 'verified' } });

    const unnamed = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 });
    const { document } = await client.ok('library.show', { kind: 'scenario', id: SCENARIO });
    const summary = await listed(unnamed.sessionId);
    expect(summary.name).toBe(`${document.title} · ${summary.startedAt.slice(0, 10)}`);

    // Its page closed: the clock pauses, and the list says so.
    await client.ok('session.close', { sessionId: named.sessionId });
    for (let attempt = 0; attempt < 200 && (await listed(named.sessionId)).state !== 'paused'; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await listed(named.sessionId)).toMatchObject({ state: 'paused', ended: false });
    await client.ok('session.close', { sessionId: unnamed.sessionId });
  });

  it('renames a session open here and one that is not, journaling only session.renamed', async () => {
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1, name: 'First name' });
    await client.ok('clock.pause', { sessionId });
    const before = (await client.ok('session.open', { sessionId })).view;
    const renamed = await client.ok('session.rename', { sessionId, name: 'Second name', commandId: 'rename-0000001' });
    expect(renamed).toMatchObject({ sessionId, name: 'Second name', entry: { type: 'session.renamed', name: 'Second name', actor: 'facilitator', commandId: 'rename-0000001' } });
    expect({ ...renamed.view, name: 'First name', journalLength: before.journalLength }).toEqual(before);
    expect(await client.ok('session.rename', { sessionId, name: 'Second name', commandId: 'rename-0000001' })).toMatchObject({ entry: renamed.entry });
    expect((await listed(sessionId)).name).toBe('Second name');

    await client.ok('session.end', { sessionId });
    // After a restart the session is open nowhere (and ended): renamed in its stored journal.
    client.close();
    await server.close();
    server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
    client = await ProtocolClient.connect(server.port, server.token);
    const later = await client.ok('session.rename', { sessionId, name: 'Third name' });
    expect(later).toMatchObject({ name: 'Third name', entry: { type: 'session.renamed' } });
    expect(later.view).toBeUndefined();
    expect(journalTypes(sessionId)).toEqual(['session.started', 'clock.paused', 'session.renamed', 'session.ended', 'session.renamed']);
    expect(await listed(sessionId)).toMatchObject({ name: 'Third name', state: 'ended' });
    expect(await client.fail('session.rename', { sessionId: 'no-such-session', name: 'x' })).toMatchObject({ code: 'not-found' });
  });

  it('gives an ended session its score and the simulated time it reached, scored once into the index', async () => {
    const { sessionId } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 });
    await client.ok('clock.pause', { sessionId });
    const jumped = await client.ok('clock.jump', { sessionId });
    expect((await listed(sessionId)).simTime).toBe(jumped.view.now);
    await client.ok('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } });
    const ended = await client.ok('session.end', { sessionId });
    const { scorecard } = await client.ok('scorecard.get', { sessionId });
    expect(await listed(sessionId)).toMatchObject({ state: 'ended', ended: true, simTime: ended.view.now, score: scorecard.overallScore });

    const index = JSON.parse(readFileSync(join(dataDir, 'sessions', 'index.json'), 'utf8')) as { format: string; journals: Record<string, { score: number | null }> };
    expect(index.format).toBe('firedrill-session-index/1');
    expect(index.journals[`sessions/${sessionId}.jsonl`]!.score).toBe(scorecard.overallScore);
  });

  it('is rebuilt from the journals when the index is deleted or damaged', async () => {
    const before = (await client.ok('session.list', {})).sessions;
    rmSync(join(dataDir, 'sessions', 'index.json'));
    expect((await client.ok('session.list', {})).sessions).toEqual(before);
    expect(existsSync(join(dataDir, 'sessions', 'index.json'))).toBe(true);
  });
});
