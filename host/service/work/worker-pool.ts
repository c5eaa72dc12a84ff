import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerScript } from '../../threads/worker-script.js';
import { fromWire, type WireError } from './wire-error.js';

/** The functions a worker runs, by name: what the pool's `run` can ask for. */
export type TaskMap = Record<string, (...args: never[]) => unknown>;

/** A request to a worker, and its answer: the wire format of serve-tasks.ts. */
export interface TaskRequest {
  id: number;
  name: string;
  args: unknown[];
}
export type TaskAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

/** A worker that stopped (crashed, ran out of memory) while it ran a task. */
export class WorkerStopped extends Error {
  override name = 'WorkerStopped';
}

interface Job {
  id: number;
  name: string;
  args: unknown[];
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  job: Job | undefined;
  /** Set while the worker waits for work: it retires when this fires. */
  idle?: NodeJS.Timeout;
}

export interface WorkerPoolOptions {
  /** How many workers at most (started when needed); tasks beyond wait in order. */
  size: number;
  /** Found once, at the first worker: where its script is (host/threads/worker-script.ts). */
  script: () => WorkerScript;
  resourceLimits?: ResourceLimits;
  /**
   * How long a worker may wait without work before it stops (a worker's heap holds tens of MB,
   * the library it last read among them); the next task starts a new one. Unset: never.
   */
  idleMs?: number;
}

/**
 * A bounded pool of worker threads with a queue: heavy work (validating a big file, a long
 * PDF) runs there, never on the thread that serves clients. A worker that crashes fails the
 * task it had with WorkerStopped and is replaced for the next; the pool goes on.
 */
export class WorkerPool<T extends TaskMap> {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private script: WorkerScript | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs a task in a worker; resolves with its result or rejects with its error (of its own class). */
  run<K extends keyof T & string>(name: K, ...args: Parameters<T[K]>): Promise<Awaited<ReturnType<T[K]>>> {
    if (this.closed) return Promise.reject(new WorkerStopped(`${name}: the worker pool is closed`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, args, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Tasks running and waiting, for the bench and tests. */
  get load(): { running: number; queued: number; workers: number } {
    return { running: [...this.workers].filter((w) => w.job).length, queued: this.queue.length, workers: this.workers.size };
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = [...this.workers].find((w) => !w.job) ?? (this.workers.size < this.options.size ? this.spawn() : undefined);
      if (!free) return;
      const job = this.queue.shift()!;
      clearTimeout(free.idle);
      free.job = job;
      free.worker.ref();
      free.worker.postMessage({ id: job.id, name: job.name, args: job.args } satisfies TaskRequest);
    }
  }

  private spawn(): PoolWorker {
    this.script ??= this.options.script();
    const worker = new Worker(this.script.url, { eval: this.script.eval ?? false, ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}) });
    const entry: PoolWorker = { worker, job: undefined };
    this.workers.add(entry);
    worker.unref();
    worker.on('message', (answer: TaskAnswer) => {
      const job = entry.job;
      if (!job || job.id !== answer.id) return;
      entry.job = undefined;
      worker.unref();
      if (answer.ok) job.resolve(answer.result);
      else job.reject(fromWire(answer.error));
      this.dispatch();
      if (!entry.job) this.retireWhenIdle(entry);
    });
    // An uncaught error ends the worker: 'exit' follows and fails its task.
    worker.on('error', (error) => this.stopped(entry, error.message));
    worker.on('exit', (code) => this.stopped(entry, `exit code ${code}`));
    return entry;
  }

  /** Stops the worker if it is still without work after idleMs; out of the pool first, so no task goes to it meanwhile. */
  private retireWhenIdle(entry: PoolWorker): void {
    const { idleMs } = this.options;
    if (idleMs === undefined) return;
    clearTimeout(entry.idle);
    entry.idle = setTimeout(() => {
      if (entry.job || !this.workers.delete(entry)) return;
      void entry.worker.terminate();
    }, idleMs);
    entry.idle.unref();
  }

  private stopped(entry: PoolWorker, why: string): void {
    clearTimeout(entry.idle);
    if (!this.workers.delete(entry) && !entry.job) return;
    const job = entry.job;
    entry.job = undefined;
    job?.reject(new WorkerStopped(`${job.name}: the worker thread stopped (${why})`));
    if (!this.closed) this.dispatch();
  }

  /** Stops every worker; tasks still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.workers) clearTimeout(entry.idle);
    for (const job of this.queue.splice(0)) job.reject(new WorkerStopped(`${job.name}: Firedrill is shutting down`));
    await Promise.allSettled([...this.workers].map((entry) => entry.worker.terminate()));
  }
}
