// Bundles the command-line interface to dist/cli.js with its dependencies, each command in a
// chunk of its own (dist/chunks/) loaded when it runs: `firedrill validate` does not parse
// the PDF and chart libraries. The same bundle runs inside the packaged app.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'host/cli/bin.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
