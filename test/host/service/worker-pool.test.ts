import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool, WorkerStopped } from '../../../host/service/work/worker-pool.js';
import { WORKER_FILE, workerScript } from '../../../host/service/work/worker-script.js';
import { LibraryRefusal } from '../../../host/library/user-library.js';
import { asCommandFailure } from '../../../host/service/command-failure.js';
import { WORKER_ENTRY } from '../../../scripts/node-bundle.mjs';

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

  it('refuses tasks once closed', async () => {
    pool = new WorkerPool<TestTasks>({ size: 1, script });
    await pool.close();
    await expect(pool.run('double', 1)).rejects.toBeInstanceOf(WorkerStopped);
  });
});

describe('the worker script', () => {
  it('is the bundle beside the serving bundle: dist/ for the CLI and its chunks, dist/electron/ for the desktop app', () => {
    const dist = mkdtempSync(join(tmpdir(), 'firedrill-dist-'));
    try {
      mkdirSync(join(dist, 'chunks'));
      mkdirSync(join(dist, 'electron'));
      writeFileSync(join(dist, WORKER_FILE), '');
      writeFileSync(join(dist, 'electron', WORKER_FILE), '');
      const at = (file: string) => workerScript(pathToFileURL(join(dist, file)).href, {});
      expect(at('cli.js').url.toString()).toBe(pathToFileURL(join(dist, WORKER_FILE)).href);
      expect(at('chunks/serve-ABC.js').url.toString()).toBe(pathToFileURL(join(dist, WORKER_FILE)).href);
      expect(at('electron/main.js').url.toString()).toBe(pathToFileURL(join(dist, 'electron', WORKER_FILE)).href);
      rmSync(join(dist, 'electron', WORKER_FILE));
      rmSync(join(dist, WORKER_FILE));
      expect(() => at('electron/main.js')).toThrow(/firedrill-worker\.js is missing beside .*main\.js: rebuild Firedrill/);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('is built under the name the serving code looks for', () => {
    expect(Object.keys(WORKER_ENTRY).map((name) => `${name}.js`)).toEqual([WORKER_FILE]);
  });

  it('from the sources: the test run\'s bundle, or the TypeScript entry through tsx', () => {
    const source = new URL('../../../host/service/work/worker-script.ts', import.meta.url).href;
    expect(workerScript(source, { FIREDRILL_WORKER_SCRIPT: '/x/firedrill-worker.js' })).toEqual({ url: pathToFileURL('/x/firedrill-worker.js') });
    const tsx = workerScript(source, {});
    expect(tsx.eval).toBe(true);
    expect(String(tsx.url)).toContain('tsx');
    expect(String(tsx.url)).toContain('worker.ts');
  });
});
