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
process.exit(result.status ?? 1);
