// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture, named, parseFixture, parsedOrFail } from './fixtures';

/** The page with its fenced ```json block removed: what is left is prose and pipe tables. */
function tablesOnly(page: string): string {
  return page.replace(/```json\n[\s\S]*?\n```/, '');
}

const PLATFORM = {
  'Physical cores': '104',
  'Total cores': '208',
  'Total Memory': '2015.56GB',
  'Total NUMA nodes': '2',
  'CPU Brand': 'Intel(R) Xeon(R) Platinum 8480+',
};

describe('markdown V1: no GPU column, latency in seconds', () => {
  const parsed = parseFixture('markdown/benchmark_results-v1.md');

  it('is labelled V1 and reads both tables', () => {
    expect(parsed.format).toEqual({ id: 'vllm-markdown', label: 'vLLM markdown V1 · tables' });
    expect(parsed.results.map((result) => [result.suite, result.testName])).toEqual([
      ['latency', 'latency_llama7B_tp1'],
      ['latency', 'latency_llama70B_tp4'],
      ['serving', 'serving_llama7B_tp1_sharegpt'],
      ['serving', 'serving_llama70B_tp4_sharegpt'],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('turns the seconds into ms, with bare P10…P90 belonging to latency', () => {
    const { metrics, gpu } = named(parsed, 'latency_llama7B_tp1');
    expect(gpu).toBeNull();
    const expected = {
      latency_mean: 1104.12,
      latency_p10: 1102.68,
      latency_p25: 1103.33,
      latency_median: 1103.98,
      latency_p75: 1104.87,
      latency_p90: 1105.61,
    };
    expect(Object.keys(metrics)).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) expect(metrics[key]).toBeCloseTo(value, 9);
  });

  it('reads the V1 serving columns', () => {
    expect(named(parsed, 'serving_llama70B_tp4_sharegpt')).toMatchObject({
      model: 'llama70B',
      tp: 4,
      dataset: 'sharegpt',
      qps: null,
      metrics: {
        num_requests: 1000,
        request_throughput: 6.17305,
        input_throughput: 1380.51,
        output_throughput: 1210.4,
        ttft_mean: 2405.71,
        tpot_mean: 124.682,
      },
    });
  });
});

describe('markdown V2: multi-line GPU cells, repeated bare Median/P99, a lossy JSON line', () => {
  const parsed = parseFixture('markdown/benchmark_results-v2.md');

  it('reads the tables, which repeat names its JSON could keep only once, and says so', () => {
    expect(parsed.format).toEqual({ id: 'vllm-markdown', label: 'vLLM markdown V2 · tables' });
    expect(parsed.warnings).toEqual([
      'The page’s tables repeat column names (Median, P99) that its embedded JSON could keep only once; the tables were read instead.',
    ]);
  });

  it('gives each bare Median and P99 to the metric on its left', () => {
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_4').metrics).toEqual({
      num_requests: 200,
      request_throughput: 3.78847,
      input_throughput: 808.08,
      output_throughput: 737.653,
      ttft_mean: 16.1596,
      ttft_median: 15.9192,
      ttft_p99: 22.108,
      tpot_mean: 8.49371,
      tpot_median: 8.44342,
      tpot_p99: 9.38754,
      itl_mean: 8.41121,
      itl_median: 8.39612,
      itl_p99: 8.99637,
    });
  });

  it('counts the GPU lines tabulate split a cell into', () => {
    for (const result of parsed.results) expect(result.gpu).toEqual({ type: 'H100', count: 2 });
  });

  it('reads the V2 throughput columns', () => {
    expect(named(parsed, 'throughput_llama8B_tp1').metrics).toEqual({
      num_requests: 200,
      total_tokens: 86482,
      elapsed_time: 9.25067,
      request_throughput: 21.6201,
      token_throughput: 9348.73,
    });
  });
});

describe('markdown V5: Platform Information and a fenced JSON block', () => {
  const page = fixture('markdown/benchmark_results-v5.md');
  const parsed = parseFixture('markdown/benchmark_results-v5.md');

  it('reads the embedded JSON at full precision, and the platform as meta', () => {
    expect(parsed.format).toEqual({
      id: 'vllm-markdown',
      label: 'vLLM markdown V5 · embedded JSON',
    });
    expect(parsed.meta).toEqual({ platform: PLATFORM });
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_4').metrics).toMatchObject({
      total_token_throughput: 1545.71562217471,
      tpot_median: 8.443417590328414,
      tpot_p99: 9.387542083813653,
    });
  });

  it('reads the same results from its tables, to 6 significant digits', () => {
    const tables = parsedOrFail(parseResultsText(tablesOnly(page)));
    expect(tables.format.label).toBe('vLLM markdown V5 · tables');
    expect(tables.meta).toEqual({ platform: PLATFORM });
    expect(tables.results).toHaveLength(parsed.results.length);
    for (const fromTable of tables.results) {
      const fromJson = named(parsed, fromTable.testName);
      expect(fromTable.gpu).toEqual(fromJson.gpu);
      expect(Object.keys(fromTable.metrics).sort()).toEqual(Object.keys(fromJson.metrics).sort());
      for (const [key, value] of Object.entries(fromJson.metrics)) {
        expect(fromTable.metrics[key], `${fromTable.testName} ${key}`).toBe(
          Number((value ?? NaN).toPrecision(6)),
        );
      }
    }
  });
});

describe('markdown V6: dimensions as columns, NaN lengths, qps "inf"', () => {
  const page = fixture('markdown/benchmark_results-v6.md');
  const parsed = parseFixture('markdown/benchmark_results-v6.md');

  it('reads the JSON block, whose bare NaN tokens are missing lengths', () => {
    expect(parsed.format.label).toBe('vLLM markdown V6 · embedded JSON');
    expect(parsed.meta).toEqual({ platform: PLATFORM });
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf_concurrency_200')).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      dataset: 'sharegpt',
      inputLen: null,
      outputLen: null,
      tp: 1,
      pp: 1,
      dp: null,
      qps: Infinity,
      concurrency: 200,
      gpu: { type: 'H100', count: 8 },
      attributes: { dtype: 'bfloat16' },
    });
    expect(named(parsed, 'serving_llama8B_tp1_random_128_128_qps_1_concurrency_16')).toMatchObject({
      inputLen: 128,
      qps: 1,
      concurrency: 16,
      metrics: { tpot_median: 6.41, tpot_std: 0.12, ttft_std: 4.1 },
    });
  });

  it('reads its tables alone the same way, "nan" cells as missing', () => {
    const tables = parsedOrFail(parseResultsText(tablesOnly(page)));
    expect(tables.format.label).toBe('vLLM markdown V6 · tables');
    expect(named(tables, 'serving_llama8B_tp1_sharegpt_qps_inf_concurrency_200')).toMatchObject({
      inputLen: null,
      qps: Infinity,
      concurrency: 200,
      metrics: { request_throughput: 24.1869, tpot_median: 11.9831 },
    });
  });

  it('reads the serving table pasted alone', () => {
    const pasted = parseFixture('markdown/pasted-v6-serving-table.md');
    expect(pasted.format.label).toBe('vLLM markdown V6 · tables');
    expect(pasted.results.map((result) => result.qps)).toEqual([1, Infinity]);
    expect(pasted.meta).toBeUndefined();
  });
});
