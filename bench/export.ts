// Export benchmarks: the scorecard of a 10,000-entry session written as PDF and as HTML (and
// CSV, for scale). Prints its figures; nothing is asserted.
import { performance } from 'node:perf_hooks';
import { Session } from '../engine/session/session.js';
import { scoreSession } from '../engine/scoring/score.js';
import { loadBundledLibrary } from '../host/library/load.js';
import { exportScorecard } from '../host/export/scorecard-export.js';
import { longJournal } from './engine.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time(runs: number, body: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function runExportBench(print: (line: string) => void): Promise<void> {
  const library = loadBundledLibrary();
  const { scenario } = [...library.scenarios.values()].sort((a, b) => b.scenario.injects.length - a.scenario.injects.length)[0]!;
  const plan = library.plans.get(scenario.plan)!.plan;
  const journal = longJournal(plan, scenario, 10_000);
  const card = scoreSession(Session.replay(journal, plan, scenario));
  print(`session: ${journal.length} journal entries of ${scenario.id}; scorecard timeline ${card.timeline.length} rows`);

  for (const format of ['pdf', 'html', 'csv'] as const) {
    let bytes = Buffer.alloc(0);
    const ms = await time(format === 'pdf' ? 3 : 5, async () => {
      bytes = await exportScorecard(card, format, { paper: 'a4' });
    });
    const pages = format === 'pdf' ? `, ${bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? '?'} pages` : '';
    print(`export of the 10,000-entry session to ${format.toUpperCase()}: ${ms.toFixed(0)} ms (${(bytes.length / 1e6).toFixed(2)} MB${pages})`);
  }
}

await runExportBench((line) => console.log(line));
