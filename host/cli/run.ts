import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatLocatedError } from '../../engine/validate/index.js';
import { playScript, ScriptStepRefused } from '../../engine/session/play-script.js';
import { parseJournal, serializeEntry, type SessionStarted } from '../../engine/session/journal.js';
import { JournalMismatch, Session } from '../../engine/session/session.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { scorecardToMarkdown } from '../../engine/report/markdown.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { loadBundledLibrary, loadPaths } from '../library/load.js';
import { resolveRun, ResolveError } from '../library/resolve.js';
import { UsageError, type CliIo } from './io.js';

export const runUsage = 'firedrill run <scenario> [--plan P] --script S [--journal out.jsonl] [--format json|md]   play a response script and print the scorecard';
export const replayUsage = 'firedrill replay <journal.jsonl> [--scenario F] [--plan F] [--format json|md]             rebuild the scorecard from a journal';

export type ScorecardFormat = 'json' | 'md';

export function parseFormat(value: string | undefined): ScorecardFormat {
  if (value === undefined || value === 'json' || value === 'md') return value ?? 'json';
  throw new UsageError(`--format must be json or md, not "${value}"`);
}

/** The printed scorecard: the same bytes for the same journal, whichever way it was made. */
export function renderScorecard(card: Scorecard, format: ScorecardFormat): string {
  return format === 'json' ? `${JSON.stringify(card, null, 2)}\n` : `${scorecardToMarkdown(card)}\n`;
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
  if (options.journal) writeFileSync(resolve(io.cwd, options.journal), session.journal.map((e) => `${serializeEntry(e)}\n`).join(''));
  io.stdout(renderScorecard(scoreSession(session), options.format));
  return 0;
}

export function replayCommand(journalPath: string, options: { scenario?: string; plan?: string; format: ScorecardFormat }, io: CliIo): number {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, journalPath), 'utf8');
  } catch (error) {
    io.stderr(`firedrill replay: cannot read ${journalPath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
    return 1;
  }
  const { entries, errors, torn } = parseJournal(text);
  if (errors.length > 0) {
    for (const e of errors) io.stderr(`${journalPath}:${e.line}: ${e.message}\n`);
    return 1;
  }
  if (torn !== undefined) io.stderr(`${journalPath}: the last line is incomplete (a crash while writing?) and was ignored\n`);
  const started = entries[0] as SessionStarted | undefined;
  if (!started) {
    io.stderr(`${journalPath}: the journal is empty\n`);
    return 1;
  }
  const given = loadPaths([options.scenario, options.plan].filter((p): p is string => p !== undefined), io.cwd);
  if (given.errors.length > 0) {
    for (const located of given.errors) io.stderr(`${formatLocatedError(located)}\n`);
    return 1;
  }
  const bundled = loadBundledLibrary(io.cwd);
  const scenario = (given.library.scenarios.get(started.scenarioId) ?? bundled.scenarios.get(started.scenarioId))?.scenario;
  const plan = (given.library.plans.get(started.planId) ?? bundled.plans.get(started.planId))?.plan;
  if (!scenario || !plan) {
    io.stderr(`${journalPath}: the journal is of scenario "${started.scenarioId}" with plan "${started.planId}", ${!scenario ? 'a scenario' : 'a plan'} not in the library; give its file with --${!scenario ? 'scenario' : 'plan'}\n`);
    return 1;
  }
  try {
    io.stdout(renderScorecard(scoreSession(Session.replay(entries, plan, scenario)), options.format));
    return 0;
  } catch (error) {
    if (!(error instanceof JournalMismatch)) throw error;
    io.stderr(`${journalPath}: ${error.message}\n`);
    return 1;
  }
}
