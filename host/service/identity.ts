import type { CommandType, Request } from '../../engine/protocol/index.js';

/**
 * Who is at the other end of a connection, as the transport established it (a token at the
 * handshake, the window the main process opened): it decides what the connection may do, never
 * the message. The facilitator steers everything and records on behalf of any role; the
 * projector watches one session; a participant (a role's player, an observer or an evaluator,
 * docs/lan.md) watches and acts in one session, as the journal has them (their seat and role are
 * read from the session at each input, so a reassignment or removal counts at once); a guest
 * (a page on the LAN without a token yet) may only join with a code, and wait for approval.
 */
export type Identity =
  | { kind: 'facilitator' }
  | { kind: 'projector'; sessionId: string }
  | { kind: 'participant'; sessionId: string; participant: string }
  | { kind: 'guest' };

export const FACILITATOR: Identity = { kind: 'facilitator' };
export const GUEST: Identity = { kind: 'guest' };
export const projectorOf = (sessionId: string): Identity => ({ kind: 'projector', sessionId });
export const participantOf = (sessionId: string, participant: string): Identity => ({ kind: 'participant', sessionId, participant });

/**
 * What each identity but the facilitator may send. The projector: watch its session's projector
 * view. A participant: watch their audience's view and record in their own name (the engine then
 * checks what their seat and role allow). A guest: look a join code up and join. Nothing else:
 * no clock, end, export, import, library (library.show holds the whole scenario) or lobby command.
 */
const ALLOWED: Record<Exclude<Identity['kind'], 'facilitator'>, Partial<Record<CommandType, 'its session' | 'any'>>> = {
  projector: { 'audience.open': 'its session', 'audience.close': 'its session' },
  participant: {
    'audience.open': 'its session',
    'audience.close': 'its session',
    'audience.input': 'its session',
    'chat.post': 'its session',
    'draft.send': 'its session',
    'evaluation.rate': 'its session',
    'evaluation.note': 'its session',
  },
  guest: { 'join.lookup': 'any', 'join.request': 'any', 'join.wait': 'any', 'join.cancel': 'any' },
};

const WHO: Record<Exclude<Identity['kind'], 'facilitator'>, string> = {
  projector: "the projector: its token only shows session",
  participant: "a participant's: their token is for session",
  guest: 'a page without a token: it may only join a session with its join code',
};

/** Why this identity may not send this request, or undefined when it may. */
export function refusalFor(identity: Identity, request: Request): string | undefined {
  if (identity.kind === 'facilitator') return undefined;
  const scope = ALLOWED[identity.kind][request.type];
  const session = identity.kind === 'guest' ? '' : ` ${identity.sessionId}`;
  if (!scope) return `${request.type} is not for ${WHO[identity.kind]}${session}`;
  if (scope === 'its session' && identity.kind !== 'guest' && (request.params as { sessionId?: string }).sessionId !== identity.sessionId) {
    return `this connection's token is for session ${identity.sessionId} only`;
  }
  return undefined;
}
