// The heavy work of a host, run in worker threads (worker.ts): validating the library and
// imported files, exports, the drill history. Each task takes and returns plain data.
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import type { AarOptions } from '../../../engine/report/aar.js';
import type { AarExportFormat, PaperSize, ScorecardExportFormat } from '../../../engine/report/export-formats.js';
import { drillHistory } from '../../../engine/report/drill-history.js';
import { coverageMap } from '../../../engine/report/coverage.js';
import type { CoverageResult, HistoryResult } from '../../../engine/protocol/results.js';
import { coverageToNavigatorLayer } from '../../coverage/coverage-export.js';
import { labelledDrills } from '../../history/labelled-drills.js';
import { simulationRequest } from './simulation-request.js';
import type { Library } from '../../../engine/validate/index.js';
import { exportAar } from '../../export/aar-export.js';
import { exportScorecard } from '../../export/scorecard-export.js';
import { collectDrills, sessionFiles } from '../../history/collect-drills.js';
import { importLibraryFile, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, type DocumentKind } from '../../library/user-library.js';
import { librarySnapshot, worldSnapshot } from './library-snapshot.js';
import { lookupIn, SessionStore } from '../../storage/session-store.js';

/** The bundled library, read once per worker (it takes about a second). */
let bundled: Library | undefined;
const bundledLibrary = () => (bundled ??= loadBundledForHost());

/** The bytes of a file, in a buffer of their own (so they move to the serving thread without a copy). */
const ownBytes = (bytes: Buffer) => new Uint8Array(bytes);

export const hostTasks = {
  'library.load': (dataDir: string) => librarySnapshot(loadCombinedLibrary(dataDir, bundledLibrary())),
  'library.world': (dataDir: string, scenarioId: string) => {
    const world = loadScenarioWorld(dataDir, scenarioId);
    return world ? worldSnapshot(world) : null;
  },
  'library.import': (dataDir: string, file: { fileName: string; text: string }) => importLibraryFile(dataDir, bundledLibrary(), file),
  'library.remove': (dataDir: string, kind: DocumentKind, id: string) => removeLibraryFile(dataDir, bundledLibrary(), kind, id),
  'export.scorecard': async (scorecard: Scorecard, format: ScorecardExportFormat, paper: PaperSize) => ownBytes(await exportScorecard(scorecard, format, { paper })),
  'export.aar': async (scorecards: Scorecard[], format: AarExportFormat, options: AarOptions & { paper: PaperSize }) => ownBytes(await exportAar(scorecards, format, options)),
  /** The history's figures leave out the drills excluded in it (history.label), which are listed apart. */
  history: (dataDir: string, filter: { plan?: string; scenario?: string }): HistoryResult => {
    const collected = collectDrills(sessionFiles(dataDir), [() => loadCombinedLibrary(dataDir, bundledLibrary()).library], filter);
    const { drills, excluded } = labelledDrills(dataDir, collected);
    return { history: drillHistory(drills, filter), excluded, skipped: collected.skipped, running: collected.running.length, unverified: collected.unverified.length };
  },
  /** The coverage map of the library and of the drills run (excluded drills left out), with its Navigator layer. */
  coverage: (dataDir: string): CoverageResult => {
    const { library } = loadCombinedLibrary(dataDir, bundledLibrary());
    const collected = collectDrills(sessionFiles(dataDir), [library]);
    const coverage = coverageMap(
      [...library.plans.values()].map((p) => p.plan),
      [...library.scenarios.values()].map((s) => s.scenario),
      labelledDrills(dataDir, collected).cards,
    );
    return { coverage, navigatorLayer: coverageToNavigatorLayer(coverage) };
  },
  /** What simulate.start simulates: the scenario, its plan, its exemplary script and the model, checked. */
  'simulation.request': (dataDir: string, params: Parameters<typeof simulationRequest>[1]) => simulationRequest(loadCombinedLibrary(dataDir, bundledLibrary()).library, params),
  /** The stored sessions from the session index; an ended session is replayed and scored once (then cached). */
  'sessions.list': (dataDir: string, filter: { archived?: boolean }) => {
    let library: Library | undefined;
    // The library is read only if a session needs scoring: usually every score is in the index.
    return new SessionStore(dataDir).list(filter, (started) => lookupIn((library ??= loadCombinedLibrary(dataDir, bundledLibrary()).library))(started));
  },
};

export type HostTasks = typeof hostTasks;

