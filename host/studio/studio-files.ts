import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandResults, MselImported, PackImportedResult } from '../../engine/protocol/results.js';
import type { JournalEntry } from '../../engine/session/journal.js';
import { checkDraft } from '../../engine/studio/check-draft.js';
import { scriptFromJournal } from '../../engine/studio/script-from-journal.js';
import type { Library } from '../../engine/validate/index.js';
import type { MselMapping } from '../../engine/msel/mapping.js';
import { bundledScenariosDir } from '../library/bundled.js';
import { LibraryRefusal, loadCombinedLibrary, type DocumentKind } from '../library/user-library.js';
import type { MselExportFormat } from '../msel/msel-formats.js';
import { buildPack, exportExercisePack, libraryPackFiles, PackExportProblem, type LibraryPackContent } from '../pack/pack-export.js';
import { importPack, PackRefusal } from '../pack/pack-import.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { dataPaths } from '../storage/data-dir.js';
import { CommandFailure } from '../service/command-failure.js';
import type { PaperSize } from '../../engine/report/export-formats.js';

// What the studio asks of the data folder, run in the host's worker threads: the text of a
// library file (its comments are the author's), a session saved as a response script, MSEL
// spreadsheets in and out, packs in and out. Refusals come out as CommandFailure or
// LibraryRefusal, which cross the worker boundary with their located errors.

/** A library file's path: bundled files are named relative to the bundled folder, the user's to theirs. */
function libraryPath(root: string, file: string): string {
  for (const path of [join(bundledScenariosDir(), file), join(dataPaths(root).library, file)]) if (existsSync(path)) return path;
  throw new LibraryRefusal('not-found', `the file ${file} of the library cannot be found`);
}

export function documentSource(root: string, bundled: Library, kind: DocumentKind, id: string): CommandResults['studio.source'] {
  const combined = loadCombinedLibrary(root, bundled);
  const origin = combined.origins.get(`${kind}:${id}`);
  if (!origin) throw new LibraryRefusal('not-found', `there is no ${kind} "${id}" in the library`);
  return { kind, id, source: origin.source, file: origin.file, text: readFileSync(libraryPath(root, origin.file), 'utf8') };
}

/**
 * A played session as a response script of its scenario, checked against the scenario as the
 * library has it now (a scenario edited since may refuse some steps: located errors, nothing
 * written), and written as <scenario>.<name>.script.yaml in the user's library.
 */
export function saveSessionScript(root: string, bundled: Library, entries: readonly JournalEntry[], options: { name: string; description?: string }): CommandResults['studio.saveScript'] {
  const started = entries[0];
  if (started?.type !== 'session.started') throw new CommandFailure('corrupt', 'the session has no start entry');
  const combined = loadCombinedLibrary(root, bundled);
  const scenario = combined.library.scenarios.get(started.scenarioId)?.scenario;
  const plan = scenario ? combined.library.plans.get(scenario.plan)?.plan : undefined;
  if (!scenario || !plan) throw new LibraryRefusal('not-found', `scenario "${started.scenarioId}" of the session is not in the library`);
  if (combined.library.scripts.get(scenario.id)?.has(options.name)) {
    throw new LibraryRefusal('conflict', `scenario "${scenario.id}" already has a response script "${options.name}": give this one another name`);
  }
  const made = scriptFromJournal(entries, { scenarioId: scenario.id, name: options.name, description: options.description ?? `Recorded by playing session ${started.sessionId}.` });
  const file = `${scenario.id}.${options.name}.script.yaml`;
  const checked = checkDraft(file, made.yaml, { plans: [plan], scenarios: [scenario] });
  if (checked.errors.length > 0) {
    throw new LibraryRefusal('invalid-file', `the session does not fit scenario "${scenario.id}" as it is now (${checked.errors.length} error${checked.errors.length === 1 ? '' : 's'}); nothing was saved`, checked.errors);
  }
  const folder = dataPaths(root).library;
  const target = join(folder, file);
  if (existsSync(target)) throw new LibraryRefusal('conflict', `${file} is already in your library folder: give the script another name`);
  mkdirSync(folder, { recursive: true });
  writeFileAtomic(target, made.yaml);
  return { scenarioId: scenario.id, name: options.name, file, steps: made.steps, leftOut: made.leftOut };
}

export async function importMselForStudio(root: string, bundled: Library, request: { fileName: string; bytes: Uint8Array; planId: string; mapping?: MselMapping; scenarioId?: string; title?: string }): Promise<MselImported> {
  const combined = loadCombinedLibrary(root, bundled);
  const plan = combined.library.plans.get(request.planId)?.plan;
  if (!plan) throw new LibraryRefusal('not-found', `there is no plan "${request.planId}" in the library`);
  // ExcelJS (and, for exports, PDFKit and ECharts) load at the first MSEL, not with every worker: tens of MB and half a second.
  const { importMselFile } = await import('../msel/import-file.js');
  const result = await importMselFile({
    file: request.fileName,
    bytes: request.bytes,
    plan,
    ...(request.mapping ? { mapping: { file: 'mapping', text: JSON.stringify(request.mapping) } } : {}),
    ...(request.scenarioId ? { scenarioId: request.scenarioId } : {}),
    ...(request.title ? { title: request.title } : {}),
  });
  return { errors: result.errors, warnings: result.warnings, ...(result.sheets ? { sheets: result.sheets } : {}), ...(result.read ? { read: result.read } : {}), ...(result.unknownRecipients || Object.keys(request.mapping?.roles ?? {}).length > 0 ? { recipients: { unknown: result.unknownRecipients ?? [], roles: plan.roles.map((role) => ({ id: role.id, title: role.title })) } } : {}), ...(result.draft ? { draft: { file: result.draft.file, yaml: result.draft.yaml } } : {}) };
}

export async function exportMselOf(root: string, bundled: Library, scenarioId: string, format: MselExportFormat, paper: PaperSize): Promise<Uint8Array> {
  const combined = loadCombinedLibrary(root, bundled);
  const scenario = combined.library.scenarios.get(scenarioId)?.scenario;
  if (!scenario) throw new LibraryRefusal('not-found', `there is no scenario "${scenarioId}" in the library`);
  const { exportMsel } = await import('../msel/write-msel.js');
  return new Uint8Array(await exportMsel(scenario, combined.library.plans.get(scenario.plan)!.plan, format, { paper }));
}

export function importPackFile(root: string, bundled: Library, fileName: string, bytes: Uint8Array, asNewVersion: boolean, wallTime: string): PackImportedResult {
  try {
    return importPack(root, bundled, fileName, bytes, { asNewVersion, wallTime });
  } catch (error) {
    if (error instanceof PackRefusal) throw new CommandFailure('invalid-file', error.message, error.errors);
    throw error;
  }
}

/** A library pack of scenarios with their plans and scripts, or one scenario's exercise. */
export function exportPackOf(root: string, bundled: Library, request: { kind: 'library'; scenarioIds: string[] } | { kind: 'exercise'; scenarioId: string }): { bytes: Uint8Array; sessions?: string[]; skipped?: { sessionId: string; reason: string }[] } {
  try {
    if (request.kind === 'exercise') {
      const pack = exportExercisePack(root, bundled, request.scenarioId);
      return { bytes: pack.bytes, sessions: pack.sessions, skipped: pack.skipped };
    }
    const combined = loadCombinedLibrary(root, bundled);
    const text = (kind: DocumentKind, id: string) => readFileSync(libraryPath(root, combined.origins.get(`${kind}:${id}`)!.file), 'utf8');
    const content: LibraryPackContent = { plans: [], scenarios: [], scripts: [] };
    for (const scenarioId of new Set(request.scenarioIds)) {
      const scenario = combined.library.scenarios.get(scenarioId)?.scenario;
      if (!scenario) throw new LibraryRefusal('not-found', `there is no scenario "${scenarioId}" in the library`);
      content.scenarios.push({ id: scenarioId, text: text('scenario', scenarioId) });
      if (!content.plans.some((plan) => plan.id === scenario.plan)) content.plans.push({ id: scenario.plan, text: text('plan', scenario.plan) });
      for (const script of combined.library.scripts.get(scenarioId)?.values() ?? []) {
        content.scripts.push({ id: script.script.name, scenario: scenarioId, text: readFileSync(libraryPath(root, script.file), 'utf8') });
      }
    }
    const title = `Firedrill library: ${request.scenarioIds.join(', ')}`.slice(0, 300);
    return { bytes: buildPack('library', title, libraryPackFiles(content)).bytes };
  } catch (error) {
    if (error instanceof PackExportProblem) throw new CommandFailure('not-found', error.message);
    throw error;
  }
}
