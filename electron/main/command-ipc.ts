import type { Reply } from '../../engine/protocol/messages.js';
import { replyTo } from '../../host/service/dispatch.js';
import type { ClientSessions } from '../../host/service/connection.js';
import type { FiredrillHost } from '../../host/service/firedrill-host.js';

/**
 * One session-protocol message arriving over IPC: the sender checked first (an untrusted one
 * has no client: refused, and it never becomes one), then the message
 * parsed and validated by the protocol's own parseRequest (the WebSocket server uses the same),
 * then run by the host's command table (host/service/dispatch.ts). Always resolves with a Reply; never throws.
 */
export function handleCommandMessage(host: FiredrillHost, client: ClientSessions | undefined, message: unknown, logError: (message: string) => void): Promise<Reply> {
  return replyTo(host, client ?? { refused: 'this message does not come from a Firedrill page' }, message, logError);
}
