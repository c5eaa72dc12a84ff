// Simulation benchmark: 10,000 runs of the largest bundled scenario on 1 and on 2 worker threads
// (target: under 10 s on 2 workers on a 2-core machine, 2 workers at least 1.6x faster than 1),
// and the process's peak memory at 1,000, 5,000 and 10,000 runs (it should stay flat: each run
// leaves a few numbers behind, not its session). Prints its figures and the load average, since
// a shared machine slows everything down.
//
// Two cases, each measured on its own: cold, on new worker threads (what `firedrill simulate`
// does, and the app's first stress test), and warm, on the workers the app keeps between stress
// tests (SimulationWorkers), whose compiled code is ready.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadBundledLibrary } from '../host/library/load.js';
import { runSimulation } from '../host/simulate/run-simulation.js';
import { SimulationWorkers } from '../host/simulate/simulation-workers.js';
import { prepareSimulation, type SimulationRequest } from '../engine/simulate/setup.js';
import { emptyRecords } from '../engine/simulate/run-records.js';

const MB = 1024 * 1024;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function largestScenario() {
  const library = loadBundledLibrary();
  const largest = [...library.scenarios.values()].sort((a, b) =>
    (b.scenario.injects.length + b.scenario.decisions.length) - (a.scenario.injects.length + a.scenario.decisions.length))[0]!.scenario;
  return { plan: library.plans.get(largest.plan)!.plan, scenario: largest, script: library.scripts.get(largest.id)!.get('exemplary')!.script };
}

/**
 * Wall time, CPU time (every thread of the process: the workers, and V8's garbage collection
 * threads) and the highest resident memory seen while it ran (worker threads live in this process).
 * CPU time barely depends on the machine's load: equal CPU time on 1 and 2 workers means
 * splitting the runs adds no work, and the wall speed-up is bounded by the cores left free.
 */
interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs a simulation and measures it: on new workers (cold), or on the kept ones given (warm). */
async function measure(request: SimulationRequest, workers: number, kept?: SimulationWorkers): Promise<Measure> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    await (kept ? kept.run(request, { workers }) : runSimulation(request, { workers }));
  } finally {
    clearInterval(sampler);
  }
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMb: Math.max(peak, process.memoryUsage().rss) / MB };
}

/**
 * What this machine gives two threads of work that touches little memory: an arithmetic loop
 * split over 1 and over 2 threads. Set beside the simulation's speed-up, it tells the cores'
 * own limit from the simulation's (which allocates about 1 MB a run, and so shares the memory
 * caches and bus with the other thread, and garbage collection helpers with the other core).
 */
async function arithmeticSpeedUp(): Promise<{ one: number; two: number }> {
  const loop = `const { parentPort, workerData } = require('node:worker_threads');
    let x = 0; for (let i = 0; i < workerData; i++) { x = (x * 1103515245 + 12345) | 0; x ^= x >>> 7; }
    parentPort.postMessage(x);`;
  const split = async (threads: number) => {
    const start = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => {
      const worker = new Worker(loop, { eval: true, workerData: 400_000_000 / threads });
      worker.once('message', resolve);
      worker.once('error', reject);
    })));
    return (performance.now() - start) / 1000;
  };
  return { one: await split(1), two: await split(2) };
}

export async function runSimulationBench(print: (line: string) => void): Promise<void> {
  const world = largestScenario();
  print(`scenario: ${world.scenario.id} (${world.scenario.injects.length} injects, ${world.scenario.decisions.length} decisions, exemplary script of ${world.script.steps.length} steps); default model; load average before: ${load()}`);
  await measure({ ...world, runs: 200, seed: 1 }, 2); // warm the disk cache and the JIT of this thread

  // This machine's two cores are a virtual machine's: now and then one is taken away for seconds
  // (two copies of a pure arithmetic loop ran side by side in 10.9 s each, then in 10.9 and 19.2 s;
  // 10,000 cold runs on 1 worker took 8.5, 11.4 and 12.7 s in three rounds). So the runs on 1 and
  // on 2 workers are taken in turn, three times, and the best of each compared: the machine's
  // noise only ever adds time (a median of three can pair a slowed 1-worker run with a clean
  // 2-worker one, and read 1.73x where the clean rounds read 1.30x and 1.41x).
  const runs = 10_000;
  const compare = async (label: string, play: (workers: number) => Promise<Measure>) => {
    const rounds: { one: Measure; two: Measure }[] = [];
    for (let round = 1; round <= 3; round++) {
      const one = await play(1);
      const two = await play(2);
      rounds.push({ one, two });
      print(`  ${label}, round ${round}: 1 worker ${one.seconds.toFixed(2)} s (CPU ${one.cpuSeconds.toFixed(2)} s), 2 workers ${two.seconds.toFixed(2)} s (CPU ${two.cpuSeconds.toFixed(2)} s): ${(one.seconds / two.seconds).toFixed(2)}x`);
    }
    const best = (side: 'one' | 'two') => Math.min(...rounds.map((r) => r[side].seconds));
    const one = best('one');
    const two = best('two');
    print(`${label}: ${runs.toLocaleString('en')} runs on 1 worker ${one.toFixed(2)} s (${((one * 1000) / runs).toFixed(2)} ms a run), on 2 workers ${two.toFixed(2)} s (target < 10 s), best of 3; speed-up ${(one / two).toFixed(2)}x (target >= 1.6x); per round ${rounds.map((r) => (r.one.seconds / r.two.seconds).toFixed(2)).join(', ')}; medians ${median(rounds.map((r) => r.one.seconds)).toFixed(2)} and ${median(rounds.map((r) => r.two.seconds)).toFixed(2)} s`);
  };

  // Cold: new worker threads for each simulation, which compile the engine's code as they go.
  await compare('cold (new workers: firedrill simulate, the app\'s first stress test)', (workers) => measure({ ...world, runs, seed: 1 }, workers));

  // Warm: the workers kept between simulations, as the app keeps them. Each set first plays what
  // the app's Stress test runs by default (1,000 drills, another seed), which is not measured.
  const kept = { 1: new SimulationWorkers(), 2: new SimulationWorkers() } as const;
  try {
    for (const workers of [1, 2] as const) await measure({ ...world, runs: 1_000, seed: 99 }, workers, kept[workers]);
    await compare('warm (kept workers: the app\'s later stress tests)', (workers) => measure({ ...world, runs, seed: 1 }, workers, kept[workers as 1 | 2]));
  } finally {
    await Promise.all([kept[1].close(), kept[2].close()]);
  }

  const arithmetic = await arithmeticSpeedUp();
  print(`for comparison, an arithmetic loop (no memory traffic): 1 thread ${arithmetic.one.toFixed(2)} s, 2 threads ${arithmetic.two.toFixed(2)} s: ${(arithmetic.one / arithmetic.two).toFixed(2)}x`);

  const peaks: string[] = [];
  for (const n of [1_000, 5_000, 10_000]) peaks.push(`${n.toLocaleString('en')} runs ${(await measure({ ...world, runs: n, seed: 2 }, 2)).peakMb.toFixed(0)} MB`);
  // What each run leaves behind for the report (its figures and the inputs it drew), in typed arrays: the only part that grows with the runs.
  const row = emptyRecords(prepareSimulation({ ...world, runs: 1, seed: 1 }), 0, 1);
  const rowBytes = [row.timeToDetect, row.timeToContain, row.timeToRecover, row.score, row.breaches, row.inputs, row.pathMinutes, row.waitMinutes].reduce((sum, array) => sum + array.byteLength, 0);
  print(`peak resident memory on 2 workers (should stay flat): ${peaks.join('; ')}; each run keeps ${(rowBytes / 1024).toFixed(1)} KB of figures, ${((rowBytes * runs) / MB).toFixed(1)} MB for ${runs.toLocaleString('en')} runs (its critical path is counted, not kept)`);
  print(`load average after: ${load()} (2 cores: above 2 means other work shared the machine)`);
}

if (process.argv[1]?.endsWith('simulate.js')) await runSimulationBench((line) => console.log(line));
