/**
 * Reading single values out of table cells and JSON values, whatever type the writer used:
 * `200.0` and `"200"` are both 200; `NaN`, `nan`, `""`, `None` and null are missing;
 * `inf` / `Infinity` are infinite.
 */

const MISSING_WORDS: ReadonlySet<string> = new Set([
  '',
  'nan',
  '-nan',
  'none',
  'null',
  'n/a',
  '-',
  '—',
]);
const INFINITE_WORDS: ReadonlySet<string> = new Set(['inf', '+inf', 'infinity', '+infinity']);
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A cell → number, Infinity for `inf`, or null when missing or not a number. */
export function parseNumberCell(value: unknown): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim().toLowerCase();
  if (MISSING_WORDS.has(text)) return null;
  if (INFINITE_WORDS.has(text)) return Infinity;
  if (text === '-inf' || text === '-infinity') return -Infinity;
  if (!NUMBER_TEXT.test(text)) return null;
  return Number(text);
}

/** A cell → a finite number, or null (a metric value of ±Infinity means nothing). */
export function parseFiniteCell(value: unknown): number | null {
  const number = parseNumberCell(value);
  return number !== null && Number.isFinite(number) ? number : null;
}

/** True when the cell holds no value at all (as opposed to holding text we cannot read). */
export function isMissingCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return typeof value === 'string' && MISSING_WORDS.has(value.trim().toLowerCase());
}

/** A cell → text, or null for missing values. Numbers are written as JavaScript writes them. */
export function parseTextCell(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return MISSING_WORDS.has(text.toLowerCase()) ? null : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}
