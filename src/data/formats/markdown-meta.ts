/**
 * The Platform Information table that later versions of CI's benchmark page carry:
 * pandas' `tabulate(..., showindex=True)` of one "Platform Info" column, one row per fact.
 *
 * |                | Platform Info   |
 * |:---------------|:----------------|
 * | Physical cores | 64              |
 */
import { MAX_TEXT_LENGTH, capText, emptyRecord, splitLines } from './shared';

const SEPARATOR_CELL = /^\s*:?-+:?\s*$/;
/** A page has a handful of platform facts; a table of thousands is not one. */
const MAX_FACTS = 100;

function cellsOf(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').map((cell) => cell.trim());
}

/** The Platform Information facts of a page, by name; null when the page has no such table. */
export function readPlatformTable(
  text: string,
  warnings: string[],
): Readonly<Record<string, string>> | null {
  if (!/platform info/i.test(text)) return null;
  const lines = splitLines(text);
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (!line.includes('|') || !/platform info/i.test(line)) continue;
    const headers = cellsOf(line);
    const valueColumn = headers.findIndex((header) => header.toLowerCase() === 'platform info');
    const separator = lines[i + 1] ?? '';
    if (valueColumn < 1 || !cellsOf(separator).every((cell) => SEPARATOR_CELL.test(cell))) continue;
    const facts = emptyRecord();
    let count = 0;
    for (let j = i + 2; j < lines.length && count < MAX_FACTS; j += 1) {
      const row = lines[j] ?? '';
      if (!row.includes('|') || row.trim() === '') break;
      const cells = cellsOf(row);
      const name = cells[0] ?? '';
      const value = cells[valueColumn] ?? '';
      if (name === '' || value === '') continue;
      facts[capText(name, 'A platform fact name', warnings, MAX_TEXT_LENGTH)] = capText(
        value,
        `The platform fact "${name.slice(0, 40)}"`,
        warnings,
        MAX_TEXT_LENGTH,
      );
      count += 1;
    }
    return count === 0 ? null : Object.freeze(facts);
  }
  return null;
}
