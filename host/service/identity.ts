import type { CommandType, Request } from '../../engine/protocol/index.js';

/**
 * Who is at the other end of a connection, as the transport established it (a token at the
 * handshake, the window the main process opened): it decides what the connection may do, never
 * the message. The facilitator steers everything and records on behalf of any role; the
 * projector watches one session. The LAN issue adds a role's participant (the actor of its
 * inputs is then its role, whatever the message says) and an observer, as further kinds here.
 */
export type Identity =
  | { kind: 'facilitator' }
  | { kind: 'projector'; sessionId: string };

export const FACILITATOR: Identity = { kind: 'facilitator' };
export const projectorOf = (sessionId: string): Identity => ({ kind: 'projector', sessionId });

/**
 * What the projector may send: open and close its own session (to receive its updates), and
 * read the plan and scenario documents it shows. Nothing that changes anything: no input, clock,
 * end, export, import or library change.
 */
const PROJECTOR_COMMANDS: Partial<Record<CommandType, 'its session' | 'any'>> = {
  'session.open': 'its session',
  'session.close': 'its session',
  'library.show': 'any',
};

/** Why this identity may not send this request, or undefined when it may. */
export function refusalFor(identity: Identity, request: Request): string | undefined {
  if (identity.kind === 'facilitator') return undefined;
  const scope = PROJECTOR_COMMANDS[request.type];
  if (!scope) return `${request.type} is not for the projector: its token only shows session ${identity.sessionId}`;
  if (scope === 'its session' && (request.params as { sessionId?: string }).sessionId !== identity.sessionId) {
    return `the projector's token is for session ${identity.sessionId} only`;
  }
  return undefined;
}
