import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatLocatedError } from '../../engine/validate/index.js';
import { importMselToFile } from '../msel/import-file.js';
import { exportMsel, MSEL_FORMATS, type MselExportFormat } from '../msel/write-msel.js';
import { DocumentProblem, documents } from './documents.js';
import { cannotWrite, ExportInputError, UsageError, type CliIo } from './io.js';
import { checkFormat, checkPaper } from './report.js';

// firedrill msel import | export: a controllers' MSEL spreadsheet to a draft scenario (every
// cell it cannot read reported as file:row:column, nothing written then), and a scenario to
// the controllers' MSEL (XLSX, CSV or a printable PDF).

export interface MselImportCommand {
  plan?: string;
  map?: string;
  out?: string;
  into?: string;
  sheet?: string;
  start?: string;
  tz?: string;
  id?: string;
  title?: string;
  threat?: string;
  dataDir?: string;
}

const readText = (path: string, io: CliIo, what: string): string => {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportInputError(`cannot read the ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
};

export async function mselImportCommand(file: string, options: MselImportCommand, io: CliIo): Promise<number> {
  const command = 'firedrill msel import';
  if (options.out === undefined) throw new UsageError('msel import needs --out <file.scenario.yaml>: where the draft scenario goes');
  if (options.plan === undefined && options.into === undefined) throw new UsageError('msel import needs --plan <plan id or file> (the plan the scenario is written for), or --into <scenario> to update');
  try {
    const found = documents([options.plan, options.into], io, options.dataDir);
    const base = options.into !== undefined ? found.scenario(options.into) : undefined;
    const plan = found.plan(options.plan ?? base!.scenario.plan);
    if (base && base.scenario.plan !== plan.plan.id) throw new ExportInputError(`scenario "${base.scenario.id}" is written for plan "${base.scenario.plan}", not "${plan.plan.id}"`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ExportInputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
    }
    const draftPath = resolve(io.cwd, options.out);
    // The draft is written only after the whole sheet is read: a folder that is not there is said then, in words.
    const result = await importMselToFile({
      file, bytes, plan: plan.plan,
      ...(options.map !== undefined ? { mapping: { file: options.map, text: readText(options.map, io, 'mapping file') } } : {}),
      ...(base ? { base: { file: base.file, text: base.text } } : {}),
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.start !== undefined ? { start: options.start } : {}),
      ...(options.tz !== undefined ? { timeZone: options.tz } : {}),
      ...(options.id !== undefined ? { scenarioId: options.id } : {}),
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.threat !== undefined ? { threat: options.threat } : {}),
      draftFile: basename(options.out),
    }, draftPath).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).syscall !== undefined ? cannotWrite(options.out!, error) : error;
    });
    if (result.read) {
      const columns = result.read.columns.filter((c) => c.header !== '').map((c) => `${c.column} ${JSON.stringify(c.header)} -> ${c.field === 'extra' ? 'notes' : c.field}`).join(', ');
      io.stderr(`${command}: ${file}${result.read.sheet && !/\.csv$/i.test(file) ? ` sheet "${result.read.sheet}"` : ''}, header in row ${result.read.headerRow} (${result.read.columnSet === 'custom' ? 'columns of its own' : `the ${result.read.columnSet} column set`}): ${columns}\n`);
    }
    for (const warning of result.warnings) io.stderr(`${command}: note: ${warning}\n`);
    if (result.errors.length > 0) {
      for (const error of result.errors) io.stderr(`${formatLocatedError(error)}\n`);
      io.stderr(`${command}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; nothing was written\n`);
      return 1;
    }
    const guesses = (result.draft!.yaml.match(/# guessed/g) ?? []).length;
    io.stderr(`${command}: wrote ${options.out}: scenario "${result.draft!.scenario.id}" with ${result.draft!.scenario.injects.length} injects${guesses > 0 ? `; ${guesses} guess${guesses === 1 ? '' : 'es'} marked "# guessed" to check` : ''}\n`);
    return 0;
  } catch (error) {
    return failure(command, error, io);
  }
}

export interface MselExportCommand {
  format?: string;
  out?: string;
  plan?: string;
  paper?: string;
  dataDir?: string;
}

export async function mselExportCommand(scenarioArg: string, options: MselExportCommand, io: CliIo): Promise<number> {
  const command = 'firedrill msel export';
  try {
    const format = checkFormat<MselExportFormat>('msel export', options.format, MSEL_FORMATS);
    const paper = checkPaper(options.paper);
    if (options.out === undefined) throw new ExportInputError(`msel export writes a file: give it with --out (such as msel.${format})`);
    const found = documents([scenarioArg, options.plan], io, options.dataDir);
    const scenario = found.scenario(scenarioArg);
    const plan = found.plan(options.plan ?? scenario.scenario.plan);
    if (plan.plan.id !== scenario.scenario.plan) throw new ExportInputError(`scenario "${scenario.scenario.id}" is written for plan "${scenario.scenario.plan}", not "${plan.plan.id}"`);
    const bytes = await exportMsel(scenario.scenario, plan.plan, format, { paper });
    try {
      writeFileSync(resolve(io.cwd, options.out), bytes);
    } catch (error) {
      throw cannotWrite(options.out, error);
    }
    io.stderr(`${command}: wrote ${options.out} (${format}, ${scenario.scenario.injects.length} injects, ${bytes.length.toLocaleString('en')} bytes)\n`);
    return 0;
  } catch (error) {
    return failure(command, error, io);
  }
}

function failure(command: string, error: unknown, io: CliIo): number {
  if (error instanceof DocumentProblem) {
    for (const located of error.errors) io.stderr(`${formatLocatedError(located)}\n`);
    io.stderr(`${command}: ${error.message}\n`);
    return 1;
  }
  if (error instanceof ExportInputError) {
    io.stderr(`${command}: ${error.message}\n`);
    return 1;
  }
  throw error;
}
