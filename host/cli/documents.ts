import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Library, LoadedPlan, LoadedScenario, LocatedError } from '../../engine/validate/index.js';
import { loadBundledLibrary, loadPaths } from '../library/load.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataDir, dataPaths } from '../storage/data-dir.js';
import type { CliIo } from './io.js';

// Plans and scenarios named on a command line: a file (validated, with the bundled library for
// what it references), or an id of the bundled library or of the user's own (in the data folder).

/** A plan or scenario that cannot be found or does not validate; `errors` are located. */
export class DocumentProblem extends Error {
  override name = 'DocumentProblem';
  constructor(
    message: string,
    readonly errors: LocatedError[] = [],
  ) {
    super(message);
  }
}

const isPath = (text: string, cwd: string) => /[\\/]|\.ya?ml$/i.test(text) || existsSync(resolve(cwd, text));

export interface Documents {
  plan(arg: string): LoadedPlan & { text: string };
  scenario(arg: string): LoadedScenario & { text: string };
  /** The bundled and the user's library, read once when first needed. */
  library(): Library;
}

/** Finds documents by path or id; the files named are read and validated once, together. */
export function documents(args: (string | undefined)[], io: CliIo, dataDirFlag?: string): Documents {
  const paths = args.filter((arg): arg is string => arg !== undefined && isPath(arg, io.cwd));
  const given = paths.length > 0 ? loadPaths(paths, io.cwd) : undefined;
  if (given && given.errors.length > 0) throw new DocumentProblem(`${given.errors.length === 1 ? 'a file given has an error' : 'the files given have errors'}`, given.errors);
  const root = dataDir({ ...(dataDirFlag ? { flag: dataDirFlag } : {}), env: io.env });
  let combined: Library | undefined;
  const library = () => (combined ??= loadCombinedLibrary(root, loadBundledLibrary(io.cwd)).library);
  // Files of the user's library are named relative to its folder; the others relative to cwd.
  const text = (file: string) => {
    const own = resolve(io.cwd, file);
    return readFileSync(existsSync(own) ? own : join(dataPaths(root).library, file), 'utf8');
  };
  return {
    library,
    plan(arg) {
      const found = isPath(arg, io.cwd)
        ? [...(given?.library.plans.values() ?? [])].find((p) => resolve(io.cwd, p.file) === resolve(io.cwd, arg))
        : given?.library.plans.get(arg) ?? library().plans.get(arg);
      if (!found) throw new DocumentProblem(isPath(arg, io.cwd) ? `${arg} is not a plan` : `no plan "${arg}" in the library (give a plan file, or the id of a bundled or imported plan)`);
      return { ...found, text: text(found.file) };
    },
    scenario(arg) {
      const found = isPath(arg, io.cwd)
        ? [...(given?.library.scenarios.values() ?? [])].find((s) => resolve(io.cwd, s.file) === resolve(io.cwd, arg))
        : given?.library.scenarios.get(arg) ?? library().scenarios.get(arg);
      if (!found) throw new DocumentProblem(isPath(arg, io.cwd) ? `${arg} is not a scenario` : `no scenario "${arg}" in the library (give a scenario file, or the id of a bundled or imported scenario: firedrill list)`);
      return { ...found, text: text(found.file) };
    },
  };
}
