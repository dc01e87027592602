import { VLLM } from '../engines';
import { isMissingCell, parseFiniteCell, parseNumberCell, parseTextCell } from './cells';
import { normalizeGpu } from '../gpu';
import { extraMetricKey, resolveColumns, type ColumnRole } from '../metrics';
import type { BenchmarkResult, Suite } from '../results/result-model';
import { appendAll } from './shared';
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

/**
 * A table's cells, whichever way it holds them: how many rows, row `index` as an array of cells,
 * and one cell. A table held by column fills and returns the same array for each row: the reader
 * uses a row's cells before it asks for the next.
 */
function tableReader(table: RawTable): {
  readonly count: number;
  readonly rowAt: (index: number) => readonly unknown[];
  readonly cellAt: (index: number, column: number) => unknown;
} {
  if ('rows' in table) {
    const { rows } = table;
    return {
      count: rows.length,
      rowAt: (index) => rows[index] ?? [],
      cellAt: (index, column) => rows[index]?.[column],
    };
  }
  const { columns } = table;
  const row = new Array<unknown>(columns.length);
  return {
    count: table.rowCount,
    rowAt: (index) => {
      for (let column = 0; column < columns.length; column += 1)
        row[column] = columns[column]?.[index];
      return row;
    },
    cellAt: (index, column) => columns[column]?.[index],
  };
}

export interface TableReadout {
  readonly results: BenchmarkResult[];
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

// No prototype: attribute keys are column names from files, and `__proto__` must stay an
// ordinary key. Rows without text extras share one frozen empty record.
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(
  Object.create(null) as Record<string, string>,
);

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
 * One table of a vLLM results file → normalized results. The suite comes from the section the
 * table was in, else from each test name, else from the columns. Rows without a test name are
 * skipped with a warning naming their position; explicit columns (TP Size, qps, …) beat what
 * the test name says, and a TP disagreement is reported.
 */
export function readResultsTable(table: RawTable, sectionSuite: Suite | null): TableReadout {
  const defaultQuantity = sectionSuite === 'latency' ? 'latency' : null;
  const roles = resolveColumns(table.headers, defaultQuantity);
  const columnSuite = suiteFromColumns(roles);
  const warnings: string[] = [];
  const results: BenchmarkResult[] = [];

  const { count, rowAt, cellAt: tableCell } = tableReader(table);

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
    return { results, warnings: ['A table has no "Test name" column; it was skipped.'] };
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
  const cellAt = (row: readonly unknown[], column: number): unknown =>
    column === -1 ? undefined : row[column];

  // What each column gives a result, worked out once for the table rather than once per row.
  type ColumnPlan =
    | {
        readonly kind: 'metric';
        readonly column: number;
        readonly key: string;
        readonly scale: number;
      }
    | { readonly kind: 'number'; readonly column: number; readonly key: string }
    | { readonly kind: 'text'; readonly column: number; readonly name: string };
  const plans: ColumnPlan[] = [];
  roles.forEach((role, column) => {
    if (role.kind === 'metric') {
      plans.push({ kind: 'metric', column, key: role.key, scale: role.scale });
      return;
    }
    const extra = extras[column];
    if (extra === null || extra === undefined) return;
    plans.push(
      extra.numeric
        ? { kind: 'number', column, key: extraMetricKey(extra.name) }
        : { kind: 'text', column, name: extra.name },
    );
  });

  // Every row gets the metric keys of the table's metric and number columns, in column order.
  const metricsTemplate: Readonly<Record<string, number | null>> = Object.fromEntries(
    plans.flatMap((plan) => (plan.kind === 'text' ? [] : [[plan.key, null]])),
  );

  // Text cells by their raw text: results of a long history repeat the same test names, models
  // and GPU cells, so each distinct one is trimmed and checked once (and stored once).
  const readText = memoByText(parseTextCell);
  const readName = memoByText(parseTestName);
  const readGpu = memoByText(normalizeGpu);
  const gpuOf = (cell: unknown) => (typeof cell === 'string' ? readGpu(cell) : normalizeGpu(cell));
  const textOf = (cell: unknown): string | null =>
    typeof cell === 'string' ? readText(cell) : parseTextCell(cell);
  const integerAt = (row: readonly unknown[], column: number): number | null =>
    column === -1 ? null : integerOrNull(parseNumberCell(row[column]));

  const { positions } = table;
  const positionOf = (index: number): string =>
    typeof positions === 'function' ? positions(index) : (positions[index] ?? `row ${index + 1}`);

  for (let index = 0; index < count; index += 1) {
    const row = rowAt(index);
    const testName = textOf(row[nameColumn]);
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

    const explicitTp = integerAt(row, tpColumn);
    if (explicitTp !== null && parts.tp !== null && explicitTp !== parts.tp) {
      warnings.push(
        `${testName}: the file says TP ${explicitTp} but the test name says tp${parts.tp}; TP ${explicitTp} is shown.`,
      );
    }

    // Keys are known metric keys or `x:`-prefixed column names, so a plain object is safe, and
    // rows of one table share its shape (far smaller than a dictionary-mode object): each starts
    // as a copy of the table's template, with every key in place, rather than growing a key at a
    // time.
    const metrics: Record<string, number | null> = { ...metricsTemplate };
    let attributes = NO_ATTRIBUTES;
    for (const plan of plans) {
      const cell = row[plan.column];
      if (plan.kind === 'metric') {
        const value = parseFiniteCell(cell);
        metrics[plan.key] = value === null ? null : value * plan.scale;
      } else if (plan.kind === 'number') {
        metrics[plan.key] = parseFiniteCell(cell);
      } else {
        const text = textOf(cell);
        if (text === null) continue;
        if (attributes === NO_ATTRIBUTES)
          attributes = Object.create(null) as Record<string, string>;
        (attributes as Record<string, string>)[plan.name] = text;
      }
    }

    results.push({
      suite,
      testName,
      model: textOf(cellAt(row, modelColumn)) ?? parts.model ?? '',
      tp: explicitTp ?? parts.tp,
      pp: integerAt(row, ppColumn) ?? parts.pp,
      dp: integerAt(row, dpColumn) ?? parts.dp,
      gpu: gpuOf(cellAt(row, gpuColumn)),
      dataset: textOf(cellAt(row, datasetColumn)) ?? parts.dataset,
      variant: parts.variant,
      qps: (qpsColumn === -1 ? null : parseNumberCell(row[qpsColumn])) ?? parts.qps,
      concurrency: integerAt(row, concurrencyColumn) ?? parts.concurrency,
      inputLen: integerAt(row, inputColumn) ?? parts.inputLen,
      outputLen: integerAt(row, outputColumn) ?? parts.outputLen,
      // CI's tables are vLLM's nightly benchmarks: of vLLM, unless an old name says another engine.
      engine: parts.engine ?? VLLM,
      metrics,
      attributes,
    });
  }
  return { results, warnings };
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

/** What a file's tables hold together: their results and the layout version of their headers. */
export interface TablesReadout {
  readonly results: BenchmarkResult[];
  readonly version: string | null;
}

/**
 * A file's tables, read one after another (an iterable: a table can be made just before it is
 * read), their warnings added to `warnings`. A table counts towards the layout version as the
 * suite of its section, else of its first result.
 */
export function readResultsTables(tables: Iterable<SuiteTable>, warnings: string[]): TablesReadout {
  const results: BenchmarkResult[] = [];
  const headersBySuite = new Map<Suite, readonly string[]>();
  for (const { table, suite } of tables) {
    const readout = readResultsTable(table, suite);
    appendAll(results, readout.results);
    appendAll(warnings, readout.warnings);
    const tableSuite = suite ?? readout.results[0]?.suite;
    if (tableSuite !== undefined) headersBySuite.set(tableSuite, table.headers);
  }
  return { results, version: detectTableVersion(headersBySuite) };
}

/** A format's label with the layout version, when one was detected: `vLLM markdown V6`. */
export function versionedLabel(label: string, version: string | null): string {
  return version === null ? label : `${label} ${version}`;
}
