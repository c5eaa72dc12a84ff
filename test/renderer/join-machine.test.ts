import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { HOST_GONE_AFTER_MS, joinMachine, type JoinEvent, type JoinFailure, type JoinOffer, type Seat, type SeatStatus } from '../../renderer/participant/join-machine.js';

// The join flow as its machine: every state and failure of a participant joining a LAN session,
// driven by events and by a simulated clock (never a sleep). The host is played by the actors
// each test provides.

const OFFER: JoinOffer = {
  sessionId: 's-1',
  title: 'Left open overnight',
  approval: false,
  roles: [
    { id: 'incident-commander', title: 'Incident Commander', takenBy: 'Ada', assignedTo: null },
    { id: 'cloud-security-analyst', title: 'Cloud Security Analyst', takenBy: null, assignedTo: 'Grace' },
  ],
};
const SEAT: Seat = { sessionId: 's-1', token: 'tok-grace', name: 'Grace', role: 'cloud-security-analyst' };

interface Host {
  checkCode?: (code: string) => Promise<JoinOffer>;
  takeSeat?: (request: { code: string; name: string; role: string }) => Promise<{ seat: Seat; status: SeatStatus }>;
  resumeSeat?: (seat: Seat) => Promise<{ status: SeatStatus; role: string }>;
  awaitSeat?: (seat: Seat) => Promise<{ status: 'waiting' } | { status: 'joined'; seat: Seat }>;
}

const refuse = (failure: JoinFailure) => Promise.reject(failure);

/** The machine with a test host, on a simulated clock; the connection is up unless `offline`. */
function start(host: Host, options: { seat?: Seat | null; offline?: boolean } = {}) {
  const clock = new SimulatedClock();
  const kept: (Seat | null)[] = [];
  const withdrawn: (Seat | null)[] = [];
  let link: ((event: JoinEvent) => void) | undefined;
  const machine = joinMachine.provide({
    actors: {
      hostLink: fromCallback<JoinEvent>(({ sendBack }) => {
        link = sendBack;
        if (!options.offline) sendBack({ type: 'host.connected' });
        return () => {};
      }),
      checkCode: fromPromise(({ input }) => (host.checkCode ?? (() => Promise.resolve(OFFER)))(input.code)),
      takeSeat: fromPromise(({ input }) => (host.takeSeat ?? ((request) => Promise.resolve({ seat: { ...SEAT, name: request.name, role: request.role }, status: 'joined' as const })))(input)),
      resumeSeat: fromPromise(({ input }) => (host.resumeSeat ?? ((seat) => Promise.resolve({ status: 'joined' as const, role: seat.role })))(input.seat)),
      awaitSeat: fromPromise(({ input }) => (host.awaitSeat ?? (() => Promise.resolve({ status: 'waiting' as const })))(input.seat)),
    },
    actions: {
      keepSeat: ({ context }) => void kept.push(context.seat),
      forgetSeat: () => void kept.push(null),
      withdrawRequest: (_, { seat }) => void withdrawn.push(seat),
    },
  });
  const actor = createActor(machine, { clock, input: { seat: options.seat ?? null } }).start();
  return { actor, clock, kept, withdrawn, host: (event: JoinEvent) => link!(event) };
}

const stateOf = (actor: ReturnType<typeof start>['actor']) => actor.getSnapshot().value;

describe('the join machine', () => {
  it('goes from the code to the role to joined, keeping the seat on the device', async () => {
    const codes: string[] = [];
    const { actor, kept } = start({ checkCode: (code) => { codes.push(code); return Promise.resolve(OFFER); } });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
    actor.send({ type: 'code.submit', code: ' k7q-2mx ', name: ' Grace ' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await waitFor(actor, (s) => s.matches({ code: 'choosingRole' }));
    // The code as the host keeps it: trimmed, upper case; the name trimmed.
    expect(codes).toEqual(['K7Q-2MX']);
    expect(actor.getSnapshot().context.name).toBe('Grace');
    expect(actor.getSnapshot().context.offer?.roles).toHaveLength(2);
    actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(actor, (s) => s.matches('joined'));
    expect(actor.getSnapshot().context.seat).toEqual({ ...SEAT, name: 'Grace' });
    expect(kept).toEqual([{ ...SEAT, name: 'Grace' }]);
  });

  it('says a wrong code is wrong and lets the person try again', async () => {
    const { actor } = start({ checkCode: () => refuse({ kind: 'wrong-code', message: 'No session has this code.' }) });
    actor.send({ type: 'code.submit', code: 'nope', name: 'Grace' });
    await waitFor(actor, (s) => s.matches({ code: 'entering' }) && s.context.failure !== null);
    expect(actor.getSnapshot().context.failure).toEqual({ kind: 'wrong-code', message: 'No session has this code.' });
    expect(actor.getSnapshot().can({ type: 'code.submit', code: 'x', name: 'y' })).toBe(true);
  });

  it('waits out the host\'s rate limit on the simulated clock before taking a code again', async () => {
    const { actor, clock } = start({ checkCode: () => refuse({ kind: 'rate-limited', message: 'Too many wrong codes: wait a minute.', retryAfterMs: 60_000 }) });
    actor.send({ type: 'code.submit', code: 'nope', name: 'Grace' });
    await waitFor(actor, (s) => s.matches({ code: 'lockedOut' }));
    expect(actor.getSnapshot().context.failure?.message).toBe('Too many wrong codes: wait a minute.');
    expect(actor.getSnapshot().can({ type: 'code.submit', code: 'x', name: 'y' })).toBe(false);
    clock.increment(59_999);
    expect(actor.getSnapshot().matches({ code: 'lockedOut' })).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
    // The message stays until the next try, so the person knows why they waited.
    expect(actor.getSnapshot().context.failure?.kind).toBe('rate-limited');
  });

  it('fetches the roles again when someone took the chosen role first, and says so', async () => {
    let checks = 0;
    const taken = { ...OFFER, roles: OFFER.roles.map((role) => ({ ...role, takenBy: role.takenBy ?? 'Alan' })) };
    const { actor } = start({
      checkCode: () => Promise.resolve(checks++ === 0 ? OFFER : taken),
      takeSeat: () => refuse({ kind: 'role-taken', message: 'Alan took Cloud Security Analyst first.' }),
    });
    actor.send({ type: 'code.submit', code: 'K7Q', name: 'Grace' });
    await waitFor(actor, (s) => s.matches({ code: 'choosingRole' }));
    actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(actor, (s) => s.matches({ code: 'choosingRole' }) && checks === 2);
    expect(actor.getSnapshot().context.failure?.kind).toBe('role-taken');
    expect(actor.getSnapshot().context.offer?.roles.every((role) => role.takenBy !== null)).toBe(true);
    actor.send({ type: 'role.back' });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
    expect(actor.getSnapshot().context.failure).toBeNull();
  });

  it('waits for the facilitator\'s approval, then joins; or is turned away', async () => {
    const waiting = () => Promise.resolve({ seat: SEAT, status: 'waiting' as const });
    const approved = start({ takeSeat: waiting });
    approved.actor.send({ type: 'code.submit', code: 'K7Q', name: 'Grace' });
    await waitFor(approved.actor, (s) => s.matches({ code: 'choosingRole' }));
    approved.actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(approved.actor, (s) => s.matches('waiting'));
    // Kept while waiting: a reload goes back to the lobby, not to the code.
    expect(approved.kept).toEqual([SEAT]);
    approved.host({ type: 'seat.approved' });
    expect(approved.actor.getSnapshot().matches('joined')).toBe(true);

    const refused = start({ resumeSeat: () => Promise.resolve({ status: 'waiting', role: SEAT.role }) }, { seat: SEAT });
    await waitFor(refused.actor, (s) => s.matches('waiting'));
    refused.host({ type: 'seat.removed', reason: 'The facilitator did not let you in.' });
    expect(refused.actor.getSnapshot().matches('removed')).toBe(true);
    expect(refused.actor.getSnapshot().context.removedBecause).toBe('The facilitator did not let you in.');
    expect(refused.kept.at(-1)).toBeNull();
  });

  it('presents the token the facilitator\'s approval brings, then joins with it', async () => {
    const presented: string[] = [];
    const { actor, host, kept } = start({
      takeSeat: () => Promise.resolve({ seat: { ...SEAT, token: '' }, status: 'waiting' }),
      resumeSeat: (seat) => { presented.push(seat.token); return Promise.resolve({ status: 'joined', role: seat.role }); },
    });
    actor.send({ type: 'code.submit', code: 'K7Q', name: 'Grace' });
    await waitFor(actor, (s) => s.matches({ code: 'choosingRole' }));
    actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(actor, (s) => s.matches('waiting'));
    host({ type: 'seat.approved', seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    expect(presented).toEqual([SEAT.token]);
    expect(actor.getSnapshot().context.seat).toEqual(SEAT);
    expect(kept.at(-1)).toEqual(SEAT);
  });

  it('waits on in the lobby with its request after a drop or a reload, and learns the answer given meanwhile', async () => {
    const WAITING: Seat = { ...SEAT, token: '', request: 'r-0123456789abcdef' };
    const asked: string[] = [];
    const presented: string[] = [];
    let answer: 'waiting' | 'in' | 'out' = 'waiting';
    const host: Host = {
      takeSeat: () => Promise.resolve({ seat: WAITING, status: 'waiting' }),
      awaitSeat: (seat) => {
        asked.push(seat.request!);
        if (answer === 'out') return refuse({ kind: 'seat-gone', message: 'not on the list.' });
        return Promise.resolve(answer === 'in' ? { status: 'joined', seat: SEAT } : { status: 'waiting' });
      },
      resumeSeat: (seat) => { presented.push(seat.token); return Promise.resolve({ status: 'joined', role: seat.role }); },
    };
    const page = start(host);
    page.actor.send({ type: 'code.submit', code: 'K7Q', name: 'Grace' });
    await waitFor(page.actor, (s) => s.matches({ code: 'choosingRole' }));
    page.actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(page.actor, (s) => s.matches('waiting'));
    // Kept with its request: a reload waits on too.
    expect(page.kept).toEqual([WAITING]);

    // The Wi-Fi drops and comes back: still waiting, with the same request.
    page.host({ type: 'host.lost' });
    page.host({ type: 'host.connected' });
    await waitFor(page.actor, (s) => s.matches('waiting'));
    expect(asked).toEqual([WAITING.request]);

    // The lid closes; the facilitator lets her in meanwhile: she is in with the token it brings.
    answer = 'in';
    page.host({ type: 'host.lost' });
    page.host({ type: 'host.connected' });
    await waitFor(page.actor, (s) => s.matches('joined'));
    expect(presented).toEqual([SEAT.token]);
    expect(page.kept.at(-1)).toEqual(SEAT);

    // A page reloaded with a waiting seat kept, turned away meanwhile: told why, the seat forgotten.
    answer = 'out';
    const reloaded = start(host, { seat: WAITING });
    await waitFor(reloaded.actor, (s) => s.matches('removed'));
    expect(reloaded.actor.getSnapshot().context.removedBecause).toBe('not on the list.');
    expect(reloaded.kept.at(-1)).toBeNull();
  });

  it('resumes a kept seat when the page loads again (a reload, a lid), without asking for the code', async () => {
    const presented: string[] = [];
    const { actor } = start({ resumeSeat: (seat) => { presented.push(seat.token); return Promise.resolve({ status: 'joined', role: seat.role }); } }, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    expect(presented).toEqual(['tok-grace']);
    expect(actor.getSnapshot().context.name).toBe('Grace');
  });

  it('reconnects after a drop and resumes the seat; says the host is gone after a while, and keeps trying', async () => {
    let resumes = 0;
    const { actor, clock, host } = start({ resumeSeat: (seat) => { resumes += 1; return Promise.resolve({ status: 'joined', role: seat.role }); } }, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    host({ type: 'host.lost' });
    expect(actor.getSnapshot().matches('reconnecting')).toBe(true);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    host({ type: 'host.connected' });
    await waitFor(actor, (s) => s.matches('joined'));
    expect(resumes).toBe(2);

    host({ type: 'host.lost' });
    clock.increment(HOST_GONE_AFTER_MS - 1);
    expect(actor.getSnapshot().matches('reconnecting')).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches('gone')).toBe(true);
    // Still the same seat: the host coming back resumes it.
    host({ type: 'host.connected' });
    await waitFor(actor, (s) => s.matches('joined'));
    expect(resumes).toBe(3);
  });

  it('says the host is gone when it never answers, and Retry tries again', async () => {
    const { actor, clock, host } = start({}, { offline: true });
    expect(actor.getSnapshot().matches('connecting')).toBe(true);
    clock.increment(HOST_GONE_AFTER_MS);
    expect(actor.getSnapshot().matches('gone')).toBe(true);
    actor.send({ type: 'retry' });
    expect(actor.getSnapshot().matches('connecting')).toBe(true);
    host({ type: 'host.connected' });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
  });

  it('is removed when the facilitator removes the participant, forgets the seat, and may join again', async () => {
    const { actor, host, kept } = start({}, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    host({ type: 'seat.removed', reason: 'Removed by the facilitator.' });
    expect(actor.getSnapshot().matches('removed')).toBe(true);
    expect(actor.getSnapshot().context.seat).toBeNull();
    expect(kept.at(-1)).toBeNull();
    actor.send({ type: 'join.again' });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
  });

  it('treats a dead token at resume as removed, with the host\'s reason', async () => {
    const { actor } = start({ resumeSeat: () => refuse({ kind: 'seat-gone', message: 'This session has ended.' }) }, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('removed'));
    expect(actor.getSnapshot().context.removedBecause).toBe('This session has ended.');
  });

  it('goes on reconnecting when the host is unreachable at resume', async () => {
    let tries = 0;
    const { actor, host } = start({ resumeSeat: (seat) => (tries++ === 0 ? refuse({ kind: 'unreachable', message: 'timeout' }) : Promise.resolve({ status: 'joined', role: seat.role })) }, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('reconnecting'));
    host({ type: 'host.connected' });
    await waitFor(actor, (s) => s.matches('joined'));
  });

  it('follows the facilitator moving the participant to another role', async () => {
    const { actor, host, kept } = start({}, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    host({ type: 'seat.moved', role: 'incident-commander' });
    expect(actor.getSnapshot().context.seat?.role).toBe('incident-commander');
    expect(kept.at(-1)?.role).toBe('incident-commander');
  });

  it('leaves on request: the seat is forgotten and the code asked again', async () => {
    const { actor, kept } = start({}, { seat: SEAT });
    await waitFor(actor, (s) => s.matches('joined'));
    actor.send({ type: 'leave' });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
    expect(kept.at(-1)).toBeNull();
  });

  it('withdraws its request from the lobby when it leaves while waiting for approval', async () => {
    const WAITING: Seat = { ...SEAT, token: '', request: 'r-0123456789abcdef' };
    const { actor, withdrawn, kept } = start({ takeSeat: () => Promise.resolve({ seat: WAITING, status: 'waiting' }) });
    actor.send({ type: 'code.submit', code: 'K7Q', name: 'Grace' });
    await waitFor(actor, (s) => s.matches({ code: 'choosingRole' }));
    actor.send({ type: 'role.choose', role: 'cloud-security-analyst' });
    await waitFor(actor, (s) => s.matches('waiting'));
    actor.send({ type: 'leave' });
    expect(actor.getSnapshot().matches({ code: 'entering' })).toBe(true);
    expect(withdrawn).toEqual([WAITING]);
    expect(kept.at(-1)).toBeNull();
  });

  it('shows the form again once the host is back when it went while joining', async () => {
    const { actor, host, clock } = start({});
    host({ type: 'host.lost' });
    expect(stateOf(actor)).toEqual({ code: 'unreachable' });
    host({ type: 'host.connected' });
    expect(stateOf(actor)).toEqual({ code: 'entering' });
    host({ type: 'host.lost' });
    clock.increment(HOST_GONE_AFTER_MS);
    expect(stateOf(actor)).toBe('gone');
  });
});
