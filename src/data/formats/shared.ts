/**
 * Small pieces every reader in this folder shares: reading values out of untrusted JSON without
 * touching prototypes, capping text a file may make enormous, interning repeated strings, and
 * the frozen empty attributes record that rows without text extras share.
 */
import { isJsonObject } from './python-json';
import { parseNumberCell } from './cells';

export type JsonRecord = Readonly<Record<string, unknown>>;

/** Names, labels and attribute values longer than this are cut (a file may hold a 5 MB "name"). */
export const MAX_TEXT_LENGTH = 200;
/** Recorded commands and GPU lists are longer by nature; they are cut later. */
export const MAX_LONG_TEXT_LENGTH = 8192;
/** At most this many uninterpreted fields are kept per result; the rest are counted in a warning. */
export const MAX_EXTRA_FIELDS = 200;

/** An own property of a JSON object, or undefined: never a value from its prototype chain. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An own property that is itself a JSON object. */
export function ownObject(record: JsonRecord, key: string): JsonRecord | null {
  const value = own(record, key);
  return isJsonObject(value) ? value : null;
}

/**
 * A fresh flat copy of the first `max` code points of a string. Slices of a huge string can keep
 * the whole string alive in the engine; joining the pieces makes a string of its own.
 */
function shortCopy(text: string, max: number): string {
  return Array.from(text.slice(0, max * 2))
    .slice(0, max)
    .join('');
}

/** A short preview of text for a message, on one line. */
export function preview(text: string, max = 40): string {
  const flat = shortCopy(text, max + 1).replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Text from a file, cut to `max` characters when longer, with a warning saying what was cut.
 * `what` names the field in the warning ("Test name of record 3").
 */
export function capText(
  text: string,
  what: string,
  warnings: string[],
  max = MAX_TEXT_LENGTH,
): string {
  if (text.length <= max) return text;
  warnings.push(
    `${what} was ${text.length.toLocaleString('en-US')} characters long ("${preview(text)}"); it was cut to ${max}.`,
  );
  return `${shortCopy(text, max - 1)}…`;
}

/** A number out of a JSON value written as a number or a short string; `inf` is Infinity. */
export function numberOf(value: unknown): number | null {
  return parseNumberCell(value);
}

/** A finite number, or null. */
export function finiteOf(value: unknown): number | null {
  const number = parseNumberCell(value);
  return number !== null && Number.isFinite(number) ? number : null;
}

/** A whole positive count such as a TP size or a concurrency (`4`, `4.0`, `"4"`), or null. */
export function countOf(value: unknown): number | null {
  const number = parseNumberCell(value);
  return number !== null && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** A non-empty string value, trimmed, or null. */
export function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** A text value for an attribute: strings as written, numbers and booleans as JavaScript writes them. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return Number.isNaN(value) ? null : String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** Rows without text extras share this record. It has no prototype: keys come from files. */
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(
  Object.create(null) as Record<string, string>,
);

/** A record without a prototype, for keys that come from files. */
export function emptyRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** Interns strings within one file, so a long history keeps each repeated name once. */
export function stringInterner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

/**
 * Builds frozen attribute records and shares identical ones: many results of one file carry the
 * same backend, label and tokenizer.
 */
export function attributeInterner(): (
  entries: readonly (readonly [string, string])[],
) => Readonly<Record<string, string>> {
  const seen = new Map<string, Readonly<Record<string, string>>>();
  return (entries) => {
    if (entries.length === 0) return NO_ATTRIBUTES;
    // A flat list of strings: stringifying it is shallow and tells any two lists apart.
    const key = JSON.stringify(entries);
    const known = seen.get(key);
    if (known !== undefined) return known;
    const record = emptyRecord();
    for (const [name, value] of entries) record[name] = value;
    Object.freeze(record);
    seen.set(key, record);
    return record;
  };
}

/** `20240923-143015` (Python's `%Y%m%d-%H%M%S`) → `2024-09-23T14:30:15`; null if not a real time. */
export function pythonDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (match === null) return null;
  const [, year = '', month = '', day = '', hour = '', minute = '', second = ''] = match;
  const date = new Date(
    Date.UTC(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
    ),
  );
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second);
  return valid ? `${year}-${month}-${day}T${hour}:${minute}:${second}` : null;
}

/** A percentile as vLLM names it in keys: `99`, `99.9`, `50` (Python's `str(int(p)) if int(p) == p`). */
export function percentileWord(text: string): string | null {
  if (!/^\d{1,3}(?:\.\d{1,6})?$/.test(text)) return null;
  const value = Number(text);
  if (!(value > 0 && value <= 100)) return null;
  return String(value);
}

/** Ascending order of `p<P>` keys by their number. */
export function byPercentile(a: string, b: string): number {
  return Number(a) - Number(b);
}

/**
 * numpy's default percentile (linear interpolation between closest ranks) of sorted values.
 * `p` is 0–100.
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? 0;
  return a + (b - a) * (rank - low);
}

/** The finite numbers of a JSON array (at most `limit` of them), or null when it is no array. */
export function finiteNumbers(value: unknown, limit = 10_000_000): number[] | null {
  if (!Array.isArray(value)) return null;
  const numbers: number[] = [];
  const length = Math.min(value.length, limit);
  for (let i = 0; i < length; i += 1) {
    const item: unknown = value[i];
    if (typeof item === 'number' && Number.isFinite(item)) numbers.push(item);
  }
  return numbers;
}

/** Relative closeness, for telling a recorded statistic from one computed again. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Appends every item to a list. `list.push(...items)` passes items as arguments, and a file of
 * a few hundred thousand rows overflows the engine's argument limit.
 */
export function appendAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * A text's lines, as `text.split(/\r?\n/)` gives them, but split on the plain "\n" (a string
 * search, not a regular expression: on a page whose embedded JSON is one 25 MB line, about 1.5
 * against 17 ms) and then the "\r" of each "\r\n" dropped.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i += 1) {
    const line = lines[i] ?? '';
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}
