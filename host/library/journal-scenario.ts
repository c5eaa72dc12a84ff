import { resolve } from 'node:path';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { JournalEntry, SessionStarted } from '../../engine/session/journal.js';
import { integrityMessage, type JournalIntegrity } from '../../engine/session/journal-chain.js';
import { isNotAJournal, NOT_A_JOURNAL } from '../../engine/session/journal-reader.js';
import { JournalMismatch, Session } from '../../engine/session/session.js';
import { formatLocatedError, type Library } from '../../engine/validate/index.js';
import { readJournalFile } from '../storage/journal-file.js';
import type { VersionLookup } from '../storage/version-store.js';
import { contentHash } from '../../engine/session/hash.js';
import { loadPaths } from './load.js';

// From a journal file to its replayed session: read and parse the file, find the scenario and
// plan it was recorded with, replay. Shared by `replay`, `report`, `aar` and the drill history,
// so a journal that one of them accepts, all of them accept, with the same messages.

/** Why a journal cannot become a session. Each line is one message for a person, naming the file. */
export class JournalProblem extends Error {
  override name = 'JournalProblem';
  constructor(
    /** unreadable: the file; corrupt: its lines; edited: its hash chain breaks; empty; files: the --scenario/--plan files given; unknown: scenario or plan not found; mismatch: replay refused. */
    readonly kind: 'unreadable' | 'corrupt' | 'edited' | 'empty' | 'files' | 'unknown' | 'mismatch',
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }

  /** The problem on one line: the first message, and how many more there are. */
  get oneLine(): string {
    const more = this.lines.length - 1;
    return more > 0 ? `${this.lines[0]} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : this.lines[0]!;
  }
}

export interface JournalText {
  /** The path as the person gave it: messages name it so. */
  path: string;
  entries: JournalEntry[];
  started: SessionStarted;
  /** An incomplete last line (a crash mid-write), left out of the entries. */
  torn?: string;
  /** `verified` or `unverified` (written before entries were chained): an edited journal is a JournalProblem. */
  integrity: JournalIntegrity;
}

export const TORN_WARNING = 'the last line is incomplete (a crash while writing?) and was ignored';

/** What to tell on stderr about a journal that was read: a torn last line, an unchained journal. */
export function journalWarnings(journal: JournalText): string[] {
  const unverified = integrityMessage(journal.integrity, journal.path);
  return [...(journal.torn !== undefined ? [`${journal.path}: ${TORN_WARNING}`] : []), ...(unverified ? [unverified] : [])];
}

/**
 * Reads and parses a journal file, line by line; a missing file, a corrupt line, an edited
 * journal (its hash chain broken, located at its first altered line) or an empty journal is a
 * JournalProblem.
 */
export function readJournal(path: string, cwd: string): JournalText {
  let file;
  try {
    file = readJournalFile(resolve(cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new JournalProblem('unreadable', [`cannot read ${path}: ${reason}`]);
  }
  // A file of which no line is an entry is another kind of file: one line says so, not one per line.
  if (isNotAJournal(file)) throw new JournalProblem('corrupt', [`${path}: ${NOT_A_JOURNAL}`]);
  if (file.errors.length > 0) throw new JournalProblem('corrupt', file.errors.map((e) => `${path}:${e.line}: ${e.message}`));
  if (file.integrity.status === 'edited') throw new JournalProblem('edited', [integrityMessage(file.integrity, path)!]);
  const started = file.entries[0];
  if (!started || started.type !== 'session.started') throw new JournalProblem('empty', [`${path}: the journal is empty`]);
  return { path, entries: file.entries, started, integrity: file.integrity, ...(file.torn !== undefined ? { torn: file.torn } : {}) };
}

/** The scenario and plan files a person named (--scenario, --plan); their located errors are a JournalProblem. */
export function loadGivenFiles(paths: readonly (string | undefined)[], cwd: string): Library | undefined {
  const given = paths.filter((p): p is string => p !== undefined);
  if (given.length === 0) return undefined;
  const { library, errors } = loadPaths(given, cwd);
  if (errors.length > 0) throw new JournalProblem('files', errors.map(formatLocatedError));
  return library;
}

/** Where a journal's scenario and plan are looked for: a library (or a function giving one, called only when needed), or the kept versions. */
export type WorldSource = Library | undefined | (() => Library) | VersionLookup;

const isVersions = (source: WorldSource): source is VersionLookup => typeof source === 'object' && 'scenario' in source && typeof source.scenario === 'function';

/**
 * Finds the scenario and plan a journal was recorded with, in the sources given in order (the
 * files the person named first, then the kept versions, the user's and the bundled library).
 * A document counts when its content hash is the journal's; when none has it, the first one
 * with the id is taken, and its replay says what changed since.
 */
export function journalScenario(journal: Pick<JournalText, 'path' | 'started'>, sources: readonly WorldSource[]): { scenario: Scenario; plan: Plan } {
  const { started } = journal;
  let scenario: Scenario | undefined;
  let plan: Plan | undefined;
  let someScenario: Scenario | undefined;
  let somePlan: Plan | undefined;
  for (const entry of sources) {
    if (scenario && plan) break;
    if (entry !== undefined && isVersions(entry)) {
      scenario ??= entry.scenario(started.scenarioHash);
      plan ??= entry.plan(started.planHash);
      continue;
    }
    const library = typeof entry === 'function' ? entry() : entry;
    const foundScenario = library?.scenarios.get(started.scenarioId)?.scenario;
    const foundPlan = library?.plans.get(started.planId)?.plan;
    if (foundScenario && contentHash(foundScenario) === started.scenarioHash) scenario ??= foundScenario;
    if (foundPlan && contentHash(foundPlan) === started.planHash) plan ??= foundPlan;
    someScenario ??= foundScenario;
    somePlan ??= foundPlan;
  }
  scenario ??= someScenario;
  plan ??= somePlan;
  if (!scenario || !plan) {
    throw new JournalProblem('unknown', [
      `${journal.path}: the journal is of scenario "${started.scenarioId}" with plan "${started.planId}", ${!scenario ? 'a scenario' : 'a plan'} not in the library; give its file with --${!scenario ? 'scenario' : 'plan'}`,
    ]);
  }
  return { scenario, plan };
}

/** Replays the journal against its scenario and plan; a journal they refuse (changed since, out of order) is a JournalProblem. */
export function replayJournal(journal: JournalText, world: { scenario: Scenario; plan: Plan }): Session {
  try {
    return Session.replay(journal.entries, world.plan, world.scenario);
  } catch (error) {
    if (!(error instanceof JournalMismatch)) throw error;
    throw new JournalProblem('mismatch', [`${journal.path}: ${error.message}`]);
  }
}
