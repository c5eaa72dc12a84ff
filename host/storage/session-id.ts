import { randomBytes } from 'node:crypto';

/** A session id and journal file name: stays a journal id (letters, digits, . _ -) and a safe file name. */
export const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * A new session id: the UTC start time (so files sort by age and a person can tell them
 * apart) and random hex (so two sessions started in the same second never collide).
 */
export function newSessionId(wallMs: number): string {
  const stamp = new Date(wallMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
