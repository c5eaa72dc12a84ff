import type { RunRecords } from '../../engine/simulate/run-records.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';

// What the simulation's calling thread and its worker threads say to each other.

/** The simulations a worker prepares when it starts: the model, and the one it is compared with. */
export interface WorkerSetup {
  a: SimulationRequest;
  b?: SimulationRequest;
}

/** What a worker is started with: the simulations, and whether it yields the CPU to the thread serving clients. */
export interface WorkerData extends WorkerSetup {
  background: boolean;
}

export type Side = 'a' | 'b';

export type ToWorker =
  | { type: 'play'; side: Side; from: number; count: number }
  /** Every block of runs, to put together and report on (the worker that gets this does the last sums). */
  | { type: 'finish'; blocks: Record<Side, RunRecords[]> };

export type FromWorker =
  | { type: 'played'; side: Side; records: RunRecords }
  | { type: 'report'; report: SimulationReport }
  | { type: 'failed'; message: string };

/** The typed arrays of a block of runs: moved between threads, not copied. */
export const transferables = (records: RunRecords): ArrayBuffer[] =>
  [records.timeToDetect, records.timeToContain, records.timeToRecover, records.score, records.breaches, records.inputs, records.pathMinutes, records.waitMinutes]
    .map((array) => array.buffer as ArrayBuffer);
