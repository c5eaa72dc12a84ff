// A long journal on disk (100 MB by default) and what opening it costs: the session list's
// first reading and its next (from the session index), session.open through the host (checked
// in a worker, replayed in slices on this thread) with the session's view, the longest time the
// thread was held meanwhile, and the process's peak RSS. Used by the test that guards
// it (test/host/storage/long-journal.test.ts) and by `npm run bench` (bench/host-journal.ts),
// each in a child process so that its peak RSS is its own.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { entryHash } from '../../engine/session/journal-chain.js';
import { serializeEntry, type JournalEntry } from '../../engine/session/journal.js';
import { Session } from '../../engine/session/session.js';
import { loadScenarioWorld } from '../../host/library/user-library.js';
import { nodeSha256Hex } from '../../host/storage/journal-file.js';
import { lookupIn, SessionStore } from '../../host/storage/session-store.js';
import { FiredrillHost } from '../../host/service/firedrill-host.js';

export const LONG_JOURNAL_SCENARIO = 'stolen-api-keys-new-location';
export const MEASURE_OPEN = '--measure-open';

export interface OpenFigures {
  entries: number;
  /** The first session.list, which reads the journal whole into the session index. */
  firstListMs: number;
  /** The next one, from the index. */
  nextListMs: number;
  /** session.open: the journal read line by line and replayed, and the session's view built. */
  openMs: number;
  /** The CPU time of the same, the worker's included (on a shared machine, steadier than the wall time). */
  openCpuMs: number;
  /** The longest the serving thread's event loop was held during the open (monitorEventLoopDelay's max): what every other client waits. */
  longestBlockMs: number;
  peakRssMb: number;
}

/**
 * Writes a chained journal of about `bytes` into `<dataDir>/sessions/<sessionId>.jsonl`:
 * observations and pauses, two seconds of simulated time apart, as a long facilitated session
 * would record them. Lines are written in batches, never the whole file at once.
 */
export function writeLongJournal(dataDir: string, sessionId: string, bytes: number): { entries: number; bytes: number } {
  const world = loadScenarioWorld(dataDir, LONG_JOURNAL_SCENARIO)!;
  const scenario = world.scenarios.get(LONG_JOURNAL_SCENARIO)!.scenario;
  const plan = world.plans.get(scenario.plan)!.plan;
  const started = Session.start({ plan, scenario, sessionId, mode: 'facilitated', speed: 60, wallTime: '2026-03-14T09:00:00.000Z' }).journal[0]!;
  mkdirSync(join(dataDir, 'sessions'), { recursive: true });
  const fd = openSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'w');
  let written = Buffer.byteLength(serializeEntry(started)) + 1;
  let seq = 1;
  let previous = started.hash!;
  let paused = false;
  let batch = [`${serializeEntry(started)}\n`];
  const step = Math.max(1, Math.floor(scenario.end.timeLimit / (bytes / 100)));
  try {
    while (written < bytes) {
      seq++;
      const simTime = seq * step;
      const stamp = { seq, simTime, wallTime: new Date(Date.parse(started.wallTime) + simTime / 60).toISOString(), actor: 'facilitator' };
      const entry = (seq % 3 === 0
        ? { ...stamp, type: paused ? 'clock.resumed' : 'clock.paused' }
        : { ...stamp, type: 'observation.noted', text: `Observation ${seq}: the analyst checked CloudTrail for the key and found nothing new.`, tag: 'note' }) as JournalEntry;
      if (seq % 3 === 0) paused = !paused;
      entry.hash = previous = entryHash(previous, entry, nodeSha256Hex);
      const line = `${serializeEntry(entry)}\n`;
      batch.push(line);
      written += line.length; // ASCII: one byte a character
      if (batch.length >= 10_000) {
        writeSync(fd, batch.join(''));
        batch = [];
      }
    }
    writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
  return { entries: seq, bytes: written };
}

const WARM_UP = 'warm-up';

/** Lists the session as the server's worker does, then opens it through a host as the server does, in this process; returns the figures. */
export async function measureOpen(dataDir: string, sessionId: string): Promise<OpenFigures> {
  const lookup = lookupIn(loadScenarioWorld(dataDir, LONG_JOURNAL_SCENARIO)!);
  const store = new SessionStore(dataDir);
  let start = performance.now();
  const summary = store.list({}, lookup).find((listed) => listed.id === sessionId);
  const firstListMs = performance.now() - start;
  start = performance.now();
  store.list({}, lookup);
  const nextListMs = performance.now() - start;

  const host = new FiredrillHost({ dataDir, events: { update: () => {}, closed: () => {} } });
  try {
    // The scenario's world read and the worker started first: what follows is the journal's own work.
    writeLongJournal(dataDir, WARM_UP, 20_000);
    await host.sessions.open(WARM_UP);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // Its first tick only starts its count: a hold right after enable() would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 20));
    start = performance.now();
    const cpu = process.cpuUsage();
    const { live } = await host.sessions.open(sessionId);
    live.view();
    const openMs = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    // The monitor's timer samples a hold only when the loop turns again after it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    return { entries: summary!.entries, firstListMs, nextListMs, openMs, openCpuMs: (user + system) / 1000, longestBlockMs: delay.max / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await host.close();
  }
}

// Run as `node <bundle> --measure-open <dataDir> <sessionId>`: prints the figures as one JSON line.
if (process.argv[2] === MEASURE_OPEN) {
  const [dataDir, sessionId] = process.argv.slice(3);
  console.log(JSON.stringify(await measureOpen(dataDir!, sessionId!)));
}
