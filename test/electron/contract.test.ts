import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, commandParams } from '../../engine/protocol/commands.js';
import { COMMAND_EVENT } from '../../engine/protocol/messages.js';
import { channel, INVOKE_CHANNELS, IPC_COMMAND_TYPES, IPC_SESSION_EVENTS, MAIN_EVENT_TYPES, MENU_ACTIONS } from '../../electron/ipc/contract.js';
import { IpcClients } from '../../electron/main/ipc-clients.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The IPC contract and the WebSocket protocol must carry the same commands and events, so the
// renderer has one client with two transports. (The contract's lists are also typed as records
// over the protocol's types, so a drift is a compile error before it is a test failure.)

describe('the IPC contract and the WebSocket protocol', () => {
  it('have the same set of commands', () => {
    expect(new Set(IPC_COMMAND_TYPES)).toEqual(new Set(COMMAND_TYPES));
    expect(new Set(IPC_COMMAND_TYPES)).toEqual(new Set(Object.keys(commandParams)));
    expect(IPC_COMMAND_TYPES).toHaveLength(COMMAND_TYPES.length);
  });

  it('have the same session events: what the host emits over Socket.IO is what IPC delivers', () => {
    // The WebSocket server's emitted events, read from its source (it emits through one typed helper).
    const socketServer = readFileSync('host/server/socket-server.ts', 'utf8');
    const emitted = new Set([...socketServer.matchAll(/emit\([^,]+, '([a-z.]+)'/g)].map((match) => match[1]));
    // Besides a session's room events, a connection is sent its own (a simulation's progress, a joiner's admission) as they come.
    expect(socketServer).toContain('notify: (event, payload) => void socket.emit(event, payload)');
    for (const event of emitted) expect(IPC_SESSION_EVENTS, event).toContain(event);

    // And the IPC side delivers exactly those, for each of the host's events.
    const sent: string[] = [];
    const clients = new IpcClients(() => ({ hold: () => {}, letGo: () => {} }));
    const client = clients.client(1, (event) => void sent.push(event));
    client.join('S1');
    clients.events.update('S1', {} as never);
    clients.events.closed('S1', 'archived');
    client.notify('simulation.progress', { simulationId: 'stress-test', done: 1, total: 2 });
    clients.client(2, (event) => void sent.push(event)).watch('S1', 'projector');
    clients.events.audience?.('S1', 'projector', {} as never);
    expect(new Set(sent)).toEqual(new Set(['session.update', 'session.closed', 'simulation.progress', 'audience.update']));
  });

  it('carries commands on one channel, as the WebSocket transport does on its "command" event', () => {
    expect(INVOKE_CHANNELS).toContain('command');
    expect(COMMAND_EVENT).toBe('command');
    expect(channel('command')).toBe('firedrill:command');
  });

  it('has distinct, prefixed channel names and main events that include the session events', () => {
    const names = [...INVOKE_CHANNELS, ...MAIN_EVENT_TYPES].map(channel);
    expect(new Set(names).size).toBe(names.length);
    for (const event of IPC_SESSION_EVENTS) expect(MAIN_EVENT_TYPES).toContain(event);
    expect(new Set(MENU_ACTIONS).size).toBe(MENU_ACTIONS.length);
  });

  it('has a handler in the main process for every invoke channel', () => {
    const main = readdirSync('electron/main').filter((name) => name.endsWith('.ts')).map((name) => readFileSync(join('electron/main', name), 'utf8')).join('\n');
    const handled = new Set([...main.matchAll(/\bhandle\('([a-zA-Z.]+)'/g)].map((match) => match[1]));
    if (main.includes("ipcMain.handle(channel('command')")) handled.add('command');
    expect(handled).toEqual(new Set(INVOKE_CHANNELS));
  });

  it('is the one the renderer imports: main, preload and renderer share the contract file', () => {
    for (const file of ['electron/main/main.ts', 'electron/preload/preload.ts', 'renderer/client/firedrill-bridge.ts']) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/from '\.\.\/(\.\.\/electron\/)?ipc\/contract\.js'/);
    }
  });

  it('imports nothing from electron', () => {
    const source = readFileSync('electron/ipc/contract.ts', 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)[^\n]*from ['"]electron['"/]/m);
    expect(source).not.toMatch(/require\(['"]electron/);
  });
});
