// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Suite } from '../../../src/data/results/result-model';
import {
  detectTableVersion,
  readResultsTable,
  type RawTable,
} from '../../../src/data/formats/table-results';

function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): RawTable {
  return { headers, rows, positions: rows.map((_, index) => `line ${index + 3}`) };
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('readResultsTable', () => {
  it('reads a V4 serving row into dimensions and metrics', () => {
    const { results, warnings } = readResultsTable(
      table(
        ['Test name', 'GPU', 'Tput (req/s)', 'Mean TTFT (ms)', 'P99 ITL (ms)'],
        [['serving_llama8B_tp1_sharegpt_qps_inf', '8xH100', '24.1869', '240.664', 'NaN']],
      ),
      'serving',
    );
    expect(warnings).toEqual([]);
    expect(results).toEqual([
      {
        suite: 'serving',
        testName: 'serving_llama8B_tp1_sharegpt_qps_inf',
        model: 'llama8B',
        tp: 1,
        pp: null,
        dp: null,
        gpu: { type: 'H100', count: 8 },
        dataset: 'sharegpt',
        variant: null,
        qps: Infinity,
        concurrency: null,
        inputLen: null,
        outputLen: null,
        engine: 'vLLM',
        metrics: { request_throughput: 24.1869, ttft_mean: 240.664, itl_p99: null },
        attributes: {},
      },
    ]);
  });

  it('converts V1 latency seconds to ms', () => {
    const { results } = readResultsTable(
      table(
        ['Test name', 'Average latency (s)', 'P50 (s)'],
        [['latency_llama8B_tp1', 1.5, '0.25']],
      ),
      'latency',
    );
    expect(results[0]?.metrics).toEqual({ latency_mean: 1500, latency_median: 250 });
  });

  it('keeps an unknown numeric column as the metric x:<column name>', () => {
    const { results } = readResultsTable(
      table(
        ['Test name', 'Max tokens/s (tok/s)'],
        [
          ['throughput_llama8B_tp1', '4567.5'],
          ['throughput_llama70B_tp4', 'NaN'],
        ],
      ),
      null,
    );
    expect(results.map((result) => result.metrics)).toEqual([
      { 'x:Max tokens/s (tok/s)': 4567.5 },
      { 'x:Max tokens/s (tok/s)': null },
    ]);
  });

  it('keeps an unknown text column such as dtype as an attribute', () => {
    const { results } = readResultsTable(
      table(
        ['Test name', 'dtype'],
        [
          ['latency_llama8B_tp1', 'bfloat16'],
          ['latency_llama70B_tp4', ''],
        ],
      ),
      null,
    );
    expect(results.map((result) => result.attributes)).toEqual([{ dtype: 'bfloat16' }, {}]);
    expect(results.map((result) => result.metrics)).toEqual([{}, {}]);
  });

  it('reads a column as text when any of its values is text', () => {
    const { results } = readResultsTable(
      table(
        ['Test name', 'Note'],
        [
          ['latency_llama8B_tp1', '12'],
          ['latency_llama70B_tp4', 'rerun'],
        ],
      ),
      null,
    );
    expect(results.map((result) => result.attributes)).toEqual([{ Note: '12' }, { Note: 'rerun' }]);
  });

  it('keeps both values of a repeated unknown column under distinct names', () => {
    const { results } = readResultsTable(
      table(['Test name', 'Foo', 'Foo'], [['latency_llama8B_tp1', '1', '2']]),
      null,
    );
    expect(results[0]?.metrics).toEqual({ 'x:Foo': 1, 'x:Foo #2': 2 });
  });

  it('keeps a repeated metric column without overwriting the first', () => {
    const { results } = readResultsTable(
      table(
        ['Test name', 'Mean TTFT (ms)', 'Mean TTFT (ms)'],
        [['serving_a_tp1_x_qps_1', '5', '6']],
      ),
      null,
    );
    expect(results[0]?.metrics).toEqual({ ttft_mean: 5, 'x:Mean TTFT (ms)': 6 });
  });

  it('lets an explicit TP Size beat the tpN of the name, with a warning naming the test', () => {
    const { results, warnings } = readResultsTable(
      table(['Test name', 'TP Size'], [['serving_llama70B_tp4_sharegpt_qps_1', '1.0']]),
      null,
    );
    expect(results[0]?.tp).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('serving_llama70B_tp4_sharegpt_qps_1');
    expect(warnings[0]).toContain('TP 1');
    expect(warnings[0]).toContain('tp4');
  });

  it('says nothing when the explicit TP agrees with the name', () => {
    const { results, warnings } = readResultsTable(
      table(['Test name', 'TP Size'], [['serving_llama70B_tp4_sharegpt_qps_1', 4]]),
      null,
    );
    expect(results[0]?.tp).toBe(4);
    expect(warnings).toEqual([]);
  });

  it('lets the V6 dimension columns beat the name', () => {
    const { results } = readResultsTable(
      table(
        [
          'Test name',
          'Model',
          'Dataset Name',
          'Input Len',
          'Output Len',
          'PP Size',
          'qps',
          '# of max concurrency.',
        ],
        [
          [
            'serving_llama8B_tp1_sharegpt_qps_1',
            'meta-llama/Llama-3.1-8B',
            'random',
            '128',
            '64',
            2,
            '4',
            '16.0',
          ],
          ['serving_llama8B_tp1_sharegpt_qps_inf', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'inf', 'NaN'],
        ],
      ),
      'serving',
    );
    expect(results[0]).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B',
      dataset: 'random',
      inputLen: 128,
      outputLen: 64,
      pp: 2,
      dp: null,
      qps: 4,
      concurrency: 16,
    });
    // Missing cells fall back to what the name says.
    expect(results[1]).toMatchObject({
      model: 'llama8B',
      dataset: 'sharegpt',
      inputLen: null,
      outputLen: null,
      pp: null,
      dp: null,
      qps: Infinity,
      concurrency: null,
    });
  });

  it('skips rows without a test name, with a warning naming their position', () => {
    const { results, warnings } = readResultsTable(
      {
        headers: ['Test name', 'Tput (req/s)'],
        rows: [
          ['throughput_llama8B_tp1', '21.6201'],
          ['', '9.13468'],
          [null, '9.0138'],
          ['NaN', '1'],
        ],
        positions: ['line 3', 'line 4', 'line 5', 'line 6'],
      },
      'throughput',
    );
    expect(results.map((result) => result.testName)).toEqual(['throughput_llama8B_tp1']);
    expect(warnings).toEqual([
      'Skipped line 4: it has no test name.',
      'Skipped line 5: it has no test name.',
      'Skipped line 6: it has no test name.',
    ]);
  });

  it('gives each row read by column its own numbers when a row before it was skipped', () => {
    const { results, warnings } = readResultsTable(
      {
        headers: ['Test name', 'Tput (req/s)', 'Mean latency (ms)'],
        columns: [
          { 0: 'throughput_a_tp1', 1: '', 2: 'throughput_b_tp1', 3: 'throughput_c_tp2' },
          { 0: 21.5, 1: 9.25, 2: '7.5', 3: 'NaN' },
          { 0: 100, 1: 200, 2: 300, 3: 400 },
        ],
        rowCount: 4,
        positions: (index) => `row ${index}`,
      },
      'throughput',
    );
    expect(warnings).toEqual(['Skipped row 1: it has no test name.']);
    expect(results.map((result) => [result.testName, result.metrics])).toEqual([
      ['throughput_a_tp1', { request_throughput: 21.5, latency_mean: 100 }],
      ['throughput_b_tp1', { request_throughput: 7.5, latency_mean: 300 }],
      ['throughput_c_tp2', { request_throughput: null, latency_mean: 400 }],
    ]);
  });

  it('names a row by its number when the table gives no positions', () => {
    const { warnings } = readResultsTable(
      { headers: ['Test name'], rows: [['latency_llama8B_tp1'], ['']], positions: [] },
      'latency',
    );
    expect(warnings).toEqual(['Skipped row 2: it has no test name.']);
  });

  it('takes the suite from the section first, then the name, then the columns', () => {
    const headers = ['Test name', 'Mean TTFT (ms)'];
    const rows = [
      ['mystery_llama8B_tp1', '5'],
      ['latency_llama8B_tp1', '6'],
    ];
    const suitesOf = (section: Suite | null) =>
      readResultsTable(table(headers, rows), section).results.map((result) => result.suite);
    expect(suitesOf('throughput')).toEqual(['throughput', 'throughput']);
    expect(suitesOf(null)).toEqual(['serving', 'latency']);
  });

  it('skips a row whose suite nobody can tell, with a warning naming the row and test', () => {
    const { results, warnings } = readResultsTable(
      table(['Test name', 'Foo'], [['mystery_llama8B_tp1', '1']]),
      null,
    );
    expect(results).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('line 3');
    expect(warnings[0]).toContain('mystery_llama8B_tp1');
  });

  it('skips a table without a Test name column, with a warning', () => {
    const { results, warnings } = readResultsTable(
      table(['Name', 'Tput (req/s)'], [['throughput_llama8B_tp1', '1']]),
      null,
    );
    expect(results).toEqual([]);
    expect(warnings).toEqual(['A table has no "Test name" column; it was skipped.']);
  });

  describe('with prototype names in the file', () => {
    afterEach(() => {
      // Clean up after a failure so one broken test cannot break the rest of the run.
      delete (Object.prototype as Record<string, unknown>).polluted;
    });

    it('keeps __proto__ and constructor columns as ordinary keys and pollutes nothing', () => {
      const { results } = readResultsTable(
        table(
          ['Test name', '__proto__', 'constructor', 'polluted'],
          [['latency_llama8B_tp1', '{"polluted": 1}', 'x', '1']],
        ),
        'latency',
      );
      const [result] = results;
      expect(Object.hasOwn(result?.attributes ?? {}, '__proto__')).toBe(true);
      expect(result?.attributes.__proto__).toBe('{"polluted": 1}');
      expect(result?.attributes.constructor).toBe('x');
      expect(result?.metrics['x:polluted']).toBe(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
    });

    it('reads __proto__ and constructor as test names like any other', () => {
      const { results } = readResultsTable(
        table(
          ['Test name', 'Tput (req/s)'],
          [
            ['__proto__', '1'],
            ['constructor', '2'],
          ],
        ),
        'throughput',
      );
      expect(results.map((result) => [result.testName, result.metrics.request_throughput])).toEqual(
        [
          ['__proto__', 1],
          ['constructor', 2],
        ],
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
    });
  });
});

describe('detectTableVersion', () => {
  const versionOf = (entries: [Suite, string[]][]) => detectTableVersion(new Map(entries));

  it('calls the seed layout V4', () => {
    expect(
      versionOf([
        [
          'latency',
          ['Test name', 'GPU', 'Mean latency (ms)', 'Median latency (ms)', 'P99 latency (ms)'],
        ],
        ['throughput', ['Test name', 'GPU', 'Tput (req/s)']],
      ]),
    ).toBe('V4');
  });

  it('tells V1 from V2 latency by the GPU column', () => {
    const seconds = ['Average latency (s)', 'P10 (s)', 'P50 (s)'];
    expect(versionOf([['latency', ['Test name', ...seconds]]])).toBe('V1');
    expect(versionOf([['latency', ['Test name', 'GPU', ...seconds]]])).toBe('V2');
  });

  it('calls V5 by its token-throughput serving column or elapsed time', () => {
    expect(versionOf([['serving', ['Test name', 'GPU', 'Total Token Tput (tok/s)']]])).toBe('V5');
    expect(versionOf([['throughput', ['Test name', 'GPU', 'Elapsed time (s)']]])).toBe('V5');
  });

  it('calls V6 by its explicit dimension columns', () => {
    expect(versionOf([['serving', ['Test name', 'TP Size', 'Mean TTFT (ms)']]])).toBe('V6');
    expect(versionOf([['serving', ['Test name', '# of max concurrency.']]])).toBe('V6');
  });

  it('gives no version when there is nothing to tell by', () => {
    expect(versionOf([])).toBeNull();
    expect(versionOf([['latency', ['Test name', 'Foo']]])).toBeNull();
  });
});
