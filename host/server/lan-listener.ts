import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import type { CommandParams, LanStatus } from '../../engine/protocol/index.js';
import type { LanControl } from '../service/firedrill-host.js';
import { CommandFailure } from '../service/command-failure.js';
import type { TrustedAddresses } from './trusted-host.js';

/** The LAN port unless told otherwise. */
export const DEFAULT_LAN_PORT = 4781;

/** The organisation's own certificate, for a LAN listener that speaks TLS (--tls-cert, --tls-key). */
export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

/** This machine's IPv4 addresses on a network (not loopback), by interface. */
export function lanInterfaces(): { name: string; address: string }[] {
  const found: { name: string; address: string }[] = [];
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    for (const one of addresses ?? []) if (one.family === 'IPv4' && !one.internal) found.push({ name, address: one.address });
  }
  return found;
}

/**
 * LAN mode (docs/lan.md): a second listener, on the local network, only while asked. It hands its
 * connections to the same HTTP server as the loopback one (one renderer, one Socket.IO server),
 * marked as come through the LAN: the facilitator's token is not taken from them, and stopping
 * LAN mode ends every one of them. The join address is printed and shown as text and as a QR
 * code drawn here (no network).
 */
export class LanListener implements LanControl {
  private listener: NetServer | undefined;
  private readonly sockets = new Set<Socket>();
  private current: Omit<LanStatus, 'interfaces' | 'qrSvg'> & { qrSvg: string | null } = { listening: false, joinAddress: null, qrSvg: null, address: null, interface: null, port: null, tls: false };

  constructor(
    private readonly http: HttpServer,
    private readonly trusted: TrustedAddresses,
    private readonly tls: TlsFiles | undefined,
    private readonly onChange: (status: LanStatus) => void,
  ) {}

  /** Whether an HTTP request came through the LAN listener. */
  viaLan(request: IncomingMessage): boolean {
    return this.sockets.has(request.socket as Socket);
  }

  status(): LanStatus {
    return { ...this.current, interfaces: lanInterfaces() };
  }

  async start(params: CommandParams<'lan.start'>): Promise<LanStatus> {
    if (this.listener) return this.status();
    const interfaces = lanInterfaces();
    const all = params.interface === 'all';
    const chosen = all ? interfaces[0] : params.interface === undefined ? interfaces[0] : interfaces.find((one) => one.name === params.interface);
    if (!all && !chosen) {
      const names = interfaces.map((one) => one.name).join(', ') || 'none';
      throw new CommandFailure('not-found', params.interface === undefined
        ? 'this machine has no network address (no Wi-Fi or Ethernet connected): connect it to the room\'s network first'
        : `there is no network interface "${params.interface}" with an IPv4 address (interfaces: ${names})`);
    }
    const hand = (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      this.http.emit('connection', socket);
    };
    const listener = this.tls
      ? createTlsServer({ cert: this.tls.cert, key: this.tls.key }).on('secureConnection', hand)
      : createNetServer(hand);
    listener.on('error', () => undefined);
    const port = await new Promise<number>((resolve, reject) => {
      listener.once('error', (error: NodeJS.ErrnoException) =>
        reject(new CommandFailure('conflict', error.code === 'EADDRINUSE' ? `port ${params.port ?? DEFAULT_LAN_PORT} is in use on the LAN: choose another` : `cannot listen on the LAN (${error.message})`)));
      listener.listen(params.port ?? DEFAULT_LAN_PORT, all ? '0.0.0.0' : chosen!.address, () => {
        const address = listener.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    this.listener = listener;
    // Without any LAN address (listening on every interface of a machine off any network) the page is still reachable on this machine.
    const address = chosen?.address ?? '127.0.0.1';
    const joinAddress = `${this.tls ? 'https' : 'http'}://${address}:${port}/#/join`;
    this.trusted.lan = { address, port, tls: this.tls !== undefined };
    this.current = { listening: true, joinAddress, qrSvg: await QRCode.toString(joinAddress, { type: 'svg', margin: 1 }), address, interface: all ? 'all' : chosen!.name, port, tls: this.tls !== undefined };
    const status = this.status();
    this.onChange(status);
    return status;
  }

  async stop(): Promise<LanStatus> {
    const listener = this.listener;
    if (!listener) return this.status();
    this.listener = undefined;
    this.trusted.lan = null;
    this.current = { listening: false, joinAddress: null, qrSvg: null, address: null, interface: null, port: null, tls: false };
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
    const status = this.status();
    this.onChange(status);
    return status;
  }
}
