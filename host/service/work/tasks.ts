// The heavy work of a host, run in worker threads (worker.ts): validating the library and
// imported files, exports, the drill history. Each task takes and returns plain data.
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import type { AarOptions } from '../../../engine/report/aar.js';
import type { AarExportFormat, PaperSize, ScorecardExportFormat } from '../../../engine/report/export-formats.js';
import { drillHistory } from '../../../engine/report/drill-history.js';
import type { Library } from '../../../engine/validate/index.js';
import { exportAar } from '../../export/aar-export.js';
import { exportScorecard } from '../../export/scorecard-export.js';
import { collectDrills, sessionFiles } from '../../history/collect-drills.js';
import { importLibraryFile, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, type DocumentKind } from '../../library/user-library.js';
import { librarySnapshot, worldSnapshot } from './library-snapshot.js';
import { lookupIn, SessionStore } from '../../storage/session-store.js';
import type { JournalEntry } from '../../../engine/session/journal.js';
import type { MselMapping } from '../../../engine/msel/mapping.js';
import type { MselExportFormat } from '../../msel/write-msel.js';
import { documentSource, exportMselOf, exportPackOf, importMselForStudio, importPackFile, saveSessionScript } from '../../studio/studio-files.js';

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
  history: (dataDir: string, filter: { plan?: string; scenario?: string }) => {
    const collected = collectDrills(sessionFiles(dataDir), [() => loadCombinedLibrary(dataDir, bundledLibrary()).library], filter);
    return { history: drillHistory(collected.drills, filter), skipped: collected.skipped, running: collected.running.length, unverified: collected.unverified.length };
  },
  /** The stored sessions from the session index; an ended session is replayed and scored once (then cached). */
  'sessions.list': (dataDir: string, filter: { archived?: boolean }) => {
    let library: Library | undefined;
    // The library is read only if a session needs scoring: usually every score is in the index.
    return new SessionStore(dataDir).list(filter, (started) => lookupIn((library ??= loadCombinedLibrary(dataDir, bundledLibrary()).library))(started));
  },
  'studio.source': (dataDir: string, kind: DocumentKind, id: string) => documentSource(dataDir, bundledLibrary(), kind, id),
  'studio.saveScript': (dataDir: string, entries: JournalEntry[], options: { name: string; description?: string }) => saveSessionScript(dataDir, bundledLibrary(), entries, options),
  'msel.import': (dataDir: string, request: { fileName: string; bytes: Uint8Array; planId: string; mapping?: MselMapping; scenarioId?: string; title?: string }) => importMselForStudio(dataDir, bundledLibrary(), request),
  'msel.export': async (dataDir: string, scenarioId: string, format: MselExportFormat, paper: PaperSize) => exportMselOf(dataDir, bundledLibrary(), scenarioId, format, paper),
  'pack.import': (dataDir: string, fileName: string, bytes: Uint8Array, asNewVersion: boolean, wallTime: string) => importPackFile(dataDir, bundledLibrary(), fileName, bytes, asNewVersion, wallTime),
  'pack.export': (dataDir: string, request: { kind: 'library'; scenarioIds: string[] } | { kind: 'exercise'; scenarioId: string }) => exportPackOf(dataDir, bundledLibrary(), request),
};

export type HostTasks = typeof hostTasks;
