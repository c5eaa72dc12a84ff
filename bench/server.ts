// The server under the worst inputs of the adversarial review (issue 11): its memory after
// 1,000 sessions created and closed, the other clients' acknowledgement latency while one
// client imports the worst file and exports the worst PDF, and how long those two take through
// the server. Prints its figures; nothing is asserted. Loops are bounded in count and time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, type Reply } from '../engine/protocol/messages.js';
import type { CommandParamsInput, CommandResult, CommandType } from '../engine/protocol/commands.js';
import { startServer, type RunningServer } from '../host/server/server.js';
import { MAX_IMPORT_BYTES } from '../engine/protocol/limits.js';
import { MAX_SOURCE_CHARS } from '../engine/validate/yaml-source.js';
import { chainRoom, longestChain, unbrokenWordsScenario } from '../test/helpers/worst-inputs.js';

const SESSIONS = 1_000;
const SESSIONS_WALL_MS = 180_000;
const HEAVY_TIMEOUT_MS = 180_000;
/** The other client's pace while the heavy work runs. */
const INPUT_EVERY_MS = 20;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
/** RSS and V8 heap in use, after a full collection when node runs with --expose-gc (npm run bench does). */
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `RSS ${mb(rss)} (heap ${(heapUsed / 1e6).toFixed(1)} MB)`;
};
/** Sessions created and closed before the measure: the first ones fill the caches and compile the code. */
const WARM_UP_SESSIONS = 100;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

function client(server: RunningServer) {
  const socket: Socket = io(`http://127.0.0.1:${server.port}`, { query: { token: server.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  let id = 0;
  const send = <T extends CommandType>(type: T, params: CommandParamsInput<T>, timeoutMs = 60_000): Promise<Reply<T>> =>
    socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, { id: ++id, type, params }) as Promise<Reply<T>>;
  const ok = async <T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>> => {
    const reply = await send(type, params);
    if (!reply.ok) throw new Error(`${type}: ${reply.error.code}: ${reply.error.message}`);
    return reply.result as CommandResult<T>;
  };
  return { socket, send, ok, connected: new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject)) };
}

async function sessionsCreatedAndClosed(server: RunningServer, print: (line: string) => void): Promise<void> {
  const facilitator = client(server);
  await facilitator.connected;
  await facilitator.ok('library.list', {}); // the library and the worker warm, as after a first page load
  for (let n = 0; n < WARM_UP_SESSIONS; n++) await facilitator.ok('session.close', { sessionId: (await facilitator.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'solo' })).sessionId });
  const samples = [`0: ${memory()}`];
  const started = performance.now();
  let done = 0;
  for (; done < SESSIONS && performance.now() - started < SESSIONS_WALL_MS; done++) {
    const { sessionId } = await facilitator.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'solo' });
    await facilitator.ok('session.close', { sessionId });
    if (done + 1 === SESSIONS / 2 || done + 1 === SESSIONS) samples.push(`${done + 1}: ${memory()}`);
  }
  facilitator.socket.close();
  print(`server memory over ${SESSIONS.toLocaleString('en')} sessions created and closed, after ${WARM_UP_SESSIONS} to warm up: ${samples.join('; ')}${done < SESSIONS ? ` (stopped at ${done}: ${SESSIONS_WALL_MS / 1000} s bound)` : ''}; ${((performance.now() - started) / done).toFixed(1)} ms per create + close`);
  print('(the heap keeps the last 2 minutes of session updates for clients that reconnect: Socket.IO connection state recovery)');
}

async function heavyWorkAndOtherClient(server: RunningServer, print: (line: string) => void): Promise<void> {
  const heavy = client(server);
  const other = client(server);
  await Promise.all([heavy.connected, other.connected]);
  await heavy.ok('library.import', unbrokenWordsScenario());
  const { sessionId: longSession } = await heavy.ok('session.create', { scenarioId: 'long-words', mode: 'solo' });
  await heavy.ok('session.end', { sessionId: longSession });
  const { sessionId: drill } = await other.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated' });
  let disconnects = 0;
  for (const c of [heavy, other]) c.socket.on('disconnect', () => disconnects++);

  const timed = async (run: () => Promise<Reply>) => {
    const start = performance.now();
    const reply = await run().catch((error: Error) => ({ ok: false as const, id: null, error: { code: 'internal' as const, message: error.message } }));
    return { reply, ms: performance.now() - start };
  };
  // The worst file the import takes: as many chained injects as the inject limit allows.
  // How long the serving thread's event loop was held up meanwhile (an ack also waits for its fsync).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const chain = longestChain(chainRoom(), Math.min(MAX_IMPORT_BYTES, MAX_SOURCE_CHARS));
  const importing = timed(() => heavy.send('library.import', { fileName: chain.fileName, text: chain.text }, HEAVY_TIMEOUT_MS));
  const exporting = timed(() => heavy.send('export.scorecard', { sessionId: longSession, format: 'pdf' }, HEAVY_TIMEOUT_MS));
  let outstanding = 2;
  void importing.finally(() => outstanding--);
  void exporting.finally(() => outstanding--);

  const latencies: number[] = [];
  while (outstanding > 0 && latencies.length < HEAVY_TIMEOUT_MS / INPUT_EVERY_MS) {
    const start = performance.now();
    await other.ok('session.input', { sessionId: drill, actor: 'facilitator', input: { type: 'observation.noted', text: `Input ${latencies.length}.`, tag: 'note' } });
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, INPUT_EVERY_MS));
  }
  const [imported, exported] = await Promise.all([importing, exporting]);
  loopDelay.disable();
  const dropped = disconnects;
  heavy.socket.close();
  other.socket.close();

  const outcome = ({ reply, ms }: { reply: Reply; ms: number }) => ms >= HEAVY_TIMEOUT_MS ? `not done within ${HEAVY_TIMEOUT_MS / 1000} s (the bench's bound)` : `${(ms / 1000).toFixed(1)} s${reply.ok ? '' : ` (${reply.error.code}: ${reply.error.message.slice(0, 80)}${reply.error.errors?.[0] ? `: ${reply.error.errors[0].message.slice(0, 100)}` : ''})`}`;
  print(`import of the worst file through the server (${chain.injects.toLocaleString('en')} more injects, each when the next; ${(chain.text.length / 1e6).toFixed(2)} MB): ${outcome(imported)}`);
  print(`PDF export of the worst accepted texts through the server (titles and bodies each one unbroken word at their limits): ${outcome(exported)}`);
  print(`(both at once, in the worker threads)`);
  print(`another client's input acknowledgements meanwhile: ${latencies.length} inputs, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target < 100 ms), max ${Math.max(...latencies).toFixed(1)} ms; ${dropped} disconnected`);
  print(`the serving thread's event loop meanwhile: delay p95 ${(loopDelay.percentile(95) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms (each ack also waits for its journal fsync)`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-bench-server-'));
const server = await startServer({ dataDir, port: 0, tickMs: 250, logError: (message) => console.error(message) });
try {
  const print = (line: string) => console.log(line);
  await sessionsCreatedAndClosed(server, print);
  await heavyWorkAndOtherClient(server, print);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
