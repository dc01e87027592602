// The charts at 2,000 points: one results file in CI's embedded JSON layout (pandas dict
// orientation) with about 2,000 points per chart. A port of `bigResultsFile()` in
// test/e2e/charts.e2e.test.ts; keep the two in step.

export const BIG_GPUS = ['A100', 'B200', 'H100', 'H200', 'L40S', 'MI300X', 'MI325X', 'GH200'];
export const BIG_LATENCY_TESTS = 250; // × 8 GPUs = 2,000 bars
export const BIG_SERVING_MODELS = 6; // the most small charts drawn
/** 6 models × 8 GPUs × 41 QPS = 1,968 points */
export const BIG_QPS = [...Array.from({ length: 40 }, (_, i) => (i + 1) / 2), 'inf'];
export const BIG_LATENCY_BARS = BIG_LATENCY_TESTS * BIG_GPUS.length;
export const BIG_THROUGHPUT_TESTS = 250; // × 8 GPUs = 2,000 bars
export const BIG_THROUGHPUT_BARS = BIG_THROUGHPUT_TESTS * BIG_GPUS.length;
export const BIG_SERVING_POINTS = BIG_SERVING_MODELS * BIG_GPUS.length * BIG_QPS.length;
export const BIG_FILE_NAME = 'big.json';

function table(columns) {
  return Object.fromEntries(columns.map((column) => [column, {}]));
}

function put(columns, row, values) {
  for (const [column, value] of Object.entries(values)) {
    const cells = columns[column];
    if (cells !== undefined) cells[String(row)] = value;
  }
}

/** The file's text. */
export function bigResultsFile() {
  const latency = table([
    'Test name',
    'GPU',
    'Mean latency (ms)',
    'Median latency (ms)',
    'P99 latency (ms)',
  ]);
  let row = 0;
  for (let test = 0; test < BIG_LATENCY_TESTS; test += 1) {
    BIG_GPUS.forEach((gpu, g) => {
      const base = 500 + test * 7 + g * 40;
      put(latency, row, {
        'Test name': `latency_model${test}B_tp1`,
        GPU: `8x${gpu}`,
        'Mean latency (ms)': base,
        'Median latency (ms)': base - 3,
        'P99 latency (ms)': base + 9,
      });
      row += 1;
    });
  }
  const serving = table([
    'Test name',
    'GPU',
    'Tput (req/s)',
    'Mean TTFT (ms)',
    'Median TTFT (ms)',
    'P99 TTFT (ms)',
    'Mean ITL (ms)',
    'Median ITL (ms)',
    'P99 ITL (ms)',
  ]);
  row = 0;
  for (let model = 0; model < BIG_SERVING_MODELS; model += 1) {
    BIG_GPUS.forEach((gpu, g) => {
      BIG_QPS.forEach((qps, q) => {
        const offered = qps === 'inf' ? 60 : qps;
        put(serving, row, {
          'Test name': `serving_model${model}B_tp1_sharegpt_qps_${qps}`,
          GPU: `8x${gpu}`,
          'Tput (req/s)': Math.min(offered, 12 + g) * 0.95,
          'Mean TTFT (ms)': 20 + q * (1 + g / 4) + model,
          'Median TTFT (ms)': 18 + q * (1 + g / 4) + model,
          'P99 TTFT (ms)': 40 + q * (2 + g / 4) + model,
          'Mean ITL (ms)': 8 + q * 0.3 + g,
          'Median ITL (ms)': 7 + q * 0.3 + g,
          'P99 ITL (ms)': 12 + q * 0.5 + g,
        });
        row += 1;
      });
    });
  }
  // Unlike the e2e test's file, the bench also fills the throughput chart: 250 tests × 8 GPUs.
  const throughput = table(['Test name', 'GPU', 'Tput (req/s)']);
  row = 0;
  for (let test = 0; test < BIG_THROUGHPUT_TESTS; test += 1) {
    BIG_GPUS.forEach((gpu, g) => {
      put(throughput, row, {
        'Test name': `throughput_model${test}B_tp${1 + (test % 4)}`,
        GPU: `8x${gpu}`,
        'Tput (req/s)': 5 + (test % 17) + g * 0.7,
      });
      row += 1;
    });
  }
  return JSON.stringify({ latency, throughput, serving });
}
