import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channel, type InvokeChannel, type InvokeSignatures } from '../ipc/contract.js';
import { isTrustedSender, type SenderFrame } from '../security/ipc-sender.js';

/** The sender frame of an invoke, as the pure sender check wants it. */
export function frameOf(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

/** Whether an invoke comes from the top frame of an app page (see security/ipc-sender.ts). */
export const fromAppPage = (event: IpcMainInvokeEvent): boolean => isTrustedSender(frameOf(event));

/** Registers a shell invoke handler that refuses untrusted senders before anything else runs. */
export function handle<C extends Exclude<InvokeChannel, 'command'>>(name: C, run: (event: IpcMainInvokeEvent, arg: unknown) => ReturnType<InvokeSignatures[C]>): void {
  ipcMain.handle(channel(name), (event, arg: unknown) => {
    if (!fromAppPage(event)) throw new Error(`${name}: refused, the message does not come from a Firedrill page`);
    return run(event, arg);
  });
}
