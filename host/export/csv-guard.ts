// A cell of a CSV file Firedrill writes: a spreadsheet runs a cell that starts with =, +, -, @
// (or a tab or carriage return before one) as a formula, so text from a scenario or a journal
// could run as one when the file is opened (CSV injection). Such a cell gets a leading
// apostrophe, which spreadsheets show as text; Firedrill's own readers take one off again.

const DANGEROUS = /^'*[=+\-@\t\r]/;

/** The text as a CSV cell that no spreadsheet runs as a formula. */
export function guardCsvCell(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}
