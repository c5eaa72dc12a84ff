import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerScript } from './worker-pool.js';

/** The worker's bundle, built beside every bundle that serves (scripts/node-bundle.mjs, WORKER_ENTRY). */
export const WORKER_FILE = 'firedrill-worker.js';

/**
 * Where the worker's script is. From a bundle (dist/cli.js and its chunks, dist/electron/main.js
 * in app.asar, the bench and test bundles) it is the worker bundle beside it. From the sources:
 * the bundle the test runner built (FIREDRILL_WORKER_SCRIPT, test/setup/build-worker.ts), or else
 * the TypeScript entry loaded through tsx, a dev dependency, in the worker (slower to start).
 */
export function workerScript(here = import.meta.url, env: NodeJS.ProcessEnv = process.env): WorkerScript {
  if (here.endsWith('.ts')) {
    if (env.FIREDRILL_WORKER_SCRIPT) return { url: pathToFileURL(env.FIREDRILL_WORKER_SCRIPT) };
    const entry = new URL('./worker.ts', here).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    return { url: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, eval: true };
  }
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  throw new Error(`the worker bundle ${WORKER_FILE} is missing beside ${fileURLToPath(here)}: rebuild Firedrill (npm run build)`);
}
