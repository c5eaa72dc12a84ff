import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerEventType } from '../../engine/protocol/messages.js';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import { handleCommandMessage } from '../../electron/main/command-ipc.js';
import { IpcClients } from '../../electron/main/ipc-clients.js';
import { projectorOf } from '../../host/service/identity.js';
import { isTrustedSender } from '../../electron/security/ipc-sender.js';

// The IPC path of the main process without Electron: the sender check, the protocol's own
// validation, and the host's command dispatcher, with a real FiredrillHost on a temporary data folder.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let host: FiredrillHost;
const clients = new IpcClients(() => host.sessions);
const received: { window: number; event: ServerEventType; sessionId?: string }[] = [];
const windowClient = (id: number) => clients.client(id, (event, payload) => void received.push({ window: id, event, ...('sessionId' in payload ? { sessionId: payload.sessionId } : {}) }));
const errors: string[] = [];
const trusted = isTrustedSender({ url: 'app://firedrill/index.html', isTopFrame: true });
const send = (window: number, message: unknown, sender = trusted) => handleCommandMessage(host, sender ? windowClient(window) : undefined, message, (m) => void errors.push(m));

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-ipc-'));
  host = new FiredrillHost({ dataDir, events: clients.events });
});
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a command over IPC', () => {
  it('is refused, and nothing runs, when the sender is not an app page', async () => {
    const untrusted = isTrustedSender({ url: 'https://evil.example/', isTopFrame: true });
    const reply = await send(1, { id: 1, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'solo' } }, untrusted);
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'unauthorized' } });
    const framed = await send(1, { id: 2, type: 'library.list', params: {} }, isTrustedSender({ url: 'app://firedrill/index.html', isTopFrame: false }));
    expect(framed).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(readdirSync(dataDir).includes('sessions') ? readdirSync(join(dataDir, 'sessions')) : []).toEqual([]);
  });

  it('is validated against the protocol schema like a WebSocket message', async () => {
    expect(await send(1, 'session.list')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send(1, { id: 3, type: 'nope', params: {} })).toMatchObject({ id: 3, ok: false, error: { code: 'unknown-command' } });
    expect(await send(1, { id: 4, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'chaos' } })).toMatchObject({ id: 4, ok: false, error: { code: 'bad-request' } });
    expect(await send(1, { id: 5, type: 'library.import', params: { fileName: '../x.yaml', text: '' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send(1, { id: 6, type: 'session.list', params: {}, extra: true })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send(1, { id: 7, type: 'library.show', params: { kind: 'plan', id: 'x'.repeat(70_000) } })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('runs through the host: a session is created, updates reach the windows that have it open, and only them', async () => {
    const created = await send(1, { id: 10, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'facilitated' } });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { sessionId } = created.result as { sessionId: string };
    // Window 2 has not opened it: it may not steer it.
    expect(await send(2, { id: 11, type: 'clock.pause', params: { sessionId } })).toMatchObject({ ok: false, error: { code: 'not-open' } });
    expect(await send(1, { id: 12, type: 'clock.pause', params: { sessionId } })).toMatchObject({ id: 12, ok: true });
    expect(received.filter((event) => event.window === 1 && event.event === 'session.update' && event.sessionId === sessionId).length).toBeGreaterThan(0);
    expect(received.filter((event) => event.window === 2)).toEqual([]);
    // Window 2 opens it (the projector) and then gets the updates too.
    expect(await send(2, { id: 13, type: 'session.open', params: { sessionId } })).toMatchObject({ ok: true });
    expect(await send(1, { id: 14, type: 'clock.resume', params: { sessionId } })).toMatchObject({ ok: true });
    expect(received.some((event) => event.window === 2 && event.event === 'session.update')).toBe(true);
    // Archiving closes it everywhere.
    expect(await send(1, { id: 15, type: 'session.archive', params: { sessionId } })).toMatchObject({ ok: true });
    expect(received.filter((event) => event.event === 'session.closed').map((event) => event.window).sort()).toEqual([1, 2]);
    expect(clients.openSessions().has(sessionId)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('lets a projector window watch its session and nothing more, whatever its page sends', async () => {
    const created = await send(1, { id: 30, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'solo' } });
    const other = await send(1, { id: 31, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'solo' } });
    if (!created.ok || !other.ok) throw new Error('no session');
    const { sessionId } = created.result as { sessionId: string };
    const projector = clients.client(40, () => {}, projectorOf(sessionId));
    const asProjector = (message: unknown) => handleCommandMessage(host, projector, message, (m) => void errors.push(m));
    expect(await asProjector({ id: 32, type: 'audience.open', params: { sessionId } })).toMatchObject({ ok: true, result: { view: { audience: 'projector' } } });
    expect(await asProjector({ id: 37, type: 'session.open', params: { sessionId } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await asProjector({ id: 33, type: 'clock.pause', params: { sessionId } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await asProjector({ id: 34, type: 'session.end', params: { sessionId } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await asProjector({ id: 35, type: 'audience.open', params: { sessionId: (other.result as { sessionId: string }).sessionId } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // The desktop app's projector is a window, not a token.
    expect(await send(1, { id: 36, type: 'projector.token', params: { sessionId } })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('window of its own') } });
  });

  it('forgets a closed window', async () => {
    const created = await send(3, { id: 20, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'solo' } });
    expect(created.ok).toBe(true);
    clients.remove(3);
    expect(windowClient(3).has((created as { result: { sessionId: string } }).result.sessionId)).toBe(false);
  });
});
