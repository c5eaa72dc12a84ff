// Vitest's global setup: the host's worker thread as a bundle, built once per run from the
// sources, as npm run build builds it beside the CLI. Loading the TypeScript sources in each
// worker through tsx takes seconds (the export libraries are hundreds of modules); the bundle
// loads in a fraction of one. The host finds it through FIREDRILL_WORKER_SCRIPT (worker-script.ts).
import { build } from 'esbuild';
import { join } from 'node:path';
import { nodeBundle, WORKER_ENTRY } from '../../scripts/node-bundle.mjs';

export default async function setup(): Promise<void> {
  const outdir = join(process.cwd(), 'dist', 'test-worker');
  await build({ entryPoints: WORKER_ENTRY, outdir, ...nodeBundle });
  process.env.FIREDRILL_WORKER_SCRIPT = join(outdir, 'firedrill-worker.js');
}
