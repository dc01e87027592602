// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parseFixture, parsedOrFail } from './fixtures';

describe('a perf-eval median record', () => {
  const parsed = parseFixture('perf-eval/bench-llama8b-c32.json');
  const run = parsed.results[0];

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
  const parsed = parseFixture('perf-eval/agg_llama8b_h200_c32.json');
  const row = parsed.results[0];

  it('reads identity and load from the row’s own keys', () => {
    expect(parsed.format).toEqual({ id: 'perf-eval', label: 'perf-eval dashboard rows JSON' });
    expect(row?.testName).toBe(
      'serving_Llama-3.1-8B-Instruct_tp2_concurrency_32_isl_1024_osl_1024_bf16',
    );
    expect(row?.engine).toBe('vLLM'); // framework "vllm"
    expect(row?.gpu?.type).toBe('H200'); // device "h200"
    expect([row?.tp, row?.concurrency, row?.inputLen, row?.outputLen]).toEqual([2, 32, 1024, 1024]);
    expect(row?.attributes).toMatchObject({ precision: 'bf16', ep: '1' });
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
});
