// Bundles the command-line interface to dist/cli.js with its dependencies, each command in a
// chunk of its own (dist/chunks/) loaded when it runs: `firedrill validate` does not parse
// the PDF and chart libraries. The same bundle runs inside the packaged app. The worker threads
// (the host's, a simulation's) are entries of their own, found at run time beside it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { nodeBundle, workerEntryPoints } from './node-bundle.mjs';
import { seedLibrary } from './library-seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  await build({
    // The worker threads (dist/firedrill-worker.js, dist/simulation-worker.js) are entries of their own.
    entryPoints: { cli: `${root}host/cli/bin.ts`, ...workerEntryPoints(root) },
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
