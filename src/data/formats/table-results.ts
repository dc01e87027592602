import { VLLM } from '../engines';
import { isMissingCell, parseFiniteCell, parseNumberCell, parseTextCell } from './cells';
import { normalizeGpu } from '../gpu';
import { extraMetricKey, resolveColumns, type ColumnRole } from '../metrics';
import { rowsOfColumns } from '../results/columns-rows';
import { ColumnsBuilder, type ResultColumns } from '../results/result-columns';
import { SUITE_CODES, type BenchmarkResult, type Suite } from '../results/result-model';
import { parseTestName } from './test-name';

/**
 * A table of cells as every format holds it: headers plus rows, each row with a position to
 * report. The cells come row by row (`rows`), or column by column (`columns`, each a column's
 * cells by row number) where the file stores them so, and turning them into rows would only make
 * an array per row for the reader to throw away.
 */
export type RawTable = {
  readonly headers: readonly string[];
  /**
   * Where each row is in the input, for warnings (e.g. "line 12", "row 3"): a list, or a
   * function for tables so long that making every row's text up front would cost.
   */
  readonly positions: readonly string[] | ((index: number) => string);
} & (
  | { readonly rows: readonly (readonly unknown[])[] }
  | { readonly columns: readonly Readonly<Record<number, unknown>>[]; readonly rowCount: number }
);

/** How many rows a table has, whichever way it holds them. */
export function rowCountOf(table: RawTable): number {
  return 'rows' in table ? table.rows.length : table.rowCount;
}

/**
 * A table's cells, whichever way it holds them: how many rows, and one cell. `column(c)` gives
 * a reader of one column's cells by row, for a pass down a column (no lookup of the column per
 * cell).
 */
function tableReader(table: RawTable): {
  readonly count: number;
  readonly cellAt: (index: number, column: number) => unknown;
  readonly column: (column: number) => (index: number) => unknown;
} {
  if ('rows' in table) {
    const { rows } = table;
    return {
      count: rowCountOf(table),
      cellAt: (index, column) => rows[index]?.[column],
      column: (column) => (index) => rows[index]?.[column],
    };
  }
  const { columns } = table;
  const none: Readonly<Record<number, unknown>> = {};
  return {
    count: rowCountOf(table),
    cellAt: (index, column) => columns[column]?.[index],
    column: (column) => {
      const cells = columns[column] ?? none;
      return (index) => cells[index];
    },
  };
}

export interface TableReadout {
  readonly results: readonly BenchmarkResult[];
  readonly warnings: string[];
}

/** Which suite a table is when neither its section nor the test name says. */
function suiteFromColumns(roles: readonly ColumnRole[]): Suite | null {
  const keys = roles.flatMap((role) => (role.kind === 'metric' ? [role.key] : []));
  if (keys.some((key) => /^(ttft|tpot|itl|e2el)_/.test(key))) return 'serving';
  if (keys.some((key) => key.startsWith('latency_'))) return 'latency';
  if (keys.includes('request_throughput')) return 'throughput';
  return null;
}

/**
 * Memoizes a function of a string within one table: results of a long history repeat the same
 * test names, models and GPU cells, so each distinct one is parsed and stored once.
 */
function memoByText<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = read(text);
      cache.set(text, value);
    }
    return value as T;
  };
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} #${n}`)) n += 1;
  return `${name} #${n}`;
}

function integerOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * One table of a vLLM results file → normalized results, written into `into` (one row per
 * result, no object per row) with its warnings added to `warnings`; returns the suite of its
 * first result, or null when it gave none. The suite comes from the section the table was in,
 * else from each test name, else from the columns. Rows without a test name are skipped with a
 * warning naming their position; explicit columns (TP Size, qps, …) beat what the test name
 * says, and a TP disagreement is reported.
 */
export function readTableInto(
  table: RawTable,
  sectionSuite: Suite | null,
  into: ColumnsBuilder,
  warnings: string[],
): Suite | null {
  const defaultQuantity = sectionSuite === 'latency' ? 'latency' : null;
  const roles = resolveColumns(table.headers, defaultQuantity);
  const columnSuite = suiteFromColumns(roles);

  const { count, cellAt: tableCell, column: columnReader } = tableReader(table);

  // An unknown column is a metric when every value in it reads as a number, otherwise text.
  const extraNames = new Set<string>();
  const extras = roles.map((role, column) => {
    if (role.kind !== 'extra') return null;
    const name = uniqueName(role.name, extraNames);
    extraNames.add(name);
    let numeric = true;
    for (let index = 0; index < count && numeric; index += 1) {
      const cell = tableCell(index, column);
      numeric = isMissingCell(cell) || parseNumberCell(cell) !== null;
    }
    return { name, numeric };
  });

  const columnOf = (kind: ColumnRole['kind']): number =>
    roles.findIndex((role) => role.kind === kind);
  const nameColumn = columnOf('test-name');
  if (nameColumn === -1) {
    warnings.push('A table has no "Test name" column; it was skipped.');
    return null;
  }
  const tpColumn = columnOf('tp');
  const ppColumn = columnOf('pp');
  const dpColumn = columnOf('dp');
  const modelColumn = columnOf('model');
  const gpuColumn = columnOf('gpu');
  const datasetColumn = columnOf('dataset');
  const qpsColumn = columnOf('qps');
  const concurrencyColumn = columnOf('concurrency');
  const inputColumn = columnOf('input-len');
  const outputColumn = columnOf('output-len');
  const cellAt = (index: number, column: number): unknown =>
    column === -1 ? undefined : tableCell(index, column);

  // What each column gives a result, worked out once for the table rather than once per row.
  type ColumnPlan =
    | { readonly kind: 'metric'; readonly column: number; readonly scale: number }
    | { readonly kind: 'number'; readonly column: number }
    | { readonly kind: 'text'; readonly column: number; readonly name: string };
  const plans: ColumnPlan[] = [];
  // Every row gets the metric keys of the table's metric and number columns, in column order
  // (a key two columns give is where it was first given, with the later column's value).
  const keys: string[] = [];
  const keyOfPlan: string[] = [];
  const addKey = (key: string): void => {
    keyOfPlan[plans.length] = key;
    if (!keys.includes(key)) keys.push(key);
  };
  roles.forEach((role, column) => {
    if (role.kind === 'metric') {
      addKey(role.key);
      plans.push({ kind: 'metric', column, scale: role.scale });
      return;
    }
    const extra = extras[column];
    if (extra === null || extra === undefined) return;
    if (extra.numeric) {
      addKey(extraMetricKey(extra.name));
      plans.push({ kind: 'number', column });
    } else {
      plans.push({ kind: 'text', column, name: extra.name });
    }
  });

  into.reserve(count);
  const { strings, suite: suiteOf, metricShape, text, numbers } = into;
  const list = into.metricList(keys);
  const planColumns = plans.map((_, p) => {
    const key = keyOfPlan[p];
    return key === undefined ? null : into.metric(key);
  });
  // An attribute's column is made when a row first has a value for it.
  const planAttributes: (Int32Array | undefined)[] = [];

  // Text cells by their raw text: results of a long history repeat the same test names, models
  // and GPU cells, so each distinct one is trimmed and checked once.
  const readText = memoByText(parseTextCell);
  const readName = memoByText(parseTestName);
  const readGpu = memoByText(normalizeGpu);
  const gpuOf = (cell: unknown) => (typeof cell === 'string' ? readGpu(cell) : normalizeGpu(cell));
  const textOf = (cell: unknown): string | null =>
    typeof cell === 'string' ? readText(cell) : parseTextCell(cell);
  const integerAt = (index: number, column: number): number | null =>
    column === -1 ? null : integerOrNull(parseNumberCell(tableCell(index, column)));

  const { positions } = table;
  const positionOf = (index: number): string =>
    typeof positions === 'function' ? positions(index) : (positions[index] ?? `row ${index + 1}`);

  // The rows' own facts, row by row; a row skipped is -1 in `kept`, else its row in `into`.
  const kept = new Int32Array(count).fill(-1);
  let first: Suite | null = null;
  for (let index = 0; index < count; index += 1) {
    const testName = textOf(tableCell(index, nameColumn));
    if (testName === null) {
      warnings.push(`Skipped ${positionOf(index)}: it has no test name.`);
      continue;
    }
    const parts = readName(testName);
    const suite = sectionSuite ?? parts.suite ?? columnSuite;
    if (suite === null) {
      warnings.push(
        `Skipped ${positionOf(index)} (${testName}): cannot tell whether it is latency, throughput or serving.`,
      );
      continue;
    }

    const explicitTp = integerAt(index, tpColumn);
    if (explicitTp !== null && parts.tp !== null && explicitTp !== parts.tp) {
      warnings.push(
        `${testName}: the file says TP ${explicitTp} but the test name says tp${parts.tp}; TP ${explicitTp} is shown.`,
      );
    }

    const at = into.addRow();
    kept[index] = at;
    first ??= suite;
    suiteOf[at] = SUITE_CODES[suite];
    metricShape[at] = list;
    for (let p = 0; p < plans.length; p += 1) {
      const plan = plans[p] as ColumnPlan;
      if (plan.kind !== 'text') continue;
      const value = textOf(tableCell(index, plan.column));
      if (value === null) continue;
      const column = (planAttributes[p] ??= into.attribute(plan.name));
      column[at] = strings.code(value);
    }

    const gpu = gpuOf(cellAt(index, gpuColumn));
    text.testName[at] = strings.code(testName);
    text.model[at] = strings.code(textOf(cellAt(index, modelColumn)) ?? parts.model ?? '');
    text.gpuType[at] = strings.nullable(gpu?.type ?? null);
    text.dataset[at] = strings.nullable(textOf(cellAt(index, datasetColumn)) ?? parts.dataset);
    text.variant[at] = strings.nullable(parts.variant);
    // CI's tables are vLLM's nightly benchmarks: of vLLM, unless an old name says another engine.
    text.engine[at] = strings.code(parts.engine ?? VLLM);
    numbers.tp[at] = explicitTp ?? parts.tp ?? NaN;
    numbers.pp[at] = integerAt(index, ppColumn) ?? parts.pp ?? NaN;
    numbers.dp[at] = integerAt(index, dpColumn) ?? parts.dp ?? NaN;
    numbers.gpuCount[at] = gpu?.count ?? NaN;
    numbers.qps[at] =
      (qpsColumn === -1 ? null : parseNumberCell(tableCell(index, qpsColumn))) ?? parts.qps ?? NaN;
    numbers.concurrency[at] = integerAt(index, concurrencyColumn) ?? parts.concurrency ?? NaN;
    numbers.inputLen[at] = integerAt(index, inputColumn) ?? parts.inputLen ?? NaN;
    numbers.outputLen[at] = integerAt(index, outputColumn) ?? parts.outputLen ?? NaN;
  }

  // Then the numbers, a column at a time, in column order: a key two columns give ends with the
  // later column's value, as row by row. Most of a table's cells are these.
  for (let p = 0; p < plans.length; p += 1) {
    const plan = plans[p] as ColumnPlan;
    if (plan.kind === 'text') continue;
    const out = planColumns[p] as Float64Array;
    const scale = plan.kind === 'metric' ? plan.scale : 1;
    const cellOf = columnReader(plan.column);
    for (let index = 0; index < count; index += 1) {
      const at = kept[index] as number;
      if (at === -1) continue;
      const value = parseFiniteCell(cellOf(index));
      out[at] = value === null ? NaN : value * scale;
    }
  }
  return first;
}

/** One table of a vLLM results file → its results and warnings (`readTableInto`, on its own). */
export function readResultsTable(table: RawTable, sectionSuite: Suite | null): TableReadout {
  const into = new ColumnsBuilder();
  const warnings: string[] = [];
  readTableInto(table, sectionSuite, into, warnings);
  return { results: rowsOfColumns(into.finish()), warnings };
}

/**
 * Which version of CI's table layout (V1–V6, by their columns) a file's headers match, or null.
 * V3 is too close to V4 to tell apart and is reported as V4.
 */
export function detectTableVersion(
  headersBySuite: ReadonlyMap<Suite, readonly string[]>,
): string | null {
  const all = [...headersBySuite.values()].flat().map((header) => header.trim().toLowerCase());
  const latency = (headersBySuite.get('latency') ?? []).map((header) =>
    header.trim().toLowerCase(),
  );
  const serving = (headersBySuite.get('serving') ?? []).map((header) =>
    header.trim().toLowerCase(),
  );
  if (all.length === 0) return null;
  if (
    all.some((header) =>
      ['tp size', 'dataset name', '# of max concurrency.', 'qps'].includes(header),
    )
  ) {
    return 'V6';
  }
  if (latency.some((header) => header.endsWith('(s)'))) {
    return latency.includes('gpu') || all.includes('gpu') ? 'V2' : 'V1';
  }
  if (serving.includes('total token tput (tok/s)') || all.includes('elapsed time (s)')) return 'V5';
  if (all.some((header) => header.endsWith('(ms)') || header === 'tput (req/s)')) return 'V4';
  return null;
}

/** A table of a file, with the suite of the section it sits in when the file says. */
export interface SuiteTable {
  readonly table: RawTable;
  readonly suite: Suite | null;
}

/**
 * What a file's tables hold together: their results as columns (a row per result, no object per
 * result made) and the layout version of their headers.
 */
export interface TablesReadout {
  readonly columns: ResultColumns;
  readonly version: string | null;
}

/**
 * A file's tables, read one after another (an iterable: a table can be made just before it is
 * read), their warnings added to `warnings`. A table counts towards the layout version as the
 * suite of its section, else of its first result. `rows`: how many rows the tables hold together,
 * when known (a hint: a wrong count reads the same results, only slower).
 */
export function readResultsTables(
  tables: Iterable<SuiteTable>,
  warnings: string[],
  rows = 0,
): TablesReadout {
  const into = new ColumnsBuilder();
  // Room for every row at once, when the caller knows how many the tables hold: grown table by
  // table, the columns were made and copied again for each table, and trimmed at the end.
  into.reserve(rows);
  const headersBySuite = new Map<Suite, readonly string[]>();
  for (const { table, suite } of tables) {
    const first = readTableInto(table, suite, into, warnings);
    const tableSuite = suite ?? first;
    if (tableSuite !== null) headersBySuite.set(tableSuite, table.headers);
  }
  return { columns: into.finish(), version: detectTableVersion(headersBySuite) };
}

/** A format's label with the layout version, when one was detected: `vLLM markdown V6`. */
export function versionedLabel(label: string, version: string | null): string {
  return version === null ? label : `${label} ${version}`;
}
