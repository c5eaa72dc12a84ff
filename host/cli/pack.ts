import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatLocatedError, type Library } from '../../engine/validate/index.js';
import { bundledScenariosDir } from '../library/bundled.js';
import { loadPaths } from '../library/load.js';
import { loadBundledForHost, loadCombinedLibrary } from '../library/user-library.js';
import { buildPack, exportExercisePack, libraryPackFiles, PackExportProblem, type LibraryPackContent } from '../pack/pack-export.js';
import { importPack, PackRefusal } from '../pack/pack-import.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { dataDir, dataPaths } from '../storage/data-dir.js';
import { cannotWrite, ExportInputError, UsageError, type CliIo } from './io.js';

// firedrill pack export | import: plans, scenarios and scripts (or a whole exercise with its
// sessions) in one .firedrill file, and that file checked whole before anything is stored.

const rootOf = (options: { dataDir?: string }, io: CliIo) => dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env });

function writeOut(out: string, bytes: Uint8Array, io: CliIo): void {
  try {
    writeFileAtomic(resolve(io.cwd, out), bytes);
  } catch (error) {
    throw cannotWrite(out, error);
  }
}

export function packExportCommand(items: string[], options: { exercise?: string; out?: string; dataDir?: string }, io: CliIo): number {
  const command = 'firedrill pack export';
  if (options.out === undefined) throw new UsageError('pack export needs --out <file.firedrill>');
  if (options.exercise === undefined && items.length === 0) throw new UsageError('pack export needs what to pack: plan or scenario ids or files, or --exercise <scenario id>');
  if (options.exercise !== undefined && items.length > 0) throw new UsageError('pack export --exercise packs one scenario\'s exercise: give no other ids or files');
  try {
    const root = rootOf(options, io);
    const bundled = loadBundledForHost();
    if (options.exercise !== undefined) {
      const pack = exportExercisePack(root, bundled, options.exercise);
      writeOut(options.out, pack.bytes, io);
      for (const skipped of pack.skipped) io.stderr(`${command}: left out session ${skipped.sessionId}: ${skipped.reason}\n`);
      io.stderr(`${command}: wrote ${options.out}: exercise "${options.exercise}" with ${pack.sessions.length} session${pack.sessions.length === 1 ? '' : 's'} (${pack.manifest.entries.length} files, ${pack.bytes.length.toLocaleString('en')} bytes)\n`);
      return 0;
    }
    const content = libraryContent(items, root, bundled, io);
    const title = `Firedrill library: ${[...content.scenarios, ...content.plans].map((d) => d.id).join(', ')}`;
    const { bytes, manifest } = buildPack('library', title.slice(0, 300), libraryPackFiles(content));
    writeOut(options.out, bytes, io);
    io.stderr(`${command}: wrote ${options.out}: ${content.plans.length} plan${content.plans.length === 1 ? '' : 's'}, ${content.scenarios.length} scenario${content.scenarios.length === 1 ? '' : 's'}, ${content.scripts.length} script${content.scripts.length === 1 ? '' : 's'} (${manifest.entries.length} files, ${bytes.length.toLocaleString('en')} bytes)\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackExportProblem || error instanceof ExportInputError) {
      io.stderr(`${command}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof PackRefusal) return refusal(command, error, io);
    throw error;
  }
}

/** The documents to pack: files as given (validated), ids from the library; a scenario brings its plan and its scripts. */
function libraryContent(items: string[], root: string, bundled: Library, io: CliIo): LibraryPackContent {
  const combined = loadCombinedLibrary(root, bundled);
  const libraryText = (file: string) => {
    for (const path of [join(bundledScenariosDir(), file), join(dataPaths(root).library, file)]) if (existsSync(path)) return readFileSync(path, 'utf8');
    throw new ExportInputError(`the library file ${file} cannot be read`);
  };
  const content = { plans: new Map<string, string>(), scenarios: new Map<string, string>(), scripts: new Map<string, { scenario: string; id: string; text: string }>() };
  const addScripts = (scenarioId: string) => {
    for (const script of combined.library.scripts.get(scenarioId)?.values() ?? []) {
      content.scripts.set(`${scenarioId}/${script.script.name}`, { scenario: scenarioId, id: script.script.name, text: libraryText(script.file) });
    }
  };
  const addPlan = (planId: string) => {
    if (content.plans.has(planId)) return;
    const plan = combined.library.plans.get(planId);
    if (!plan) throw new ExportInputError(`plan "${planId}" is not in the library: give its file too`);
    content.plans.set(planId, libraryText(combined.origins.get(`plan:${planId}`)!.file));
  };
  const paths = items.filter((item) => /[\\/]|\.ya?ml$/i.test(item) || existsSync(resolve(io.cwd, item)));
  if (paths.length > 0) {
    const { library, errors } = loadPaths(paths, io.cwd);
    if (errors.length > 0) throw new PackRefusal(`the files given have errors`, errors);
    for (const plan of library.plans.values()) content.plans.set(plan.plan.id, readFileSync(resolve(io.cwd, plan.file), 'utf8'));
    for (const scenario of library.scenarios.values()) {
      content.scenarios.set(scenario.scenario.id, readFileSync(resolve(io.cwd, scenario.file), 'utf8'));
      if (!content.plans.has(scenario.scenario.plan)) addPlan(scenario.scenario.plan);
    }
    for (const [scenarioId, named] of library.scripts) {
      for (const script of named.values()) content.scripts.set(`${scenarioId}/${script.script.name}`, { scenario: scenarioId, id: script.script.name, text: readFileSync(resolve(io.cwd, script.file), 'utf8') });
    }
  }
  for (const id of items.filter((item) => !paths.includes(item))) {
    const scenario = combined.library.scenarios.get(id);
    if (scenario) {
      content.scenarios.set(id, libraryText(combined.origins.get(`scenario:${id}`)!.file));
      addPlan(scenario.scenario.plan);
      addScripts(id);
    } else if (combined.library.plans.has(id)) addPlan(id);
    else throw new ExportInputError(`"${id}" is neither a plan nor a scenario of the library (nor a file)`);
  }
  return {
    plans: [...content.plans].map(([id, text]) => ({ id, text })),
    scenarios: [...content.scenarios].map(([id, text]) => ({ id, text })),
    scripts: [...content.scripts.values()],
  };
}

export function packImportCommand(file: string, options: { dataDir?: string; asNewVersion?: boolean }, io: CliIo): number {
  const command = 'firedrill pack import';
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`${command}: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}\n`);
    return 1;
  }
  try {
    const imported = importPack(rootOf(options, io), loadBundledForHost(), basename(file), bytes, { asNewVersion: options.asNewVersion === true, wallTime: new Date().toISOString() });
    for (const warning of imported.warnings) io.stderr(`${command}: note: ${warning}\n`);
    const { written } = imported;
    const parts = [
      [written.plans.length, 'plan'], [written.scenarios.length, 'scenario'], [written.scripts.length, 'script'], [written.sessions.length, 'session'],
      [written.improvements.length, 'improvement plan'], [written.versions.length, 'kept version'],
    ].filter(([count]) => (count as number) > 0).map(([count, what]) => `${count} ${what}${count === 1 ? '' : 's'}`);
    io.stderr(`${command}: ${file} ("${imported.title}"): imported ${parts.length > 0 ? parts.join(', ') : 'nothing new'}${imported.unchanged.length > 0 ? `; already here: ${imported.unchanged.join(', ')}` : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackRefusal) return refusal(command, error, io);
    throw error;
  }
}

function refusal(command: string, error: PackRefusal, io: CliIo): number {
  for (const located of error.errors) io.stderr(`${formatLocatedError(located)}\n`);
  io.stderr(`${command}: ${error.message}\n`);
  return 1;
}
