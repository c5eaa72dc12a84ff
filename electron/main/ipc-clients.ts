import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import type { ClientSessions } from '../../host/service/client-sessions.js';
import type { HostEvents } from '../../host/service/session-service.js';

/** Sends one session event to one window's renderer (webContents.send on the event's channel). */
export type SendToClient = <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => void;

/**
 * The windows connected to the host over IPC, each a client with the sessions it has open:
 * the IPC counterpart of Socket.IO's rooms. The host's events go to the windows that have the
 * session open, and a window that closes leaves every session. No Electron in here.
 */
export class IpcClients {
  private readonly clients = new Map<number, { send: SendToClient; sessions: Set<string> }>();

  /** `unattended` hears of a session no window has open any more (to pause it: SessionService.pauseUnattended). */
  constructor(private readonly unattended: (sessionId: string) => void = () => {}) {}

  private leftBehind(sessionIds: Iterable<string>): void {
    const open = this.openSessions();
    for (const sessionId of sessionIds) if (!open.has(sessionId)) this.unattended(sessionId);
  }

  /** The client of a window (by webContents id), created on its first message. */
  client(id: number, send: SendToClient): ClientSessions {
    let entry = this.clients.get(id);
    if (!entry) {
      entry = { send, sessions: new Set() };
      this.clients.set(id, entry);
    }
    const { sessions } = entry;
    return {
      has: (sessionId) => sessions.has(sessionId),
      join: (sessionId) => {
        sessions.add(sessionId);
        // The window went while the session was being opened for it: nobody watches it.
        if (this.clients.get(id) !== entry) this.leftBehind([sessionId]);
      },
      leave: (sessionId) => {
        sessions.delete(sessionId);
        this.leftBehind([sessionId]);
      },
    };
  }

  /** The window is gone (closed, crashed, reloaded). */
  remove(id: number): void {
    const entry = this.clients.get(id);
    this.clients.delete(id);
    if (entry) this.leftBehind(entry.sessions);
  }

  /** Sessions open in any window. */
  openSessions(): Set<string> {
    return new Set([...this.clients.values()].flatMap((entry) => [...entry.sessions]));
  }

  /** The host's events, delivered to the windows that have the session open. */
  readonly events: HostEvents = {
    update: (sessionId, view) => {
      for (const entry of this.clients.values()) if (entry.sessions.has(sessionId)) entry.send('session.update', { sessionId, view });
    },
    closed: (sessionId, reason) => {
      for (const entry of this.clients.values()) {
        if (!entry.sessions.has(sessionId)) continue;
        entry.sessions.delete(sessionId);
        entry.send('session.closed', { sessionId, reason });
      }
    },
  };
}
