import type { CommandParams, CommandResults, CommandType, Request } from '../../engine/protocol/index.js';
import { failure, parseRequest, type Reply } from '../../engine/protocol/messages.js';
import { asCommandFailure } from './command-failure.js';
import type { ClientSessions } from './connection.js';
import { commandTable } from './commands/command-table.js';
import type { Handler } from './commands/handler.js';
import type { FiredrillHost } from './firedrill-host.js';

/**
 * Runs one validated request and answers it: the result, or the error reply. This is the one
 * place where what a service throws becomes a reply: a refusal (engine, storage, library,
 * CommandFailure) with its code and message, anything else as "internal", logged. Never throws.
 */
export async function execute(host: FiredrillHost, request: Request, client: ClientSessions, logError: (message: string) => void): Promise<Reply> {
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
 * invoke): checked by parseRequest, refused unless the client is authorized, run by execute.
 * The facilitator records for every role (facilitated and solo modes), so any actor is accepted
 * here; the engine still checks that the actor may do the input. Always resolves with the Reply.
 */
export async function replyTo(
  host: FiredrillHost | undefined,
  client: ClientSessions,
  message: unknown,
  access: { authorized: boolean; refusal: string },
  logError: (message: string) => void,
): Promise<Reply> {
  const parsed = parseRequest(message);
  if (!access.authorized) return failure(parsed.ok ? parsed.request.id : parsed.reply.id, 'unauthorized', access.refusal);
  if (!parsed.ok) return parsed.reply;
  if (!host) return failure(parsed.request.id, 'internal', 'Firedrill is starting; try again');
  return execute(host, parsed.request, client, logError);
}
