import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatLocatedError } from '../../engine/validate/index.js';
import { playScript, ScriptStepRefused } from '../../engine/session/play-script.js';
import { journalText } from '../../engine/session/journal.js';
import type { Session } from '../../engine/session/session.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { scorecardText } from '../export/scorecard-text.js';
import { loadBundledLibrary } from '../library/load.js';
import { JournalProblem, journalScenario, journalWarnings, loadGivenFiles, readJournal, replayJournal } from '../library/journal-scenario.js';
import { resolveRun, ResolveError } from '../library/resolve.js';
import { dataDir } from '../storage/data-dir.js';
import { VersionStore } from '../storage/version-store.js';
import { cannotWrite, UsageError, type CliIo } from './io.js';

export type ScorecardFormat = 'json' | 'md';

export function parseFormat(value: string | undefined): ScorecardFormat {
  if (value === undefined || value === 'json' || value === 'md') return value ?? 'json';
  throw new UsageError(`--format must be json or md, not "${value}"`);
}

export function runCommand(scenarioArg: string, options: { plan?: string; script?: string; journal?: string; format: ScorecardFormat }, io: CliIo): number {
  if (!options.script) throw new UsageError('run needs --script (a response script file, or a script name such as exemplary)');
  let resolved;
  try {
    resolved = resolveRun({ scenario: scenarioArg, ...(options.plan ? { plan: options.plan } : {}), script: options.script }, io.cwd);
  } catch (error) {
    if (!(error instanceof ResolveError)) throw error;
    for (const located of error.errors) io.stderr(`${formatLocatedError(located)}\n`);
    io.stderr(`firedrill run: ${error.message}\n`);
    return 1;
  }
  const { scenario, plan, script } = resolved;
  let session: Session;
  try {
    session = playScript(plan.plan, scenario.scenario, script!.script);
  } catch (error) {
    if (!(error instanceof ScriptStepRefused)) throw error;
    const located = script!.source.error(['steps', error.stepIndex], `this step cannot be played: ${error.message}`);
    io.stderr(`${formatLocatedError(located)}\n`);
    return 1;
  }
  if (options.journal) {
    try {
      writeFileSync(resolve(io.cwd, options.journal), journalText(session.journal));
    } catch (error) {
      io.stderr(`firedrill run: ${cannotWrite(options.journal, error).message}\n`);
      return 1;
    }
  }
  io.stdout(scorecardText(scoreSession(session), options.format));
  return 0;
}

export function replayCommand(journalPath: string, options: { scenario?: string; plan?: string; dataDir?: string; format: ScorecardFormat }, io: CliIo): number {
  try {
    const journal = readJournal(journalPath, io.cwd);
    for (const warning of journalWarnings(journal)) io.stderr(`${warning}\n`);
    const given = loadGivenFiles([options.scenario, options.plan], io.cwd);
    // The versions kept in the data folder: a journal of an edited scenario replays against the version it used.
    const versions = new VersionStore(dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env }));
    const world = journalScenario(journal, [given, versions, () => loadBundledLibrary(io.cwd)]);
    io.stdout(scorecardText(scoreSession(replayJournal(journal, world)), options.format));
    return 0;
  } catch (error) {
    if (!(error instanceof JournalProblem)) throw error;
    for (const line of error.lines) io.stderr(`${error.kind === 'unreadable' ? 'firedrill replay: ' : ''}${line}\n`);
    return 1;
  }
}
