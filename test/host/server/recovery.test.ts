import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// A page that drops for a moment (a laptop lid) is recovered by Socket.IO with its rooms and what
// it missed; of the views pushed meanwhile, a whole state each, it gets the latest only (the
// server no longer keeps every superseded view for two minutes: latest-view-adapter.ts).

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-recovery-'));
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls (bounded) until the test holds. */
async function until(test: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 300 && !test(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  return test();
}

describe('a page recovered after a short drop', () => {
  it('is back in its session\'s room and gets the latest view it missed, not every one', async () => {
    const page = await ProtocolClient.connect(server.port, server.token);
    const other = await ProtocolClient.connect(server.port, server.token);
    try {
      const { sessionId } = await other.ok('session.create', { scenarioId: SCENARIO, mode: 'solo' });
      await page.ok('session.open', { sessionId });
      await other.ok('session.rename', { sessionId, name: 'Before the drop' });
      expect(await until(() => page.updates.at(-1)?.view.name === 'Before the drop')).toBe(true);

      // The drop: the transport closes under the page; three views are pushed while it is away.
      const dropped = new Promise((resolve) => page.socket.once('disconnect', resolve));
      page.socket.io.engine.close();
      await dropped;
      for (const name of ['First while away', 'Second while away', 'Third while away']) await other.ok('session.rename', { sessionId, name });

      const before = page.updates.length;
      const back = new Promise<void>((resolve) => page.socket.once('connect', () => resolve()));
      page.socket.connect();
      await back;
      expect(page.socket.recovered).toBe(true);
      expect(await until(() => page.updates.length > before)).toBe(true);
      // Any further push would have come with the recovery's own packets, at once.
      await other.ok('session.rename', { sessionId, name: 'After the return' });
      expect(await until(() => page.updates.at(-1)?.view.name === 'After the return')).toBe(true);
      expect(page.updates.slice(before).map((update) => update.view.name)).toEqual(['Third while away', 'After the return']);
    } finally {
      page.socket.close();
      other.socket.close();
    }
  });
});
