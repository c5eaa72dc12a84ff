import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { mselDocument } from '../../engine/msel/msel-document.js';
import { mselTable, type MselTable } from '../../engine/msel/export-msel.js';
import type { PaperSize } from '../../engine/report/export-formats.js';
import { guardCsvCell } from '../export/csv-guard.js';
import { renderPdf } from '../export/pdf-render.js';
import type { MselExportFormat } from './msel-formats.js';

// A scenario as the controllers' MSEL file: CSV (UTF-8 with a byte order mark, so Excel reads
// its accents; cells guarded against formula injection), XLSX (a frozen header row, column
// widths, wrapped text, a filter on the header), or a printable PDF handout.

export { MSEL_FORMATS, MSEL_MEDIA_TYPES, type MselExportFormat } from './msel-formats.js';

export function mselCsv(table: MselTable): Buffer {
  const text = stringify([table.columns.map((c) => c.header), ...table.rows].map((row) => row.map(guardCsvCell)), { record_delimiter: 'windows' });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

export async function mselXlsx(table: MselTable, scenario: Scenario): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Firedrill';
  book.title = `MSEL: ${scenario.title}`;
  // A fixed date keeps the file the same for the same scenario (exceljs stamps "now" otherwise).
  book.created = book.modified = new Date(Date.parse(scenario.startsAt) || 0);
  const sheet = book.addWorksheet('MSEL', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, key: column.header, width: column.width }));
  for (const row of table.rows) sheet.addRow(row);
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).alignment = column.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The scenario's MSEL in a format. */
export async function exportMsel(scenario: Scenario, plan: Plan, format: MselExportFormat, options: { paper?: PaperSize } = {}): Promise<Buffer> {
  if (format === 'pdf') return renderPdf(mselDocument(scenario, plan), options.paper ?? 'a4');
  const table = mselTable(scenario, plan);
  return format === 'csv' ? mselCsv(table) : mselXlsx(table, scenario);
}
