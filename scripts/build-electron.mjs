// Bundles the desktop shell: the main process to dist/electron/main.js (ESM, like the CLI,
// with the host and engine inside it) and its worker threads beside it, and the preload to ONE CommonJS file,
// dist/electron/preload.cjs, whose only require is 'electron' (a sandboxed preload can
// require nothing else). Electron itself is never bundled.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { nodeBundle, workerEntryPoints } from './node-bundle.mjs';
import { seedLibrary } from './library-seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Options shared with the preload test, which bundles it again to check its output. */
export const preloadOptions = {
  entryPoints: [`${root}electron/preload/preload.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
};

export async function buildElectron() {
  await Promise.all([
    build({
      ...preloadOptions,
      outfile: `${root}dist/electron/preload.cjs`,
    }),
    // The main process and its worker threads (dist/electron/firedrill-worker.js and simulation-worker.js, found beside main.js).
    build({
      entryPoints: { main: `${root}electron/main/main.ts`, ...workerEntryPoints(root) },
      outdir: `${root}dist/electron`,
      ...nodeBundle,
      target: 'node22',
      external: ['electron'],
      sourcemap: 'linked',
    }),
  ]);
  // The app's first start, like serve's, reads the bundled library validated at build time.
  await seedLibrary(`${root}dist/electron/firedrill-worker.js`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildElectron();
