// npm run bench: bundles each benchmark and runs it under plain Node, printing its figures.
// `npm run bench -- ui` runs only the benchmarks whose title holds the words given.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { nodeBundle, workerEntryPoints } from './node-bundle.mjs';
import { buildCli } from './build-cli.mjs';

const benches = [
  ['engine', 'bench/engine.ts'], // replay, scripted drills, overhead against a bare XState actor
  ['export', 'bench/export.ts'], // the scorecard of a 10,000-entry session as PDF, HTML and CSV
  ['hostile inputs', 'bench/hostile.ts'], // the worst accepted texts as PDFs, the longest accepted trigger chain validated
  ['host: journal', 'bench/host-journal.ts'], // journal append throughput with fsync; listing and opening a 100 MB journal (time, peak RSS), on real files
  ['host: server', 'bench/server.ts', ['--expose-gc']], // RSS over 1,000 sessions; the worst import and PDF through the server, and another client's latency meanwhile
  ['simulation', 'bench/simulate.ts'], // 10,000 simulated drills on 1 and 2 worker threads, and memory as runs grow
  ['msel and packs', 'bench/msel-pack.ts'], // a 2,000-row MSEL imported from CSV and XLSX; an exercise pack exported and imported
  ['studio', 'bench/studio.ts'], // a form keystroke on the bundled plan, the live check after it, a preview
  ['host: LAN session', 'bench/lan.ts'], // 60 participants, 4 observers, a projector over the LAN listener at 600x: input ack p95, inject arrival p95, RSS, SIGKILL and restart
  ['ui: Chromium', 'bench/ui.ts'], // serve start to library interactive, initial JS gzipped, long tasks at 600x (needs dist: npm run prepare)
];

// The CLI and its workers from the sources (the UI bench serves dist/).
await buildCli();
// The worker threads (the host's, a simulation's) beside the benchmarks, where they find them as every bundle does.
await build({ entryPoints: workerEntryPoints(), outdir: 'dist/bench', ...nodeBundle });

const only = process.argv.slice(2).join(' ');
for (const [title, entry, nodeFlags = []] of benches.filter(([title]) => title.includes(only))) {
  const outfile = entry.replace(/^bench\//, 'dist/bench/').replace(/\.ts$/, '.js');
  await build({
    entryPoints: [entry],
    outfile,
    ...nodeBundle,
  });
  console.log(`== ${title}`);
  const result = spawnSync(process.execPath, [...nodeFlags, outfile], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
