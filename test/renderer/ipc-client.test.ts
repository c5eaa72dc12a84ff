import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply, ServerEvents } from '../../engine/protocol/index.js';
import { handleCommandMessage } from '../../electron/main/command-ipc.js';
import { IpcClients } from '../../electron/main/ipc-clients.js';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import { startServer, type RunningServer } from '../../host/server/server.js';
import type { RendererBridge } from '../../renderer/client/firedrill-bridge.js';
import { ipcClient } from '../../renderer/client/ipc-client.js';
import { CommandError, type SessionClient } from '../../renderer/client/session-client.js';
import { socketClient } from '../../renderer/client/socket-client.js';

// The renderer's IPC transport against a fake window.firedrill whose `request` goes through the
// main process's real IPC path (handleCommandMessage over a FiredrillHost, the message cloned as
// IPC clones it) and whose `on` gets the host's events as IpcClients sends them. The same
// checks run against the Socket.IO client and a real firedrill serve: the UI cannot tell them apart.

const SCENARIO = 'stolen-api-keys-new-location';
const BAD_SCENARIO = 'format: firedrill-scenario/1\nid: broken\ntitle: 5\n';
const dirs: string[] = [];
let server: RunningServer;
let ipcHost: FiredrillHost;

interface FakeBridge extends Pick<RendererBridge, 'request' | 'on'> {
  sent: unknown[];
  listenerCount(event: string): number;
}

/** window.firedrill as the preload exposes it, over the main process's command handling. */
function fakeBridge(host: FiredrillHost, clients: IpcClients): FakeBridge {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const sent: unknown[] = [];
  const deliver = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload) as never);
  };
  return {
    sent,
    request: async (request) => {
      sent.push(request);
      // Electron's IPC carries a structured clone: what cannot be cloned never leaves the page.
      return handleCommandMessage(host, clients.client(1, deliver), structuredClone(request), (m) => console.error(m));
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

let ipcClients: IpcClients;
let bridge: FakeBridge;
const transports: { name: string; client: () => SessionClient }[] = [];
let ipc: SessionClient;
let socket: SessionClient;

beforeAll(async () => {
  const socketDir = mkdtempSync(join(tmpdir(), 'firedrill-client-socket-'));
  const ipcDir = mkdtempSync(join(tmpdir(), 'firedrill-client-ipc-'));
  dirs.push(socketDir, ipcDir);
  // Ticks are rare here, so the only pushes are the ones the inputs cause.
  server = await startServer({ dataDir: socketDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
  socket = socketClient(`http://127.0.0.1:${server.port}`, server.token);
  ipcClients = new IpcClients(() => ipcHost.sessions);
  ipcHost = new FiredrillHost({ dataDir: ipcDir, events: ipcClients.events });
  bridge = fakeBridge(ipcHost, ipcClients);
  ipc = ipcClient(bridge);
});
afterAll(async () => {
  socket?.close();
  ipc?.close();
  await server?.close();
  await ipcHost?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

transports.push({ name: 'the IPC client (window.firedrill)', client: () => ipc }, { name: 'the Socket.IO client (firedrill serve)', client: () => socket });

describe.each(transports)('$name', ({ client }) => {
  it('resolves a command with its result', async () => {
    const created = await client().send('session.create', { scenarioId: SCENARIO, mode: 'solo' });
    expect(created.sessionId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(created.view).toMatchObject({ sessionId: created.sessionId, scenarioId: SCENARIO, mode: 'solo', speed: 1 });
    const { sessions } = await client().send('session.list', {});
    expect(sessions.map((session) => session.id)).toContain(created.sessionId);
  });

  it('rejects a refused command with a CommandError carrying the code and the located errors', async () => {
    const refused = await client().send('library.import', { fileName: 'broken.scenario.yaml', text: BAD_SCENARIO }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CommandError);
    expect(refused).toMatchObject({ code: 'invalid-file', message: expect.stringContaining('broken.scenario.yaml') });
    expect((refused as CommandError).errors.length).toBeGreaterThan(0);
    expect((refused as CommandError).errors[0]).toMatchObject({ file: 'broken.scenario.yaml', line: expect.any(Number), column: expect.any(Number) });

    await expect(client().send('session.open', { sessionId: 'no-such-session' })).rejects.toMatchObject({ name: 'CommandError', code: 'not-found', errors: [] });
    await expect(client().send('clock.speed', { sessionId: 'x', speed: 0 })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('delivers session.update to a listener until it unsubscribes', async () => {
    const { sessionId } = await client().send('session.create', { scenarioId: SCENARIO, mode: 'solo' });
    const updates: ServerEvents['session.update'][] = [];
    const stop = client().on('session.update', (update) => void updates.push(update));
    await client().send('clock.pause', { sessionId });
    expect(updates.at(-1)).toMatchObject({ sessionId, view: { paused: true } });
    const seen = updates.length;
    stop();
    await client().send('clock.resume', { sessionId });
    await client().send('session.list', {}); // one more round trip: any push would have arrived by now
    expect(updates).toHaveLength(seen);
  });

  it('delivers session.closed with its reason', async () => {
    const { sessionId } = await client().send('session.create', { scenarioId: SCENARIO, mode: 'solo' });
    const closed: ServerEvents['session.closed'][] = [];
    const stop = client().on('session.closed', (event) => void closed.push(event));
    await client().send('session.archive', { sessionId });
    await client().send('session.list', {});
    stop();
    expect(closed).toEqual([{ sessionId, reason: 'the session was archived' }]);
  });
});

describe('the IPC client itself', () => {
  it('sends the protocol envelope with an id of its own per request', async () => {
    bridge.sent.length = 0;
    await ipc.send('session.list', { archived: false });
    await ipc.send('library.list', {});
    expect(bridge.sent).toEqual([
      { id: expect.stringMatching(/^ipc-\d+$/), type: 'session.list', params: { archived: false } },
      { id: expect.stringMatching(/^ipc-\d+$/), type: 'library.list', params: {} },
    ]);
    const [first, second] = bridge.sent as { id: string }[];
    expect(first!.id).not.toBe(second!.id);
  });

  it('turns a message that never reached main into a CommandError, not an unknown rejection', async () => {
    const broken = ipcClient({
      request: () => Promise.reject(new Error('An object could not be cloned.')),
      on: () => () => {},
    });
    await expect(broken.send('session.list', {})).rejects.toMatchObject({ name: 'CommandError', code: 'internal', message: expect.stringContaining('could not be cloned') });
  });

  it('stops all of its own listeners when closed, and an unsubscribe may be called twice', () => {
    const own = fakeBridge(ipcHost, new IpcClients(() => ipcHost.sessions));
    const client = ipcClient(own);
    const stopUpdates = client.on('session.update', () => {});
    client.on('session.closed', () => {});
    expect(own.listenerCount('session.update')).toBe(1);
    stopUpdates();
    stopUpdates();
    expect(own.listenerCount('session.update')).toBe(0);
    client.close();
    expect(own.listenerCount('session.closed')).toBe(0);
  });

  it('resolves with the reply the main process gives, error replies included', async () => {
    const replies: Reply[] = [{ id: 'ipc-1', ok: false, error: { code: 'locked', message: 'open in another Firedrill (pid 42)' } }];
    const client = ipcClient({ request: async () => replies.shift()!, on: () => () => {} });
    await expect(client.send('session.open', { sessionId: 'S-1' })).rejects.toEqual(expect.objectContaining({ code: 'locked', message: 'open in another Firedrill (pid 42)' }));
  });
});
