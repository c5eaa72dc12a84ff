// Bundles the command-line interface to dist/cli.js with its dependencies, each command in a
// chunk of its own (dist/chunks/) loaded when it runs: `firedrill validate` does not parse
// the PDF and chart libraries. The same bundle runs inside the packaged app. The simulation's
// worker thread is an entry of its own, dist/simulation-worker.js, found at run time beside it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { nodeBundle, WORKER_ENTRY } from './node-bundle.mjs';
import { seedLibrary } from './library-seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The simulation worker's entry: tests bundle it again with these options. */
export const simulationWorkerEntry = { 'simulation-worker': `${root}host/simulate/simulation-worker.ts` };

export async function buildCli() {
  await build({
    // The worker threads of `firedrill serve` (dist/firedrill-worker.js) and of simulations are entries of their own.
    entryPoints: { cli: `${root}host/cli/bin.ts`, ...simulationWorkerEntry, ...Object.fromEntries(Object.entries(WORKER_ENTRY).map(([name, entry]) => [name, `${root}${entry}`])) },
    outdir: `${root}dist`,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    ...nodeBundle,
    sourcemap: 'linked',
  });
  // The validated bundled library, so that serve's first start skips validating it.
  await seedLibrary(`${root}dist/firedrill-worker.js`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
