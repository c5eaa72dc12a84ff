import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT } from '../../engine/protocol/event-names.js';
import type { CommandParamsInput, CommandResult, CommandType, Reply, ServerEvents } from '../../engine/protocol/index.js';
import { CommandError } from '../client/session-client.js';

// A participant's page and the facilitator's Firedrill on the LAN: one Socket.IO connection,
// without a token while the person joins (the code and the name), then with their participant
// token. It says when the connection is up or lost (the join machine's host.connected and
// host.lost) and when the host refuses the token outright (removed, or the session is over).

export type LinkStatus = 'connected' | 'lost' | 'token-refused';

export interface JoinLink {
  /** Connects with this token (null: none yet); the same token keeps the connection it has. */
  use(token: string | null): void;
  readonly connected: boolean;
  send<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>>;
  on<E extends keyof ServerEvents>(event: E, listener: (payload: ServerEvents[E]) => void): () => void;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  close(): void;
}

/** A page without a token says it comes to join with a code: the host lets it look codes up and join, nothing else. */
const GUEST_QUERY = { join: '1' };

/** Whether the host answers a connection without a token: it does when only the token was refused. */
function answersWithoutToken(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = io(origin, { query: GUEST_QUERY, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 5_000 });
    const done = (answers: boolean) => {
      probe.close();
      resolve(answers);
    };
    probe.on('connect', () => done(true));
    probe.on('connect_error', () => done(false));
  });
}

export function joinLink(origin: string): JoinLink {
  let socket: Socket | null = null;
  let token: string | null | undefined;
  const statusListeners = new Set<(status: LinkStatus) => void>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const tell = (status: LinkStatus) => statusListeners.forEach((listener) => listener(status));
  let nextId = 1;

  const open = (next: string | null) => {
    // A deliberate switch (the token arrived) is no loss: the old socket goes silently.
    socket?.removeAllListeners();
    socket?.close();
    token = next;
    const current = io(origin, { query: next ? { token: next } : GUEST_QUERY, transports: ['websocket'], forceNew: true });
    socket = current;
    current.on('connect', () => tell('connected'));
    current.on('disconnect', () => tell('lost'));
    current.on('connect_error', () => {
      // The handshake refused: a dead token, or no host at all. Which one decides between
      // "your place has ended" and "reconnecting".
      if (!next) return;
      void answersWithoutToken(origin).then((answers) => {
        if (answers && socket === current) {
          current.close();
          tell('token-refused');
        }
      });
    });
    current.onAny((event: string, payload: unknown) => eventListeners.get(event)?.forEach((listener) => listener(payload)));
  };

  // The device knows before the host does when its network goes (Wi-Fi off, out of range): the
  // connection is dropped at once, and made again when the network is back, rather than
  // waiting for the heartbeat to notice.
  const offline = () => socket?.disconnect();
  const online = () => {
    if (socket && !socket.connected) socket.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  return {
    use(next) {
      if (socket && token === next && socket.active) return;
      open(next);
    },
    get connected() {
      return socket?.connected ?? false;
    },
    send(type, params) {
      if (!socket) open(null);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        socket!.emit(COMMAND_EVENT, { id, type, params }, (reply: Reply) => {
          if (reply.ok) resolve(reply.result as never);
          else reject(new CommandError(reply.error));
        });
      });
    },
    on(event, listener) {
      const listeners = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, listeners);
      const handler = listener as (payload: unknown) => void;
      listeners.add(handler);
      return () => void listeners.delete(handler);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
    close() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket?.removeAllListeners();
      socket?.close();
      socket = null;
    },
  };
}
