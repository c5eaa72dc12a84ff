import { parentPort } from 'node:worker_threads';
import { toWire } from './wire-error.js';
import type { TaskAnswer, TaskMap, TaskRequest } from './worker-pool.js';

/** The worker's side of the pool: runs each task asked for, one at a time, and answers it. */
export function serveTasks(tasks: TaskMap): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async (request: TaskRequest) => {
    let answer: TaskAnswer;
    try {
      const task = tasks[request.name] as ((...args: unknown[]) => unknown) | undefined;
      if (!task) throw new Error(`no task "${request.name}" in this worker`);
      answer = { id: request.id, ok: true, result: await task(...request.args) };
    } catch (error) {
      answer = { id: request.id, ok: false, error: toWire(error) };
    }
    // Bytes that own their whole buffer go across without a copy (a small Buffer shares Node's pool: copied).
    const result = answer.ok ? answer.result : undefined;
    const movable = result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength;
    port.postMessage(answer, movable ? [result.buffer as ArrayBuffer] : []);
  });
}
