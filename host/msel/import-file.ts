import { basename } from 'node:path';
import { importMsel, type MselImportOptions, type MselImportResult } from '../../engine/msel/import-msel.js';
import { parseMapping } from '../../engine/msel/mapping.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { readWorkbook, WorkbookRefusal } from './read-workbook.js';

// An MSEL file to a draft scenario file: the bytes read (CSV or XLSX), the mapping file read,
// the pure import run, and the draft written (atomically) only when there is no error at all.

export interface MselFileImport extends Omit<MselImportOptions, 'mapping'> {
  /** The file's name as the person gave it (errors name it), and its bytes. */
  file: string;
  bytes: Uint8Array;
  mapping?: { file: string; text: string };
}

/** Reads and imports an MSEL file; nothing is written. */
export async function importMselFile(request: MselFileImport): Promise<MselImportResult> {
  const { file, bytes, mapping, ...options } = request;
  const name = basename(file);
  let mapped: MselImportOptions['mapping'];
  if (mapping) {
    const parsed = parseMapping(mapping.file, mapping.text);
    if (!parsed.ok) return { errors: parsed.errors, warnings: [] };
    mapped = parsed.mapping;
  }
  let read;
  try {
    read = await readWorkbook(name, bytes);
  } catch (error) {
    if (error instanceof WorkbookRefusal) return { errors: error.errors, warnings: [] };
    throw error;
  }
  const result = importMsel(read.workbook, { ...options, ...(mapped ? { mapping: mapped } : {}) });
  return { ...result, warnings: [...read.warnings, ...result.warnings] };
}

/** Imports an MSEL file and writes the draft to `out`, whole, only if the import has no error. */
export async function importMselToFile(request: MselFileImport, out: string): Promise<MselImportResult> {
  const result = await importMselFile(request);
  if (result.errors.length === 0 && result.draft) writeFileAtomic(out, result.draft.yaml);
  return result;
}
