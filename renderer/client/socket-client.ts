import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT } from '../../engine/protocol/event-names.js';
import type { Reply } from '../../engine/protocol/index.js';
import { CommandError, type ConnectionState, type SessionClient } from './session-client.js';

/**
 * The Socket.IO transport to `firedrill serve`; the token comes from the page URL and goes in the
 * handshake's query, where the server checks it before it reads anything else.
 */
export function socketClient(origin: string, token: string): SessionClient {
  const socket: Socket = io(origin, { query: { token }, transports: ['websocket'] });
  let nextId = 1;
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const tell = (state: ConnectionState) => connectionListeners.forEach((listener) => listener(state));
  let connectedBefore = false;
  socket.on('connect', () => {
    if (connectedBefore) tell(socket.recovered ? 'recovered' : 'back');
    connectedBefore = true;
  });
  socket.on('disconnect', () => tell('lost'));
  return {
    send(type, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        socket.emit(COMMAND_EVENT, { id, type, params }, (reply: Reply) => {
          if (reply.ok) resolve(reply.result as never);
          else reject(new CommandError(reply.error));
        });
      });
    },
    on(event, listener) {
      const handler = listener as (payload: unknown) => void;
      socket.on(event as string, handler);
      return () => void socket.off(event as string, handler);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    close: () => void socket.close(),
  };
}

/** The token from `?token=...` in the page address, as firedrill serve prints it. */
export const tokenFromLocation = (search: string): string => new URLSearchParams(search).get('token') ?? '';
