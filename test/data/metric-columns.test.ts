// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveColumns, type ColumnRole } from '../../src/data/metrics';

const TEST_NAME: ColumnRole = { kind: 'test-name' };
const GPU: ColumnRole = { kind: 'gpu' };
const metric = (key: string, scale = 1): ColumnRole => ({ kind: 'metric', key, scale });
const extra = (name: string): ColumnRole => ({ kind: 'extra', name });

describe("resolveColumns on the column layouts of CI's tables, V1 to V6", () => {
  const V1_LATENCY = [
    'Test name',
    'Average latency (s)',
    'P10 (s)',
    'P25 (s)',
    'P50 (s)',
    'P75 (s)',
    'P90 (s)',
  ];
  const V1_LATENCY_ROLES = [
    TEST_NAME,
    metric('latency_mean', 1000),
    metric('latency_p10', 1000),
    metric('latency_p25', 1000),
    metric('latency_median', 1000),
    metric('latency_p75', 1000),
    metric('latency_p90', 1000),
  ];

  it('V1 latency: seconds become ms (×1000), P50 is the median', () => {
    expect(resolveColumns(V1_LATENCY, 'latency')).toEqual(V1_LATENCY_ROLES);
  });

  it('V1 latency: bare percentiles follow the quantity on their left even without a default', () => {
    expect(resolveColumns(V1_LATENCY)).toEqual(V1_LATENCY_ROLES);
  });

  it('a bare percentile with nothing on its left takes the default quantity, else stays extra', () => {
    expect(resolveColumns(['Test name', 'P10 (s)'], 'latency')).toEqual([
      TEST_NAME,
      metric('latency_p10', 1000),
    ]);
    expect(resolveColumns(['Test name', 'P10 (s)'])).toEqual([TEST_NAME, extra('P10 (s)')]);
  });

  it('V1 serving', () => {
    expect(
      resolveColumns([
        'Test name',
        '# of req.',
        'Tput (req/s)',
        'Input Tput (tok/s)',
        'Output Tput (tok/s)',
        'Mean TTFT (ms)',
        'Mean TPOT (ms)',
      ]),
    ).toEqual([
      TEST_NAME,
      metric('num_requests'),
      metric('request_throughput'),
      metric('input_throughput'),
      metric('output_throughput'),
      metric('ttft_mean'),
      metric('tpot_mean'),
    ]);
  });

  it('V2 latency: GPU plus the seconds columns', () => {
    expect(resolveColumns(['Test name', 'GPU', ...V1_LATENCY.slice(1)], 'latency')).toEqual([
      TEST_NAME,
      GPU,
      ...V1_LATENCY_ROLES.slice(1),
    ]);
  });

  it('V2 throughput: counts, elapsed seconds and both throughputs', () => {
    expect(
      resolveColumns([
        'Test name',
        'GPU',
        '# of req.',
        'Total # of tokens',
        'Elapsed time (s)',
        'Tput (req/s)',
        'Tput (tok/s)',
      ]),
    ).toEqual([
      TEST_NAME,
      GPU,
      metric('num_requests'),
      metric('total_tokens'),
      metric('elapsed_time'),
      metric('request_throughput'),
      metric('token_throughput'),
    ]);
  });

  it('V2 serving: each bare Median and P99 belongs to the metric on its left', () => {
    expect(
      resolveColumns([
        'Test name',
        'GPU',
        '# of req.',
        'Tput (req/s)',
        'Input Tput (tok/s)',
        'Output Tput (tok/s)',
        'Mean TTFT (ms)',
        'Median',
        'P99',
        'Mean TPOT (ms)',
        'Median',
        'P99',
        'Mean ITL (ms)',
        'Median',
        'P99',
      ]),
    ).toEqual([
      TEST_NAME,
      GPU,
      metric('num_requests'),
      metric('request_throughput'),
      metric('input_throughput'),
      metric('output_throughput'),
      metric('ttft_mean'),
      metric('ttft_median'),
      metric('ttft_p99'),
      metric('tpot_mean'),
      metric('tpot_median'),
      metric('tpot_p99'),
      metric('itl_mean'),
      metric('itl_median'),
      metric('itl_p99'),
    ]);
  });

  it('V4 (the seed): latency, throughput and serving', () => {
    expect(
      resolveColumns(
        ['Test name', 'GPU', 'Mean latency (ms)', 'Median latency (ms)', 'P99 latency (ms)'],
        'latency',
      ),
    ).toEqual([
      TEST_NAME,
      GPU,
      metric('latency_mean'),
      metric('latency_median'),
      metric('latency_p99'),
    ]);
    expect(resolveColumns(['Test name', 'GPU', 'Tput (req/s)'])).toEqual([
      TEST_NAME,
      GPU,
      metric('request_throughput'),
    ]);
    expect(
      resolveColumns([
        'Test name',
        'GPU',
        'Tput (req/s)',
        'Mean TTFT (ms)',
        'Median TTFT (ms)',
        'P99 TTFT (ms)',
        'Mean ITL (ms)',
        'Median ITL (ms)',
        'P99 ITL (ms)',
      ]),
    ).toEqual([
      TEST_NAME,
      GPU,
      metric('request_throughput'),
      metric('ttft_mean'),
      metric('ttft_median'),
      metric('ttft_p99'),
      metric('itl_mean'),
      metric('itl_median'),
      metric('itl_p99'),
    ]);
  });

  it('V5 serving: token counts, and bare Median/P99 after Mean TPOT are TPOT', () => {
    expect(
      resolveColumns([
        'Test name',
        'GPU',
        '# of req.',
        'Tput (req/s)',
        'Total Token Tput (tok/s)',
        'Output Tput (tok/s)',
        'Total input tokens',
        'Total output tokens',
        'Mean TTFT (ms)',
        'Median TTFT (ms)',
        'P99 TTFT (ms)',
        'Mean TPOT (ms)',
        'Median',
        'P99',
        'Mean ITL (ms)',
        'Median ITL (ms)',
        'P99 ITL (ms)',
      ]),
    ).toEqual([
      TEST_NAME,
      GPU,
      metric('num_requests'),
      metric('request_throughput'),
      metric('total_token_throughput'),
      metric('output_throughput'),
      metric('total_input_tokens'),
      metric('total_output_tokens'),
      metric('ttft_mean'),
      metric('ttft_median'),
      metric('ttft_p99'),
      metric('tpot_mean'),
      metric('tpot_median'),
      metric('tpot_p99'),
      metric('itl_mean'),
      metric('itl_median'),
      metric('itl_p99'),
    ]);
  });

  it('V6 serving: dimension columns, the trailing-period concurrency, STD columns and dtype', () => {
    expect(
      resolveColumns([
        'Test name',
        'Model',
        'Dataset Name',
        'Input Len',
        'Output Len',
        'TP Size',
        'PP Size',
        'dtype',
        'GPU',
        '# of req.',
        'qps',
        '# of max concurrency.',
        'Tput (req/s)',
        'Total Token Tput (tok/s)',
        'Output Tput (tok/s)',
        'Mean TTFT (ms)',
        'Median TTFT (ms)',
        'P99 TTFT (ms)',
        'STD TTFT (ms)',
        'Mean TPOT (ms)',
        'Median',
        'P99',
        'STD TPOT (ms)',
        'Mean ITL (ms)',
        'Median ITL (ms)',
        'P99 ITL (ms)',
      ]),
    ).toEqual([
      TEST_NAME,
      { kind: 'model' },
      { kind: 'dataset' },
      { kind: 'input-len' },
      { kind: 'output-len' },
      { kind: 'tp' },
      { kind: 'pp' },
      extra('dtype'),
      GPU,
      metric('num_requests'),
      { kind: 'qps' },
      { kind: 'concurrency' },
      metric('request_throughput'),
      metric('total_token_throughput'),
      metric('output_throughput'),
      metric('ttft_mean'),
      metric('ttft_median'),
      metric('ttft_p99'),
      metric('ttft_std'),
      metric('tpot_mean'),
      metric('tpot_median'),
      metric('tpot_p99'),
      metric('tpot_std'),
      metric('itl_mean'),
      metric('itl_median'),
      metric('itl_p99'),
    ]);
  });
});

describe('resolveColumns on odd headers', () => {
  it('keeps an unknown column as an extra under its name as written', () => {
    expect(resolveColumns(['Test name', 'Foo bar (widgets)', 'dtype'])).toEqual([
      TEST_NAME,
      extra('Foo bar (widgets)'),
      extra('dtype'),
    ]);
  });

  it('makes a repeated metric an extra instead of overwriting the first', () => {
    expect(resolveColumns(['Mean TTFT (ms)', 'Mean TTFT (ms)'])).toEqual([
      metric('ttft_mean'),
      extra('Mean TTFT (ms)'),
    ]);
  });

  it('makes a bare Median with no metric on its left an extra', () => {
    expect(resolveColumns(['Test name', 'Tput (req/s)', 'Median', 'P99'])).toEqual([
      TEST_NAME,
      metric('request_throughput'),
      extra('Median'),
      extra('P99'),
    ]);
  });

  it('keeps a P50 column next to a Median column as p50', () => {
    expect(resolveColumns(['Median latency (ms)', 'P50 latency (ms)'])).toEqual([
      metric('latency_median'),
      metric('latency_p50'),
    ]);
  });

  it('reads seconds in serving columns as ms too', () => {
    expect(resolveColumns(['Mean TTFT (s)', 'Median'])).toEqual([
      metric('ttft_mean', 1000),
      metric('ttft_median', 1000),
    ]);
  });

  it('keeps a metric in a unit it cannot convert as an extra', () => {
    expect(resolveColumns(['Mean TTFT (us)'])).toEqual([extra('Mean TTFT (us)')]);
  });

  it('ignores case and extra spaces in headers', () => {
    expect(resolveColumns(['  TEST   NAME ', 'gpu', 'mean  ttft   (MS)'])).toEqual([
      TEST_NAME,
      GPU,
      metric('ttft_mean'),
    ]);
  });

  it('reads Average/avg as the mean and E2E latency as e2el', () => {
    expect(resolveColumns(['Avg TTFT (ms)', 'Mean E2E latency (ms)', 'P90'])).toEqual([
      metric('ttft_mean'),
      metric('e2el_mean'),
      metric('e2el_p90'),
    ]);
  });

  it('takes prototype names for unknown columns, never for roles', () => {
    expect(resolveColumns(['__proto__', 'constructor', 'toString'])).toEqual([
      extra('__proto__'),
      extra('constructor'),
      extra('toString'),
    ]);
  });

  it('returns one role per header, none for no headers', () => {
    expect(resolveColumns([])).toEqual([]);
  });
});
