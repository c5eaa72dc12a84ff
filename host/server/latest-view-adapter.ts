import { SessionAwareAdapter, type BroadcastOptions, type PrivateSessionId, type Session } from 'socket.io-adapter';

/** The events whose payload is a whole state (a view): a page that missed several needs the latest only. */
const WHOLE_STATES = new Set(['session.update', 'audience.update', 'lobby.update']);
/** Engine.IO's EVENT packet type (socket.io-parser). */
const EVENT = 2;
/** How often the record of the latest views is swept of those older than a recovery may ask for. */
const SWEEP_MS = 60_000;

interface Broadcast {
  type: number;
  /** [event, payload]: the adapter appends the packet's offset, and keeps this array for recoveries. */
  data: unknown[];
  id?: number;
}

/**
 * Socket.IO's connection-state recovery (socket-server.ts) keeps every packet broadcast in the
 * last maxDisconnectionDuration, to hand a page back what it missed during a short drop. A view
 * pushed to a room is a whole state: each one supersedes the one before, so only the latest of
 * each event and room is kept whole; the others keep their offset (a page's place in the
 * stream) but let their view go, and are left out of what a recovered page is sent. At 600x, 66
 * pages and a push on every change, the superseded views were most of the server's memory growth.
 */
export class LatestViewAdapter extends SessionAwareAdapter {
  private readonly latest = new Map<string, { data: unknown[]; at: number }>();
  private swept = Date.now();

  override broadcast(packet: Broadcast, opts: BroadcastOptions): void {
    super.broadcast(packet, opts);
    const event = packet.data[0];
    const kept = packet.type === EVENT && packet.id === undefined && opts.flags?.volatile === undefined;
    if (!kept || typeof event !== 'string' || !WHOLE_STATES.has(event) || (opts.except?.size ?? 0) > 0 || opts.rooms.size === 0) return;
    const key = [event, ...[...opts.rooms].sort()].join('\n');
    const now = Date.now();
    const before = this.latest.get(key);
    // Sent already (the adapter encodes a broadcast at once): emptied, it is skipped by restoreSession below.
    if (before) before.data.length = 0;
    this.latest.set(key, { data: packet.data, at: now });
    if (now - this.swept >= SWEEP_MS) this.sweep(now);
  }

  override async restoreSession(pid: PrivateSessionId, offset: string): Promise<Session> {
    const session = await super.restoreSession(pid, offset);
    // A superseded view, emptied above: the page gets the latest one of its rooms instead. Copied,
    // so that a view superseded before Socket.IO sends these is still sent whole.
    if (session) session.missedPackets = session.missedPackets.filter((data: unknown[]) => data.length > 0).map((data: unknown[]) => [...data]);
    return session;
  }

  /** Forgets the latest views of rooms quiet for longer than a recovery may reach back (ended sessions'). */
  private sweep(now: number): void {
    this.swept = now;
    const horizon = now - (this.nsp.server.opts.connectionStateRecovery.maxDisconnectionDuration as number);
    for (const [key, { at }] of this.latest) if (at < horizon) this.latest.delete(key);
  }
}
