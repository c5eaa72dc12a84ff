import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ResponseModel } from '../../engine/format/model.js';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { ResponseScript } from '../../engine/format/script.js';
import { PAPER_SIZES, type PaperSize } from '../../engine/report/export-formats.js';
import { MAX_SEED } from '../../engine/stats/random.js';
import { formatLocatedError } from '../../engine/validate/index.js';
import { loadModel } from '../../engine/validate/load-model.js';
import { SIMULATION_FORMATS, simulationReportText, type SimulationFormat } from '../export/simulation-export.js';
import { resolveRun, ResolveError } from '../library/resolve.js';
import { runSimulation } from '../simulate/run-simulation.js';
import { ExportInputError, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';
import { writeExport } from './report.js';

export interface SimulateOptions {
  plan?: string;
  script?: string;
  model?: string;
  compare?: string;
  runs?: string;
  seed?: string;
  workers?: string;
  format?: string;
  paper?: string;
  out?: string;
}

/** The most runs one simulation plays: a million drills is far past any question's need. */
export const MAX_RUNS = 1_000_000;

const wholeNumber = (flag: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not "${value}"`);
  return n;
};

/** Why --out cannot be written, found before the runs are played rather than after: undefined when it can be tried. */
function outProblem(out: string, io: CliIo): string | undefined {
  const path = resolve(io.cwd, out);
  const folder = statSync(dirname(path), { throwIfNoEntry: false });
  if (!folder) return `cannot write ${out}: no such folder`;
  if (!folder.isDirectory()) return `cannot write ${out}: ${dirname(out)} is not a folder`;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return `cannot write ${out}: it is a folder`;
  return undefined;
}

/** A model file read and checked against the scenario: null with its errors printed when it does not validate. */
function modelFile(path: string, scenario: Scenario, plan: Plan, script: ResponseScript, io: CliIo): ResponseModel | null {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder, not a model file' : code === 'EACCES' ? ': permission denied' : code ? ` (${code})` : '';
    io.stderr(`firedrill simulate: cannot read ${path}${why}\n`);
    return null;
  }
  const loaded = loadModel({ file: path, text }, scenario, plan, script);
  if (loaded.ok) {
    for (const note of loaded.notes) io.stderr(`${formatLocatedError({ ...note, message: `warning: ${note.message}` })}\n`);
    return loaded.model;
  }
  for (const error of loaded.errors) io.stderr(`${formatLocatedError(error)}\n`);
  return null;
}

export async function simulateCommand(scenarioArg: string, options: SimulateOptions, io: CliIo): Promise<number> {
  const runs = wholeNumber('runs', options.runs, 1, MAX_RUNS);
  if (runs === undefined) throw new UsageError('simulate needs --runs N (how many drills to simulate)');
  const seed = wholeNumber('seed', options.seed, 0, MAX_SEED);
  if (seed === undefined) throw new UsageError('simulate needs --seed S (the same seed gives the same result)');
  const workers = wholeNumber('workers', options.workers, 1, 64);
  const format = options.format ?? 'json';
  if (!(SIMULATION_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be json, md or html, not "${format}"`);
  // The HTML's page size when printed, as the app's Stress test saves it (export.simulation).
  const paper = (options.paper ?? 'a4').toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper)) throw new UsageError(`--paper must be a4 or letter, not "${options.paper}"`);

  let resolved;
  try {
    resolved = resolveRun({ scenario: scenarioArg, ...(options.plan ? { plan: options.plan } : {}), script: options.script ?? 'exemplary' }, io.cwd);
  } catch (error) {
    if (!(error instanceof ResolveError)) throw error;
    for (const located of error.errors) io.stderr(`${formatLocatedError(located)}\n`);
    const noExemplary = !options.script && error.message.startsWith('no response script');
    io.stderr(`firedrill simulate: ${error.message}${noExemplary ? ' (the simulated team follows the exemplary script: give another with --script)' : ''}\n`);
    return 1;
  }
  const unwritable = options.out === undefined ? undefined : outProblem(options.out, io);
  if (unwritable) {
    io.stderr(`firedrill simulate: ${unwritable}\n`);
    return 1;
  }
  const { scenario, plan, script } = resolved;
  const model = options.model ? modelFile(options.model, scenario.scenario, plan.plan, script!.script, io) : undefined;
  const compared = options.compare ? modelFile(options.compare, scenario.scenario, plan.plan, script!.script, io) : undefined;
  if (model === null || compared === null) return 1;

  const progress = progressBar(`simulating ${scenario.scenario.id}`, runs * (compared ? 2 : 1));
  let report;
  try {
    report = await runSimulation(
      { plan: plan.plan, scenario: scenario.scenario, script: script!.script, runs, seed, ...(model ? { model, modelName: options.model! } : {}) },
      {
        ...(workers ? { workers } : {}),
        ...(compared ? { compare: { model: compared, modelName: options.compare! } } : {}),
        onProgress: ({ done }) => progress.update(done),
      },
    );
  } finally {
    progress.stop();
  }
  const text = simulationReportText(report, format as SimulationFormat, paper as PaperSize);
  try {
    writeExport('firedrill simulate', Buffer.from(text), format, options.out, io);
  } catch (error) {
    if (!(error instanceof ExportInputError)) throw error;
    io.stderr(`firedrill simulate: ${error.message}\n`);
    return 1;
  }
  return 0;
}
