import { fromCallback, fromPromise } from 'xstate';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { normalizeJoinCode, type AudienceView, type JoinLookup, type ParticipantSelf, type Seat as SeatKind } from '../../engine/protocol/index.js';
import { CommandError } from '../client/session-client.js';
import type { JoinLink } from './join-link.js';
import type { JoinEvent, JoinFailure, JoinOffer, Seat, SeatStatus } from './join-machine.js';

// The join machine's host actors on a real connection (join-link.ts): what the page provides
// to joinMachine.provide. The participant's view and who they are live in a small store the
// screens read; the link's pushes keep it current.

/** The seats that are not a role of the plan, offered beside the roles (their ids cannot be a plan id). */
export const OBSERVER_SEAT = '@observer';
export const EVALUATOR_SEAT = '@evaluator';

export interface ParticipantState {
  view: AudienceView | null;
  me: ParticipantSelf | null;
}

export type ParticipantStore = StoreApi<ParticipantState>;

/** The participant's view and self, kept current by the host's pushes for their session. */
export function participantStore(link: JoinLink): ParticipantStore {
  const store = createStore<ParticipantState>(() => ({ view: null, me: null }));
  link.on('audience.update', ({ sessionId, view }) => {
    if (store.getState().me?.sessionId === sessionId) store.setState({ view });
  });
  link.on('participant.update', ({ me }) => store.setState({ me }));
  return store;
}

/** "Try again in 42 s" (the host's rate limit) as milliseconds. */
const retryAfter = (message: string): number => {
  const seconds = /(\d+)\s*(?:s\b|seconds?)/.exec(message);
  const minutes = /(\d+)\s*min/.exec(message);
  if (seconds) return Number(seconds[1]) * 1000;
  if (minutes) return Number(minutes[1]) * 60_000;
  return 30_000;
};

/** A refused command as the join machine's failure. */
function failure(error: unknown, onRefused: JoinFailure['kind'] = 'refused'): JoinFailure {
  if (!(error instanceof CommandError)) return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  switch (error.code) {
    case 'rate-limited': return { kind: 'rate-limited', message: error.message, retryAfterMs: retryAfter(error.message) };
    // The host's words say what was not found (the code, a role).
    case 'not-found': return { kind: onRefused === 'seat-gone' ? 'seat-gone' : 'wrong-code', message: error.message };
    case 'unauthorized': return { kind: onRefused === 'seat-gone' ? 'seat-gone' : 'refused', message: error.message };
    case 'conflict': return { kind: 'role-taken', message: error.message };
    default: return { kind: onRefused, message: error.message };
  }
}

/** What a right code opens, as the role step offers it: the roles, then watching and evaluating. */
export function offerOf(lookup: JoinLookup): JoinOffer {
  return {
    sessionId: lookup.sessionId,
    title: lookup.name,
    approval: lookup.approval,
    roles: [
      ...lookup.roles.map((role) => ({
        id: role.id,
        title: role.title,
        takenBy: !role.free && role.heldBy.length > 0 ? role.heldBy.join(', ') : null,
        assignedTo: role.reservedFor,
      })),
      { id: OBSERVER_SEAT, title: 'Observer (watch the whole exercise)', takenBy: null, assignedTo: null },
      { id: EVALUATOR_SEAT, title: 'Evaluator (rate the objectives)', takenBy: null, assignedTo: null },
    ],
  };
}

const seatOf = (choice: string): { seat: SeatKind; role?: string } =>
  choice === OBSERVER_SEAT ? { seat: 'observer' } : choice === EVALUATOR_SEAT ? { seat: 'evaluator' } : { seat: 'role', role: choice };

/** Presents a seat's token and opens the session's view for it: the participant is then in. */
async function openSeat(link: JoinLink, store: ParticipantStore, seat: Seat): Promise<ParticipantSelf> {
  link.use(seat.token);
  try {
    const { view, me } = await link.send('audience.open', { sessionId: seat.sessionId });
    store.setState({ view, me });
    if (!me) throw { kind: 'seat-gone', message: 'This page is not a participant of the session.' } satisfies JoinFailure;
    return me;
  } catch (error) {
    throw (error as JoinFailure).kind ? error : failure(error, 'seat-gone');
  }
}

/** The join machine's actors over the link. */
export function joinActors(link: JoinLink, store: ParticipantStore) {
  return {
    hostLink: fromCallback<JoinEvent>(({ sendBack }) => {
      const stops = [
        link.onStatus((status) => {
          if (status === 'connected') sendBack({ type: 'host.connected' });
          else if (status === 'lost') sendBack({ type: 'host.lost' });
          else sendBack({ type: 'seat.removed', reason: 'Your place in this session has ended: the facilitator removed you, or the session is over.' });
        }),
        link.on('participant.removed', ({ reason }) => sendBack({ type: 'seat.removed', reason: reason || 'The facilitator removed you from the session.' })),
        link.on('join.rejected', ({ reason }) => sendBack({ type: 'seat.removed', reason: reason || 'The facilitator did not let you in.' })),
        link.on('join.admitted', ({ sessionId, token, me }) => sendBack({ type: 'seat.approved', seat: { sessionId, token, name: me.name, role: me.role ?? '' } })),
        link.on('participant.update', ({ me }) => sendBack({ type: 'seat.moved', role: me.role ?? '' })),
      ];
      // The first connection: with the kept seat's token, or none yet.
      if (link.connected) sendBack({ type: 'host.connected' });
      return () => stops.forEach((stop) => stop());
    }),
    checkCode: fromPromise<JoinOffer, { code: string }>(async ({ input }) => {
      link.use(null);
      try {
        const lookup = await link.send('join.lookup', { code: normalizeJoinCode(input.code) });
        if (lookup.ended) throw { kind: 'refused', message: 'That session has ended.' } satisfies JoinFailure;
        return offerOf(lookup);
      } catch (error) {
        throw (error as JoinFailure).kind ? error : failure(error);
      }
    }),
    takeSeat: fromPromise<{ seat: Seat; status: SeatStatus }, { code: string; name: string; role: string; sessionId: string }>(async ({ input }) => {
      let admission;
      try {
        admission = await link.send('join.request', { code: normalizeJoinCode(input.code), name: input.name, ...seatOf(input.role) });
      } catch (error) {
        throw failure(error);
      }
      if (admission.status === 'waiting') return { seat: { sessionId: admission.sessionId, token: '', name: input.name, role: input.role, request: admission.request }, status: 'waiting' };
      const seat: Seat = { sessionId: admission.sessionId, token: admission.token, name: admission.me.name, role: admission.me.role ?? '' };
      await openSeat(link, store, seat);
      return { seat, status: 'joined' };
    }),
    resumeSeat: fromPromise<{ status: SeatStatus; role: string }, { seat: Seat }>(async ({ input }) => {
      const me = await openSeat(link, store, input.seat);
      return { status: 'joined', role: me.role ?? '' };
    }),
    awaitSeat: fromPromise<{ status: 'waiting' } | { status: 'joined'; seat: Seat }, { seat: Seat }>(async ({ input }) => {
      link.use(null);
      let admission;
      try {
        admission = await link.send('join.wait', { sessionId: input.seat.sessionId, request: input.seat.request ?? '' });
      } catch (error) {
        throw failure(error, 'seat-gone');
      }
      if (admission.status === 'waiting') return { status: 'waiting' };
      return { status: 'joined', seat: { sessionId: admission.sessionId, token: admission.token, name: admission.me.name, role: admission.me.role ?? '' } };
    }),
  };
}
