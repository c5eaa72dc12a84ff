// `window.firedrill`, the object the Electron preload exposes, as the renderer sees it. Its
// types come from the one IPC contract (electron/ipc/contract.ts), which main and the preload
// use too; the renderer leaves out `command` (it sends through `request`, like the socket).
import type { FiredrillBridge, MainEvents, MenuAction, OpenedFile, PrintPdfRequest } from '../../electron/ipc/contract.js';

export type RendererBridge = Omit<FiredrillBridge, 'command'>;
export type ShellMenuAction = MenuAction;
export type ShellOpenedFile = OpenedFile;
export type ShellEvents = MainEvents;
export type { PrintPdfRequest };

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in a browser. */
    firedrill?: RendererBridge;
  }
}

/** The Electron bridge, when the page runs in Firedrill's desktop shell. */
export const electronBridge = (): RendererBridge | undefined => (window.firedrill?.transport === 'electron' ? window.firedrill : undefined);
