import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { drillOf, type Drill } from '../../engine/report/drill-history.js';
import { scoreSession } from '../../engine/scoring/score.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import type { Library } from '../../engine/validate/index.js';
import { JournalProblem, journalScenario, readJournal, replayJournal } from '../library/journal-scenario.js';
import { dataPaths } from '../storage/data-dir.js';
import { VersionStore, type VersionLookup } from '../storage/version-store.js';

// The drills of a data folder: every ended session in sessions/ and sessions/archive/, replayed
// and scored. A session that cannot be read (a corrupt journal, a scenario no longer in the
// library) is skipped with its reason; one bad file never stops the history.

export interface SessionFile {
  path: string;
  archived: boolean;
  /** The plan and scenario versions of the session's data folder: a drill replays against the ones it used. */
  versions?: VersionLookup;
}

export interface SkippedSession {
  file: string;
  reason: string;
}

export interface CollectedDrills {
  drills: Drill[];
  /** The scorecard of each drill, in the same order (what the coverage map reads). */
  cards: Scorecard[];
  /** Sessions that could not be read, and why: to warn about. */
  skipped: SkippedSession[];
  /** Sessions still running (not ended): not drills yet, and nothing wrong with them. */
  running: string[];
  /** Drills whose journals were written before entries were chained: counted, but their integrity cannot be checked. */
  unverified: string[];
  /** The scenario each drill played (by session id): the version it used, which may since have been edited or removed. */
  played: Map<string, Scenario>;
}

/** The session journals of a data folder, active then archived, in name order, with the folder's kept versions. */
export function sessionFiles(root: string): SessionFile[] {
  const paths = dataPaths(root);
  const versions = new VersionStore(root);
  return ([[paths.sessions, false], [paths.archive, true]] as const).flatMap(([dir, archived]) =>
    existsSync(dir)
      ? readdirSync(dir).filter((name) => name.endsWith('.jsonl') && !name.startsWith('.')).sort().map((name) => ({ path: join(dir, name), archived, versions }))
      : []);
}

export function collectDrills(
  files: readonly SessionFile[],
  libraries: readonly (Library | (() => Library))[],
  options: { plan?: string; scenario?: string; onSession?: (file: SessionFile) => void } = {},
): CollectedDrills {
  const result: CollectedDrills = { drills: [], cards: [], skipped: [], running: [], unverified: [], played: new Map() };
  for (const file of files) {
    try {
      const journal = readJournal(file.path, '/');
      // Sessions of other plans or scenarios are left out before the (costlier) replay.
      if (options.plan !== undefined && journal.started.planId !== options.plan) continue;
      if (options.scenario !== undefined && journal.started.scenarioId !== options.scenario) continue;
      const world = journalScenario(journal, [file.versions, ...libraries]);
      const session = replayJournal(journal, world);
      if (!session.context.ended) {
        result.running.push(file.path);
        continue;
      }
      const card = scoreSession(session);
      result.cards.push(card);
      result.played.set(card.sessionId, world.scenario);
      result.drills.push(drillOf(card, { file: file.path, archived: file.archived }));
      if (journal.integrity.status === 'unverified') result.unverified.push(file.path);
    } catch (error) {
      // Anything a journal can do wrong is reported for that journal alone.
      result.skipped.push({ file: file.path, reason: reasonOf(error, file.path) });
    } finally {
      options.onSession?.(file);
    }
  }
  return result;
}

/** Why a session was skipped, without its path (the warning names the file already). */
function reasonOf(error: unknown, path: string): string {
  if (!(error instanceof JournalProblem)) return `it cannot be replayed (${(error as Error).message})`;
  const text = error.oneLine;
  if (text.startsWith(`${path}:`)) {
    const rest = text.slice(path.length + 1);
    const line = /^(\d+): /.exec(rest);
    // The history has no --scenario option: the hint of the CLI's replay is left out.
    return (line ? `line ${line[1]}: ${rest.slice(line[0].length)}` : rest.trimStart()).replace(/; give its file with --\w+$/, '');
  }
  return text;
}
