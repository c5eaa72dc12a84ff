import { z } from 'zod';
import type { LocatedError } from '../validate/located-error.js';
import { COMMAND_TYPES, commandParams, isCommandType, messageLimit, type CommandParams, type CommandResult, type CommandType } from './commands.js';
import { utf8Length } from './limits.js';
import type { SessionView } from './view.js';
import type { AudienceView, LanStatus, LobbyView, ParticipantSelf } from './audience.js';

export { COMMAND_EVENT, REPLY_EVENT } from './event-names.js';

export const ERROR_CODES = [
  'bad-request', // the params do not match the command's schema
  'unknown-command',
  'too-large',
  'malformed', // not a protocol message at all: invalid JSON, a stray binary frame
  'unauthorized', // no valid token, or a command this connection's identity may not send (docs/lan.md)
  'not-found',
  'not-open', // the session is not open on this connection
  'refused', // the engine refused the input: the message says why
  'locked', // open in another Firedrill
  'mismatch', // the journal was recorded against another scenario or plan
  'corrupt',
  'edited', // the journal's hash chain breaks: it was changed after it was recorded (the message names file:line)
  'archived',
  'invalid-file', // a library import that does not validate: see errors
  'conflict',
  'storage', // the disk failed: nothing was acknowledged
  'cancelled', // the client cancelled it (simulate.cancel)
  'rate-limited', // too many wrong join codes from this address: wait, then try again (the message says how long)
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** Located errors of a refused library file. */
  errors?: LocatedError[];
}

export type RequestId = string | number;

export type Reply<T extends CommandType = CommandType> =
  | { id: RequestId; ok: true; result: CommandResult<T> }
  | { id: RequestId | null; ok: false; error: ProtocolError };

/** A validated request, discriminated by type. */
export type Request = { [T in CommandType]: { id: RequestId; type: T; params: CommandParams<T> } }[CommandType];

/** Events the server pushes to the clients of a session (docs/lan.md says who gets which). */
export interface ServerEvents {
  /** The facilitator's view changed (to the facilitator's connections only). */
  'session.update': { sessionId: string; view: SessionView };
  /** The session was archived, deleted or dropped after a disk failure; reopen it to go on. */
  'session.closed': { sessionId: string; reason: string };
  /** How far a simulation this connection started has got (simulate.start). */
  'simulation.progress': { simulationId: string; done: number; total: number };
  /** An audience's view changed: to the projector, a role's participants, the observers, each their own. */
  'audience.update': { sessionId: string; view: AudienceView };
  /** The lobby changed: someone joined, asks to, left, came back, was assigned or removed (the facilitator's). */
  'lobby.update': { sessionId: string; lobby: LobbyView };
  /** LAN mode started or stopped (every facilitator connection). */
  'lan.update': { lan: LanStatus };
  /** To a page waiting for approval: let in, with its participant token (connect again with it). */
  'join.admitted': { sessionId: string; token: string; me: ParticipantSelf };
  /** To a page waiting for approval: not let in. */
  'join.rejected': { sessionId: string; reason: string };
  /** To a participant: who they are now (the facilitator assigned them a role). */
  'participant.update': { me: ParticipantSelf };
  /** To a removed participant's pages, just before the server disconnects them: their token is dead. */
  'participant.removed': { sessionId: string; reason: string };
}
export type ServerEventType = keyof ServerEvents;

const requestIdSchema = z.union([z.string().min(1).max(100), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]);

const envelopeSchema = z.strictObject({
  id: requestIdSchema,
  type: z.string().max(100),
  params: z.unknown().optional(),
});

export const failure = (id: RequestId | null, code: ErrorCode, message: string, errors?: LocatedError[]): Reply =>
  ({ id, ok: false, error: { code, message, ...(errors ? { errors } : {}) } });

const describeIssues = (issues: readonly z.core.$ZodIssue[]) =>
  issues.slice(0, 5).map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');

/** The request id, if the message has a usable one, so even a refusal can name its request. */
function idOf(message: unknown): RequestId | null {
  if (typeof message !== 'object' || message === null) return null;
  const checked = requestIdSchema.safeParse((message as { id?: unknown }).id);
  return checked.success ? checked.data : null;
}

/**
 * Checks one message from a client: its size, its envelope ({ id, type, params }), that the
 * command exists and that its params match the command's schema. Returns the typed request,
 * or the error reply to send. Never throws, whatever the message.
 */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; reply: Reply } {
  const id = idOf(message);
  let text: string | undefined;
  try {
    text = JSON.stringify(message);
  } catch {
    text = undefined;
  }
  if (text === undefined) return { ok: false, reply: failure(id, 'malformed', 'the message is not JSON data') };
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  const limit = messageLimit(typeof type === 'string' ? type : '');
  const size = utf8Length(text);
  if (size > limit) return { ok: false, reply: failure(id, 'too-large', `the message is ${size} bytes; ${typeof type === 'string' ? type : 'a message'} may be at most ${limit} bytes`) };

  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) {
    return { ok: false, reply: failure(id, 'bad-request', `a command is { id, type, params }: ${describeIssues(envelope.error.issues)}`) };
  }
  const { type: command, params } = envelope.data;
  if (!isCommandType(command)) {
    return { ok: false, reply: failure(id ?? envelope.data.id, 'unknown-command', `unknown command ${JSON.stringify(command.slice(0, 60))} (commands: ${COMMAND_TYPES.join(', ')})`) };
  }
  const checked = commandParams[command].safeParse(params ?? {});
  if (!checked.success) return { ok: false, reply: failure(envelope.data.id, 'bad-request', `${command}: ${describeIssues(checked.error.issues)}`) };
  return { ok: true, request: { id: envelope.data.id, type: command, params: checked.data } as Request };
}
