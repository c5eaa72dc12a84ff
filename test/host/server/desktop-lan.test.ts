import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandParamsInput, CommandResult, CommandType } from '../../../engine/protocol/commands.js';
import type { RoleView } from '../../../engine/protocol/audience.js';
import { handleCommandMessage } from '../../../electron/main/command-ipc.js';
import { IpcClients } from '../../../electron/main/ipc-clients.js';
import { desktopLan } from '../../../host/server/desktop-lan.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { LanClient } from './helpers/lan-client.js';

// LAN mode in the desktop app: the main process's host, whose facilitator is a window speaking
// IPC, serves participants' pages on the LAN while the Room tab's switch is on. Built here as
// electron/main/main.ts builds it, with the window's IPC client; the pages connect to 127.0.0.2.

let dataDir: string;
let host: FiredrillHost;
let lan: ReturnType<typeof desktopLan>;
const windowEvents: { event: string; payload: unknown }[] = [];
let send: <T extends CommandType>(type: T, params: CommandParamsInput<T>) => Promise<CommandResult<T>>;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-desktop-lan-'));
  const logError = (message: string) => console.error(message);
  const clients = new IpcClients(() => host.sessions);
  lan = desktopLan({ dataDir, windows: clients.events, logError });
  host = new FiredrillHost({ dataDir, events: lan.events, tokens: lan.tokens, logError });
  lan.bind(host);
  const window = clients.client(1, (event, payload) => void windowEvents.push({ event, payload }));
  let id = 1;
  send = async (type, params) => {
    const reply = await handleCommandMessage(host, window, { id: id++, type, params }, logError);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
    return reply.result as never;
  };
});
afterAll(async () => {
  await lan?.close();
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('LAN mode in the desktop app', () => {
  it('is off until the facilitator turns it on; then a participant joins from the LAN and plays, and the window sees it', async () => {
    expect((await send('lan.status', {})).listening).toBe(false);
    const status = await send('lan.start', { interface: 'all', port: 0 });
    expect(status.listening).toBe(true);
    expect(status.joinAddress).toMatch(/^http:\/\/.+:\d+\/#\/join$/);
    expect(status.qrSvg).toContain('<svg');

    const { sessionId } = await send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1, participants: {} });
    const { joinCode } = await send('lobby.get', { sessionId });
    const guest = await LanClient.connect(status.port!, { address: '127.0.0.2', join: true });
    const admission = await guest.ok('join.request', { code: joinCode, name: 'Grace Hopper', role: 'incident-commander' });
    guest.close();
    if (admission.status !== 'joined') throw new Error('expected to join');

    const page = await LanClient.connect(status.port!, { address: '127.0.0.2', token: admission.token });
    const opened = await page.ok('audience.open', { sessionId });
    expect(opened.view.audience).toBe('role');
    expect((opened.view as RoleView).role.id).toBe('incident-commander');
    const { entry } = await page.ok('audience.input', { sessionId, input: { type: 'severity.declared', level: 2 } });
    expect(entry).toMatchObject({ type: 'severity.declared', actor: 'incident-commander', participant: admission.me.participant });
    // The facilitator's window is told, over IPC, as it is of its own inputs.
    await expect.poll(() => windowEvents.some((e) => e.event === 'session.update' && JSON.stringify(e.payload).includes('"severity"')), { timeout: 10_000 }).toBe(true);
    // A page from the LAN may not act as the facilitator.
    expect((await page.fail('clock.pause', { sessionId })).code).toMatch(/unauthorized|forbidden|refused/);

    // Off again: the LAN's pages are disconnected, and nothing listens any more.
    const disconnected = new Promise<void>((resolve) => page.socket.once('disconnect', () => resolve()));
    expect((await send('lan.stop', {})).listening).toBe(false);
    await disconnected;
    await expect(LanClient.connect(status.port!, { address: '127.0.0.2', join: true })).rejects.toThrow();
  }, 60_000);
});
