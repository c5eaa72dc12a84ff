// Vitest's global setup: the worker threads (the host's pool, a simulation's) as bundles, built
// once per run from the sources, as npm run build builds them beside the CLI. Loading the
// TypeScript sources in each worker through tsx takes seconds (the export libraries are hundreds
// of modules); a bundle loads in a fraction of one. The code run from the sources finds them
// through FIREDRILL_WORKER_DIR (host/threads/worker-script.ts).
import { build } from 'esbuild';
import { join } from 'node:path';
import { nodeBundle, workerEntryPoints } from '../../scripts/node-bundle.mjs';
import { WORKER_DIR_VARIABLE } from '../../host/threads/worker-script.js';

export default async function setup(): Promise<void> {
  const outdir = join(process.cwd(), 'dist', 'test-worker');
  await build({ entryPoints: workerEntryPoints(), outdir, ...nodeBundle });
  process.env[WORKER_DIR_VARIABLE] = outdir;
}
