import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../library/bundled.js';
import { createRendererHandler } from './http-app.js';
import { FiredrillHost } from '../service/firedrill-host.js';
import { attachSocketServer, FACILITATORS_ROOM } from './socket-server.js';
import { LanListener, type TlsFiles } from './lan-listener.js';
import { TrustedAddresses } from './trusted-host.js';
import type { CommandParams } from '../../engine/protocol/index.js';
import { AccessTokens, newFacilitatorToken } from '../service/access-tokens.js';

export interface ServeOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /** The built renderer; dist/renderer/ of the package by default. */
  rendererDir?: string;
  /** How often live sessions' clocks move and their views go out, in wall ms. */
  tickMs?: number;
  now?: () => number;
  logError?: (message: string) => void;
  /** Engine.IO's heartbeat, in ms (tests shorten it to see pings answered under load). */
  pingInterval?: number;
  /** LAN mode at the start (firedrill serve --lan [--interface NAME]); the facilitator can also start it with lan.start. */
  lan?: CommandParams<'lan.start'>;
  /** The organisation's certificate: the LAN listener then speaks TLS (--tls-cert, --tls-key). */
  tls?: TlsFiles;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open: the facilitator token is in it. */
  url: string;
  host: FiredrillHost;
  /** LAN mode: whether it listens on the local network, and its join address. */
  lan: LanListener;
  /** Stops taking connections, finishes the appends under way, closes journals, releases locks. */
  close(): Promise<void>;
}

/**
 * The key the projector's and participants' tokens are signed with, kept in the data folder
 * (readable by its owner only) so that those tokens survive a restart; made on first use.
 */
export function signingKey(dataDir: string): string {
  const file = join(dataDir, 'token-signing.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32).toString('base64url');
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return key;
  }
}

/**
 * The served app: the renderer over HTTP and the session protocol over Socket.IO, with the LAN
 * listener that hands it the LAN's connections while LAN mode is on. `port` is the loopback
 * port it answers as; the desktop app gives none (-1): its windows speak IPC, and the served app
 * is reached only through the LAN listener (desktop-lan.ts).
 */
export function servedApp(options: { tokens: AccessTokens; port: () => number; logError: (message: string) => void; rendererDir?: string; tls?: TlsFiles; pingInterval?: number }) {
  const trusted = new TrustedAddresses(options.port);
  const http = createServer(createRendererHandler({ rendererDir: options.rendererDir ?? join(packageRoot(), 'dist', 'renderer'), port: options.port, trustedHost: (name) => trusted.host(name), logError: options.logError }));
  // A malformed HTTP request is answered by Node and logged nowhere: it is the client's mistake.
  http.on('clientError', (_error, socket) => socket.destroy());
  // eslint-disable-next-line prefer-const -- the listener needs the socket server's, which needs the listener's viaLan
  let lan: LanListener;
  const sockets = attachSocketServer(http, { tokens: options.tokens, trusted, viaLan: (request) => lan.viaLan(request), logError: options.logError, ...(options.pingInterval ? { pingInterval: options.pingInterval } : {}) });
  lan = new LanListener(http, trusted, options.tls, (status) => void sockets.io.to(FACILITATORS_ROOM).emit('lan.update', { lan: status }));
  return { http, sockets, lan };
}

/** The port is taken; the message says what to do. */
export class PortInUse extends Error {
  override name = 'PortInUse';
}

/**
 * The local server of browser mode: HTTP on 127.0.0.1 (and on the LAN only while LAN mode is on: lan-listener.ts), serving the renderer, and the
 * session protocol over WebSocket (Socket.IO). Live sessions run on the wall clock through
 * their ClockDriver, ticked every `tickMs`.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newFacilitatorToken();
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  let port = options.port;
  const tokens = new AccessTokens(token, signingKey(options.dataDir));
  const { http, sockets, lan } = servedApp({ tokens, port: () => port, logError, ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}), ...(options.tls ? { tls: options.tls } : {}), ...(options.pingInterval ? { pingInterval: options.pingInterval } : {}) });
  const host = new FiredrillHost({ dataDir: options.dataDir, events: sockets.events, logError, tokens, ...(options.now ? { now: options.now } : {}) });
  host.lan = lan;
  sockets.bind(host);

  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUse(`port ${options.port} is in use (another Firedrill?); choose another with --port`) : error));
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  if (options.lan) {
    try {
      await lan.start(options.lan);
    } catch (error) {
      await new Promise<void>((resolve) => sockets.io.close(() => resolve()));
      await host.close();
      throw error;
    }
  }
  const stopTicking = host.startTicking(options.tickMs ?? 250, logError);

  let closing: Promise<void> | undefined;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    host,
    lan,
    close: () => {
      closing ??= (async () => {
        stopTicking();
        await lan.stop();
        await new Promise<void>((resolve) => sockets.io.close(() => resolve()));
        await host.close();
      })();
      return closing;
    },
  };
}
