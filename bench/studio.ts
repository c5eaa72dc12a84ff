// Studio benchmarks: what one keystroke in a form costs on the largest bundled documents (the
// edit spliced into the YAML, or the Document printed whole for a new list item), the live check
// the page runs after it, and a preview played to its scorecard. Prints its figures; nothing is asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDraft } from '../engine/studio/check-draft.js';
import { editDraftText } from '../engine/studio/draft-edit.js';
import { previewDraft } from '../engine/studio/preview.js';
import { bundledScenariosDir } from '../host/library/bundled.js';
import { loadBundledForHost } from '../host/library/user-library.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function time<T>(runs: number, body: (run: number) => T): { ms: number; result: T } {
  const samples: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = body(run);
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

const bundled = loadBundledForHost();
const plan = bundled.plans.get('cloud-cirp')!.plan;
const planText = readFileSync(join(bundledScenariosDir(), 'plans', 'cloud-cirp.plan.yaml'), 'utf8');
// The largest bundled scenario, by the length of its file.
const largest = [...bundled.scenarios.values()].map((loaded) => ({ loaded, text: readFileSync(join(bundledScenariosDir(), loaded.file), 'utf8') })).sort((a, b) => b.text.length - a.text.length)[0]!;
const lines = (text: string) => text.split('\n').length.toLocaleString('en');

// Each keystroke gives a new text: the edit reads the text the previous one made.
let text = planText;
const splice = time(50, (run) => (text = editDraftText(text, { op: 'set', path: ['roles', 0, 'title'], value: `Incident Lead ${run}` })));
console.log(`form keystroke on the bundled plan (${lines(planText)} lines), spliced in place: ${splice.ms.toFixed(1)} ms`);
const insert = time(20, (run) => editDraftText(planText, { op: 'insert', path: ['actions'], value: { id: `new-action-${run}`, title: 'New action', roles: ['incident-commander'], phase: 'post-incident', function: 'govern', duration: '15m' } }));
console.log(`an action added to it (the Document printed whole): ${insert.ms.toFixed(1)} ms`);
const planCheck = time(10, () => checkDraft('draft.plan.yaml', text));
console.log(`live check of the plan (firedrill validate's loader): ${planCheck.ms.toFixed(0)} ms, ${planCheck.result.errors.length} errors`);
const scenarioCheck = time(10, () => checkDraft('draft.scenario.yaml', largest.text, { plans: [plan] }));
console.log(`live check of the largest bundled scenario (${largest.loaded.scenario.id}, ${lines(largest.text)} lines): ${scenarioCheck.ms.toFixed(0)} ms, ${scenarioCheck.result.errors.length} errors`);
const preview = time(10, () => previewDraft(plan, largest.loaded.scenario, 'expected'));
console.log(`preview of it with the expected team, to its scorecard: ${preview.ms.toFixed(0)} ms (${preview.result.events.length} events, score ${preview.result.scorecard.overallScore})`);
