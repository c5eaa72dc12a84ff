import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { COMMAND_TYPES, type CommandType } from '../../../engine/protocol/commands.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld } from '../../helpers/simulation.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// The projector has a read-only token of its own, checked by the server: it may open its
// session, receive its updates and read the documents it shows; nothing that changes anything.
// Its page used to carry the facilitator's token, read-only in the UI only. It receives the
// projector's view the server cuts (engine/protocol/audience-view.ts), never the facilitator's.

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let server: RunningServer;
let console_: ProtocolClient;
let sessionId: string;
let otherSession: string;

const journals = () => new Map(readdirSync(join(dataDir, 'sessions')).filter((f) => f.endsWith('.jsonl')).map((f) => [f, readFileSync(join(dataDir, 'sessions', f), 'utf8')]));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-projector-'));
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
  console_ = await ProtocolClient.connect(server.port, server.token);
  sessionId = (await console_.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 })).sessionId;
  otherSession = (await console_.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 })).sessionId;
});
afterAll(async () => {
  console_?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A well-formed request of every command, for the session given. */
function everyCommand(session: string): { type: CommandType; params: Record<string, unknown> }[] {
  const params: Record<CommandType, Record<string, unknown>> = {
    'library.list': {},
    'library.show': { kind: 'scenario', id: SCENARIO },
    'library.import': { fileName: 'mine.scenario.yaml', text: 'format: firedrill-scenario/1\n' },
    'library.remove': { kind: 'scenario', id: 'mine' },
    'session.create': { scenarioId: SCENARIO, mode: 'solo' },
    'session.import': { fileName: 'x.jsonl', text: '{}\n' },
    'session.list': {},
    'session.open': { sessionId: session },
    'session.close': { sessionId: session },
    'session.input': { sessionId: session, actor: 'facilitator', input: { type: 'observation.noted', text: 'From the projector?', tag: 'note' } },
    'clock.pause': { sessionId: session },
    'clock.resume': { sessionId: session },
    'clock.jump': { sessionId: session },
    'clock.speed': { sessionId: session, speed: 60 },
    'session.end': { sessionId: session },
    'session.rename': { sessionId: session, name: 'Renamed by the projector?' },
    'session.archive': { sessionId: session },
    'session.delete': { sessionId: session },
    'scorecard.get': { sessionId: session },
    'export.scorecard': { sessionId: session, format: 'csv' },
    'export.aar': { sessionId: session, format: 'md' },
    'improvements.get': { sessionId: session },
    'improvements.save': { sessionId: session, items: null },
    'history.get': {},
    'history.label': { sessionId: session, excluded: true },
    'coverage.get': {},
    'simulate.start': { simulationId: 'from-the-projector', scenarioId: SCENARIO, runs: 10, seed: 1 },
    'simulate.cancel': { simulationId: 'from-the-projector' },
    'simulate.defaults': { scenarioId: SCENARIO },
    'export.simulation': { report: simulateHere({ ...bundledWorld(SCENARIO), runs: 5, seed: 1 }) },
    'projector.token': { sessionId: session },
    'studio.source': { kind: 'scenario', id: SCENARIO },
    'studio.saveScript': { sessionId: session, name: 'from-projector' },
    'msel.import': { fileName: 'x.csv', base64: '', planId: 'cloud-cirp' },
    'msel.export': { scenarioId: SCENARIO, format: 'csv' },
    'pack.import': { fileName: 'x.firedrill', base64: '' },
    'pack.export': { kind: 'exercise', scenarioId: SCENARIO },
    'lan.status': {},
    'lan.start': {},
    'lan.stop': {},
    'lobby.get': { sessionId: session },
    'lobby.settings': { sessionId: session, approval: true },
    'lobby.approve': { sessionId: session, request: 'r-abcdefgh' },
    'lobby.reject': { sessionId: session, request: 'r-abcdefgh' },
    'lobby.assign': { sessionId: session, participant: 'p-abcdefgh', role: 'incident-commander' },
    'lobby.remove': { sessionId: session, participant: 'p-abcdefgh' },
    'join.lookup': { code: 'ABC234' },
    'join.request': { code: 'ABC234', name: 'Projector' },
    'join.wait': { sessionId: session, request: 'r-abcdefgh' },
    'join.cancel': { sessionId: session, request: 'r-abcdefgh' },
    'audience.open': { sessionId: session },
    'audience.close': { sessionId: session },
    'audience.input': { sessionId: session, input: { type: 'severity.declared', level: 1 } },
    'chat.post': { sessionId: session, text: 'Hello from the projector?' },
    'draft.send': { sessionId: session, kind: 'holding-statement', text: 'A statement?' },
    'evaluation.rate': { sessionId: session, objective: 'x', rating: 'P', reason: 'Why not' },
    'evaluation.note': { sessionId: session, text: 'A note?' },
  };
  return COMMAND_TYPES.map((type) => ({ type, params: params[type] }));
}

describe("the projector's token", () => {
  it('is given to the facilitator for a session open on its connection, and differs from the facilitator\'s', async () => {
    const { token } = await console_.ok('projector.token', { sessionId });
    expect(token).not.toContain(server.token);
    expect(token).toMatch(new RegExp(`^p\\.${sessionId}\\.[A-Za-z0-9_-]{43}$`));
    const stranger = await ProtocolClient.connect(server.port, server.token);
    try {
      expect(await stranger.fail('projector.token', { sessionId })).toMatchObject({ code: 'not-open' });
    } finally {
      stranger.close();
    }
  });

  it("opens its session's projector view and receives its updates, never the facilitator's view nor the scenario", async () => {
    const { token } = await console_.ok('projector.token', { sessionId });
    const projector = await ProtocolClient.connect(server.port, token);
    const audience: unknown[] = [];
    projector.socket.on('audience.update', (update: unknown) => void audience.push(update));
    try {
      const { view } = await projector.ok('audience.open', { sessionId });
      expect(view).toMatchObject({ sessionId, audience: 'projector' });
      expect(await projector.fail('library.show', { kind: 'scenario', id: SCENARIO })).toMatchObject({ code: 'unauthorized' });
      await console_.ok('clock.speed', { sessionId, speed: 120 });
      await expect.poll(() => audience.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(audience[0]).toMatchObject({ sessionId, view: { audience: 'projector', speed: 120 } });
      expect(projector.updates).toEqual([]);
      await projector.ok('audience.close', { sessionId });
    } finally {
      projector.close();
    }
  });

  it('is pushed why the drill is paused, so the room reads it, and nothing once it runs again', async () => {
    const { token } = await console_.ok('projector.token', { sessionId });
    const projector = await ProtocolClient.connect(server.port, token);
    const audience: { view: { paused: boolean; pauseCause?: unknown } }[] = [];
    projector.socket.on('audience.update', (update: (typeof audience)[number]) => void audience.push(update));
    try {
      await projector.ok('audience.open', { sessionId });
      await console_.ok('clock.pause', { sessionId });
      await expect.poll(() => audience.at(-1)?.view, { timeout: 5_000 }).toMatchObject({ paused: true, pauseCause: 'facilitator' });
      await console_.ok('clock.resume', { sessionId });
      await expect.poll(() => audience.at(-1)?.view, { timeout: 5_000 }).toMatchObject({ paused: false, pauseCause: null });
      await projector.ok('audience.close', { sessionId });
    } finally {
      projector.close();
    }
  });

  it('may do nothing else: every other command is refused by the server, and nothing changes', async () => {
    const { token } = await console_.ok('projector.token', { sessionId });
    const projector = await ProtocolClient.connect(server.port, token);
    const before = journals();
    try {
      await projector.ok('audience.open', { sessionId });
      const allowed = new Set<CommandType>(['audience.open', 'audience.close']);
      for (const { type, params } of everyCommand(sessionId).filter((command) => !allowed.has(command.type))) {
        const reply = await projector.raw({ id: type, type, params });
        expect(reply, type).toMatchObject({ id: type, ok: false, error: { code: 'unauthorized' } });
      }
      // Nor may it open, close or watch another session.
      for (const type of ['audience.open', 'audience.close'] as const) {
        expect(await projector.fail(type, { sessionId: otherSession }), type).toMatchObject({ code: 'unauthorized', message: expect.stringContaining(`for session ${sessionId} only`) });
      }
      expect(journals()).toEqual(before);
      expect(readdirSync(dataDir)).not.toContain('library');
    } finally {
      projector.close();
    }
  });

  it('is refused at the handshake when forged: another session\'s id, a changed signature', async () => {
    const { token } = await console_.ok('projector.token', { sessionId });
    const signature = token.slice(token.lastIndexOf('.') + 1);
    await expect(ProtocolClient.connect(server.port, `p.${otherSession}.${signature}`)).rejects.toThrow();
    await expect(ProtocolClient.connect(server.port, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).rejects.toThrow();
    await expect(ProtocolClient.connect(server.port, `p.${sessionId}.`)).rejects.toThrow();
  });
});
