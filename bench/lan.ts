// A LAN session under load (issue 12): 1 facilitator, 1 projector, 60 participants and 4
// observers as Socket.IO clients on 127.0.0.x (through the LAN listener on every interface),
// the busiest bundled scenario at 600x with participants acting. Prints: p95 from a
// participant's input to its acknowledgement, p95 from an inject firing to its arrival at every
// participant it is sent to (injects fired during the drill: not those at T+0, while the pages
// joined), the server's peak RSS; whether every client of an audience ends with the same view;
// then SIGKILLs the server mid-drill, restarts it, and checks that every client reconnects and
// nothing acknowledged was lost. Also, to tell where the time goes: the server's CPU, this
// process's (the 66 clients share its event loop, whose delay adds to every time measured here),
// the pushes each page received and their size, the slowest injects. The server runs in a
// process of its own (FIREDRILL_BENCH_SERVER_FLAGS passes it Node flags, --cpu-prof for one).
// Nothing is asserted; loops are bounded in count and time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, type Reply, type ServerEvents } from '../engine/protocol/messages.js';
import type { CommandParamsInput, CommandResult, CommandType } from '../engine/protocol/commands.js';
import type { AudienceView, RoleView } from '../engine/protocol/audience.js';
import type { Scenario } from '../engine/format/scenario.js';
import type { Plan } from '../engine/format/plan.js';

const PARTICIPANTS = 60;
const OBSERVERS = 4;
const DRILL_WALL_MS = 60_000;
const KILL_AFTER_MS = 12_000;
const STEP_TIMEOUT_MS = 30_000;
const CLI = join(process.cwd(), 'dist', 'cli.js');
/** Node flags for the server process (to profile it: FIREDRILL_BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"). */
const SERVER_FLAGS = (process.env.FIREDRILL_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Served { child: ChildProcess; port: number; lanPort: number; token: string; peakRss: () => number; rss: () => number; cpuSeconds: () => number }

/** Starts `firedrill serve --lan` in a child process (so it can be SIGKILLed), on the ports given or free ones. */
function serve(dataDir: string, ports?: { port: number; lanPort: number }): Promise<Served> {
  const child = spawn(process.execPath, [...SERVER_FLAGS, CLI, 'serve', '--data-dir', dataDir, '--port', String(ports?.port ?? 0), '--lan', '--interface', 'all', '--lan-port', String(ports?.lanPort ?? 0)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  let rss = 0;
  let cpu = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      rss = kb * 1024;
      peak = Math.max(peak, rss);
      // utime and stime, in clock ticks (100 a second), after the command name in parentheses.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      cpu = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone
    }
  }, 100);
  child.once('exit', () => clearInterval(sampler));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), STEP_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const main = /serving at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
      const lan = /join at https?:\/\/[\d.]+:(\d+)\//.exec(out);
      if (main && lan) {
        clearTimeout(timer);
        resolve({ child, port: Number(main[1]), token: main[2]!, lanPort: Number(lan[1]), peakRss: () => peak, rss: () => rss, cpuSeconds: () => cpu });
      }
    });
  });
}

class Client {
  private id = 0;
  readonly views: AudienceView[] = [];
  readonly arrivals: { at: number; view: AudienceView }[] = [];
  readonly updates: ServerEvents['session.update'][] = [];
  constructor(readonly socket: Socket) {
    socket.on('audience.update', (update: ServerEvents['audience.update']) => this.arrivals.push({ at: performance.now(), view: update.view }));
    socket.on('session.update', (update: ServerEvents['session.update']) => this.updates.push(update));
  }
  static connect(address: string, port: number, query: Record<string, string>, reconnection = false): Promise<Client> {
    const socket = io(`http://${address}:${port}`, { query, transports: ['websocket'], reconnection, reconnectionDelay: 200, reconnectionDelayMax: 1_000, forceNew: true });
    return new Promise((resolve, reject) => {
      const client = new Client(socket);
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => (reconnection ? undefined : reject(error)));
    });
  }
  send<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<Reply<T>> {
    return this.socket.timeout(STEP_TIMEOUT_MS).emitWithAck(COMMAND_EVENT, { id: ++this.id, type, params }) as Promise<Reply<T>>;
  }
  async ok<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>> {
    const reply = await this.send(type, params);
    if (!reply.ok) throw new Error(`${type}: ${reply.error.code}: ${reply.error.message}`);
    return reply.result as CommandResult<T>;
  }
  /** Opens the session's audience view: the view the page starts from, like a push. */
  async open(sessionId: string): Promise<void> {
    const reply = await this.send('audience.open', { sessionId });
    if (reply.ok) this.arrivals.push({ at: performance.now(), view: reply.result.view });
  }
  latest(): AudienceView | undefined {
    return this.arrivals.at(-1)?.view;
  }
}

const loopback = (i: number) => `127.0.0.${2 + (i % 250)}`;
const until = async (test: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!test() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  return test();
};

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-bench-lan-'));
  let served = await serve(dataDir);
  let peakRss = 0;
  try {
    let facilitator = await Client.connect('127.0.0.1', served.port, { token: served.token });
    const library = await facilitator.ok('library.list', {});
    // The busiest scenario: the most injects.
    const shown = await Promise.all(library.scenarios.map(async (entry) => (await facilitator.ok('library.show', { kind: 'scenario', id: entry.id })).document as Scenario));
    const scenario = shown.sort((a, b) => b.injects.length - a.injects.length)[0]!;
    const plan = (await facilitator.ok('library.show', { kind: 'plan', id: scenario.plan })).document as Plan;
    const { sessionId } = await facilitator.ok('session.create', { scenarioId: scenario.id, mode: 'facilitated', speed: 1 });
    await facilitator.ok('clock.pause', { sessionId });
    const { joinCode } = await facilitator.ok('lobby.get', { sessionId });
    console.log(`scenario ${scenario.id}: ${scenario.injects.length} injects, ${plan.roles.length} roles; ${PARTICIPANTS} participants, ${OBSERVERS} observers, 1 projector`);

    const participants: { client: Client; role: string; token: string; i: number }[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const guest = await Client.connect(loopback(i), served.lanPort, { join: '1' });
      const role = plan.roles[i % plan.roles.length]!.id;
      const admission = await guest.ok('join.request', { code: joinCode, name: `Player ${i + 1}`, seat: 'role', role });
      guest.socket.close();
      if (admission.status !== 'joined') throw new Error('expected to join');
      const client = await Client.connect(loopback(i), served.lanPort, { token: admission.token }, true);
      await client.open(sessionId);
      participants.push({ client, role, token: admission.token, i });
    }
    const observers: Client[] = [];
    for (let i = 0; i < OBSERVERS; i++) {
      const guest = await Client.connect(loopback(100 + i), served.lanPort, { join: '1' });
      const admitted = new Promise<string>((resolve) => guest.socket.once('join.admitted', (event: ServerEvents['join.admitted']) => resolve(event.token)));
      const waiting = await guest.ok('join.request', { code: joinCode, name: `Observer ${i + 1}`, seat: 'observer' });
      if (waiting.status !== 'waiting') throw new Error('expected to wait');
      await facilitator.ok('lobby.approve', { sessionId, request: waiting.request });
      const token = await admitted;
      guest.socket.close();
      const client = await Client.connect(loopback(100 + i), served.lanPort, { token }, true);
      await client.open(sessionId);
      observers.push(client);
    }
    const { token: projectorToken } = await facilitator.ok('projector.token', { sessionId });
    const projector = await Client.connect(loopback(200), served.lanPort, { token: projectorToken }, true);
    await projector.open(sessionId);

    // The drill: 600x on the wall clock; each participant acts on what arrives (bounded: one input in flight each).
    await facilitator.ok('clock.speed', { sessionId, speed: 600 });
    await facilitator.ok('clock.resume', { sessionId });
    // Whose CPU the drill takes: the server's, and this process's 66 clients' (whose own event loop delays every arrival it times).
    const serverCpuAtStart = served.cpuSeconds();
    const rssAtStart = served.rss();
    const benchCpuAtStart = process.cpuUsage();
    const drillStart = performance.now();
    const benchLoop = monitorEventLoopDelay({ resolution: 10 });
    benchLoop.enable();
    const acks: number[] = [];
    // Inputs refused (another participant of the role took the action or answered first): answered, but not recorded.
    let refused = 0;
    const acked: { seq: number; hash: string }[] = [];
    let running = true;
    const act = async (p: (typeof participants)[number]) => {
      let inputs = 0;
      while (running && inputs < 40) {
        const view = p.client.latest() as RoleView | undefined;
        const decision = view?.openDecisions[0];
        const action = view?.actions.find((one) => one.taken === null && one.prerequisites.every((pre) => view.actions.find((a) => a.id === pre)?.taken?.status === 'done'));
        const input = decision ? { type: 'decision.answered' as const, decision: decision.id, option: decision.options[0]!.id } : action && view!.inbox.length > 0 ? { type: 'action.taken' as const, action: action.id } : undefined;
        if (!input || !p.client.socket.connected) {
          await new Promise((resolve) => setTimeout(resolve, 100 + (p.i % 10) * 20));
          continue;
        }
        const sent = performance.now();
        try {
          const reply = await p.client.send('audience.input', { sessionId, input, commandId: `bench-${p.i}-${inputs}` });
          if (reply.ok) {
            acks.push(performance.now() - sent);
            acked.push({ seq: reply.result.entry.seq, hash: reply.result.entry.hash! });
          } else {
            refused++;
          }
        } catch {
          // the server went (the SIGKILL below): nothing was acknowledged
        }
        inputs++;
        await new Promise((resolve) => setTimeout(resolve, 200 + (p.i % 10) * 30));
      }
    };
    const acting = participants.map(act);

    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
    peakRss = Math.max(peakRss, served.peakRss());
    const serverCpuBeforeKill = served.cpuSeconds() - serverCpuAtStart;
    const wallBeforeKill = (performance.now() - drillStart) / 1000;
    const ackedBeforeKill = acked.length;
    const killedAt = performance.now();
    served.child.kill('SIGKILL');
    await new Promise((resolve) => served.child.once('exit', resolve));
    served = await serve(dataDir, { port: served.port, lanPort: served.lanPort });
    facilitator.socket.close();
    facilitator = await Client.connect('127.0.0.1', served.port, { token: served.token });
    await facilitator.ok('session.open', { sessionId });
    const everyone = [...participants.map((p) => p.client), ...observers, projector];
    const reconnected = await until(() => everyone.every((c) => c.socket.connected), STEP_TIMEOUT_MS);
    await Promise.all(everyone.map((c) => c.open(sessionId)));
    const resumedAt = performance.now();
    console.log(`SIGKILL mid-drill (${ackedBeforeKill} inputs acknowledged by then): ${everyone.filter((c) => c.socket.connected).length} of ${everyone.length} clients reconnected${reconnected ? '' : ' (timed out)'}`);

    // Play on to the end: the clock at 600x, bounded in wall time; then end it.
    const start = Date.now();
    while (Date.now() - start < DRILL_WALL_MS - KILL_AFTER_MS) {
      const view = (await facilitator.ok('session.open', { sessionId })).view;
      if (view.ended) break;
      if (view.injects.every((inject) => inject.status !== 'pending' && inject.status !== 'scheduled')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    running = false;
    await Promise.all(acting);
    benchLoop.disable();
    const serverCpuAfter = served.cpuSeconds();
    const wallAfter = (performance.now() - resumedAt) / 1000;
    const benchCpu = process.cpuUsage(benchCpuAtStart);
    const final = (await facilitator.ok('session.open', { sessionId })).view;
    if (!final.ended) await facilitator.ok('session.end', { sessionId, reason: 'the bench is over' });
    peakRss = Math.max(peakRss, served.peakRss());

    // Nothing acknowledged is lost: every acknowledged entry is in the journal, with its hash.
    const journal = readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { seq: number; hash?: string; simTime: number; wallTime: string; type: string; speed?: number });
    const bySeq = new Map(journal.map((entry) => [entry.seq, entry.hash]));
    const lost = acked.filter((entry) => bySeq.get(entry.seq) !== entry.hash);
    console.log(`acknowledged inputs: ${acked.length}; lost after the SIGKILL and restart: ${lost.length}`);

    // Every client of an audience ends with the same view.
    const finals = await Promise.all(everyone.map(async (c) => (await c.ok('audience.open', { sessionId })).view));
    const byAudience = new Map<string, Set<string>>();
    finals.forEach((view) => {
      const key = view.audience === 'role' ? `role:${view.role.id}` : view.audience;
      const text = JSON.stringify({ ...view, now: 0 });
      byAudience.set(key, (byAudience.get(key) ?? new Set()).add(text));
    });
    const differing = [...byAudience.entries()].filter(([, views]) => views.size > 1).map(([key]) => key);
    console.log(`audiences: ${byAudience.size}; ending with differing views: ${differing.length ? differing.join(', ') : 'none'}`);

    // Inject fire -> arrival at every participant it is sent to (before the SIGKILL's reconnection gap, and after).
    const arrivalsOf = (client: Client, inject: string) => client.arrivals.find((a) => a.view.audience === 'role' && a.view.inbox.some((i) => i.id === inject))?.at;
    const spreads: number[] = [];
    const fromFiring: number[] = [];
    const slowest: { inject: string; first: number; spread: number; lastRole: string }[] = [];
    for (const inject of scenario.injects) {
      const recipients = participants.filter((p) => inject.to.includes(p.role));
      const times = recipients.map((p) => arrivalsOf(p.client, inject.id));
      if (recipients.length === 0 || times.some((t) => t === undefined)) continue;
      const projected = projector.arrivals.find((a) => a.view.audience === 'projector' && a.view.injects.some((i) => i.id === inject.id))?.at;
      const first = Math.min(...(times as number[]), projected ?? Infinity);
      // An inject that fired while the server was down arrives with each page's reconnection, and
      // one that fired before the drill (at T+0, while the pages joined) with each page's opening: not pushes to measure.
      if (first < drillStart || (first >= killedAt && first <= resumedAt + 2_000)) continue;
      const last = Math.max(...(times as number[]));
      spreads.push(last - first);
      // From when it fell due: the clock's last journaled start before it (its wall time, on this
      // machine's clock) plus the simulated time since, at the speed then. A due inject waits for the
      // host's tick (it wakes when something falls due): that wait is in this figure, not in the one above.
      const firedAt = recipients.map((p) => p.client.arrivals.flatMap((a) => (a.view.audience === 'role' ? a.view.inbox : [])).find((i) => i.id === inject.id)?.firedAt)[0];
      const clock = journal.filter((entry) => entry.simTime <= (firedAt ?? -1) && entry.type.startsWith('clock.'));
      const started = clock.at(-1);
      const speed = journal.filter((entry) => entry.type === 'clock.speed' && entry.seq <= (started?.seq ?? 0)).at(-1)?.speed;
      // (After the restart the clock went on from the reopening, which the journal does not time: those are left out.)
      if (firedAt !== undefined && started?.type === 'clock.resumed' && speed && first < killedAt) {
        const dueAt = Date.parse(started.wallTime) + (firedAt - started.simTime) / speed;
        fromFiring.push(performance.timeOrigin + last - dueAt);
      }
      slowest.push({ inject: inject.id, first: (first - drillStart) / 1000, spread: last - first, lastRole: recipients[times.indexOf(last)]!.role });
    }
    console.log(`p95 input -> acknowledgement: ${ms(percentile(acks, 95))} over ${acks.length} inputs (target 50 ms); ${refused} more refused (another of the role was first)`);
    console.log(`p95 inject fired -> arrived at all its participants: ${ms(percentile(spreads, 95))} over ${spreads.length} injects fired during the drill (target 100 ms; from the first page to receive it, which on loopback is within a few ms of the firing)`);
    console.log(`  p95 inject due on the simulated clock -> arrived at all its participants: ${ms(percentile(fromFiring, 95))} over ${fromFiring.length} injects before the SIGKILL (includes any wait for the host's tick, which wakes when an inject falls due)`);
    // What the server pushes: how many whole views each page received, and how big one is.
    const pushes = (client: Client) => `${client.arrivals.length} pushes of ${(client.arrivals.reduce((sum, a) => sum + JSON.stringify(a.view).length, 0) / Math.max(1, client.arrivals.length) / 1024).toFixed(1)} KB`;
    console.log(`audience.update received: a participant ${pushes(participants[0]!.client)}, an observer ${pushes(observers[0]!)}, the projector ${pushes(projector)}`);
    const worst = slowest.sort((a, b) => b.spread - a.spread).slice(0, 3);
    console.log(`slowest injects: ${worst.map((w) => `${w.inject} ${ms(w.spread)} (first arrival ${w.first.toFixed(1)} s into the drill; the SIGKILL at ${((killedAt - drillStart) / 1000).toFixed(1)} s, play resumed at ${((resumedAt - drillStart) / 1000).toFixed(1)} s; last to ${w.lastRole})`).join('; ')}`);
    console.log(`server peak RSS: ${(peakRss / 1e6).toFixed(0)} MB (target 200 MB); ${(rssAtStart / 1e6).toFixed(0)} MB when the drill started, ${(served.rss() / 1e6).toFixed(0)} MB at its end`);
    console.log(`server CPU: ${serverCpuBeforeKill.toFixed(1)} s over the ${wallBeforeKill.toFixed(1)} s before the SIGKILL, ${serverCpuAfter.toFixed(1)} s over the ${wallAfter.toFixed(1)} s after the restart`);
    console.log(`the bench's clients (one process): CPU ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s; event loop delay p50 ${ms(benchLoop.percentile(50) / 1e6)}, p99 ${ms(benchLoop.percentile(99) / 1e6)}, max ${ms(benchLoop.max / 1e6)}`);
    for (const c of [...everyone, facilitator]) c.socket.close();
  } finally {
    served.child.kill('SIGTERM');
    await new Promise((resolve) => served.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
