import type { RunRecords } from '../../engine/simulate/run-records.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';

// What the simulation's calling thread and its worker threads say to each other.

/** The simulations of one job: the model, and the one it is compared with. */
export interface WorkerSetup {
  a: SimulationRequest;
  b?: SimulationRequest;
}

/** What a worker is started with: whether it yields the CPU to the thread serving clients. It is kept for job after job. */
export interface WorkerData {
  background: boolean;
}

export type Side = 'a' | 'b';

/** Every message names its job (one simulation): the caller ignores answers to a job that has ended. */
export type ToWorker =
  /** The job's simulations, to prepare before its first block (they replace the last job's). */
  | { type: 'prepare'; job: number; setup: WorkerSetup }
  | { type: 'play'; job: number; side: Side; from: number; count: number }
  /** Every block of runs, to put together and report on (the worker that gets this does the last sums). */
  | { type: 'finish'; job: number; blocks: Record<Side, RunRecords[]> };

export type FromWorker =
  | { type: 'played'; job: number; side: Side; records: RunRecords }
  | { type: 'report'; job: number; report: SimulationReport }
  | { type: 'failed'; job: number; message: string };

/** The typed arrays of a block of runs: moved between threads, not copied. */
export const transferables = (records: RunRecords): ArrayBuffer[] =>
  [records.timeToDetect, records.timeToContain, records.timeToRecover, records.score, records.breaches, records.inputs, records.pathMinutes, records.waitMinutes]
    .map((array) => array.buffer as ArrayBuffer);
