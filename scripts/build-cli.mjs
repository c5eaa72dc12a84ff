// Bundles the command-line interface to dist/cli.js with its dependencies, each command in a
// chunk of its own (dist/chunks/) loaded when it runs: `firedrill validate` does not parse
// the PDF and chart libraries. The same bundle runs inside the packaged app. The worker threads
// (the host's, a simulation's) are entries of their own, found at run time beside it.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeBundle, workerEntryPoints } from './node-bundle.mjs';
import { seedLibrary } from './library-seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  const { metafile } = await build({
    // The worker threads (dist/firedrill-worker.js, dist/simulation-worker.js) are entries of their own.
    entryPoints: { cli: `${root}host/cli/bin.ts`, ...workerEntryPoints(root) },
    outdir: `${root}dist`,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    ...nodeBundle,
    sourcemap: 'linked',
    metafile: true,
  });
  // The chunks of earlier builds (their names carry a hash) would otherwise pile up, and be packaged.
  const written = new Set(Object.keys(metafile.outputs).map((output) => output.split('/').pop()));
  for (const file of readdirSync(`${root}dist/chunks`)) if (!written.has(file)) rmSync(`${root}dist/chunks/${file}`);
  // The validated bundled library, so that serve's first start skips validating it.
  await seedLibrary(`${root}dist/firedrill-worker.js`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
