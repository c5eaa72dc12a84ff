import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// One way to find a worker thread's script, for every kind of worker: the host's pool
// (validation, exports, history) and a simulation's. Every bundle that runs them (the CLI and its
// chunks, the Electron main in app.asar, the bench's) has the worker bundles written beside it by
// scripts/node-bundle.mjs (WORKER_ENTRIES), each as <name>.js.

/** The worker threads Firedrill runs, by the name of their bundle (scripts/node-bundle.mjs WORKER_ENTRIES). */
export const WORKERS = {
  /** The host's pool: host/service/work/worker.ts. */
  host: 'firedrill-worker',
  /** A simulation's runs: host/simulate/simulation-worker.ts. */
  simulation: 'simulation-worker',
} as const;
export type WorkerName = (typeof WORKERS)[keyof typeof WORKERS];

/** The TypeScript entry of each worker, relative to this file: what the sources run through tsx. */
const SOURCE_ENTRIES: Record<WorkerName, string> = {
  'firedrill-worker': '../service/work/worker.ts',
  'simulation-worker': '../simulate/simulation-worker.ts',
};

/** The folder the test runner built the worker bundles into (test/setup/build-worker.ts). */
export const WORKER_DIR_VARIABLE = 'FIREDRILL_WORKER_DIR';

/** The script a worker runs: a file, or (from the sources, without built workers) code that loads the TypeScript entry. */
export interface WorkerScript {
  url: URL | string;
  eval?: boolean;
}

/**
 * Where a worker's script is. From a bundle it is <name>.js beside it (or one folder up: the
 * CLI's chunks sit in dist/chunks/). From the sources (`here` ends in .ts: vitest, tsx): the
 * bundles in FIREDRILL_WORKER_DIR when set, else the TypeScript entry loaded through tsx, a dev
 * dependency, in the worker (slower to start).
 */
export function workerScript(name: WorkerName, here = import.meta.url, env: NodeJS.ProcessEnv = process.env): WorkerScript {
  const file = `${name}.js`;
  if (here.endsWith('.ts')) {
    const dir = env[WORKER_DIR_VARIABLE];
    if (dir) return { url: pathToFileURL(`${dir.replace(/[\\/]+$/, '')}/${file}`) };
    const entry = new URL(SOURCE_ENTRIES[name], here).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    return { url: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, eval: true };
  }
  for (const relative of [`./${file}`, `../${file}`]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  throw new Error(`the worker bundle ${file} is missing beside ${fileURLToPath(here)}: rebuild Firedrill (npm run build)`);
}
