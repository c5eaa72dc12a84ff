import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { COMMAND_EVENT, REPLY_EVENT, failure, type Reply, type ServerEvents } from '../../engine/protocol/messages.js';
import { MAX_TRANSPORT_BYTES } from '../../engine/protocol/limits.js';
import type { AccessTokens } from '../service/access-tokens.js';
import { Connection } from '../service/connection.js';
import { replyTo } from '../service/dispatch.js';
import type { FiredrillHost } from '../service/firedrill-host.js';
import type { HostEvents } from '../service/session-service.js';
import { REFUSED_FRAME_EVENT, tolerantParser, type RefusedFrame } from './tolerant-parser.js';
import { LatestViewAdapter } from './latest-view-adapter.js';
import { GUEST, type Identity } from '../service/identity.js';
import type { LobbyEvents } from '../service/lobby-service.js';
import type { AudienceKey } from '../../engine/protocol/audience.js';

/** The Socket.IO room of a session's clients. */
const ROOM_PREFIX = 'session:';
export const sessionRoom = (sessionId: string) => `${ROOM_PREFIX}${sessionId}`;
const isSessionRoom = (room: string) => room.startsWith(ROOM_PREFIX);
const sessionOfRoom = (room: string) => room.slice(ROOM_PREFIX.length);

/** Every facilitator connection (LAN mode's changes go to them). */
export const FACILITATORS_ROOM = 'facilitators';
/** The room of the pages watching one audience's view of a session (docs/lan.md). */
const AUDIENCE_PREFIX = 'audience:';
export const audienceRoom = (sessionId: string, key: AudienceKey) => `${AUDIENCE_PREFIX}${sessionId}:${key}`;
/** The room of one participant's pages (to move, tell or disconnect them all). */
const participantRoom = (sessionId: string, participant: string) => `participant:${sessionId}:${participant}`;

/** The refusal of a connection without a valid token, before anything it sends is read. */
export const NO_TOKEN = 'unauthorized: this connection has no valid token: open Firedrill at the address it printed (it ends in ?token=...)';

/** The token a client presents: in the query of its first request (a browser cannot set WebSocket headers). */
const presentedToken = (request: IncomingMessage): string | null => new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
/** A page without a token that comes to join a session with its code (`?join=1`): a guest. */
const comesToJoin = (request: IncomingMessage): boolean => new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('join') === '1';

export interface SocketServerOptions {
  tokens: AccessTokens;
  /** Whether a Host and an Origin header name this server (its loopback port; its LAN address while LAN mode is on). */
  trusted: { host(host: string | undefined): boolean; origin(origin: string | undefined): boolean };
  /** Whether the request came through the LAN listener: the facilitator's token is not taken there. */
  viaLan: (request: IncomingMessage) => boolean;
  /** Where unexpected errors (bugs) are reported; the client only gets "internal". */
  logError: (message: string) => void;
  /** Engine.IO's heartbeat, in ms (tests shorten it). */
  pingInterval?: number;
}

/**
 * The session protocol over Socket.IO. A client emits COMMAND_EVENT with { id, type, params }
 * and an acknowledgement callback, which carries the reply (without a callback, the reply comes
 * as REPLY_EVENT). The token is checked at the handshake, before any frame is read: a client
 * without a valid one never gets a connection. Every frame is then checked before it is parsed
 * (size, nesting: tolerant-parser.ts) and every message before it reaches the host (schema, what
 * the connection's identity may do); a bad one gets an error reply and changes nothing.
 * Updates go to a room per session.
 */
export function attachSocketServer(http: HttpServer, options: SocketServerOptions): { io: Server; events: HostEvents; bind(host: FiredrillHost): void } {
  const io = new Server(http, {
    serveClient: false,
    parser: tolerantParser,
    maxHttpBufferSize: MAX_TRANSPORT_BYTES,
    transports: ['websocket', 'polling'],
    allowRequest: (request, callback) => {
      if (!options.trusted.host(request.headers.host) || !options.trusted.origin(request.headers.origin)) return callback('forbidden: Firedrill answers pages of its own address only', false);
      identify(request).then(
        (identity) => callback(identity ? null : NO_TOKEN, identity !== undefined),
        () => callback(NO_TOKEN, false),
      );
    },
    // A client that drops for a moment (a laptop lid) gets its rooms and missed updates back:
    // of the views, the latest of each room only (latest-view-adapter.ts).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    adapter: LatestViewAdapter,
    // A page that vanishes (a network drop) is noticed within 15 s rather than 45 s: its
    // session then pauses, and at 600x every second counts.
    pingInterval: options.pingInterval ?? 10_000,
    pingTimeout: 5_000,
  });

  let host: FiredrillHost | undefined;

  /**
   * Who a request's token makes it: the facilitator (never through the LAN listener), a
   * projector, a participant not removed (the session says: a removed one's token is dead), or a
   * guest come to join with a code.
   */
  async function identify(request: IncomingMessage): Promise<Identity | undefined> {
    const token = presentedToken(request);
    if (token === null) return comesToJoin(request) ? GUEST : undefined;
    const identity = options.tokens.identify(token);
    if (identity?.kind === 'facilitator' && options.viaLan(request)) return undefined;
    if (identity?.kind === 'participant') return host && (await host.lobby.person(identity.sessionId, identity.participant)) ? identity : undefined;
    return identity;
  }

  const emit = <E extends keyof ServerEvents>(room: string, event: E, payload: ServerEvents[E]) => io.to(room).emit(event, payload);
  const audiencePrefix = (sessionId: string) => `${AUDIENCE_PREFIX}${sessionId}:`;
  const events: HostEvents = {
    update: (sessionId, view) => emit(sessionRoom(sessionId), 'session.update', { sessionId, view }),
    // Then the host tells each connection to forget the session, which leaves its room.
    closed: (sessionId, reason) => {
      emit(sessionRoom(sessionId), 'session.closed', { sessionId, reason });
      for (const room of audienceRooms(sessionId)) emit(room, 'session.closed', { sessionId, reason });
    },
    audiences: (sessionId) => audienceRooms(sessionId).map((room) => room.slice(audiencePrefix(sessionId).length) as AudienceKey),
    audience: (sessionId, key, view) => emit(audienceRoom(sessionId, key), 'audience.update', { sessionId, view }),
  };
  /** The audience rooms of a session that have someone in them. */
  function audienceRooms(sessionId: string): string[] {
    const prefix = audiencePrefix(sessionId);
    return [...io.sockets.adapter.rooms.keys()].filter((room) => room.startsWith(prefix));
  }
  /** Moves every socket of a room from the session's audience rooms to another. */
  async function moveTo(room: string, sessionId: string, key: AudienceKey): Promise<void> {
    for (const socket of await io.in(room).fetchSockets()) {
      for (const joined of socket.rooms) if (joined.startsWith(audiencePrefix(sessionId))) socket.leave(joined);
      socket.join(audienceRoom(sessionId, key));
    }
  }
  const lobbyEvents: LobbyEvents = {
    lobby: (sessionId, lobby) => emit(sessionRoom(sessionId), 'lobby.update', { sessionId, lobby }),
    moved: (sessionId, participant, me, key, view) => {
      const room = participantRoom(sessionId, participant);
      void moveTo(room, sessionId, key).then(() => {
        emit(room, 'participant.update', { me });
        emit(room, 'audience.update', { sessionId, view });
      });
    },
    removed: (sessionId, participant, reason) => {
      const room = participantRoom(sessionId, participant);
      emit(room, 'participant.removed', { sessionId, reason });
      // Their token is dead from now on (the session has them removed): their pages go at once.
      io.in(room).disconnectSockets(true);
    },
  };

  io.on('connection', (socket: Socket) => {
    const token = presentedToken(socket.request);
    const identity = token === null ? (comesToJoin(socket.request) ? GUEST : undefined) : options.tokens.identify(token);
    // Only a connection that passed allowRequest gets here; should one not, it is dropped unread.
    if (!host || !identity) return void socket.disconnect(true);
    const bound = host;
    const client = new Connection(identity, bound.sessions, {
      subscribe: (sessionId) => void socket.join(sessionRoom(sessionId)),
      unsubscribe: (sessionId) => void socket.leave(sessionRoom(sessionId)),
      watch: (sessionId, key) => {
        for (const room of socket.rooms) if (room.startsWith(audiencePrefix(sessionId))) void socket.leave(room);
        void socket.join(audienceRoom(sessionId, key));
      },
      unwatch: (sessionId) => {
        for (const room of socket.rooms) if (room.startsWith(audiencePrefix(sessionId))) void socket.leave(room);
      },
      notify: (event, payload) => void socket.emit(event, payload),
      address: socket.handshake.address,
    });
    if (identity.kind === 'facilitator') void socket.join(FACILITATORS_ROOM);
    if (identity.kind === 'participant') {
      void socket.join(participantRoom(identity.sessionId, identity.participant));
      bound.lobby.connected(identity.sessionId, identity.participant);
      socket.on('disconnect', () => bound.lobby.disconnected(identity.sessionId, identity.participant));
    }
    // A connection recovered after a short drop has its rooms back: it holds their sessions again
    // (released meanwhile if nobody else had them; the next input reopens them from the journal).
    if (socket.recovered) for (const room of socket.rooms) if (isSessionRoom(room)) client.join(sessionOfRoom(room));
    // The last page of a session to go lets it go: paused, then released (SessionService.letGo).
    socket.on('disconnect', () => client.close());
    const answer = (reply: Reply, ack: ((reply: Reply) => void) | undefined) => (ack ? ack(reply) : socket.emit(REPLY_EVENT, reply));

    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (reply: Reply) => void) : undefined;
      if (event === REFUSED_FRAME_EVENT) {
        const { code, message } = args[0] as RefusedFrame;
        return answer(failure(null, code, message), ack);
      }
      if (event !== COMMAND_EVENT) {
        return answer(failure(null, 'unknown-command', `send commands as the "${COMMAND_EVENT}" event, not ${JSON.stringify(String(event).slice(0, 60))}`), ack);
      }
      if (args.length !== 1) return answer(failure(null, 'bad-request', `a command is one object { id, type, params }, not ${args.length} arguments`), ack);
      // Nothing a message does may end the process: a failure here is a bug, logged.
      replyTo(bound, client, args[0], options.logError).then(
        (reply) => answer(reply, ack),
        (error: unknown) => options.logError(`firedrill serve: internal error answering a command (please report it):\n${(error as Error)?.stack ?? String(error)}`),
      );
    });
  });

  return {
    io,
    events,
    bind: (bound) => {
      host = bound;
      bound.lobby.bind(lobbyEvents);
    },
  };
}
