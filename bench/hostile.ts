// The hostile inputs of issue 11 at their worst that Firedrill still accepts, and what they
// cost: the scorecard and after-action report PDFs of a drill whose texts are all unbroken words
// at their length limits, and validation of the longest trigger chain the inject limit allows
// (and the refusal of one ten times longer). Prints its figures; nothing is asserted.
import { performance } from 'node:perf_hooks';
import { COUNT_LIMITS, TEXT_LIMITS } from '../engine/format/limits.js';
import { scoreSession } from '../engine/scoring/score.js';
import { loadLibrary } from '../engine/validate/index.js';
import { exportAar } from '../host/export/aar-export.js';
import { exportScorecard } from '../host/export/scorecard-export.js';
import { miniText, miniWith, triggerChain } from '../test/helpers/hostile-inputs.js';
import { Session } from '../engine/session/session.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time(runs: number, body: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Observations in the worst drill: each one unbroken word at the observation limit. */
const OBSERVATIONS = 200;

export async function runHostileBench(print: (line: string) => void): Promise<void> {
  const word = (length: number, letter = 'A') => letter.repeat(length);
  const scenarioText = miniWith('scenario', (s) => {
    s.title = word(TEXT_LIMITS.title);
    s.summary = word(TEXT_LIMITS.body, 'S');
    for (const inject of s.injects) {
      inject.title = word(TEXT_LIMITS.title, 'T');
      inject.body = word(TEXT_LIMITS.body, 'B');
    }
  });
  const library = loadLibrary([{ file: 'mini.plan.yaml', text: miniText('plan') }, { file: 'worst.scenario.yaml', text: scenarioText }]);
  const errors = library.reports.flatMap((r) => r.errors);
  if (errors.length > 0) throw new Error(`the worst accepted scenario does not validate: ${errors[0]!.message}`);
  const { plan } = library.plans.get('mini')!;
  const { scenario } = library.scenarios.get('mini-leaked-key')!;

  const session = Session.start({ plan, scenario, sessionId: 'worst', mode: 'facilitated', speed: 1, wallTime: '2026-01-01T00:00:00.000Z' });
  for (let i = 0; i < OBSERVATIONS; i++) {
    session.record({ type: 'observation.noted', text: word(TEXT_LIMITS.note, String.fromCharCode(65 + (i % 26))), tag: i % 2 ? 'improvement' : 'strength' }, { simTime: i * 1000, wallTime: '2026-01-01T00:00:00.000Z', actor: 'facilitator' });
  }
  session.record({ type: 'session.ended' }, { wallTime: '2026-01-01T00:00:00.000Z', actor: 'facilitator' });
  const card = scoreSession(session);
  print(`worst accepted drill: every title ${TEXT_LIMITS.title} and body ${TEXT_LIMITS.body.toLocaleString('en')} characters of one unbroken word, ${OBSERVATIONS} observations of ${TEXT_LIMITS.note.toLocaleString('en')}`);

  let bytes = Buffer.alloc(0);
  const scorecardMs = await time(3, async () => (bytes = await exportScorecard(card, 'pdf', { paper: 'a4' })));
  print(`  scorecard PDF: ${scorecardMs.toFixed(0)} ms (${(bytes.length / 1e6).toFixed(2)} MB)`);
  const aarMs = await time(3, async () => (bytes = await exportAar([card], 'pdf', { paper: 'a4', name: word(TEXT_LIMITS.title, 'N'), pointOfContact: word(TEXT_LIMITS.title, 'P') })));
  print(`  after-action report PDF: ${aarMs.toFixed(0)} ms (${(bytes.length / 1e6).toFixed(2)} MB)`);

  const validate = (text: string) => loadLibrary([{ file: 'mini.plan.yaml', text: miniText('plan') }, { file: 'chain.scenario.yaml', text }]);
  const longest = triggerChain(COUNT_LIMITS.injects - 8);
  const chainMs = await time(3, () => validate(longest));
  print(`validation of the longest accepted trigger chain (${COUNT_LIMITS.injects.toLocaleString('en')} injects, ${(longest.length / 1e6).toFixed(2)} MB): ${chainMs.toFixed(0)} ms`);
  const refused = triggerChain(20_000);
  let message = '';
  const refusedMs = await time(3, () => (message = validate(refused).reports[1]!.errors[0]?.message ?? 'accepted'));
  print(`refusal of a 20,000-inject chain (${(refused.length / 1e6).toFixed(2)} MB): ${refusedMs.toFixed(0)} ms (${message})`);
}

await runHostileBench((line) => console.log(line));
