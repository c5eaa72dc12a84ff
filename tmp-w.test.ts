import { it } from 'vitest';
import { WorkerPool } from './host/service/work/worker-pool.js';
import { workerScript } from './host/service/work/worker-script.js';
import type { HostTasks } from './host/service/work/tasks.js';
it('t', async () => {
  const pool = new WorkerPool<HostTasks>({ size: 1, script: () => workerScript(new URL('./host/service/work/worker-script.ts', import.meta.url).href) });
  let t = performance.now();
  await pool.run('library.world', '/tmp/nonexist', 'public-test-bucket');
  console.log('first', performance.now() - t);
  t = performance.now();
  await pool.run('library.world', '/tmp/nonexist', 'public-test-bucket');
  console.log('second', performance.now() - t);
  t = performance.now();
  await pool.run('library.load', '/tmp/nonexist');
  console.log('load', performance.now() - t);
  await pool.close();
}, 60000);
