import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import type { Reply } from '../../../engine/protocol/messages.js';
import { chainRoom, chainScenario, unbrokenWordsScenario } from '../../helpers/worst-inputs.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// One process serves every session: while one client imports the worst file (a long trigger
// chain) and exports the worst PDF (a title of one long word), another client's inputs are
// acknowledged and the server's pings go on, before the heavy replies come, and nobody is
// disconnected. Proven by order, not by wall-clock time (`npm run bench` prints the latency).
// Sizes: the worst the formats accept (the inject limit, the title and body limits).

/** The server's heartbeat in this test: pings paced the other client's inputs. */
const PING_MS = 50;

let dataDir: string;
let server: RunningServer;
let heavy: ProtocolClient;
let other: ProtocolClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-blocked-'));
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, pingInterval: PING_MS, logError: (m) => console.error(m) });
  heavy = await ProtocolClient.connect(server.port, server.token);
  other = await ProtocolClient.connect(server.port, server.token);
}, 60_000);
afterAll(async () => {
  heavy?.close();
  other?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a server doing heavy work for one client', () => {
  it('still acknowledges another client\'s inputs and answers its pings before the heavy replies, and drops nobody', async () => {
    // Set up: an ended session of the long-title scenario (its scorecard is the worst PDF), and the other client's drill.
    await heavy.ok('library.import', unbrokenWordsScenario());
    const { sessionId: longSession } = await heavy.ok('session.create', { scenarioId: 'long-words', mode: 'solo' });
    await heavy.ok('session.end', { sessionId: longSession });
    const { sessionId: drill } = await other.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });

    const events: string[] = [];
    const disconnects: string[] = [];
    heavy.socket.on('disconnect', (reason) => disconnects.push(`heavy: ${reason}`));
    other.socket.on('disconnect', (reason) => disconnects.push(`other: ${reason}`));
    let pings = 0;
    const engine = other.socket.io.engine;
    engine.on('ping', () => {
      pings++;
      events.push('ping');
    });
    const nextPing = () => new Promise<void>((resolve) => engine.once('ping', () => resolve()));

    const settled = (name: string) => (reply: Reply) => {
      events.push(name);
      return reply;
    };
    const importing = heavy.command('library.import', chainScenario(chainRoom()), 300_000).then(settled('import'));
    const exporting = heavy.command('export.scorecard', { sessionId: longSession, format: 'pdf' }, 300_000).then(settled('export'));
    let outstanding = 2;
    void importing.finally(() => outstanding--);
    void exporting.finally(() => outstanding--);

    // The other client records inputs, one per server ping, until both heavy replies are in.
    let inputs = 0;
    while (outstanding > 0 && inputs < 2_000) {
      await other.ok('session.input', { sessionId: drill, actor: 'facilitator', input: { type: 'observation.noted', text: `Input ${inputs} while the server works.`, tag: 'note' } });
      events.push('input');
      inputs++;
      if (outstanding > 0) await nextPing();
    }
    const [imported, exported] = await Promise.all([importing, exporting]);

    // The heavy work was done, or refused only after its full check.
    expect(imported.ok || (!imported.ok && imported.error.code === 'invalid-file'), JSON.stringify(imported).slice(0, 300)).toBe(true);
    expect(exported.ok, JSON.stringify(exported).slice(0, 300)).toBe(true);
    // Before the first heavy reply: inputs acknowledged and pings answered.
    const firstHeavy = Math.min(events.indexOf('import'), events.indexOf('export'));
    const before = events.slice(0, firstHeavy);
    expect(before.filter((event) => event === 'input').length).toBeGreaterThanOrEqual(3);
    expect(before.filter((event) => event === 'ping').length).toBeGreaterThanOrEqual(1);
    expect(disconnects).toEqual([]);
    expect(heavy.socket.connected && other.socket.connected).toBe(true);
    console.log(`blocked-server test: ${before.filter((e) => e === 'input').length} inputs acknowledged and ${before.filter((e) => e === 'ping').length} pings before the first heavy reply (${events[firstHeavy]}); ${inputs} inputs, ${pings} pings in all`);
  }, 300_000);
});
