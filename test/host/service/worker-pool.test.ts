import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerPool, WorkerStopped } from '../../../host/service/work/worker-pool.js';
import { LibraryRefusal } from '../../../host/library/user-library.js';
import { asCommandFailure } from '../../../host/service/command-failure.js';

// The worker threads that validate files and write exports: a bounded pool with a queue, whose
// workers may crash without taking the serving thread with them.

type TestTasks = {
  double: (n: number) => number;
  refuse: () => never;
  crash: () => never;
  'throw-uncaught': () => never;
  hold: () => string;
};

const script = () => ({ url: new URL('./helpers/test-worker.mjs', import.meta.url) });
let pool: WorkerPool<TestTasks> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the worker pool', () => {
  it('runs tasks in workers and brings their refusals back as the same errors', async () => {
    pool = new WorkerPool<TestTasks>({ size: 2, script });
    expect(await pool.run('double', 21)).toBe(42);
    const refused = await pool.run('refuse').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LibraryRefusal);
    expect(asCommandFailure(refused)).toMatchObject({ code: 'invalid-file', message: 'x.yaml has 1 error', errors: [{ file: 'x.yaml', line: 2 }] });
  });

  it('keeps to its size: further tasks wait, and fail if the pool closes first', async () => {
    pool = new WorkerPool<TestTasks>({ size: 1, script });
    const held = pool.run('hold');
    const waiting = [pool.run('double', 1), pool.run('double', 2)];
    expect(pool.load).toEqual({ running: 1, queued: 2, workers: 1 });
    const failed = Promise.all([held, ...waiting].map((task) => expect(task).rejects.toBeInstanceOf(WorkerStopped)));
    await pool.close();
    await failed;
    pool = undefined;
  });

  it('fails the task of a worker that crashes, and goes on with a new worker', async () => {
    pool = new WorkerPool<TestTasks>({ size: 1, script });
    await expect(pool.run('crash')).rejects.toThrow(/the worker thread stopped \(exit code 3\)/);
    await expect(pool.run('throw-uncaught')).rejects.toThrow(/the worker thread stopped \(boom in the worker\)/);
    expect(await pool.run('double', 5)).toBe(10);
    expect(asCommandFailure(new WorkerStopped('x'))).toBeUndefined(); // an internal error reply, logged
  });

  it('stops a worker left without work for idleMs, and starts another for the next task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      pool = new WorkerPool<TestTasks>({ size: 2, script, idleMs: 1_000 });
      expect(await pool.run('double', 2)).toBe(4);
      vi.advanceTimersByTime(999);
      expect(pool.load.workers).toBe(1);
      // Work before the time is up keeps the worker.
      expect(await pool.run('double', 3)).toBe(6);
      vi.advanceTimersByTime(999);
      expect(pool.load.workers).toBe(1);
      vi.advanceTimersByTime(1);
      expect(pool.load.workers).toBe(0);
      expect(await pool.run('double', 4)).toBe(8);
      expect(pool.load.workers).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses tasks once closed', async () => {
    pool = new WorkerPool<TestTasks>({ size: 1, script });
    await pool.close();
    await expect(pool.run('double', 1)).rejects.toBeInstanceOf(WorkerStopped);
  });
});
