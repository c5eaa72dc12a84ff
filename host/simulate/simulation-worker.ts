import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { emptyRecords, placeRecords, playRuns } from '../../engine/simulate/run-records.js';
import { prepareSimulation, type Simulation } from '../../engine/simulate/setup.js';
import { finishSimulation } from '../../engine/simulate/simulate.js';
import { lowerWorkerPriority } from '../threads/lower-priority.js';
import { transferables, type FromWorker, type Side, type ToWorker, type WorkerData } from './messages.js';

// A simulation worker thread (its own entry beside every bundle that simulates: dist/simulation-worker.js). For
// each job (one simulation) it prepares the simulations it is given, plays the blocks of runs it
// is sent, and the one told to finish puts every block together and writes the report: none of
// the simulation's work runs on the thread that started it. It is kept for the next job
// (simulation-workers.ts), so the engine's code it compiled stays compiled.

// V8's allocation-site pretenuring misjudges a simulated run: it decides a few of the engine's
// object literals live long and allocates them in the old generation, where, dead a run later,
// they keep the young objects they point to alive through every scavenge. A run's garbage then
// survives at 12% instead of 1.5%, is promoted and marked again, and the garbage collector's
// helper threads take the core a second worker needs (`npm run bench -- simulat`). The flag is
// the process's (V8 has no per-isolate flags), so the host's other threads lose that one
// optimisation too: long-lived objects they build (a big journal read) are copied once more
// before they reach the old generation. It is set at run time, which V8 allows for this flag
// (it is read when a scavenge weighs its feedback); flags that change how collection runs are not.
setFlagsFromString('--no-allocation-site-pretenuring');

const { background } = workerData as WorkerData;
if (background) lowerWorkerPriority();
const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
/** The job being played and its simulations: a worker is kept for the next job, its compiled code warm. */
let job = 0;
let simulations: Partial<Record<Side, Simulation>> = {};

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'prepare') {
      job = message.job;
      const { a, b } = message.setup;
      simulations = { a: prepareSimulation(a), ...(b ? { b: prepareSimulation(b) } : {}) };
      return;
    }
    if (message.type === 'play') {
      const records = playRuns(simulations[message.side]!, message.from, message.count);
      send({ type: 'played', job, side: message.side, records }, transferables(records));
      return;
    }
    const whole = (side: Side) => {
      const simulation = simulations[side]!;
      const records = emptyRecords(simulation, 0, simulation.request.runs);
      for (const block of message.blocks[side]) placeRecords(records, block);
      return { simulation, records };
    };
    send({ type: 'report', job, report: finishSimulation(whole('a'), simulations.b ? whole('b') : undefined) });
  } catch (error) {
    send({ type: 'failed', job, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
