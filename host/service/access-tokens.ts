import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { FACILITATOR, participantOf, projectorOf, type Identity } from './identity.js';

/** A new facilitator token: 128 random bits, URL-safe. */
export function newFacilitatorToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: unknown, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const PROJECTOR_PREFIX = 'p.';
const PARTICIPANT_PREFIX = 't.';

/**
 * The tokens a connection presents, and who each makes it. The facilitator's is random and
 * printed by `firedrill serve`. A projector's names its session and is signed with the
 * facilitator's (HMAC-SHA256), so the server keeps no list and a projector token never reveals
 * the facilitator's: `p.<sessionId>.<signature>`. Later audiences (a role's participant, an
 * observer) get tokens of their own the same way.
 */
export class AccessTokens {
  /**
   * `signingKey`: what the projector's and participants' tokens are signed with; by default the
   * facilitator's token. `firedrill serve` keeps one in the data folder, so that participants'
   * tokens survive a restart (their pages reconnect by themselves).
   */
  constructor(
    readonly facilitatorToken: string,
    private readonly signingKey: string = facilitatorToken,
  ) {}

  private signature(kind: string, sessionId: string): string {
    return createHmac('sha256', this.signingKey).update(`${kind}\0${sessionId}`).digest('base64url');
  }

  projectorToken(sessionId: string): string {
    return `${PROJECTOR_PREFIX}${sessionId}.${this.signature('projector', sessionId)}`;
  }

  /**
   * A participant's token: `t.<participant>.<sessionId>.<signature>`. Whether it still works is
   * the session's to say (a removed participant's is dead): see LobbyService.isActive.
   */
  participantToken(sessionId: string, participant: string): string {
    return `${PARTICIPANT_PREFIX}${participant}.${sessionId}.${this.signature(`participant\0${participant}`, sessionId)}`;
  }

  /** Who presents this token, or undefined for no valid token. */
  identify(presented: unknown): Identity | undefined {
    if (typeof presented !== 'string' || presented.length > 400) return undefined;
    if (tokenMatches(presented, this.facilitatorToken)) return FACILITATOR;
    if (presented.startsWith(PROJECTOR_PREFIX)) {
      const dot = presented.lastIndexOf('.');
      const sessionId = presented.slice(PROJECTOR_PREFIX.length, dot);
      if (sessionId && tokenMatches(presented.slice(dot + 1), this.signature('projector', sessionId))) return projectorOf(sessionId);
    }
    if (presented.startsWith(PARTICIPANT_PREFIX)) {
      const first = presented.indexOf('.', PARTICIPANT_PREFIX.length);
      const dot = presented.lastIndexOf('.');
      const participant = presented.slice(PARTICIPANT_PREFIX.length, first);
      const sessionId = presented.slice(first + 1, dot);
      if (first > 0 && dot > first && participant && sessionId && tokenMatches(presented.slice(dot + 1), this.signature(`participant\0${participant}`, sessionId))) {
        return participantOf(sessionId, participant);
      }
    }
    return undefined;
  }
}
