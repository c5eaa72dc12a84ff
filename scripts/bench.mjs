// npm run bench: bundles each benchmark and runs it under plain Node, printing its figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { nodeBundle } from './node-bundle.mjs';

const benches = [
  ['engine', 'bench/engine.ts'], // replay, scripted drills, overhead against a bare XState actor
  ['export', 'bench/export.ts'], // the scorecard of a 10,000-entry session as PDF, HTML and CSV
  ['host: journal', 'bench/host-journal.ts'], // journal append throughput with fsync, on real files
  ['msel and packs', 'bench/msel-pack.ts'], // a 2,000-row MSEL imported from CSV and XLSX; an exercise pack exported and imported
  ['ui: Chromium', 'bench/ui.ts'], // serve start to library interactive, initial JS gzipped, long tasks at 600x (needs dist: npm run prepare)
];

for (const [title, entry] of benches) {
  const outfile = entry.replace(/^bench\//, 'dist/bench/').replace(/\.ts$/, '.js');
  await build({
    entryPoints: [entry],
    outfile,
    ...nodeBundle,
  });
  console.log(`== ${title}`);
  const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
