import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import type { Identity } from './identity.js';
import type { AudienceKey } from '../../engine/protocol/audience.js';
import type { Holder } from './session-service.js';

/** What a transport does when a connection opens or leaves a session: send it that session's updates, or stop. */
export interface Subscription {
  subscribe(sessionId: string): void;
  unsubscribe(sessionId: string): void;
  /** Sends an event to this connection alone (a simulation's progress goes to whoever started it). */
  notify<E extends ServerEventType>(event: E, payload: ServerEvents[E]): void;
  /** Sends this connection an audience's view pushes of a session (the projector, a participant). */
  watch?(sessionId: string, audience: AudienceKey): void;
  unwatch?(sessionId: string): void;
  /** The address the connection came from (for the join codes' rate limit). */
  address?: string;
}

/** Where a connection's holds are counted (SessionService.hold and letGo). */
export interface Holdings {
  hold(sessionId: string, holder: Holder): void;
  letGo(sessionId: string, holder: Holder): void;
}

/**
 * One client of the host, whatever the transport (a Socket.IO connection, an Electron window):
 * the sessions it has open, which it gets the updates of and which stay live while it holds
 * them. Closing it (the page went) lets go of them all.
 */
export class Connection implements Holder {
  private readonly open = new Set<string>();
  private readonly onClose = new Set<() => void>();
  private gone = false;

  constructor(
    /** Who is connected: what it may do is decided by this, not by its messages. */
    readonly identity: Identity,
    private readonly holdings: Holdings,
    private readonly subscription: Subscription,
  ) {}

  has(sessionId: string): boolean {
    return this.open.has(sessionId);
  }

  /** Opens the session here (created or opened for this connection, or recovered with it). */
  join(sessionId: string): void {
    // The page went while the session was being opened for it: nobody is there to hold it.
    if (this.gone) return this.holdings.letGo(sessionId, this);
    this.open.add(sessionId);
    this.subscription.subscribe(sessionId);
    this.holdings.hold(sessionId, this);
  }

  leave(sessionId: string): void {
    this.open.delete(sessionId);
    this.subscription.unsubscribe(sessionId);
    this.holdings.letGo(sessionId, this);
  }

  /** The host dropped the session (archived, deleted, a disk failure): it is open here no more. */
  forget(sessionId: string): void {
    this.open.delete(sessionId);
    this.subscription.unsubscribe(sessionId);
  }

  /** Sends an event to this connection, while it is there. */
  notify<E extends ServerEventType>(event: E, payload: ServerEvents[E]): void {
    if (!this.gone) this.subscription.notify(event, payload);
  }

  /** Runs `then` when the connection closes (a simulation it started stops); returns the function that forgets it. */
  whenClosed(then: () => void): () => void {
    if (this.gone) {
      then();
      return () => {};
    }
    this.onClose.add(then);
    return () => void this.onClose.delete(then);
  }

  /** The page or window is gone: every session it had open is let go, and what it started stops. */
  close(): void {
    this.gone = true;
    for (const sessionId of [...this.open]) this.leave(sessionId);
    for (const then of [...this.onClose]) then();
    this.onClose.clear();
  }

  /** Watches an audience's view of a session (no hold: a participant or projector never keeps a session live, nor pauses it by leaving). */
  watch(sessionId: string, audience: AudienceKey): void {
    if (!this.gone) this.subscription.watch?.(sessionId, audience);
  }

  unwatch(sessionId: string): void {
    this.subscription.unwatch?.(sessionId);
  }

  get address(): string {
    return this.subscription.address ?? 'local';
  }

  /** The sessions open here. */
  sessions(): string[] {
    return [...this.open];
  }
}

/** What a command handler uses of its connection. */
export type ClientSessions = Pick<Connection, 'identity' | 'has' | 'join' | 'leave' | 'watch' | 'unwatch' | 'notify' | 'whenClosed' | 'address'>;
