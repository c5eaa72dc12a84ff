import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { FACILITATOR, projectorOf, type Identity } from './identity.js';

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

/**
 * The tokens a connection presents, and who each makes it. The facilitator's is random and
 * printed by `firedrill serve`. A projector's names its session and is signed with the
 * facilitator's (HMAC-SHA256), so the server keeps no list and a projector token never reveals
 * the facilitator's: `p.<sessionId>.<signature>`. Later audiences (a role's participant, an
 * observer) get tokens of their own the same way.
 */
export class AccessTokens {
  constructor(readonly facilitatorToken: string) {}

  private signature(kind: string, sessionId: string): string {
    return createHmac('sha256', this.facilitatorToken).update(`${kind}\0${sessionId}`).digest('base64url');
  }

  projectorToken(sessionId: string): string {
    return `${PROJECTOR_PREFIX}${sessionId}.${this.signature('projector', sessionId)}`;
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
    return undefined;
  }
}
