// A spreadsheet as the MSEL importer reads it: sheets of rows of typed cells, whatever the file
// was (CSV or XLSX). The host turns bytes into this; everything after is pure and located by
// spreadsheet row and column, the way a person finds a cell.

/** One cell's content, as the file holds it. */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A cell formatted as a date or time: its local date-time as written, without a zone (YYYY-MM-DDTHH:MM:SS). */
  | { kind: 'date'; local: string }
  | { kind: 'formula'; formula: string }
  /** A cell showing an error value (#REF!, #N/A...). */
  | { kind: 'error'; text: string }
  /** A cell covered by a merged range: its value sits in the range's first cell. */
  | { kind: 'merged'; master: string };

export interface Sheet {
  name: string;
  /** rows[r][c]: row r + 1, column c + 1 of the sheet; null or missing: an empty cell. */
  rows: (Cell | null)[][];
}

export interface Workbook {
  /** The file name as the person gave it: every error names it. */
  file: string;
  format: 'csv' | 'xlsx';
  sheets: Sheet[];
}

/** The column's letters as a spreadsheet shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A column given as letters (A, AB) to its 0-based index; undefined if it is not letters. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A cell's A1 reference: row and column 0-based. */
export const cellRef = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

/** The text of a cell that holds a value, trimmed; '' for an empty one. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text.trim();
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return cell.local;
    default:
      return '';
  }
}

export const isEmpty = (cell: Cell | null | undefined) => !cell || (cell.kind === 'text' && cell.text.trim() === '');
