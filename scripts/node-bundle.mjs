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

// The host's worker thread (validation, exports, history: host/service/work/worker.ts), its own
// entry in every bundle that serves, written beside it as firedrill-worker.js: the serving code
// finds it there (host/service/work/worker-script.ts, WORKER_FILE).
export const WORKER_ENTRY = { 'firedrill-worker': 'host/service/work/worker.ts' };
