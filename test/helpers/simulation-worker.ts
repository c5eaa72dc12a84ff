// The simulation worker bundled from the sources for the tests, as scripts/build-cli.mjs bundles
// it for dist/: worker threads run JavaScript files, and dist/ may be older than the sources.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulationWorkerEntry } from '../../scripts/build-cli.mjs';
import { nodeBundle } from '../../scripts/node-bundle.mjs';

export async function bundleSimulationWorker(): Promise<{ file: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-simulation-worker-'));
  await build({ entryPoints: simulationWorkerEntry, outdir: dir, ...nodeBundle });
  return { file: join(dir, 'simulation-worker.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
