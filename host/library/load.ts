import { loadLibrary, type Library, type LocatedError } from '../../engine/validate/index.js';
import { bundledScenariosDir } from './bundled.js';
import { readSources } from './read-sources.js';

export interface LoadedPaths {
  library: Library;
  /** Every problem in the files asked for, located, including files that could not be read. */
  errors: LocatedError[];
}

/** The bundled plans, scenarios and scripts. */
export function loadBundledLibrary(cwd = process.cwd()): Library {
  const { sources } = readSources([bundledScenariosDir()], cwd);
  return loadLibrary(sources);
}

/**
 * Loads the given files and folders. Plans and scenarios they name but do not contain come
 * from the bundled library, so a user's scenario can be checked against the bundled plan.
 */
export function loadPaths(paths: readonly string[], cwd = process.cwd()): LoadedPaths {
  const { sources, unreadable } = readSources(paths, cwd);
  // The bundled library is read only if a file names a plan or scenario the paths do not hold.
  const library = loadLibrary(sources, () => loadBundledLibrary(cwd));
  for (const error of unreadable) library.reports.push({ file: error.file, errors: [error] });
  return { library, errors: library.reports.flatMap((r) => r.errors) };
}
