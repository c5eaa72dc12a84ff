// A worker for the pool's tests, speaking the pool's wire format (host/service/work/serve-tasks.ts):
// it doubles a number, refuses, crashes, or waits until told to go on.
import { parentPort } from 'node:worker_threads';

let release;
parentPort.on('message', async ({ id, name, args }) => {
  if (name === 'crash') process.exit(3);
  if (name === 'throw-uncaught') return setImmediate(() => { throw new Error('boom in the worker'); });
  if (name === 'refuse') return parentPort.postMessage({ id, ok: false, error: { kind: 'library', code: 'invalid-file', message: 'x.yaml has 1 error', errors: [{ file: 'x.yaml', line: 2, column: 1, path: 'id', message: 'missing' }] } });
  if (name === 'hold') await new Promise((resolve) => (release = resolve));
  if (name === 'go-on') release?.();
  parentPort.postMessage({ id, ok: true, result: name === 'double' ? args[0] * 2 : name });
});
