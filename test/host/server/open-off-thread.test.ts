import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../../engine/protocol/messages.js';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { writeLongJournal } from '../../helpers/long-journal.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// Opening a stored session replays its journal on the thread that serves every client (the
// live session lives there). A long journal is checked in a worker and replayed in slices, so
// that while one client opens it, another client's inputs are acknowledged before the open's
// reply comes. Proven by the order of the replies, not by wall-clock time.

let dataDir: string;
let server: RunningServer;
let opener: ProtocolClient;
let joiner: ProtocolClient;
let other: ProtocolClient;
let written: { entries: number };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-open-off-thread-'));
  // Some 38,000 entries: a long drill's journal, its replay far longer than one slice.
  written = writeLongJournal(dataDir, 'stored-long', 10_000_000);
  writeLongJournal(dataDir, 'stored-short', 20_000);
  writeLongJournal(dataDir, 'stored-archived', 5_000_000);
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
  opener = await ProtocolClient.connect(server.port, server.token);
  joiner = await ProtocolClient.connect(server.port, server.token);
  other = await ProtocolClient.connect(server.port, server.token);
}, 120_000);
afterAll(async () => {
  opener?.close();
  joiner?.close();
  other?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('opening a long stored session', () => {
  it('leaves the serving thread free: another client\'s inputs are acknowledged before the open replies', async () => {
    const { sessionId: drill } = await other.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    // The scenario's world is read first (the host keeps it), and the worker started: what follows is the journal's own work.
    await opener.ok('session.open', { sessionId: 'stored-short' });

    const events: string[] = [];
    const settled = (name: string) => (reply: Reply<'session.open'>) => {
      events.push(name);
      return reply;
    };
    const opening = opener.command('session.open', { sessionId: 'stored-long' }, 300_000).then(settled('open'));
    // A second client opening the same session meanwhile joins the same opening.
    const joining = joiner.command('session.open', { sessionId: 'stored-long' }, 300_000).then(settled('join'));
    let outstanding = 2;
    void opening.finally(() => outstanding--);
    void joining.finally(() => outstanding--);

    // One input at a time, each sent once the one before it is acknowledged.
    let inputs = 0;
    while (outstanding > 0 && inputs < 2_000) {
      await other.ok('session.input', { sessionId: drill, actor: 'facilitator', input: { type: 'observation.noted', text: `Input ${inputs} while a journal replays.`, tag: 'note' } });
      events.push('input');
      inputs++;
    }
    const [opened, joined] = await Promise.all([opening, joining]);
    expect(opened.ok, JSON.stringify(opened).slice(0, 300)).toBe(true);
    expect(joined.ok, JSON.stringify(joined).slice(0, 300)).toBe(true);
    if (opened.ok && joined.ok) {
      expect(opened.result.view.sessionId).toBe('stored-long');
      expect(joined.result.view).toEqual(opened.result.view);
    }

    const firstOpen = Math.min(events.indexOf('open'), events.indexOf('join'));
    expect(events.slice(0, firstOpen).filter((event) => event === 'input').length).toBeGreaterThanOrEqual(3);
    expect(opener.socket.connected && other.socket.connected).toBe(true);

    // The session opened goes on from its last entry.
    const recorded = await opener.ok('session.input', { sessionId: 'stored-long', actor: 'facilitator', input: { type: 'observation.noted', text: 'After the replay.', tag: 'note' } });
    expect(recorded.entry.seq).toBe(written.entries + 1);
  }, 300_000);

  it('is archived once it is open when an archive comes while its journal replays, not refused as locked', async () => {
    await opener.ok('session.open', { sessionId: 'stored-short' });
    const events: string[] = [];
    const opening = opener.command('session.open', { sessionId: 'stored-archived' }, 300_000).then((reply) => (events.push('open'), reply));
    // Sent once the opening is under way: an input of the other client is answered meanwhile.
    const { sessionId: drill } = await other.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    expect(events).toEqual([]);
    const archiving = other.command('session.archive', { sessionId: 'stored-archived' }, 300_000).then((reply) => (events.push('archive'), reply));
    await other.ok('session.input', { sessionId: drill, actor: 'facilitator', input: { type: 'observation.noted', text: 'While the archive waits.', tag: 'note' } });
    const [opened, archived] = await Promise.all([opening, archiving]);
    expect(opened.ok, JSON.stringify(opened).slice(0, 300)).toBe(true);
    expect(archived.ok, JSON.stringify(archived).slice(0, 300)).toBe(true);
    expect(events).toEqual(['open', 'archive']);
    const { sessions } = await other.ok('session.list', { archived: true });
    expect(sessions.map((session) => session.id)).toContain('stored-archived');
  }, 300_000);
});
