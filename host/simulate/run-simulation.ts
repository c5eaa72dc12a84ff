import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunRecords } from '../../engine/simulate/run-records.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import type { ComparedModel } from '../../engine/simulate/simulate.js';
import { workerScript, WORKERS, type WorkerScript } from '../threads/worker-script.js';
import { transferables, type FromWorker, type Side, type ToWorker, type WorkerData, type WorkerSetup } from './messages.js';

// Runs a simulation on worker threads, never on the calling thread (a server's, or the app's
// main process): the runs are dealt out in blocks, each worker plays the blocks it is given, and
// one worker puts them together into the report. Each run's draws depend on the seed and its
// index alone, so the report is the same byte for byte whatever the number of workers.

export interface SimulationProgress {
  /** Runs played so far, of all the runs to play (twice the runs when two models are compared). */
  done: number;
  total: number;
}

export interface RunSimulationOptions {
  /** Worker threads to use: by default one per core the machine offers. */
  workers?: number;
  /** A second model to set against the first, with the same seed. */
  compare?: ComparedModel;
  onProgress?: (progress: SimulationProgress) => void;
  /** Cancels the simulation: its workers are stopped and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Lowers the workers' priority (a host serving clients: its serving thread comes first). */
  background?: boolean;
  /** The worker script; by default the simulation worker's, found as every worker is (host/threads/worker-script.ts). */
  script?: WorkerScript;
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** Runs per block: small enough that the workers finish together and progress is reported often (a block of the largest scenario is a fifth of a second), large enough to keep messages few. */
const blockSize = (runs: number, workers: number) => Math.max(1, Math.min(125, Math.ceil(runs / (workers * 8))));

/**
 * A worker's young generation: half V8's default. A run leaves nearly nothing behind (1.5% of
 * what it allocates survives a scavenge, with pretenuring off: see simulation-worker.ts), so a
 * smaller one costs no time and keeps the process's memory down (peak RSS on 2 workers fell from
 * 480 to 270 MB at 10,000 runs).
 */
const YOUNG_GENERATION_MB = 24;

export function runSimulation(request: SimulationRequest, options: RunSimulationOptions = {}): Promise<SimulationReport> {
  const { signal, onProgress } = options;
  const setup: WorkerSetup = { a: request, ...(options.compare ? { b: { ...request, ...options.compare } } : {}) };
  const sides: Side[] = setup.b ? ['a', 'b'] : ['a'];
  const blocks: { side: Side; from: number; count: number }[] = [];
  const size = blockSize(request.runs, options.workers ?? defaultWorkers());
  for (const side of sides) for (let from = 0; from < request.runs; from += size) blocks.push({ side, from, count: Math.min(size, request.runs - from) });
  const count = Math.max(1, Math.min(options.workers ?? defaultWorkers(), blocks.length));
  const total = request.runs * sides.length;

  return new Promise<SimulationReport>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const workers: Worker[] = [];
    const played: Record<Side, RunRecords[]> = { a: [], b: [] };
    let next = 0;
    let done = 0;
    let settled = false;
    const stop = () => {
      signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    };
    const onAbort = () => fail(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    const deal = (worker: Worker) => {
      const block = blocks[next++];
      if (block) worker.postMessage({ type: 'play', ...block } satisfies ToWorker);
      else if (done === total && worker === workers[0]) {
        const message: ToWorker = { type: 'finish', blocks: played };
        worker.postMessage(message, [...played.a, ...played.b].flatMap(transferables));
      }
    };
    let script: WorkerScript;
    try {
      script = options.script ?? workerScript(WORKERS.simulation);
    } catch (error) {
      return reject(error as Error);
    }
    const workerData: WorkerData = { ...setup, background: options.background ?? false };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script.url, { eval: script.eval ?? false, workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'failed') return fail(new Error(`simulation worker failed: ${message.message}`));
        if (message.type === 'report') {
          settled = true;
          stop();
          return resolve(message.report);
        }
        played[message.side].push(message.records);
        done += message.records.count;
        onProgress?.({ done, total });
        deal(worker);
        // The last block in: the first worker writes the report.
        if (done === total && worker !== workers[0]) deal(workers[0]!);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`simulation worker stopped (exit code ${code})`));
      });
    }
    for (const worker of workers) deal(worker);
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('the simulation was cancelled', 'AbortError');
}
