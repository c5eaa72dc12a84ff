import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreSession } from '../../engine/scoring/score.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import type { Library } from '../../engine/validate/index.js';
import { PAPER_SIZES, SCORECARD_FORMATS, type PaperSize, type ScorecardExportFormat } from '../../engine/report/export-formats.js';
import { exportScorecard } from '../export/scorecard-export.js';
import { JournalProblem, journalScenario, journalWarnings, loadGivenFiles, readJournal, replayJournal, type WorldSource } from '../library/journal-scenario.js';
import { loadBundledLibrary } from '../library/load.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataDir } from '../storage/data-dir.js';
import { VersionStore } from '../storage/version-store.js';
import { cannotWrite, ExportInputError, type CliIo } from './io.js';

export interface ExportOptions {
  format?: string;
  out?: string;
  paper?: string;
  scenario?: string;
  plan?: string;
  dataDir?: string;
}

/** The format asked for, checked against the formats the command writes. */
export function checkFormat<F extends string>(command: string, value: string | undefined, formats: readonly F[]): F {
  const list = `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`;
  if (value === undefined) throw new ExportInputError(`${command} needs --format (${list})`);
  if (!(formats as readonly string[]).includes(value)) throw new ExportInputError(`unknown format "${value}": use ${list}`);
  return value as F;
}

export function checkPaper(value: string | undefined): PaperSize {
  if (value === undefined) return 'a4';
  const paper = value.toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper)) throw new ExportInputError(`unknown paper size "${value}": use a4 or letter`);
  return paper as PaperSize;
}

const BINARY = new Set(['pdf', 'docx']);

/** Writes an export to --out, or prints a text format; a PDF or DOCX needs a file. */
export function writeExport(command: string, bytes: Buffer, format: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) {
    if (BINARY.has(format)) throw new ExportInputError(`--format ${format} writes a file: give it with --out`);
    io.stdout(bytes.toString('utf8'));
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, out), bytes);
  } catch (error) {
    throw cannotWrite(out, error);
  }
  io.stderr(`${command}: wrote ${out} (${format}, ${bytes.length.toLocaleString('en')} bytes)\n`);
}

/**
 * Where journals find their scenario and plan: the files given with --scenario and --plan,
 * then the versions kept in the data folder (the very ones the sessions used), then the
 * bundled library, then the user's library in the data folder (read only if needed).
 */
export function scenarioSources(options: ExportOptions, io: CliIo): WorldSource[] {
  const given = loadGivenFiles([options.scenario, options.plan], io.cwd);
  const root = dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env });
  let bundled: Library | undefined;
  const bundledLibrary = () => (bundled ??= loadBundledLibrary(io.cwd));
  let combined: Library | undefined;
  // Read once, however many journals of the user's own scenarios ask for it.
  const combinedLibrary = () => (combined ??= loadCombinedLibrary(root, bundledLibrary()).library);
  return [given, new VersionStore(root), bundledLibrary, combinedLibrary];
}

/** The scorecard of one journal file. A torn last line is reported and left out; an unchained journal is reported. */
export function scorecardOfJournal(path: string, sources: ReturnType<typeof scenarioSources>, io: CliIo): Scorecard {
  const journal = readJournal(path, io.cwd);
  for (const warning of journalWarnings(journal)) io.stderr(`${warning}\n`);
  return scoreSession(replayJournal(journal, journalScenario(journal, sources)));
}

/** Reports an export command's failure as one line; other errors are bugs and go up. */
export function exportFailure(command: string, error: unknown, io: CliIo): number {
  if (error instanceof JournalProblem) io.stderr(`${error.kind === 'unreadable' ? `${command}: ` : ''}${error.oneLine}\n`);
  else if (error instanceof ExportInputError) io.stderr(`${command}: ${error.message}\n`);
  else throw error;
  return 1;
}

export async function reportCommand(journalPath: string, options: ExportOptions, io: CliIo): Promise<number> {
  const command = 'firedrill report';
  try {
    const format = checkFormat<ScorecardExportFormat>('report', options.format, SCORECARD_FORMATS);
    const paper = checkPaper(options.paper);
    const card = scorecardOfJournal(journalPath, scenarioSources(options, io), io);
    writeExport(command, await exportScorecard(card, format, { paper }), format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
