// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { BenchmarkResult, ParsedResults } from '../../../src/data/results/result-model';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parseFixture, parsedOrFail, refusedOrFail } from './fixtures';

describe('a perf-eval median record', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  let run: BenchmarkResult | undefined;
  beforeEach(() => {
    parsed = parseFixture('perf-eval/bench-llama8b-c32.json');
    run = parsed.results[0];
  });

  it('is read as perf-eval’s, saying each number is a median per key over 3 repetitions', () => {
    expect(parsed.format).toEqual({ id: 'perf-eval', label: 'perf-eval median JSON' });
    expect(parsed.warnings).toEqual([
      'Each number is the median over 3 repetitions, taken per key: a P99 and a throughput may come from different runs.',
    ]);
    expect(run?.attributes).toMatchObject({
      aggregation_method: 'median',
      aggregated_repetitions: '3',
    });
    expect(run?.metrics['x:aggregated_repetitions']).toBeUndefined();
  });

  it('reads the serve keys as any serve record', () => {
    expect(run?.testName).toBe('serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_32');
    expect(run?.engine).toBe('vLLM');
    expect(run?.metrics).toMatchObject({
      request_throughput: 7.96,
      output_throughput: 8151,
      ttft_median: 84.5,
      tpot_p99: 4.1,
    });
  });
});

describe('perf-eval dashboard rows', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  let row: BenchmarkResult | undefined;
  beforeEach(() => {
    parsed = parseFixture('perf-eval/agg_llama8b_h200_c32.json');
    row = parsed.results[0];
  });

  it('reads identity and load from the row’s own keys', () => {
    expect(parsed.format).toEqual({ id: 'perf-eval', label: 'perf-eval dashboard rows JSON' });
    expect(row?.testName).toBe(
      'serving_Llama-3.1-8B-Instruct_tp2_concurrency_32_isl_1024_osl_1024_bf16',
    );
    expect(row?.engine).toBe('vLLM'); // framework "vllm"
    expect(row?.gpu?.type).toBe('H200'); // device "h200"
    expect([row?.tp, row?.concurrency, row?.inputLen, row?.outputLen]).toEqual([2, 32, 1024, 1024]);
    // Text and flags that are no dimension, ep (a number) as text, and the date as written.
    expect(row?.attributes).toEqual({
      date: '2025-11-18 02:10:44',
      image: 'vllm/vllm-openai:nightly',
      precision: 'bf16',
      spec_decoding: 'false',
      disagg: 'false',
      is_multinode: 'false',
      ep: '1',
      dp_attention: 'false',
    });
  });

  it('dates the file by its first row, "2025-11-18 02:10:44" read as ISO', () => {
    expect(parsed.meta?.date).toBe('2025-11-18T02:10:44');
  });

  it('reads the statistics written in seconds as milliseconds', () => {
    expect(row?.metrics.ttft_median).toBeCloseTo(84.5, 9); // 0.0845 s × 1000
    expect(row?.metrics.ttft_p99).toBeCloseTo(131, 9); // 0.131 s × 1000
    expect(row?.metrics.tpot_median).toBeCloseTo(4, 9); // 0.004 s × 1000
    expect(row?.metrics.itl_p99).toBeCloseTo(5.2, 9); // 0.0052 s × 1000
    expect(parsed.meta?.sources?.ttft_median).toBe('median_ttft × 1000 (s → ms)');
  });

  it('keeps per-GPU throughput and interactivity as their own metrics, with their formulas', () => {
    expect(row?.metrics).toMatchObject({
      // 16302 total tok/s ÷ tp 2 = 8151 tok/s per GPU
      'x:Total token throughput per GPU (tok/s/GPU)': 8151,
      'x:Output throughput per GPU (tok/s/GPU)': 4075.5,
      // 1000 ÷ 4.0 ms median TPOT = 250 tok/s per user
      'x:Median interactivity (tok/s/user)': 250,
    });
    // std_intvty is 1000 ÷ std TPOT, no spread of anything: left out.
    expect(Object.keys(row?.metrics ?? {}).some((key) => key.includes('intvty'))).toBe(false);
    expect(row?.metrics.request_throughput).toBeUndefined();
    // Numbers beside the statistics: per-GPU throughput and interactivity, nothing else.
    expect(
      Object.keys(row?.metrics ?? {})
        .filter((key) => key.startsWith('x:'))
        .sort(),
    ).toEqual([
      'x:Input throughput per GPU (tok/s/GPU)',
      'x:Mean interactivity (tok/s/user)',
      'x:Median interactivity (tok/s/user)',
      'x:Output throughput per GPU (tok/s/GPU)',
      'x:P99 interactivity (tok/s/user)',
      'x:Total token throughput per GPU (tok/s/GPU)',
    ]);
    expect(parsed.meta?.sources?.['x:Total token throughput per GPU (tok/s/GPU)']).toContain(
      'tput_per_gpu: total tok/s ÷ GPUs',
    );
    expect(parsed.meta?.sources?.['x:Median interactivity (tok/s/user)']).toBe(
      'median_intvty: 1000 ÷ median_tpot_ms',
    );
  });

  it('reads an InferenceX row: hw for the GPU, another framework, _ms keys as written', () => {
    const text = JSON.stringify({
      hw: 'mi355x',
      conc: 64,
      model: 'deepseek-ai/DeepSeek-R1-0528',
      framework: 'sglang',
      precision: 'fp8',
      isl: 8192,
      osl: 1024,
      tp: 8,
      ep: 8,
      tput_per_gpu: 1520.5,
      median_ttft_ms: 812.0,
      median_intvty: 40.0,
    });
    const rows = parsedOrFail(parseResultsText(text));
    const only = rows.results[0];
    expect(only?.engine).toBe('SGLang');
    expect(only?.gpu?.type).toBe('MI355X');
    expect(only?.metrics.ttft_median).toBe(812);
    expect(rows.meta?.sources?.ttft_median).toBeUndefined();
  });

  it('skips an item of the list that is no dashboard row, saying which', () => {
    const row = { conc: 8, tp: 1, model: 'm', tput_per_gpu: 100, median_ttft: 0.05 };
    const parsed = parsedOrFail(parseResultsText(JSON.stringify([row, { conc: 8 }, row])));
    expect(parsed.results).toHaveLength(2);
    expect(parsed.warnings).toEqual([
      'Skipped row 2: it is not a dashboard row (no tput_per_gpu).',
    ]);
  });

  it('knows a row by per-GPU throughput beside any of conc, isl or osl', () => {
    for (const load of [{ conc: 8 }, { isl: 1024 }, { osl: 128 }]) {
      const text = JSON.stringify({ tput_per_gpu: 100, median_ttft: 0.05, ...load });
      expect(parsedOrFail(parseResultsText(text)).format.id, JSON.stringify(load)).toBe(
        'perf-eval',
      );
    }
    // Lengths name the row only as a pair.
    const oneLength = parsedOrFail(
      parseResultsText(JSON.stringify({ tput_per_gpu: 100, conc: 8, isl: 1024, model: 'm' })),
    );
    expect(oneLength.results[0]?.testName).toBe('serving_m_concurrency_8');
    const outputOnly = parsedOrFail(
      parseResultsText(JSON.stringify({ tput_per_gpu: 100, conc: 8, osl: 128, model: 'm' })),
    );
    expect(outputOnly.results[0]?.testName).toBe('serving_m_concurrency_8');
  });

  it('takes per-GPU throughput without any load for no row', () => {
    const text = JSON.stringify({ tput_per_gpu: 100, median_ttft: 0.05, model: 'm' });
    expect(refusedOrFail(parseResultsText(text)).kind).toBe('not-results');
    expect(refusedOrFail(parseResultsText(`[${text}]`)).kind).toBe('not-results');
  });
});

describe('a perf-eval median record that does not say how it aggregated', () => {
  /** A median record of a 4 req/s run with the aggregation fields given. */
  function medianRecord(aggregation: Record<string, unknown>): string {
    return JSON.stringify({
      backend: 'vllm',
      model_id: 'm',
      request_rate: 4,
      completed: 10,
      request_throughput: 3.9,
      ...aggregation,
    });
  }

  it('says median over repetitions, the default, without a count it does not have', () => {
    const text = medianRecord({ aggregation_method: null, aggregated_repetitions: 0 });
    const parsed = parsedOrFail(parseResultsText(text));
    expect(parsed.warnings).toEqual([
      'Each number is the median over repetitions, taken per key: a P99 and a throughput may come from different runs.',
    ]);
    // No count or method to show (0 repetitions is none): no attribute, not the text "null",
    // and no empty extra column either.
    expect(Object.keys(parsed.results[0]?.attributes ?? {})).not.toContain(
      'aggregated_repetitions',
    );
    expect(
      Object.keys(parsed.results[0]?.metrics ?? {}).filter((key) => key.startsWith('x:')),
    ).toEqual([]);
  });

  it('says which text it cut: the method in the warning, and the field of the result', () => {
    const method = `median${'!'.repeat(195)}`; // 6 + 195 = 201 characters
    const text = medianRecord({ aggregation_method: method });
    expect(parsedOrFail(parseResultsText(text)).warnings).toEqual([
      expect.stringMatching(/^The aggregation method was 201 characters long \("median!/),
      expect.stringMatching(/^Each number is the median!+… over repetitions/),
      expect.stringMatching(/^the result: "aggregation_method" was 201 characters long/),
    ]);
  });
});
