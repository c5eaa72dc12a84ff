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
