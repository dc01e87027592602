/**
 * CI's `benchmark_results.json`: one flat list of `{column: value}` rows keyed by
 * the tables' column names, latency rows then throughput rows then serving rows (pandas
 * `to_dict(orient="records")`). vLLM's compare script also takes the list wrapped in an object
 * under `results`, `serving_results`, `benchmarks` or `data`; so does this reader.
 */
import { resolveColumns } from '../metrics';
import { isJsonObject } from './python-json';
import type { ParseOutcome, Suite } from '../results/result-model';
import { readResultsTables, type RawTable, type SuiteTable } from './table-results';
import { jsonColumnOrder } from './json-columns';
import { columnsOutcome } from './outcome';
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH, capText, preview } from './shared';

/** Keys under which vLLM's compare script finds the list in a wrapping object, in its order. */
export const WRAPPER_KEYS = ['results', 'serving_results', 'benchmarks', 'data'] as const;

/** Snake-case and other spellings of the columns, as vLLM's compare script accepts them. */
const COLUMN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['test_name', 'Test name'],
  ['tp_size', 'TP Size'],
  ['tensor_parallel_size', 'TP Size'],
  ['pp_size', 'PP Size'],
  ['pipeline_parallel_size', 'PP Size'],
  ['dp_size', 'DP Size'],
  ['data_parallel_size', 'DP Size'],
]);

/** How many leading rows are looked at to recognize the format. */
const SNIFF = 50;

/** The list a value holds directly or under one of the wrapper keys; null if none. */
export function unwrapList(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value as readonly unknown[];
  if (!isJsonObject(value)) return null;
  for (const key of WRAPPER_KEYS) {
    const inner = Object.hasOwn(value, key) ? value[key] : undefined;
    if (Array.isArray(inner)) return inner as readonly unknown[];
  }
  return null;
}

function columnName(key: string): string {
  return COLUMN_ALIASES.get(key) ?? key;
}

function isNameColumn(key: string): boolean {
  return columnName(key).trim().toLowerCase() === 'test name';
}

/**
 * True for a list of records: a leading row has a test name column and a column we know as a
 * metric (a list of test names alone is no results file).
 */
export function looksLikeRecords(list: readonly unknown[]): boolean {
  let named = false;
  let measured = false;
  for (const row of list.slice(0, SNIFF)) {
    if (!isJsonObject(row)) continue;
    const keys = Object.keys(row).slice(0, 200);
    if (keys.some(isNameColumn)) named = true;
    if (resolveColumns(keys.map(columnName)).some((role) => role.kind === 'metric'))
      measured = true;
    if (named && measured) return true;
  }
  return false;
}

const SUITE_PREFIX = /^\s*(latency|throughput|serving)_/;

interface ColumnInfo {
  readonly header: string;
  readonly isName: boolean;
  readonly maxText: number;
}

interface Group {
  readonly headers: string[];
  readonly suite: Suite | null;
  readonly rows: unknown[][];
  readonly positions: string[];
}

/** The suite a group of rows with these columns belongs to when its test names do not say. */
function suiteByColumns(headers: readonly string[]): Suite | null {
  const keys = resolveColumns(headers).flatMap((role) =>
    role.kind === 'metric' ? [role.key] : [],
  );
  if (keys.some((key) => /^(ttft|tpot|itl|e2el)_/.test(key))) return 'serving';
  if (keys.some((key) => key.startsWith('latency_'))) return 'latency';
  return null;
}

/**
 * A records list → results. Rows are grouped by their columns and the suite their test name
 * names (a mixed list holds three tables' rows), each group read as one table. Rows that are not
 * objects, or that no table reading accepts, are skipped and listed with their position.
 */
export function parseRecordsList(list: readonly unknown[]): ParseOutcome {
  const warnings: string[] = [];
  // Groups by suite and the columns joined; rows whose joined columns collide are compared.
  const groups = new Map<string, Group[]>();
  const columns = new Map<string, ColumnInfo>();
  const columnOf = (key: string, where: string): ColumnInfo => {
    let info = columns.get(key);
    if (info === undefined) {
      const header = capText(columnName(key), `A column name in ${where}`, warnings);
      info = {
        header,
        isName: isNameColumn(key),
        maxText: header.trim().toLowerCase() === 'gpu' ? MAX_LONG_TEXT_LENGTH : MAX_TEXT_LENGTH,
      };
      columns.set(key, info);
    }
    return info;
  };
  // Rows of one table come one after another: most rows are checked against the last group
  // without building their list of columns.
  let last: Group | undefined;
  list.forEach((row, index) => {
    const where = `record ${index + 1}`;
    if (!isJsonObject(row)) {
      warnings.push(`Skipped ${where}: it is not an object of column values.`);
      return;
    }
    const cells: unknown[] = [];
    let headers: string[] | null = null;
    let nameCell: unknown = undefined;
    for (const key in row) {
      if (!Object.hasOwn(row, key)) continue;
      const value = row[key];
      const info = columnOf(key, where);
      let cell: unknown = value;
      if (typeof value === 'string') {
        if (value.length > info.maxText) {
          const what = `The "${preview(info.header, 30)}" of ${where}`;
          cell = capText(value, what, warnings, info.maxText);
        }
      } else if (value !== null && typeof value === 'object') {
        cell = null; // Nested values are no table cells.
      }
      if (info.isName && nameCell === undefined) nameCell = cell;
      const column = cells.length;
      if (headers === null && last?.headers[column] !== info.header) {
        headers = last === undefined ? [] : last.headers.slice(0, column);
      }
      headers?.push(info.header);
      cells.push(cell);
    }
    const prefix = typeof nameCell === 'string' ? SUITE_PREFIX.exec(nameCell)?.[1] : undefined;
    const suite = prefix === undefined ? null : (prefix as Suite);
    if (headers === null && last !== undefined && last.headers.length === cells.length) {
      if (last.suite === suite) {
        last.rows.push(cells);
        last.positions.push(where);
        return;
      }
      headers = last.headers.slice();
    }
    headers ??= last === undefined ? [] : last.headers.slice(0, cells.length);
    const key = `${suite ?? ''}\u0000${headers.join('\u0001')}`;
    let candidates = groups.get(key);
    if (candidates === undefined) {
      candidates = [];
      groups.set(key, candidates);
    }
    const columnsOfRow = headers;
    let group = candidates.find(
      (known) =>
        known.suite === suite &&
        known.headers.length === columnsOfRow.length &&
        known.headers.every((header, column) => header === columnsOfRow[column]),
    );
    if (group === undefined) {
      group = { headers: columnsOfRow, suite, rows: [], positions: [] };
      candidates.push(group);
    }
    group.rows.push(cells);
    group.positions.push(where);
    last = group;
  });

  const tables = [...groups.values()].flat().map((group): SuiteTable => {
    // JSON keys cannot repeat: V2's repeated bare Median/P99 columns need moving (json-columns.ts).
    const order = jsonColumnOrder(group.headers);
    const moved = order.some((column, index) => column !== index);
    const table: RawTable = {
      headers: moved ? order.map((column) => group.headers[column] ?? '') : group.headers,
      rows: moved ? group.rows.map((row) => order.map((column) => row[column])) : group.rows,
      positions: group.positions,
    };
    // A latency table's bare `P10 (s)` columns need to know they are latency.
    const suite = group.suite ?? (suiteByColumns(group.headers) === 'latency' ? 'latency' : null);
    return { table, suite };
  });
  const read = readResultsTables(tables, warnings);
  const format = { id: 'vllm-records-json', label: 'vLLM records JSON' } as const;
  return columnsOutcome(format, read.columns, warnings);
}
