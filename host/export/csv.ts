import { stringify } from 'csv-stringify/sync';

// Every CSV file Firedrill writes goes through here, so no cell can run as a spreadsheet formula.

/**
 * A text cell a spreadsheet could read as a formula (=, +, -, @, a tab or a carriage return
 * first: an observation "=HYPERLINK(...)", an inject titled "@SUM(1+1)"), prefixed with an
 * apostrophe so it stays text, as OWASP advises for CSV injection. Numbers are written as numbers.
 */
export function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Rows as CSV text: one header line of the columns, booleans as true/false, every text cell neutralised. */
export function csvText<Column extends string>(rows: readonly Partial<Record<Column, string | number | boolean | null | undefined>>[], columns: readonly Column[]): string {
  return stringify([...rows], {
    header: true,
    columns: [...columns],
    cast: { boolean: (value) => (value ? 'true' : 'false'), string: neutralised },
  });
}
