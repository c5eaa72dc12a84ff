import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../engine/protocol/limits.js';
import type { Reply } from '../../../engine/protocol/messages.js';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { writeLongJournal } from '../../helpers/long-journal.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// Importing a journal (parsed, its hash chain checked, replayed) and the scorecard of a stored
// session (replayed from its journal) run in a worker thread: while one client asks for both,
// on the largest journal an import takes and a long stored one, another client's inputs are
// acknowledged before the heavy replies come. Proven by order, not by wall-clock time.

const PING_MS = 50;

let dataDir: string;
let elsewhere: string;
let server: RunningServer;
let heavy: ProtocolClient;
let other: ProtocolClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-off-thread-'));
  elsewhere = mkdtempSync(join(tmpdir(), 'firedrill-off-thread-other-'));
  // A long session stored here (not open), and a journal from another machine, just under the import limit.
  writeLongJournal(dataDir, 'stored-long', 12_000_000);
  writeLongJournal(dataDir, 'stored-short', 20_000);
  writeLongJournal(elsewhere, 'from-elsewhere', MAX_IMPORT_BYTES - 2_000);
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, pingInterval: PING_MS, logError: (m) => console.error(m) });
  heavy = await ProtocolClient.connect(server.port, server.token);
  other = await ProtocolClient.connect(server.port, server.token);
}, 120_000);
afterAll(async () => {
  heavy?.close();
  other?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('journals replayed for one client', () => {
  it('leave the serving thread free: another client\'s inputs are acknowledged before the import and the stored scorecard reply', async () => {
    const { sessionId: drill } = await other.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    // The scenario's world is read first (the host keeps it): what follows is the journals' own work.
    await heavy.ok('scorecard.get', { sessionId: 'stored-short' });
    const text = readFileSync(join(elsewhere, 'sessions', 'from-elsewhere.jsonl'), 'utf8');
    const events: string[] = [];
    const settled = (name: string) => (reply: Reply) => {
      events.push(name);
      return reply;
    };
    const importing = heavy.command('session.import', { fileName: 'from-elsewhere.jsonl', text }, 300_000).then(settled('import'));
    const scoring = heavy.command('scorecard.get', { sessionId: 'stored-long' }, 300_000).then(settled('scorecard'));
    let outstanding = 2;
    void importing.finally(() => outstanding--);
    void scoring.finally(() => outstanding--);
    const engine = other.socket.io.engine;
    const nextPing = () => new Promise<void>((resolve) => engine.once('ping', () => resolve()));

    let inputs = 0;
    while (outstanding > 0 && inputs < 2_000) {
      await other.ok('session.input', { sessionId: drill, actor: 'facilitator', input: { type: 'observation.noted', text: `Input ${inputs} while journals replay.`, tag: 'note' } });
      events.push('input');
      inputs++;
      if (outstanding > 0) await nextPing();
    }
    const [imported, scored] = await Promise.all([importing, scoring]);
    expect(imported.ok, JSON.stringify(imported).slice(0, 300)).toBe(true);
    expect(scored.ok, JSON.stringify(scored).slice(0, 300)).toBe(true);
    if (imported.ok) expect(imported.result).toMatchObject({ sessionId: 'from-elsewhere', summary: { id: 'from-elsewhere', ended: true } });
    if (scored.ok) expect(scored.result).toMatchObject({ scorecard: { sessionId: 'stored-long' } });

    const firstHeavy = Math.min(events.indexOf('import'), events.indexOf('scorecard'));
    expect(events.slice(0, firstHeavy).filter((event) => event === 'input').length).toBeGreaterThanOrEqual(3);
    expect(heavy.socket.connected && other.socket.connected).toBe(true);
  }, 300_000);

  it('an edited journal is refused through the worker with its code and located line, as on the serving thread', async () => {
    const text = readFileSync(join(elsewhere, 'sessions', 'from-elsewhere.jsonl'), 'utf8').replace('from-elsewhere', 'edited-copy');
    const lines = text.split('\n');
    lines[5] = lines[5]!.replace('the analyst', 'the attacker');
    const refused = await heavy.command('session.import', { fileName: 'edited.jsonl', text: lines.join('\n') }, 300_000);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ message: expect.stringMatching(/^edited\.jsonl:(1|6): the journal was edited after it was recorded/) });
  }, 300_000);
});
