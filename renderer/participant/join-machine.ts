import { assign, fromCallback, fromPromise, setup, type ActorRefFrom } from 'xstate';

// How a participant gets into a LAN session from their own device, as one state machine:
// connecting to the facilitator's Firedrill, the join code and their name, a role, waiting for
// the facilitator's approval, joined, reconnecting after a drop (Wi-Fi, a closed lid), removed.
// The machine knows nothing of the transport: the page provides the actors (joinLink below) that
// talk to the host, and the tests provide their own on a simulated clock.

/** A role as the join screen offers it: free, taken by someone, or kept for a name the facilitator assigned. */
export interface RoleOffer {
  id: string;
  title: string;
  /** The participant playing it now; null when free. */
  takenBy: string | null;
  /** The name the facilitator assigned it to, if any: that person should pick it. */
  assignedTo: string | null;
}

/** What a right code opens: the session and its roles. */
export interface JoinOffer {
  sessionId: string;
  title: string;
  roles: RoleOffer[];
  /** The facilitator approves each participant before they see anything. */
  approval: boolean;
}

/** A participant's place in a session: kept on the device so a reload or a lid resumes it. */
export interface Seat {
  sessionId: string;
  /** The participant's token; '' while the facilitator has not let them in yet. */
  token: string;
  name: string;
  role: string;
  /** While waiting for approval: the host's id of the request, with which a page back after a drop waits on. */
  request?: string;
}

/** Why a step of the join failed, as the host said. */
export type JoinFailureKind =
  | 'wrong-code' // no session has this code
  | 'rate-limited' // too many wrong codes from this address: wait retryAfterMs
  | 'role-taken' // someone took the role first
  | 'seat-gone' // the stored token is dead: removed, or the session ended or is no more
  | 'unreachable' // the host did not answer
  | 'refused'; // anything else the host refused, with its message

export interface JoinFailure {
  kind: JoinFailureKind;
  message: string;
  /** With rate-limited: how long until a code may be tried again. */
  retryAfterMs?: number;
}

export const isJoinFailure = (value: unknown): value is JoinFailure =>
  typeof value === 'object' && value !== null && typeof (value as JoinFailure).kind === 'string' && typeof (value as JoinFailure).message === 'string';

/** Where the host put a participant who asked to join or resume: in the session, or in the lobby until approved. */
export type SeatStatus = 'joined' | 'waiting';

export interface JoinContext {
  /** The seat kept on this device, if any. */
  seat: Seat | null;
  code: string;
  name: string;
  offer: JoinOffer | null;
  /** The last failure, shown beside the step it belongs to; cleared by the next try. */
  failure: JoinFailure | null;
  /** Why the facilitator removed this participant (or why the seat ended). */
  removedBecause: string | null;
}

export interface JoinInput {
  /** The seat this device kept from an earlier visit (JoinStorage.load). */
  seat: Seat | null;
}

export type JoinEvent =
  | { type: 'host.connected' }
  | { type: 'host.lost' }
  | { type: 'code.submit'; code: string; name: string }
  | { type: 'role.choose'; role: string }
  | { type: 'role.back' }
  /** Let in by the facilitator; with the seat (its token) when the host gives it only now. */
  | { type: 'seat.approved'; seat?: Seat }
  | { type: 'seat.removed'; reason: string }
  | { type: 'seat.moved'; role: string }
  | { type: 'retry' }
  | { type: 'join.again' }
  | { type: 'leave' };

/** How long the page tries to reach the host before it says the host is gone (it keeps trying after). */
export const HOST_GONE_AFTER_MS = 20_000;

const failureOf = (error: unknown): JoinFailure => (isJoinFailure(error) ? error : { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) });
/** The failure an invoked actor's error event carries (named guards and actions see the machine's own event types only). */
const failureIn = (event: unknown): JoinFailure => failureOf((event as { error?: unknown }).error);

/**
 * The join flow. Actors the page provides (named, so `machine.provide` replaces them):
 * - `hostLink`: the connection: sends host.connected / host.lost, and the host's word on this
 *   seat (seat.approved, seat.removed, seat.moved);
 * - `checkCode`: the code opens a session: its offer, or a failure (wrong code, rate-limited);
 * - `takeSeat`: joins with the name and role: the seat and whether it waits for approval;
 * - `resumeSeat`: presents a kept seat's token again: joined or waiting, or seat-gone.
 * - `awaitSeat`: a page that waits for approval, back after a drop, waits again with its request:
 *   still waiting, or the answer given meanwhile (the seat with its token; turned away: a failure).
 * Actions `keepSeat` and `forgetSeat` store the seat on the device; `withdrawRequest` tells the
 * host that a participant waiting for approval left (their request goes from the lobby).
 */
export const joinMachine = setup({
  types: {} as { context: JoinContext; events: JoinEvent; input: JoinInput },
  actors: {
    hostLink: fromCallback<JoinEvent>(() => () => {}),
    checkCode: fromPromise<JoinOffer, { code: string }>(async () => { throw { kind: 'unreachable', message: 'no host' } satisfies JoinFailure; }),
    takeSeat: fromPromise<{ seat: Seat; status: SeatStatus }, { code: string; name: string; role: string; sessionId: string }>(
      async () => { throw { kind: 'unreachable', message: 'no host' } satisfies JoinFailure; }),
    resumeSeat: fromPromise<{ status: SeatStatus; role: string }, { seat: Seat }>(async () => { throw { kind: 'unreachable', message: 'no host' } satisfies JoinFailure; }),
    awaitSeat: fromPromise<{ status: 'waiting' } | { status: 'joined'; seat: Seat }, { seat: Seat }>(async () => { throw { kind: 'unreachable', message: 'no host' } satisfies JoinFailure; }),
  },
  actions: {
    keepSeat: () => {},
    forgetSeat: () => {},
    withdrawRequest: (_, _params: { seat: Seat | null }) => {},
    noteFailure: assign({ failure: ({ event }) => failureIn(event) }),
    /** A dead seat: why, in the host's words. */
    noteSeatGone: assign({ removedBecause: ({ event }) => failureIn(event).message }),
    clearFailure: assign({ failure: null }),
    noteCode: assign(({ event }) => (event.type === 'code.submit' ? { code: event.code.trim().toUpperCase(), name: event.name.trim() } : {})),
    noteRemoval: assign({ removedBecause: ({ event }) => (event.type === 'seat.removed' ? event.reason : 'The facilitator removed you from the session.') }),
    dropSeat: assign({ seat: null }),
    moveSeat: assign({ seat: ({ context, event }) => (context.seat && event.type === 'seat.moved' ? { ...context.seat, role: event.role } : context.seat) }),
  },
  guards: {
    /** A seat with its token: presented again on the way back. */
    hasSeat: ({ context }) => context.seat !== null && context.seat.token !== '',
    /** A request waiting for the facilitator: the way back waits on with it. */
    waitsInLobby: ({ context }) => context.seat !== null && context.seat.token === '' && context.seat.request !== undefined,
    bringsSeat: ({ event }) => event.type === 'seat.approved' && event.seat !== undefined,
    failedWith: ({ event }, params: { kind: JoinFailureKind }) => failureIn(event).kind === params.kind,
    waits: ({ event }) => (event as { output?: { status?: SeatStatus } }).output?.status === 'waiting',
  },
  delays: {
    hostGone: HOST_GONE_AFTER_MS,
    /** The host's own wait after too many wrong codes. */
    lockout: ({ context }) => context.failure?.retryAfterMs ?? 30_000,
  },
}).createMachine({
  id: 'join',
  context: ({ input }) => ({ seat: input.seat, code: '', name: input.seat?.name ?? '', offer: null, failure: null, removedBecause: null }),
  invoke: { id: 'hostLink', src: 'hostLink' },
  initial: 'connecting',
  states: {
    connecting: {
      tags: ['busy'],
      on: {
        'host.connected': [{ guard: 'hasSeat', target: 'resuming' }, { guard: 'waitsInLobby', target: 'rewaiting' }, { target: 'code' }],
      },
      after: { hostGone: 'gone' },
    },
    /** A kept seat: its token presented again (a reload, a laptop opened, the Wi-Fi back). */
    resuming: {
      tags: ['busy'],
      invoke: {
        src: 'resumeSeat',
        input: ({ context }) => ({ seat: context.seat! }),
        onDone: [
          { guard: 'waits', target: 'waiting', actions: [assign({ seat: ({ context, event }) => ({ ...context.seat!, role: event.output.role }) }), 'keepSeat'] },
          { target: 'joined', actions: [assign({ seat: ({ context, event }) => ({ ...context.seat!, role: event.output.role }) }), 'keepSeat'] },
        ],
        onError: [
          { guard: { type: 'failedWith', params: { kind: 'unreachable' } }, target: 'reconnecting', actions: 'noteFailure' },
          // seat-gone, or any other refusal of the token: the seat is over.
          { target: 'removed', actions: ['noteFailure', 'noteSeatGone'] },
        ],
      },
      on: { 'host.lost': 'reconnecting' },
    },
    /** Back after a drop while waiting for approval: in the lobby again, or the answer given meanwhile. */
    rewaiting: {
      tags: ['busy'],
      invoke: {
        src: 'awaitSeat',
        input: ({ context }) => ({ seat: context.seat! }),
        onDone: [
          { guard: 'waits', target: 'waiting' },
          // Let in while away: the token it brings is presented, as an approval's is.
          { target: 'resuming', actions: [assign({ seat: ({ event }) => (event.output.status === 'joined' ? event.output.seat : null) }), 'keepSeat'] },
        ],
        onError: [
          { guard: { type: 'failedWith', params: { kind: 'unreachable' } }, target: 'reconnecting', actions: 'noteFailure' },
          // Turned away meanwhile, or the host forgot the request (restarted): said in its words.
          { target: 'removed', actions: ['noteFailure', 'noteSeatGone'] },
        ],
      },
      on: { 'host.lost': 'reconnecting' },
    },
    /** The join code and the participant's name, then a role. */
    code: {
      initial: 'entering',
      on: { 'host.lost': '.unreachable' },
      states: {
        entering: {
          on: { 'code.submit': { target: 'checking', actions: ['noteCode', 'clearFailure'] } },
        },
        checking: {
          tags: ['busy'],
          invoke: {
            src: 'checkCode',
            input: ({ context }) => ({ code: context.code }),
            onDone: { target: 'choosingRole', actions: assign({ offer: ({ event }) => event.output }) },
            onError: [
              { guard: { type: 'failedWith', params: { kind: 'rate-limited' } }, target: 'lockedOut', actions: 'noteFailure' },
              { guard: { type: 'failedWith', params: { kind: 'unreachable' } }, target: 'unreachable', actions: 'noteFailure' },
              { target: 'entering', actions: 'noteFailure' },
            ],
          },
        },
        /** Too many wrong codes from this device's address: the form waits as long as the host does. */
        lockedOut: {
          after: { lockout: 'entering' },
        },
        choosingRole: {
          on: {
            'role.choose': { target: 'joining', actions: 'clearFailure' },
            'role.back': { target: 'entering', actions: [assign({ offer: null }), 'clearFailure'] },
          },
        },
        joining: {
          tags: ['busy'],
          invoke: {
            src: 'takeSeat',
            input: ({ context, event }) => ({ code: context.code, name: context.name, role: (event as Extract<JoinEvent, { type: 'role.choose' }>).role, sessionId: context.offer!.sessionId }),
            onDone: [
              { guard: 'waits', target: '#join.waiting', actions: [assign({ seat: ({ event }) => event.output.seat }), 'keepSeat'] },
              { target: '#join.joined', actions: [assign({ seat: ({ event }) => event.output.seat }), 'keepSeat'] },
            ],
            onError: [
              // Someone took it first: the roles are fetched again, with the failure shown beside them.
              { guard: { type: 'failedWith', params: { kind: 'role-taken' } }, target: 'checking', actions: 'noteFailure' },
              { guard: { type: 'failedWith', params: { kind: 'rate-limited' } }, target: 'lockedOut', actions: 'noteFailure' },
              { guard: { type: 'failedWith', params: { kind: 'unreachable' } }, target: 'unreachable', actions: 'noteFailure' },
              // The code changed or the session ended in between: start again with the failure shown.
              { target: 'entering', actions: ['noteFailure', assign({ offer: null })] },
            ],
          },
        },
        /** The host went while joining: the form comes back once it is reachable. */
        unreachable: {
          tags: ['busy'],
          on: { 'host.connected': 'entering' },
          after: { hostGone: '#join.gone' },
        },
      },
    },
    /** In the lobby: the facilitator approves (or removes) this participant. */
    waiting: {
      on: {
        // A token given only now is presented at once (the page connects with it), as a kept seat is.
        'seat.approved': [
          { guard: 'bringsSeat', target: 'resuming', actions: [assign({ seat: ({ event }) => event.seat! }), 'keepSeat'] },
          { target: 'joined' },
        ],
        'host.lost': 'reconnecting',
      },
    },
    joined: {
      on: {
        'host.lost': 'reconnecting',
        'seat.moved': { actions: ['moveSeat', 'keepSeat'] },
      },
    },
    /** The connection dropped: the page keeps trying, and resumes the seat when the host is back. */
    reconnecting: {
      tags: ['busy'],
      on: { 'host.connected': [{ guard: 'hasSeat', target: 'resuming' }, { guard: 'waitsInLobby', target: 'rewaiting' }, { target: 'code' }] },
      after: { hostGone: 'gone' },
    },
    /** The host has not answered for a while: said plainly; the page still tries, and Retry resumes at once. */
    gone: {
      on: {
        'host.connected': [{ guard: 'hasSeat', target: 'resuming' }, { guard: 'waitsInLobby', target: 'rewaiting' }, { target: 'code' }],
        retry: [{ guard: 'hasSeat', target: 'resuming' }, { guard: 'waitsInLobby', target: 'rewaiting' }, { target: 'connecting' }],
      },
    },
    /** The facilitator removed this participant (their token is dead), or the seat ended. */
    removed: {
      entry: ['dropSeat', 'forgetSeat'],
      on: { 'join.again': { target: 'code', actions: [assign({ removedBecause: null, failure: null, offer: null })] } },
    },
  },
  on: {
    'seat.removed': { target: '.removed', actions: 'noteRemoval' },
    leave: {
      target: '.code',
      actions: [
        // A request still waiting is withdrawn: the facilitator would otherwise let in nobody.
        { type: 'withdrawRequest', params: ({ context }) => ({ seat: context.seat }) },
        'dropSeat', 'forgetSeat', assign({ offer: null, failure: null }),
      ],
    },
  },
});

export type JoinActor = ActorRefFrom<typeof joinMachine>;
