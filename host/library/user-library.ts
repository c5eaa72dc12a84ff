import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { loadLibrary, type Library, type LocatedError } from '../../engine/validate/index.js';
import type { LibraryDocument, LibraryImported, LibraryListing, LibraryRemoved, LibrarySource } from '../../engine/protocol/results.js';
import { dataPaths } from '../storage/data-dir.js';
import { moveFile, writeFileAtomic } from '../storage/atomic-file.js';
import { bundledScenariosDir } from './bundled.js';
import { readSources, type ReadResult } from './read-sources.js';
import { scenarioFacts } from '../../engine/format/scenario-facts.js';
import type { Plan } from '../../engine/format/plan.js';
import { SCENARIO_FORMAT, type Scenario } from '../../engine/format/scenario.js';
import { contentHash } from '../../engine/session/hash.js';
import { VersionStore } from '../storage/version-store.js';
import { draftValue } from '../../engine/studio/draft-edit.js';
import type { PlanRenames } from '../../engine/studio/plan-renames.js';
import { retargetScenario } from '../../engine/studio/retarget.js';

/** Whether a file (as its YAML reads) is a scenario written for the plan. */
const isScenarioOf = (value: unknown, planId: string): value is { id: unknown } =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SCENARIO_FORMAT && (value as { plan?: unknown }).plan === planId;

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

/** The bundled plans, scenarios and scripts, read, with files named relative to their folder. */
export function bundledSourcesForHost(): ReadResult {
  return readSources([bundledScenariosDir()], bundledScenariosDir());
}

/** The bundled library, with files named relative to the bundled scenarios folder. */
export function loadBundledForHost(read: ReadResult = bundledSourcesForHost()): Library {
  return loadLibrary(read.sources);
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

/** The files of the user's library folder, read (none when it does not exist yet). */
export function userSources(root: string): ReadResult {
  const folder = dataPaths(root).library;
  return existsSync(folder) ? readSources([folder], folder) : { sources: [], unreadable: [] };
}

export function loadCombinedLibrary(root: string, bundled: Library, userFiles: ReadResult = userSources(root)): CombinedLibrary {
  const { sources, unreadable } = userFiles;
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
    scripts: [...(library.scripts.get(scenario.id)?.keys() ?? [])].sort(),
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
 *
 * A file whose id the user's library already has is refused, unless `asNewVersion` says to save
 * it as the new version: the earlier version is then kept in the data folder's versions (past
 * drills go on replaying against it) and its file goes to the trash folder. A new version of a
 * plan must not break the user's scenarios written for it. Bundled ids are never replaced.
 */
export function importLibraryFile(root: string, bundled: Library, file: { fileName: string; text: string; asNewVersion?: boolean; renames?: PlanRenames }): LibraryImported {
  const fileName = basename(file.fileName);
  const text = file.text.replace(/^\uFEFF/, '');
  const { sources } = userSources(root);
  const first = loadLibrary([...sources, { file: fileName, text }], bundled);
  const firstReport = first.reports[first.reports.length - 1]!;
  if (firstReport.kind === 'script') throw new LibraryRefusal('refused', `${fileName} is a response script: the library imports plans and scenarios`);
  const kind = firstReport.kind;
  const id = firstReport.id;
  let checked = first;
  let previous: { file: string; document: Plan | Scenario } | undefined;
  const renamedIn: { file: string; id: string; text: string; previous: Scenario | undefined }[] = [];
  if (kind && id !== undefined) {
    if ((kind === 'plan' ? bundled.plans : bundled.scenarios).has(id)) {
      throw new LibraryRefusal('conflict', `${fileName}: ${kind} id "${id}" is used by a bundled ${kind}; give yours another id`);
    }
    const combined = loadCombinedLibrary(root, bundled);
    const mine = combined.origins.get(key(kind, id));
    if (mine?.source === 'user') {
      if (!file.asNewVersion) {
        throw new LibraryRefusal('conflict', `${fileName}: your library already has ${kind} "${id}" (${mine.file}); to replace it, import it again as a new version ("save as new version": past drills keep the version they used), or give it another id`);
      }
      const loaded = kind === 'plan' ? combined.library.plans.get(id)?.plan : combined.library.scenarios.get(id)?.scenario;
      previous = { file: mine.file, document: loaded! };
      // The new version is checked in place of the old one, with the user's other files.
      const others = sources.filter((source) => source.file !== mine.file);
      checked = loadLibrary([...others, { file: fileName, text }], bundled);
      // Ids the new version renames are renamed in the user's scenarios written for it, checked with it.
      const newPlan = kind === 'plan' ? checked.plans.get(id)?.plan : undefined;
      if (newPlan && file.renames && (Object.keys(file.renames.role ?? {}).length > 0 || Object.keys(file.renames.action ?? {}).length > 0)) {
        for (const source of others) {
          const value = draftValue(source.text);
          if (!isScenarioOf(value, id)) continue;
          const retargeted = retargetScenario(source.file, source.text, newPlan, file.renames);
          if (retargeted.text !== source.text) renamedIn.push({ file: source.file, id: String(value.id), text: retargeted.text, previous: combined.library.scenarios.get(String(value.id))?.scenario });
        }
        if (renamedIn.length > 0) checked = loadLibrary([...others.map((source) => renamedIn.find((renamed) => renamed.file === source.file) ?? source), { file: fileName, text }], bundled);
      }
    }
  }
  const report = checked.reports[checked.reports.length - 1]!;
  if (report.errors.length > 0 || !kind || id === undefined) {
    const count = report.errors.length;
    throw new LibraryRefusal('invalid-file', `${fileName} has ${count} error${count === 1 ? '' : 's'}; nothing was imported`, report.errors);
  }
  const document = kind === 'plan' ? checked.plans.get(id)!.plan : checked.scenarios.get(id)!.scenario;
  const hash = contentHash(document);
  const folder = dataPaths(root).library;
  if (previous) {
    const previousHash = contentHash(previous.document);
    if (previousHash === hash) return { kind, id, file: previous.file, hash, previousHash };
    // A plan's new version must still serve the scenarios written for it.
    const broken = checked.reports.slice(0, -1).filter((other) => other.errors.length > 0 && !first.reports.some((before) => before.file === other.file && before.errors.length > 0));
    if (broken.length > 0) {
      const errors = broken.flatMap((other) => other.errors);
      throw new LibraryRefusal('conflict', `${fileName}: this version of ${kind} "${id}" breaks ${broken.map((other) => other.file).join(', ')} (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing was imported`, errors);
    }
    const versions = new VersionStore(root);
    versions.keep(kind, previous.document);
    const target = join(folder, `${id}.${kind}.yaml`);
    const oldPath = join(folder, previous.file);
    const trashed = trashTarget(root, basename(previous.file));
    if (oldPath === target) copyFileSync(oldPath, trashed);
    writeFileAtomic(target, text);
    if (oldPath !== target) moveFile(oldPath, trashed);
    // The scenarios with the renamed ids: each a new version, the one before kept for past drills.
    for (const renamed of renamedIn) {
      if (renamed.previous) versions.keep('scenario', renamed.previous);
      const path = join(folder, renamed.file);
      copyFileSync(path, trashTarget(root, basename(renamed.file)));
      writeFileAtomic(path, renamed.text);
    }
    return { kind, id, file: basename(target), hash, previousHash, ...(renamedIn.length > 0 ? { renamedIn: renamedIn.map((renamed) => renamed.id) } : {}) };
  }
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `${id}.${kind}.yaml`);
  if (existsSync(target)) throw new LibraryRefusal('conflict', `${basename(target)} is already in your library folder (it does not load: see the library's problems); remove or fix it first`);
  writeFileAtomic(target, text);
  return { kind, id, file: basename(target), hash };
}

/** A name in trash/library/ not taken yet, for a library file set aside. */
function trashTarget(root: string, name: string): string {
  const trash = join(dataPaths(root).trash, 'library');
  mkdirSync(trash, { recursive: true });
  let target = join(trash, name);
  for (let n = 2; existsSync(target); n++) target = join(trash, name.replace(/(\.ya?ml)$/i, `.${n}$1`));
  return target;
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
  const target = trashTarget(root, basename(origin.file));
  moveFile(join(dataPaths(root).library, origin.file), target);
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
