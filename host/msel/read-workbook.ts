import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { basename, extname } from 'node:path';
import type { Cell, Sheet, Workbook } from '../../engine/msel/sheet.js';
import type { LocatedError } from '../../engine/validate/index.js';
import { checkZip, listZip, ZipRefusal } from '../pack/safe-zip.js';

// An MSEL file's bytes to the sheets the importer reads: CSV (comma, semicolon or tab; UTF-8,
// UTF-16 with its byte order mark, or the Windows code page Excel saves in) with csv-parse, XLSX
// with exceljs. Bad bytes are one located error naming the file, never a stack trace.

/** The largest MSEL file read: far above any real one (2,000 injects of long text are a few MB). */
export const MAX_MSEL_BYTES = 20 * 1024 * 1024;

/** An .xlsx is a zip: bounded before exceljs inflates it. */
const XLSX_LIMITS = { entries: 2_000, entryBytes: 200 * 1024 * 1024, totalBytes: 400 * 1024 * 1024 };

export class WorkbookRefusal extends Error {
  override name = 'WorkbookRefusal';
  constructor(readonly errors: LocatedError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const refuse = (file: string, message: string, line = 1, column = 1): never => {
  throw new WorkbookRefusal([{ file, line, column, path: '', message }]);
};

export type MselFormat = 'csv' | 'xlsx';

/** The format a file name says, or a refusal saying what is read. */
export function mselFormatOf(fileName: string): MselFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.xls') return refuse(basename(fileName), 'an Excel 97-2003 workbook (.xls): save it as .xlsx or .csv, then import that');
  return refuse(basename(fileName), `Firedrill reads MSEL spreadsheets as .csv or .xlsx, not ${extension || 'a file without an extension'}`);
}

/** Reads the bytes of a .csv or .xlsx file into sheets; `file` is the name errors give. */
export async function readWorkbook(file: string, bytes: Uint8Array, format: MselFormat = mselFormatOf(file)): Promise<{ workbook: Workbook; warnings: string[] }> {
  if (bytes.length > MAX_MSEL_BYTES) refuse(file, `the file is ${(bytes.length / 1e6).toFixed(1)} MB: an MSEL is at most ${MAX_MSEL_BYTES / 1024 / 1024} MB`);
  const zipped = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (format === 'csv') {
    if (zipped) refuse(file, 'this is a zip archive (an .xlsx workbook?), not CSV text: give it its .xlsx name');
    return readCsv(file, bytes);
  }
  // Excel saves a password-protected workbook encrypted in the compound file format of the old .xls (its first bytes D0 CF 11 E0).
  const compound = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (compound) refuse(file, 'this workbook is password-protected (encrypted), or an Excel 97-2003 workbook named .xlsx: remove its password (File > Info > Protect Workbook) or save it as .xlsx or .csv, then import that');
  if (!zipped) refuse(file, bytes.length === 0 ? 'the file is empty' : 'this is not an .xlsx workbook (an .xlsx file is a zip archive): save the sheet as .xlsx or .csv');
  return { workbook: await readXlsx(file, bytes), warnings: [] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

function readCsv(file: string, bytes: Uint8Array): { workbook: Workbook; warnings: string[] } {
  const warnings: string[] = [];
  let text: string;
  // Excel's "Unicode Text (*.txt)" is UTF-16 (tab-separated) with a byte order mark: text, though full of zero bytes.
  const utf16 = utf16Of(bytes);
  if (utf16) text = new TextDecoder(utf16).decode(bytes);
  else {
    if (bytes.includes(0)) refuse(file, 'this is a binary file, not CSV text');
    try {
      text = utf8.decode(bytes);
    } catch {
      text = windows1252.decode(bytes);
      warnings.push(`${file} is not UTF-8: read as Windows-1252, the code page Excel saves CSV in (save it as "CSV UTF-8" to be sure of every character)`);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  let records: string[][];
  const delimiter = delimiterOf(text);
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const open = openQuote(text, delimiter);
    if (open) return refuse(file, 'a quoted cell is not closed: this " has no partner, so the rest of the file reads as one cell', open.line, open.column);
    const lines = (error as { lines?: number }).lines;
    return refuse(file, `the CSV cannot be read here: ${(error as Error).message.split(/[.:]\s/)[0]!.slice(0, 120)}`, lines ?? 1);
  }
  const rows = records.map((record) => record.map(csvCell));
  return { workbook: { file, format: 'csv', sheets: [{ name: basename(file), rows }] }, warnings };
}

/** The UTF-16 byte order a file's byte order mark says, if it starts with one. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Where the quote that is never closed opens: its row and cell column (1-based), if one is. */
function openQuote(text: string, delimiter: string): { line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  let quoted: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else quoted = quoted ? undefined : { line, column };
    } else if (!quoted && ch === delimiter) column++;
    else if (!quoted && ch === '\n') {
      line++;
      column = 1;
    }
  }
  return quoted;
}

/** The separator of a CSV file: the one of comma, semicolon and tab its first line has most of, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A CSV cell: empty, text, or a formula (a spreadsheet would compute it). Firedrill's own guard prefix (') comes off. */
function csvCell(raw: string): Cell | null {
  if (raw.trim() === '') return null;
  // A cell typed in Excel on Windows ends its lines with CR LF: one line break, as in an .xlsx.
  const lines = (text: string) => text.replace(/\r\n?/g, '\n');
  if (/^'+[=+\-@\t\r]/.test(raw)) return { kind: 'text', text: lines(raw.slice(1)) };
  if (raw.startsWith('=')) return { kind: 'formula', formula: raw };
  return { kind: 'text', text: lines(raw) };
}

async function readXlsx(file: string, bytes: Uint8Array): Promise<Workbook> {
  try {
    checkZip(listZip(bytes), XLSX_LIMITS);
  } catch (error) {
    if (error instanceof ZipRefusal) refuse(file, `this workbook cannot be read safely: ${error.message}`);
    throw error;
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    refuse(file, `this .xlsx workbook cannot be read (${(error as Error).message.split('\n')[0]}): open it in a spreadsheet and save it again, or save it as .csv`);
  }
  return { file, format: 'xlsx', sheets: book.worksheets.filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden').map(readSheet) };
}

function readSheet(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | null)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = xlsxCell(cell);
    });
    rows[rowNumber - 1] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? null);
  });
  return { name: worksheet.name, rows: Array.from({ length: rows.length }, (_, i) => rows[i] ?? []) };
}

function xlsxCell(cell: ExcelJS.Cell): Cell | null {
  if (cell.isMerged && cell.master.address !== cell.address) return { kind: 'merged', master: cell.master.address };
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return null;
    case ExcelJS.ValueType.Number:
      return { kind: 'number', value: value as number };
    case ExcelJS.ValueType.Boolean:
      return { kind: 'boolean', value: value as boolean };
    case ExcelJS.ValueType.Date:
      return { kind: 'date', local: (value as Date).toISOString().slice(0, 19) };
    case ExcelJS.ValueType.Formula: {
      const formula = value as { formula?: string; sharedFormula?: string };
      return { kind: 'formula', formula: `=${formula.formula ?? formula.sharedFormula ?? ''}` };
    }
    case ExcelJS.ValueType.Error:
      return { kind: 'error', text: String((value as { error?: string }).error ?? '#ERROR') };
    case ExcelJS.ValueType.RichText:
      return textCell((value as { richText: { text: string }[] }).richText.map((run) => run.text).join(''));
    case ExcelJS.ValueType.Hyperlink:
      return textCell(String((value as { text?: unknown }).text ?? cell.text));
    default:
      return textCell(typeof value === 'string' ? value : cell.text);
  }
}

const textCell = (text: string): Cell | null => (text.trim() === '' ? null : { kind: 'text', text });
