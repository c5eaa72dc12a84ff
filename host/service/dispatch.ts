import type { CommandParams, CommandResults, CommandType, Request } from '../../engine/protocol/index.js';
import { failure, parseRequest, type Reply } from '../../engine/protocol/messages.js';
import { asCommandFailure } from './command-failure.js';
import type { ClientSessions } from './connection.js';
import { commandTable } from './commands/command-table.js';
import type { Handler } from './commands/handler.js';
import type { FiredrillHost } from './firedrill-host.js';
import { refusalFor } from './identity.js';

/**
 * Runs one validated request and answers it: the result, or the error reply. This is the one
 * place where what a service throws becomes a reply: a refusal (engine, storage, library,
 * CommandFailure) with its code and message, anything else as "internal", logged. Never throws.
 */
export async function execute(host: FiredrillHost, request: Request, client: ClientSessions, logError: (message: string) => void): Promise<Reply> {
  const refusal = refusalFor(client.identity, request);
  if (refusal) return failure(request.id, 'unauthorized', refusal);
  const handler = commandTable[request.type] as Handler<CommandType>;
  try {
    const result: CommandResults[CommandType] = await handler(host, request.params as CommandParams<CommandType>, client);
    return { id: request.id, ok: true, result };
  } catch (error) {
    const known = asCommandFailure(error);
    if (known) return failure(request.id, known.code, known.message, known.errors);
    logError(`Firedrill: internal error on ${request.type} (please report it):\n${(error as Error)?.stack ?? String(error)}`);
    return failure(request.id, 'internal', `${request.type} failed on an internal error; the log has the details.`);
  }
}

/**
 * One protocol message from a client, whatever the transport (a Socket.IO command, an IPC
 * invoke): checked by parseRequest, then run by execute for what the connection's identity
 * allows. A sender the transport could not identify (an IPC message from a page that is not
 * the app's) gets `refused` and nothing runs. The facilitator records for every role
 * (facilitated and solo modes), so any actor is accepted from it; the engine still checks that
 * the actor may do the input. Always resolves with the Reply.
 */
export async function replyTo(host: FiredrillHost, client: ClientSessions | { refused: string }, message: unknown, logError: (message: string) => void): Promise<Reply> {
  const parsed = parseRequest(message);
  if ('refused' in client) return failure(parsed.ok ? parsed.request.id : parsed.reply.id, 'unauthorized', client.refused);
  if (!parsed.ok) return parsed.reply;
  return execute(host, parsed.request, client, logError);
}
