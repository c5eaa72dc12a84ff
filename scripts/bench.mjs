// npm run bench: bundles each benchmark and runs it under plain Node, printing its figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const benches = [
  ['engine', 'bench/engine.ts'], // replay, scripted drills, overhead against a bare XState actor
  ['export', 'bench/export.ts'], // the scorecard of a 10,000-entry session as PDF, HTML and CSV
  ['host: journal', 'bench/host-journal.ts'], // journal append throughput with fsync, on real files
];

for (const [title, entry] of benches) {
  const outfile = entry.replace(/^bench\//, 'dist/bench/').replace(/\.ts$/, '.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  console.log(`== ${title}`);
  const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
