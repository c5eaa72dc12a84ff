import { keepValue, loadValue } from '../client/device-storage.js';
import type { Seat } from './join-machine.js';

// A participant's seat, kept on their device (client/device-storage.ts) so a reload or an opened
// lid resumes it. Nothing here is trusted by the host: the token is checked there every time.

const SEAT_KEY = 'firedrill.seat';

const isSeat = (value: unknown): value is Seat =>
  typeof value === 'object' && value !== null && ['sessionId', 'token', 'name', 'role'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string')
  && ['string', 'undefined'].includes(typeof (value as Record<string, unknown>).request);

/** A seat to come back to: in the session (its token), or waiting in the lobby (its request). */
const usable = (seat: Seat): boolean => seat.token !== '' || (seat.request ?? '') !== '';

export function loadSeat(): Seat | null {
  const value = loadValue<unknown>(SEAT_KEY, null);
  return isSeat(value) && usable(value) ? value : null;
}

/** Keeps a seat with a token, or one waiting for approval with its request (a reload waits on in the lobby). */
export function keepSeat(seat: Seat | null): void {
  if (seat && usable(seat)) keepValue(SEAT_KEY, seat);
}

export function forgetSeat(): void {
  keepValue(SEAT_KEY, null);
}
