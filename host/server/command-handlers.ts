import type { CommandParams, CommandResults, CommandType, Request } from '../../engine/protocol/index.js';
import { failure, parseRequest, type Reply } from '../../engine/protocol/messages.js';
import { asCommandFailure, CommandFailure } from './command-failure.js';
import type { SessionHost } from './session-host.js';

/** The sessions one client (a browser tab, a window) has open: it gets their updates. */
export interface ClientSessions {
  has(sessionId: string): boolean;
  join(sessionId: string): void;
  leave(sessionId: string): void;
}

type Handler<T extends CommandType> = (host: SessionHost, params: CommandParams<T>, client: ClientSessions) => CommandResults[T] | Promise<CommandResults[T]>;

/** Inputs go only to a session this client has open, never to another by its id. */
function openHere(client: ClientSessions, sessionId: string): void {
  if (!client.has(sessionId)) throw new CommandFailure('not-open', `session ${sessionId} is not open on this connection: open it with session.open first`);
}

const handlers: { [T in CommandType]: Handler<T> } = {
  'library.list': (host) => host.listLibrary(),
  'library.show': (host, params) => host.showLibrary(params),
  'library.import': (host, params) => host.importLibrary(params),
  'library.remove': (host, params) => host.removeLibrary(params),
  'session.create': async (host, params, client) => {
    const live = await host.create(params);
    client.join(live.id);
    return { sessionId: live.id, view: live.view() };
  },
  'session.import': (host, params) => host.importSession(params),
  'session.list': (host, params) => host.listSessions(params),
  'session.open': async (host, params, client) => {
    const { live, warnings } = await host.open(params.sessionId);
    client.join(live.id);
    return { view: live.view(), warnings };
  },
  'session.close': (_host, params, client) => {
    client.leave(params.sessionId);
    return { sessionId: params.sessionId };
  },
  'session.input': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.input(params);
  },
  'clock.pause': (host, { sessionId }, client) => {
    openHere(client, sessionId);
    return host.record(sessionId, (driver, wallNow) => driver.pause(wallNow));
  },
  'clock.resume': (host, { sessionId }, client) => {
    openHere(client, sessionId);
    return host.record(sessionId, (driver, wallNow) => driver.resume(wallNow));
  },
  'clock.jump': (host, { sessionId }, client) => {
    openHere(client, sessionId);
    return host.record(sessionId, (driver, wallNow) => driver.jumpToNextStop(wallNow));
  },
  'clock.speed': (host, { sessionId, speed }, client) => {
    openHere(client, sessionId);
    return host.record(sessionId, (driver, wallNow) => driver.setSpeed(speed, wallNow));
  },
  'session.end': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.end(params);
  },
  'session.archive': async (host, { sessionId }) => {
    await host.archive(sessionId);
    return { sessionId };
  },
  'session.delete': async (host, { sessionId }) => ({ sessionId, trashedAs: await host.delete(sessionId) }),
  'scorecard.get': (host, { sessionId }) => host.scorecard(sessionId),
  'export.scorecard': (host, params) => host.exportScorecard(params),
  'export.aar': (host, params) => host.exportAar(params),
  'improvements.get': (host, { sessionId }) => host.improvementPlan(sessionId),
  'improvements.save': (host, params) => host.saveImprovementPlan(params),
  'history.get': (host, params) => host.history(params),
};

/**
 * Runs one validated command for a client holding the facilitator token. The facilitator
 * records for every role (facilitated and solo modes), so any actor is accepted here; the
 * engine still checks that the actor may do the input (a role acts, the facilitator steers).
 */
export async function runCommand(host: SessionHost, request: Request, client: ClientSessions): Promise<CommandResults[CommandType]> {
  const handler = handlers[request.type] as Handler<CommandType>;
  return handler(host, request.params as CommandParams<CommandType>, client);
}

/**
 * One protocol message from a client, whatever the transport (a Socket.IO command, an IPC
 * invoke): checked by parseRequest, refused unless the client is authorized, run by
 * runCommand. Always resolves with the Reply to send; never throws.
 */
export async function replyTo(
  host: SessionHost | undefined,
  client: ClientSessions,
  message: unknown,
  access: { authorized: boolean; refusal: string },
  logError: (message: string) => void,
): Promise<Reply> {
  const parsed = parseRequest(message);
  if (!access.authorized) return failure(parsed.ok ? parsed.request.id : parsed.reply.id, 'unauthorized', access.refusal);
  if (!parsed.ok) return parsed.reply;
  const { request } = parsed;
  if (!host) return failure(request.id, 'internal', 'Firedrill is starting; try again');
  try {
    return { id: request.id, ok: true, result: await runCommand(host, request, client) };
  } catch (error) {
    const known = asCommandFailure(error);
    if (known) return failure(request.id, known.code, known.message, known.errors);
    logError(`Firedrill: internal error on ${request.type} (please report it):\n${(error as Error)?.stack ?? String(error)}`);
    return failure(request.id, 'internal', `${request.type} failed on an internal error; the log has the details.`);
  }
}
