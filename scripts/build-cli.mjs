// Bundles the command-line interface to dist/cli.js with its dependencies, each command in a
// chunk of its own (dist/chunks/) loaded when it runs: `firedrill validate` does not parse
// the PDF and chart libraries. The same bundle runs inside the packaged app.
import { build } from 'esbuild';
import { nodeBundle, WORKER_ENTRY } from './node-bundle.mjs';

await build({
  // The worker thread of `firedrill serve` is an entry of its own (dist/firedrill-worker.js).
  entryPoints: { cli: 'host/cli/bin.ts', ...WORKER_ENTRY },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  ...nodeBundle,
  sourcemap: 'linked',
});
