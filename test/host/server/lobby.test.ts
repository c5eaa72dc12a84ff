import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import type { LobbyView, RoleView } from '../../../engine/protocol/audience.js';
import { LanClient } from './helpers/lan-client.js';

// The lobby: presence, assignment, approval, and what a participant's leaving does (nothing to
// the session) compared with the facilitator's (pauses it, as before).

let dataDir: string;
let server: RunningServer;
let facilitator: LanClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-lobby-'));
  server = await startServer({ dataDir, port: 0, tickMs: 3_600_000, logError: (m) => console.error(m) });
  facilitator = await LanClient.connect(server.port, { token: server.token });
});
afterAll(async () => {
  facilitator?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const lobbyNow = () => [...facilitator.events].reverse().find((event) => event.event === 'lobby.update')?.payload as { lobby: LobbyView } | undefined;

describe('the lobby', () => {
  it('shows presence; a participant leaving never pauses the session, and coming back resumes their view', async () => {
    const { sessionId } = await facilitator.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    const { joinCode } = await facilitator.ok('lobby.get', { sessionId });
    const guest = await LanClient.connect(server.port, { join: true });
    const admission = await guest.ok('join.request', { code: joinCode, name: 'Una Unassigned' });
    guest.close();
    if (admission.status !== 'joined') throw new Error('expected to join');
    expect(admission.me).toMatchObject({ name: 'Una Unassigned', seat: 'role', role: null });

    const page = await LanClient.connect(server.port, { token: admission.token });
    expect((await page.ok('audience.open', { sessionId })).view.audience).toBe('unassigned');
    await expect.poll(() => lobbyNow()?.lobby.participants.find((p) => p.name === 'Una Unassigned')?.presence, { timeout: 10_000 }).toBe('joined');

    // The facilitator assigns a role: the page moves to that role's view at once.
    await facilitator.ok('lobby.assign', { sessionId, participant: admission.me.participant, role: 'incident-commander' });
    await expect.poll(() => page.audienceUpdates.at(-1)?.view.audience, { timeout: 10_000 }).toBe('role');
    expect((page.audienceUpdates.at(-1)!.view as RoleView).role.id).toBe('incident-commander');
    expect(page.events.some((event) => event.event === 'participant.update')).toBe(true);

    // The participant drops: reconnecting in the lobby, and the session still runs.
    page.close();
    await expect.poll(() => lobbyNow()?.lobby.participants.find((p) => p.name === 'Una Unassigned')?.presence, { timeout: 10_000 }).toBe('reconnecting');
    const view = (await facilitator.ok('session.open', { sessionId })).view;
    expect(view.paused).toBe(false);
    const back = await LanClient.connect(server.port, { token: admission.token });
    const reopened = await back.ok('audience.open', { sessionId });
    expect(reopened.me).toMatchObject({ role: 'incident-commander' });
    expect(reopened.view.audience).toBe('role');
    back.close();
  }, 60_000);

  it('with approval, a joiner waits until the facilitator lets them in, or turns them away', async () => {
    const { sessionId } = await facilitator.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    const { joinCode } = await facilitator.ok('lobby.settings', { sessionId, approval: true });
    const first = await LanClient.connect(server.port, { join: true });
    const second = await LanClient.connect(server.port, { join: true });
    const a = await first.ok('join.request', { code: joinCode, name: 'Ada', role: 'it-operations' });
    const b = await second.ok('join.request', { code: joinCode, name: 'Bob' });
    if (a.status !== 'waiting' || b.status !== 'waiting') throw new Error('expected to wait');
    expect((await facilitator.ok('lobby.get', { sessionId })).waiting.map((w) => w.name)).toEqual(['Ada', 'Bob']);
    await facilitator.ok('lobby.approve', { sessionId, request: a.request });
    await facilitator.ok('lobby.reject', { sessionId, request: b.request, reason: 'Not on the list.' });
    await expect.poll(() => first.events.find((e) => e.event === 'join.admitted'), { timeout: 10_000 }).toMatchObject({ payload: { me: { name: 'Ada', role: 'it-operations' } } });
    await expect.poll(() => second.events.find((e) => e.event === 'join.rejected'), { timeout: 10_000 }).toMatchObject({ payload: { reason: 'Not on the list.' } });
    expect((await facilitator.ok('lobby.get', { sessionId })).waiting).toEqual([]);
    first.close();
    second.close();
  }, 60_000);

  it('a joiner whose page dropped while waiting waits on with its request, and learns the answer given meanwhile', async () => {
    const { sessionId } = await facilitator.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1 });
    const { joinCode } = await facilitator.ok('lobby.get', { sessionId });
    const asked = async (name: string) => {
      const page = await LanClient.connect(server.port, { join: true });
      const admission = await page.ok('join.request', { code: joinCode, name, seat: 'evaluator' });
      page.close(); // the lid closes, the Wi-Fi goes
      if (admission.status !== 'waiting') throw new Error('an evaluator waits');
      return admission.request;
    };
    const hedy = await asked('Hedy Lamarr');
    const olive = await asked('Olive Observer');
    const bob = await asked('Bob Stranger');

    // Hedy's page is back before the facilitator answers: the answer comes to the new page.
    const hedyBack = await LanClient.connect(server.port, { join: true });
    expect(await hedyBack.ok('join.wait', { sessionId, request: hedy })).toEqual({ status: 'waiting', sessionId, request: hedy });
    await facilitator.ok('lobby.approve', { sessionId, request: hedy });
    await expect.poll(() => hedyBack.events.find((e) => e.event === 'join.admitted'), { timeout: 10_000 }).toMatchObject({ payload: { me: { name: 'Hedy Lamarr', seat: 'evaluator' } } });
    hedyBack.close();

    // Olive was let in and Bob turned away while their pages were gone: each learns it on coming back.
    await facilitator.ok('lobby.approve', { sessionId, request: olive });
    await facilitator.ok('lobby.reject', { sessionId, request: bob, reason: 'Not on the list.' });
    const oliveBack = await LanClient.connect(server.port, { join: true });
    const admitted = await oliveBack.ok('join.wait', { sessionId, request: olive });
    if (admitted.status !== 'joined') throw new Error('Olive was let in');
    expect(admitted.me).toMatchObject({ name: 'Olive Observer', seat: 'evaluator' });
    oliveBack.close();
    const olivePage = await LanClient.connect(server.port, { token: admitted.token });
    expect((await olivePage.ok('audience.open', { sessionId })).me).toMatchObject({ name: 'Olive Observer' });
    olivePage.close();
    const bobBack = await LanClient.connect(server.port, { join: true });
    expect(await bobBack.fail('join.wait', { sessionId, request: bob })).toMatchObject({ message: 'Not on the list.' });
    // A waiting page that leaves takes its request out of the lobby.
    const leaving = await LanClient.connect(server.port, { join: true });
    const left = await leaving.ok('join.request', { code: joinCode, name: 'Lee Leaving', seat: 'observer' });
    if (left.status !== 'waiting') throw new Error('an observer waits');
    expect((await facilitator.ok('lobby.get', { sessionId })).waiting.map((w) => w.name)).toEqual(['Lee Leaving']);
    await leaving.ok('join.cancel', { sessionId, request: left.request });
    expect((await facilitator.ok('lobby.get', { sessionId })).waiting).toEqual([]);
    expect((await leaving.fail('join.wait', { sessionId, request: left.request })).message).toMatch(/join again with the code/);
    leaving.close();
    // A request the host never had (a restart forgot it) says to join again.
    expect((await bobBack.fail('join.wait', { sessionId, request: 'r-0123456789abcdef' })).message).toMatch(/join again with the code/);
    bobBack.close();
  }, 60_000);
});
