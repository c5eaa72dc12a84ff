// The heavy work of a host, run in worker threads (worker.ts): validating the library and
// imported files, exports, the drill history. Each task takes and returns plain data.
import type { PlanRenames } from '../../../engine/studio/plan-renames.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import type { AarOptions } from '../../../engine/report/aar.js';
import type { AarExportFormat, PaperSize, ScorecardExportFormat } from '../../../engine/report/export-formats.js';
import type { SimulationReport } from '../../../engine/simulate/report.js';
import { drillHistory } from '../../../engine/report/drill-history.js';
import { coverageMap } from '../../../engine/report/coverage.js';
import type { CommandResults, CoverageResult, HistoryResult } from '../../../engine/protocol/results.js';
import { coverageToNavigatorLayer } from '../../coverage/coverage-export.js';
import { labelledDrills } from '../../history/labelled-drills.js';
import { simulationRequest } from './simulation-request.js';
import { teamDefaults } from '../../../engine/simulate/team-defaults.js';
import type { Library } from '../../../engine/validate/index.js';
import { collectDrills, sessionFiles } from '../../history/collect-drills.js';
import type { ReadResult } from '../../library/read-sources.js';
import { importLibraryFile, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, type DocumentKind } from '../../library/user-library.js';
import { worldSnapshot } from './library-snapshot.js';
import { loadLibrarySnapshot } from './library-cache.js';
import { lookupIn, SessionStore, type WorldLookup } from '../../storage/session-store.js';
import { checkJournalFile } from '../../storage/journal-file.js';
import { scenarioOfJournal, scenarioOfText } from '../journal-head.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { SessionSummary } from '../../../engine/protocol/index.js';
import type { JournalEntry } from '../../../engine/session/journal.js';
import type { MselMapping } from '../../../engine/msel/mapping.js';
import type { MselExportFormat } from '../../msel/msel-formats.js';
import { documentSource, exportMselOf, exportPackOf, importMselForStudio, importPackFile, saveSessionScript } from '../../studio/studio-files.js';

/** The bundled library, read once per worker (it takes about a second). */
let bundled: Library | undefined;
const bundledLibrary = (read?: ReadResult) => (bundled ??= loadBundledForHost(read));

// The export libraries (PDF, Word, charts: megabytes of code) load at the first export, not
// when the worker starts: the first thing a worker does is the library the page waits for.
const exports = () => Promise.all([import('../../export/scorecard-export.js'), import('../../export/aar-export.js')]);

/**
 * The scenario and plans a journal was recorded with: its scenario's world when found alone
 * (fast), else the whole library (bundled plus the user's folder).
 */
function journalLookup(dataDir: string, scenarioId: string | undefined): WorldLookup {
  const world = scenarioId === undefined ? undefined : loadScenarioWorld(dataDir, scenarioId);
  return lookupIn(world ?? loadCombinedLibrary(dataDir, bundledLibrary()).library);
}

/** A stored session (active or archived), replayed from its journal. */
function storedSession(dataDir: string, sessionId: string) {
  const store = new SessionStore(dataDir);
  return store.read(sessionId, journalLookup(dataDir, scenarioOfJournal(store.journalPaths(sessionId))));
}

/** The bytes of a file, in a buffer of their own (so they move to the serving thread without a copy). */
const ownBytes = (bytes: Buffer) => new Uint8Array(bytes);

export const hostTasks = {
  'library.load': (dataDir: string) => loadLibrarySnapshot(dataDir, { bundled: bundledLibrary }),
  'library.world': (dataDir: string, scenarioId: string) => {
    const world = loadScenarioWorld(dataDir, scenarioId);
    return world ? worldSnapshot(world) : null;
  },
  'library.import': (dataDir: string, file: { fileName: string; text: string; asNewVersion?: boolean; renames?: PlanRenames }) => importLibraryFile(dataDir, bundledLibrary(), file),
  'library.remove': (dataDir: string, kind: DocumentKind, id: string) => removeLibraryFile(dataDir, bundledLibrary(), kind, id),
  'export.scorecard': async (scorecard: Scorecard, format: ScorecardExportFormat, paper: PaperSize) => {
    const [{ exportScorecard }] = await exports();
    return ownBytes(await exportScorecard(scorecard, format, { paper }));
  },
  'export.aar': async (scorecards: Scorecard[], format: AarExportFormat, options: AarOptions & { paper: PaperSize }) => {
    const [, { exportAar }] = await exports();
    return ownBytes(await exportAar(scorecards, format, options));
  },
  /** A stress test report as firedrill simulate --format html writes it. */
  'export.simulation': async (report: SimulationReport, paper: PaperSize) => {
    const { simulationReportText } = await import('../../export/simulation-export.js');
    return ownBytes(Buffer.from(simulationReportText(report, 'html', paper)));
  },
  /** The history's figures leave out the drills excluded in it (history.label), which are listed apart. */
  history: (dataDir: string, filter: { plan?: string; scenario?: string }): HistoryResult => {
    const collected = collectDrills(sessionFiles(dataDir), [() => loadCombinedLibrary(dataDir, bundledLibrary()).library], filter);
    const { drills, excluded } = labelledDrills(dataDir, collected);
    return { history: drillHistory(drills, filter), excluded, skipped: collected.skipped, running: collected.running.length, unverified: collected.unverified.length };
  },
  /** A journal from another Firedrill, checked, replayed and stored as an ended session: its entry in the session list. */
  'session.import': (dataDir: string, fileName: string, text: string, wallTime: string): SessionSummary =>
    new SessionStore(dataDir).import(fileName, text, journalLookup(dataDir, scenarioOfText(text)), wallTime).summary,
  /** A journal read whole and its hash chain checked, while the serving thread replays it (SessionStore.open): what is wrong with it, if anything. */
  'journal.check': (path: string) => checkJournalFile(path),
  /** The scorecard of a stored session (not open in the host), replayed from its journal, active or archived. */
  'session.scorecard': (dataDir: string, sessionId: string): Scorecard => scoreSession(storedSession(dataDir, sessionId)),
  /** The journal of a stored session (not open in the host), active or archived: the studio turns it into a response script. */
  'session.journal': (dataDir: string, sessionId: string): JournalEntry[] => [...storedSession(dataDir, sessionId).journal],
  /** The coverage map of the library and of the drills run (excluded drills left out), with its Navigator layer. */
  coverage: (dataDir: string): CoverageResult => {
    const { library } = loadCombinedLibrary(dataDir, bundledLibrary());
    const collected = collectDrills(sessionFiles(dataDir), [library]);
    const { cards, excluded } = labelledDrills(dataDir, collected);
    const coverage = coverageMap([...library.plans.values()].map((p) => p.plan), [...library.scenarios.values()].map((s) => s.scenario), cards, collected.played);
    // Journals not read and drills left out are said, as the History says them: never fewer drills silently.
    return { coverage, navigatorLayer: coverageToNavigatorLayer(coverage), skipped: collected.skipped, excluded: excluded.length };
  },
  /** What simulate.start simulates: the scenario, its plan, its exemplary script and the model, checked. */
  'simulation.request': (dataDir: string, params: Parameters<typeof simulationRequest>[1]) => simulationRequest(loadCombinedLibrary(dataDir, bundledLibrary()).library, params),
  /** What simulate.defaults answers: the default model's team for the scenario, from the same checked request simulate.start builds. */
  'simulation.defaults': (dataDir: string, scenarioId: string): CommandResults['simulate.defaults'] => {
    const { request } = simulationRequest(loadCombinedLibrary(dataDir, bundledLibrary()).library, { scenarioId, runs: 1, seed: 0 });
    return { scenarioId, roles: teamDefaults(request) };
  },
  /** The stored sessions from the session index; an ended session is replayed and scored once (then cached). */
  'sessions.list': (dataDir: string, filter: { archived?: boolean }) => {
    let library: Library | undefined;
    // The library is read only if a session needs scoring: usually every score is in the index.
    return new SessionStore(dataDir).list(filter, (started) => lookupIn((library ??= loadCombinedLibrary(dataDir, bundledLibrary()).library))(started));
  },
  'studio.source': (dataDir: string, kind: DocumentKind, id: string) => documentSource(dataDir, bundledLibrary(), kind, id),
  'studio.saveScript': (dataDir: string, entries: readonly JournalEntry[], options: { name: string; description?: string }) => saveSessionScript(dataDir, bundledLibrary(), entries, options),
  'msel.import': (dataDir: string, request: { fileName: string; bytes: Uint8Array; planId: string; mapping?: MselMapping; scenarioId?: string; title?: string }) => importMselForStudio(dataDir, bundledLibrary(), request),
  'msel.export': async (dataDir: string, scenarioId: string, format: MselExportFormat, paper: PaperSize) => exportMselOf(dataDir, bundledLibrary(), scenarioId, format, paper),
  'pack.import': (dataDir: string, fileName: string, bytes: Uint8Array, asNewVersion: boolean, wallTime: string) => importPackFile(dataDir, bundledLibrary(), fileName, bytes, asNewVersion, wallTime),
  'pack.export': (dataDir: string, request: { kind: 'library'; scenarioIds: string[] } | { kind: 'exercise'; scenarioId: string }) => exportPackOf(dataDir, bundledLibrary(), request),
};

export type HostTasks = typeof hostTasks;

