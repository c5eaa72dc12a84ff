// Journal append throughput with fsync: entries acknowledged per second, one at a time (each
// waits for its own fsync, as a lone facilitator's clicks do) and with many in flight (appends
// that arrive during an fsync share the next one). Then a 100 MB journal: the session list's
// first and next readings, session.open through the host, the longest it held the serving
// thread, and its peak RSS (measured in a child process: this
// bundle run again with --measure-open). Real files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Session } from '../engine/session/session.js';
import type { JournalEntry } from '../engine/session/journal.js';
import { JournalWriter } from '../host/storage/journal-writer.js';
import { loadScenarioWorld } from '../host/library/user-library.js';
import { MEASURE_OPEN, writeLongJournal, type OpenFigures } from '../test/helpers/long-journal.js';

const SCENARIO = 'stolen-api-keys-new-location';

/** Journal entries as a session records them: actions by their owners (each taken once) and observations. */
function entries(count: number): JournalEntry[] {
  const world = loadScenarioWorld(tmpdir(), SCENARIO)!;
  const scenario = world.scenarios.get(SCENARIO)!.scenario;
  const plan = world.plans.get(scenario.plan)!.plan;
  const session = Session.start({ plan, scenario, sessionId: 'bench', mode: 'solo', speed: 600, wallTime: new Date(0).toISOString() });
  for (let i = 1; session.journal.length < count; i++) {
    const action = plan.actions[i / 2];
    const input = i % 2 === 0 && action ? { type: 'action.taken' as const, action: action.id } : { type: 'observation.noted' as const, text: `Observation ${i}: the analyst checked CloudTrail for the key.`, tag: 'note' as const };
    session.record(input, { simTime: i * 1000, wallTime: new Date(i * 1000).toISOString(), actor: input.type === 'action.taken' ? action!.roles[0]! : 'facilitator' });
  }
  return session.journal;
}

async function measure(folder: string, name: string, journal: JournalEntry[], inFlight: number): Promise<{ perSecond: number; bytes: number }> {
  const path = join(folder, `${name}.jsonl`);
  const writer = await JournalWriter.open(path);
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < journal.length) await writer.append(journal[next++]!);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - start) / 1000;
  await writer.close();
  return { perSecond: journal.length / seconds, bytes: statSync(path).size };
}

export async function runJournalBench(print: (line: string) => void): Promise<void> {
  const folder = mkdtempSync(join(process.env.FIREDRILL_BENCH_DIR ?? tmpdir(), 'firedrill-bench-journal-'));
  try {
    const journal = entries(4000);
    print(`folder: ${folder}`);
    const one = await measure(folder, 'sequential', journal.slice(0, 1000), 1);
    print(`journal append with fsync, one at a time: ${one.perSecond.toFixed(0)} entries/s (${(1000 / one.perSecond).toFixed(2)} ms per acknowledged entry; ${(one.bytes / 1000).toFixed(0)} bytes per entry)`);
    const many = await measure(folder, 'concurrent', journal, 64);
    print(`journal append with fsync, 64 in flight (group commit): ${many.perSecond.toFixed(0)} entries/s`);

    const written = writeLongJournal(folder, 'long', 100_000_000);
    const child = spawnSync(process.execPath, [process.argv[1]!, MEASURE_OPEN, folder, 'long'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the long-journal measurement failed: ${child.stderr}`);
    const open = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as OpenFigures;
    print(`a ${(written.bytes / 1e6).toFixed(0)} MB journal (${written.entries.toLocaleString('en')} entries): session.list first ${(open.firstListMs / 1000).toFixed(1)} s (reads it into the session index), next ${open.nextListMs.toFixed(1)} ms; session.open with its view ${(open.openMs / 1000).toFixed(1)} s (${(open.openCpuMs / 1000).toFixed(1)} s of CPU), the serving thread held at most ${open.longestBlockMs.toFixed(0)} ms at a time; peak RSS ${open.peakRssMb.toFixed(0)} MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// The child run measures the long journal only (long-journal.ts prints its figures).
if (process.argv[2] !== MEASURE_OPEN) await runJournalBench((line) => console.log(line));
