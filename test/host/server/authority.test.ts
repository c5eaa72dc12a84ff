import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { JOIN_ATTEMPTS } from '../../../host/service/lobby-service.js';
import type { Plan } from '../../../engine/format/plan.js';
import type { Scenario } from '../../../engine/format/scenario.js';
import type { CommandType } from '../../../engine/protocol/commands.js';
import type { Reply } from '../../../engine/protocol/messages.js';
import { LanClient } from './helpers/lan-client.js';

// THE AUTHORITY TEST (issue 12): what a connection may do is decided by who it is (its token),
// never by its messages. Every attempt below is refused with an error reply (or, for a
// connection that is no one, refused at the handshake), the journals do not change, and the
// server goes on answering. LAN mode is tested on every interface through 127.0.0.2 only.

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let server: RunningServer;
let facilitator: LanClient;
let sessionId: string;
let otherSession: string;
let code: string;
let plan: Plan;
let scenario: Scenario;
const ROLE = 'communications-lead';
const OTHER = 'incident-commander';

const journals = () => new Map(readdirSync(join(dataDir, 'sessions')).filter((f) => f.endsWith('.jsonl')).map((f) => [f, readFileSync(join(dataDir, 'sessions', f), 'utf8')]));

async function joinRole(name: string, role: string, session = sessionId, joinCode = code): Promise<{ token: string; participant: string }> {
  const guest = await LanClient.connect(server.port, { join: true });
  try {
    const admission = await guest.ok('join.request', { code: joinCode, name, seat: 'role', role });
    if (admission.status !== 'joined') throw new Error('expected to join at once');
    expect(session).toBe(admission.sessionId);
    return { token: admission.token, participant: admission.me.participant };
  } finally {
    guest.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-authority-'));
  server = await startServer({ dataDir, port: 0, tickMs: 3_600_000, logError: (m) => console.error(m) });
  facilitator = await LanClient.connect(server.port, { token: server.token });
  scenario = (await facilitator.ok('library.show', { kind: 'scenario', id: SCENARIO })).document as Scenario;
  plan = (await facilitator.ok('library.show', { kind: 'plan', id: scenario.plan })).document as Plan;
  sessionId = (await facilitator.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 })).sessionId;
  otherSession = (await facilitator.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 })).sessionId;
  code = (await facilitator.ok('lobby.get', { sessionId })).joinCode;
});
afterAll(async () => {
  facilitator?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// LAN mode first: the wrong join codes below rate-limit this machine's address for a minute.
describe('LAN mode', () => {
  it('is off by default, listens on every interface only while asked, and takes no facilitator token through it', async () => {
    expect(await facilitator.ok('lan.status', {})).toMatchObject({ listening: false, joinAddress: null });
    await expect(LanClient.connect(server.port, { address: '127.0.0.2', join: true })).rejects.toThrow();
    const status = await facilitator.ok('lan.start', { interface: 'all', port: 0 });
    expect(status).toMatchObject({ listening: true, interface: 'all' });
    // The join address is this machine's LAN address, checked as text only: tests never connect to it.
    expect(status.joinAddress).toMatch(/^http:\/\/[\d.]+:\d+\/#\/join$/);
    expect(status.qrSvg).toMatch(/^<svg/);
    const lanPort = status.port!;
    const guest = await LanClient.connect(lanPort, { address: '127.0.0.2', join: true });
    expect((await guest.ok('join.lookup', { code })).sessionId).toBe(sessionId);
    guest.close();
    await expect(LanClient.connect(lanPort, { address: '127.0.0.2', token: server.token })).rejects.toThrow();
    await expect(LanClient.connect(lanPort, { address: '127.0.0.2', join: true, extraHeaders: { Origin: 'http://attacker.example' } })).rejects.toThrow();
    const joined = await LanClient.connect(lanPort, { address: '127.0.0.2', join: true });
    await facilitator.ok('lan.stop', {});
    await expect.poll(() => joined.socket.connected, { timeout: 10_000 }).toBe(false);
    await expect(LanClient.connect(lanPort, { address: '127.0.0.2', join: true })).rejects.toThrow();
    expect(await facilitator.ok('lan.status', {})).toMatchObject({ listening: false });
  }, 60_000);
});

describe('a participant acts only as who they are', () => {
  it('refuses 30+ attempts beyond their identity with an error reply, changes no journal, and the server stays up', async () => {
    const player = await joinRole('Casey Comms', ROLE);
    const removed = await joinRole('Rex Removed', OTHER);
    const otherCode = (await facilitator.ok('lobby.get', { sessionId: otherSession })).joinCode;
    const stranger = await joinRole('Sam Stranger', OTHER, otherSession, otherCode);
    const client = await LanClient.connect(server.port, { token: player.token });
    await client.ok('audience.open', { sessionId });
    const removedClient = await LanClient.connect(server.port, { token: removed.token, address: '127.0.0.1' });
    await removedClient.ok('audience.open', { sessionId });
    const observerGuest = await LanClient.connect(server.port, { join: true });
    const waiting = await observerGuest.ok('join.request', { code, name: 'Olive Observer', seat: 'observer' });
    if (waiting.status !== 'waiting') throw new Error('an observer waits for approval');
    await facilitator.ok('lobby.approve', { sessionId, request: waiting.request });
    await expect.poll(() => observerGuest.events.find((event) => event.event === 'join.admitted'), { timeout: 10_000 }).toBeDefined();
    const observerToken = (observerGuest.events.find((event) => event.event === 'join.admitted')!.payload as { token: string }).token;
    const observer = await LanClient.connect(server.port, { token: observerToken });
    await observer.ok('audience.open', { sessionId });

    // The facilitator removes one participant: their page is told and disconnected at once.
    await facilitator.ok('lobby.remove', { sessionId, participant: removed.participant, reason: 'Left the company.' });
    await expect.poll(() => removedClient.socket.connected, { timeout: 10_000 }).toBe(false);
    expect(removedClient.events.map((event) => event.event)).toContain('participant.removed');

    const before = journals();
    const refused: { what: string; reply: Reply | Error }[] = [];
    const attempt = async (what: string, run: () => Promise<Reply>) => {
      try {
        refused.push({ what, reply: await run() });
      } catch (error) {
        refused.push({ what, reply: error as Error });
      }
    };
    const othersAction = plan.actions.find((action) => !action.roles.includes(ROLE))!;
    const othersDecision = scenario.decisions.find((decision) => decision.role !== ROLE);
    const ownAction = plan.actions.find((action) => action.roles.includes(ROLE))!;

    await attempt("another role's action", () => client.command('audience.input', { sessionId, input: { type: 'action.taken', action: othersAction.id } }));
    if (othersDecision) await attempt("another role's decision", () => client.command('audience.input', { sessionId, input: { type: 'decision.answered', decision: othersDecision.id, option: othersDecision.options[0]!.id } }));
    await attempt('a severity the plan leaves to other roles', () => client.command('audience.input', { sessionId, input: { type: 'severity.declared', level: 1 } }));
    await attempt('a forged actor on an input', () => client.command('audience.input', { sessionId, actor: OTHER, input: { type: 'action.taken', action: ownAction.id } }));
    await attempt('a forged actor on a chat message', () => client.command('chat.post', { sessionId, actor: OTHER, text: 'I am the commander now.' }));
    await attempt('a forged actor on a draft', () => client.command('draft.send', { sessionId, actor: OTHER, kind: 'executive-briefing', text: 'Forged.' }));
    await attempt("a forged actor in a session.input's shape", () => client.raw({ id: 'forged', type: 'session.input', params: { sessionId, actor: OTHER, input: { type: 'action.taken', action: othersAction.id } } }));
    await attempt('a rating by a role player', () => client.command('evaluation.rate', { sessionId, objective: scenario.objectives[0]!.id, rating: 'P', reason: 'Rating myself.' }));
    const facilitatorCommands: { type: CommandType; params: Record<string, unknown> }[] = [
      { type: 'clock.pause', params: { sessionId } },
      { type: 'clock.resume', params: { sessionId } },
      { type: 'clock.jump', params: { sessionId } },
      { type: 'clock.speed', params: { sessionId, speed: 600 } },
      { type: 'session.end', params: { sessionId } },
      { type: 'session.input', params: { sessionId, actor: ROLE, input: { type: 'inject.released', inject: scenario.injects[1]!.id } } },
      { type: 'session.open', params: { sessionId } },
      { type: 'session.rename', params: { sessionId, name: 'Mine now' } },
      { type: 'session.archive', params: { sessionId } },
      { type: 'session.delete', params: { sessionId } },
      { type: 'session.list', params: {} },
      { type: 'export.scorecard', params: { sessionId, format: 'csv' } },
      { type: 'export.aar', params: { sessionId, format: 'md' } },
      { type: 'scorecard.get', params: { sessionId } },
      { type: 'library.show', params: { kind: 'scenario', id: SCENARIO } },
      { type: 'library.list', params: {} },
      { type: 'lobby.get', params: { sessionId } },
      { type: 'lobby.assign', params: { sessionId, participant: player.participant, role: OTHER } },
      { type: 'lobby.remove', params: { sessionId, participant: player.participant } },
      { type: 'lobby.settings', params: { sessionId, approval: false } },
      { type: 'projector.token', params: { sessionId } },
      { type: 'lan.start', params: { interface: 'all', port: 0 } },
      { type: 'lan.status', params: {} },
    ];
    for (const { type, params } of facilitatorCommands) await attempt(`the facilitator's ${type}`, () => client.raw({ id: type, type, params }));
    await attempt("another session's view", () => client.command('audience.open', { sessionId: otherSession }));
    await attempt('a chat message in another session', () => client.command('chat.post', { sessionId: otherSession, text: 'Hello, other team.' }));
    await attempt("a token of another session used on this one", async () => {
      const other = await LanClient.connect(server.port, { token: stranger.token });
      try {
        return await other.command('audience.input', { sessionId, input: { type: 'action.taken', action: othersAction.id } });
      } finally {
        other.close();
      }
    });
    await attempt('an observer chatting', () => observer.command('chat.post', { sessionId, text: 'Observers talk too?' }));
    await attempt('an observer acting', () => observer.command('audience.input', { sessionId, input: { type: 'action.taken', action: ownAction.id } }));
    await attempt("a removed participant's token", () => LanClient.connect(server.port, { token: removed.token }).then((c) => (c.close(), { id: null, ok: true, result: 'connected' } as unknown as Reply)));
    await attempt('a forged participant token', () => LanClient.connect(server.port, { token: `${player.token.slice(0, -2)}xx` }).then((c) => (c.close(), { id: null, ok: true, result: 'connected' } as unknown as Reply)));
    await attempt('a Host header of another address', () => LanClient.connect(server.port, { token: server.token, extraHeaders: { Host: `firedrill.example:${server.port}` } }).then((c) => (c.close(), { id: null, ok: true, result: 'connected' } as unknown as Reply)));
    await attempt('an Origin of another address', () => LanClient.connect(server.port, { token: player.token, extraHeaders: { Origin: 'http://attacker.example' } }).then((c) => (c.close(), { id: null, ok: true, result: 'connected' } as unknown as Reply)));

    // Wrong join codes: refused, then past the limit refused as rate-limited, even the right code.
    const guessing = await LanClient.connect(server.port, { join: true });
    const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    for (let i = 0; i < JOIN_ATTEMPTS; i++) await attempt(`wrong join code ${i + 1}`, () => guessing.command('join.lookup', { code: wrong }));
    await attempt('a wrong join code past the limit', () => guessing.command('join.request', { code: wrong, name: 'Guesser' }));
    await attempt('the right join code after too many wrong ones', () => guessing.command('join.request', { code, name: 'Guesser' }));
    await attempt('a guest sending an input', () => guessing.command('audience.input', { sessionId, input: { type: 'action.taken', action: ownAction.id } }));
    guessing.close();

    expect(refused.length).toBeGreaterThanOrEqual(30);
    for (const { what, reply } of refused) {
      if (reply instanceof Error) continue; // refused at the handshake: no connection at all
      expect(reply, what).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(unauthorized|refused|rate-limited|not-found)$/) } });
    }
    const rateLimited = refused.filter(({ reply }) => !(reply instanceof Error) && !reply.ok && reply.error.code === 'rate-limited');
    expect(rateLimited.map(({ what }) => what)).toEqual(['a wrong join code past the limit', 'the right join code after too many wrong ones']);
    expect(journals()).toEqual(before);
    // Still up, and the participant may still do what is theirs.
    expect((await client.ok('audience.input', { sessionId, input: { type: 'action.taken', action: ownAction.id } })).entry).toMatchObject({ actor: ROLE, participant: player.participant });
    await facilitator.ok('clock.pause', { sessionId });
    for (const one of [client, observer, observerGuest, removedClient]) one.close();
  }, 120_000);
});
