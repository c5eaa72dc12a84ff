/**
 * Checks of where an HTTP or WebSocket request comes from, as small pure functions. The server
 * listens on 127.0.0.1 only; the Host check also stops a web page from reaching it through
 * DNS rebinding (a hostile name resolving to 127.0.0.1 sends its own Host header).
 */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a Host header names this server on the loopback interface. */
export function isTrustedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(host.trim().toLowerCase());
  return match !== null && LOOPBACK_NAMES.has(match[1]!) && Number(match[2]) === port;
}

/** Whether an Origin header is absent (not a browser) or this server's own page. */
export function isTrustedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname) && Number(url.port) === port;
  } catch {
    return false;
  }
}

/** Where the LAN listener is reached, while LAN mode is on. */
export interface LanAddress {
  address: string;
  port: number;
  tls: boolean;
}

/** A literal IPv4 loopback address (127.0.0.0/8): never a name, so never DNS rebinding. */
const isLoopbackLiteral = (hostname: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * The addresses this server answers as: its loopback port always; while LAN mode is on, its LAN
 * address at the LAN port too (and loopback literals at that port, which is how tests reach a
 * listener on every interface without the machine's own LAN address).
 */
export class TrustedAddresses {
  lan: LanAddress | null = null;

  constructor(private readonly port: () => number) {}

  private lanHostname(hostname: string, port: number): boolean {
    return this.lan !== null && port === this.lan.port && (hostname === this.lan.address || isLoopbackLiteral(hostname));
  }

  host(host: string | undefined): boolean {
    if (isTrustedHost(host, this.port())) return true;
    const match = host === undefined ? null : /^([^:[\]]+):(\d+)$/.exec(host.trim().toLowerCase());
    return match !== null && this.lanHostname(match[1]!, Number(match[2]));
  }

  origin(origin: string | undefined): boolean {
    if (isTrustedOrigin(origin, this.port())) return true;
    if (origin === undefined || this.lan === null) return false;
    try {
      const url = new URL(origin);
      return url.protocol === (this.lan.tls ? 'https:' : 'http:') && this.lanHostname(url.hostname, Number(url.port));
    } catch {
      return false;
    }
  }
}
