import type { FiredrillHost } from '../service/firedrill-host.js';
import type { HostEvents } from '../service/session-service.js';
import { AccessTokens, newFacilitatorToken } from '../service/access-tokens.js';
import { servedApp, signingKey } from './server.js';

/** The host's events to two transports at once: the desktop app's windows and the LAN's pages. */
export function bothTransports(first: HostEvents, second: HostEvents): HostEvents {
  return {
    update: (sessionId, view) => {
      first.update(sessionId, view);
      second.update(sessionId, view);
    },
    closed: (sessionId, reason) => {
      first.closed(sessionId, reason);
      second.closed(sessionId, reason);
    },
    audiences: (sessionId) => [...new Set([...(first.audiences?.(sessionId) ?? []), ...(second.audiences?.(sessionId) ?? [])])],
    audience: (sessionId, key, view) => {
      first.audience?.(sessionId, key, view);
      second.audience?.(sessionId, key, view);
    },
  };
}

/**
 * LAN mode in the desktop app (docs/lan.md): the main process serves the participants' pages
 * and their session protocol on the local network, from the same host as the app's windows,
 * only while the facilitator has LAN mode on. Nothing listens on loopback: the facilitator is
 * the app's window (IPC), and the facilitator token made here is given to nobody (a page that
 * came through the LAN is never taken as the facilitator anyway).
 */
export function desktopLan(options: { dataDir: string; windows: HostEvents; logError: (message: string) => void; rendererDir?: string }) {
  const tokens = new AccessTokens(newFacilitatorToken(), signingKey(options.dataDir));
  const app = servedApp({ tokens, port: () => -1, logError: options.logError, ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}) });
  return {
    /** For the host: participants' and the projector's tokens are signed with the data folder's key. */
    tokens,
    /** For the host: its events go to the windows and to the LAN's pages. */
    events: bothTransports(options.windows, app.sockets.events),
    /** The host answers the LAN's pages, and lan.start / lan.stop drive the listener. */
    bind(host: FiredrillHost): void {
      host.lan = app.lan;
      app.sockets.bind(host);
    },
    /** Stops listening on the LAN and disconnects its pages. */
    async close(): Promise<void> {
      await app.lan.stop();
      await new Promise<void>((resolve) => app.sockets.io.close(() => resolve()));
    },
  };
}
