// npm run bench: bundles the benchmarks and runs them under plain Node, printing their figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/engine.ts'],
  outfile: 'dist/bench/engine.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log('== engine');
const result = spawnSync(process.execPath, ['dist/bench/engine.js'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// Exports: the scorecard of a 10,000-entry session as PDF and HTML.
await build({
  entryPoints: ['bench/export.ts'],
  outfile: 'dist/bench/export.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log('== export');
const exportResult = spawnSync(process.execPath, ['dist/bench/export.js'], { stdio: 'inherit' });
if (exportResult.status !== 0) process.exit(exportResult.status ?? 1);

// Host: journal append throughput with fsync, on real files.
await build({
  entryPoints: ['bench/host-journal.ts'],
  outfile: 'dist/bench/host-journal.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log('== host: journal');
const journalResult = spawnSync(process.execPath, ['dist/bench/host-journal.js'], { stdio: 'inherit' });
process.exit(journalResult.status ?? 1);
