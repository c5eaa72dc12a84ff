// Bundles the command-line interface to dist/cli.js: one ESM file with its dependencies,
// so `npx firedrill` starts fast and the same bundle runs inside the packaged app.
import { build } from 'esbuild';

await build({
  entryPoints: ['host/cli/bin.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
