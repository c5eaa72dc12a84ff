import { CommandFailure } from '../command-failure.js';
import type { ClientSessions } from '../connection.js';
import type { HandlerTable } from './handler.js';

/** Inputs go only to a session this client has open, never to another by its id. */
function openHere(client: ClientSessions, sessionId: string): void {
  if (!client.has(sessionId)) throw new CommandFailure('not-open', `session ${sessionId} is not open on this connection: open it with session.open first`);
}

type SessionCommand =
  | 'session.create' | 'session.import' | 'session.list' | 'session.open' | 'session.close' | 'session.input'
  | 'clock.pause' | 'clock.resume' | 'clock.jump' | 'clock.speed' | 'session.end' | 'session.rename' | 'session.archive' | 'session.delete'
  | 'projector.token';

export const sessionCommands: HandlerTable<SessionCommand> = {
  'session.create': async (host, params, client) => {
    const live = await host.sessions.create(params);
    client.join(live.id);
    return { sessionId: live.id, view: live.view() };
  },
  'session.import': (host, params) => host.sessions.import(params),
  'session.list': (host, params) => host.sessions.list(params),
  'session.open': async (host, { sessionId }, client) => {
    const { live, warnings } = await host.sessions.open(sessionId);
    client.join(live.id);
    return { view: live.view(), warnings };
  },
  'session.close': (_host, { sessionId }, client) => {
    client.leave(sessionId);
    return { sessionId };
  },
  'session.input': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.sessions.input(params);
  },
  'clock.pause': (host, { sessionId, commandId }, client) => {
    openHere(client, sessionId);
    return host.sessions.pause(sessionId, commandId);
  },
  'clock.resume': (host, { sessionId, commandId }, client) => {
    openHere(client, sessionId);
    return host.sessions.resume(sessionId, commandId);
  },
  'clock.jump': (host, { sessionId, commandId }, client) => {
    openHere(client, sessionId);
    return host.sessions.jump(sessionId, commandId);
  },
  'clock.speed': (host, { sessionId, speed, commandId }, client) => {
    openHere(client, sessionId);
    return host.sessions.setSpeed(sessionId, speed, commandId);
  },
  'session.end': (host, params, client) => {
    openHere(client, params.sessionId);
    return host.sessions.end(params);
  },
  'session.rename': (host, params) => host.sessions.rename(params),
  'session.archive': async (host, { sessionId }) => {
    await host.sessions.archive(sessionId);
    return { sessionId };
  },
  'session.delete': async (host, { sessionId }) => {
    const trashedAs = await host.sessions.delete(sessionId);
    host.reports.forget(sessionId);
    return { sessionId, trashedAs };
  },
  'projector.token': (host, { sessionId }, client) => {
    openHere(client, sessionId);
    return { sessionId, token: host.projectorToken(sessionId) };
  },
};
