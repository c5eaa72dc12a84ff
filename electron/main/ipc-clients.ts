import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import { Connection, type ClientSessions, type Holdings } from '../../host/service/connection.js';
import { FACILITATOR, type Identity } from '../../host/service/identity.js';
import type { HostEvents } from '../../host/service/session-service.js';
import type { AudienceKey } from '../../engine/protocol/audience.js';

/** Sends one event to one window's renderer (webContents.send on the event's channel). */
export type SendToClient = <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => void;

/**
 * The windows connected to the host over IPC, each a Connection with the sessions it has open:
 * the IPC counterpart of Socket.IO's rooms. The host's events go to the windows that have the
 * session open, and a window that closes lets go of every session (the host counts who holds a
 * session across windows, and releases it when nobody does). No Electron in here.
 */
export class IpcClients {
  private readonly windows = new Map<number, { send: SendToClient; sessions: Set<string>; watching: Map<string, AudienceKey>; connection: Connection }>();

  /** `holdings` is the host's SessionService (asked for lazily: the host is built with these clients' events). */
  constructor(private readonly holdings: () => Holdings) {}

  /**
   * The client of a window (by webContents id), created on its first message. Its identity is
   * the window's, as main opened it: the facilitator's console, or a session's projector.
   */
  client(id: number, send: SendToClient, identity: Identity = FACILITATOR): ClientSessions {
    let entry = this.windows.get(id);
    if (!entry) {
      const sessions = new Set<string>();
      const watching = new Map<string, AudienceKey>();
      const connection = new Connection(
        identity,
        { hold: (sessionId, holder) => this.holdings().hold(sessionId, holder), letGo: (sessionId, holder) => this.holdings().letGo(sessionId, holder) },
        {
          subscribe: (sessionId) => void sessions.add(sessionId),
          unsubscribe: (sessionId) => void sessions.delete(sessionId),
          // The projector window watches its session's projector view (audience.open).
          watch: (sessionId, key) => void watching.set(sessionId, key),
          unwatch: (sessionId) => void watching.delete(sessionId),
          notify: (event, payload) => send(event, payload),
        },
      );
      entry = { send, sessions, watching, connection };
      this.windows.set(id, entry);
    }
    return entry.connection;
  }

  /** The window is gone (closed, crashed, reloaded): it lets go of its sessions. */
  remove(id: number): void {
    const entry = this.windows.get(id);
    this.windows.delete(id);
    entry?.connection.close();
  }

  /** Sessions open in any window. */
  openSessions(): Set<string> {
    return new Set([...this.windows.values()].flatMap((entry) => [...entry.sessions]));
  }

  /** The host's events, delivered to the windows that have the session open. */
  readonly events: HostEvents = {
    update: (sessionId, view) => {
      for (const entry of this.windows.values()) if (entry.sessions.has(sessionId)) entry.send('session.update', { sessionId, view });
    },
    // Then the host tells each window's connection to forget the session.
    closed: (sessionId, reason) => {
      for (const entry of this.windows.values()) if (entry.sessions.has(sessionId) || entry.watching.has(sessionId)) entry.send('session.closed', { sessionId, reason });
    },
    audiences: (sessionId) => [...new Set([...this.windows.values()].flatMap((entry) => { const key = entry.watching.get(sessionId); return key ? [key] : []; }))],
    audience: (sessionId, key, view) => {
      for (const entry of this.windows.values()) if (entry.watching.get(sessionId) === key) entry.send('audience.update', { sessionId, view });
    },
  };
}
