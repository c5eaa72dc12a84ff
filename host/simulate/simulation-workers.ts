import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunRecords } from '../../engine/simulate/run-records.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import type { ComparedModel } from '../../engine/simulate/simulate.js';
import { workerScript, WORKERS, type WorkerScript } from '../threads/worker-script.js';
import { transferables, type FromWorker, type Side, type ToWorker, type WorkerData, type WorkerSetup } from './messages.js';

// Simulations on worker threads, never on the calling thread (a server's, or the app's main
// process): the runs are dealt out in blocks, each worker plays the blocks it is given, and one
// worker puts them together into the report. Each run's draws depend on the seed and its index
// alone, so the report is the same byte for byte whatever the number of workers.
//
// The workers are kept between simulations. A new thread runs the engine's code slowly until V8
// has compiled it again for that thread (about a second of a worker's time, and on two busy cores
// the compiling takes CPU from the runs); a kept worker starts its next simulation at full speed.

export interface SimulationProgress {
  /** Runs played so far, of all the runs to play (twice the runs when two models are compared). */
  done: number;
  total: number;
}

export interface SimulationOptions {
  /** Worker threads to use: by default one per core the machine offers. */
  workers?: number;
  /** A second model to set against the first, with the same seed. */
  compare?: ComparedModel;
  onProgress?: (progress: SimulationProgress) => void;
  /** Cancels the simulation: its workers are stopped and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface SimulationWorkersOptions {
  /** Lowers the workers' priority (a host serving clients: its serving thread comes first). */
  background?: boolean;
  /** How long a worker may wait for the next simulation before it stops (its heap holds tens of MB). Unset: until close(). */
  idleMs?: number;
  /** The worker script; by default the simulation worker's, found as every worker is (host/threads/worker-script.ts). */
  script?: WorkerScript;
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** Runs per block: small enough that the workers finish together and progress is reported often (a block of the largest scenario is a tenth of a second), large enough to keep messages few. */
const blockSize = (runs: number, workers: number) => Math.max(1, Math.min(125, Math.ceil(runs / (workers * 8))));

/**
 * A worker's young generation: half V8's default. A run leaves nearly nothing behind (1.5% of
 * what it allocates survives a scavenge, with pretenuring off: see simulation-worker.ts), so a
 * smaller one costs no time and keeps the process's memory down (peak RSS on 2 workers fell from
 * 480 to 270 MB at 10,000 runs).
 */
const YOUNG_GENERATION_MB = 24;

interface Kept {
  worker: Worker;
  /** Set while the worker waits for a simulation: it stops when this fires. */
  idle?: NodeJS.Timeout;
}

/**
 * The simulation worker threads of a process (the host's, or one command's): one simulation at a
 * time, the next waiting its turn (two at once would share the same cores and finish no sooner).
 */
export class SimulationWorkers {
  private readonly kept: Kept[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  private nextJob = 1;
  private closed = false;
  private script: WorkerScript | undefined;

  constructor(private readonly options: SimulationWorkersOptions = {}) {}

  /** Runs a simulation when the one before it has finished; an AbortSignal cancels it, waiting or running. */
  run(request: SimulationRequest, options: SimulationOptions = {}): Promise<SimulationReport> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const played = this.turn.then(() => this.play(request, options));
    this.turn = played.catch(() => undefined);
    if (!signal) return played;
    return new Promise<SimulationReport>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      played.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Stops every worker; a simulation still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.kept.splice(0).map((entry) => this.stop(entry)));
  }

  /** The thread ids of the workers kept now, the warmest first: for tests and the bench. */
  get threadIds(): number[] {
    return this.kept.map((entry) => entry.worker.threadId);
  }

  private play(request: SimulationRequest, options: SimulationOptions): Promise<SimulationReport> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.closed) return Promise.reject(new Error('the simulation workers were stopped'));
    const setup: WorkerSetup = { a: request, ...(options.compare ? { b: { ...request, ...options.compare } } : {}) };
    const sides: Side[] = setup.b ? ['a', 'b'] : ['a'];
    const asked = options.workers ?? defaultWorkers();
    const size = blockSize(request.runs, asked);
    const blocks: { side: Side; from: number; count: number }[] = [];
    for (const side of sides) for (let from = 0; from < request.runs; from += size) blocks.push({ side, from, count: Math.min(size, request.runs - from) });
    const total = request.runs * sides.length;
    const job = this.nextJob++;

    return new Promise<SimulationReport>((resolve, reject) => {
      const played: Record<Side, RunRecords[]> = { a: [], b: [] };
      const mine: Kept[] = [];
      const cleanups: (() => void)[] = [];
      let next = 0;
      let done = 0;
      let settled = false;
      const end = (failed: boolean) => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        for (const cleanup of cleanups.splice(0)) cleanup();
        // A worker that failed, or was cut off mid-block, is not kept: it may be in any state.
        for (const entry of mine) {
          if (failed) this.discard(entry);
          else this.rest(entry);
        }
      };
      const fail = (error: Error) => {
        if (settled) return;
        end(true);
        reject(error);
      };
      const onAbort = () => fail(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });

      const deal = (worker: Worker) => {
        const block = blocks[next++];
        if (block) worker.postMessage({ type: 'play', job, ...block } satisfies ToWorker);
        else if (done === total && worker === mine[0]!.worker) {
          const message: ToWorker = { type: 'finish', job, blocks: played };
          worker.postMessage(message, [...played.a, ...played.b].flatMap(transferables));
        }
      };
      try {
        for (const entry of this.take(Math.max(1, Math.min(asked, blocks.length)))) mine.push(entry);
      } catch (error) {
        return fail(error as Error);
      }
      for (const { worker } of mine) {
        const onMessage = (message: FromWorker) => {
          if (settled || message.job !== job) return;
          if (message.type === 'failed') return fail(new Error(`simulation worker failed: ${message.message}`));
          if (message.type === 'report') {
            end(false);
            return resolve(message.report);
          }
          played[message.side].push(message.records);
          done += message.records.count;
          onProgress?.({ done, total });
          deal(worker);
          // The last block in: the first worker writes the report.
          if (done === total && worker !== mine[0]!.worker) deal(mine[0]!.worker);
        };
        const onError = (error: Error) => fail(error);
        const onExit = (code: number) => fail(new Error(`simulation worker stopped (exit code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        worker.ref();
        worker.postMessage({ type: 'prepare', job, setup } satisfies ToWorker);
      }
      for (const { worker } of mine) deal(worker);
    });
  }

  /** `count` workers for a simulation: the kept ones first (the longest kept is the warmest), then new ones. */
  private take(count: number): Kept[] {
    while (this.kept.length < count) this.kept.push(this.spawn());
    const taken = this.kept.slice(0, count);
    for (const entry of taken) clearTimeout(entry.idle);
    return taken;
  }

  private spawn(): Kept {
    this.script ??= this.options.script ?? workerScript(WORKERS.simulation);
    const workerData: WorkerData = { background: this.options.background ?? false };
    const worker = new Worker(this.script.url, { eval: this.script.eval ?? false, workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const entry: Kept = { worker };
    // A kept worker that stops by itself (out of memory) is forgotten; the next simulation starts another.
    worker.on('exit', () => this.forget(entry));
    // Its errors are the running simulation's (it listens too); between simulations there is no one to tell.
    worker.on('error', () => undefined);
    return entry;
  }

  /** Keeps a worker for the next simulation, without keeping the process alive for it. */
  private rest(entry: Kept): void {
    entry.worker.unref();
    const { idleMs } = this.options;
    if (idleMs === undefined) return;
    clearTimeout(entry.idle);
    entry.idle = setTimeout(() => this.discard(entry), idleMs);
    entry.idle.unref();
  }

  private discard(entry: Kept): void {
    this.forget(entry);
    void this.stop(entry);
  }

  private forget(entry: Kept): void {
    clearTimeout(entry.idle);
    const at = this.kept.indexOf(entry);
    if (at >= 0) this.kept.splice(at, 1);
  }

  private stop(entry: Kept): Promise<number> {
    clearTimeout(entry.idle);
    return entry.worker.terminate();
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('the simulation was cancelled', 'AbortError');
}
