import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { loadLibrary, type Library, type LocatedError } from '../../engine/validate/index.js';
import type { LibraryDocument, LibraryImported, LibraryListing, LibraryRemoved, LibrarySource } from '../../engine/protocol/results.js';
import { dataPaths } from '../storage/data-dir.js';
import { moveFile, writeFileAtomic } from '../storage/atomic-file.js';
import { bundledScenariosDir } from './bundled.js';
import { loadBundledLibrary } from './load.js';
import { readSources } from './read-sources.js';
import { scenarioFacts } from '../../engine/format/scenario-facts.js';

export type DocumentKind = 'plan' | 'scenario';

/** Why a library request was refused; `errors` locates the problems of a refused file. */
export class LibraryRefusal extends Error {
  override name = 'LibraryRefusal';
  constructor(
    readonly code: 'not-found' | 'invalid-file' | 'conflict' | 'refused',
    message: string,
    readonly errors: LocatedError[] = [],
  ) {
    super(message);
  }
}

/** The bundled library, with files named relative to the bundled scenarios folder. */
export function loadBundledForHost(): Library {
  return loadBundledLibrary(bundledScenariosDir());
}

/** The bundled plans and scenarios plus the valid ones of the user's library folder. */
export interface CombinedLibrary {
  /** Everything a session can be run with. Bundled documents win over a user file with the same id. */
  library: Library;
  /** Where each plan and scenario comes from, by `kind:id`. */
  origins: Map<string, { source: LibrarySource; file: string }>;
  /** Files of the user's folder that do not load, located. */
  problems: LocatedError[];
}

const key = (kind: DocumentKind, id: string) => `${kind}:${id}`;

function userSources(root: string) {
  const folder = dataPaths(root).library;
  return existsSync(folder) ? readSources([folder], folder) : { sources: [], unreadable: [] };
}

export function loadCombinedLibrary(root: string, bundled: Library): CombinedLibrary {
  const { sources, unreadable } = userSources(root);
  const user = loadLibrary(sources, bundled);
  const origins = new Map<string, { source: LibrarySource; file: string }>();
  const bundledFile = (file: string) => relative(bundledScenariosDir(), resolve(bundledScenariosDir(), file));
  for (const [id, loaded] of user.plans) origins.set(key('plan', id), { source: 'user', file: loaded.file });
  for (const [id, loaded] of user.scenarios) origins.set(key('scenario', id), { source: 'user', file: loaded.file });
  for (const [id, loaded] of bundled.plans) origins.set(key('plan', id), { source: 'bundled', file: bundledFile(loaded.file) });
  for (const [id, loaded] of bundled.scenarios) origins.set(key('scenario', id), { source: 'bundled', file: bundledFile(loaded.file) });
  const scripts = new Map(bundled.scripts);
  for (const [scenarioId, named] of user.scripts) scripts.set(scenarioId, new Map([...named, ...(bundled.scripts.get(scenarioId) ?? [])]));
  return {
    library: {
      plans: new Map([...user.plans, ...bundled.plans]),
      scenarios: new Map([...user.scenarios, ...bundled.scenarios]),
      scripts,
      reports: user.reports,
    },
    origins,
    problems: [...unreadable, ...user.reports.flatMap((report) => report.errors)],
  };
}

export function listLibrary(combined: CombinedLibrary): LibraryListing {
  const { library, origins } = combined;
  const plans = [...library.plans.values()].map(({ plan }) => ({ id: plan.id, title: plan.title, version: plan.version, ...origins.get(key('plan', plan.id))! }));
  const scenarios = [...library.scenarios.values()].map(({ scenario }) => ({
    ...scenarioFacts(scenario),
    summary: scenario.summary,
    ...origins.get(key('scenario', scenario.id))!,
  }));
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { plans: plans.sort(byId), scenarios: scenarios.sort(byId), problems: combined.problems };
}

export function showLibraryDocument(combined: CombinedLibrary, kind: DocumentKind, id: string): LibraryDocument {
  const origin = combined.origins.get(key(kind, id));
  if (kind === 'plan') {
    const loaded = combined.library.plans.get(id);
    if (loaded && origin) return { kind, id, ...origin, document: loaded.plan };
  } else {
    const loaded = combined.library.scenarios.get(id);
    if (loaded && origin) return { kind, id, ...origin, document: loaded.scenario };
  }
  throw new LibraryRefusal('not-found', `there is no ${kind} "${id}" in the library`);
}

/**
 * Imports a plan or scenario file into the user's library folder. It is validated first, like
 * `firedrill validate`, against the bundled library and the user's other files; a file with
 * errors is refused with them, located, and nothing is written. A valid one is written whole
 * (temporary file, fsync, rename) as `<id>.<kind>.yaml`.
 */
export function importLibraryFile(root: string, bundled: Library, file: { fileName: string; text: string }): LibraryImported {
  const fileName = basename(file.fileName);
  const text = file.text.replace(/^\uFEFF/, '');
  const { sources } = userSources(root);
  const checked = loadLibrary([...sources, { file: fileName, text }], bundled);
  const report = checked.reports[checked.reports.length - 1]!;
  if (report.kind === 'script') throw new LibraryRefusal('refused', `${fileName} is a response script: the library imports plans and scenarios`);
  const kind = report.kind;
  const id = report.id;
  if (kind && id !== undefined) {
    if ((kind === 'plan' ? bundled.plans : bundled.scenarios).has(id)) {
      throw new LibraryRefusal('conflict', `${fileName}: ${kind} id "${id}" is used by a bundled ${kind}; give yours another id`);
    }
    const combined = loadCombinedLibrary(root, bundled);
    const mine = combined.origins.get(key(kind, id));
    if (mine?.source === 'user') throw new LibraryRefusal('conflict', `${fileName}: your library already has ${kind} "${id}" (${mine.file}); remove it first to replace it`);
  }
  if (report.errors.length > 0 || !kind || id === undefined) {
    const count = report.errors.length;
    throw new LibraryRefusal('invalid-file', `${fileName} has ${count} error${count === 1 ? '' : 's'}; nothing was imported`, report.errors);
  }
  const folder = dataPaths(root).library;
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `${id}.${kind}.yaml`);
  if (existsSync(target)) throw new LibraryRefusal('conflict', `${basename(target)} is already in your library folder (it does not load: see the library's problems); remove or fix it first`);
  writeFileAtomic(target, text);
  return { kind, id, file: basename(target) };
}

/** Removes a plan or scenario of the user's folder (to the trash folder). Bundled ones stay. */
export function removeLibraryFile(root: string, bundled: Library, kind: DocumentKind, id: string): LibraryRemoved {
  const combined = loadCombinedLibrary(root, bundled);
  const origin = combined.origins.get(key(kind, id));
  if (!origin) throw new LibraryRefusal('not-found', `there is no ${kind} "${id}" in the library`);
  if (origin.source === 'bundled') throw new LibraryRefusal('refused', `${kind} "${id}" is bundled with Firedrill and cannot be removed`);
  if (kind === 'plan') {
    const users = [...combined.library.scenarios.values()].filter(({ scenario }) => scenario.plan === id).map(({ scenario }) => scenario.id);
    if (users.length > 0) throw new LibraryRefusal('conflict', `plan "${id}" is used by scenario${users.length === 1 ? '' : 's'} ${users.join(', ')}: remove ${users.length === 1 ? 'it' : 'them'} first`);
  }
  const paths = dataPaths(root);
  const trash = join(paths.trash, 'library');
  mkdirSync(trash, { recursive: true });
  const name = basename(origin.file);
  let target = join(trash, name);
  for (let n = 2; existsSync(target); n++) target = join(trash, name.replace(/(\.ya?ml)$/i, `.${n}$1`));
  moveFile(join(paths.library, origin.file), target);
  return { kind, id, trashedAs: target };
}

/** Files under a folder whose names pass the test (dot files and folders skipped). */
function filesNamed(folder: string, test: (name: string) => boolean, found: string[] = []): string[] {
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) filesNamed(path, test, found);
    else if (test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * The plans and the one scenario a session needs, validated without the rest of the library
 * (whose YAML takes seconds to read): found by the file naming convention `<id>.scenario.yaml`
 * that bundled and imported scenarios follow. Undefined when the scenario is not found so;
 * the caller then loads the whole library. Bundled files come first, so a bundled document
 * wins over a user file of the same id, as in the combined library.
 */
export function loadScenarioWorld(root: string, scenarioId: string): Library | undefined {
  const folders = [bundledScenariosDir(), dataPaths(root).library];
  const scenarioFile = new RegExp(`^${scenarioId.replace(/[.]/g, '\\.')}\\.scenario\\.ya?ml$`, 'i');
  const files = folders.flatMap((folder) => filesNamed(folder, (name) => /\.plan\.ya?ml$/i.test(name) || scenarioFile.test(name)));
  const library = loadLibrary(readSources(files, bundledScenariosDir()).sources);
  return library.scenarios.has(scenarioId) ? library : undefined;
}
