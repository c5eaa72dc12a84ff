import { randomBytes, randomInt } from 'node:crypto';
import { FACILITATOR } from '../../engine/format/script.js';
import { SYSTEM } from '../../engine/session/refusals.js';
import { EVALUATOR, type Person } from '../../engine/session/people.js';
import { defaultSessionName } from '../../engine/session/journal-digest.js';
import type { JournalEntry, JournalInput, Seat } from '../../engine/session/journal.js';
import type { Session } from '../../engine/session/session.js';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../engine/protocol/join-code.js';
import { audienceOf, audienceView, participantSelf } from '../../engine/protocol/audience-view.js';
import type { AudienceKey, AudienceView, JoinAdmission, JoinLookup, LobbyView, ParticipantSelf, Presence } from '../../engine/protocol/audience.js';
import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import type { AccessTokens } from './access-tokens.js';
import { CommandFailure } from './command-failure.js';
import type { SessionService } from './session-service.js';

/** Wrong join codes an address may send in JOIN_WINDOW_MS before it must wait. */
export const JOIN_ATTEMPTS = 5;
export const JOIN_WINDOW_MS = 60_000;
/** How long a dropped participant shows as "reconnecting" before "away". */
export const RECONNECT_GRACE_MS = 30_000;
/** Addresses whose wrong codes are remembered at most (a flood of addresses forgets the oldest). */
const MAX_ADDRESSES = 10_000;

/** Where the lobby tells the transport what changed for people. */
export interface LobbyEvents {
  lobby(sessionId: string, lobby: LobbyView): void;
  /** A participant's seat or role changed: their pages watch another audience now. */
  moved(sessionId: string, participant: string, me: ParticipantSelf, audience: AudienceKey, view: AudienceView): void;
  /** A participant was removed: their pages are told, then disconnected. */
  removed(sessionId: string, participant: string, reason: string): void;
}

type Notify = <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => void;

interface Waiting {
  request: string;
  name: string;
  seat: Seat;
  role: string | null;
  at: string;
  /** The page that waits: the one that asked, or the one that came back with the request (join.wait). */
  notify: Notify;
}

/** The facilitator's answer to a request, kept for a page that was away when it came. */
type Answer = { admitted: string } | { rejected: string };

interface Presences {
  connections: number;
  presence: Presence;
  since: string;
  timer?: NodeJS.Timeout;
}

interface Lobby {
  code: string;
  approval: boolean;
  waiting: Map<string, Waiting>;
  /** Answered requests by id: a page that comes back (join.wait) learns its answer. */
  answered: Map<string, Answer>;
  presence: Map<string, Presences>;
}

const newId = (prefix: string): string => `${prefix}-${randomBytes(8).toString('hex')}`;

/**
 * The lobbies of sessions (docs/lan.md): a join code per session, who waits for approval, who is
 * connected; joining, approving, assigning and removing people, each journaled through the
 * session. Join codes and presence live in memory: a restarted Firedrill draws new codes, and
 * participants come back with their tokens.
 */
export class LobbyService {
  private readonly lobbies = new Map<string, Lobby>();
  private readonly byCode = new Map<string, string>();
  private readonly wrongCodes = new Map<string, number[]>();
  private events: LobbyEvents | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: AccessTokens | undefined,
    private readonly now: () => number,
  ) {}

  /** The transport that carries the lobby's pushes. */
  bind(events: LobbyEvents): void {
    this.events = events;
  }

  private lobbyOf(sessionId: string): Lobby {
    let lobby = this.lobbies.get(sessionId);
    if (!lobby) {
      lobby = { code: this.newCode(), approval: false, waiting: new Map(), answered: new Map(), presence: new Map() };
      this.lobbies.set(sessionId, lobby);
      this.byCode.set(lobby.code, sessionId);
    }
    return lobby;
  }

  private newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
      if (!this.byCode.has(code)) return code;
    }
  }

  private live(sessionId: string) {
    const live = this.sessions.liveSession(sessionId);
    if (!live) throw new CommandFailure('not-open', `session ${sessionId} is not running: the facilitator opens it first`);
    return live;
  }

  /** The facilitator's lobby of a live session. */
  view(sessionId: string): LobbyView {
    const session = this.live(sessionId).session;
    const lobby = this.lobbyOf(sessionId);
    const active = session.people.active();
    const reserved = session.started.participants;
    return {
      sessionId,
      joinCode: lobby.code,
      approval: lobby.approval,
      participants: active.map((person) => {
        const presence = lobby.presence.get(person.id);
        return {
          id: person.id, name: person.name, seat: person.seat, role: person.role, joinedAt: person.joinedAt, removedAt: person.removedAt,
          presence: presence?.presence ?? 'away', connections: presence?.connections ?? 0, since: presence?.since ?? new Date(this.now()).toISOString(),
        };
      }),
      waiting: [...lobby.waiting.values()].map(({ request, name, seat, role, at }) => ({ request, name, seat, role, at })),
      roles: session.index.plan.roles.map((role) => ({
        id: role.id,
        title: role.title,
        holders: active.filter((person) => person.seat === 'role' && person.role === role.id).map((person) => person.id),
        reservedFor: reserved[role.id] ?? null,
      })),
    };
  }

  private changed(sessionId: string): void {
    if (this.sessions.liveSession(sessionId)) this.events?.lobby(sessionId, this.view(sessionId));
  }

  settings(params: CommandParams<'lobby.settings'>): LobbyView {
    this.live(params.sessionId);
    const lobby = this.lobbyOf(params.sessionId);
    if (params.approval !== undefined) lobby.approval = params.approval;
    if (params.newCode) {
      this.byCode.delete(lobby.code);
      lobby.code = this.newCode();
      this.byCode.set(lobby.code, params.sessionId);
    }
    this.changed(params.sessionId);
    return this.view(params.sessionId);
  }

  /** The session a code opens; a wrong code counts against the address, which must wait after JOIN_ATTEMPTS of them. */
  private sessionOfCode(code: string, address: string): string {
    const now = this.now();
    const recent = (this.wrongCodes.get(address) ?? []).filter((at) => now - at < JOIN_WINDOW_MS);
    if (recent.length >= JOIN_ATTEMPTS) {
      const wait = Math.ceil((JOIN_WINDOW_MS - (now - recent[0]!)) / 1000);
      throw new CommandFailure('rate-limited', `too many wrong join codes from this address: try again in ${wait} s`);
    }
    const sessionId = this.byCode.get(code);
    if (sessionId && this.sessions.liveSession(sessionId)) {
      this.wrongCodes.delete(address);
      return sessionId;
    }
    if (this.wrongCodes.size >= MAX_ADDRESSES && !this.wrongCodes.has(address)) this.wrongCodes.delete(this.wrongCodes.keys().next().value!);
    this.wrongCodes.set(address, [...recent, now]);
    throw new CommandFailure('not-found', 'no running session has this join code: check it with the facilitator');
  }

  lookup(code: string, address: string): JoinLookup {
    const sessionId = this.sessionOfCode(code, address);
    const session = this.live(sessionId).session;
    const active = session.people.active();
    return {
      sessionId,
      name: session.name ?? defaultSessionName(session.index.scenario.title, session.started.wallTime),
      ended: session.context.ended !== null,
      approval: this.lobbyOf(sessionId).approval,
      roles: session.index.plan.roles.map((role) => {
        const heldBy = active.filter((person) => person.seat === 'role' && person.role === role.id).map((person) => person.name);
        const reservedFor = session.started.participants[role.id] ?? null;
        return { id: role.id, title: role.title, free: heldBy.length === 0 && reservedFor === null, heldBy, reservedFor };
      }),
    };
  }

  /** Joins with a code: in at once, or (approval asked, or an observer's or evaluator's seat) waiting for the facilitator. */
  async request(params: CommandParams<'join.request'>, address: string, notify: Notify): Promise<JoinAdmission> {
    const sessionId = this.sessionOfCode(params.code, address);
    const session = this.live(sessionId).session;
    const role = params.seat === 'role' ? (params.role ?? null) : null;
    if (params.seat !== 'role' && params.role !== undefined) throw new CommandFailure('bad-request', `an ${params.seat} plays no role: leave the role out`);
    if (role !== null) this.roleRefusal(session, role, params.name);
    const lobby = this.lobbyOf(sessionId);
    if (lobby.approval || params.seat !== 'role') {
      const request = newId('r');
      lobby.waiting.set(request, { request, name: params.name, seat: params.seat, role, at: new Date(this.now()).toISOString(), notify });
      this.changed(sessionId);
      return { status: 'waiting', sessionId, request };
    }
    const { token, me } = await this.admit(sessionId, { name: params.name, seat: params.seat, role }, SYSTEM);
    return { status: 'joined', sessionId, token, me };
  }

  /**
   * A waiting page back after a drop (join.wait): it waits on, and the answer comes to it now; or
   * it learns the answer given while it was away. The request id is the page's secret: only it
   * and the facilitator's lobby ever hold it.
   */
  wait(params: CommandParams<'join.wait'>, notify: Notify): JoinAdmission {
    const lobby = this.lobbies.get(params.sessionId);
    const gone = () => new CommandFailure('not-found', 'the facilitator\'s Firedrill no longer has your request to join (it was restarted, or the session is over): join again with the code');
    if (!lobby || !this.sessions.liveSession(params.sessionId)) throw gone();
    const waiting = lobby.waiting.get(params.request);
    if (waiting) {
      waiting.notify = notify;
      return { status: 'waiting', sessionId: params.sessionId, request: params.request };
    }
    const answer = lobby.answered.get(params.request);
    if (!answer) throw gone();
    if ('rejected' in answer) throw new CommandFailure('refused', answer.rejected);
    const session = this.live(params.sessionId).session;
    const person = session.people.get(answer.admitted);
    if (!person || person.removedAt !== null || !this.tokens) throw new CommandFailure('unauthorized', 'the facilitator let you in, then removed you from the session');
    return { status: 'joined', sessionId: params.sessionId, token: this.tokens.participantToken(params.sessionId, person.id), me: participantSelf(session, person) };
  }

  /** A waiting page left: its request goes from the lobby (the facilitator would let in nobody). Done already is done. */
  cancel(params: CommandParams<'join.cancel'>): { sessionId: string } {
    if (this.lobbies.get(params.sessionId)?.waiting.delete(params.request)) this.changed(params.sessionId);
    return { sessionId: params.sessionId };
  }

  /** A role a joiner may not take: not in the plan, or reserved by the set-up for someone else. */
  private roleRefusal(session: Session, role: string, name: string): void {
    if (!session.index.roles.has(role)) throw new CommandFailure('not-found', `"${role}" is not a role of this session`);
    const reservedFor = session.started.participants[role];
    if (reservedFor !== undefined && reservedFor.trim().toLowerCase() !== name.trim().toLowerCase()) {
      throw new CommandFailure('conflict', `this role is kept for ${reservedFor}: pick another, or ask the facilitator`);
    }
  }

  private async admit(sessionId: string, who: { name: string; seat: Seat; role: string | null }, actor: string): Promise<{ token: string; me: ParticipantSelf; entry: JournalEntry }> {
    if (!this.tokens) throw new CommandFailure('refused', 'participants join a served Firedrill (firedrill serve --lan, or the app\'s LAN switch)');
    const participant = newId('p');
    const input: JournalInput = { type: 'participant.joined', participant, name: who.name, seat: who.seat, ...(who.role !== null ? { role: who.role } : {}) };
    const { entry } = await this.sessions.record(sessionId, (driver, wallNow, commandId) => driver.record(input, wallNow, actor, commandId));
    const session = this.live(sessionId).session;
    this.changed(sessionId);
    return { token: this.tokens.participantToken(sessionId, participant), me: participantSelf(session, session.people.get(participant)!), entry };
  }

  async approve(params: CommandParams<'lobby.approve'>): Promise<CommandResults['lobby.approve']> {
    const lobby = this.lobbyOf(params.sessionId);
    const waiting = lobby.waiting.get(params.request);
    if (!waiting) throw new CommandFailure('not-found', `nobody waits as ${params.request}: they left, or were let in or turned away already`);
    const role = params.role ?? waiting.role;
    if (waiting.seat !== 'role' && params.role !== undefined) throw new CommandFailure('bad-request', `${waiting.name} joins as an ${waiting.seat}: an ${waiting.seat} plays no role`);
    const session = this.live(params.sessionId).session;
    if (role !== null && !session.index.roles.has(role)) throw new CommandFailure('not-found', `"${role}" is not a role of this session`);
    lobby.waiting.delete(params.request);
    const { token, me, entry } = await this.admit(params.sessionId, { name: waiting.name, seat: waiting.seat, role }, FACILITATOR);
    lobby.answered.set(params.request, { admitted: me.participant });
    waiting.notify('join.admitted', { sessionId: params.sessionId, token, me });
    return { lobby: this.view(params.sessionId), participant: me.participant, entry };
  }

  reject(params: CommandParams<'lobby.reject'>): LobbyView {
    const lobby = this.lobbyOf(params.sessionId);
    const waiting = lobby.waiting.get(params.request);
    if (!waiting) throw new CommandFailure('not-found', `nobody waits as ${params.request}`);
    lobby.waiting.delete(params.request);
    const reason = params.reason ?? 'the facilitator did not let you in';
    lobby.answered.set(params.request, { rejected: reason });
    waiting.notify('join.rejected', { sessionId: params.sessionId, reason });
    this.changed(params.sessionId);
    return this.view(params.sessionId);
  }

  async assign(params: CommandParams<'lobby.assign'>): Promise<CommandResults['lobby.assign']> {
    const { entry } = await this.sessions.record(params.sessionId, (driver, wallNow, commandId) =>
      driver.record({ type: 'participant.assigned', participant: params.participant, role: params.role }, wallNow, FACILITATOR, commandId), params);
    const session = this.live(params.sessionId).session;
    const person = session.people.get(params.participant)!;
    const audience = audienceOf(person);
    if (audience !== 'facilitator') this.events?.moved(params.sessionId, person.id, participantSelf(session, person), audience, audienceView(session, audience));
    this.changed(params.sessionId);
    return { lobby: this.view(params.sessionId), entry };
  }

  async remove(params: CommandParams<'lobby.remove'>): Promise<CommandResults['lobby.remove']> {
    const { entry } = await this.sessions.record(params.sessionId, (driver, wallNow, commandId) =>
      driver.record({ type: 'participant.removed', participant: params.participant, ...(params.reason ? { reason: params.reason } : {}) }, wallNow, FACILITATOR, commandId), params);
    const presence = this.lobbyOf(params.sessionId).presence.get(params.participant);
    if (presence?.timer) clearTimeout(presence.timer);
    this.lobbyOf(params.sessionId).presence.delete(params.participant);
    this.events?.removed(params.sessionId, params.participant, params.reason ?? 'the facilitator removed you from the session');
    this.changed(params.sessionId);
    return { lobby: this.view(params.sessionId), entry };
  }

  /** The participant as the session has them now, if their token still works (they joined, and were not removed). */
  async person(sessionId: string, participant: string): Promise<Person | undefined> {
    let session: Session;
    try {
      session = await this.sessions.read(sessionId);
    } catch {
      return undefined;
    }
    const person = session.people.get(participant);
    return person && person.removedAt === null ? person : undefined;
  }

  /** The audience a participant watches now, with their view and who they are. */
  async open(sessionId: string, participant: string | undefined): Promise<{ key: Exclude<AudienceKey, 'facilitator'>; view: AudienceView; me: ParticipantSelf | null }> {
    const session = await this.sessions.read(sessionId);
    if (participant === undefined) return { key: 'projector', view: audienceView(session, 'projector'), me: null };
    const person = session.people.get(participant);
    if (!person || person.removedAt !== null) throw new CommandFailure('unauthorized', 'you were removed from this session');
    const key = audienceOf(person) as Exclude<AudienceKey, 'facilitator'>;
    return { key, view: audienceView(session, key), me: participantSelf(session, person) };
  }

  /**
   * Records an input in a participant's name. The actor is taken from who they are (their role,
   * or "evaluator"), never from the message: an `actor` given that is not theirs is refused.
   */
  async recordFor(sessionId: string, participant: string, input: JournalInput, claimed: string | undefined, commandId: string | undefined) {
    const live = this.live(sessionId);
    const person = live.session.people.get(participant);
    if (!person || person.removedAt !== null) throw new CommandFailure('unauthorized', 'you were removed from this session');
    const actor = person.seat === 'role' ? person.role : EVALUATOR;
    if (actor === null) throw new CommandFailure('refused', `${person.name} has no role yet: the facilitator assigns one`);
    if (claimed !== undefined && claimed !== actor) throw new CommandFailure('unauthorized', `${person.name} records as ${actor} only, not ${claimed}`);
    return this.sessions.record(sessionId, (driver, wallNow, id) => driver.record(input, wallNow, actor, id, participant), { commandId });
  }

  /** A page of this participant connected. */
  connected(sessionId: string, participant: string): void {
    const lobby = this.lobbyOf(sessionId);
    const presence = lobby.presence.get(participant) ?? { connections: 0, presence: 'joined', since: '' };
    if (presence.timer) clearTimeout(presence.timer);
    lobby.presence.set(participant, { connections: presence.connections + 1, presence: 'joined', since: new Date(this.now()).toISOString() });
    this.changed(sessionId);
  }

  /** A page of this participant went: reconnecting for a while, then away. A participant leaving never pauses the session. */
  disconnected(sessionId: string, participant: string): void {
    const lobby = this.lobbies.get(sessionId);
    const presence = lobby?.presence.get(participant);
    if (!lobby || !presence) return;
    const connections = Math.max(0, presence.connections - 1);
    if (connections > 0) {
      lobby.presence.set(participant, { ...presence, connections });
    } else {
      const timer = setTimeout(() => {
        const now = lobby.presence.get(participant);
        if (now && now.connections === 0) lobby.presence.set(participant, { connections: 0, presence: 'away', since: new Date(this.now()).toISOString() });
        this.changed(sessionId);
      }, RECONNECT_GRACE_MS);
      timer.unref();
      lobby.presence.set(participant, { connections: 0, presence: 'reconnecting', since: new Date(this.now()).toISOString(), timer });
    }
    this.changed(sessionId);
  }
}
