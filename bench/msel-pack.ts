// MSEL and pack benchmarks: importing a 2,000-row MSEL (CSV and XLSX) to a validated draft
// scenario, exporting one, and exporting and importing an exercise pack of many sessions.
// Prints its figures; nothing is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MSEL_EXPORT_COLUMNS, type MselTable } from '../engine/msel/export-msel.js';
import { CHANNEL_LABELS } from '../engine/msel/match-plan.js';
import { formatTPlus } from '../engine/msel/msel-time.js';
import { journalText } from '../engine/session/journal.js';
import { playScript } from '../engine/session/play-script.js';
import { loadBundledForHost } from '../host/library/user-library.js';
import { importMselFile } from '../host/msel/import-file.js';
import { exportMsel, mselCsv, mselXlsx } from '../host/msel/write-msel.js';
import { exportExercisePack } from '../host/pack/pack-export.js';
import { importPack } from '../host/pack/pack-import.js';
import { SessionStore } from '../host/storage/session-store.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time<T>(runs: number, body: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await body();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

const ROWS = 2_000;
const SESSIONS = 40;

export async function runMselPackBench(print: (line: string) => void): Promise<void> {
  const bundled = loadBundledForHost();
  const scenario = bundled.scenarios.get('public-test-bucket')!.scenario;
  const plan = bundled.plans.get(scenario.plan)!.plan;

  // A 2,000-row MSEL in Firedrill's columns: the bundled scenario's injects over and over, one every two minutes.
  const roleTitle = new Map(plan.roles.map((role) => [role.id, role.title]));
  const actionTitle = new Map(plan.actions.map((action) => [action.id, action.title]));
  const column = new Map(MSEL_EXPORT_COLUMNS.map((c, i) => [c.header, i]));
  const table: MselTable = {
    columns: MSEL_EXPORT_COLUMNS,
    rows: Array.from({ length: ROWS }, (_, i) => {
      const inject = scenario.injects[i % scenario.injects.length]!;
      const row = MSEL_EXPORT_COLUMNS.map(() => '');
      const set = (header: string, value: string) => (row[column.get(header)!] = value);
      set('Event #', `INJ-${String(i + 1).padStart(4, '0')}`);
      set('Scenario Time', formatTPlus(i * 120_000));
      set('Event Type', 'Inject');
      set('Inject Mode', CHANNEL_LABELS[inject.channel]);
      set('From', inject.from ?? '');
      set('To', inject.to.map((role) => roleTitle.get(role)!).join('; '));
      set('Title', inject.title);
      set('Message', inject.body);
      set('Expected Participant Response', inject.expects.map((action) => actionTitle.get(action)!).join('; '));
      set('Notes', inject.facilitatorNotes ?? '');
      return row;
    }),
  };
  for (const format of ['csv', 'xlsx'] as const) {
    const bytes = format === 'csv' ? mselCsv(table) : await mselXlsx(table, scenario);
    const { ms, result } = await time(3, () => importMselFile({ file: `bench.${format}`, bytes, plan, scenarioId: 'bench-msel' }));
    const outcome = result.draft ? `a draft of ${result.draft.scenario.injects.length} injects, ${(result.draft.yaml.length / 1e6).toFixed(2)} MB of YAML, validated` : `${result.errors.length} errors`;
    print(`MSEL import of ${ROWS.toLocaleString('en')} rows from ${format.toUpperCase()} (${(bytes.length / 1e6).toFixed(2)} MB): ${ms.toFixed(0)} ms (${outcome})`);
  }
  for (const format of ['xlsx', 'csv', 'pdf'] as const) {
    const { ms, result } = await time(3, () => exportMsel(scenario, plan, format));
    print(`MSEL export of ${scenario.id} (${scenario.injects.length} injects) as ${format.toUpperCase()}: ${ms.toFixed(1)} ms (${(result.length / 1e3).toFixed(0)} kB)`);
  }

  // An exercise pack: the scenario, its plan and scripts, and 40 sessions played from its scripts.
  const root = mkdtempSync(join(tmpdir(), 'firedrill-bench-pack-'));
  try {
    const store = new SessionStore(join(root, 'source'));
    const scripts = [...bundled.scripts.get(scenario.id)!.values()];
    for (let i = 0; i < SESSIONS; i++) {
      const session = playScript(plan, scenario, scripts[i % scripts.length]!.script, { sessionId: `bench-${i}` });
      store.import(`bench-${i}.jsonl`, journalText(session.journal), () => ({ scenario, plan }), new Date(0).toISOString());
    }
    const exported = await time(3, () => exportExercisePack(join(root, 'source'), bundled, scenario.id));
    const pack = exported.result;
    print(`pack export of an exercise (${pack.sessions.length} sessions, ${pack.manifest.entries.length} files): ${exported.ms.toFixed(0)} ms (${(pack.bytes.length / 1e3).toFixed(0)} kB)`);
    let n = 0;
    const imported = await time(3, () => importPack(join(root, `fresh-${n++}`), bundled, 'bench.firedrill', pack.bytes, { wallTime: new Date(0).toISOString() }));
    print(`pack import of it on a fresh data folder (every hash, document and journal checked, then written): ${imported.ms.toFixed(0)} ms (${imported.result.written.sessions.length} sessions)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await runMselPackBench((line) => console.log(line));
