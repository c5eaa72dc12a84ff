import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply, ServerEvents } from '../../../engine/protocol/messages.js';
import type { CommandResults } from '../../../engine/protocol/results.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { handleCommandMessage } from '../../../electron/main/command-ipc.js';
import { IpcClients } from '../../../electron/main/ipc-clients.js';
import { DRILL_LABELS_FORMAT } from '../../../host/storage/drill-labels.js';

// The app's analytics commands through the host, as a window sends them: a stress test run off
// the serving thread with its progress sent to the window that started it, cancelled; the
// coverage map with its Navigator layer; and the history's labels and exclusions, kept in the
// data folder.

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let host: FiredrillHost;
const clients = new IpcClients(() => host.sessions);
const progress: { window: number; payload: ServerEvents['simulation.progress'] }[] = [];
const waiting = new Map<string, () => void>();
const windowClient = (id: number) => clients.client(id, (event, payload) => {
  if (event !== 'simulation.progress') return;
  const progressed = payload as ServerEvents['simulation.progress'];
  progress.push({ window: id, payload: progressed });
  waiting.get(progressed.simulationId)?.();
});
/** Resolves at the simulation's first progress event: its first block of runs is in. */
const firstProgress = (simulationId: string) => new Promise<void>((resolve) => waiting.set(simulationId, resolve));
const errors: string[] = [];
let nextId = 1;
const send = (type: string, params: unknown, window = 1): Promise<Reply> => handleCommandMessage(host, windowClient(window), { id: nextId++, type, params }, (m) => void errors.push(m));
async function ok<T extends keyof CommandResults>(type: T, params: unknown, window = 1): Promise<CommandResults[T]> {
  const reply = await send(type, params, window);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.code}: ${reply.error.message}`);
  return reply.result as CommandResults[T];
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-analytics-'));
  host = new FiredrillHost({ dataDir, events: clients.events });
});
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

describe('simulate.start', () => {
  it('answers with the report, the same as for the same seed again, and sends progress to the window that started it alone', async () => {
    const params = { simulationId: 'stress-test-1', scenarioId: SCENARIO, runs: 300, seed: 7 };
    const first = await ok('simulate.start', params);
    expect(first.simulationId).toBe('stress-test-1');
    expect(first.report).toMatchObject({ scenarioId: SCENARIO, runs: 300, seed: 7 });
    expect(first.report.breaches.length).toBeGreaterThan(0);
    const mine = progress.filter((p) => p.payload.simulationId === 'stress-test-1');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.window === 1)).toBe(true);
    expect(mine.at(-1)!.payload).toEqual({ simulationId: 'stress-test-1', done: 300, total: 300 });
    const again = await ok('simulate.start', { ...params, simulationId: 'stress-test-2' });
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
  });

  it('takes a model (analysts on call after 30 minutes change the answer), and a bad model is refused with its located errors', async () => {
    const model = JSON.stringify({ format: 'firedrill-model/1', id: 'one-each', title: 'One of each', roles: { 'cloud-security-analyst': { people: 1, onCall: { fixed: '30m' } } } });
    const slow = await ok('simulate.start', { simulationId: 'model-one', scenarioId: SCENARIO, runs: 100, seed: 3, model });
    expect(slow.report.timeToRecoverMinutes).not.toEqual((await ok('simulate.start', { simulationId: 'model-two', scenarioId: SCENARIO, runs: 100, seed: 3 })).report.timeToRecoverMinutes);
    const bad = await send('simulate.start', { simulationId: 'model-three', scenarioId: SCENARIO, runs: 10, seed: 3, model: 'format: firedrill-model/1\nid: bad\nroles:\n  nobody: { people: 2 }\n' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    if (bad.ok) return;
    expect(bad.error.errors![0]).toMatchObject({ file: 'model.yaml', line: 4 });
    expect(await send('simulate.start', { simulationId: 'model-four', scenarioId: 'no-such-scenario', runs: 10, seed: 3 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers with the model\'s settings that change nothing in the scenario, located, and runs it all the same', async () => {
    const model = 'format: firedrill-model/1\nid: night\nchannels:\n  phone-call: { notice: { fixed: 5m } }\n';
    const { report, notes } = await ok('simulate.start', { simulationId: 'model-notes', scenarioId: SCENARIO, runs: 20, seed: 3, model });
    expect(report.runs).toBe(20);
    expect(notes).toEqual([expect.objectContaining({ file: 'model.yaml', line: 4, path: 'channels.phone-call', message: expect.stringContaining('so this setting changes nothing') })]);
    expect((await ok('simulate.start', { simulationId: 'model-no-notes', scenarioId: SCENARIO, runs: 20, seed: 3 })).notes).toEqual([]);
  });

  it('says how to give a scenario of the user\'s library the exemplary script it lacks', async () => {
    const text = readFileSync(join('scenarios', SCENARIO, `${SCENARIO}.scenario.yaml`), 'utf8').replace(`id: ${SCENARIO}`, 'id: my-bucket');
    await ok('library.import', { fileName: 'my-bucket.scenario.yaml', text });
    const reply = await send('simulate.start', { simulationId: 'no-script', scenarioId: 'my-bucket', runs: 10, seed: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (reply.ok) return;
    expect(reply.error.message).toBe('scenario "my-bucket" has no exemplary response script, which the simulated team follows: play the scenario once as it should be played, then in its debrief save the drill as a response script named "exemplary"');
  });

  it('is cancelled by simulate.cancel from the window that started it, and answers "cancelled"', async () => {
    const started = firstProgress('to-cancel');
    const running = send('simulate.start', { simulationId: 'to-cancel', scenarioId: SCENARIO, runs: 100_000, seed: 1 });
    await started;
    expect(await ok('simulate.cancel', { simulationId: 'to-cancel' }, 2)).toEqual({ simulationId: 'to-cancel', cancelled: false });
    expect(await ok('simulate.cancel', { simulationId: 'to-cancel' })).toEqual({ simulationId: 'to-cancel', cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await ok('simulate.cancel', { simulationId: 'to-cancel' })).toEqual({ simulationId: 'to-cancel', cancelled: false });
  });

  it('stops when the window that started it goes', async () => {
    const started = firstProgress('window-closes');
    const running = send('simulate.start', { simulationId: 'window-closes', scenarioId: SCENARIO, runs: 100_000, seed: 1 }, 3);
    await started;
    clients.remove(3);
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('simulate.defaults', () => {
  it("answers the team a simulation with no model uses: its report's people, and a model that states them changes nothing", async () => {
    const { scenarioId, roles } = await ok('simulate.defaults', { scenarioId: SCENARIO });
    expect(scenarioId).toBe(SCENARIO);
    const plain = (await ok('simulate.start', { simulationId: 'defaults-plain', scenarioId: SCENARIO, runs: 60, seed: 5 })).report;
    expect(roles.map((r) => r.role).sort()).toEqual(plain.bottlenecks.map((r) => r.role).sort());
    for (const figure of plain.bottlenecks) expect(roles.find((r) => r.role === figure.role)).toMatchObject({ people: figure.people, onCallMinutes: 0 });
    expect(roles.some((r) => r.people > 1)).toBe(true);
    const stated = JSON.stringify({ format: 'firedrill-model/1', id: 'stated', roles: Object.fromEntries(roles.map((r) => [r.role, { people: r.people, onCall: { fixed: `${r.onCallMinutes}m` } }])) });
    const same = (await ok('simulate.start', { simulationId: 'defaults-stated', scenarioId: SCENARIO, runs: 60, seed: 5, model: stated })).report;
    for (const time of ['timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes'] as const) expect(same[time]).toEqual(plain[time]);
    expect(same.breaches).toEqual(plain.breaches);
  });

  it('refuses a scenario not in the library, or one with no exemplary script, as simulate.start does', async () => {
    expect(await send('simulate.defaults', { scenarioId: 'no-such-scenario' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const text = readFileSync(join('scenarios', SCENARIO, `${SCENARIO}.scenario.yaml`), 'utf8').replace(`id: ${SCENARIO}`, 'id: unscripted-bucket');
    await ok('library.import', { fileName: 'unscripted-bucket.scenario.yaml', text });
    expect(await send('simulate.defaults', { scenarioId: 'unscripted-bucket' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no exemplary response script') } });
  });
});

describe('coverage.get', () => {
  it('maps the library and gives the Navigator layer', async () => {
    const { coverage, navigatorLayer } = await ok('coverage.get', {});
    expect(coverage.techniques.length).toBeGreaterThan(0);
    expect(navigatorLayer).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5' } });
    expect((navigatorLayer.techniques as unknown[]).length).toBe(coverage.techniques.length);
  });

  it('names the journals it could not read', async () => {
    mkdirSync(join(dataDir, 'sessions'), { recursive: true });
    writeFileSync(join(dataDir, 'sessions', 'damaged.jsonl'), '{"seq": 1, "oops"\n');
    try {
      const { skipped, excluded } = await ok('coverage.get', {});
      // Its one line is no entry, so it is said to be no journal at all (journal-reader's NOT_A_JOURNAL).
      expect(skipped).toEqual([{ file: join(dataDir, 'sessions', 'damaged.jsonl'), reason: expect.stringMatching(/^not a drill journal: /) }]);
      expect(excluded).toBe(0);
    } finally {
      rmSync(join(dataDir, 'sessions', 'damaged.jsonl'));
    }
  });
});

describe('history.label', () => {
  it('labels a drill and leaves an excluded one out of the figures, listed apart, kept in the data folder', async () => {
    const { sessionId } = await ok('session.create', { scenarioId: SCENARIO, mode: 'solo' });
    await ok('session.end', { sessionId });
    expect((await ok('history.get', {})).history.drills.map((d) => d.sessionId)).toEqual([sessionId]);

    expect(await ok('history.label', { sessionId, label: 'Test run' })).toEqual({ sessionId, label: 'Test run', excluded: false });
    const labelled = await ok('history.get', {});
    expect(labelled.history.drills[0]).toMatchObject({ sessionId, label: 'Test run' });

    expect(await ok('history.label', { sessionId, excluded: true })).toEqual({ sessionId, label: 'Test run', excluded: true });
    const excluded = await ok('history.get', {});
    expect(excluded.history.drills).toEqual([]);
    expect(excluded.history.byScenario).toEqual([]);
    expect(excluded.excluded).toMatchObject([{ sessionId, label: 'Test run' }]);
    expect(JSON.parse(readFileSync(join(dataDir, 'drill-labels.json'), 'utf8'))).toEqual({ format: DRILL_LABELS_FORMAT, drills: { [sessionId]: { label: 'Test run', excluded: true } } });

    expect(await ok('history.label', { sessionId, label: null, excluded: false })).toEqual({ sessionId, label: null, excluded: false });
    expect((await ok('history.get', {})).history.drills.map((d) => [d.sessionId, d.label])).toEqual([[sessionId, undefined]]);
    expect(await send('history.label', { sessionId: 'no-such-session', excluded: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
