import { randomBytes, timingSafeEqual } from 'node:crypto';

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
