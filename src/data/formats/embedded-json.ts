import { jsonColumnOrder } from './json-columns';
import { isJsonObject, parsePythonJson } from './python-json';
import { SUITES, parseFailure, type ParseOutcome, type Suite } from '../results/result-model';
import { columnsOutcome } from './outcome';
import {
  readResultsTables,
  rowCountOf,
  versionedLabel,
  type RawTable,
  type SuiteTable,
} from './table-results';

const NOT_RESULTS_HINT =
  'Expected the JSON that vLLM CI embeds in its benchmark page: {"latency": {...}, "throughput": {...}, "serving": {...}}.';

/** True when a parsed JSON value has the shape of CI's embedded JSON (at least one suite of columns). */
export function looksLikeEmbeddedJson(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    isJsonObject(value) &&
    SUITES.some((suite) => Object.hasOwn(value, suite) && isJsonObject(value[suite]))
  );
}

function numericOrder(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The row count when the columns are what pandas writes: the first column's keys exactly
 * "0", "1", … "n−1", and every other column has rows 0 … n−1 and no row n. Then rows can be read
 * by number (fast element access) without collecting and sorting every column's keys. The first
 * column has n keys and holds every row 0 … n−1, so those are its keys; rows are looked up as
 * elements, and `hasOwn` asked only when a lookup finds nothing (JSON never holds `undefined`).
 */
function contiguousRowCount(
  cellsByColumn: readonly Readonly<Record<string, unknown>>[],
): number | null {
  const first = cellsByColumn[0];
  if (first === undefined) return null;
  const n = Object.keys(first).length;
  for (const cells of cellsByColumn) {
    if (Object.hasOwn(cells, n)) return null;
    const rows = cells as unknown as readonly unknown[];
    for (let i = 0; i < n; i += 1) {
      if (rows[i] === undefined && !Object.hasOwn(cells, i)) return null;
    }
  }
  return n;
}

/** pandas' dict orientation `{column: {rowIndex: value}}` → a table with rows in index order. */
function dictToTable(
  suite: Suite,
  columns: Readonly<Record<string, unknown>>,
  warnings: string[],
): RawTable {
  const headers: string[] = [];
  const cellsByColumn: Readonly<Record<string, unknown>>[] = [];
  for (const [header, cells] of Object.entries(columns)) {
    if (!isJsonObject(cells)) {
      warnings.push(`${suite}: column "${header}" holds no row values; it was ignored.`);
      continue;
    }
    headers.push(header);
    cellsByColumn.push(cells);
  }
  // JSON keys cannot repeat: V2's repeated bare Median/P99 columns need moving (json-columns.ts).
  const order = jsonColumnOrder(headers);
  const orderedCells = order.map((column) => cellsByColumn[column] ?? {});
  const orderedHeaders = order.map((column) => headers[column] ?? '');

  // Rows 0 … n−1 are each column's elements: the table is read by column, as pandas wrote it.
  const count = contiguousRowCount(cellsByColumn);
  if (count !== null) {
    return {
      headers: orderedHeaders,
      columns: orderedCells,
      rowCount: count,
      positions: (index) => `${suite} row ${String(index)}`,
    };
  }

  const indexSet = new Set<string>();
  for (const cells of cellsByColumn) for (const index of Object.keys(cells)) indexSet.add(index);
  const indexes = [...indexSet].sort(numericOrder);
  return {
    headers: orderedHeaders,
    rows: indexes.map((index) =>
      orderedCells.map((cells) => (Object.hasOwn(cells, index) ? cells[index] : null)),
    ),
    positions: indexes.map((index) => `${suite} row ${index}`),
  };
}

/** A suite's table, with the warnings its columns gave. */
interface MadeTable extends SuiteTable {
  readonly warnings: readonly string[];
}

/**
 * Each suite's columns as a table, all made before any is read, so the rows can be counted first:
 * a suite that did not run is an empty DataFrame, written `{}`, with nothing to read or warn
 * about.
 */
function suiteTables(value: Readonly<Record<string, unknown>>): MadeTable[] {
  return SUITES.flatMap((suite) => {
    const columns = Object.hasOwn(value, suite) ? value[suite] : undefined;
    if (!isJsonObject(columns) || Object.keys(columns).length === 0) return [];
    const warnings: string[] = [];
    return [{ table: dictToTable(suite, columns, warnings), suite, warnings }];
  });
}

/** The tables to read, each table's own warnings added to `warnings` just before it is read. */
function* withWarnings(tables: readonly MadeTable[], warnings: string[]): Generator<SuiteTable> {
  for (const made of tables) {
    warnings.push(...made.warnings);
    yield made;
  }
}

/**
 * A parsed value in CI's embedded JSON shape → results. Refuses values of any other shape with
 * a typed error; unreadable rows are skipped and listed in warnings.
 */
export function readEmbeddedJsonValue(
  value: unknown,
  formatLabel = 'vLLM embedded JSON',
): ParseOutcome {
  if (!looksLikeEmbeddedJson(value)) {
    return parseFailure(
      'not-results',
      'This JSON is not a vLLM benchmark results file.',
      NOT_RESULTS_HINT,
    );
  }
  const warnings: string[] = [];
  const tables = suiteTables(value);
  const rows = tables.reduce((sum, made) => sum + rowCountOf(made.table), 0);
  const { columns, version } = readResultsTables(withWarnings(tables, warnings), warnings, rows);
  if (columns.count === 0) {
    return parseFailure(
      'no-rows',
      'The file has the shape of vLLM results but holds no result rows.',
    );
  }
  return columnsOutcome(
    { id: 'vllm-embedded-json', label: versionedLabel(formatLabel, version) },
    columns,
    warnings,
  );
}

/**
 * CI's embedded JSON text (`json.dumps({"latency": df.to_dict(), …})`) → results.
 * Accepts NaN/Infinity tokens and a BOM; rows may come in any order. Never throws.
 */
export function parseEmbeddedJson(text: string): ParseOutcome {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) {
    return parseFailure(
      'invalid-json',
      `The file is ${parsed.message}.`,
      'Check that the file was saved completely.',
    );
  }
  return readEmbeddedJsonValue(parsed.value);
}
