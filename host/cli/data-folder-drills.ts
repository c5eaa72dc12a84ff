import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Drill } from '../../engine/report/drill-history.js';
import { formatLocatedError, type Library } from '../../engine/validate/index.js';
import { collectDrills, sessionFiles, type CollectedDrills } from '../history/collect-drills.js';
import { labelledDrills } from '../history/labelled-drills.js';
import { loadBundledLibrary } from '../library/load.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataDir, dataPaths } from '../storage/data-dir.js';
import type { CliIo } from './io.js';
import { progressBar } from './progress.js';
import { ExportInputError } from './io.js';

/**
 * The ended drills of the data folder (--data-dir, FIREDRILL_DATA_DIR or the app's), with the
 * bundled library and the user's own read once for every session, a progress bar while the
 * journals are replayed, and one warning line per session that could not be read. Drills
 * excluded in the History (drill-labels.json) are left out, as the app leaves them out, and said so.
 */
export function dataFolderDrills(command: string, options: { dataDir?: string; plan?: string; scenario?: string }, io: CliIo): CollectedDrills & { library: Library; excluded: Drill[] } {
  const root = dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env });
  // A --data-dir given and mistyped would read as a folder with no drills: figures of nothing, said as if true.
  if (options.dataDir && !statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new ExportInputError(`no data folder at ${options.dataDir}`);
  const files = sessionFiles(root);
  const combined = loadCombinedLibrary(root, loadBundledLibrary(io.cwd));
  const { library } = combined;
  // A file of the user's library that does not load is left out of the figures: said, one line a file, not silently.
  const problemsByFile = new Map<string, typeof combined.problems>();
  for (const problem of combined.problems) problemsByFile.set(problem.file, [...(problemsByFile.get(problem.file) ?? []), problem]);
  for (const [first, ...more] of problemsByFile.values()) {
    const file = join(dataPaths(root).library, first!.file);
    io.stderr(`${command}: left out of the library: ${formatLocatedError({ ...first!, file })}${more.length > 0 ? ` (and ${more.length} more error${more.length === 1 ? '' : 's'} in that file: firedrill validate ${file} lists them)` : ''}\n`);
  }
  const filter = { ...(options.plan !== undefined ? { plan: options.plan } : {}), ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) };
  const progress = progressBar('reading sessions', files.length);
  let collected: CollectedDrills;
  try {
    collected = collectDrills(files, [library], { ...filter, onSession: (file) => progress.tick(file.path.split(/[\\/]/).at(-1)!) });
  } finally {
    progress.stop();
  }
  for (const skipped of collected.skipped) io.stderr(`${command}: skipped ${skipped.file}: ${skipped.reason}\n`);
  for (const file of collected.unverified) io.stderr(`${command}: ${file}: recorded before journal entries were chained: whether it was edited cannot be checked\n`);
  const { drills, cards, excluded } = labelledDrills(root, collected);
  if (excluded.length > 0) io.stderr(`${command}: left out ${excluded.length} drill${excluded.length === 1 ? '' : 's'} excluded in the History: ${excluded.map((d) => d.sessionId).join(', ')}\n`);
  return { ...collected, drills, cards, library, excluded };
}
