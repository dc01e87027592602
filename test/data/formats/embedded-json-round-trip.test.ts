// @vitest-environment node
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseEmbeddedJson } from '../../../src/data/formats/embedded-json';
import type { GpuSpec, Suite } from '../../../src/data/results/result-model';
import { METRIC_COLUMNS, NIGHTLY_TESTS, SUITE_NAMES, type ExpectedTest } from '../nightly-runs';
import { RUNS } from './property-values';

describe('embedded JSON round trip', () => {
  const TYPES = ['H100', 'H200', 'A100-SXM4-80GB', 'MI300X', 'gaudi2-hpu', 'cpu'];
  const gpuCell = fc
    .record({
      type: fc.constantFrom(...TYPES),
      count: fc.integer({ min: 1, max: 16 }),
      style: fc.constantFrom('list', 'counted'),
    })
    // One line is a bare type, whose count nobody can tell: a list has at least two.
    .filter(({ count, style }) => style === 'counted' || count >= 2)
    .map(({ type, count, style }) => ({
      cell: style === 'list' ? Array<string>(count).fill(type).join('\n') : `${count}x${type}`,
      gpu: { type, count } satisfies GpuSpec,
    }));
  // A missing value (the bare NaN token), an integer written as a float, or any finite double.
  const metricValue = fc.oneof(
    fc.constant<'NaN'>('NaN'),
    fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ integer: value })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
  );

  interface Row {
    readonly testName: string;
    readonly expected: ExpectedTest;
    readonly gpuCell: string;
    readonly gpu: GpuSpec;
    readonly values: readonly (number | 'NaN' | { integer: number })[];
  }

  const suiteRows = (suite: Suite): fc.Arbitrary<{ rows: Row[]; indexes: number[] }> => {
    const names = [...NIGHTLY_TESTS].filter(([, test]) => test.suite === suite);
    const columnCount = METRIC_COLUMNS[suite].size;
    // At most six rows a suite keeps 10,000 runs quick; the seed tests cover full tables.
    return fc.shuffledSubarray(names, { maxLength: Math.min(6, names.length) }).chain((picked) =>
      fc.record({
        rows: fc.tuple(
          ...picked.map(([testName, expected]) =>
            fc
              .record({
                gpu: gpuCell,
                values: fc.array(metricValue, {
                  minLength: columnCount,
                  maxLength: columnCount,
                }),
              })
              .map(({ gpu, values }): Row => ({
                testName,
                expected,
                gpuCell: gpu.cell,
                gpu: gpu.gpu,
                values,
              })),
          ),
        ),
        indexes: fc.uniqueArray(fc.nat({ max: 999 }), {
          minLength: picked.length,
          maxLength: picked.length,
        }),
      }),
    );
  };

  /** Writes a cell as pandas and Python's json.dumps would. */
  function pythonNumber(value: number | 'NaN' | { integer: number }): string {
    if (value === 'NaN') return 'NaN';
    if (typeof value === 'number') return JSON.stringify(value);
    return `${value.integer}.0`;
  }

  function serialize(
    suites: Readonly<Partial<Record<Suite, { rows: Row[]; indexes: number[] }>>>,
  ): string {
    const parts: string[] = [];
    for (const suite of SUITE_NAMES) {
      const table = suites[suite];
      if (table === undefined) continue;
      const { rows, indexes } = table;
      const column = (cellOf: (row: Row) => string) =>
        `{${rows.map((row, i) => `${JSON.stringify(String(indexes[i]))}: ${cellOf(row)}`).join(', ')}}`;
      const columns = [
        `"Test name": ${column((row) => JSON.stringify(row.testName))}`,
        `"GPU": ${column((row) => JSON.stringify(row.gpuCell))}`,
        ...[...METRIC_COLUMNS[suite].keys()].map(
          (name, c) =>
            `${JSON.stringify(name)}: ${column((row) => pythonNumber(row.values[c] ?? 'NaN'))}`,
        ),
      ];
      parts.push(`${JSON.stringify(suite)}: {${rows.length === 0 ? '' : columns.join(', ')}}`);
    }
    return `{${parts.join(', ')}}`;
  }

  const anySuite = (suite: Suite) => fc.option(suiteRows(suite), { nil: undefined });

  it('gives back every test with its dimensions and values, whatever the row order', () => {
    fc.assert(
      fc.property(
        fc.record({
          latency: anySuite('latency'),
          throughput: anySuite('throughput'),
          serving: anySuite('serving'),
        }),
        (suites) => {
          const text = serialize(suites);
          const outcome = parseEmbeddedJson(text);
          const rows = SUITE_NAMES.flatMap((suite) => suites[suite]?.rows ?? []);
          if (rows.length === 0) {
            if (outcome.ok) throw new Error(`no rows, yet parsed: ${text}`);
            return;
          }
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          const results = outcome.value.results;
          if (results.length !== rows.length) throw new Error(`${results.length} results`);
          // Plain comparisons rather than `expect`, to keep 10,000 runs fast.
          for (const row of rows) {
            const result = results.find((entry) => entry.testName === row.testName);
            const wanted = row.expected;
            const same =
              result !== undefined &&
              result.suite === wanted.suite &&
              result.model === wanted.model &&
              result.tp === wanted.tp &&
              result.qps === wanted.qps &&
              result.gpu?.type === row.gpu.type &&
              result.gpu.count === row.gpu.count;
            if (!same) throw new Error(`${row.testName} came back as ${JSON.stringify(result)}`);
            [...METRIC_COLUMNS[wanted.suite].values()].forEach((key, c) => {
              const written = row.values[c];
              const value =
                written === 'NaN' || written === undefined
                  ? null
                  : typeof written === 'number'
                    ? written
                    : written.integer;
              if (!Object.is(result.metrics[key], value)) {
                throw new Error(
                  `${row.testName} ${key}: ${String(result.metrics[key])}, not ${String(value)}`,
                );
              }
            });
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
