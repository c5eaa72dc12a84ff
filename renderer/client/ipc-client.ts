import type { ServerEvents } from '../../engine/protocol/index.js';
import type { RendererBridge } from './firedrill-bridge.js';
import { CommandError, type SessionClient } from './session-client.js';

/**
 * The Electron IPC transport: the same { id, type, params } envelope and Reply as the Socket.IO
 * acknowledgement, carried by the preload's `request`, and the session events by its `on`. The
 * UI cannot tell it from socketClient.
 */
export function ipcClient(bridge: Pick<RendererBridge, 'request' | 'on'>): SessionClient {
  let nextId = 1;
  const subscriptions = new Set<() => void>();
  return {
    async send(type, params) {
      const id = `ipc-${nextId++}`;
      let reply;
      try {
        reply = await bridge.request({ id, type, params });
      } catch (error) {
        // The main process answers every command with a Reply; a rejection means the message
        // never got there (params that cannot be cloned, a window going away).
        throw new CommandError({ code: 'internal', message: `${type} could not be sent to Firedrill: ${(error as Error)?.message ?? String(error)}` });
      }
      if (reply.ok) return reply.result as never;
      throw new CommandError(reply.error);
    },
    on(event, listener) {
      const stop = bridge.on(event, listener as (payload: ServerEvents[typeof event]) => void);
      let stopped = false;
      const unsubscribe = () => {
        if (stopped) return;
        stopped = true;
        subscriptions.delete(unsubscribe);
        stop();
      };
      subscriptions.add(unsubscribe);
      return unsubscribe;
    },
    // The main process is always there while the window is.
    onConnection: () => () => {},
    // The bridge outlives the client: closing stops this client's listeners only.
    close() {
      for (const unsubscribe of [...subscriptions]) unsubscribe();
    },
  };
}
