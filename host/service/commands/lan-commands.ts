import { FACILITATOR } from '../../../engine/format/script.js';
import { CommandFailure } from '../command-failure.js';
import type { ClientSessions } from '../connection.js';
import type { FiredrillHost } from '../firedrill-host.js';
import type { HandlerTable } from './handler.js';

type LanCommand =
  | 'lan.status' | 'lan.start' | 'lan.stop'
  | 'lobby.get' | 'lobby.settings' | 'lobby.approve' | 'lobby.reject' | 'lobby.assign' | 'lobby.remove'
  | 'join.lookup' | 'join.request' | 'join.wait' | 'join.cancel'
  | 'audience.open' | 'audience.close' | 'audience.input'
  | 'chat.post' | 'draft.send' | 'evaluation.rate' | 'evaluation.note';

function lanOf(host: FiredrillHost) {
  if (!host.lan) throw new CommandFailure('refused', 'this Firedrill cannot listen on the LAN (run firedrill serve, or the desktop app)');
  return host.lan;
}

/** The lobby of a session is the facilitator's, for a session open on their connection. */
function openHere(client: ClientSessions, sessionId: string): void {
  if (!client.has(sessionId)) throw new CommandFailure('not-open', `session ${sessionId} is not open on this connection: open it with session.open first`);
}

/** The participant a connection is, or undefined for the facilitator (the projector and guests never get this far: identity.ts). */
const participantOf = (client: ClientSessions): string | undefined => (client.identity.kind === 'participant' ? client.identity.participant : undefined);

/**
 * Records a LAN input: a participant's in their own name (LobbyService.recordFor: the actor is
 * theirs); the facilitator's as the facilitator or on behalf of the role it names.
 */
function recordLan(host: FiredrillHost, client: ClientSessions, sessionId: string, input: Parameters<FiredrillHost['lobby']['recordFor']>[2], actor: string | undefined, commandId: string | undefined) {
  const participant = participantOf(client);
  if (participant !== undefined) return host.lobby.recordFor(sessionId, participant, input, actor, commandId);
  openHere(client, sessionId);
  return host.sessions.record(sessionId, (driver, wallNow, id) => driver.record(input, wallNow, actor ?? FACILITATOR, id), { commandId });
}

/** The LAN session's commands (docs/lan.md). Who may send which is identity.ts's. */
export const lanCommands: HandlerTable<LanCommand> = {
  'lan.status': (host) => lanOf(host).status(),
  'lan.start': (host, params) => lanOf(host).start(params),
  'lan.stop': (host) => lanOf(host).stop(),
  'lobby.get': (host, { sessionId }, client) => {
    openHere(client, sessionId);
    return host.lobby.view(sessionId);
  },
  'lobby.settings': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.lobby.settings(params);
  },
  'lobby.approve': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.lobby.approve(params);
  },
  'lobby.reject': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.lobby.reject(params);
  },
  'lobby.assign': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.lobby.assign(params);
  },
  'lobby.remove': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.lobby.remove(params);
  },
  'join.lookup': (host, { code }, client) => host.lobby.lookup(code, client.address),
  'join.request': (host, params, client) => host.lobby.request(params, client.address, (event, payload) => client.notify(event, payload)),
  'join.wait': (host, params, client) => host.lobby.wait(params, (event, payload) => client.notify(event, payload)),
  'join.cancel': (host, params) => host.lobby.cancel(params),
  'audience.open': async (host, { sessionId }, client) => {
    if (client.identity.kind === 'facilitator') throw new CommandFailure('bad-request', 'the facilitator opens a session with session.open');
    const { key, view, me } = await host.lobby.open(sessionId, participantOf(client));
    client.watch(sessionId, key);
    return { view, me };
  },
  'audience.close': (_host, { sessionId }, client) => {
    client.unwatch(sessionId);
    return { sessionId };
  },
  'audience.input': async (host, params, client) => {
    const participant = participantOf(client);
    if (participant === undefined) throw new CommandFailure('bad-request', 'the facilitator records with session.input');
    const { entry } = await host.lobby.recordFor(params.sessionId, participant, params.input, params.actor, params.commandId);
    return { entry };
  },
  'chat.post': async (host, params, client) => ({ entry: (await recordLan(host, client, params.sessionId, { type: 'chat.posted', text: params.text }, params.actor, params.commandId)).entry }),
  'draft.send': async (host, params, client) => {
    if (participantOf(client) === undefined && params.actor === undefined) throw new CommandFailure('bad-request', 'name the role that sends the draft (actor)');
    return { entry: (await recordLan(host, client, params.sessionId, { type: 'draft.sent', kind: params.kind, text: params.text }, params.actor, params.commandId)).entry };
  },
  'evaluation.rate': async (host, params, client) => {
    const input = { type: 'objective.rated' as const, objective: params.objective, rating: params.rating, reason: params.reason };
    return { entry: (await recordLan(host, client, params.sessionId, input, undefined, params.commandId)).entry };
  },
  'evaluation.note': async (host, params, client) => {
    const input = { type: 'evaluator.observed' as const, text: params.text, ...(params.objective ? { objective: params.objective } : {}), ...(params.inject ? { inject: params.inject } : {}) };
    return { entry: (await recordLan(host, client, params.sessionId, input, undefined, params.commandId)).entry };
  },
};
