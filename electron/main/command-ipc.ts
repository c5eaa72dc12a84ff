import { failure, parseRequest, type Reply } from '../../engine/protocol/messages.js';
import { runCommand, type ClientSessions } from '../../host/server/command-handlers.js';
import { asCommandFailure } from '../../host/server/command-failure.js';
import type { SessionHost } from '../../host/server/session-host.js';

/**
 * One session-protocol message arriving over IPC: the sender checked first, then the message
 * parsed and validated by the protocol's own parseRequest (the WebSocket server uses the same),
 * then run by the host's runCommand. Always resolves with a Reply; never throws.
 */
export async function handleCommandMessage(
  host: SessionHost,
  client: ClientSessions,
  trustedSender: boolean,
  message: unknown,
  logError: (message: string) => void,
): Promise<Reply> {
  const parsed = parseRequest(message);
  if (!trustedSender) {
    return failure(parsed.ok ? parsed.request.id : parsed.reply.id, 'unauthorized', 'this message does not come from a Firedrill page');
  }
  if (!parsed.ok) return parsed.reply;
  const { request } = parsed;
  try {
    const result = await runCommand(host, request, client);
    return { id: request.id, ok: true, result };
  } catch (error) {
    const known = asCommandFailure(error);
    if (known) return failure(request.id, known.code, known.message, known.errors);
    logError(`Firedrill: internal error on ${request.type} (please report it):\n${(error as Error)?.stack ?? String(error)}`);
    return failure(request.id, 'internal', `${request.type} failed on an internal error; the log has the details.`);
  }
}
