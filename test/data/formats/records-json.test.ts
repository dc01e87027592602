// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { readRepoFile } from '../nightly-runs';
import { fixture, named, parseFixture, parsedOrFail, refusedOrFail } from './fixtures';

const FORMAT = { id: 'vllm-records-json', label: 'vLLM records JSON' };
const H100x8 = { type: 'H100', count: 8 };

describe('benchmark_results.json, V5: sorted rows, 8xH100, bare Median/P99 of TPOT', () => {
  const parsed = parseFixture('records/benchmark_results-v5.json');

  it('reads the three suites of one flat list, telling them apart', () => {
    expect(parsed.format).toEqual(FORMAT);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.results.map((result) => [result.suite, result.testName])).toEqual([
      ['latency', 'latency_llama70B_tp4'],
      ['latency', 'latency_llama8B_tp1'],
      ['throughput', 'throughput_llama70B_tp4'],
      ['throughput', 'throughput_llama8B_tp1'],
      ['serving', 'serving_llama8B_tp1_sharegpt_qps_1'],
      ['serving', 'serving_llama8B_tp1_sharegpt_qps_4'],
      ['serving', 'serving_llama8B_tp1_sharegpt_qps_inf'],
    ]);
    expect(parsed.results.every((result) => result.gpu?.type === 'H100')).toBe(true);
  });

  it('reads latency and throughput rows', () => {
    expect(named(parsed, 'latency_llama8B_tp1')).toMatchObject({
      model: 'llama8B',
      tp: 1,
      gpu: H100x8,
      metrics: {
        latency_mean: 1046.9095210234325,
        latency_median: 1046.8183774501085,
        latency_p99: 1048.303036596626,
      },
    });
    expect(named(parsed, 'throughput_llama8B_tp1').metrics).toEqual({
      num_requests: 200,
      total_tokens: 86482,
      elapsed_time: 9.25066692288965,
      request_throughput: 21.620062820024827,
      token_throughput: 9348.731364006935,
    });
  });

  it('gives the bare Median and P99 columns to TPOT, the mean on their left', () => {
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf')).toMatchObject({
      qps: Infinity,
      dataset: 'sharegpt',
      metrics: {
        num_requests: 200,
        request_throughput: 24.186907198204548,
        total_token_throughput: 9868.379071403446,
        output_throughput: 4709.432700562407,
        total_input_tokens: 42659,
        total_output_tokens: 38942,
        ttft_mean: 240.66389142535627,
        ttft_median: 238.22169471532106,
        ttft_p99: 306.2498870212585,
        tpot_mean: 12.386095532566497,
        tpot_median: 11.983104311354,
        tpot_p99: 23.441208386891415,
        itl_mean: 11.513655710447507,
        itl_median: 11.463219299912453,
        itl_p99: 21.981134973466403,
      },
    });
  });
});

describe('benchmark_results.json, V6: the dimensions as columns', () => {
  const parsed = parseFixture('records/benchmark_results-v6.json');

  it('reads Model, Dataset Name, lengths, TP, concurrency and qps (a number or "inf")', () => {
    expect(named(parsed, 'serving_llama8B_tp1_random_128_128_qps_1_concurrency_16')).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      dataset: 'random',
      inputLen: 128,
      outputLen: 128,
      tp: 1,
      pp: null,
      dp: null,
      gpu: H100x8,
      qps: 1,
      concurrency: 16,
      attributes: { dtype: 'bfloat16' },
      metrics: {
        num_requests: 200,
        request_throughput: 0.9921,
        ttft_std: 4.1,
        tpot_mean: 6.43,
        tpot_median: 6.41,
        tpot_p99: 6.9,
        tpot_std: 0.12,
        itl_median: 6.4,
      },
    });
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf_concurrency_200')).toMatchObject({
      dataset: 'sharegpt',
      inputLen: null,
      outputLen: null,
      qps: Infinity,
      concurrency: 200,
    });
  });

  it('shows the TP Size column over a tpN name that disagrees, with a warning', () => {
    expect(named(parsed, 'serving_llama8B_tp4_sharegpt_qps_4_concurrency_200').tp).toBe(1);
    expect(parsed.warnings).toEqual([
      'serving_llama8B_tp4_sharegpt_qps_4_concurrency_200: the file says TP 1 but the test name says tp4; TP 1 is shown.',
    ]);
  });

  it('reads a latency row without a Model column by its test name', () => {
    expect(named(parsed, 'latency_llama8B_tp1')).toMatchObject({ model: 'llama8B', tp: 1 });
  });
});

describe('benchmark_results.json before V5: newline GPU lists, unsorted rows', () => {
  it('gives the same results as the seed’s embedded JSON for the same tests', () => {
    const records = parseFixture('records/benchmark_results-v4-unsorted.json');
    const seed = parsedOrFail(parseResultsText(readRepoFile('public/data/nightly-8xH100.json')));
    expect(records.results.map((result) => result.testName)).toEqual([
      'latency_llama8B_tp1',
      'latency_llama70B_tp4',
      'throughput_llama8B_tp1',
      'serving_llama8B_tp1_sharegpt_qps_inf',
      'serving_llama8B_tp1_sharegpt_qps_1',
    ]);
    for (const result of records.results) {
      expect(result, result.testName).toEqual(named(seed, result.testName));
    }
  });
});

describe('benchmark_results.json wrapped in an object', () => {
  it('reads the list under "results", integers written as floats', () => {
    const parsed = parseFixture('records/benchmark_results-wrapped.json');
    expect(parsed.format).toEqual(FORMAT);
    expect(named(parsed, 'throughput_llama8B_tp1')).toMatchObject({
      gpu: { type: 'A100-SXM4-80GB', count: 8 },
      metrics: {
        num_requests: 200,
        total_tokens: 86482,
        elapsed_time: 16.228251803666353,
        request_throughput: 12.324186389245893,
        token_throughput: 5329.101436573817,
      },
    });
  });

  it.each(['results', 'serving_results', 'benchmarks', 'data'])(
    'reads the list under "%s"',
    (key) => {
      const row = { 'Test name': 'latency_llama8B_tp1', 'Mean latency (ms)': 833.27 };
      const parsed = parsedOrFail(parseResultsText(JSON.stringify({ note: 'x', [key]: [row] })));
      expect(parsed.results[0]?.metrics).toEqual({ latency_mean: 833.27 });
    },
  );
});

describe('benchmark_results.json of the V2 era: repeated names pandas kept once', () => {
  it('gives the bare Median and P99 (ITL’s values, at TTFT’s place) back to ITL', () => {
    const parsed = parseFixture('records/benchmark_results-v2-deduplicated.json');
    expect(named(parsed, 'serving_llama8B_tp1_sharegpt_qps_4').metrics).toEqual({
      num_requests: 200,
      request_throughput: 3.7884722544447005,
      input_throughput: 808.08,
      output_throughput: 737.6534326629277,
      ttft_mean: 16.159570794552565,
      tpot_mean: 8.49371190063387,
      itl_mean: 8.411214496113805,
      itl_median: 8.396124467253685,
      itl_p99: 8.996365405619144,
    });
  });

  it('reads the seconds of the V2 latency row as ms', () => {
    const { metrics } = named(
      parseFixture('records/benchmark_results-v2-deduplicated.json'),
      'latency_llama8B_tp1',
    );
    expect(metrics.latency_mean).toBe(1046.9095210234325);
    expect(metrics.latency_median).toBe(1046.8183774501085);
    expect(metrics.latency_p10).toBeCloseTo(1046.4, 9);
    expect(metrics.latency_p90).toBeCloseTo(1047.4, 9);
  });
});

describe('benchmark_results.json with rows that cannot be read', () => {
  const parsed = parseFixture('traps/records-mixed-suites-bad-rows.json');

  it('loads the good rows of every suite', () => {
    expect(parsed.results.map((result) => [result.suite, result.testName])).toEqual([
      ['serving', 'serving_llama8B_tp1_sharegpt_qps_16'],
      ['serving', 'serving_mixtral8x7B_tp2_sharegpt_qps_1'],
      ['latency', 'latency_mixtral8x7B_tp2'],
      ['throughput', 'throughput_mixtral8x7B_tp2'],
    ]);
  });

  it('lists each skipped row with its position', () => {
    expect(parsed.warnings).toEqual([
      'Skipped record 3: it is not an object of column values.',
      'Skipped record 5: it has no test name.',
      'Skipped record 6 (notes): cannot tell whether it is latency, throughput or serving.',
    ]);
  });

  it('refuses a list of test names without a single metric as not results', () => {
    expect(refusedOrFail(parseResultsText(fixture('bad/records-without-names.json'))).kind).toBe(
      'no-rows',
    );
    expect(refusedOrFail(parseResultsText('[{"Test name": "latency_llama8B_tp1"}]')).kind).toBe(
      'not-results',
    );
  });
});

describe('an old nightly results list comparing engines', () => {
  const parsed = parseFixture('records/2024-09-04_vllm_055_nightly_results.json');

  it('reads the engine and its version from the test name, apart from the model', () => {
    expect(
      parsed.results.map((result) => [result.testName, result.engine, result.model, result.qps]),
    ).toEqual([
      ['vllm_055_llama8B_tp1_sharegpt_qps_2', 'vLLM', 'llama8B', 2],
      ['vllm_055_llama8B_tp1_sharegpt_qps_inf', 'vLLM', 'llama8B', Infinity],
      ['sglang_030_llama8B_tp1_sharegpt_qps_2', 'SGLang', 'llama8B', 2],
    ]);
  });

  it('keeps the values of each engine’s row', () => {
    const sglang = parsed.results[2];
    expect(sglang?.metrics).toMatchObject({ request_throughput: 1.9809, ttft_mean: 29.9 });
    expect(sglang?.gpu).toEqual({ type: 'H100', count: 8 });
  });
});
