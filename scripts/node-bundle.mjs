// The esbuild options for an ESM bundle that runs under Node (the CLI, the benchmarks, the
// Electron main, the test CLI): one place for them, so every bundle loads the same way.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// The worker threads, each its own entry in every bundle that runs them, written beside it as
// <name>.js: the host's pool (validation, exports, history) and a simulation's runs. The code
// finds them there, one way for both (host/threads/worker-script.ts, WORKERS).
export const WORKER_ENTRIES = {
  'firedrill-worker': 'host/service/work/worker.ts',
  'simulation-worker': 'host/simulate/simulation-worker.ts',
};

/** WORKER_ENTRIES as esbuild entry points from the repository's root folder. */
export const workerEntryPoints = (root = '') => Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, entry]) => [name, `${root}${entry}`]));
