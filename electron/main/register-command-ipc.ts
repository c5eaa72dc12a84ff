import { ipcMain, type WebContents } from 'electron';
import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import type { FiredrillHost } from '../../host/service/firedrill-host.js';
import { channel } from '../ipc/contract.js';
import { handleCommandMessage } from './command-ipc.js';
import { fromAppPage } from './ipc-handle.js';
import type { IpcClients } from './ipc-clients.js';

const sessionSender = (contents: WebContents) => <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => {
  if (!contents.isDestroyed()) contents.send(channel(event), payload);
};

// An untrusted sender gets a refusal and never becomes a client (it receives no session events).
const NO_CLIENT = { has: () => false, join: () => {}, leave: () => {} };

/** The session protocol's one invoke channel: every window a client of the host (see command-ipc.ts). */
export function registerCommandIpc(host: FiredrillHost, clients: IpcClients, log: (message: string) => void): void {
  ipcMain.handle(channel('command'), (event, message: unknown) => {
    const trusted = fromAppPage(event);
    const client = trusted ? clients.client(event.sender.id, sessionSender(event.sender)) : NO_CLIENT;
    return handleCommandMessage(host, client, trusted, message, log);
  });
}
