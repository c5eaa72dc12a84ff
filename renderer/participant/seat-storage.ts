import type { Seat } from './join-machine.js';

// What a participant's device keeps between visits, in the browser's own storage: their seat
// (so a reload or an opened lid resumes it), which messages they read, and drafts being written.
// Nothing here is trusted by the host: the token is checked there every time.

const SEAT_KEY = 'firedrill.seat';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked (a private window in some browsers): nothing is kept
  }
};

const isSeat = (value: unknown): value is Seat =>
  typeof value === 'object' && value !== null && ['sessionId', 'token', 'name', 'role'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string')
  && ['string', 'undefined'].includes(typeof (value as Record<string, unknown>).request);

/** A seat to come back to: in the session (its token), or waiting in the lobby (its request). */
const usable = (seat: Seat): boolean => seat.token !== '' || (seat.request ?? '') !== '';

export function loadSeat(): Seat | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(SEAT_KEY) ?? 'null');
    return isSeat(value) && usable(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps a seat with a token, or one waiting for approval with its request (a reload waits on in the lobby). */
export function keepSeat(seat: Seat | null): void {
  if (seat && usable(seat)) storage()?.setItem(SEAT_KEY, JSON.stringify(seat));
}

export function forgetSeat(): void {
  storage()?.removeItem(SEAT_KEY);
}

/** A value kept per session on this device (read messages, unsent drafts). */
export function loadKept<T>(sessionId: string, what: string, fallback: T): T {
  try {
    const value = storage()?.getItem(`firedrill.${what}.${sessionId}`);
    return value ? (JSON.parse(value) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function keep(sessionId: string, what: string, value: unknown): void {
  try {
    storage()?.setItem(`firedrill.${what}.${sessionId}`, JSON.stringify(value));
  } catch {
    // full or blocked: it stays in memory for this visit
  }
}
