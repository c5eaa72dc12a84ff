import { ipcMain, type WebContents } from 'electron';
import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import type { FiredrillHost } from '../../host/service/firedrill-host.js';
import { channel } from '../ipc/contract.js';
import { handleCommandMessage } from './command-ipc.js';
import { fromAppPage } from './ipc-handle.js';
import type { IpcClients } from './ipc-clients.js';
import type { AppWindows } from './windows.js';

const sessionSender = (contents: WebContents) => <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => {
  if (!contents.isDestroyed()) contents.send(channel(event), payload);
};

/**
 * The session protocol's one invoke channel: every window a client of the host (see
 * command-ipc.ts), with the identity of the window (a projector window may only watch its
 * session). An untrusted sender gets a refusal and never becomes a client.
 */
export function registerCommandIpc(host: FiredrillHost, clients: IpcClients, windows: Pick<AppWindows, 'identityOf'>, log: (message: string) => void): void {
  ipcMain.handle(channel('command'), (event, message: unknown) => {
    const client = fromAppPage(event) ? clients.client(event.sender.id, sessionSender(event.sender), windows.identityOf(event.sender.id)) : undefined;
    return handleCommandMessage(host, client, message, log);
  });
}
