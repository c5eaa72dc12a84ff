// The preload: one object, window.firedrill, exposed with contextBridge. It runs sandboxed, so
// it is bundled to one CommonJS file (dist/electron/preload.cjs) whose only require is
// 'electron'. No raw ipcRenderer reaches the page, and listeners get the payload only, never
// the IpcRendererEvent (which would hand the page `event.sender`, i.e. ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, channel, MAIN_EVENT_TYPES, type FiredrillBridge, type MainEventType } from '../ipc/contract.js';
import type { Reply } from '../../engine/protocol/messages.js';

let nextId = 1;

/** Electron prefixes a handler's error ("Error invoking remote method 'firedrill:…': Error: "); the page gets the message itself. */
const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:Error: )?/;
async function invokeWithMessage<T>(name: Parameters<typeof channel>[0], ...args: unknown[]): Promise<T> {
  try {
    return (await ipcRenderer.invoke(channel(name), ...args)) as T;
  } catch (error) {
    throw new Error(String((error as Error)?.message ?? error).replace(REMOTE_ERROR_PREFIX, ''), { cause: error });
  }
}

const bridge: FiredrillBridge = {
  transport: 'electron',
  platform: process.platform,
  request: (request) => ipcRenderer.invoke(channel('command'), request) as Promise<Reply>,
  command: async (type, params) => {
    const reply = (await ipcRenderer.invoke(channel('command'), { id: `ipc-${nextId++}`, type, params })) as Reply;
    if (reply.ok) return reply.result as never;
    // contextBridge keeps only an Error's message; the code leads it ("not-found: ...").
    throw new Error(`${reply.error.code}: ${reply.error.message}`);
  },
  on: (event, listener) => {
    if (!MAIN_EVENT_TYPES.includes(event as MainEventType) || typeof listener !== 'function') throw new Error(`firedrill.on: unknown event ${String(event)}`);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel(event), wrapped);
    return () => void ipcRenderer.removeListener(channel(event), wrapped);
  },
  // The shell's own channels: a failure reaches the page as its message, without Electron's prefix.
  openExternal: (url) => invokeWithMessage<boolean>('shell.openExternal', url),
  saveFile: (request) => invokeWithMessage<{ saved: string | null }>('dialog.save', request),
  openFile: () => invokeWithMessage<Awaited<ReturnType<FiredrillBridge['openFile']>>>('dialog.open'),
  openProjector: (sessionId) => invokeWithMessage<void>('window.openProjector', sessionId),
  printPdf: (request) => invokeWithMessage<{ saved: string | null }>('export.printPdf', request),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
