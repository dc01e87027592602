import Papa from 'papaparse';

/** A CSV cell: numbers stay numbers, missing values are empty. */
export type CsvCell = string | number | null;

// Cells a spreadsheet would run as a formula (RFC 4180 says nothing about this; OWASP does).
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Header + rows → RFC 4180 CSV (CRLF line ends, quotes where needed). Text that a spreadsheet
 * would read as a formula is prefixed with `'`; numbers are written as numbers, so negative
 * values stay numeric.
 */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse([header.map((cell) => cell), ...rows.map((row) => [...row])], {
    newline: '\r\n',
    quotes: false,
    escapeFormulae: FORMULA_START,
  });
}
